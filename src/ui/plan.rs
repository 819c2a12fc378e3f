//! A placement's Plan tab: every field of the personalised plan, and its
//! objectives, which can be added and removed.

use egui::{RichText, TextEdit, Ui};
use jiff::civil::Date;

use super::Env;
use super::command::{Command, FormKey};
use super::document::Document;
use super::form::{self, FieldErrors, Outcome};
use super::theme::{self, Tone};
use super::view::ViewState;
use super::widgets::{self, check_row, date_row, form_grid, multiline_row, text_row};
use crate::model::{
    Objective, ObjectiveArea, ObjectiveId, PersonalisedPlan, Placement, PlacementId,
};

/// One objective as typed; `id` is `None` until it is applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ObjectiveDraft {
    /// The objective's id once it is in the register.
    pub id: Option<ObjectiveId>,
    /// Area.
    pub area: ObjectiveArea,
    /// What the pupil will achieve.
    pub description: String,
    /// Where the pupil starts.
    pub baseline: String,
    /// Where the pupil should get to.
    pub target: String,
    /// How it is measured.
    pub measure: String,
}

/// The plan form as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanDraft {
    /// Typed in since it was made.
    pub touched: bool,
    /// Problems found by the last Apply.
    pub errors: FieldErrors,
    /// The plan's text fields, in the order the form lists them.
    pub texts: Vec<String>,
    /// Objectives.
    pub objectives: Vec<ObjectiveDraft>,
    /// When agreed.
    pub agreed_on: String,
    /// Who agreed it.
    pub agreed_by: String,
    /// Parent or carer agreed.
    pub parent_agreed: bool,
    /// Pupil agreed.
    pub pupil_agreed: bool,
}

type TextField = (
    &'static str,
    &'static str,
    fn(&mut PersonalisedPlan) -> &mut String,
    bool,
);

/// The plan's text fields: label, hint, field, and whether it is long.
const TEXT_FIELDS: [TextField; 15] = [
    (
        "Intervention",
        "Nature of the intervention or type of provision",
        |p| &mut p.intervention,
        true,
    ),
    (
        "Needs",
        "SEN, EHCP, health; interventions already tried",
        |p| &mut p.needs,
        true,
    ),
    (
        "Assessment",
        "How progress is assessed and monitored",
        |p| &mut p.assessment,
        true,
    ),
    (
        "Curriculum",
        "Continuity with the home school; qualification route",
        |p| &mut p.curriculum,
        true,
    ),
    (
        "Timeline",
        "Full- or part-time, timetable, what happens when",
        |p| &mut p.timeline,
        true,
    ),
    (
        "Off-site direction",
        "Reasons, and the person to report to",
        |p| &mut p.direction_details,
        true,
    ),
    (
        "Reintegration",
        "Arrangements, readiness criteria, next step",
        |p| &mut p.reintegration,
        true,
    ),
    (
        "Review schedule",
        "At least half-termly; criteria",
        |p| &mut p.review_schedule,
        true,
    ),
    (
        "Linked plans",
        "EHCP, PEP, healthcare or pastoral support plan",
        |p| &mut p.linked_plans,
        true,
    ),
    (
        "Reporting",
        "How attendance, progress and concerns are reported",
        |p| &mut p.reporting,
        true,
    ),
    (
        "School contact",
        "Named contact at the school",
        |p| &mut p.school_contact,
        false,
    ),
    (
        "Provider contact",
        "Named contact at the provider",
        |p| &mut p.provider_contact,
        false,
    ),
    (
        "Transport",
        "How the pupil gets there",
        |p| &mut p.transport,
        false,
    ),
    (
        "Lunch",
        "Free school meals or lunch",
        |p| &mut p.lunch,
        false,
    ),
    (
        "Written by",
        "Normally the provider",
        |p| &mut p.written_by,
        false,
    ),
];

impl PlanDraft {
    /// A draft of the placement's plan, or an empty one.
    pub fn from_plan(plan: Option<&PersonalisedPlan>) -> Self {
        let mut plan = plan.cloned().unwrap_or_default();
        Self {
            touched: false,
            errors: FieldErrors::new(),
            texts: TEXT_FIELDS
                .iter()
                .map(|(_, _, field, _)| field(&mut plan).clone())
                .collect(),
            objectives: plan
                .objectives
                .iter()
                .map(|o| ObjectiveDraft {
                    id: Some(o.id),
                    area: o.area,
                    description: o.description.clone(),
                    baseline: o.baseline.clone(),
                    target: o.target.clone(),
                    measure: o.measure.clone(),
                })
                .collect(),
            agreed_on: form::date_text(plan.agreed_on),
            agreed_by: plan.agreed_by.clone(),
            parent_agreed: plan.parent_agreed,
            pupil_agreed: plan.pupil_agreed,
        }
    }

