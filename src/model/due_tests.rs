//! Tests for the due rules on a register with real English term dates for
//! 2025/26 and 2026/27 (and 2027/28 where 29 February matters). Every date
//! is fixed: nothing here reads the clock.

use jiff::civil::{Date, date, time};

use super::*;
use crate::model::{
    AcademicYear, Action, Contact, Destination, DocumentKind, HalfTerm, LaNotification,
    PersonalisedPlan, Provider, ProviderDocument, Pupil, Registration, RegistrationStatus, Review,
    SenStatus, Session, TermCalendar, Weekday,
};

// ---------------------------------------------------------------------------
// Calendar, register and placement builders

fn year(start_year: i16, terms: [(Date, Date); 6]) -> AcademicYear {
    AcademicYear {
        start_year,
        half_terms: terms
            .iter()
            .map(|&(start, end)| HalfTerm { start, end })
            .collect(),
    }
}

fn year_2025_26() -> AcademicYear {
    year(
        2025,
        [
            (date(2025, 9, 3), date(2025, 10, 24)),
            (date(2025, 11, 3), date(2025, 12, 19)),
            (date(2026, 1, 5), date(2026, 2, 13)),
            (date(2026, 2, 23), date(2026, 3, 27)),
            (date(2026, 4, 13), date(2026, 5, 22)),
            (date(2026, 6, 1), date(2026, 7, 22)),
        ],
    )
}

fn year_2026_27() -> AcademicYear {
    year(
        2026,
        [
            (date(2026, 9, 2), date(2026, 10, 23)),
            (date(2026, 11, 2), date(2026, 12, 18)),
            (date(2027, 1, 4), date(2027, 2, 12)),
            (date(2027, 2, 22), date(2027, 3, 26)),
            (date(2027, 4, 12), date(2027, 5, 28)),
            (date(2027, 6, 7), date(2027, 7, 21)),
        ],
    )
}

/// A leap year whose February half-term holiday ends on 29/02/2028.
fn year_2027_28() -> AcademicYear {
    year(
        2027,
        [
            (date(2027, 9, 1), date(2027, 10, 22)),
            (date(2027, 11, 1), date(2027, 12, 17)),
            (date(2028, 1, 4), date(2028, 2, 18)),
            (date(2028, 3, 1), date(2028, 3, 31)),
            (date(2028, 4, 18), date(2028, 5, 26)),
            (date(2028, 6, 5), date(2028, 7, 21)),
        ],
    )
}

/// 2025/26 and 2026/27, entered out of order as a user might.
fn calendar() -> TermCalendar {
    TermCalendar {
        years: vec![year_2026_27(), year_2025_26()],
    }
}

fn provider(id: u32, status: RegistrationStatus) -> Provider {
    Provider {
        id: ProviderId(id),
        name: format!("Provider {id}"),
        registration: Registration {
            status,
            ..Registration::default()
        },
        ..Provider::default()
    }
}

/// Provider 1 is unregistered, provider 2 a registered independent school.
fn register_with(placements: Vec<Placement>) -> Register {
    Register {
        calendar: calendar(),
        providers: vec![
            provider(1, RegistrationStatus::Unregistered),
            provider(2, RegistrationStatus::RegisteredIndependent),
        ],
        placements,
        ..Register::default()
    }
}

fn register_without_calendar(placements: Vec<Placement>) -> Register {
    Register {
        calendar: TermCalendar::default(),
        ..register_with(placements)
    }
}

/// `days` sessions a week of `minutes` each, from 09:00.
fn timetable(days: usize, minutes: i64) -> Vec<Session> {
    let end = time(9, 0, 0, 0)
        .checked_add(jiff::Span::new().minutes(minutes))
        .unwrap();
    Weekday::ALL
        .iter()
        .cycle()
        .take(days)
        .map(|&day| Session {
            day,
            start: time(9, 0, 0, 0),
            end,
        })
        .collect()
}

struct PlacementBuilder(Placement);

/// An active, school-commissioned, time-limited placement of a Year 10
/// pupil at provider 1 from Monday 07/09/2026: 25 hours a week, the plan
/// agreed and the local authority told on 01/09/2026. No reviews or
/// contacts yet.
fn placement(id: u32) -> PlacementBuilder {
    PlacementBuilder(Placement {
        id: PlacementId(id),
        pupil: Pupil {
            name: format!("Pupil {id}"),
            upn: format!("A{id:012}"),
            year_group: 10,
            ..Pupil::default()
        },
        commissioner: Commissioner::School,
        provider: ProviderId(1),
        kind: PlacementKind::TimeLimited,
        start: Some(date(2026, 9, 7)),
        sessions: timetable(5, 300),
        la_informed: LaNotification {
            on: Some(date(2026, 9, 1)),
            how: "Online form".to_owned(),
        },
        status: PlacementStatus::Active,
        plan: Some(PersonalisedPlan {
            agreed_on: Some(date(2026, 9, 1)),
            ..PersonalisedPlan::default()
        }),
        ..Placement::default()
    })
}

impl PlacementBuilder {
    fn starting(mut self, start: Date) -> Self {
        self.0.start = Some(start);
        self
    }

    fn no_start(mut self) -> Self {
        self.0.start = None;
        self
    }

    fn planned(mut self) -> Self {
        self.0.status = PlacementStatus::Planned;
        self
    }

    fn ended(mut self, on: Date) -> Self {
        self.0.status = PlacementStatus::Ended {
            on,
            outcome: String::new(),
            destination: Destination::HomeSchool,
        };
        self
    }

    fn kind(mut self, kind: PlacementKind) -> Self {
        self.0.kind = kind;
        self
    }

    fn commissioned_by_la(mut self) -> Self {
        self.0.commissioner = Commissioner::LocalAuthority;
        self
    }

    fn la_not_told(mut self) -> Self {
        self.0.la_informed = LaNotification::default();
        self
    }

    fn without_plan(mut self) -> Self {
        self.0.plan = None;
        self
    }

    fn plan_agreed(mut self, on: Option<Date>) -> Self {
        self.0.plan = Some(PersonalisedPlan {
            agreed_on: on,
            ..PersonalisedPlan::default()
        });
        self
    }

    fn reviewed(mut self, on: Date) -> Self {
        self.0.reviews.push(Review {
            date: Some(on),
            ..Review::default()
        });
        self
    }

    /// An action agreed at a review on the start day.
    fn action(mut self, due: Date, done_on: Option<Date>) -> Self {
        let action = Action {
            description: "Send the timetable".to_owned(),
            due: Some(due),
            done_on,
            ..Action::default()
        };
        self.0.reviews.push(Review {
            date: self.0.start,
            actions: vec![action],
            ..Review::default()
        });
        self
    }

