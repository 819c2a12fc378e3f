//! Who, where and when: a placement's pupil, provider, kind, dates,
//! timetable and attendance code, scripted or drawn at random, settled
//! before any of its records are written.

use jiff::civil::{Date, Time, date, time};

use crate::model::{
    AttendanceCode, Commissioner, FullTimeHours, Placement, PlacementKind, Pupil,
    RegistrationStatus, SenStatus, Session, Weekday,
};

use super::calendar::{
    add_days, school_day_between, school_day_on_or_after, school_day_on_or_before,
};
use super::providers::Made;
use super::scenarios::{Phase, SCENARIOS, apply_twist, scenario_outline};
use super::words::{FAMILY_NAMES, GIVEN_NAMES, STAFF_FAMILY};
use super::{Maker, SAMPLE_TODAY};

const KIND_WEIGHTS: [PlacementKind; 20] = {
    use PlacementKind::{OffSiteDirection as O, PartTimeTimetable as P};
    use PlacementKind::{TimeLimited as T, Transitional as R};
    [T, T, T, T, T, T, T, T, T, R, R, R, O, O, O, P, P, P, P, T]
};
/// Mostly key stage 4, then key stage 3; a few from the primary phase.
const YEAR_WEIGHTS: [u8; 20] = [
    5, 6, 7, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10, 11, 11, 11, 11, 8,
];
const SEN_WEIGHTS: [SenStatus; 10] = {
    use SenStatus::{Ehcp as E, None as N, SenSupport as S};
    [N, N, N, N, N, N, S, S, S, E]
};
const PLANNED_STARTS: [Date; 5] = [
    date(2026, 12, 7),
    date(2026, 12, 14),
    date(2027, 1, 4),
    date(2027, 1, 11),
    date(2027, 1, 18),
];
const TERM_ENDS_AHEAD: [Date; 4] = [
    date(2026, 12, 18),
    date(2027, 2, 12),
    date(2027, 3, 26),
    date(2027, 5, 28),
];
const TRANSITION_ENDS: [Date; 3] = [date(2027, 3, 26), date(2027, 5, 28), date(2027, 7, 21)];

/// Who, where and what, before dates and records are drawn.
pub(super) struct Outline {
    pub(super) index: usize,
    pub(super) name: String,
    pub(super) given: String,
    pub(super) family: String,
    pub(super) year: u8,
    pub(super) provider: usize,
    pub(super) kind: PlacementKind,
    pub(super) by_la: bool,
    pub(super) sen: SenStatus,
    pub(super) looked_after: bool,
}

