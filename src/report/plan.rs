//! The personalised plan as printed for signature by the school, the
//! provider, the parent or carer and the pupil.

use super::ReportError;
use super::doc::Doc;
use super::font::Fonts;
use super::form::{self, BODY, Column, Detail, date_or_empty};
use super::words::{all_sites, registration_line, site_list, year_words};
use crate::model::dates::format_date;
use crate::model::{
    Objective, PersonalisedPlan, Placement, PlacementId, PlacementKind, Provider, Register,
};

/// Columns of the objectives table.
pub(super) const OBJECTIVE_COLUMNS: [Column; 5] = [
    Column {
        title: "Area",
        width: 22.0,
    },
    Column {
        title: "Objective",
        width: 50.0,
    },
    Column {
        title: "Baseline",
        width: 34.0,
    },
    Column {
        title: "Target",
        width: 34.0,
    },
    Column {
        title: "How it is measured",
        width: 34.0,
    },
];

/// A placement's personalised plan.
pub(super) fn plan<'f>(
    fonts: &'f Fonts,
    register: &Register,
    id: PlacementId,
) -> Result<Doc<'f>, ReportError> {
    let placement = register
        .placement(id)
        .ok_or(ReportError::UnknownPlacement(id))?;
    let plan = placement.plan.as_ref().ok_or(ReportError::NoPlan(id))?;
    let provider = register.provider(placement.provider);
    let provider_name = register.provider_name(placement.provider);
    let title = "Personalised plan";
    let mut doc = Doc::new(fonts, title, &placement.pupil.name);
    let subtitle = format!(
        "{} at {} · {}",
        placement.pupil.name,
        provider_name,
        agreed_words(plan)
    );
    doc.push(form::title(&doc, title, &subtitle));
    form::details(&mut doc, &placement_details(register, placement, provider));
    plan_sections(&mut doc, placement, plan);
    plan_signatures(&mut doc, placement, plan);
    Ok(doc)
}

fn agreed_words(plan: &PersonalisedPlan) -> String {
    match plan.agreed_on {
        Some(on) => format!("agreed on {}", format_date(on)),
        None => "DRAFT: not yet agreed".to_owned(),
    }
}

/// The pupil and the arrangement, as a details grid; shared with the
/// review record.
pub(super) fn placement_details(
    register: &Register,
    placement: &Placement,
    provider: Option<&Provider>,
) -> Vec<Detail> {
    let pupil = &placement.pupil;
    let sites = provider.map_or_else(String::new, |p| {
        if placement.sites.is_empty() {
            all_sites(p)
        } else {
            site_list(p, &placement.sites)
        }
    });
    vec![
        Detail::new("Pupil", pupil.name.clone()),
        Detail::new("Date of birth", date_or_empty(pupil.date_of_birth)),
        Detail::new("Year group", year_words(pupil.year_group)),
        Detail::new("UPN", pupil.upn.clone()),
        Detail::new("SEN", pupil.sen.label()),
        Detail::new("Looked after", yes_no(pupil.looked_after)),
        Detail::new(
            "Provider",
            register.provider_name(placement.provider).to_owned(),
        ),
        Detail::new(
            "Registration",
            provider.map(registration_line).unwrap_or_default(),
        ),
        Detail::wide("Sites attended", sites),
        Detail::new("Commissioner", placement.commissioner.label()),
        Detail::new("Arrangement", placement.kind.label()),
        Detail::new("Start", date_or_empty(placement.start)),
        Detail::new("Planned end", date_or_empty(placement.planned_end)),
        Detail::new("Attendance code", code_words(placement)),
        maximum_period(placement),
        Detail::wide("Timetable", timetable(placement)),
        Detail::wide("Reason for the placement", placement.reason.clone()),
    ]
}

/// The agreed maximum period, which only an off-site direction must have.
fn maximum_period(placement: &Placement) -> Detail {
    let end = placement.maximum_end;
    if end.is_none() && placement.kind != PlacementKind::OffSiteDirection {
        Detail::new("Maximum period", "Not applicable")
    } else {
        Detail::new("Maximum period ends", date_or_empty(end))
    }
}

fn yes_no(value: bool) -> &'static str {
    if value { "Yes" } else { "No" }
}