    fn contact(mut self, with: ContactWith, on: Date) -> Self {
        self.0.contacts.push(Contact {
            date: Some(on),
            with,
            ..Contact::default()
        });
        self
    }

    /// Contact with both the provider and the pupil on one day.
    fn contacted(self, on: Date) -> Self {
        self.contact(ContactWith::Provider, on)
            .contact(ContactWith::Pupil, on)
    }

    fn sessions(mut self, days: usize, minutes: i64) -> Self {
        self.0.sessions = timetable(days, minutes);
        self
    }

    fn no_sessions(mut self) -> Self {
        self.0.sessions.clear();
        self
    }

    fn pupil(mut self, upn: &str, year_group: u8) -> Self {
        self.0.pupil.upn = upn.to_owned();
        self.0.pupil.year_group = year_group;
        self
    }

    fn ehcp(mut self) -> Self {
        self.0.pupil.sen = SenStatus::Ehcp;
        self
    }

    fn looked_after(mut self) -> Self {
        self.0.pupil.looked_after = true;
        self
    }

    fn home_school_hours(mut self, hours: f32) -> Self {
        self.0.pupil.home_school_hours = hours;
        self
    }

    fn maximum_end(mut self, end: Date) -> Self {
        self.0.maximum_end = Some(end);
        self
    }

    fn planned_end(mut self, end: Date) -> Self {
        self.0.planned_end = Some(end);
        self
    }

    fn at(mut self, provider: u32) -> Self {
        self.0.provider = ProviderId(provider);
        self
    }

    fn build(self) -> Placement {
        self.0
    }
}

// ---------------------------------------------------------------------------
// Assertions

/// Items of one kind on `today`.
fn of_kind(register: &Register, today: Date, kind: DueKind) -> Vec<DueItem> {
    due_items(register, today)
        .into_iter()
        .filter(|item| item.kind == kind)
        .collect()
}

/// The single item of `kind` on `today`; fails if there is not exactly one.
#[track_caller]
fn only(register: &Register, today: Date, kind: DueKind) -> DueItem {
    let mut items = of_kind(register, today, kind);
    assert_eq!(items.len(), 1, "expected one {kind:?} item: {items:#?}");
    items.remove(0)
}

#[track_caller]
fn assert_none(register: &Register, today: Date, kind: DueKind) {
    let items = of_kind(register, today, kind);
    assert!(items.is_empty(), "expected no {kind:?} item: {items:#?}");
}

#[track_caller]
fn assert_item(item: &DueItem, severity: Severity, due: Option<Date>, words: &[&str]) {
    assert_eq!(item.severity, severity, "{item:#?}");
    assert_eq!(item.due, due, "{item:#?}");
    for word in words {
        assert!(
            item.reason.contains(word),
            "reason {:?} should mention {word:?}",
            item.reason
        );
    }
}

fn state(register: &Register, today: Date) -> Option<ReviewState> {
    review_state(register, &register.placements[0], today)
}

const P1: Subject = Subject::Placement(PlacementId(1));

// ---------------------------------------------------------------------------
// Half-termly reviews: due soon and overdue boundaries

#[test]
fn review_due_soon_exactly_14_days_before_half_term_ends() {
    let register = register_with(vec![placement(1).build()]);
    let item = only(&register, date(2026, 10, 9), DueKind::Review);
    assert_item(
        &item,
        Severity::DueSoon,
        Some(date(2026, 10, 23)),
        &["Autumn 1 2026/27", "23/10/2026"],
    );
    assert_eq!(item.subject, P1);
    assert!(!item.fallback);
}

#[test]
fn review_not_listed_15_days_before_half_term_ends() {
    let register = register_with(vec![placement(1).build()]);
    assert_none(&register, date(2026, 10, 8), DueKind::Review);
}

#[test]
fn review_due_soon_on_last_day_of_half_term() {
    let register = register_with(vec![placement(1).build()]);
    let item = only(&register, date(2026, 10, 23), DueKind::Review);
    assert_item(
        &item,
        Severity::DueSoon,
        Some(date(2026, 10, 23)),
        &["Autumn 1"],
    );
}

#[test]
fn review_overdue_the_day_after_half_term_ends() {
    let register = register_with(vec![placement(1).build()]);
    let item = only(&register, date(2026, 10, 24), DueKind::Review);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 10, 23)),
        &["No review in Autumn 1 2026/27", "ended 23/10/2026"],
    );
}

#[test]
fn missed_half_term_stays_overdue_into_the_next_one() {
    let register = register_with(vec![placement(1).build()]);
    let item = only(&register, date(2026, 12, 10), DueKind::Review);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 10, 23)),
        &["Autumn 1"],
    );
}

#[test]
fn review_in_every_half_term_keeps_the_list_clear() {
    let register = register_with(vec![
        placement(1)
            .reviewed(date(2026, 10, 14))
            .reviewed(date(2026, 12, 9))
            .build(),
    ]);
    for today in [date(2026, 10, 24), date(2026, 12, 10), date(2026, 12, 19)] {
        assert_none(&register, today, DueKind::Review);
    }
    let item = only(&register, date(2027, 1, 29), DueKind::Review);
    assert_item(
        &item,
        Severity::DueSoon,
        Some(date(2027, 2, 12)),
        &["Spring 1 2026/27"],
    );
}

// ---------------------------------------------------------------------------
// Half-termly reviews: which half-term a review counts for

#[test]
fn review_on_last_day_of_half_term_counts() {
    let register = register_with(vec![placement(1).reviewed(date(2026, 10, 23)).build()]);
    assert_none(&register, date(2026, 10, 24), DueKind::Review);
    assert_none(&register, date(2026, 11, 10), DueKind::Review);
}

#[test]
fn review_in_holiday_after_half_term_counts_for_it() {
    let register = register_with(vec![placement(1).reviewed(date(2026, 10, 28)).build()]);
    // Overdue in the holiday until the late review is held...
    let item = only(&register, date(2026, 10, 27), DueKind::Review);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 10, 23)),
        &["Autumn 1"],
    );
    // ...after which Autumn 1 counts as reviewed.
    for today in [date(2026, 10, 28), date(2026, 11, 1), date(2026, 11, 20)] {
        assert_none(&register, today, DueKind::Review);
    }
}

#[test]
fn holiday_review_does_not_count_for_the_next_half_term() {
    let register = register_with(vec![placement(1).reviewed(date(2026, 10, 28)).build()]);
    let item = only(&register, date(2026, 12, 10), DueKind::Review);
    assert_item(
        &item,
        Severity::DueSoon,
        Some(date(2026, 12, 18)),
        &["Autumn 2 2026/27", "18/12/2026"],
    );
}

