//! How long a placement record is kept: by default until the pupil's 25th
//! birthday, or the 31st with SEN support or an EHCP (both set in the
//! register's settings), after the schools' retention guidance. An ended
//! placement past that date is listed in Needs attention so the school can
//! review the record and delete it; nothing is ever deleted on its own.

use jiff::ToSpan as _;
use jiff::civil::Date;

use super::dates::format_date;
use super::due::{DueItem, DueKind, Severity, Subject};
use super::words;
use super::{Placement, Register, SenStatus, Settings};

/// The last day the placement's record is to be kept, if the pupil's date
/// of birth is known. A 29 February birthday falls on 28 February.
pub fn keep_until(placement: &Placement, settings: &Settings) -> Option<Date> {
    let birthday = years_kept(placement, settings);
    let born = placement.pupil.date_of_birth?;
    born.checked_add(i64::from(birthday).years()).ok()
}

/// Which birthday the record is kept until, and why.
fn years_kept(placement: &Placement, settings: &Settings) -> u8 {
    if placement.pupil.sen == SenStatus::None {
        settings.retention_birthday
    } else {
        settings.retention_birthday_sen
    }
}

/// Ended placements kept past their retention date.
pub(super) fn retention_items(register: &Register, today: Date, out: &mut Vec<DueItem>) {
    for placement in register.placements.iter().filter(|p| p.is_ended()) {
        let Some(until) = keep_until(placement, &register.settings) else {
            continue;
        };
        if until >= today {
            continue;
        }
        let birthday = years_kept(placement, &register.settings);
        let why = if placement.pupil.sen == SenStatus::None {
            ""
        } else {
            ", as the pupil had special educational needs"
        };
        let reason = format!(
            "Kept until {} (the pupil's {} birthday{why}): review the record and delete \
             it if the school no longer needs it",
            format_date(until),
            words::ordinal(birthday)
        );
        let subject = Subject::Placement(placement.id);
        out.push(
            DueItem::new(Severity::Warning, subject, DueKind::Retention, reason).due_on(until),
        );
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::model::due::due_items;
    use crate::model::{PlacementId, PlacementStatus, Pupil};

    /// An ended placement of a pupil born on `born`.
    fn ended(id: u32, born: Option<Date>, sen: SenStatus) -> Placement {
        Placement {
            id: PlacementId(id),
            pupil: Pupil {
                name: format!("Pupil {id}"),
                date_of_birth: born,
                sen,
                ..Pupil::default()
            },
            status: PlacementStatus::Ended {
                on: date(2016, 7, 20),
                outcome: String::new(),
                destination: Default::default(),
            },
            ..Placement::default()
        }
    }

    fn retention(register: &Register, today: Date) -> Vec<DueItem> {
        due_items(register, today)
            .into_iter()
            .filter(|i| i.kind == DueKind::Retention)
            .collect()
    }

    fn register(placements: Vec<Placement>) -> Register {
        Register {
            placements,
            ..Register::default()
        }
    }

    #[test]
    fn an_ended_placement_is_listed_the_day_after_the_25th_birthday() {
        let register = register(vec![ended(1, Some(date(2000, 3, 1)), SenStatus::None)]);
        assert!(retention(&register, date(2025, 3, 1)).is_empty());

        let items = retention(&register, date(2025, 3, 2));
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].subject, Subject::Placement(PlacementId(1)));
        assert_eq!(items[0].severity, Severity::Warning);
        assert_eq!(items[0].due, Some(date(2025, 3, 1)));
        assert!(
            items[0]
                .reason
                .starts_with("Kept until 01/03/2025 (the pupil's 25th birthday)"),
            "{}",
            items[0].reason
        );
    }

    #[test]
    fn special_educational_needs_keep_the_record_to_the_31st_birthday() {
        for sen in [SenStatus::SenSupport, SenStatus::Ehcp] {
            let register = register(vec![ended(1, Some(date(2000, 3, 1)), sen)]);
            assert!(retention(&register, date(2026, 1, 1)).is_empty());
            let items = retention(&register, date(2031, 3, 2));
            assert_eq!(items.len(), 1, "{sen:?}");
            assert!(
                items[0]
                    .reason
                    .contains("31st birthday, as the pupil had special")
            );
        }
    }

    #[test]
    fn the_school_can_keep_records_longer() {
        let mut register = register(vec![ended(1, Some(date(2000, 3, 1)), SenStatus::None)]);
        register.settings.retention_birthday = 30;
        assert!(retention(&register, date(2026, 1, 1)).is_empty());
        assert_eq!(
            keep_until(&register.placements[0], &register.settings),
            Some(date(2030, 3, 1))
        );
    }

    #[test]
    fn a_leap_day_birthday_is_kept_until_28_february() {
        let placement = ended(1, Some(date(2004, 2, 29)), SenStatus::None);
        let until = keep_until(&placement, &Settings::default());
        assert_eq!(until, Some(date(2029, 2, 28)));
    }

    #[test]
    fn current_placements_and_unknown_birthdays_are_never_listed() {
        let mut active = ended(1, Some(date(1990, 1, 1)), SenStatus::None);
        active.status = PlacementStatus::Active;
        let unknown = ended(2, None, SenStatus::None);
        let register = register(vec![active, unknown]);
        assert!(retention(&register, date(2040, 1, 1)).is_empty());
    }
}
