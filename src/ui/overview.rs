//! A placement's Overview tab: the pupil, the arrangement, hours and
//! sessions, the commissioner, the local authority notice, the attendance
//! code and the placement's status.

use egui::Ui;
use jiff::civil::Date;

use super::Env;
use super::command::{Command, FormKey};
use super::document::Document;
use super::form::{self, FieldErrors, Outcome};
use super::theme;
use super::view::ViewState;
use super::widgets::{self, check_row, choice_row, date_row, form_grid, number_row, text_row};
use crate::model::{
    AttendanceCode, Commissioner, Destination, Placement, PlacementId, PlacementKind,
    PlacementStatus, ProviderId, SenStatus, Session, SiteId, Weekday,
};

/// Planned, active or ended, as a form chooses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusChoice {
    /// Agreed, not yet started.
    Planned,
    /// Under way.
    Active,
    /// Finished.
    Ended,
}

impl StatusChoice {
    /// All choices.
    pub const ALL: [Self; 3] = [Self::Planned, Self::Active, Self::Ended];

    /// Words for the form.
    pub fn label(self) -> &'static str {
        match self {
            Self::Planned => "Planned",
            Self::Active => "Active",
            Self::Ended => "Ended",
        }
    }
}

/// One session as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionDraft {
    /// The day.
    pub day: Weekday,
    /// Start time, hh:mm.
    pub start: String,
    /// End time, hh:mm.
    pub end: String,
}

/// The Overview form as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct OverviewDraft {
    /// Typed in since it was made.
    pub touched: bool,
    /// Problems found by the last Apply.
    pub errors: FieldErrors,
    /// Pupil's name.
    pub name: String,
    /// Date of birth.
    pub date_of_birth: String,
    /// UPN.
    pub upn: String,
    /// Year group, "R" or a number.
    pub year_group: String,
    /// SEN status.
    pub sen: SenStatus,
    /// Looked after.
    pub looked_after: bool,
    /// Hours still at the home school.
    pub home_school_hours: String,
    /// Commissioner.
    pub commissioner: Commissioner,
    /// Provider.
    pub provider: ProviderId,
    /// Sites attended.
    pub sites: Vec<SiteId>,
    /// Reason for AP.
    pub reason: String,
    /// Kind of arrangement.
    pub kind: PlacementKind,
    /// Start date.
    pub start: String,
    /// Planned end date.
    pub planned_end: String,
    /// End of the agreed maximum period.
    pub maximum_end: String,
    /// Regular sessions.
    pub sessions: Vec<SessionDraft>,
    /// Attendance code.
    pub code: AttendanceCode,
    /// Date the LA was told.
    pub la_on: String,
    /// How the LA was told.
    pub la_how: String,
    /// Status.
    pub status: StatusChoice,
    /// Date ended.
    pub ended_on: String,
    /// Outcome at the end.
    pub outcome: String,
    /// Destination at the end.
    pub destination: Destination,
}

impl OverviewDraft {
    /// A draft holding the placement as it is.
    pub fn from_placement(p: &Placement) -> Self {
        let (status, ended_on, outcome, destination) = match &p.status {
            PlacementStatus::Planned => (
                StatusChoice::Planned,
                None,
                String::new(),
                Destination::default(),
            ),
            PlacementStatus::Active => (
                StatusChoice::Active,
                None,
                String::new(),
                Destination::default(),
            ),
            PlacementStatus::Ended {
                on,
                outcome,
                destination,
            } => (
                StatusChoice::Ended,
                Some(*on),
                outcome.clone(),
                *destination,
            ),
        };
        Self {
            touched: false,
            errors: FieldErrors::new(),
            name: p.pupil.name.clone(),
            date_of_birth: form::date_text(p.pupil.date_of_birth),
            upn: p.pupil.upn.clone(),
            year_group: super::register_table::year_label(p.pupil.year_group),
            sen: p.pupil.sen,
            looked_after: p.pupil.looked_after,
            home_school_hours: form::hours_text(p.pupil.home_school_hours),
            commissioner: p.commissioner,
            provider: p.provider,
            sites: p.sites.clone(),
            reason: p.reason.clone(),
            kind: p.kind,
            start: form::date_text(p.start),
            planned_end: form::date_text(p.planned_end),
            maximum_end: form::date_text(p.maximum_end),
            sessions: p
                .sessions
                .iter()
                .map(|s| SessionDraft {
                    day: s.day,
                    start: form::time_text(s.start),
                    end: form::time_text(s.end),
                })
                .collect(),
            code: p.attendance_code,
            la_on: form::date_text(p.la_informed.on),
            la_how: p.la_informed.how.clone(),
            status,
            ended_on: form::date_text(ended_on),
            outcome,
            destination,
        }
    }