#[test]
fn review_window_runs_to_the_day_before_the_next_half_term() {
    let slots = calendar().slots();
    let autumn_1 = slots
        .iter()
        .find(|slot| slot.start_year == 2026 && slot.index == 0)
        .unwrap();
    assert_eq!(autumn_1.window_end, date(2026, 11, 1));
    let summer_2 = slots
        .iter()
        .find(|slot| slot.start_year == 2025 && slot.index == 5)
        .unwrap();
    assert_eq!(summer_2.window_end, date(2026, 8, 31));
    assert_eq!(slots.len(), 12);
    assert!(slots.windows(2).all(|w| w[0].term.start < w[1].term.start));
}

#[test]
fn future_dated_review_does_not_count_until_held() {
    let register = register_with(vec![placement(1).reviewed(date(2026, 10, 22)).build()]);
    let item = only(&register, date(2026, 10, 20), DueKind::Review);
    assert_item(
        &item,
        Severity::DueSoon,
        Some(date(2026, 10, 23)),
        &["Autumn 1"],
    );
    assert_none(&register, date(2026, 10, 22), DueKind::Review);
}

#[test]
fn late_review_early_in_next_half_term_clears_the_missed_one() {
    let register = register_with(vec![placement(1).reviewed(date(2026, 11, 4)).build()]);
    let before = only(&register, date(2026, 11, 3), DueKind::Review);
    assert_item(
        &before,
        Severity::Overdue,
        Some(date(2026, 10, 23)),
        &["Autumn 1"],
    );
    assert_none(&register, date(2026, 11, 5), DueKind::Review);
    let next = state(&register, date(2026, 11, 5)).unwrap();
    assert_eq!(next.due, date(2027, 2, 12));
    assert!(!next.overdue);
}

#[test]
fn review_before_the_start_does_not_count() {
    let register = register_with(vec![
        placement(1)
            .starting(date(2026, 9, 21))
            .reviewed(date(2026, 9, 14))
            .build(),
    ]);
    let item = only(&register, date(2026, 10, 24), DueKind::Review);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 10, 23)),
        &["Autumn 1"],
    );
}

// ---------------------------------------------------------------------------
// Half-termly reviews: when the placement starts

#[test]
fn start_mid_half_term_needs_a_review_in_that_half_term() {
    let register = register_with(vec![placement(1).starting(date(2026, 9, 21)).build()]);
    let item = only(&register, date(2026, 10, 12), DueKind::Review);
    assert_item(
        &item,
        Severity::DueSoon,
        Some(date(2026, 10, 23)),
        &["Autumn 1"],
    );
}

#[test]
fn start_exactly_14_days_before_half_term_ends_needs_a_review_in_it() {
    let register = register_with(vec![placement(1).starting(date(2026, 10, 9)).build()]);
    let item = only(&register, date(2026, 10, 24), DueKind::Review);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 10, 23)),
        &["Autumn 1"],
    );
}

#[test]
fn start_in_last_14_days_of_half_term_folds_into_the_next() {
    let register = register_with(vec![placement(1).starting(date(2026, 10, 10)).build()]);
    for today in [date(2026, 10, 12), date(2026, 10, 24), date(2026, 11, 20)] {
        assert_none(&register, today, DueKind::Review);
    }
    let next = state(&register, date(2026, 10, 24)).unwrap();
    assert_eq!(next.due, date(2026, 12, 18));
    assert!(next.reason.contains("Autumn 2 2026/27"), "{}", next.reason);
    let item = only(&register, date(2026, 12, 19), DueKind::Review);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 12, 18)),
        &["Autumn 2"],
    );
}

#[test]
fn folded_start_still_needs_a_review_inside_the_next_half_term() {
    // A review a week after a late start counts for the half-term it was
    // held in, not for the next one the placement was folded into.
    let register = register_with(vec![
        placement(1)
            .starting(date(2026, 10, 12))
            .reviewed(date(2026, 10, 19))
            .build(),
    ]);
    let item = only(&register, date(2026, 12, 10), DueKind::Review);
    assert_item(
        &item,
        Severity::DueSoon,
        Some(date(2026, 12, 18)),
        &["Autumn 2"],
    );
}

#[test]
fn start_in_holiday_needs_a_review_in_the_next_half_term() {
    let register = register_with(vec![
        placement(1)
            .starting(date(2026, 10, 26))
            .reviewed(date(2026, 10, 28))
            .build(),
    ]);
    assert_none(&register, date(2026, 10, 30), DueKind::Review);
    assert_eq!(
        state(&register, date(2026, 10, 30)).unwrap().due,
        date(2026, 12, 18)
    );
    let item = only(&register, date(2026, 12, 10), DueKind::Review);
    assert_item(
        &item,
        Severity::DueSoon,
        Some(date(2026, 12, 18)),
        &["Autumn 2"],
    );
}

// ---------------------------------------------------------------------------
// Half-termly reviews: holidays

#[test]
fn no_item_in_holiday_after_reviewed_half_term() {
    let register = register_with(vec![
        placement(1)
            .reviewed(date(2026, 10, 15))
            .reviewed(date(2026, 12, 10))
            .build(),
    ]);
    assert_none(&register, date(2026, 10, 28), DueKind::Review);
    assert_none(&register, date(2026, 12, 28), DueKind::Review);
    let christmas = state(&register, date(2026, 12, 28)).unwrap();
    assert_eq!(christmas.due, date(2027, 2, 12));
    assert!(!christmas.overdue);
    assert!(
        christmas.reason.contains("Spring 1 2026/27"),
        "{}",
        christmas.reason
    );
}

#[test]
fn summer_holiday_after_reviewed_summer_2_has_no_item() {
    let register = register_with(vec![
        placement(1)
            .starting(date(2026, 3, 2))
            .reviewed(date(2026, 3, 20))
            .reviewed(date(2026, 5, 14))
            .reviewed(date(2026, 7, 10))
            .build(),
    ]);
    for today in [date(2026, 8, 10), date(2026, 9, 1)] {
        assert_none(&register, today, DueKind::Review);
        let next = state(&register, today).unwrap();
        assert_eq!(next.due, date(2026, 10, 23));
        assert!(!next.fallback);
        assert!(next.reason.contains("Autumn 1 2026/27"), "{}", next.reason);
    }
}

