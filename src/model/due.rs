//! What needs attention on a given day.
//!
//! [`due_items`] is a pure function of the register and a date, so the
//! dashboard, `ap-monitor due` and the tests all see the same answer for
//! the same day. Each rule below cites the duty it watches.

use std::collections::{BTreeMap, HashSet};

use jiff::ToSpan;
use jiff::civil::Date;

use super::calendar::HalfTermSlot;
use super::dates::format_date;
use super::{
    Commissioner, ContactWith, Placement, PlacementId, PlacementKind, PlacementStatus, ProviderId,
    Register,
};

/// Days ahead in which something counts as due soon.
pub const DUE_SOON_DAYS: i64 = 14;

/// Days ahead in which an expiring provider document is flagged.
pub const DOCUMENT_WARNING_DAYS: i64 = 30;

/// Review interval used only when no term calendar covers the date.
pub const FALLBACK_REVIEW_DAYS: i64 = 42;

/// An off-site direction with no review for this long is flagged (ten
/// weeks: a parent's written request must be met unless there was one).
pub const DIRECTION_REVIEW_DAYS: i64 = 70;

/// More than this many hours a week of daytime provision is full time for
/// the registration test.
pub const REGISTRATION_FULL_TIME_HOURS: f32 = 18.0;

/// Full-time pupils that oblige a provider to register.
pub const REGISTRATION_PUPILS: usize = 5;

/// A placement started this close to the end of a half-term has its first
/// review in the next half-term instead.
const LATE_START_GRACE_DAYS: i64 = 14;

/// How urgent an item is. Ordered most urgent first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// A duty has been missed.
    Overdue,
    /// A date is close.
    DueSoon,
    /// Something to look into.
    Warning,
}

impl Severity {
    /// Words for lists and CSV; never shown by colour alone.
    pub fn label(self) -> &'static str {
        match self {
            Self::Overdue => "Overdue",
            Self::DueSoon => "Due soon",
            Self::Warning => "Warning",
        }
    }
}

/// The record an item is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    /// A placement.
    Placement(PlacementId),
    /// A provider.
    Provider(ProviderId),
}

/// Which rule raised an item; lets the window open the right tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueKind {
    /// Half-termly review.
    Review,
    /// Off-site direction without a review for ten weeks.
    DirectionReview,
    /// Agreed maximum period near or past, or not agreed.
    MaximumPeriod,
    /// No recent contact with the provider or the pupil.
    Contact,
    /// The local authority has not been told.
    LaNotInformed,
    /// No personalised plan, or not agreed.
    Plan,
    /// A planned placement whose start date has passed.
    StartPassed,
    /// An action from a review past its date.
    ReviewAction,
    /// A provider document expired or expiring.
    ProviderDocument,
    /// A pupil's weekly hours below full time, or a part-time timetable
    /// without an end date.
    PartTime,
    /// An unregistered provider that may have to register.
    Registration,
    /// No QA check of a provider before a placement there starts.
    QaMissing,
    /// A provider's latest QA check is a year old, or nearly.
    QaOutOfDate,
    /// An action arising from a QA check past its date.
    QaActions,
    /// An ended placement kept past its retention date.
    Retention,
}

impl DueKind {
    /// Short heading for grouping.
    pub fn label(self) -> &'static str {
        match self {
            Self::Review => "Review",
            Self::DirectionReview => "Off-site direction review",
            Self::MaximumPeriod => "Maximum period",
            Self::Contact => "Contact",
            Self::LaNotInformed => "Local authority not informed",
            Self::Plan => "Personalised plan",
            Self::StartPassed => "Start date passed",
            Self::ReviewAction => "Review action",
            Self::ProviderDocument => "Provider document",
            Self::PartTime => "Part-time education",
            Self::Registration => "Provider registration",
            Self::QaMissing => "QA check missing",
            Self::QaOutOfDate => "QA check out of date",
            Self::QaActions => "QA action",
            Self::Retention => "Record past its retention date",
        }
    }
}

/// One thing that needs attention.
#[derive(Clone, Debug, PartialEq)]
pub struct DueItem {
    /// How urgent.
    pub severity: Severity,
    /// The record concerned.
    pub subject: Subject,
    /// The rule that raised it.
    pub kind: DueKind,
    /// Why, in a sentence for the user.
    pub reason: String,
    /// When it is or was due, where that is a date.
    pub due: Option<Date>,
    /// The date came from the six-week fallback, not the term calendar.
    pub fallback: bool,
}

impl DueItem {
    pub(super) fn new(severity: Severity, subject: Subject, kind: DueKind, reason: String) -> Self {
        Self {
            severity,
            subject,
            kind,
            reason,
            due: None,
            fallback: false,
        }
    }

