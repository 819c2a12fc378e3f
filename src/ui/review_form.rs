//! The review form: a half-termly review of a placement. A new review
//! starts with one progress row for each objective of the plan, so every
//! objective is rated.

use egui::{RichText, TextEdit, Ui};
use jiff::civil::Date;

use super::Env;
use super::command::{Command, FormKey};
use super::document::Document;
use super::form::{self, FieldErrors, Outcome};
use super::theme;
use super::view::ViewState;
use super::widgets::{self, FormWords, choice_row, date_row, form_grid, multiline_row, number_row};
use crate::model::dates::format_date;
use crate::model::{
    Action, Attendee, AttendeeRole, Decision, ObjectiveId, ObjectiveProgress, Placement,
    PlacementId, Rating, RecordId, Review,
};

/// An attendee as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttendeeDraft {
    /// Name.
    pub name: String,
    /// Role.
    pub role: AttendeeRole,
}

/// Progress against one objective as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressDraft {
    /// The objective rated.
    pub objective: ObjectiveId,
    /// The objective's words, to show beside the rating.
    pub label: String,
    /// Rating.
    pub rating: Rating,
    /// Baseline measure repeated now.
    pub measure_now: String,
    /// Comment.
    pub comment: String,
}

/// An action as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActionDraft {
    /// What is to be done.
    pub description: String,
    /// Who does it.
    pub owner: String,
    /// By when.
    pub due: String,
    /// When done.
    pub done_on: String,
}

/// Editable rows of actions (what, who, due, done) with Remove and Add;
/// shared by reviews and QA checklists. `name` words each field's
/// accessible name ("Action 2 owner") and keys its widgets.
pub fn action_rows(
    ui: &mut Ui,
    actions: &mut Vec<ActionDraft>,
    errors: &FieldErrors,
    today: Date,
    name: &str,
) {
    let key = name.to_lowercase().replace(' ', "-");
    let mut remove = None;
    for (i, a) in actions.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal(|ui| {
            let what = TextEdit::singleline(&mut a.description).desired_width(300.0);
            ui.add(what.hint_text("What"))
                .accessible_name(format!("{name} {n}"));
            let who = TextEdit::singleline(&mut a.owner).desired_width(140.0);
            ui.add(who.hint_text("Who"))
                .accessible_name(format!("{name} {n} owner"));
            ui.label("due");
            widgets::date_edit(ui, &format!("{key}-due-{i}"), &mut a.due, today)
                .accessible_name(format!("{name} {n} due"));
            ui.label("done");
            widgets::date_edit(ui, &format!("{key}-done-{i}"), &mut a.done_on, today)
                .accessible_name(format!("{name} {n} done on"));
            if widgets::remove_button(ui, &format!("{} {n}", name.to_lowercase())) {
                remove = Some(i);
            }
        });
        widgets::field_error(ui, errors.get(&format!("action{i}")));
    }
    if let Some(i) = remove {
        actions.remove(i);
    }
    if ui.button("Add action").clicked() {
        actions.push(ActionDraft::default());
    }
}

/// Typed actions as records; blank rows are dropped, and a row with no
/// description or a bad date is reported against `action{i}`.
pub fn checked_actions(actions: &[ActionDraft], e: &mut FieldErrors) -> Vec<Action> {
    let mut out = Vec::new();
    for (i, a) in actions.iter().enumerate() {
        let field = format!("action{i}");
        let blank = a.description.trim().is_empty() && a.owner.trim().is_empty();
        if blank && a.due.trim().is_empty() {
            continue;
        }
        if a.description.trim().is_empty() {
            e.add(&field, "Say what is to be done");
        }
        out.push(Action {
            description: a.description.trim().to_owned(),
            owner: a.owner.trim().to_owned(),
            due: form::optional_date(&a.due, &field, e),
            done_on: form::optional_date(&a.done_on, &field, e),
        });
    }
    out
}