#[test]
fn summer_holiday_flags_missed_summer_2_until_a_late_review() {
    let register = register_with(vec![
        placement(1)
            .starting(date(2026, 3, 2))
            .reviewed(date(2026, 3, 20))
            .reviewed(date(2026, 5, 14))
            .reviewed(date(2026, 8, 20))
            .build(),
    ]);
    let item = only(&register, date(2026, 8, 10), DueKind::Review);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 7, 22)),
        &["No review in Summer 2 2025/26", "22/07/2026"],
    );
    assert!(!item.fallback);
    assert_none(&register, date(2026, 8, 25), DueKind::Review);
}

#[test]
fn summer_holiday_at_the_end_of_the_calendar_names_no_next_review() {
    // Without next year's term dates there is no half-term to name, and
    // the fallback would raise a review in August.
    let register = register_with(vec![
        placement(1)
            .reviewed(date(2027, 5, 20))
            .reviewed(date(2027, 7, 15))
            .build(),
    ]);
    assert!(state(&register, date(2027, 8, 10)).is_none());
    assert_none(&register, date(2027, 8, 10), DueKind::Review);
}

// ---------------------------------------------------------------------------
// Half-termly reviews: 29 February and the six-week fallback

#[test]
fn review_on_29_february_counts_for_the_half_term_before() {
    let mut register = register_with(vec![
        placement(1)
            .starting(date(2027, 9, 6))
            .reviewed(date(2027, 10, 13))
            .reviewed(date(2027, 12, 8))
            .build(),
    ]);
    register.calendar.years.push(year_2027_28());
    let spring_1 = register
        .calendar
        .slots()
        .into_iter()
        .find(|slot| slot.start_year == 2027 && slot.index == 2)
        .unwrap();
    assert_eq!(spring_1.window_end, date(2028, 2, 29));

    let missed = only(&register, date(2028, 2, 29), DueKind::Review);
    assert_item(
        &missed,
        Severity::Overdue,
        Some(date(2028, 2, 18)),
        &["Spring 1 2027/28", "18/02/2028"],
    );

    register.placements[0].reviews.push(Review {
        date: Some(date(2028, 2, 29)),
        ..Review::default()
    });
    assert_none(&register, date(2028, 2, 29), DueKind::Review);
    assert_none(&register, date(2028, 3, 2), DueKind::Review);
    assert_eq!(
        state(&register, date(2028, 3, 2)).unwrap().due,
        date(2028, 3, 31)
    );
}

#[test]
fn no_calendar_uses_six_week_fallback_from_the_start() {
    let register = register_without_calendar(vec![placement(1).starting(date(2026, 9, 1)).build()]);
    assert_none(&register, date(2026, 9, 28), DueKind::Review);
    let soon = only(&register, date(2026, 9, 29), DueKind::Review);
    assert_item(
        &soon,
        Severity::DueSoon,
        Some(date(2026, 10, 13)),
        &[
            "13/10/2026",
            "six-week fallback",
            "since the start on 01/09/2026",
        ],
    );
    assert!(soon.fallback);
    let on_the_day = only(&register, date(2026, 10, 13), DueKind::Review);
    assert_eq!(on_the_day.severity, Severity::DueSoon);
    let late = only(&register, date(2026, 10, 14), DueKind::Review);
    assert_item(
        &late,
        Severity::Overdue,
        Some(date(2026, 10, 13)),
        &["fallback"],
    );
    assert!(late.fallback);
}

#[test]
fn fallback_counts_from_the_last_review_held() {
    let register = register_without_calendar(vec![
        placement(1)
            .reviewed(date(2026, 10, 20))
            .reviewed(date(2026, 11, 25))
            .build(),
    ]);
    // The 25/11 review is not yet held on 17/11, so 20/10 + 42 days counts.
    let item = only(&register, date(2026, 11, 17), DueKind::Review);
    assert_item(
        &item,
        Severity::DueSoon,
        Some(date(2026, 12, 1)),
        &["last review 20/10/2026", "fallback"],
    );
    assert_none(&register, date(2026, 11, 25), DueKind::Review);
}

#[test]
fn fallback_interval_crosses_29_february() {
    let register = register_without_calendar(vec![
        placement(1)
            .starting(date(2027, 9, 6))
            .reviewed(date(2028, 1, 20))
            .build(),
    ]);
    // 20/01/2028 + 42 days is 02/03/2028 in a leap year, not 03/03.
    let soon = only(&register, date(2028, 3, 1), DueKind::Review);
    assert_item(
        &soon,
        Severity::DueSoon,
        Some(date(2028, 3, 2)),
        &["02/03/2028"],
    );
    let late = only(&register, date(2028, 3, 3), DueKind::Review);
    assert_item(
        &late,
        Severity::Overdue,
        Some(date(2028, 3, 2)),
        &["fallback"],
    );
}

#[test]
fn date_after_the_last_calendar_year_uses_the_fallback() {
    let register = register_with(vec![placement(1).reviewed(date(2027, 7, 15)).build()]);
    // The calendar covered the summer, so the six weeks run from its last
    // day (31/08/2027), not from the July review.
    let item = only(&register, date(2027, 10, 15), DueKind::Review);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2027, 10, 12)),
        &["six-week fallback", "no term calendar covers 15/10/2027"],
    );
    assert!(item.fallback);
}

#[test]
fn recent_review_after_the_calendar_ends_is_not_flagged() {
    let register = register_with(vec![placement(1).reviewed(date(2027, 10, 1)).build()]);
    assert_none(&register, date(2027, 10, 15), DueKind::Review);
    let next = state(&register, date(2027, 10, 15)).unwrap();
    assert_eq!(next.due, date(2027, 11, 12));
    assert!(next.fallback);
    assert!(!next.overdue);
}

// ---------------------------------------------------------------------------
// The register's "next review" column

#[test]
fn review_state_gives_this_half_term_end_before_a_review() {
    let register = register_with(vec![placement(1).build()]);
    let next = state(&register, date(2026, 9, 15)).unwrap();
    assert_eq!(next.due, date(2026, 10, 23));
    assert!(!next.overdue);
    assert!(!next.fallback);
    assert_eq!(next.reason, "Review due in Autumn 1 2026/27 by 23/10/2026");
}

#[test]
fn review_state_gives_next_half_term_end_once_reviewed() {
    let register = register_with(vec![placement(1).reviewed(date(2026, 9, 30)).build()]);
    let next = state(&register, date(2026, 10, 1)).unwrap();
    assert_eq!(next.due, date(2026, 12, 18));
    assert!(!next.overdue);
    assert_eq!(next.reason, "Review due in Autumn 2 2026/27 by 18/12/2026");
}

