//! The school's half-terms, and date arithmetic on them: weekdays, teaching
//! days and the sessions a timetable offers between two dates.

use jiff::ToSpan;
use jiff::civil::{Date, date};

use crate::model::due::days_between;
use crate::model::{AcademicYear, HalfTerm, Session, TermCalendar, Weekday};

use super::rng::Rng;

/// Autumn 2025 to summer 2027, six half-terms a year.
pub(super) const TERMS: [HalfTerm; 12] = [
    term(date(2025, 9, 3), date(2025, 10, 24)),
    term(date(2025, 11, 3), date(2025, 12, 19)),
    term(date(2026, 1, 5), date(2026, 2, 13)),
    term(date(2026, 2, 23), date(2026, 3, 27)),
    term(date(2026, 4, 13), date(2026, 5, 22)),
    term(date(2026, 6, 1), date(2026, 7, 22)),
    term(date(2026, 9, 2), date(2026, 10, 23)),
    term(date(2026, 11, 2), date(2026, 12, 18)),
    term(date(2027, 1, 4), date(2027, 2, 12)),
    term(date(2027, 2, 22), date(2027, 3, 26)),
    term(date(2027, 4, 12), date(2027, 5, 28)),
    term(date(2027, 6, 7), date(2027, 7, 21)),
];

const fn term(start: Date, end: Date) -> HalfTerm {
    HalfTerm { start, end }
}

pub(super) fn calendar() -> TermCalendar {
    let years = TERMS
        .chunks(6)
        .zip(2025..)
        .map(|(terms, start_year)| AcademicYear {
            start_year,
            half_terms: terms.to_vec(),
        })
        .collect();
    TermCalendar { years }
}

pub(super) fn add_days(day: Date, days: i64) -> Date {
    day.saturating_add(days.days())
}

/// Days from Monday: 0 for Monday up to 6 for Sunday.
fn weekday_offset(day: Date) -> i64 {
    i64::from(day.weekday().to_monday_zero_offset())
}

fn day_offset(day: Weekday) -> i64 {
    match day {
        Weekday::Mon => 0,
        Weekday::Tue => 1,
        Weekday::Wed => 2,
        Weekday::Thu => 3,
        Weekday::Fri => 4,
    }
}

/// The day itself, or the Friday before a weekend.
pub(super) fn weekday_on_or_before(day: Date) -> Date {
    add_days(day, -(weekday_offset(day) - 4).max(0))
}

/// The day itself, or the Monday after a weekend.
fn weekday_on_or_after(day: Date) -> Date {
    match weekday_offset(day) {
        5 => add_days(day, 2),
        6 => add_days(day, 1),
        _ => day,
    }
}

/// The first teaching day on or after `day`.
pub(super) fn school_day_on_or_after(day: Date) -> Date {
    let Some(half) = TERMS.iter().find(|half| half.end >= day) else {
        return weekday_on_or_after(day);
    };
    weekday_on_or_after(day.max(half.start))
}

/// The last teaching day on or before `day`.
pub(super) fn school_day_on_or_before(day: Date) -> Date {
    let Some(half) = TERMS.iter().rev().find(|half| half.start <= day) else {
        return weekday_on_or_before(day);
    };
    weekday_on_or_before(day.min(half.end))
}

pub(super) fn in_term(day: Date) -> bool {
    TERMS
        .iter()
        .any(|half| half.start <= day && day <= half.end)
}

/// A random teaching day from `first` up to `days` days later.
pub(super) fn school_day_between(rng: &mut Rng, first: Date, days: i64) -> Date {
    school_day_on_or_after(add_days(first, rng.range(0, days)))
}

/// Half-day sessions the pattern offers from `from` to `to` inclusive.
pub(super) fn offered_half_days(sessions: &[Session], from: Date, to: Date) -> u32 {
    count_sessions(sessions, from, to, half_days)
}

/// Sessions on teaching days from `from` to `to` inclusive, each counted
/// as `weigh` says.
pub(super) fn count_sessions(
    sessions: &[Session],
    from: Date,
    to: Date,
    weigh: fn(&Session) -> i64,
) -> u32 {
    TERMS
        .iter()
        .map(|half| {
            let (from, to) = (from.max(half.start), to.min(half.end));
            count_weekdays(sessions, from, to, weigh)
        })
        .sum()
}

/// Sessions on every weekday from `from` to `to` inclusive, holidays
/// included.
fn count_weekdays(sessions: &[Session], from: Date, to: Date, weigh: fn(&Session) -> i64) -> u32 {
    let days = days_between(from, to) + 1;
    if days <= 0 {
        return 0;
    }
    let first = weekday_offset(from);
    let total: i64 = sessions
        .iter()
        .map(|session| {
            let ahead = (day_offset(session.day) - first).rem_euclid(7);
            let count = days / 7 + i64::from(ahead < days % 7);
            count * weigh(session)
        })
        .sum();
    u32::try_from(total).unwrap_or(0)
}

/// A session spanning lunch is a morning and an afternoon.
fn half_days(session: &Session) -> i64 {
    if session.start.hour() < 12 && session.end.hour() >= 13 {
        2
    } else {
        1
    }
}