/// The review form as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewDraft {
    /// Typed in since it was made.
    pub touched: bool,
    /// Problems found by the last Apply.
    pub errors: FieldErrors,
    /// The review being changed; `None` for a new one.
    pub editing: Option<RecordId>,
    /// Date held.
    pub date: String,
    /// Who attended.
    pub attendees: Vec<AttendeeDraft>,
    /// Sessions possible since the last review.
    pub sessions_possible: String,
    /// Sessions attended since the last review.
    pub sessions_attended: String,
    /// Absences and follow-up.
    pub absence_follow_up: String,
    /// One row per objective.
    pub progress: Vec<ProgressDraft>,
    /// Behaviour, engagement, wellbeing.
    pub wellbeing: String,
    /// Safeguarding concerns.
    pub safeguarding_concerns: String,
    /// Pupil's views.
    pub pupil_views: String,
    /// Parent's or carer's views.
    pub parent_views: String,
    /// Decision.
    pub decision: Decision,
    /// Changes the provider recommends.
    pub recommended_changes: String,
    /// Reintegration or onward planning.
    pub next_steps: String,
    /// Actions.
    pub actions: Vec<ActionDraft>,
    /// Next review date.
    pub next_review: String,
}

impl ReviewDraft {
    /// A new review held today, with a row for each objective of the plan.
    pub fn new_for(placement: &Placement, today: Date) -> Self {
        let progress = placement
            .plan
            .iter()
            .flat_map(|plan| &plan.objectives)
            .map(|o| ProgressDraft {
                objective: o.id,
                label: objective_label(o.area.label(), &o.description),
                rating: Rating::NotRated,
                measure_now: String::new(),
                comment: String::new(),
            })
            .collect();
        let attendees = [AttendeeRole::School, AttendeeRole::Provider]
            .into_iter()
            .map(|role| AttendeeDraft {
                name: String::new(),
                role,
            })
            .collect();
        Self {
            touched: false,
            errors: FieldErrors::new(),
            editing: None,
            date: format_date(today),
            attendees,
            sessions_possible: String::new(),
            sessions_attended: String::new(),
            absence_follow_up: String::new(),
            progress,
            wellbeing: String::new(),
            safeguarding_concerns: String::new(),
            pupil_views: String::new(),
            parent_views: String::new(),
            decision: Decision::Undecided,
            recommended_changes: String::new(),
            next_steps: String::new(),
            actions: Vec::new(),
            next_review: String::new(),
        }
    }

    /// A draft of an existing review, with rows added for objectives the
    /// plan gained since.
    pub fn edit(placement: &Placement, id: RecordId) -> Option<Self> {
        let review = placement.reviews.iter().find(|r| r.id == id)?;
        let mut draft = Self::new_for(placement, review.date.unwrap_or(Date::constant(2000, 1, 1)));
        draft.editing = Some(id);
        draft.date = form::date_text(review.date);
        draft.attendees = review
            .attendees
            .iter()
            .map(|a| AttendeeDraft {
                name: a.name.clone(),
                role: a.role,
            })
            .collect();
        draft.sessions_possible = review
            .sessions_possible
            .map(|n| n.to_string())
            .unwrap_or_default();
        draft.sessions_attended = review
            .sessions_attended
            .map(|n| n.to_string())
            .unwrap_or_default();
        draft.absence_follow_up = review.absence_follow_up.clone();
        for row in &mut draft.progress {
            if let Some(rated) = review
                .progress
                .iter()
                .find(|p| p.objective == row.objective)
            {
                row.rating = rated.rating;
                row.measure_now = rated.measure_now.clone();
                row.comment = rated.comment.clone();
            }
        }
        draft.wellbeing = review.wellbeing.clone();
        draft.safeguarding_concerns = review.safeguarding_concerns.clone();
        draft.pupil_views = review.pupil_views.clone();
        draft.parent_views = review.parent_views.clone();
        draft.decision = review.decision;
        draft.recommended_changes = review.recommended_changes.clone();
        draft.next_steps = review.next_steps.clone();
        draft.actions = review
            .actions
            .iter()
            .map(|a| ActionDraft {
                description: a.description.clone(),
                owner: a.owner.clone(),
                due: form::date_text(a.due),
                done_on: form::date_text(a.done_on),
            })
            .collect();
        draft.next_review = form::date_text(review.next_review);
        Some(draft)
    }