#[test]
fn review_state_marks_a_missed_half_term_overdue() {
    let register = register_with(vec![placement(1).build()]);
    let missed = state(&register, date(2026, 11, 3)).unwrap();
    assert_eq!(missed.due, date(2026, 10, 23));
    assert!(missed.overdue);
}

#[test]
fn review_state_is_none_before_a_placement_is_active() {
    let planned = register_with(vec![placement(1).planned().build()]);
    assert!(state(&planned, date(2026, 10, 1)).is_none());
    let not_started = register_with(vec![placement(1).build()]);
    assert!(state(&not_started, date(2026, 9, 6)).is_none());
    let no_start = register_with(vec![placement(1).no_start().build()]);
    assert!(state(&no_start, date(2026, 10, 1)).is_none());
}

// ---------------------------------------------------------------------------
// Off-site directions

fn direction() -> PlacementBuilder {
    placement(1)
        .kind(PlacementKind::OffSiteDirection)
        .maximum_end(date(2027, 7, 21))
}

#[test]
fn direction_without_a_review_for_ten_weeks_is_overdue() {
    // 07/09/2026 + 70 days = 16/11/2026.
    let register = register_with(vec![direction().build()]);
    assert_none(&register, date(2026, 11, 1), DueKind::DirectionReview);
    let soon = only(&register, date(2026, 11, 2), DueKind::DirectionReview);
    assert_item(
        &soon,
        Severity::DueSoon,
        Some(date(2026, 11, 16)),
        &[
            "Off-site direction",
            "since the direction began",
            "16/11/2026",
        ],
    );
    let on_the_day = only(&register, date(2026, 11, 16), DueKind::DirectionReview);
    assert_eq!(on_the_day.severity, Severity::DueSoon);
    let late = only(&register, date(2026, 11, 17), DueKind::DirectionReview);
    assert_item(
        &late,
        Severity::Overdue,
        Some(date(2026, 11, 16)),
        &["ten weeks"],
    );
    assert_eq!(late.subject, P1);
}

#[test]
fn direction_ten_weeks_run_from_the_last_review() {
    let register = register_with(vec![direction().reviewed(date(2026, 10, 1)).build()]);
    assert_none(&register, date(2026, 11, 25), DueKind::DirectionReview);
    let item = only(&register, date(2026, 12, 11), DueKind::DirectionReview);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 12, 10)),
        &["since 01/10/2026"],
    );
}

#[test]
fn direction_ten_weeks_cross_29_february() {
    let register = register_without_calendar(vec![
        direction()
            .starting(date(2027, 9, 6))
            .maximum_end(date(2028, 7, 21))
            .reviewed(date(2028, 1, 1))
            .build(),
    ]);
    let item = only(&register, date(2028, 3, 12), DueKind::DirectionReview);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2028, 3, 11)),
        &["11/03/2028"],
    );
}

#[test]
fn other_kinds_have_no_ten_week_rule() {
    let register = register_with(vec![placement(1).build()]);
    assert_none(&register, date(2026, 12, 1), DueKind::DirectionReview);
}

#[test]
fn direction_without_maximum_period_is_warned() {
    let mut open_ended = direction().build();
    open_ended.maximum_end = None;
    let register = register_with(vec![open_ended]);
    let item = only(&register, date(2026, 9, 10), DueKind::MaximumPeriod);
    assert_item(
        &item,
        Severity::Warning,
        None,
        &["no agreed maximum period"],
    );

    let with_maximum = register_with(vec![direction().build()]);
    assert_none(&with_maximum, date(2026, 9, 10), DueKind::MaximumPeriod);
    let time_limited = register_with(vec![placement(1).build()]);
    assert_none(&time_limited, date(2026, 9, 10), DueKind::MaximumPeriod);
}

// ---------------------------------------------------------------------------
// Maximum period, for any kind of placement

#[test]
fn maximum_period_ending_within_14_days_is_due_soon() {
    for kind in PlacementKind::ALL {
        let register = register_with(vec![
            placement(1)
                .kind(kind)
                .maximum_end(date(2026, 11, 20))
                .build(),
        ]);
        assert_none(&register, date(2026, 11, 5), DueKind::MaximumPeriod);
        let soon = only(&register, date(2026, 11, 6), DueKind::MaximumPeriod);
        assert_item(
            &soon,
            Severity::DueSoon,
            Some(date(2026, 11, 20)),
            &["ends on 20/11/2026"],
        );
        let last_day = only(&register, date(2026, 11, 20), DueKind::MaximumPeriod);
        assert_eq!(last_day.severity, Severity::DueSoon);
    }
}

#[test]
fn maximum_period_passed_is_overdue() {
    let register = register_with(vec![
        placement(1)
            .kind(PlacementKind::Transitional)
            .maximum_end(date(2026, 11, 20))
            .build(),
    ]);
    let item = only(&register, date(2026, 11, 21), DueKind::MaximumPeriod);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 11, 20)),
        &["ended on 20/11/2026"],
    );
}

// ---------------------------------------------------------------------------
// Contact with the provider and the pupil

#[test]
fn no_contact_with_the_provider_for_the_interval_is_overdue() {
    let register = register_with(vec![
        placement(1)
            .contact(ContactWith::Provider, date(2026, 10, 1))
            .contact(ContactWith::Pupil, date(2026, 10, 10))
            .build(),
    ]);
    assert_none(&register, date(2026, 10, 15), DueKind::Contact);
    let item = only(&register, date(2026, 10, 16), DueKind::Contact);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 10, 15)),
        &["No contact with the provider since 01/10/2026"],
    );
    assert_eq!(item.subject, P1);
}

#[test]
fn contact_with_the_pupil_is_checked_separately() {
    let register = register_with(vec![
        placement(1)
            .contact(ContactWith::Provider, date(2026, 9, 18))
            .contact(ContactWith::Parent, date(2026, 9, 18))
            .build(),
    ]);
    assert_none(&register, date(2026, 9, 21), DueKind::Contact);
    let item = only(&register, date(2026, 9, 22), DueKind::Contact);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 9, 21)),
        &["the pupil", "since the start on 07/09/2026"],
    );
}

#[test]
fn contact_interval_setting_is_honoured() {
    let mut register = register_with(vec![placement(1).contacted(date(2026, 10, 1)).build()]);
    register.settings.contact_interval_days = 7;
    assert_none(&register, date(2026, 10, 8), DueKind::Contact);
    let items = of_kind(&register, date(2026, 10, 9), DueKind::Contact);
    assert_eq!(items.len(), 2, "{items:#?}");
    assert!(items.iter().all(|i| i.due == Some(date(2026, 10, 8))));
    assert!(items.iter().any(|i| i.reason.contains("the provider")));
    assert!(items.iter().any(|i| i.reason.contains("the pupil")));
}

