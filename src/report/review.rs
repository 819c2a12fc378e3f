//! A review record as printed for signature.

use super::ReportError;
use super::doc::Doc;
use super::font::Fonts;
use super::form::{self, BODY, Column, Detail, date_or_empty};
use super::layout::Style;
use super::words::year_words;
use crate::model::dates::format_date;
use crate::model::{
    AttendeeRole, Decision, Objective, Placement, PlacementId, Rating, Register, Review,
};

const ATTENDEE_COLUMNS: [Column; 2] = [
    Column {
        title: "Name",
        width: 90.0,
    },
    Column {
        title: "Attending as",
        width: 84.0,
    },
];

const PROGRESS_COLUMNS: [Column; 5] = [
    Column {
        title: "Objective",
        width: 48.0,
    },
    Column {
        title: "Baseline and target",
        width: 42.0,
    },
    Column {
        title: "Measure now",
        width: 30.0,
    },
    Column {
        title: "Rating",
        width: 20.0,
    },
    Column {
        title: "Comment",
        width: 34.0,
    },
];

/// Review `number` (from 1, in date order), or the latest, with its index
/// and the number of reviews.
fn pick(
    placement: &Placement,
    number: Option<usize>,
) -> Result<(usize, usize, &Review), ReportError> {
    let reviews = placement.reviews_by_date();
    let count = reviews.len();
    if count == 0 {
        return Err(ReportError::NoReviews(placement.id));
    }
    let index = match number {
        None => count - 1,
        Some(asked) if (1..=count).contains(&asked) => asked - 1,
        Some(asked) => {
            return Err(ReportError::NoSuchReview {
                placement: placement.id,
                asked,
                count,
            });
        }
    };
    let review = reviews
        .get(index)
        .copied()
        .ok_or(ReportError::NoReviews(placement.id))?;
    Ok((index, count, review))
}

/// Review `number` (from 1, in date order) of a placement, or the latest.
pub(super) fn review<'f>(
    fonts: &'f Fonts,
    register: &Register,
    id: PlacementId,
    number: Option<usize>,
) -> Result<Doc<'f>, ReportError> {
    let placement = register
        .placement(id)
        .ok_or(ReportError::UnknownPlacement(id))?;
    let (index, count, review) = pick(placement, number)?;
    let title = "Placement review record";
    let mut doc = Doc::new(fonts, title, &placement.pupil.name);
    let held = review.date.map_or_else(
        || "date not recorded".to_owned(),
        |d| format!("held on {}", format_date(d)),
    );
    let subtitle = format!("Review {} of {count} · {held}", index + 1);
    doc.push(form::title(&doc, title, &subtitle));
    let details = [
        Detail::new("Pupil", placement.pupil.name.clone()),
        Detail::new("Year group", year_words(placement.pupil.year_group)),
        Detail::new(
            "Provider",
            register.provider_name(placement.provider).to_owned(),
        ),
        Detail::new("Arrangement", placement.kind.label()),
        Detail::new("Start", date_or_empty(placement.start)),
        Detail::new("Planned end", date_or_empty(placement.planned_end)),
        Detail::new("Review date", date_or_empty(review.date)),
        Detail::new("Next review", date_or_empty(review.next_review)),
    ];
    form::details(&mut doc, &details);
    review_body(&mut doc, placement, review);
    review_signatures(&mut doc, placement);
    Ok(doc)
}

fn review_body(doc: &mut Doc, placement: &Placement, review: &Review) {
    attendees(doc, review);
    attendance(doc, review);
    progress(doc, placement, review);
    doc.push(form::heading(doc, "Wellbeing, safeguarding and views"));
    form::text_section(
        doc,
        "Behaviour, engagement and wellbeing",
        &review.wellbeing,
    );
    let concerns = if review.safeguarding_concerns.trim().is_empty() {
        "None raised."
    } else {
        &review.safeguarding_concerns
    };
    form::text_section(doc, "Safeguarding concerns", concerns);
    form::text_section(doc, "The pupil's views", &review.pupil_views);
    form::text_section(doc, "The parent's or carer's views", &review.parent_views);
    doc.push(form::heading(doc, "Decision and next steps"));
    decision(doc, review.decision);
    form::text_section(
        doc,
        "Changes to the plan recommended",
        &review.recommended_changes,
    );
    form::text_section(
        doc,
        "Reintegration, onward planning and transition",
        &review.next_steps,
    );
    doc.push(form::subheading(doc, "Actions"));
    form::actions(doc, &review.actions);
    doc.push(form::end_page_head());
    let next = date_or_empty(review.next_review);
    doc.push(form::field_line(doc, "Next review date", &next, 90.0));
}