    /// The placement with the draft's values, or the problems.
    pub fn to_placement(&self, original: &Placement) -> Result<Placement, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut p = original.clone();
        p.pupil.name = form::required_text(&self.name, "name", "the pupil's name", &mut e);
        p.pupil.date_of_birth = form::optional_date(&self.date_of_birth, "date_of_birth", &mut e);
        p.pupil.upn = self.upn.trim().to_owned();
        p.pupil.year_group = year_group(&self.year_group, &mut e);
        p.pupil.sen = self.sen;
        p.pupil.looked_after = self.looked_after;
        p.pupil.home_school_hours =
            form::hours(&self.home_school_hours, "home_school_hours", &mut e);
        p.commissioner = self.commissioner;
        p.provider = self.provider;
        p.sites = self.sites.clone();
        p.reason = self.reason.trim().to_owned();
        p.kind = self.kind;
        p.start = form::optional_date(&self.start, "start", &mut e);
        p.planned_end = form::optional_date(&self.planned_end, "planned_end", &mut e);
        p.maximum_end = form::optional_date(&self.maximum_end, "maximum_end", &mut e);
        p.sessions = sessions(&self.sessions, &mut e);
        p.attendance_code = self.code;
        p.la_informed.on = form::optional_date(&self.la_on, "la_on", &mut e);
        p.la_informed.how = self.la_how.trim().to_owned();
        p.status = self.status(&mut e);
        check_dates(&p, &mut e);
        e.into_result(p)
    }

    fn status(&self, e: &mut FieldErrors) -> PlacementStatus {
        match self.status {
            StatusChoice::Planned => PlacementStatus::Planned,
            StatusChoice::Active => PlacementStatus::Active,
            StatusChoice::Ended => PlacementStatus::Ended {
                on: form::required_date(&self.ended_on, "ended_on", e)
                    .unwrap_or(Date::constant(2000, 1, 1)),
                outcome: self.outcome.trim().to_owned(),
                destination: self.destination,
            },
        }
    }
}

/// Year group typed as "R", "Reception" or a number 0–14.
pub fn year_group(text: &str, e: &mut FieldErrors) -> u8 {
    let text = text.trim();
    if text.eq_ignore_ascii_case("r") || text.eq_ignore_ascii_case("reception") {
        return 0;
    }
    match text.parse::<u8>() {
        Ok(n) if n <= 14 => n,
        _ => {
            e.add(
                "year_group",
                format!("\"{text}\" is not a year group: use R or 1 to 14"),
            );
            0
        }
    }
}

fn sessions(drafts: &[SessionDraft], e: &mut FieldErrors) -> Vec<Session> {
    let mut out = Vec::new();
    for (i, s) in drafts.iter().enumerate() {
        let field = format!("session{i}");
        let start = form::time(&s.start, &field, e);
        let end = form::time(&s.end, &field, e);
        if let (Some(start), Some(end)) = (start, end) {
            if end <= start {
                e.add(&field, "The session ends before it starts");
            }
            out.push(Session {
                day: s.day,
                start,
                end,
            });
        }
    }
    out
}

fn check_dates(p: &Placement, e: &mut FieldErrors) {
    if let Some(start) = p.start {
        if p.planned_end.is_some_and(|end| end < start) {
            e.add("planned_end", "The planned end is before the start");
        }
        if p.maximum_end.is_some_and(|end| end < start) {
            e.add("maximum_end", "The maximum period ends before the start");
        }
        if let PlacementStatus::Ended { on, .. } = p.status
            && on < start
        {
            e.add("ended_on", "The placement cannot end before it starts");
        }
    } else if p.status == PlacementStatus::Active {
        e.add("start", "An active placement needs a start date");
    }
}