#[test]
fn contact_dated_in_the_future_is_ignored() {
    let register = register_with(vec![placement(1).contacted(date(2026, 10, 30)).build()]);
    let items = of_kind(&register, date(2026, 10, 16), DueKind::Contact);
    assert_eq!(items.len(), 2, "{items:#?}");
    for item in &items {
        assert_item(
            item,
            Severity::Overdue,
            Some(date(2026, 9, 21)),
            &["recorded since the start"],
        );
    }
}

#[test]
fn no_contact_item_before_the_placement_starts() {
    let register = register_with(vec![placement(1).planned().build()]);
    assert_none(&register, date(2026, 10, 16), DueKind::Contact);
}

// ---------------------------------------------------------------------------
// Telling the local authority

#[test]
fn active_school_placement_without_la_told_is_overdue() {
    let register = register_with(vec![placement(1).la_not_told().build()]);
    let item = only(&register, date(2026, 9, 10), DueKind::LaNotInformed);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 9, 7)),
        &["local authority has not been told", "started 07/09/2026"],
    );
}

#[test]
fn la_told_clears_the_item() {
    let register = register_with(vec![placement(1).build()]);
    assert_none(&register, date(2026, 9, 10), DueKind::LaNotInformed);
}

#[test]
fn la_commissioned_placement_is_never_flagged_for_telling_the_la() {
    let active = register_with(vec![
        placement(1).commissioned_by_la().la_not_told().build(),
    ]);
    assert_none(&active, date(2026, 9, 10), DueKind::LaNotInformed);
    let planned = register_with(vec![
        placement(1)
            .commissioned_by_la()
            .la_not_told()
            .planned()
            .build(),
    ]);
    assert_none(&planned, date(2026, 9, 1), DueKind::LaNotInformed);
}

#[test]
fn planned_placement_starting_within_14_days_must_tell_la_soon() {
    let register = register_with(vec![placement(1).planned().la_not_told().build()]);
    let item = only(&register, date(2026, 8, 24), DueKind::LaNotInformed);
    assert_item(
        &item,
        Severity::DueSoon,
        Some(date(2026, 9, 7)),
        &["Tell the local authority", "07/09/2026"],
    );
    let start_day = only(&register, date(2026, 9, 7), DueKind::LaNotInformed);
    assert_eq!(start_day.severity, Severity::DueSoon);
}

#[test]
fn planned_placement_starting_later_is_only_a_warning_for_the_la() {
    let register = register_with(vec![placement(1).planned().la_not_told().build()]);
    let item = only(&register, date(2026, 8, 23), DueKind::LaNotInformed);
    assert_item(
        &item,
        Severity::Warning,
        Some(date(2026, 9, 7)),
        &["Tell the local authority", "07/09/2026"],
    );
}

#[test]
fn planned_placement_past_its_start_without_la_told_is_overdue() {
    let register = register_with(vec![placement(1).planned().la_not_told().build()]);
    let item = only(&register, date(2026, 9, 8), DueKind::LaNotInformed);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 9, 7)),
        &["has not been told", "07/09/2026"],
    );
}

#[test]
fn planned_placement_without_a_start_date_warns_about_the_la() {
    let register = register_with(vec![
        placement(1).planned().no_start().la_not_told().build(),
    ]);
    let item = only(&register, date(2026, 9, 8), DueKind::LaNotInformed);
    assert_item(&item, Severity::Warning, None, &["planned placement"]);
}

// ---------------------------------------------------------------------------
// The personalised plan

#[test]
fn active_placement_without_a_plan_is_overdue() {
    let register = register_with(vec![placement(1).without_plan().build()]);
    let item = only(&register, date(2026, 9, 8), DueKind::Plan);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 9, 7)),
        &["No personalised plan", "started on 07/09/2026"],
    );
}

#[test]
fn draft_plan_is_not_agreed() {
    let register = register_with(vec![placement(1).plan_agreed(None).build()]);
    let item = only(&register, date(2026, 9, 8), DueKind::Plan);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 9, 7)),
        &["plan is not agreed"],
    );
}

#[test]
fn plan_agreed_after_the_start_is_a_warning() {
    let register = register_with(vec![
        placement(1).plan_agreed(Some(date(2026, 9, 14))).build(),
    ]);
    let item = only(&register, date(2026, 9, 20), DueKind::Plan);
    assert_item(
        &item,
        Severity::Warning,
        None,
        &["agreed on 14/09/2026", "after the start on 07/09/2026"],
    );
}

#[test]
fn plan_agreed_on_the_start_day_is_fine() {
    let register = register_with(vec![
        placement(1).plan_agreed(Some(date(2026, 9, 7))).build(),
    ]);
    assert_none(&register, date(2026, 9, 20), DueKind::Plan);
}

#[test]
fn planned_start_within_14_days_needs_an_agreed_plan() {
    let register = register_with(vec![placement(1).planned().without_plan().build()]);
    assert_none(&register, date(2026, 8, 23), DueKind::Plan);
    let item = only(&register, date(2026, 8, 24), DueKind::Plan);
    assert_item(
        &item,
        Severity::DueSoon,
        Some(date(2026, 9, 7)),
        &["No personalised plan", "agreed by the start on 07/09/2026"],
    );
}

#[test]
fn planned_start_passed_without_an_agreed_plan_is_overdue() {
    let register = register_with(vec![placement(1).planned().plan_agreed(None).build()]);
    let item = only(&register, date(2026, 9, 10), DueKind::Plan);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 9, 7)),
        &["not agreed", "07/09/2026"],
    );
}

// ---------------------------------------------------------------------------
// Planned placements whose start has passed

#[test]
fn planned_placement_past_its_start_date_is_warned() {
    let register = register_with(vec![placement(1).planned().build()]);
    assert_none(&register, date(2026, 9, 7), DueKind::StartPassed);
    let item = only(&register, date(2026, 9, 8), DueKind::StartPassed);
    assert_item(
        &item,
        Severity::Warning,
        Some(date(2026, 9, 7)),
        &["Planned to start on 07/09/2026", "mark it active"],
    );
}

#[test]
fn active_placement_is_never_start_passed() {
    let register = register_with(vec![placement(1).build()]);
    assert_none(&register, date(2026, 9, 8), DueKind::StartPassed);
}

// ---------------------------------------------------------------------------
// Review actions

#[test]
fn open_review_action_past_due_is_overdue() {
    let register = register_with(vec![placement(1).action(date(2026, 9, 30), None).build()]);
    assert_none(&register, date(2026, 9, 30), DueKind::ReviewAction);
    let item = only(&register, date(2026, 10, 1), DueKind::ReviewAction);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 9, 30)),
        &["A review action was due on 30/09/2026"],
    );
}