    /// The plan with the draft's values, or the problems. New objectives
    /// get ids from `allocate`.
    pub fn to_plan(
        &self,
        mut allocate: impl FnMut() -> u32,
    ) -> Result<PersonalisedPlan, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut plan = PersonalisedPlan::default();
        for ((_, _, field, _), text) in TEXT_FIELDS.iter().zip(&self.texts) {
            *field(&mut plan) = text.trim().to_owned();
        }
        for (i, o) in self.objectives.iter().enumerate() {
            if o.description.trim().is_empty() {
                e.add(
                    format!("objective{i}"),
                    "Describe what the pupil will achieve",
                );
            }
        }
        plan.agreed_on = form::optional_date(&self.agreed_on, "agreed_on", &mut e);
        if plan.agreed_on.is_some() && self.agreed_by.trim().is_empty() {
            e.add("agreed_by", "Say who agreed the plan for the school");
        }
        if !e.is_empty() {
            return Err(e);
        }
        plan.objectives = self
            .objectives
            .iter()
            .map(|o| Objective {
                id: o.id.unwrap_or_else(|| ObjectiveId(allocate())),
                area: o.area,
                description: o.description.trim().to_owned(),
                baseline: o.baseline.trim().to_owned(),
                target: o.target.trim().to_owned(),
                measure: o.measure.trim().to_owned(),
            })
            .collect();
        plan.agreed_by = self.agreed_by.trim().to_owned();
        plan.parent_agreed = self.parent_agreed;
        plan.pupil_agreed = self.pupil_agreed;
        Ok(plan)
    }
}

/// Applies the plan draft of placement `id`.
pub fn apply(doc: &mut Document, view: &mut ViewState, id: PlacementId) -> Outcome {
    let Some(draft) = view.drafts.plan.get_mut(&id) else {
        return Outcome::NoDraft;
    };
    if doc.register().placement(id).is_none() {
        return Outcome::NoDraft;
    }
    // Validate first without touching the register, so a wrong draft
    // leaves no undo step.
    if let Err(errors) = draft.to_plan(|| 0) {
        draft.errors = errors;
        return Outcome::Invalid;
    }
    let result = doc.edit(|r| {
        let plan = draft.to_plan(|| r.allocate_id())?;
        let placement = r.placement_mut(id).ok_or_else(FieldErrors::new)?;
        placement.plan = Some(plan);
        Ok::<(), FieldErrors>(())
    });
    match result {
        Ok(()) => {
            view.drafts.plan.remove(&id);
            Outcome::Applied("Personalised plan saved in the register".into())
        }
        Err(errors) => {
            draft.errors = errors;
            Outcome::Invalid
        }
    }
}

/// Draws the tab.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState, placement: &Placement) {
    let id = placement.id;
    if placement.plan.is_none() && !view.drafts.plan.contains_key(&id) {
        no_plan(ui, view, id);
        return;
    }
    let draft = view
        .drafts
        .plan
        .entry(id)
        .or_insert_with(|| PlanDraft::from_plan(placement.plan.as_ref()));
    if placement.plan.is_some()
        && ui
            .button("Print plan…")
            .on_hover_text("Save the plan as it is in the register as a PDF")
            .clicked()
    {
        env.send(Command::Print(crate::report::PrintRequest::Plan {
            placement: id,
        }));
    }
    let errors = draft.errors.clone();
    let mut clicks = (false, false);
    let salt = format!("plan-{id}");
    widgets::track(
        draft,
        |d| d.touched = true,
        |draft| {
            clicks = widgets::form_frame(
                ui,
                &salt,
                &errors,
                widgets::FormWords::apply("Apply plan"),
                |ui| {
                    agreement_status(ui, draft);
                    text_fields(ui, draft);
                    objectives(ui, draft, &errors);
                    agreement(ui, draft, &errors, env.today);
                },
            );
        },
    );
    if clicks.0 {
        env.send(Command::Apply(FormKey::Plan(id)));
    }
    if clicks.1 {
        env.send(Command::Revert(FormKey::Plan(id)));
    }
}

