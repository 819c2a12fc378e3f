//! The new placement form: the least needed to start a placement. The
//! rest is filled in on the placement's tabs.

use egui::{RichText, Ui};
use jiff::civil::Date;

use super::Env;
use super::command::{Command, FormKey};
use super::document::Document;
use super::form::{self, FieldErrors, Outcome};
use super::overview::{StatusChoice, code_label, year_group};
use super::theme;
use super::view::{PlacementTab, Screen, ViewState};
use super::widgets::{self, FormWords, choice_row, date_row, form_grid, number_row, text_row};
use crate::model::{
    AttendanceCode, Commissioner, Placement, PlacementId, PlacementKind, PlacementStatus,
    ProviderId, Pupil,
};

/// The form as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct NewPlacementDraft {
    /// Typed in since it was made.
    pub touched: bool,
    /// Problems found by the last Apply.
    pub errors: FieldErrors,
    /// Pupil's name.
    pub name: String,
    /// Year group.
    pub year_group: String,
    /// Date of birth.
    pub date_of_birth: String,
    /// UPN.
    pub upn: String,
    /// Provider.
    pub provider: Option<ProviderId>,
    /// Kind.
    pub kind: PlacementKind,
    /// Commissioner.
    pub commissioner: Commissioner,
    /// Attendance code.
    pub code: AttendanceCode,
    /// Start date.
    pub start: String,
    /// Planned end.
    pub planned_end: String,
    /// Planned or active.
    pub status: StatusChoice,
    /// Reason for AP.
    pub reason: String,
}

impl Default for NewPlacementDraft {
    fn default() -> Self {
        Self {
            touched: false,
            errors: FieldErrors::new(),
            name: String::new(),
            year_group: String::new(),
            date_of_birth: String::new(),
            upn: String::new(),
            provider: None,
            kind: PlacementKind::TimeLimited,
            commissioner: Commissioner::School,
            code: AttendanceCode::B,
            start: String::new(),
            planned_end: String::new(),
            status: StatusChoice::Planned,
            reason: String::new(),
        }
    }
}

impl NewPlacementDraft {
    /// The new placement (id 0), or the problems.
    pub fn to_placement(&self) -> Result<Placement, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = form::required_text(&self.name, "name", "the pupil's name", &mut e);
        let year = year_group(&self.year_group, &mut e);
        let date_of_birth = form::optional_date(&self.date_of_birth, "date_of_birth", &mut e);
        if self.provider.is_none() {
            e.add(
                "provider",
                "Choose the provider, or add it first with New provider…",
            );
        }
        let start = form::optional_date(&self.start, "start", &mut e);
        let planned_end = form::optional_date(&self.planned_end, "planned_end", &mut e);
        if let (Some(s), Some(end)) = (start, planned_end)
            && end < s
        {
            e.add("planned_end", "The planned end is before the start");
        }
        if self.status == StatusChoice::Active && start.is_none() && e.get("start").is_none() {
            e.add("start", "An active placement needs a start date");
        }
        if self.commissioner == Commissioner::School && self.code == AttendanceCode::K {
            e.add(
                "code",
                "School-arranged provision is coded B (or D), never K",
            );
        }
        let placement = Placement {
            id: PlacementId::default(),
            pupil: Pupil {
                name,
                date_of_birth,
                upn: self.upn.trim().to_owned(),
                year_group: year,
                ..Pupil::default()
            },
            commissioner: self.commissioner,
            provider: self.provider.unwrap_or_default(),
            reason: self.reason.trim().to_owned(),
            kind: self.kind,
            start,
            planned_end,
            attendance_code: self.code,
            status: if self.status == StatusChoice::Active {
                PlacementStatus::Active
            } else {
                PlacementStatus::Planned
            },
            ..Placement::default()
        };
        e.into_result(placement)
    }
}