#[test]
fn done_review_action_is_not_flagged() {
    let register = register_with(vec![
        placement(1)
            .action(date(2026, 9, 30), Some(date(2026, 10, 2)))
            .build(),
    ]);
    assert_none(&register, date(2026, 10, 5), DueKind::ReviewAction);
}

#[test]
fn several_late_actions_make_one_item_from_the_earliest() {
    let register = register_with(vec![
        placement(1)
            .action(date(2026, 10, 2), None)
            .action(date(2026, 9, 25), None)
            .action(date(2026, 9, 20), Some(date(2026, 9, 21)))
            .action(date(2026, 12, 1), None)
            .build(),
    ]);
    let item = only(&register, date(2026, 10, 5), DueKind::ReviewAction);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 9, 25)),
        &["2 review actions are past due", "25/09/2026"],
    );
}

// ---------------------------------------------------------------------------
// Provider documents

fn with_document(register: &mut Register, provider: u32, expires: Date) {
    let provider = register
        .providers
        .iter_mut()
        .find(|p| p.id == ProviderId(provider))
        .unwrap();
    provider.documents.push(ProviderDocument {
        kind: DocumentKind::PublicLiability,
        expires_on: Some(expires),
        ..ProviderDocument::default()
    });
}

#[test]
fn expired_provider_document_is_overdue() {
    let mut register = register_with(vec![placement(1).build()]);
    with_document(&mut register, 1, date(2026, 9, 30));
    let item = only(&register, date(2026, 10, 1), DueKind::ProviderDocument);
    assert_item(
        &item,
        Severity::Overdue,
        Some(date(2026, 9, 30)),
        &["Public liability insurance expired on 30/09/2026"],
    );
    assert_eq!(item.subject, Subject::Provider(ProviderId(1)));
}

#[test]
fn provider_document_expiring_within_30_days_is_due_soon() {
    let mut register = register_with(vec![placement(1).build()]);
    with_document(&mut register, 1, date(2026, 10, 31));
    assert_none(&register, date(2026, 9, 30), DueKind::ProviderDocument);
    let item = only(&register, date(2026, 10, 1), DueKind::ProviderDocument);
    assert_item(
        &item,
        Severity::DueSoon,
        Some(date(2026, 10, 31)),
        &["expires on 31/10/2026"],
    );
    let last_day = only(&register, date(2026, 10, 31), DueKind::ProviderDocument);
    assert_eq!(last_day.severity, Severity::DueSoon);
}

#[test]
fn providers_without_current_placements_are_ignored_for_documents() {
    let mut register = register_with(vec![placement(1).ended(date(2026, 7, 17)).build()]);
    with_document(&mut register, 1, date(2026, 9, 30));
    with_document(&mut register, 2, date(2026, 9, 30));
    assert_none(&register, date(2026, 10, 1), DueKind::ProviderDocument);
}

#[test]
fn planned_placement_makes_provider_documents_count() {
    let mut register = register_with(vec![placement(1).planned().at(2).build()]);
    with_document(&mut register, 2, date(2026, 9, 30));
    let item = only(&register, date(2026, 10, 1), DueKind::ProviderDocument);
    assert_eq!(item.subject, Subject::Provider(ProviderId(2)));
}

// ---------------------------------------------------------------------------
// Weekly hours and part-time timetables

fn part_time_items(register: &Register, today: Date) -> Vec<DueItem> {
    of_kind(register, today, DueKind::PartTime)
}

#[test]
fn hours_are_summed_across_placements_of_one_pupil_by_upn() {
    // 15 h + 5 h at two providers plus 5 h at school: 25 h, full time in Year 10.
    let first = placement(1)
        .pupil("A123456789012", 10)
        .sessions(5, 180)
        .home_school_hours(5.0);
    let second = placement(2)
        .pupil(" a123456789012 ", 10)
        .sessions(5, 60)
        .at(2)
        .home_school_hours(5.0);
    let full = register_with(vec![first.build(), second.build()]);
    assert!(part_time_items(&full, date(2026, 10, 1)).is_empty());

    let first = placement(1).pupil("A123456789012", 10).sessions(5, 180);
    let second = placement(2)
        .pupil("a123456789012", 10)
        .sessions(5, 60)
        .at(2);
    let short = register_with(vec![first.build(), second.build()]);
    let items = part_time_items(&short, date(2026, 10, 1));
    assert_eq!(items.len(), 1, "one item per pupil: {items:#?}");
    assert_item(
        &items[0],
        Severity::Warning,
        None,
        &[
            "20.0 hours a week in all",
            "25.0 hours full time",
            "Year 10",
        ],
    );
    assert_eq!(items[0].subject, P1);
}

#[test]
fn hours_below_the_key_stage_setting_are_warned() {
    let mut register = register_with(vec![placement(1).pupil("B1", 8).sessions(5, 120).build()]);
    let item = only(&register, date(2026, 10, 1), DueKind::PartTime);
    assert_item(
        &item,
        Severity::Warning,
        None,
        &["10.0 hours", "24.0 hours", "Year 8"],
    );
    register.settings.full_time_hours.ks3 = 10.0;
    assert_none(&register, date(2026, 10, 1), DueKind::PartTime);
}

#[test]
fn reception_pupil_is_named_as_reception() {
    let register = register_with(vec![placement(1).pupil("C1", 0).sessions(5, 120).build()]);
    let item = only(&register, date(2026, 10, 1), DueKind::PartTime);
    assert_item(&item, Severity::Warning, None, &["21.0 hours", "Reception"]);
}

#[test]
fn year_12_pupil_has_no_full_time_check() {
    let register = register_with(vec![placement(1).pupil("D1", 12).sessions(1, 60).build()]);
    assert_none(&register, date(2026, 10, 1), DueKind::PartTime);
}

#[test]
fn planned_placement_hours_are_not_checked() {
    let register = register_with(vec![placement(1).planned().no_sessions().build()]);
    assert_none(&register, date(2026, 10, 1), DueKind::PartTime);
}

#[test]
fn part_time_timetable_without_an_end_date_is_warned() {
    let open = register_with(vec![
        placement(1)
            .kind(PlacementKind::PartTimeTimetable)
            .home_school_hours(25.0)
            .build(),
    ]);
    let item = only(&open, date(2026, 10, 1), DueKind::PartTime);
    assert_item(
        &item,
        Severity::Warning,
        None,
        &["Part-time timetable with no end date"],
    );

    let dated = register_with(vec![
        placement(1)
            .kind(PlacementKind::PartTimeTimetable)
            .home_school_hours(25.0)
            .planned_end(date(2026, 12, 18))
            .build(),
    ]);
    assert_none(&dated, date(2026, 10, 1), DueKind::PartTime);
}

