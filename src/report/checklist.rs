//! The QA checklist as printed: completed, from a [`Checklist`], or blank,
//! from a template, to fill in by hand on a visit.

use super::ReportError;
use super::doc::Doc;
use super::font::Fonts;
use super::form::{self, BODY, Detail, LABEL, SMALL, Signer, date_or_empty};
use super::layout::{BOX_SIZE, Block, Cell, LEFT, Line, Mark, RIGHT, Row, Style, WIDTH};
use super::words::{all_sites, registration_line, school_line, site_line, year_words};
use crate::model::dates::format_date;
use crate::model::{
    Answer, Checklist, ChecklistId, ChecklistItem, ChecklistStatus, ChecklistTemplate, Judgement,
    PlacementId, Provider, ProviderId, Register, TemplateId, default_template,
};

/// Left edge of an item's text.
const TEXT_X: f32 = LEFT + 10.0;
/// Width of an item's text.
const TEXT_W: f32 = 122.0;
/// Left edge of the answer boxes' column.
const ANSWER_X: f32 = 154.0;
/// Offsets of the Yes, No and N/A boxes from [`ANSWER_X`].
const BOX_OFFSETS: [f32; 3] = [3.0, 15.0, 27.0];
/// Column heads over the boxes.
const BOX_LABELS: [&str; 3] = ["Yes", "No", "N/A"];

/// A completed checklist.
pub(super) fn completed<'f>(
    fonts: &'f Fonts,
    register: &Register,
    provider_id: ProviderId,
    checklist_id: Option<ChecklistId>,
) -> Result<Doc<'f>, ReportError> {
    let provider = register
        .provider(provider_id)
        .ok_or(ReportError::UnknownProvider(provider_id))?;
    let checklist = find_checklist(register, provider_id, checklist_id)?;
    let mut doc = Doc::new(fonts, "Provider quality assurance check", &provider.name);
    let subtitle = format!(
        "{} · {}",
        checklist.template_name,
        status_words(&checklist.status)
    );
    let title = form::title(&doc, "Provider quality assurance check", &subtitle);
    doc.push_sealed_as(title, &checklist.template_name);
    completed_details(&mut doc, register, provider, checklist);
    for section in &checklist.sections {
        doc.push(section_heading(&doc, &section.letter, &section.title));
        for (number, item) in section.items.iter().enumerate() {
            let reference = format!("{}{}", section.letter, number + 1);
            doc.push(completed_item(&doc, &reference, item));
        }
    }
    summary(&mut doc, checklist);
    sign_off(&mut doc, checklist);
    Ok(doc)
}

fn find_checklist(
    register: &Register,
    provider: ProviderId,
    id: Option<ChecklistId>,
) -> Result<&Checklist, ReportError> {
    let Some(id) = id else {
        return register
            .latest_checklist(provider)
            .ok_or(ReportError::NoChecklist(provider));
    };
    let checklist = register
        .checklist(id)
        .ok_or(ReportError::UnknownChecklist(id))?;
    if checklist.provider != provider {
        return Err(ReportError::WrongProvider {
            checklist: id,
            asked: provider,
            actual: checklist.provider,
        });
    }
    Ok(checklist)
}

fn status_words(status: &ChecklistStatus) -> String {
    match status {
        ChecklistStatus::Draft => "DRAFT: not finished".to_owned(),
        ChecklistStatus::Complete => "Complete, not yet signed".to_owned(),
        ChecklistStatus::Signed { on, .. } => format!("Signed on {}", format_date(*on)),
    }
}

