//! `due`: what needs attention on a day, as text or CSV.

use std::path::Path;

use jiff::civil::Date;

use super::{Failure, Format, load};
use crate::model::Register;
use crate::model::dates::{format_date, format_optional};
use crate::model::due::{DueItem, Severity, Subject, due_items};
use crate::report::csv::push_row;

/// Prints the due items for `on`.
pub(super) fn due(file: &Path, on: Date, format: Format) -> Result<(), Failure> {
    let register = load(file)?;
    let items = due_items(&register, on);
    let out = match format {
        Format::Text => text(&register, &items, on),
        Format::Csv => csv(&register, &items),
    };
    print!("{out}");
    Ok(())
}

/// "placement 7 (Zoë Clarke)" or "provider 3 (Oakfield Farm School)".
fn subject_words(register: &Register, subject: Subject) -> (&'static str, u32, String) {
    match subject {
        Subject::Placement(id) => {
            let name = register
                .placement(id)
                .map(|p| p.pupil.name.clone())
                .unwrap_or_default();
            ("placement", id.0, name)
        }
        Subject::Provider(id) => ("provider", id.0, register.provider_name(id).to_owned()),
    }
}

fn text(register: &Register, items: &[DueItem], on: Date) -> String {
    if items.is_empty() {
        return format!("Nothing needs attention on {}.\n", format_date(on));
    }
    let mut out = format!("Needs attention on {}\n", format_date(on));
    for severity in [Severity::Overdue, Severity::DueSoon, Severity::Warning] {
        let group: Vec<&DueItem> = items.iter().filter(|i| i.severity == severity).collect();
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{} ({})\n", severity.label(), group.len()));
        for item in group {
            let (kind, id, name) = subject_words(register, item.subject);
            out.push_str(&format!(
                "  {:<10}  {kind} {id} ({name})  {}: {}\n",
                format_optional(item.due),
                item.kind.label(),
                item.reason
            ));
        }
    }
    out
}

fn csv(register: &Register, items: &[DueItem]) -> String {
    let mut out = String::new();
    let header = [
        "severity", "kind", "record", "id", "name", "due", "reason", "fallback",
    ];
    push_row(&mut out, &header);
    for item in items {
        let (kind, id, name) = subject_words(register, item.subject);
        let due = item.due.map(format_date).unwrap_or_default();
        let fallback = if item.fallback { "yes" } else { "no" };
        let row = [
            item.severity.label().to_owned(),
            item.kind.label().to_owned(),
            kind.to_owned(),
            id.to_string(),
            name,
            due,
            item.reason.clone(),
            fallback.to_owned(),
        ];
        push_row(&mut out, &row);
    }
    out
}