// ---------------------------------------------------------------------------
// Registration threshold for unregistered providers

/// Pupil `id` at provider 1 for `minutes` a day, five days a week.
fn full_timer(id: u32, minutes: i64) -> PlacementBuilder {
    placement(id).sessions(5, minutes)
}

#[test]
fn five_full_time_pupils_at_an_unregistered_provider_are_warned() {
    let placements = (1..=5).map(|id| full_timer(id, 220).build()).collect();
    let register = register_with(placements);
    let item = only(&register, date(2026, 10, 1), DueKind::Registration);
    assert_item(
        &item,
        Severity::Warning,
        None,
        &[
            "may have to register",
            "5 of our pupils attend full time",
            "over 18 hours",
        ],
    );
    assert_eq!(item.subject, Subject::Provider(ProviderId(1)));
}

#[test]
fn four_full_time_pupils_are_not_warned() {
    let mut placements: Vec<Placement> = (1..=4).map(|id| full_timer(id, 220).build()).collect();
    // A fifth pupil part time and a fourth pupil's second placement do not
    // make five full-time pupils.
    placements.push(full_timer(5, 200).build());
    placements.push(full_timer(6, 220).pupil("A000000000004", 10).build());
    let register = register_with(placements);
    assert_none(&register, date(2026, 10, 1), DueKind::Registration);
}

#[test]
fn one_full_time_pupil_with_an_ehcp_is_warned() {
    let register = register_with(vec![full_timer(1, 220).ehcp().build()]);
    let item = only(&register, date(2026, 10, 1), DueKind::Registration);
    assert_item(&item, Severity::Warning, None, &["EHCP or looked after"]);
}

#[test]
fn one_full_time_looked_after_pupil_is_warned() {
    let register = register_with(vec![full_timer(1, 220).looked_after().build()]);
    let item = only(&register, date(2026, 10, 1), DueKind::Registration);
    assert_item(&item, Severity::Warning, None, &["EHCP or looked after"]);
}

#[test]
fn exactly_18_hours_is_not_full_time() {
    // 5 × 3 h 36 min = 18 h exactly.
    let at_18 = register_with(vec![full_timer(1, 216).ehcp().build()]);
    assert_none(&at_18, date(2026, 10, 1), DueKind::Registration);
    let just_over = register_with(vec![full_timer(1, 217).ehcp().build()]);
    assert_eq!(
        only(&just_over, date(2026, 10, 1), DueKind::Registration).severity,
        Severity::Warning
    );
}

#[test]
fn registered_provider_is_never_flagged() {
    let placements = (1..=6)
        .map(|id| full_timer(id, 300).ehcp().looked_after().at(2).build())
        .collect();
    let register = register_with(placements);
    assert_none(&register, date(2026, 10, 1), DueKind::Registration);
}

#[test]
fn planned_and_ended_placements_do_not_count_for_registration() {
    let register = register_with(vec![
        full_timer(1, 220).ehcp().planned().build(),
        full_timer(2, 220).ehcp().ended(date(2026, 9, 25)).build(),
    ]);
    assert_none(&register, date(2026, 10, 1), DueKind::Registration);
}

// ---------------------------------------------------------------------------
// Ended placements and ordering

#[test]
fn ended_placement_produces_no_items() {
    let ended = placement(1)
        .kind(PlacementKind::OffSiteDirection)
        .ended(date(2026, 10, 16))
        .la_not_told()
        .without_plan()
        .action(date(2026, 9, 20), None)
        .sessions(1, 60)
        .ehcp()
        .build();
    let mut register = register_with(vec![ended]);
    with_document(&mut register, 1, date(2026, 10, 1));
    let items = due_items(&register, date(2026, 12, 1));
    assert!(items.is_empty(), "{items:#?}");
}

#[test]
fn items_are_sorted_overdue_then_due_soon_then_warning_then_by_date() {
    let today = date(2026, 12, 10);
    let register = register_with(vec![
        // Missed Autumn 1; maximum period ends in ten days.
        placement(1)
            .contacted(date(2026, 12, 9))
            .maximum_end(date(2026, 12, 20))
            .build(),
        // Starts in eight days; the local authority has not been told.
        placement(2)
            .planned()
            .starting(date(2026, 12, 18))
            .la_not_told()
            .build(),
        // Part-time timetable, reviewed, with no end date.
        placement(3)
            .kind(PlacementKind::PartTimeTimetable)
            .sessions(3, 120)
            .reviewed(date(2026, 10, 15))
            .reviewed(date(2026, 12, 1))
            .contacted(date(2026, 12, 9))
            .build(),
        // Still marked planned after its start date.
        placement(4).planned().starting(date(2026, 12, 1)).build(),
    ]);
    let items = due_items(&register, today);

    let key = |item: &DueItem| (item.severity, item.due.is_none(), item.due);
    assert!(
        items.windows(2).all(|w| key(&w[0]) <= key(&w[1])),
        "{items:#?}"
    );

    let placement_items: Vec<(Severity, DueKind, Option<Date>)> = items
        .iter()
        .filter(|item| matches!(item.subject, Subject::Placement(_)))
        .map(|item| (item.severity, item.kind, item.due))
        .collect();
    assert_eq!(
        placement_items,
        vec![
            (Severity::Overdue, DueKind::Review, Some(date(2026, 10, 23))),
            (
                Severity::DueSoon,
                DueKind::LaNotInformed,
                Some(date(2026, 12, 18))
            ),
            (
                Severity::DueSoon,
                DueKind::MaximumPeriod,
                Some(date(2026, 12, 20))
            ),
            (
                Severity::Warning,
                DueKind::StartPassed,
                Some(date(2026, 12, 1))
            ),
            (Severity::Warning, DueKind::PartTime, None),
            (Severity::Warning, DueKind::PartTime, None),
        ]
    );
}

#[test]
fn no_contact_item_in_a_school_holiday() {
    let register = register_with(vec![placement(1).build()]);
    // Started 07/09/2026 with no contact: overdue in term, quiet at Christmas.
    let in_term = of_kind(&register, date(2026, 12, 18), DueKind::Contact);
    assert_eq!(in_term.len(), 2, "provider and pupil: {in_term:#?}");
    assert!(
        in_term
            .iter()
            .all(|item| item.severity == Severity::Overdue)
    );
    assert_none(&register, date(2026, 12, 28), DueKind::Contact);
}