/// Start, ends and phase.
#[derive(Clone, Copy)]
pub(super) struct Dates {
    pub(super) start: Date,
    pub(super) planned_end: Option<Date>,
    pub(super) maximum_end: Option<Date>,
    pub(super) phase: Phase,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum PlanState {
    Agreed,
    Unagreed,
    Missing,
}

/// Everything decided about a placement before its records are written.
pub(super) struct Spec {
    pub(super) pupil: Pupil,
    pub(super) given: String,
    pub(super) parent: String,
    pub(super) kind: PlacementKind,
    pub(super) commissioner: Commissioner,
    pub(super) code: AttendanceCode,
    pub(super) dates: Dates,
    pub(super) sessions: Vec<Session>,
    pub(super) reason: String,
    pub(super) plan: PlanState,
    pub(super) la_informed: bool,
    /// No review is held after this day.
    pub(super) reviews_until: Date,
    /// The contact log stops on this day.
    pub(super) contacts_until: Date,
    /// Usual attendance, per cent.
    pub(super) rate: i64,
    /// Share of absences that go unauthorised, per cent.
    pub(super) unauthorised: i64,
}

/// The academic year the pupil's year group refers to: the one in which
/// an ended placement ended, else the current one.
fn academic_year(dates: &Dates) -> i16 {
    match dates.phase {
        Phase::Ended(on) if on < date(2026, 9, 1) => 2025,
        _ => 2026,
    }
}

/// A 13-character UPN: check letter, then LA number, establishment
/// number, year of allocation and serial.
fn upn(index: usize, allocated: i16) -> String {
    let establishment = 4000 + index / 1000 % 6000;
    let serial = index % 1000;
    let year = allocated.rem_euclid(100);
    let digits = format!("990{establishment:04}{year:02}{serial:03}");
    format!("{}{digits}", upn_check_letter(&digits))
}

/// The DfE check letter: digits weighted 2 to 13, summed, modulo 23.
pub(super) fn upn_check_letter(digits: &str) -> char {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRTUVWXYZ";
    let sum: u32 = digits
        .bytes()
        .zip(2u32..)
        .map(|(byte, weight)| u32::from(byte.wrapping_sub(b'0')) * weight)
        .sum();
    LETTERS
        .get((sum % 23) as usize)
        .map_or('A', |letter| char::from(*letter))
}

/// Hours a week still taught at the home school. A part-time timetable
/// leaves the pupil below full time on purpose; otherwise school makes up
/// the rest of the week.
fn home_school_hours(kind: PlacementKind, year: u8, provider_hours: f32) -> f32 {
    if kind == PlacementKind::PartTimeTimetable {
        return 6.0;
    }
    let full_time = FullTimeHours::default()
        .for_year_group(year)
        .unwrap_or(25.0);
    (full_time - provider_hours).max(0.0)
}

fn reason_choices(kind: PlacementKind) -> &'static [&'static str] {
    match kind {
        PlacementKind::TimeLimited => &[
            "At risk of permanent exclusion after repeated suspensions for persistent \
             disruption; in-school inclusion and a pastoral support plan did not work",
            "Persistent absence linked to anxiety in large classes; a small setting to \
             rebuild routine before a return",
            "Disengaged from the key stage 4 curriculum; a practical course keeps {given} \
             learning alongside core subjects",
            "Returning after a long medical absence; a staged route back to full-time lessons",
        ],
        PlacementKind::Transitional => &[
            "Specialist provision named in the EHCP; placement while the new school place \
             is arranged",
            "Preparing for a post-16 vocational course, with college taster days built in",
            "Managed move being explored; a fresh start tested before joining a new school",
        ],
        PlacementKind::OffSiteDirection => &[
            "Off-site direction (s.29A EA 2002) to improve behaviour after mentoring, a \
             report card and internal inclusion did not work",
            "Off-site direction to improve behaviour after repeated defiance and leaving \
             lessons; the school's support plan was tried first",
        ],
        PlacementKind::PartTimeTimetable => &[
            "Temporary part-time timetable for anxiety-based school avoidance, agreed with \
             parents, rising every fortnight",
            "Temporary part-time timetable on medical advice while recovering from an \
             operation; parents agreed",
        ],
    }
}

impl Maker {
    pub(super) fn placement_at(&mut self, index: usize, providers: &[Made]) -> Option<Placement> {
        let scenario = SCENARIOS.get(index);
        let (outline, dates) = match scenario {
            Some(scenario) => scenario_outline(index, scenario),
            None => self.random_outline(index, providers.len()),
        };
        let made = providers.get(outline.provider)?;
        let mut spec = self.spec(outline, dates, made);
        match scenario {
            Some(scenario) => apply_twist(&mut spec, scenario.twist),
            None => self.random_lapses(&mut spec),
        }
        Some(self.placement(spec, made))
    }

    fn random_outline(&mut self, index: usize, providers: usize) -> (Outline, Dates) {
        let given = self.rng.pick(&GIVEN_NAMES);
        let family = self.rng.pick(&FAMILY_NAMES);
        let kind = self.rng.pick(&KIND_WEIGHTS);
        let outline = Outline {
            index,
            name: format!("{given} {family}"),
            given: given.to_owned(),
            family: family.to_owned(),
            year: self.rng.pick(&YEAR_WEIGHTS),
            provider: self.rng.below(providers),
            kind,
            by_la: kind != PlacementKind::OffSiteDirection && self.rng.chance(15),
            sen: self.rng.pick(&SEN_WEIGHTS),
            looked_after: self.rng.chance(6),
        };
        let dates = self.random_dates(kind);
        (outline, dates)
    }