fn no_plan(ui: &mut Ui, view: &mut ViewState, id: PlacementId) {
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        theme::badge(ui, Tone::Overdue, "No plan");
        ui.label("This placement has no personalised plan yet.");
    });
    ui.label("The provider normally writes it; the school agrees it before the placement starts.");
    ui.add_space(8.0);
    if ui.button("Start a plan").clicked() {
        let mut draft = PlanDraft::from_plan(None);
        draft.touched = true;
        view.drafts.plan.insert(id, draft);
    }
}

fn agreement_status(ui: &mut Ui, d: &PlanDraft) {
    ui.horizontal(|ui| {
        if d.agreed_on.trim().is_empty() {
            theme::badge(ui, Tone::DueSoon, "Draft");
            ui.label("Not yet agreed by the school.");
        } else {
            theme::badge(ui, Tone::Ok, "Agreed");
            ui.label(format!("Agreed on {} by {}.", d.agreed_on, d.agreed_by));
        }
    });
}

fn text_fields(ui: &mut Ui, d: &mut PlanDraft) {
    theme::section_heading(ui, "The plan");
    form_grid(ui, "plan-texts", |ui| {
        for ((label, hint, _, long), text) in TEXT_FIELDS.iter().zip(d.texts.iter_mut()) {
            let label_response = ui.label(*label);
            let edit = if *long {
                TextEdit::multiline(text)
                    .desired_rows(2)
                    .desired_width(theme::WIDE_FIELD_WIDTH)
            } else {
                TextEdit::singleline(text).desired_width(theme::FIELD_WIDTH)
            };
            ui.add(edit.hint_text(*hint)).labelled_by(label_response.id);
            ui.end_row();
        }
    });
}

fn objectives(ui: &mut Ui, d: &mut PlanDraft, e: &FieldErrors) {
    theme::section_heading(ui, "Objectives");
    ui.label(
        RichText::new("SMART targets for learning, attendance, behaviour and attitude.").weak(),
    );
    let mut remove = None;
    for (i, o) in d.objectives.iter_mut().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("Objective {}", i + 1)).strong());
                widgets::choice(
                    ui,
                    ("objective-area", i),
                    &mut o.area,
                    &ObjectiveArea::ALL,
                    ObjectiveArea::label,
                )
                .accessible_name(format!("Objective {} area", i + 1));
                if widgets::remove_button(ui, &format!("objective {}", i + 1)) {
                    remove = Some(i);
                }
            });
            form_grid(ui, ("objective", i), |ui| {
                let n = i + 1;
                objective_field(
                    ui,
                    &format!("Objective {n} description"),
                    "What",
                    &mut o.description,
                );
                objective_field(
                    ui,
                    &format!("Objective {n} baseline"),
                    "Baseline",
                    &mut o.baseline,
                );
                objective_field(
                    ui,
                    &format!("Objective {n} target"),
                    "Target",
                    &mut o.target,
                );
                objective_field(
                    ui,
                    &format!("Objective {n} measure"),
                    "Measure",
                    &mut o.measure,
                );
            });
            widgets::field_error(ui, e.get(&format!("objective{i}")));
        });
    }
    if let Some(i) = remove {
        d.objectives.remove(i);
    }
    if ui.button("Add objective").clicked() {
        d.objectives.push(ObjectiveDraft::default());
    }
}

fn objective_field(ui: &mut Ui, name: &str, label: &str, text: &mut String) {
    ui.label(label);
    ui.add(TextEdit::singleline(text).desired_width(theme::WIDE_FIELD_WIDTH))
        .accessible_name(name);
    ui.end_row();
}

fn agreement(ui: &mut Ui, d: &mut PlanDraft, e: &FieldErrors, today: Date) {
    theme::section_heading(ui, "Agreement");
    form_grid(ui, "plan-agreement", |ui| {
        date_row(ui, "Agreed on", &mut d.agreed_on, e, "agreed_on", today);
        text_row(ui, "Agreed by", &mut d.agreed_by, e, "agreed_by");
        check_row(
            ui,
            "Parent or carer",
            "The parent or carer agreed the plan",
            &mut d.parent_agreed,
        );
        check_row(
            ui,
            "Pupil",
            "The pupil agreed the plan",
            &mut d.pupil_agreed,
        );
    });
    let _ = multiline_row;
}