    pub(super) fn due_on(mut self, date: Date) -> Self {
        self.due = Some(date);
        self
    }
}

/// Everything that needs attention on `today`, most urgent first, then by
/// due date.
pub fn due_items(register: &Register, today: Date) -> Vec<DueItem> {
    let mut items = Vec::new();
    for placement in &register.placements {
        placement_items(register, placement, today, &mut items);
    }
    document_items(register, today, &mut items);
    hours_items(register, today, &mut items);
    registration_items(register, today, &mut items);
    super::checklist::qa_items(register, today, &mut items);
    super::retention::retention_items(register, today, &mut items);
    items.sort_by(|a, b| {
        (a.severity, a.due.is_none(), a.due, a.subject, a.kind).cmp(&(
            b.severity,
            b.due.is_none(),
            b.due,
            b.subject,
            b.kind,
        ))
    });
    items
}

fn placement_items(
    register: &Register,
    placement: &Placement,
    today: Date,
    out: &mut Vec<DueItem>,
) {
    if placement.is_ended() {
        return;
    }
    plan_item(placement, today, out);
    la_item(placement, today, out);
    start_passed_item(placement, today, out);
    if !placement.is_active_on(today) {
        return;
    }
    if let Some(item) = review_item(register, placement, today) {
        out.push(item);
    }
    direction_items(placement, today, out);
    contact_items(register, placement, today, out);
    action_item(placement, today, out);
}

/// Whole days from `from` to `to`; negative when `to` is earlier.
pub fn days_between(from: Date, to: Date) -> i64 {
    from.until(to).map_or(0, |span| i64::from(span.get_days()))
}

fn plus_days(date: Date, days: i64) -> Date {
    date.saturating_add(days.days())
}

/// Where a placement stands against its review cadence on a day: the
/// basis of the review rule and of the register's "next review" column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewState {
    /// When the next review is due.
    pub due: Date,
    /// The due date has passed without a review.
    pub overdue: bool,
    /// Computed with the six-week fallback.
    pub fallback: bool,
    /// Sentence explaining the date.
    pub reason: String,
}

/// The review state of an active placement, or `None` when it is not
/// active, has no start date, or has had its reviews and the term calendar
/// (covering `today`) holds no later half-term, as in the summer holiday
/// before next year's dates are entered.
pub fn review_state(
    register: &Register,
    placement: &Placement,
    today: Date,
) -> Option<ReviewState> {
    let start = placement.start?;
    if !placement.is_active_on(today) {
        return None;
    }
    if register.calendar.covers(today) {
        calendar_review_state(register, placement, start, today)
    } else {
        Some(fallback_review_state(register, placement, start, today))
    }
}

/// Dates of the reviews held by `today`, earliest first. A review dated
/// later has not happened yet, so it satisfies nothing.
fn held_reviews(placement: &Placement, today: Date) -> Vec<Date> {
    let mut dates: Vec<Date> = placement
        .reviews
        .iter()
        .filter_map(|r| r.date)
        .filter(|d| *d <= today)
        .collect();
    dates.sort_unstable();
    dates
}

/// Six weeks from the last review, or from the start; when a calendar
/// ran out before `today`, no sooner than six weeks after its last day,
/// since the half-terms up to then were checked against it.
fn fallback_review_state(
    register: &Register,
    placement: &Placement,
    start: Date,
    today: Date,
) -> ReviewState {
    let last = held_reviews(placement, today).last().copied();
    let calendar_end = register.calendar.last_day_before(today);
    let since = last
        .unwrap_or(start)
        .max(start)
        .max(calendar_end.unwrap_or(start));
    let due = plus_days(since, FALLBACK_REVIEW_DAYS);
    let what = match last {
        Some(date) => format!("last review {}", format_date(date)),
        None => format!("no review since the start on {}", format_date(start)),
    };
    ReviewState {
        due,
        overdue: today > due,
        fallback: true,
        reason: format!(
            "Review due by {} ({what}; six-week fallback: no term calendar covers {})",
            format_date(due),
            format_date(today)
        ),
    }
}

/// Half-terms in which the placement needs a review, up to and including
/// the one `today` falls in, each with the first day a review counts.
///
/// A placement that starts in a holiday, or in the last fortnight of a
/// half-term, owes its first review in the next half-term, and only a
/// review held from that half-term's first day counts for it: an earlier
/// one belongs to the half-term just ended.
fn relevant_slots(register: &Register, start: Date, today: Date) -> Vec<(HalfTermSlot, Date)> {
    let late_start = |slot: &HalfTermSlot| {
        start > slot.term.start && days_between(start, slot.term.end) < LATE_START_GRACE_DAYS
    };
    register
        .calendar
        .slots()
        .into_iter()
        .filter(|slot| slot.term.start <= today && start <= slot.term.end && !late_start(slot))
        .map(|slot| (slot, slot.term.start.max(start)))
        .collect()
}