    fn random_dates(&mut self, kind: PlacementKind) -> Dates {
        match self.rng.below(100) {
            0..=11 => self.planned_dates(kind),
            12..=34 => self.ended_dates(),
            _ => self.active_dates(kind),
        }
    }

    fn planned_dates(&mut self, kind: PlacementKind) -> Dates {
        let start = self.rng.pick(&PLANNED_STARTS);
        let weeks = if kind == PlacementKind::PartTimeTimetable {
            6
        } else {
            16
        };
        let end = school_day_on_or_before(add_days(start, weeks * 7));
        Dates {
            start,
            planned_end: Some(end),
            maximum_end: (kind == PlacementKind::OffSiteDirection).then_some(end),
            phase: Phase::Planned,
        }
    }

    fn ended_dates(&mut self) -> Dates {
        let start = school_day_between(&mut self.rng, date(2025, 9, 8), 245);
        let length = self.rng.range(8, 30) * 7;
        let end = school_day_on_or_before(add_days(start, length).min(date(2026, 11, 20)));
        let end = end.max(add_days(start, 14));
        Dates {
            start,
            planned_end: Some(end),
            maximum_end: None,
            phase: Phase::Ended(end),
        }
    }

    fn active_dates(&mut self, kind: PlacementKind) -> Dates {
        let (first, days) = match kind {
            PlacementKind::TimeLimited => (date(2025, 9, 8), 434),
            PlacementKind::Transitional => (date(2025, 9, 8), 392),
            PlacementKind::OffSiteDirection => (date(2026, 9, 7), 63),
            PlacementKind::PartTimeTimetable => (date(2026, 10, 5), 49),
        };
        let start = school_day_between(&mut self.rng, first, days);
        let (planned_end, maximum_end) = self.active_ends(kind, start);
        Dates {
            start,
            planned_end: Some(planned_end),
            maximum_end,
            phase: Phase::Active,
        }
    }

    fn active_ends(&mut self, kind: PlacementKind, start: Date) -> (Date, Option<Date>) {
        match kind {
            PlacementKind::TimeLimited => (self.rng.pick(&TERM_ENDS_AHEAD), None),
            PlacementKind::Transitional => (self.rng.pick(&TRANSITION_ENDS), None),
            PlacementKind::OffSiteDirection => {
                let weeks = self.rng.range(16, 20);
                let end = school_day_on_or_after(add_days(start, weeks * 7));
                (end, Some(end))
            }
            PlacementKind::PartTimeTimetable => {
                let end = add_days(start, 42).max(date(2026, 12, 18));
                (school_day_on_or_before(end), None)
            }
        }
    }

    fn spec(&mut self, outline: Outline, dates: Dates, made: &Made) -> Spec {
        let sessions = self.sessions(outline.kind, made.kind.full_time);
        let hours: f32 = sessions.iter().map(Session::hours).sum();
        let home_hours = home_school_hours(outline.kind, outline.year, hours);
        let commissioner = if outline.by_la {
            Commissioner::LocalAuthority
        } else {
            Commissioner::School
        };
        let unagreed = dates.phase == Phase::Planned && self.rng.chance(50);
        Spec {
            code: self.code(commissioner, outline.kind, made.kind.status),
            parent: self.parent(&outline.family, outline.looked_after),
            reason: self.reason(outline.kind, &outline.given),
            pupil: self.pupil(&outline, academic_year(&dates), home_hours),
            given: outline.given,
            kind: outline.kind,
            commissioner,
            dates,
            sessions,
            plan: if unagreed {
                PlanState::Unagreed
            } else {
                PlanState::Agreed
            },
            la_informed: dates.phase != Phase::Planned || self.rng.chance(70),
            reviews_until: add_days(SAMPLE_TODAY, -1),
            contacts_until: add_days(SAMPLE_TODAY, -1),
            rate: self.rng.range(55, 97),
            unauthorised: self.rng.range(10, 70),
        }
    }