fn code_words(placement: &Placement) -> String {
    let code = placement.attendance_code;
    let what = match code {
        crate::model::AttendanceCode::B => "approved educational activity",
        crate::model::AttendanceCode::K => "arranged by the local authority",
        crate::model::AttendanceCode::D => "dual registered",
    };
    format!("{} ({what})", code.letter())
}

/// Sessions as "Mon 09:00–12:00; …", with the weekly hours.
pub(super) fn timetable(placement: &Placement) -> String {
    if placement.sessions.is_empty() {
        return String::new();
    }
    let sessions: Vec<String> = placement
        .sessions
        .iter()
        .map(|s| {
            format!(
                "{} {}–{}",
                s.day.short(),
                s.start.strftime("%H:%M"),
                s.end.strftime("%H:%M")
            )
        })
        .collect();
    format!(
        "{}. {:.1} hours a week.",
        sessions.join("; "),
        placement.weekly_hours()
    )
}

fn plan_sections(doc: &mut Doc, placement: &Placement, plan: &PersonalisedPlan) {
    doc.push(form::heading(doc, "The plan"));
    form::text_section(doc, "Nature of the intervention", &plan.intervention);
    form::text_section(doc, "Needs and interventions already tried", &plan.needs);
    objectives(doc, &plan.objectives);
    let sections = [
        ("How progress is assessed and monitored", &plan.assessment),
        (
            "Curriculum continuity and qualification route",
            &plan.curriculum,
        ),
        ("Timeline", &plan.timeline),
    ];
    for (label, text) in sections {
        form::text_section(doc, label, text);
    }
    if placement.kind == PlacementKind::OffSiteDirection || !plan.direction_details.is_empty() {
        let label = "Off-site direction: reasons and person to report to";
        form::text_section(doc, label, &plan.direction_details);
    }
    let sections = [
        (
            "Reintegration, readiness criteria and next step",
            &plan.reintegration,
        ),
        ("Review schedule and criteria", &plan.review_schedule),
        (
            "Links to the EHCP, PEP, healthcare or pastoral support plan",
            &plan.linked_plans,
        ),
        (
            "Reporting of attendance, progress and concerns",
            &plan.reporting,
        ),
    ];
    for (label, text) in sections {
        form::text_section(doc, label, text);
    }
    arrangements(doc, plan);
}

/// Contacts, transport, lunch and who wrote and agreed the plan.
fn arrangements(doc: &mut Doc, plan: &PersonalisedPlan) {
    doc.push(form::heading(doc, "Contacts and arrangements"));
    let details = [
        Detail::new("School contact", plan.school_contact.clone()),
        Detail::new("Provider contact", plan.provider_contact.clone()),
        Detail::new("Transport", plan.transport.clone()),
        Detail::new("Lunch or FSM", plan.lunch.clone()),
        Detail::new("Written by", plan.written_by.clone()),
        Detail::new("Agreed by", plan.agreed_by.clone()),
        Detail::new("Agreed on", date_or_empty(plan.agreed_on)),
        Detail::new("Parent or carer agreed", yes_no(plan.parent_agreed)),
        Detail::new("Pupil agreed", yes_no(plan.pupil_agreed)),
    ];
    form::details(doc, &details);
}

fn objectives(doc: &mut Doc, objectives: &[Objective]) {
    doc.push(form::subheading(doc, "Objectives"));
    if objectives.is_empty() {
        form::paragraph(doc, "No objectives recorded.", BODY.muted());
        return;
    }
    doc.push(form::table_head_block(doc, &OBJECTIVE_COLUMNS, None));
    for objective in objectives {
        let values = [
            objective.area.label().to_owned(),
            objective.description.clone(),
            objective.baseline.clone(),
            objective.target.clone(),
            objective.measure.clone(),
        ];
        doc.push(form::table_row(doc, &OBJECTIVE_COLUMNS, &values, BODY));
    }
}

fn plan_signatures(doc: &mut Doc, placement: &Placement, plan: &PersonalisedPlan) {
    doc.push(form::heading(doc, "Agreed and signed"));
    form::party_signatures(doc, &plan.agreed_by, &placement.pupil.name);
}
