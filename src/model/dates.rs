//! Dates as people in English schools write them: dd/mm/yyyy.

use jiff::civil::Date;

/// "03/12/2026".
pub fn format_date(date: Date) -> String {
    date.strftime("%d/%m/%Y").to_string()
}

/// A date or a dash, for tables and reports.
pub fn format_optional(date: Option<Date>) -> String {
    date.map_or_else(|| "–".to_owned(), format_date)
}

/// Reads a date typed as dd/mm/yyyy (also d/m/yyyy, with dots or dashes)
/// or as ISO yyyy-mm-dd. The error says what was wrong in words for a form.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("enter a date as dd/mm/yyyy".into());
    }
    if let Ok(date) = text.parse::<Date>() {
        return Ok(date);
    }
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    let [day, month, year] = parts.as_slice() else {
        return Err(format!("\"{text}\" is not a date: use dd/mm/yyyy"));
    };
    let number = |part: &str, what: &str| {
        part.trim()
            .parse::<i16>()
            .map_err(|_| format!("\"{part}\" is not a {what}"))
    };
    let (day, month, year) = (
        number(day, "day")?,
        number(month, "month")?,
        number(year, "year")?,
    );
    if year < 1900 {
        return Err(format!("write the year in full: {year} is too early"));
    }
    let (Ok(day), Ok(month)) = (i8::try_from(day), i8::try_from(month)) else {
        return Err(format!("\"{text}\" is not a date: use dd/mm/yyyy"));
    };
    Date::new(year, month, day).map_err(|err| format!("\"{text}\" is not a date: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn formats_as_day_month_year() {
        assert_eq!(format_date(date(2026, 2, 3)), "03/02/2026");
    }

    #[test]
    fn parses_british_and_iso_forms() {
        assert_eq!(parse_date("3/2/2026"), Ok(date(2026, 2, 3)));
        assert_eq!(parse_date(" 03.02.2026 "), Ok(date(2026, 2, 3)));
        assert_eq!(parse_date("2026-02-03"), Ok(date(2026, 2, 3)));
        assert_eq!(parse_date("29/02/2028"), Ok(date(2028, 2, 29)));
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        let err = parse_date("29/02/2027").unwrap_err();
        assert!(err.contains("29/02/2027"), "{err}");
        assert!(parse_date("12/2026").is_err());
        assert!(parse_date("03/02/26").unwrap_err().contains("full"));
        assert!(parse_date("").is_err());
    }
}