    /// Lapses sprinkled over random active placements, as a real register
    /// would have.
    fn random_lapses(&mut self, spec: &mut Spec) {
        if spec.dates.phase != Phase::Active {
            return;
        }
        if self.rng.chance(4) {
            spec.plan = PlanState::Missing;
        } else if self.rng.chance(4) {
            spec.plan = PlanState::Unagreed;
        }
        if spec.commissioner == Commissioner::School && self.rng.chance(5) {
            spec.la_informed = false;
        }
        if self.rng.chance(4) {
            spec.reviews_until = date(2026, 9, 1);
        }
        if self.rng.chance(4) {
            spec.contacts_until = add_days(SAMPLE_TODAY, -self.rng.range(18, 40));
        }
    }

    fn pupil(&mut self, outline: &Outline, academic_year: i16, home_hours: f32) -> Pupil {
        let allocated = academic_year - i16::from(outline.year);
        let upn = if self.rng.chance(90) {
            upn(outline.index, allocated)
        } else {
            String::new()
        };
        Pupil {
            name: outline.name.clone(),
            date_of_birth: Some(self.birth_date(outline.year, academic_year)),
            upn,
            year_group: outline.year,
            sen: outline.sen,
            looked_after: outline.looked_after,
            home_school_hours: home_hours,
        }
    }

    /// A birthday that puts the pupil in `year` in the academic year
    /// starting in `academic_year`: Year 7 in 2026/27 means born between
    /// 1 September 2014 and 31 August 2015.
    fn birth_date(&mut self, year: u8, academic_year: i16) -> Date {
        let born_from = academic_year - i16::from(year) - 5;
        add_days(date(born_from, 9, 1), self.rng.range(0, 364))
    }

    fn parent(&mut self, family: &str, looked_after: bool) -> String {
        let title = self.rng.pick(&["Ms", "Mrs", "Mr", "Miss"]);
        if looked_after {
            let carer = self.rng.pick(&STAFF_FAMILY);
            format!("{title} {carer} (foster carer)")
        } else {
            format!("{title} {family}")
        }
    }

    fn reason(&mut self, kind: PlacementKind, given: &str) -> String {
        self.rng
            .pick(reason_choices(kind))
            .replace("{given}", given)
    }

    fn code(
        &mut self,
        commissioner: Commissioner,
        kind: PlacementKind,
        status: RegistrationStatus,
    ) -> AttendanceCode {
        let school_setting = matches!(
            status,
            RegistrationStatus::Maintained | RegistrationStatus::Academy
        );
        match commissioner {
            Commissioner::LocalAuthority => AttendanceCode::K,
            Commissioner::School
                if school_setting
                    && (kind == PlacementKind::OffSiteDirection || self.rng.chance(15)) =>
            {
                AttendanceCode::D
            }
            Commissioner::School => AttendanceCode::B,
        }
    }

    /// Full-time settings run the school day; other providers take the
    /// pupil two or three days a week; a part-time timetable is mornings.
    fn sessions(&mut self, kind: PlacementKind, full_time: bool) -> Vec<Session> {
        use Weekday::{Fri, Mon, Thu, Tue, Wed};
        let (days, start, end): (&[Weekday], Time, Time) =
            if kind == PlacementKind::PartTimeTimetable {
                let days = self.rng.pick(&[&[Mon, Wed, Fri][..], &[Tue, Thu][..]]);
                (days, time(9, 0, 0, 0), time(12, 0, 0, 0))
            } else if full_time {
                (&Weekday::ALL, time(9, 0, 0, 0), time(15, 0, 0, 0))
            } else {
                let days = self
                    .rng
                    .pick(&[&[Tue, Thu][..], &[Mon, Wed][..], &[Mon, Wed, Fri][..]]);
                (days, time(9, 30, 0, 0), time(14, 30, 0, 0))
            };
        days.iter()
            .map(|&day| Session { day, start, end })
            .collect()
    }
}