fn calendar_review_state(
    register: &Register,
    placement: &Placement,
    start: Date,
    today: Date,
) -> Option<ReviewState> {
    let reviews = held_reviews(placement, today);
    let reviewed_between = |from: Date, to: Date| reviews.iter().any(|d| from <= *d && *d <= to);
    let slots = relevant_slots(register, start, today);

    let finished = slots.iter().rev().find(|(slot, _)| slot.term.end < today);
    if let Some((slot, from)) = finished
        && !reviewed_between(*from, today)
    {
        return Some(ReviewState {
            due: slot.term.end,
            overdue: true,
            fallback: false,
            reason: format!(
                "No review in {}, which ended {}",
                slot.label(),
                format_date(slot.term.end)
            ),
        });
    }

    let next = slots
        .iter()
        .find(|(slot, from)| slot.term.end >= today && !reviewed_between(*from, slot.window_end))
        .map(|(slot, _)| *slot)
        .or_else(|| following_slot(register, today))?;
    Some(ReviewState {
        due: next.term.end,
        overdue: false,
        fallback: false,
        reason: format!(
            "Review due in {} by {}",
            next.label(),
            format_date(next.term.end)
        ),
    })
}

/// The first half-term starting after `today`, for a placement that has
/// already had this half-term's review.
fn following_slot(register: &Register, today: Date) -> Option<HalfTermSlot> {
    register
        .calendar
        .slots()
        .into_iter()
        .find(|slot| slot.term.start > today)
}

fn review_item(register: &Register, placement: &Placement, today: Date) -> Option<DueItem> {
    let state = review_state(register, placement, today)?;
    let severity = if state.overdue {
        Severity::Overdue
    } else if days_between(today, state.due) <= DUE_SOON_DAYS {
        Severity::DueSoon
    } else {
        return None;
    };
    let mut item = DueItem::new(
        severity,
        Subject::Placement(placement.id),
        DueKind::Review,
        state.reason,
    )
    .due_on(state.due);
    item.fallback = state.fallback;
    Some(item)
}

fn direction_items(placement: &Placement, today: Date, out: &mut Vec<DueItem>) {
    let subject = Subject::Placement(placement.id);
    if placement.kind == PlacementKind::OffSiteDirection
        && let Some(start) = placement.start
    {
        let last = held_reviews(placement, today).last().copied();
        let since = last.unwrap_or(start).max(start);
        let due = plus_days(since, DIRECTION_REVIEW_DAYS);
        let what = last.map_or("since the direction began".to_owned(), |d| {
            format!("since {}", format_date(d))
        });
        if let Some(severity) = date_severity(today, due) {
            let reason = format!(
                "Off-site direction: no review {what}; ten weeks run to {}",
                format_date(due)
            );
            out.push(DueItem::new(severity, subject, DueKind::DirectionReview, reason).due_on(due));
        }
        if placement.maximum_end.is_none() {
            let reason = "Off-site direction with no agreed maximum period".to_owned();
            out.push(DueItem::new(
                Severity::Warning,
                subject,
                DueKind::MaximumPeriod,
                reason,
            ));
        }
    }
    if let Some(end) = placement.maximum_end
        && let Some(severity) = date_severity(today, end)
    {
        let reason = if today > end {
            format!("The agreed maximum period ended on {}", format_date(end))
        } else {
            format!("The agreed maximum period ends on {}", format_date(end))
        };
        out.push(DueItem::new(severity, subject, DueKind::MaximumPeriod, reason).due_on(end));
    }
}

/// Overdue after `due`, due soon within [`DUE_SOON_DAYS`], else nothing.
fn date_severity(today: Date, due: Date) -> Option<Severity> {
    if today > due {
        Some(Severity::Overdue)
    } else if days_between(today, due) <= DUE_SOON_DAYS {
        Some(Severity::DueSoon)
    } else {
        None
    }
}