    /// The review with the draft's values (id 0 for a new one), or the
    /// problems.
    pub fn to_review(&self, today: Date) -> Result<Review, FieldErrors> {
        let mut e = FieldErrors::new();
        let date = form::required_date(&self.date, "date", &mut e);
        if date.is_some_and(|d| d > today) {
            e.add(
                "date",
                "Record a review once it has been held: the date is after today",
            );
        }
        let possible = form::optional_count(&self.sessions_possible, "sessions_possible", &mut e);
        let attended = form::optional_count(&self.sessions_attended, "sessions_attended", &mut e);
        if let (Some(p), Some(a)) = (possible, attended)
            && a > p
        {
            e.add(
                "sessions_attended",
                format!("{a} sessions attended is more than the {p} possible"),
            );
        }
        let next_review = form::optional_date(&self.next_review, "next_review", &mut e);
        if let (Some(held), Some(next)) = (date, next_review)
            && next <= held
        {
            e.add("next_review", "The next review must come after this one");
        }
        let actions = checked_actions(&self.actions, &mut e);
        let review = Review {
            id: self.editing.unwrap_or_default(),
            date,
            attendees: self
                .attendees
                .iter()
                .filter(|a| !a.name.trim().is_empty())
                .map(|a| Attendee {
                    name: a.name.trim().to_owned(),
                    role: a.role,
                })
                .collect(),
            sessions_possible: possible,
            sessions_attended: attended,
            absence_follow_up: self.absence_follow_up.trim().to_owned(),
            progress: self
                .progress
                .iter()
                .map(|p| ObjectiveProgress {
                    objective: p.objective,
                    rating: p.rating,
                    measure_now: p.measure_now.trim().to_owned(),
                    comment: p.comment.trim().to_owned(),
                })
                .collect(),
            wellbeing: self.wellbeing.trim().to_owned(),
            safeguarding_concerns: self.safeguarding_concerns.trim().to_owned(),
            pupil_views: self.pupil_views.trim().to_owned(),
            parent_views: self.parent_views.trim().to_owned(),
            decision: self.decision,
            recommended_changes: self.recommended_changes.trim().to_owned(),
            next_steps: self.next_steps.trim().to_owned(),
            actions,
            next_review,
        };
        e.into_result(review)
    }
}

fn objective_label(area: &str, description: &str) -> String {
    format!("{area}: {description}")
}

/// Applies the review form of placement `id`: adds the review, or
/// replaces the one being edited.
pub fn apply(doc: &mut Document, view: &mut ViewState, id: PlacementId, today: Date) -> Outcome {
    let Some(draft) = view.drafts.review.get_mut(&id) else {
        return Outcome::NoDraft;
    };
    let mut review = match draft.to_review(today) {
        Ok(review) => review,
        Err(errors) => {
            draft.errors = errors;
            return Outcome::Invalid;
        }
    };
    let editing = draft.editing;
    let result: Result<(), ()> = doc.edit(|r| {
        if editing.is_none() {
            review.id = RecordId(r.allocate_id());
        }
        let placement = r.placement_mut(id).ok_or(())?;
        match placement
            .reviews
            .iter_mut()
            .find(|old| Some(old.id) == editing)
        {
            Some(old) => *old = review,
            None => placement.reviews.push(review),
        }
        Ok(())
    });
    if result.is_err() {
        return Outcome::NoDraft;
    }
    view.drafts.review.remove(&id);
    let words = if editing.is_some() {
        "Review updated"
    } else {
        "Review added"
    };
    Outcome::Applied(words.into())
}

/// Draws the form for the review draft of `placement`.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, draft: &mut ReviewDraft, placement: &Placement) {
    let id = placement.id;
    let errors = draft.errors.clone();
    let words = if draft.editing.is_some() {
        FormWords {
            apply: "Save review",
            revert: "Cancel",
        }
    } else {
        FormWords {
            apply: "Add review",
            revert: "Cancel",
        }
    };
    let title = if draft.editing.is_some() {
        "Edit review"
    } else {
        "New review"
    };
    let mut clicks = (false, false);
    let today = env.today;
    widgets::track(
        draft,
        |d| d.touched = true,
        |d| {
            clicks = widgets::form_frame(ui, &format!("review-{id}"), &errors, words, |ui| {
                ui.label(RichText::new(title).size(18.0).strong());
                meeting(ui, d, &errors, today);
                attendance(ui, d, &errors);
                progress(ui, d);
                views(ui, d);
                actions(ui, d, &errors, today);
            });
        },
    );
    if clicks.0 {
        env.send(Command::Apply(FormKey::Review(id)));
    }
    if clicks.1 {
        env.send(Command::Revert(FormKey::Review(id)));
    }
}

fn meeting(ui: &mut Ui, d: &mut ReviewDraft, e: &FieldErrors, today: Date) {
    theme::section_heading(ui, "Meeting");
    form_grid(ui, "review-meeting", |ui| {
        date_row(ui, "Date", &mut d.date, e, "date", today);
        ui.label("Attendees");
        ui.vertical(|ui| attendees(ui, d));
        ui.end_row();
    });
}