fn pupils_line(register: &Register, placements: &[PlacementId]) -> String {
    placements
        .iter()
        .map(|id| match register.placement(*id) {
            Some(p) => format!("{} ({})", p.pupil.name, year_words(p.pupil.year_group)),
            None => format!("Placement {id} (not in the register)"),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn completed_details(doc: &mut Doc, register: &Register, provider: &Provider, c: &Checklist) {
    let details = [
        Detail::new("School", school_line(register)),
        Detail::new("Local authority", register.school.local_authority.clone()),
        Detail::new("Provider", provider.name.clone()),
        Detail::new("Registration", registration_line(provider)),
        Detail::wide("Site visited", site_line(provider, c.site)),
        Detail::new("Visit date", date_or_empty(c.visit_date)),
        Detail::new("Visited by", c.visited_by.clone()),
        Detail::wide("Placements covered", pupils_line(register, &c.placements)),
        Detail::new("Template", c.template_name.clone()),
        Detail::new("Record", format!("Checklist {}", c.id)),
    ];
    form::details(doc, &details);
    let counts = format!(
        "{} items: {} Yes, {} No, {} N/A, {} not yet checked. The answer to each item is \
         ticked under Yes, No or N/A.",
        c.items().count(),
        c.count(Answer::Yes),
        c.count(Answer::No),
        c.count(Answer::NotApplicable),
        c.count(Answer::NotYetChecked)
    );
    form::paragraph(doc, &counts, SMALL);
}

/// The shaded bar opening a section, with the box column heads; it also
/// makes every later page of the section open with a "continued" bar.
fn section_heading(doc: &Doc, letter: &str, title: &str) -> Block {
    let labels = box_label_positions();
    let text = format!("{letter}   {title}");
    let continued = format!("{text} (continued)");
    let mut block = Block::new().with_next().page_head(vec![
        form::heading_row(doc, &continued, &labels),
        form::gap(1.5),
    ]);
    block.space(3.0);
    block.row(form::heading_row(doc, &text, &labels));
    block.space(1.5);
    block
}

fn box_label_positions() -> Vec<(f32, &'static str)> {
    BOX_OFFSETS
        .iter()
        .zip(BOX_LABELS)
        .map(|(dx, label)| (ANSWER_X + dx + BOX_SIZE / 2.0, label))
        .collect()
}

fn answer_lines(answer: Answer) -> Vec<Line> {
    let ticked = match answer {
        Answer::Yes => Some(0),
        Answer::No => Some(1),
        Answer::NotApplicable => Some(2),
        Answer::NotYetChecked => None,
    };
    let mut first = Line::of(BODY);
    for (index, dx) in BOX_OFFSETS.iter().enumerate() {
        first = first.mark(*dx, Mark::tick_if(ticked == Some(index)));
    }
    let mut lines = vec![first];
    if ticked.is_none() {
        let style = Style::bold(8.0).muted();
        lines.push(Line::of(style).text(
            BOX_OFFSETS[0] - 1.0,
            Answer::NotYetChecked.label(),
            style,
        ));
    }
    lines
}

fn reference_cell(reference: &str) -> Cell {
    let style = Style::bold(BODY.size);
    Cell::new(LEFT, vec![Line::of(BODY).text(0.0, reference, style)])
}

fn continued_rows(doc: &Doc, reference: &str, text: &str) -> Vec<Row> {
    let style = Style::bold(8.0).muted();
    let suffix = " (continued)";
    let room = WIDTH - doc.width(suffix, style) - 1.0;
    let title = doc.fit(&format!("{reference}  {text}"), style, room);
    vec![Row::line(
        LEFT,
        &Line::of(style).text(0.0, format!("{title}{suffix}"), style),
    )]
}

fn item_block(
    doc: &Doc,
    reference: &str,
    text: &str,
    lines: Vec<Line>,
    answer: Vec<Line>,
) -> Block {
    let mut block = Block::new()
        .together()
        .continued(continued_rows(doc, reference, text));
    block.space(0.8);
    block.cells(&[
        reference_cell(reference),
        Cell::new(TEXT_X, lines),
        Cell::new(ANSWER_X, answer),
    ]);
    block.space(0.6);
    block.rule(LEFT, RIGHT, 0.25);
    block
}

fn completed_item(doc: &Doc, reference: &str, item: &ChecklistItem) -> Block {
    let mut lines = doc.paragraph(&item.text, BODY, TEXT_W);
    lines.extend(evidence_lines(
        doc,
        item.evidence_seen,
        &item.evidence_reference,
    ));
    if !item.note.trim().is_empty() {
        lines.extend(doc.labelled("Note", &item.note, BODY, TEXT_W, ""));
    }
    if let Some(checked) = checked_words(item) {
        lines.extend(doc.paragraph(&checked, SMALL.muted(), TEXT_W));
    }
    item_block(doc, reference, &item.text, lines, answer_lines(item.answer))
}

fn evidence_lines(doc: &Doc, seen: bool, reference: &str) -> Vec<Line> {
    let label = "Evidence seen";
    let box_x = doc.width(label, LABEL) + 1.5;
    let first = Line::of(SMALL)
        .text(0.0, label, LABEL)
        .mark(box_x, Mark::tick_if(seen));
    let ref_label = "Reference";
    let ref_label_x = box_x + BOX_SIZE + 4.0;
    let ref_x = ref_label_x + doc.width(ref_label, LABEL) + 1.5;
    let wrapped = doc.wrap(reference, SMALL, TEXT_W - ref_x);
    let Some((head, rest)) = wrapped.split_first() else {
        return vec![first];
    };
    let mut lines =
        vec![
            first
                .text(ref_label_x, ref_label, LABEL)
                .text(ref_x, head.clone(), SMALL),
        ];
    lines.extend(
        rest.iter()
            .map(|t| Line::of(SMALL).text(ref_x, t.clone(), SMALL)),
    );
    lines
}

fn checked_words(item: &ChecklistItem) -> Option<String> {
    let by = item.checked_by.trim();
    match (item.checked_on, by.is_empty()) {
        (Some(on), false) => Some(format!("Checked {} by {by}", format_date(on))),
        (Some(on), true) => Some(format!("Checked {}", format_date(on))),
        (None, false) => Some(format!("Checked by {by}")),
        (None, true) => None,
    }
}

fn summary(doc: &mut Doc, checklist: &Checklist) {
    let heading = form::heading(doc, "Summary, actions and judgement").page_head(Vec::new());
    doc.push(heading);
    doc.push(form::subheading(doc, "Items answered No"));
    let refs = item_references(checklist);
    let mut any = false;
    for (reference, item) in refs.iter().filter(|(_, item)| item.answer == Answer::No) {
        any = true;
        let mut block = Block::new().together();
        let text = doc.paragraph(&item.text, BODY, RIGHT - TEXT_X);
        block.cells(&[reference_cell(reference), Cell::new(TEXT_X, text)]);
        block.space(0.8);
        doc.push(block);
    }
    if !any {
        form::paragraph(doc, "No item was answered No.", BODY);
    }
    let unchecked: Vec<&str> = refs
        .iter()
        .filter(|(_, item)| item.answer == Answer::NotYetChecked)
        .map(|(r, _)| r.as_str())
        .collect();
    if !unchecked.is_empty() {
        doc.push(form::subheading(doc, "Items not yet checked"));
        form::paragraph(doc, &unchecked.join(", "), BODY);
    }
    doc.push(form::subheading(doc, "Actions arising"));
    form::actions(doc, &checklist.actions);
    judgement(doc, Some(checklist.judgement));
}

fn item_references(checklist: &Checklist) -> Vec<(String, &ChecklistItem)> {
    checklist
        .sections
        .iter()
        .flat_map(|s| {
            s.items
                .iter()
                .enumerate()
                .map(move |(n, item)| (format!("{}{}", s.letter, n + 1), item))
        })
        .collect()
}

/// The overall judgement as tick boxes; `None` prints them empty.
fn judgement(doc: &mut Doc, judgement: Option<Judgement>) {
    doc.push(form::subheading(doc, "Overall judgement"));
    let options: Vec<(&str, bool)> = [
        Judgement::Suitable,
        Judgement::SuitableWithActions,
        Judgement::NotSuitable,
    ]
    .iter()
    .map(|j| (j.label(), judgement == Some(*j)))
    .collect();
    let unset = (judgement == Some(Judgement::NotJudged)).then_some("Not judged yet");
    doc.push(form::choice_block(doc, &options, unset));
}

fn sign_off(doc: &mut Doc, checklist: &Checklist) {
    let s = &checklist.sign_off;
    let signers = [
        Signer {
            heading: "Completed by",
            name: &s.completed_by.name,
            role: Some(&s.completed_by.role),
            date: s.completed_by.date,
        },
        Signer {
            heading: "Provider representative",
            name: &s.provider_representative.name,
            role: Some(&s.provider_representative.role),
            date: s.provider_representative.date,
        },
        Signer {
            heading: "Designated safeguarding lead or headteacher countersignature",
            name: &s.countersigned_by.name,
            role: Some(&s.countersigned_by.role),
            date: s.countersigned_by.date,
        },
    ];
    sign_off_blocks(doc, &signers, &date_or_empty(checklist.next_qa));
}

/// The sign-off of §9.2, kept on one page: three signatures and the next
/// QA review date.
fn sign_off_blocks(doc: &mut Doc, signers: &[Signer], next_qa: &str) {
    let heading = form::heading(doc, "Sign-off").page_head(Vec::new());
    doc.push(heading);
    let mut block = Block::new().together();
    for signer in signers {
        block.append(form::signature(doc, signer));
    }
    block.space(3.0);
    block.append(form::field_line(doc, "Next QA review date", next_qa, 90.0));
    doc.push_sealed_as(block, next_qa);
}

/// A blank visit sheet for `provider` from a template.
pub(super) fn blank<'f>(
    fonts: &'f Fonts,
    register: &Register,
    provider_id: ProviderId,
    template_id: Option<TemplateId>,
) -> Result<Doc<'f>, ReportError> {
    let provider = register
        .provider(provider_id)
        .ok_or(ReportError::UnknownProvider(provider_id))?;
    let default;
    let template: &ChecklistTemplate = match template_id {
        Some(id) => register
            .template(id)
            .ok_or(ReportError::UnknownTemplate(id))?,
        None => match register.checklist_templates.first() {
            Some(first) => first,
            None => {
                default = default_template();
                &default
            }
        },
    };
    let title = "Provider quality assurance visit sheet";
    let mut doc = Doc::new(fonts, title, &provider.name);
    doc.push(form::title(&doc, title, &template.name));
    blank_details(&mut doc, register, provider);
    for section in &template.sections {
        doc.push(section_heading(&doc, &section.letter, &section.title));
        for (number, item) in section.items.iter().enumerate() {
            let reference = format!("{}{}", section.letter, number + 1);
            doc.push(blank_item(&doc, &reference, &item.text));
        }
    }
    blank_summary(&mut doc);
    Ok(doc)
}

fn blank_details(doc: &mut Doc, register: &Register, provider: &Provider) {
    let details = [
        Detail::new("School", school_line(register)),
        Detail::new("Local authority", register.school.local_authority.clone()),
        Detail::new("Provider", provider.name.clone()),
        Detail::new("Registration", registration_line(provider)),
        Detail::wide("Sites", all_sites(provider)),
    ];
    form::details(doc, &details);
    let half = WIDTH / 2.0;
    let mut block = Block::new().together();
    let first = write_field(doc, Line::writing(), 0.0, half - 4.0, "Visit date");
    let first = write_field(doc, first, half + 2.0, half - 2.0, "Visited by");
    let site = write_field(doc, Line::writing(), 0.0, WIDTH, "Site visited");
    let pupils = write_field(doc, Line::writing(), 0.0, WIDTH, "Placements covered");
    let more = Line::writing().rule(0.0, WIDTH);
    block.lines(LEFT, &[first, site, pupils, more]);
    block.space(3.0);
    doc.push(block);
    let help = "For each item tick Yes, No or N/A; tick Evidence seen and write its reference; \
                note anything of concern; date and initial the check. Note only that a DBS \
                certificate was seen and its reference: never keep a copy.";
    form::paragraph(doc, help, SMALL);
}

/// A label and an empty write-on rule.
fn write_field(doc: &Doc, line: Line, x: f32, width: f32, label: &str) -> Line {
    let label_width = doc.width(label, LABEL) + 2.0;
    line.text(x, label, LABEL)
        .rule(x + label_width, width - label_width)
}

fn blank_item(doc: &Doc, reference: &str, text: &str) -> Block {
    let mut lines = doc.paragraph(text, BODY, TEXT_W);
    let label = "Evidence seen";
    let box_x = doc.width(label, LABEL) + 1.5;
    let evidence = Line::writing()
        .text(0.0, label, LABEL)
        .mark(box_x, Mark::Empty);
    let evidence = write_field(doc, evidence, box_x + BOX_SIZE + 3.0, 48.0, "Reference");
    let evidence = write_field(doc, evidence, 77.0, 26.0, "Checked");
    let evidence = write_field(doc, evidence, 105.0, TEXT_W - 105.0, "by");
    lines.push(evidence);
    lines.push(write_field(doc, Line::writing(), 0.0, TEXT_W, "Note"));
    let mut answer = Line::of(BODY);
    for dx in BOX_OFFSETS {
        answer = answer.mark(dx, Mark::Empty);
    }
    item_block(doc, reference, text, lines, vec![answer])
}

fn blank_summary(doc: &mut Doc) {
    let heading = form::heading(doc, "Summary, actions and judgement").page_head(Vec::new());
    doc.push(heading);
    doc.push(form::subheading(doc, "Actions arising"));
    doc.push(form::table_head_block(doc, &form::ACTION_COLUMNS, None));
    for _ in 0..6 {
        doc.push(form::blank_table_row(&form::ACTION_COLUMNS));
    }
    judgement(doc, None);
    doc.push(form::subheading(doc, "Summary notes"));
    let mut block = Block::new().together();
    let lines: Vec<Line> = (0..3).map(|_| Line::writing().rule(0.0, WIDTH)).collect();
    block.lines(LEFT, &lines);
    doc.push(block);
    let signers = [
        Signer {
            heading: "Completed by",
            name: "",
            role: Some(""),
            date: None,
        },
        Signer {
            heading: "Provider representative",
            name: "",
            role: Some(""),
            date: None,
        },
        Signer {
            heading: "Designated safeguarding lead or headteacher countersignature",
            name: "",
            role: Some(""),
            date: None,
        },
    ];
    sign_off_blocks(doc, &signers, "");
}
