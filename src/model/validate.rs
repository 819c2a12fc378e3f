//! Consistency checks on a loaded register. A file can be well formed and
//! still wrong: a placement that points at a provider that was never
//! entered, an attendance return with more sessions attended than offered.
//! These are reported, never silently repaired.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::{
    AttendanceCode, Commissioner, Placement, PlacementStatus, Provider, ProviderId, Register,
};

/// One inconsistency, located by record and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The record, such as "placement 7" or "provider 3".
    pub record: String,
    /// The field, such as "attendance_code".
    pub field: &'static str,
    /// What is wrong, in words for the user.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {}: {}", self.record, self.field, self.message)
    }
}

/// All problems in the register, in a stable order.
pub(super) fn problems(register: &Register) -> Vec<Problem> {
    let mut out = Vec::new();
    for message in register.calendar.problems() {
        out.push(Problem {
            record: "settings".into(),
            field: "calendar",
            message,
        });
    }
    duplicate_ids(register, &mut out);
    let providers = register.provider_index();
    for placement in &register.placements {
        placement_problems(&providers, placement, &mut out);
    }
    out
}

fn duplicate_ids(register: &Register, out: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    for provider in &register.providers {
        if !seen.insert(provider.id.0) {
            out.push(problem(
                "provider",
                provider.id.0,
                "id",
                "id is used twice".into(),
            ));
        }
    }
    let mut seen = HashSet::new();
    for placement in &register.placements {
        if !seen.insert(placement.id.0) {
            out.push(problem(
                "placement",
                placement.id.0,
                "id",
                "id is used twice".into(),
            ));
        }
    }
}

fn problem(kind: &str, id: u32, field: &'static str, message: String) -> Problem {
    Problem {
        record: format!("{kind} {id}"),
        field,
        message,
    }
}

fn placement_problems(
    providers: &HashMap<ProviderId, &Provider>,
    placement: &Placement,
    out: &mut Vec<Problem>,
) {
    let id = placement.id.0;
    let mut push = |field, message: String| out.push(problem("placement", id, field, message));

    match providers.get(&placement.provider) {
        None => push(
            "provider",
            format!(
                "refers to provider {}, which is not in the register",
                placement.provider
            ),
        ),
        Some(provider) => {
            for site in &placement.sites {
                if provider.site(*site).is_none() {
                    push(
                        "sites",
                        format!("site {site} is not a site of provider {}", provider.id),
                    );
                }
            }
        }
    }

    if placement.pupil.name.trim().is_empty() {
        push("pupil.name", "the pupil has no name".into());
    }
    if placement.pupil.year_group > 14 {
        push(
            "pupil.year_group",
            format!("year {} is not a school year", placement.pupil.year_group),
        );
    }

    code_problems(placement, &mut push);
    date_problems(placement, &mut push);
    record_problems(placement, &mut push);
}

fn code_problems(placement: &Placement, push: &mut impl FnMut(&'static str, String)) {
    match (placement.commissioner, placement.attendance_code) {
        (Commissioner::School, AttendanceCode::K) => push(
            "attendance_code",
            "school-arranged provision is coded B (or D if dual registered), never K".into(),
        ),
        (Commissioner::LocalAuthority, AttendanceCode::B) => {
            push(
                "attendance_code",
                "provision arranged by the local authority is coded K".into(),
            );
        }
        _ => {}
    }
}

fn date_problems(placement: &Placement, push: &mut impl FnMut(&'static str, String)) {
    let Some(start) = placement.start else {
        if !matches!(placement.status, PlacementStatus::Planned) {
            push("start", "the placement has no start date".into());
        }
        return;
    };
    if placement.planned_end.is_some_and(|end| end < start) {
        push("planned_end", "the planned end is before the start".into());
    }
    if placement.maximum_end.is_some_and(|end| end < start) {
        push(
            "maximum_end",
            "the maximum period ends before the start".into(),
        );
    }
    if let PlacementStatus::Ended { on, .. } = placement.status
        && on < start
    {
        push("status", "the placement ended before it started".into());
    }
    for session in &placement.sessions {
        if session.end <= session.start {
            push(
                "sessions",
                format!("the {} session ends before it starts", session.day.short()),
            );
        }
    }
}

fn record_problems(placement: &Placement, push: &mut impl FnMut(&'static str, String)) {
    for ret in &placement.attendance {
        let counted = ret.attended + ret.authorised_absences + ret.unauthorised_absences;
        if counted > ret.sessions_offered {
            push(
                "attendance",
                format!(
                    "return {}: {counted} sessions attended or missed, but only {} offered",
                    ret.id, ret.sessions_offered
                ),
            );
        }
        if let (Some(from), Some(to)) = (ret.from, ret.to)
            && to < from
        {
            push(
                "attendance",
                format!("return {}: the period ends before it starts", ret.id),
            );
        }
    }
    for review in &placement.reviews {
        if let (Some(possible), Some(attended)) =
            (review.sessions_possible, review.sessions_attended)
            && attended > possible
        {
            push(
                "reviews",
                format!(
                    "review {}: {attended} sessions attended of {possible} possible",
                    review.id
                ),
            );
        }
        for rated in &review.progress {
            let known = placement
                .plan
                .as_ref()
                .and_then(|plan| plan.objective(rated.objective));
            if known.is_none() {
                push(
                    "reviews",
                    format!(
                        "review {} rates objective {}, which the plan does not have",
                        review.id, rated.objective
                    ),
                );
            }
        }
    }
}