fn attendees(ui: &mut Ui, d: &mut ReviewDraft) {
    let mut remove = None;
    for (i, a) in d.attendees.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.add(
                TextEdit::singleline(&mut a.name)
                    .desired_width(220.0)
                    .hint_text("Name"),
            )
            .accessible_name(format!("Attendee {} name", i + 1));
            widgets::choice(
                ui,
                ("attendee-role", i),
                &mut a.role,
                &AttendeeRole::ALL,
                AttendeeRole::label,
            )
            .accessible_name(format!("Attendee {} role", i + 1));
            if widgets::remove_button(ui, &format!("attendee {}", i + 1)) {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        d.attendees.remove(i);
    }
    if ui.button("Add attendee").clicked() {
        d.attendees.push(AttendeeDraft::default());
    }
}

fn attendance(ui: &mut Ui, d: &mut ReviewDraft, e: &FieldErrors) {
    theme::section_heading(ui, "Attendance since the last review");
    form_grid(ui, "review-attendance", |ui| {
        number_row(
            ui,
            "Sessions possible",
            &mut d.sessions_possible,
            e,
            "sessions_possible",
        );
        number_row(
            ui,
            "Sessions attended",
            &mut d.sessions_attended,
            e,
            "sessions_attended",
        );
        let percent = match (
            d.sessions_possible.trim().parse::<u32>(),
            d.sessions_attended.trim().parse::<u32>(),
        ) {
            (Ok(p), Ok(a)) if p > 0 => format!("{:.0}%", f64::from(a) * 100.0 / f64::from(p)),
            _ => "–".to_owned(),
        };
        widgets::info_row(ui, "Attendance", percent);
        multiline_row(ui, "Absences and follow-up", &mut d.absence_follow_up);
    });
}

fn progress(ui: &mut Ui, d: &mut ReviewDraft) {
    theme::section_heading(ui, "Progress against the objectives");
    if d.progress.is_empty() {
        ui.label(RichText::new("The plan has no objectives to rate.").weak());
        return;
    }
    for (i, p) in d.progress.iter_mut().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width().min(900.0));
            ui.label(RichText::new(format!("Objective {}. {}", i + 1, p.label)).strong());
            ui.horizontal(|ui| {
                ui.label("Rating");
                widgets::choice_wide(
                    ui,
                    ("rating", i),
                    &mut p.rating,
                    &Rating::ALL,
                    Rating::label,
                    130.0,
                )
                .accessible_name(format!("Rating for objective {}", i + 1));
                ui.add_space(8.0);
                ui.add(
                    TextEdit::singleline(&mut p.measure_now)
                        .desired_width(200.0)
                        .hint_text("Measure now"),
                )
                .accessible_name(format!("Measure now for objective {}", i + 1));
                ui.add(
                    TextEdit::singleline(&mut p.comment)
                        .desired_width(320.0)
                        .hint_text("Comment"),
                )
                .accessible_name(format!("Comment on objective {}", i + 1));
            });
        });
    }
}

fn views(ui: &mut Ui, d: &mut ReviewDraft) {
    theme::section_heading(ui, "Wellbeing, views and decision");
    form_grid(ui, "review-views", |ui| {
        multiline_row(ui, "Behaviour and wellbeing", &mut d.wellbeing);
        multiline_row(ui, "Safeguarding concerns", &mut d.safeguarding_concerns);
        multiline_row(ui, "Pupil's views", &mut d.pupil_views);
        multiline_row(ui, "Parent's or carer's views", &mut d.parent_views);
        choice_row(
            ui,
            "Decision",
            &mut d.decision,
            &Decision::ALL,
            Decision::label,
        );
        multiline_row(ui, "Recommended changes", &mut d.recommended_changes);
        multiline_row(ui, "Next steps", &mut d.next_steps);
    });
}

fn actions(ui: &mut Ui, d: &mut ReviewDraft, e: &FieldErrors, today: Date) {
    theme::section_heading(ui, "Actions and next review");
    action_rows(ui, &mut d.actions, e, today, "Action");
    ui.add_space(6.0);
    form_grid(ui, "review-next", |ui| {
        date_row(
            ui,
            "Next review date",
            &mut d.next_review,
            e,
            "next_review",
            today,
        );
    });
}
