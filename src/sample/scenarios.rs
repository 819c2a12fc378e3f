//! The scripted placements: pupils with names from many languages, each
//! with the lapse (if any) the due list should show as of
//! [`SAMPLE_TODAY`](super::SAMPLE_TODAY).

use jiff::civil::{Date, date};

use crate::model::{PlacementKind, SenStatus};

use super::placements::{Dates, Outline, PlanState, Spec};

/// Where a scripted or random placement stands on
/// [`SAMPLE_TODAY`](super::SAMPLE_TODAY).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phase {
    Planned,
    Active,
    Ended(Date),
}

/// A lapse written into a scripted placement.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Twist {
    None,
    MissedReview,
    NoLaNotice,
    NoPlan,
    StaleContact,
}

/// One scripted placement. `end` is the planned end, or the last day when
/// the placement has ended; an off-site direction's maximum period ends
/// on it too.
pub(super) struct Scenario {
    pub(super) name: &'static str,
    pub(super) given: &'static str,
    pub(super) family: &'static str,
    pub(super) year: u8,
    pub(super) provider: usize,
    pub(super) kind: PlacementKind,
    pub(super) start: Date,
    pub(super) end: Date,
    pub(super) phase: Phase,
    pub(super) by_la: bool,
    pub(super) sen: SenStatus,
    pub(super) looked_after: bool,
    pub(super) twist: Twist,
}

#[rustfmt::skip]
pub(super) const SCENARIOS: [Scenario; 9] = {
    use Phase::{Active, Ended, Planned};
    use PlacementKind::{OffSiteDirection, PartTimeTimetable, TimeLimited, Transitional};
    use SenStatus::{Ehcp, SenSupport};
    const NO_SEN: SenStatus = SenStatus::None;
    [
        Scenario { name: "Zoë Clarke", given: "Zoë", family: "Clarke",
            year: 10, provider: 0, kind: TimeLimited, phase: Active,
            start: date(2026, 1, 12), end: date(2027, 3, 26), by_la: false, sen: SenSupport,
            looked_after: false, twist: Twist::None },
        Scenario { name: "Siân Griffiths", given: "Siân", family: "Griffiths",
            year: 9, provider: 1, kind: TimeLimited, phase: Active,
            start: date(2026, 4, 20), end: date(2027, 2, 12), by_la: false, sen: NO_SEN,
            looked_after: false, twist: Twist::MissedReview },
        Scenario { name: "Łukasz Nowak", given: "Łukasz", family: "Nowak",
            year: 11, provider: 2, kind: Transitional, phase: Active,
            start: date(2026, 9, 7), end: date(2027, 5, 28), by_la: false, sen: NO_SEN,
            looked_after: false, twist: Twist::NoLaNotice },
        Scenario { name: "Aoife Byrne", given: "Aoife", family: "Byrne",
            year: 8, provider: 3, kind: OffSiteDirection, phase: Active,
            start: date(2026, 9, 14), end: date(2026, 12, 11), by_la: false, sen: SenSupport,
            looked_after: false, twist: Twist::None },
        Scenario { name: "Nasir Ahmed", given: "Nasir", family: "Ahmed",
            year: 10, provider: 7, kind: PartTimeTimetable, phase: Active,
            start: date(2026, 11, 2), end: date(2026, 12, 18), by_la: false, sen: NO_SEN,
            looked_after: false, twist: Twist::NoPlan },
        Scenario { name: "Ffion Wyn-Ŵyn", given: "Ffion", family: "Wyn-Ŵyn",
            year: 7, provider: 5, kind: Transitional, phase: Active,
            start: date(2026, 9, 7), end: date(2027, 7, 21), by_la: true, sen: Ehcp,
            looked_after: true, twist: Twist::None },
        Scenario { name: "Nguyễn Văn An", given: "An", family: "Nguyễn",
            year: 11, provider: 4, kind: TimeLimited, phase: Active,
            start: date(2026, 2, 23), end: date(2027, 5, 28), by_la: false, sen: NO_SEN,
            looked_after: false, twist: Twist::StaleContact },
        Scenario { name: "Ngozi Ọkọ́nkwọ́", given: "Ngozi", family: "Ọkọ́nkwọ́",
            year: 9, provider: 6, kind: Transitional, phase: Planned,
            start: date(2027, 1, 4), end: date(2027, 7, 21), by_la: true, sen: Ehcp,
            looked_after: false, twist: Twist::None },
        Scenario { name: "Jayden Thompson", given: "Jayden", family: "Thompson",
            year: 11, provider: 2, kind: TimeLimited, phase: Ended(date(2026, 7, 17)),
            start: date(2025, 11, 3), end: date(2026, 7, 17), by_la: false, sen: NO_SEN,
            looked_after: false, twist: Twist::None },
    ]
};

pub(super) fn scenario_outline(index: usize, scenario: &Scenario) -> (Outline, Dates) {
    let outline = Outline {
        index,
        name: scenario.name.to_owned(),
        given: scenario.given.to_owned(),
        family: scenario.family.to_owned(),
        year: scenario.year,
        provider: scenario.provider,
        kind: scenario.kind,
        by_la: scenario.by_la,
        sen: scenario.sen,
        looked_after: scenario.looked_after,
    };
    let direction = scenario.kind == PlacementKind::OffSiteDirection;
    let dates = Dates {
        start: scenario.start,
        planned_end: Some(scenario.end),
        maximum_end: direction.then_some(scenario.end),
        phase: scenario.phase,
    };
    (outline, dates)
}

pub(super) fn apply_twist(spec: &mut Spec, twist: Twist) {
    match twist {
        Twist::None => {}
        Twist::MissedReview => spec.reviews_until = date(2026, 7, 22),
        Twist::NoLaNotice => spec.la_informed = false,
        Twist::NoPlan => spec.plan = PlanState::Missing,
        Twist::StaleContact => spec.contacts_until = date(2026, 11, 3),
    }
}