/// Applies the Overview draft of placement `id`.
pub fn apply(doc: &mut Document, view: &mut ViewState, id: PlacementId) -> Outcome {
    let Some(draft) = view.drafts.overview.get_mut(&id) else {
        return Outcome::NoDraft;
    };
    let Some(original) = doc.register().placement(id) else {
        return Outcome::NoDraft;
    };
    match draft.to_placement(original) {
        Err(errors) => {
            draft.errors = errors;
            Outcome::Invalid
        }
        Ok(changed) => {
            let _ = doc.edit(|r| match r.placement_mut(id) {
                Some(p) => {
                    *p = changed;
                    Ok(())
                }
                None => Err(()),
            });
            view.drafts.overview.remove(&id);
            Outcome::Applied("Placement details saved in the register".into())
        }
    }
}

/// Draws the tab.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState, placement: &Placement) {
    let id = placement.id;
    let draft = view
        .drafts
        .overview
        .entry(id)
        .or_insert_with(|| OverviewDraft::from_placement(placement));
    let errors = draft.errors.clone();
    let salt = format!("overview-{id}");
    let mut clicks = (false, false);
    widgets::track(
        draft,
        |d| d.touched = true,
        |draft| {
            clicks = widgets::form_frame(ui, &salt, &errors, widgets::FormWords::EDIT, |ui| {
                ui.columns(2, |cols| {
                    pupil_section(&mut cols[0], draft, &errors, env.today);
                    arrangement_section(&mut cols[1], env, draft, &errors);
                });
                sessions_section(ui, draft, &errors);
                status_section(ui, draft, &errors, env.today);
            });
        },
    );
    if clicks.0 {
        env.send(Command::Apply(FormKey::Overview(id)));
    }
    if clicks.1 {
        env.send(Command::Revert(FormKey::Overview(id)));
    }
}

fn pupil_section(ui: &mut Ui, d: &mut OverviewDraft, e: &FieldErrors, today: Date) {
    theme::section_heading(ui, "Pupil");
    form_grid(ui, "overview-pupil", |ui| {
        text_row(ui, "Name", &mut d.name, e, "name");
        date_row(
            ui,
            "Date of birth",
            &mut d.date_of_birth,
            e,
            "date_of_birth",
            today,
        );
        text_row(ui, "UPN", &mut d.upn, e, "upn");
        number_row(ui, "Year group", &mut d.year_group, e, "year_group");
        choice_row(ui, "SEN", &mut d.sen, &SenStatus::ALL, SenStatus::label);
        check_row(
            ui,
            "Looked after",
            "Looked after by a local authority",
            &mut d.looked_after,
        );
        number_row(
            ui,
            "Hours at home school",
            &mut d.home_school_hours,
            e,
            "home_school_hours",
        );
        widgets::multiline_row(ui, "Reason for AP", &mut d.reason);
    });
}

fn arrangement_section(ui: &mut Ui, env: &Env<'_>, d: &mut OverviewDraft, e: &FieldErrors) {
    theme::section_heading(ui, "Arrangement");
    form_grid(ui, "overview-arrangement", |ui| {
        provider_row(ui, env, d);
        sites_row(ui, env, d);
        choice_row(
            ui,
            "Kind",
            &mut d.kind,
            &PlacementKind::ALL,
            PlacementKind::label,
        );
        choice_row(
            ui,
            "Commissioner",
            &mut d.commissioner,
            &[Commissioner::School, Commissioner::LocalAuthority],
            Commissioner::label,
        );
        choice_row(
            ui,
            "Attendance code",
            &mut d.code,
            &AttendanceCode::ALL,
            code_label,
        );
        date_row(ui, "Start", &mut d.start, e, "start", env.today);
        date_row(
            ui,
            "Planned end",
            &mut d.planned_end,
            e,
            "planned_end",
            env.today,
        );
        date_row(
            ui,
            "Maximum period ends",
            &mut d.maximum_end,
            e,
            "maximum_end",
            env.today,
        );
        date_row(ui, "LA informed on", &mut d.la_on, e, "la_on", env.today);
        text_row(ui, "LA informed how", &mut d.la_how, e, "la_how");
    });
}