/// Adds the new placement and opens it.
pub fn apply(doc: &mut Document, view: &mut ViewState) -> Outcome {
    let Some(draft) = view.drafts.new_placement.as_mut() else {
        return Outcome::NoDraft;
    };
    let mut placement = match draft.to_placement() {
        Ok(p) => p,
        Err(errors) => {
            draft.errors = errors;
            return Outcome::Invalid;
        }
    };
    let id = doc.edit(|r| {
        placement.id = PlacementId(r.allocate_id());
        let id = placement.id;
        r.placements.push(placement);
        Ok::<_, ()>(id)
    });
    let Ok(id) = id else { return Outcome::NoDraft };
    view.drafts.new_placement = None;
    view.screen = Screen::Placement(id);
    view.tabs.insert(id, PlacementTab::Plan);
    Outcome::Applied("Placement added. Next, record the personalised plan".into())
}

/// Draws the screen.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState) {
    ui.heading("New placement");
    let intro = "The pupil and the arrangement. The plan, sessions and reviews follow on the \
                 placement's tabs.";
    ui.label(RichText::new(intro).weak());
    let draft = view
        .drafts
        .new_placement
        .get_or_insert_with(NewPlacementDraft::default);
    let errors = draft.errors.clone();
    let mut clicks = (false, false);
    let words = FormWords {
        apply: "Add placement",
        revert: "Clear",
    };
    widgets::track(
        draft,
        |d| d.touched = true,
        |d| {
            clicks = widgets::form_frame(ui, "new-placement", &errors, words, |ui| {
                pupil_section(ui, d, &errors, env.today);
                arrangement_section(ui, env, d, &errors);
            });
        },
    );
    if clicks.0 {
        env.send(Command::Apply(FormKey::NewPlacement));
    }
    if clicks.1 {
        env.send(Command::Revert(FormKey::NewPlacement));
    }
}

fn pupil_section(ui: &mut Ui, d: &mut NewPlacementDraft, e: &FieldErrors, today: Date) {
    theme::section_heading(ui, "Pupil");
    form_grid(ui, "new-placement-pupil", |ui| {
        text_row(ui, "Name", &mut d.name, e, "name");
        number_row(ui, "Year group", &mut d.year_group, e, "year_group");
        date_row(
            ui,
            "Date of birth",
            &mut d.date_of_birth,
            e,
            "date_of_birth",
            today,
        );
        text_row(ui, "UPN", &mut d.upn, e, "upn");
    });
}

fn arrangement_section(ui: &mut Ui, env: &Env<'_>, d: &mut NewPlacementDraft, e: &FieldErrors) {
    let today = env.today;
    theme::section_heading(ui, "Arrangement");
    form_grid(ui, "new-placement-arrangement", |ui| {
        provider_row(ui, env, d, e);
        choice_row(
            ui,
            "Kind",
            &mut d.kind,
            &PlacementKind::ALL,
            PlacementKind::label,
        );
        let commissioners = [Commissioner::School, Commissioner::LocalAuthority];
        choice_row(
            ui,
            "Commissioner",
            &mut d.commissioner,
            &commissioners,
            Commissioner::label,
        );
        widgets::row(ui, "Attendance code", e.get("code"), |ui| {
            widgets::choice(
                ui,
                "new-code",
                &mut d.code,
                &AttendanceCode::ALL,
                code_label,
            )
        });
        date_row(ui, "Start", &mut d.start, e, "start", today);
        date_row(
            ui,
            "Planned end",
            &mut d.planned_end,
            e,
            "planned_end",
            today,
        );
        let statuses = [StatusChoice::Planned, StatusChoice::Active];
        choice_row(ui, "Status", &mut d.status, &statuses, StatusChoice::label);
        widgets::multiline_row(ui, "Reason for AP", &mut d.reason);
    });
}

fn provider_row(ui: &mut Ui, env: &Env<'_>, d: &mut NewPlacementDraft, e: &FieldErrors) {
    widgets::row(ui, "Provider", e.get("provider"), |ui| {
        let selected = d
            .provider
            .map_or("Choose a provider", |id| env.register.provider_name(id));
        egui::ComboBox::from_id_salt("new-placement-provider")
            .selected_text(selected)
            .width(theme::FIELD_WIDTH)
            .show_ui(ui, |ui| {
                for p in &env.register.providers {
                    ui.selectable_value(&mut d.provider, Some(p.id), &p.name);
                }
            })
            .response
    });
}