fn attendees(doc: &mut Doc, review: &Review) {
    doc.push(form::heading(doc, "Attendees"));
    if review.attendees.is_empty() {
        form::paragraph(doc, "No attendees recorded.", BODY.muted());
        return;
    }
    doc.push(form::table_head_block(doc, &ATTENDEE_COLUMNS, None));
    for attendee in &review.attendees {
        let values = [attendee.name.clone(), role_words(attendee.role)];
        doc.push(form::table_row(doc, &ATTENDEE_COLUMNS, &values, BODY));
    }
}

fn role_words(role: AttendeeRole) -> String {
    match role {
        AttendeeRole::LaCaseworker => "LA SEND caseworker".to_owned(),
        other => other.label().to_owned(),
    }
}

fn attendance(doc: &mut Doc, review: &Review) {
    doc.push(form::heading(doc, "Attendance since the last review"));
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let percent = review
        .attendance_percent()
        .map(|p| format!("{p:.1}%"))
        .unwrap_or_default();
    let details = [
        Detail::new("Half-days possible", number(review.sessions_possible)),
        Detail::new("Half-days attended", number(review.sessions_attended)),
        Detail::new("Attendance", percent),
    ];
    form::details(doc, &details);
    form::text_section(
        doc,
        "Absences and how they were followed up",
        &review.absence_follow_up,
    );
}

fn progress(doc: &mut Doc, placement: &Placement, review: &Review) {
    doc.push(form::heading(doc, "Progress against the objectives"));
    let objectives: &[Objective] = placement.plan.as_ref().map_or(&[], |p| &p.objectives);
    if review.progress.is_empty() && objectives.is_empty() {
        form::paragraph(doc, "No objectives to rate.", BODY.muted());
        return;
    }
    doc.push(form::table_head_block(doc, &PROGRESS_COLUMNS, None));
    for entry in &review.progress {
        let objective = objectives.iter().find(|o| o.id == entry.objective);
        let values = [
            objective.map_or_else(
                || format!("Objective {} (no longer in the plan)", entry.objective),
                objective_words,
            ),
            objective.map(baseline_target).unwrap_or_default(),
            entry.measure_now.clone(),
            entry.rating.label().to_owned(),
            entry.comment.clone(),
        ];
        doc.push(form::table_row(
            doc,
            &PROGRESS_COLUMNS,
            &values,
            Style::regular(8.5),
        ));
    }
    for objective in objectives {
        if review.progress.iter().all(|p| p.objective != objective.id) {
            let values = [
                objective_words(objective),
                baseline_target(objective),
                String::new(),
                Rating::NotRated.label().to_owned(),
                String::new(),
            ];
            doc.push(form::table_row(
                doc,
                &PROGRESS_COLUMNS,
                &values,
                Style::regular(8.5),
            ));
        }
    }
}

fn objective_words(objective: &Objective) -> String {
    format!("{}: {}", objective.area.label(), objective.description)
}

fn baseline_target(objective: &Objective) -> String {
    format!(
        "Baseline: {}\nTarget: {}",
        objective.baseline, objective.target
    )
}

fn decision(doc: &mut Doc, decision: Decision) {
    doc.push(form::subheading(
        doc,
        "Is it working, and should it continue?",
    ));
    let options: Vec<(&str, bool)> = [
        Decision::Continue,
        Decision::ContinueWithChanges,
        Decision::End,
    ]
    .iter()
    .map(|d| (d.label(), decision == *d))
    .collect();
    let unset = (decision == Decision::Undecided).then_some("Not decided");
    doc.push(form::choice_block(doc, &options, unset));
}

fn review_signatures(doc: &mut Doc, placement: &Placement) {
    doc.push(form::heading(doc, "Signed"));
    form::party_signatures(doc, "", &placement.pupil.name);
}