/// No contact within the interval. Not raised in school holidays the
/// calendar knows of: the provider is closed too.
fn contact_items(register: &Register, placement: &Placement, today: Date, out: &mut Vec<DueItem>) {
    let Some(start) = placement.start else { return };
    if register.calendar.covers(today) && !register.calendar.in_term(today) {
        return;
    }
    let interval = i64::from(register.settings.contact_interval_days);
    for (with, words) in [
        (ContactWith::Provider, "the provider"),
        (ContactWith::Pupil, "the pupil"),
    ] {
        let last = placement.last_contact(|c| c.with == with && c.date.is_some_and(|d| d <= today));
        let since = last.unwrap_or(start).max(start);
        let due = plus_days(since, interval);
        if today <= due {
            continue;
        }
        let reason = match last {
            Some(date) => format!("No contact with {words} since {}", format_date(date)),
            None => format!(
                "No contact with {words} recorded since the start on {}",
                format_date(start)
            ),
        };
        let subject = Subject::Placement(placement.id);
        out.push(DueItem::new(Severity::Overdue, subject, DueKind::Contact, reason).due_on(due));
    }
}

fn la_item(placement: &Placement, today: Date, out: &mut Vec<DueItem>) {
    if placement.commissioner != Commissioner::School || placement.la_informed.on.is_some() {
        return;
    }
    let subject = Subject::Placement(placement.id);
    let item = match placement.start {
        Some(start) if placement.is_active_on(today) => DueItem::new(
            Severity::Overdue,
            subject,
            DueKind::LaNotInformed,
            format!(
                "The local authority has not been told of the placement (started {})",
                format_date(start)
            ),
        )
        .due_on(start),
        Some(start) => {
            // Due soon only in the last fortnight; overdue once a planned
            // start has gone by.
            let severity = date_severity(today, start).unwrap_or(Severity::Warning);
            let reason = if severity == Severity::Overdue {
                format!(
                    "The local authority has not been told; the placement was to start on {}",
                    format_date(start)
                )
            } else {
                format!(
                    "Tell the local authority before the start on {}",
                    format_date(start)
                )
            };
            DueItem::new(severity, subject, DueKind::LaNotInformed, reason).due_on(start)
        }
        None => DueItem::new(
            Severity::Warning,
            subject,
            DueKind::LaNotInformed,
            "The local authority has not been told of the planned placement".to_owned(),
        ),
    };
    out.push(item);
}

fn plan_item(placement: &Placement, today: Date, out: &mut Vec<DueItem>) {
    let subject = Subject::Placement(placement.id);
    let agreed = placement.plan.as_ref().and_then(|plan| plan.agreed_on);
    let what = if placement.plan.is_none() {
        "No personalised plan"
    } else {
        "The personalised plan is not agreed"
    };
    match (agreed, placement.start) {
        (Some(agreed), Some(start)) if agreed > start => {
            let reason = format!(
                "The personalised plan was agreed on {}, after the start on {}",
                format_date(agreed),
                format_date(start)
            );
            out.push(DueItem::new(
                Severity::Warning,
                subject,
                DueKind::Plan,
                reason,
            ));
        }
        (Some(_), _) => {}
        (None, Some(start)) if placement.is_active_on(today) => {
            let reason = format!("{what}; the placement started on {}", format_date(start));
            out.push(DueItem::new(Severity::Overdue, subject, DueKind::Plan, reason).due_on(start));
        }
        (None, Some(start)) if today > start => {
            let reason = format!(
                "{what}; it should have been agreed by the planned start on {}",
                format_date(start)
            );
            out.push(DueItem::new(Severity::Overdue, subject, DueKind::Plan, reason).due_on(start));
        }
        (None, Some(start)) if days_between(today, start) <= DUE_SOON_DAYS => {
            let reason = format!(
                "{what}; it must be agreed by the start on {}",
                format_date(start)
            );
            out.push(DueItem::new(Severity::DueSoon, subject, DueKind::Plan, reason).due_on(start));
        }
        (None, _) => {}
    }
}

fn start_passed_item(placement: &Placement, today: Date, out: &mut Vec<DueItem>) {
    if placement.status != PlacementStatus::Planned {
        return;
    }
    if let Some(start) = placement.start
        && start < today
    {
        let reason = format!(
            "Planned to start on {}: mark it active or change the date",
            format_date(start)
        );
        let subject = Subject::Placement(placement.id);
        out.push(
            DueItem::new(Severity::Warning, subject, DueKind::StartPassed, reason).due_on(start),
        );
    }
}

fn action_item(placement: &Placement, today: Date, out: &mut Vec<DueItem>) {
    let late: Vec<Date> = placement
        .reviews
        .iter()
        .flat_map(|review| &review.actions)
        .filter(|action| action.done_on.is_none())
        .filter_map(|action| action.due.filter(|due| *due < today))
        .collect();
    let Some(earliest) = late.iter().min().copied() else {
        return;
    };
    let reason = match late.len() {
        1 => format!("A review action was due on {}", format_date(earliest)),
        n => format!(
            "{n} review actions are past due, the first on {}",
            format_date(earliest)
        ),
    };
    let subject = Subject::Placement(placement.id);
    out.push(
        DueItem::new(Severity::Overdue, subject, DueKind::ReviewAction, reason).due_on(earliest),
    );
}