/// "B – approved educational activity".
pub fn code_label(code: AttendanceCode) -> &'static str {
    match code {
        AttendanceCode::B => "B – approved educational activity (school-arranged)",
        AttendanceCode::K => "K – education arranged by the local authority",
        AttendanceCode::D => "D – dual registered",
    }
}

fn provider_row(ui: &mut Ui, env: &Env<'_>, d: &mut OverviewDraft) {
    let providers: Vec<(ProviderId, &str)> = env
        .register
        .providers
        .iter()
        .map(|p| (p.id, p.name.as_str()))
        .collect();
    let label = ui.label("Provider");
    let selected = env.register.provider_name(d.provider).to_owned();
    let before = d.provider;
    egui::ComboBox::from_id_salt("overview-provider")
        .selected_text(selected)
        .width(theme::FIELD_WIDTH)
        .show_ui(ui, |ui| {
            for (id, name) in providers {
                ui.selectable_value(&mut d.provider, id, name);
            }
        })
        .response
        .labelled_by(label.id);
    if d.provider != before {
        d.sites.clear();
    }
    ui.end_row();
}

fn sites_row(ui: &mut Ui, env: &Env<'_>, d: &mut OverviewDraft) {
    let Some(provider) = env.register.provider(d.provider) else {
        return;
    };
    if provider.sites.is_empty() {
        return;
    }
    ui.label("Sites attended");
    ui.vertical(|ui| {
        for site in &provider.sites {
            let mut on = d.sites.contains(&site.id);
            let words = format!(
                "{} – {}",
                site.name,
                site.address.lines().next().unwrap_or("")
            );
            if ui.checkbox(&mut on, words).changed() {
                if on {
                    d.sites.push(site.id);
                } else {
                    d.sites.retain(|s| *s != site.id);
                }
            }
        }
    });
    ui.end_row();
}

fn sessions_section(ui: &mut Ui, d: &mut OverviewDraft, e: &FieldErrors) {
    theme::section_heading(ui, "Sessions at the provider");
    let mut remove = None;
    let mut total = 0.0;
    for (i, s) in d.sessions.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            widgets::choice(
                ui,
                ("session-day", i),
                &mut s.day,
                &Weekday::ALL,
                Weekday::short,
            )
            .accessible_name(format!("Session {} day", i + 1));
            ui.add(egui::TextEdit::singleline(&mut s.start).desired_width(60.0))
                .accessible_name(format!("Session {} starts", i + 1));
            ui.label("to");
            ui.add(egui::TextEdit::singleline(&mut s.end).desired_width(60.0))
                .accessible_name(format!("Session {} ends", i + 1));
            let mut scratch = FieldErrors::new();
            if let (Some(a), Some(b)) = (
                form::time(&s.start, "", &mut scratch),
                form::time(&s.end, "", &mut scratch),
            ) {
                let hours = Session {
                    day: s.day,
                    start: a,
                    end: b,
                }
                .hours();
                total += hours;
                ui.label(format!("{hours:.1} h"));
            }
            if widgets::remove_button(ui, &format!("session {}", i + 1)) {
                remove = Some(i);
            }
        });
        widgets::field_error(ui, e.get(&format!("session{i}")));
    }
    if let Some(i) = remove {
        d.sessions.remove(i);
    }
    ui.horizontal(|ui| {
        if ui.button("Add session").clicked() {
            let day = Weekday::ALL
                .get(d.sessions.len() % 5)
                .copied()
                .unwrap_or(Weekday::Mon);
            d.sessions.push(SessionDraft {
                day,
                start: "09:00".into(),
                end: "15:00".into(),
            });
        }
        ui.label(format!("{total:.1} hours a week at the provider"));
    });
}

fn status_section(ui: &mut Ui, d: &mut OverviewDraft, e: &FieldErrors, today: Date) {
    theme::section_heading(ui, "Status");
    form_grid(ui, "overview-status", |ui| {
        choice_row(
            ui,
            "Status",
            &mut d.status,
            &StatusChoice::ALL,
            StatusChoice::label,
        );
        if d.status == StatusChoice::Ended {
            date_row(ui, "Ended on", &mut d.ended_on, e, "ended_on", today);
            choice_row(
                ui,
                "Destination",
                &mut d.destination,
                &Destination::ALL,
                Destination::label,
            );
            widgets::multiline_row(ui, "Outcome", &mut d.outcome);
        }
    });
}
