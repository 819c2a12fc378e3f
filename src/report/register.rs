//! The register summary: every provider used and every placement there,
//! with registration, hours, reviews and QA state, as an inspector or the
//! local authority asks for it.

use jiff::civil::Date;

use super::doc::Doc;
use super::font::Fonts;
use super::form::{self, BODY, Column, Detail, SMALL, date_or_empty};
use super::layout::Style;
use super::words::{all_sites, year_words};
use crate::model::dates::format_date;
use crate::model::due::review_state;
use crate::model::{Placement, PlacementStatus, Provider, Register};

const PLACEMENT_COLUMNS: [Column; 9] = [
    Column {
        title: "Pupil",
        width: 29.5,
    },
    Column {
        title: "Reason",
        width: 28.0,
    },
    Column {
        title: "Start",
        width: 18.5,
    },
    Column {
        title: "Hours",
        width: 12.5,
    },
    Column {
        title: "Code",
        width: 10.0,
    },
    Column {
        title: "Status",
        width: 18.5,
    },
    Column {
        title: "Last review",
        width: 18.5,
    },
    Column {
        title: "Next review",
        width: 20.0,
    },
    Column {
        title: "LA told",
        width: 18.5,
    },
];

/// Text of the register's tables.
const TABLE: Style = Style::regular(8.0);

/// The register summary as at `today`.
pub(super) fn summary<'f>(fonts: &'f Fonts, register: &Register, today: Date) -> Doc<'f> {
    let title = "Alternative provision register";
    let school = &register.school;
    let mut doc = Doc::new(fonts, title, &school.name);
    let subtitle = format!("{} · as at {}", school.name, format_date(today));
    doc.push(form::title(&doc, title, &subtitle));
    let details = [
        Detail::new("School", school.name.clone()),
        Detail::new("URN", school.urn.clone()),
        Detail::new("Local authority", school.local_authority.clone()),
        Detail::new("AP lead", school.ap_lead.clone()),
        Detail::new("Designated safeguarding lead", school.dsl.clone()),
    ];
    form::details(&mut doc, &details);
    form::paragraph(&mut doc, &counts(register, today), BODY);
    let mut providers: Vec<&Provider> = register
        .providers
        .iter()
        .filter(|p| register.placements_at(p.id).next().is_some())
        .collect();
    providers.sort_by_key(|p| p.name.to_lowercase());
    for provider in providers {
        provider_section(&mut doc, register, provider, today);
    }
    let note = "Hours: scheduled hours a week at the provider. Code: the attendance code \
                marked at the home school: B approved educational activity (school-arranged), \
                K arranged by the local authority, D dual registered. Next review dates marked \
                * use the six-week interval because no term calendar covers them.";
    doc.push(form::end_page_head());
    form::paragraph(&mut doc, note, SMALL.muted());
    doc
}

fn counts(register: &Register, today: Date) -> String {
    let active = register
        .placements
        .iter()
        .filter(|p| p.is_active_on(today))
        .count();
    let planned = register
        .placements
        .iter()
        .filter(|p| p.status == PlacementStatus::Planned)
        .count();
    let ended = register.placements.iter().filter(|p| p.is_ended()).count();
    let providers = register
        .providers
        .iter()
        .filter(|p| register.placements_at(p.id).any(|pl| !pl.is_ended()))
        .count();
    format!(
        "{active} pupil placement(s) active today, {planned} planned and {ended} ended; \
         {providers} provider(s) in use."
    )
}

fn provider_section(doc: &mut Doc, register: &Register, provider: &Provider, today: Date) {
    doc.push(form::heading(doc, &provider.name));
    let placements: Vec<&Placement> = register.placements_at(provider.id).collect();
    let reg = &provider.registration;
    let details = [
        Detail::wide("Addresses", all_sites(provider)),
        Detail::new("Registration", reg.status.label()),
        Detail::new("URN", reg.urn.clone()),
        Detail::new("Latest inspection", inspection(provider)),
        Detail::new(
            "On LA approved list",
            if provider.on_la_approved_list {
                "Yes"
            } else {
                "No"
            },
        ),
        Detail::new("Latest QA check", latest_qa(register, provider)),
        Detail::new("Next QA due", next_qa(register, provider)),
        Detail::wide("Pupils", pupil_count(&placements, today)),
    ];
    form::details_kept_with_next(doc, &details);
    doc.push(form::table_head_block(
        doc,
        &PLACEMENT_COLUMNS,
        Some(&provider.name),
    ));
    let mut sorted = placements;
    sorted.sort_by_key(|p| (p.is_ended(), p.pupil.name.to_lowercase()));
    for placement in sorted {
        let values = placement_values(register, placement, today);
        doc.push(form::table_row(doc, &PLACEMENT_COLUMNS, &values, TABLE));
    }
}

fn inspection(provider: &Provider) -> String {
    let reg = &provider.registration;
    let outcome = reg.inspection_outcome.trim();
    if outcome.is_empty() {
        return String::new();
    }
    let on = reg
        .inspected_on
        .map(|d| format!(", {}", format_date(d)))
        .unwrap_or_default();
    let by = reg.inspectorate.trim();
    if by.is_empty() {
        format!("{outcome}{on}")
    } else {
        format!("{by}: {outcome}{on}")
    }
}

fn latest_qa(register: &Register, provider: &Provider) -> String {
    let Some(latest) = register.latest_checklist(provider.id) else {
        return "None".to_owned();
    };
    let date = date_or_empty(latest.visit_date);
    format!(
        "{date} · {} · {}",
        latest.judgement.label(),
        latest.status.label().to_lowercase()
    )
}

fn next_qa(register: &Register, provider: &Provider) -> String {
    register
        .next_qa_due(provider.id)
        .map_or_else(|| "Now: no QA check yet".to_owned(), format_date)
}

fn pupil_count(placements: &[&Placement], today: Date) -> String {
    let active = placements.iter().filter(|p| p.is_active_on(today)).count();
    let planned = placements
        .iter()
        .filter(|p| p.status == PlacementStatus::Planned)
        .count();
    let ended = placements.iter().filter(|p| p.is_ended()).count();
    format!("{active} active, {planned} planned, {ended} ended")
}

fn placement_values(register: &Register, placement: &Placement, today: Date) -> [String; 9] {
    let pupil = &placement.pupil;
    let mut who = format!("{}, {}", pupil.name, year_words(pupil.year_group));
    if pupil.has_ehcp() {
        who.push_str(", EHCP");
    }
    if pupil.looked_after {
        who.push_str(", looked after");
    }
    let last = placement
        .latest_review()
        .and_then(|r| r.date)
        .map(format_date)
        .unwrap_or_default();
    let next = review_state(register, placement, today)
        .map(|s| {
            format!(
                "{}{}",
                format_date(s.due),
                if s.fallback { "*" } else { "" }
            )
        })
        .unwrap_or_default();
    let status = match &placement.status {
        PlacementStatus::Ended { on, .. } => format!("Ended {}", format_date(*on)),
        _ => placement.status_label().to_owned(),
    };
    [
        who,
        placement.reason.clone(),
        date_or_empty(placement.start),
        hours_words(placement),
        placement.attendance_code.letter().to_owned(),
        status,
        last,
        next,
        placement
            .la_informed
            .on
            .map_or_else(|| "Not told".to_owned(), format_date),
    ]
}

fn hours_words(placement: &Placement) -> String {
    if placement.sessions.is_empty() {
        "Not set".to_owned()
    } else {
        format!("{:.1}", placement.weekly_hours())
    }
}
