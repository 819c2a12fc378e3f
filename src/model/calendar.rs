//! The school's term calendar: academic years of six half-terms.
//!
//! Reviews are due once in every half-term a placement is active, so the
//! due rules ask this module which half-term a date falls in. A review held
//! in a holiday counts towards the half-term just ended: its window runs up
//! to the day before the next half-term starts.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Half-terms in an academic year, by convention in England.
pub const HALF_TERMS_PER_YEAR: usize = 6;

/// One half-term: the first and last teaching days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HalfTerm {
    /// First day of teaching.
    pub start: Date,
    /// Last day of teaching.
    pub end: Date,
}

/// One academic year, September to August.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcademicYear {
    /// The calendar year the academic year starts in: 2026 for 2026/27.
    pub start_year: i16,
    /// Autumn 1, autumn 2, spring 1, spring 2, summer 1, summer 2.
    pub half_terms: Vec<HalfTerm>,
}

/// The school's calendar. Empty until the school enters its term dates.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TermCalendar {
    /// Academic years in any order.
    pub years: Vec<AcademicYear>,
}

/// A half-term located in the calendar, with the window in which a review
/// counts towards it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HalfTermSlot {
    /// The academic year's start year.
    pub start_year: i16,
    /// 0 for autumn 1 up to 5 for summer 2.
    pub index: usize,
    /// The half-term's teaching days.
    pub term: HalfTerm,
    /// Last day on which a review still counts for this half-term: the day
    /// before the next half-term starts, or 31 August.
    pub window_end: Date,
}

impl HalfTermSlot {
    /// "Autumn 1 2026/27".
    pub fn label(&self) -> String {
        format!(
            "{} {}",
            half_term_name(self.index),
            year_label(self.start_year)
        )
    }
}

/// Name of a half-term by its position in the year.
pub fn half_term_name(index: usize) -> &'static str {
    match index {
        0 => "Autumn 1",
        1 => "Autumn 2",
        2 => "Spring 1",
        3 => "Spring 2",
        4 => "Summer 1",
        _ => "Summer 2",
    }
}

/// "2026/27" for the year starting in 2026.
pub fn year_label(start_year: i16) -> String {
    format!(
        "{start_year}/{:02}",
        (i32::from(start_year) + 1).rem_euclid(100)
    )
}

impl AcademicYear {
    /// 1 September of the start year.
    pub fn first_day(&self) -> Option<Date> {
        Date::new(self.start_year, 9, 1).ok()
    }

    /// 31 August of the following year.
    pub fn last_day(&self) -> Option<Date> {
        Date::new(self.start_year.checked_add(1)?, 8, 31).ok()
    }
}

impl TermCalendar {
    /// Whether the calendar has a year that contains `date` (1 September to
    /// 31 August). Outside every year the due rules use the fallback.
    pub fn covers(&self, date: Date) -> bool {
        self.years
            .iter()
            .any(|year| match (year.first_day(), year.last_day()) {
                (Some(first), Some(last)) => first <= date && date <= last,
                _ => false,
            })
    }

    /// The last day of the latest academic year that ended before `date`.
    pub fn last_day_before(&self, date: Date) -> Option<Date> {
        self.years
            .iter()
            .filter_map(AcademicYear::last_day)
            .filter(|day| *day < date)
            .max()
    }

    /// Whether `date` is a teaching day of some half-term (not a holiday).
    /// Also false outside the calendar.
    pub fn in_term(&self, date: Date) -> bool {
        self.years
            .iter()
            .flat_map(|year| &year.half_terms)
            .any(|term| term.start <= date && date <= term.end)
    }

    /// Every half-term in date order, each with its review window.
    pub fn slots(&self) -> Vec<HalfTermSlot> {
        let mut terms: Vec<(i16, usize, HalfTerm)> = self
            .years
            .iter()
            .flat_map(|year| {
                year.half_terms
                    .iter()
                    .enumerate()
                    .map(|(i, term)| (year.start_year, i, *term))
            })
            .collect();
        terms.sort_by_key(|(_, _, term)| term.start);

        let mut slots = Vec::with_capacity(terms.len());
        for (n, &(start_year, index, term)) in terms.iter().enumerate() {
            let next_start = terms.get(n + 1).map(|(_, _, next)| next.start);
            let year_end = Date::new(start_year.saturating_add(1), 8, 31).unwrap_or(term.end);
            let window_end = match next_start {
                Some(next) if next <= year_end.saturating_add(1.day()) => {
                    next.saturating_sub(1.day()).max(term.end)
                }
                _ => year_end.max(term.end),
            };
            slots.push(HalfTermSlot {
                start_year,
                index,
                term,
                window_end,
            });
        }
        slots
    }

    /// The half-term whose review window contains `date`, if any.
    pub fn slot_at(&self, date: Date) -> Option<HalfTermSlot> {
        self.slots()
            .into_iter()
            .find(|slot| slot.term.start <= date && date <= slot.window_end)
    }

    /// Problems that make the calendar unreliable, in words for the user.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for year in &self.years {
            let label = year_label(year.start_year);
            if year.half_terms.len() != HALF_TERMS_PER_YEAR {
                problems.push(format!(
                    "term calendar {label}: {} half-terms, expected {HALF_TERMS_PER_YEAR}",
                    year.half_terms.len()
                ));
            }
            for (i, term) in year.half_terms.iter().enumerate() {
                if term.end < term.start {
                    problems.push(format!(
                        "term calendar {label}: {} ends before it starts",
                        half_term_name(i)
                    ));
                }
            }
            for (i, pair) in year.half_terms.windows(2).enumerate() {
                if pair[1].start <= pair[0].end {
                    problems.push(format!(
                        "term calendar {label}: {} overlaps {}",
                        half_term_name(i + 1),
                        half_term_name(i)
                    ));
                }
            }
        }
        let mut starts: Vec<i16> = self.years.iter().map(|y| y.start_year).collect();
        starts.sort_unstable();
        for pair in starts.windows(2) {
            if pair[0] == pair[1] {
                problems.push(format!(
                    "term calendar: {} appears twice",
                    year_label(pair[0])
                ));
            }
        }
        problems
    }
}
