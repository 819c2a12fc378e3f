//! The placement register as CSV, one row per placement, with what
//! Ofsted or the local authority ask for: for `ap-monitor export` and the
//! window's File → Export register as CSV….

use super::csv::push_row;
use crate::model::dates::format_optional;
use crate::model::due::review_state;
use crate::model::{Placement, Provider, Register};

/// Column headings, in order.
const HEADER: [&str; 19] = [
    "placement id",
    "pupil",
    "date of birth",
    "UPN",
    "year group",
    "provider",
    "site addresses",
    "registration status",
    "URN",
    "reason",
    "kind",
    "start date",
    "planned end",
    "weekly hours",
    "attendance code",
    "commissioner",
    "LA informed",
    "next review",
    "status",
];

/// The whole CSV, UTF-8 with a header row.
pub fn register_csv(register: &Register, today: jiff::civil::Date) -> String {
    let mut out = String::new();
    push_row(&mut out, &HEADER);
    let providers = register.provider_index();
    for placement in &register.placements {
        let provider = providers.get(&placement.provider).copied();
        push_row(&mut out, &row(register, placement, provider, today));
    }
    out
}

fn row(
    register: &Register,
    placement: &Placement,
    provider: Option<&Provider>,
    today: jiff::civil::Date,
) -> Vec<String> {
    let sites: Vec<String> = placement
        .sites
        .iter()
        .filter_map(|id| provider.and_then(|p| p.site(*id)))
        .map(|site| site.address.replace('\n', ", "))
        .collect();
    let registration = provider.map(|p| &p.registration);
    let next_review = review_state(register, placement, today)
        .map(|state| {
            let mut text = format_optional(Some(state.due));
            if state.overdue {
                text.push_str(" (overdue)");
            }
            text
        })
        .unwrap_or_default();
    vec![
        placement.id.to_string(),
        placement.pupil.name.clone(),
        format_optional(placement.pupil.date_of_birth),
        placement.pupil.upn.clone(),
        year_group(placement.pupil.year_group),
        provider
            .map_or("(unknown provider)", |p| p.name.as_str())
            .to_owned(),
        sites.join("; "),
        registration
            .map(|r| r.status.label())
            .unwrap_or_default()
            .to_owned(),
        registration.map(|r| r.urn.clone()).unwrap_or_default(),
        placement.reason.clone(),
        placement.kind.label().to_owned(),
        format_optional(placement.start),
        format_optional(placement.planned_end),
        format!("{:.1}", placement.weekly_hours()),
        placement.attendance_code.letter().to_owned(),
        placement.commissioner.label().to_owned(),
        format_optional(placement.la_informed.on),
        next_review,
        placement.status_label().to_owned(),
    ]
}

fn year_group(year: u8) -> String {
    if year == 0 {
        "R".to_owned()
    } else {
        year.to_string()
    }
}