/// Providers with a placement that has not ended.
fn providers_in_use(register: &Register) -> impl Iterator<Item = &super::Provider> {
    let in_use: HashSet<ProviderId> = register
        .placements
        .iter()
        .filter(|p| !p.is_ended())
        .map(|p| p.provider)
        .collect();
    register
        .providers
        .iter()
        .filter(move |provider| in_use.contains(&provider.id))
}

fn document_items(register: &Register, today: Date, out: &mut Vec<DueItem>) {
    for provider in providers_in_use(register) {
        for doc in &provider.documents {
            let Some(expires) = doc.expires_on else {
                continue;
            };
            let days = days_between(today, expires);
            let (severity, verb) = if days < 0 {
                (Severity::Overdue, "expired on")
            } else if days <= DOCUMENT_WARNING_DAYS {
                (Severity::DueSoon, "expires on")
            } else {
                continue;
            };
            let reason = format!("{} {verb} {}", doc.kind.label(), format_date(expires));
            let subject = Subject::Provider(provider.id);
            out.push(
                DueItem::new(severity, subject, DueKind::ProviderDocument, reason).due_on(expires),
            );
        }
    }
}

fn hours_items(register: &Register, today: Date, out: &mut Vec<DueItem>) {
    let mut pupils: BTreeMap<String, Vec<&Placement>> = BTreeMap::new();
    for placement in register.placements.iter().filter(|p| p.is_active_on(today)) {
        pupils
            .entry(placement.pupil.key())
            .or_default()
            .push(placement);
        if placement.kind == PlacementKind::PartTimeTimetable && placement.planned_end.is_none() {
            let reason = "Part-time timetable with no end date".to_owned();
            let subject = Subject::Placement(placement.id);
            out.push(DueItem::new(
                Severity::Warning,
                subject,
                DueKind::PartTime,
                reason,
            ));
        }
    }
    for placements in pupils.values() {
        let Some(first) = placements.first() else {
            continue;
        };
        let year = first.pupil.year_group;
        let Some(full_time) = register.settings.full_time_hours.for_year_group(year) else {
            continue;
        };
        let at_school = placements
            .iter()
            .map(|p| p.pupil.home_school_hours)
            .fold(0.0, f32::max);
        let hours = at_school + placements.iter().map(|p| p.weekly_hours()).sum::<f32>();
        if hours + 0.01 < full_time {
            let reason = format!(
                "{hours:.1} hours a week in all, below the {full_time:.1} hours full time for {}",
                year_words(year)
            );
            let subject = Subject::Placement(first.id);
            out.push(DueItem::new(
                Severity::Warning,
                subject,
                DueKind::PartTime,
                reason,
            ));
        }
    }
}

fn year_words(year: u8) -> String {
    if year == 0 {
        "Reception".to_owned()
    } else {
        format!("Year {year}")
    }
}

fn registration_items(register: &Register, today: Date, out: &mut Vec<DueItem>) {
    let by_provider = register.placements_by_provider();
    for provider in &register.providers {
        if provider.registration.status.is_registered() {
            continue;
        }
        let Some(placements) = by_provider.get(&provider.id) else {
            continue;
        };
        let full_time: Vec<&Placement> = placements
            .iter()
            .copied()
            .filter(|p| p.is_active_on(today) && p.weekly_hours() > REGISTRATION_FULL_TIME_HOURS)
            .collect();
        let mut keys: Vec<String> = full_time.iter().map(|p| p.pupil.key()).collect();
        keys.sort();
        keys.dedup();
        let vulnerable = full_time
            .iter()
            .any(|p| p.pupil.has_ehcp() || p.pupil.looked_after);
        let why = if keys.len() >= REGISTRATION_PUPILS {
            format!("{} of our pupils attend full time", keys.len())
        } else if vulnerable {
            "a pupil with an EHCP or looked after attends full time".to_owned()
        } else {
            continue;
        };
        let reason = format!(
            "Unregistered provider may have to register as a school: {why} (over \
             {REGISTRATION_FULL_TIME_HOURS} hours a week; counted from this school's pupils only)"
        );
        let subject = Subject::Provider(provider.id);
        out.push(DueItem::new(
            Severity::Warning,
            subject,
            DueKind::Registration,
            reason,
        ));
    }
}

#[cfg(test)]
#[path = "due_tests.rs"]
mod tests;
