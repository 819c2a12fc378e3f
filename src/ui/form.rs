//! The draft side of every form: field errors and the conversions from
//! typed text to checked values.
//!
//! A form edits a draft of strings. Apply turns the draft into a record or
//! returns a [`FieldErrors`] naming each field that is wrong, in words for
//! the user; the form shows each message under its field.

use std::collections::BTreeMap;

use jiff::civil::{Date, Time};

use crate::model::dates::{format_date, parse_date};

/// What came of applying a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The register was changed; the words say how.
    Applied(String),
    /// The draft has problems, now shown beside their fields.
    Invalid,
    /// There was no draft, or its record has gone.
    NoDraft,
}

/// Problems found in a draft, keyed by field name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<String, String>);

impl FieldErrors {
    /// No problems.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a problem with `field`; the first problem found is kept.
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.entry(field.into()).or_insert_with(|| message.into());
    }

    /// The problem with `field`, if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    /// Whether nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many fields are wrong.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// `Ok(value)` when nothing is wrong, else the errors.
    pub fn into_result<T>(self, value: T) -> Result<T, Self> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

/// Text for a date field: dd/mm/yyyy, or empty.
pub fn date_text(date: Option<Date>) -> String {
    date.map(format_date).unwrap_or_default()
}

/// A date that may be left empty.
pub fn optional_date(text: &str, field: &str, errors: &mut FieldErrors) -> Option<Date> {
    if text.trim().is_empty() {
        return None;
    }
    match parse_date(text) {
        Ok(date) => Some(date),
        Err(err) => {
            let message = impossible_day(text).unwrap_or_else(|| capitalise(&err));
            errors.add(field, message);
            None
        }
    }
}

/// "There is no 31 February 2027: February 2027 has 28 days" for a date
/// written correctly whose day does not exist in its month.
fn impossible_day(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.trim().split(['/', '.', '-']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let day: i8 = day.trim().parse().ok()?;
    let month: i8 = month.trim().parse().ok()?;
    let year: i16 = year.trim().parse().ok()?;
    if year < 1900 || !(1..=12).contains(&month) || day < 1 {
        return None;
    }
    let first = Date::new(year, month, 1).ok()?;
    let days = first.days_in_month();
    if day <= days {
        return None;
    }
    let name = first.strftime("%B %Y");
    Some(format!(
        "There is no {day} {}: {name} has {days} days",
        first.strftime("%B %Y")
    ))
}

/// A date that must be given.
pub fn required_date(text: &str, field: &str, errors: &mut FieldErrors) -> Option<Date> {
    if text.trim().is_empty() {
        errors.add(field, "Enter a date as dd/mm/yyyy");
        return None;
    }
    optional_date(text, field, errors)
}

/// A whole number that may be left empty.
pub fn optional_count(text: &str, field: &str, errors: &mut FieldErrors) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match text.parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.add(field, format!("\"{text}\" is not a whole number"));
            None
        }
    }
}

/// A whole number where empty means zero.
pub fn count(text: &str, field: &str, errors: &mut FieldErrors) -> u32 {
    optional_count(text, field, errors).unwrap_or(0)
}

/// A number of hours, such as "22.5"; empty means zero.
pub fn hours(text: &str, field: &str, errors: &mut FieldErrors) -> f32 {
    let text = text.trim();
    if text.is_empty() {
        return 0.0;
    }
    match text.parse::<f32>() {
        Ok(h) if (0.0..=168.0).contains(&h) => h,
        _ => {
            errors.add(field, format!("\"{text}\" is not a number of hours"));
            0.0
        }
    }
}

/// Hours for a text field: "22.5", or "25" without a decimal point.
pub fn hours_text(hours: f32) -> String {
    if hours.fract().abs() < f32::EPSILON {
        format!("{hours:.0}")
    } else {
        format!("{hours}")
    }
}

/// A time of day typed as "9:30" or "13:05".
pub fn time(text: &str, field: &str, errors: &mut FieldErrors) -> Option<Time> {
    let text = text.trim();
    let parsed = text.split_once([':', '.']).and_then(|(h, m)| {
        let hour = h.trim().parse::<i8>().ok()?;
        let minute = m.trim().parse::<i8>().ok()?;
        Time::new(hour, minute, 0, 0).ok()
    });
    if parsed.is_none() {
        errors.add(
            field,
            format!("\"{text}\" is not a time: use hh:mm, such as 09:30"),
        );
    }
    parsed
}

/// "09:30".
pub fn time_text(time: Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// Text that must not be blank.
pub fn required_text(text: &str, field: &str, what: &str, errors: &mut FieldErrors) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        errors.add(field, format!("Enter {what}"));
    }
    trimmed.to_owned()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_impossible_date_is_reported_against_its_field() {
        let mut errors = FieldErrors::new();
        assert_eq!(optional_date("31/02/2027", "date", &mut errors), None);
        let message = errors.get("date").unwrap();
        assert_eq!(
            message,
            "There is no 31 February 2027: February 2027 has 28 days"
        );
    }

    #[test]
    fn times_and_hours_parse() {
        let mut errors = FieldErrors::new();
        assert_eq!(time("9:30", "t", &mut errors), Time::new(9, 30, 0, 0).ok());
        assert_eq!(hours("22.5", "h", &mut errors), 22.5);
        assert!(errors.is_empty());
        assert_eq!(time("25:00", "t", &mut errors), None);
        assert!(errors.get("t").is_some());
    }
}
