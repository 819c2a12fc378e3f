//! Settings: the school's details, the rules' settings and the term
//! calendar of six half-terms a year.

use egui::{RichText, Ui};
use jiff::civil::Date;

use super::Env;
use super::command::{Command, FormKey};
use super::document::Document;
use super::form::{self, FieldErrors, Outcome};
use super::theme::{self, Tone};
use super::view::ViewState;
use super::widgets::{self, FormWords, form_grid, number_row, text_row};
use crate::model::calendar::{HALF_TERMS_PER_YEAR, half_term_name, year_label};
use crate::model::{AcademicYear, HalfTerm, Register, School, Settings, TermCalendar};

/// One half-term as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TermDraft {
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
}

/// One academic year as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct YearDraft {
    /// Calendar year it starts in.
    pub start_year: i16,
    /// The six half-terms.
    pub terms: Vec<TermDraft>,
    /// Filled with suggested dates the school should check.
    pub suggested: bool,
}

/// The settings form as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingsDraft {
    /// Typed in since it was made.
    pub touched: bool,
    /// Problems found by the last Apply.
    pub errors: FieldErrors,
    /// School details.
    pub school: School,
    /// Days between contacts.
    pub contact_interval: String,
    /// Full-time hours for KS1, KS2, KS3, KS4.
    pub full_time: [String; 4],
    /// Keep records until this birthday.
    pub retention: String,
    /// Keep SEN records until this birthday.
    pub retention_sen: String,
    /// The calendar.
    pub years: Vec<YearDraft>,
}

impl SettingsDraft {
    /// A draft of the register's settings.
    pub fn from_register(r: &Register) -> Self {
        let ft = &r.settings.full_time_hours;
        let mut years: Vec<YearDraft> = r
            .calendar
            .years
            .iter()
            .map(|y| YearDraft {
                start_year: y.start_year,
                terms: y
                    .half_terms
                    .iter()
                    .map(|t| TermDraft {
                        start: form::date_text(Some(t.start)),
                        end: form::date_text(Some(t.end)),
                    })
                    .chain(std::iter::repeat_with(TermDraft::default))
                    .take(HALF_TERMS_PER_YEAR.max(y.half_terms.len()))
                    .collect(),
                suggested: false,
            })
            .collect();
        years.sort_by_key(|y| y.start_year);
        Self {
            touched: false,
            errors: FieldErrors::new(),
            school: r.school.clone(),
            contact_interval: r.settings.contact_interval_days.to_string(),
            full_time: [ft.ks1, ft.ks2, ft.ks3, ft.ks4].map(form::hours_text),
            retention: r.settings.retention_birthday.to_string(),
            retention_sen: r.settings.retention_birthday_sen.to_string(),
            years,
        }
    }

    /// Adds the academic year after the last one, filled with suggested
    /// dates to check.
    pub fn add_year(&mut self, today: Date) {
        let start_year = self.years.last().map_or_else(
            || {
                if today.month() >= 8 {
                    today.year()
                } else {
                    today.year() - 1
                }
            },
            |y| y.start_year + 1,
        );
        self.years.push(suggested_year(start_year));
    }

    /// The school, settings and calendar, or the problems.
    pub fn to_parts(&self) -> Result<(School, Settings, TermCalendar), FieldErrors> {
        let mut e = FieldErrors::new();
        let mut school = self.school.clone();
        school.name = form::required_text(&school.name, "school_name", "the school's name", &mut e);
        let mut settings = Settings {
            contact_interval_days: form::count(&self.contact_interval, "contact_interval", &mut e),
            ..Settings::default()
        };
        if settings.contact_interval_days == 0 && e.get("contact_interval").is_none() {
            e.add("contact_interval", "Enter a number of days, such as 14");
        }
        let [ks1, ks2, ks3, ks4] = &self.full_time;
        let ft = &mut settings.full_time_hours;
        ft.ks1 = form::hours(ks1, "ks1", &mut e);
        ft.ks2 = form::hours(ks2, "ks2", &mut e);
        ft.ks3 = form::hours(ks3, "ks3", &mut e);
        ft.ks4 = form::hours(ks4, "ks4", &mut e);
        settings.retention_birthday = birthday(&self.retention, "retention", &mut e);
        settings.retention_birthday_sen = birthday(&self.retention_sen, "retention_sen", &mut e);
        let calendar = self.calendar(&mut e);
        e.into_result((school, settings, calendar))
    }

    fn calendar(&self, e: &mut FieldErrors) -> TermCalendar {
        let mut calendar = TermCalendar::default();
        for (y, year) in self.years.iter().enumerate() {
            let mut half_terms = Vec::new();
            for (t, term) in year.terms.iter().enumerate() {
                let field = format!("term{y}-{t}");
                let start = form::required_date(&term.start, &field, e);
                let end = form::required_date(&term.end, &field, e);
                if let (Some(start), Some(end)) = (start, end) {
                    half_terms.push(HalfTerm { start, end });
                }
            }
            calendar.years.push(AcademicYear {
                start_year: year.start_year,
                half_terms,
            });
        }
        if e.is_empty() {
            for problem in calendar.problems() {
                e.add("calendar", capital(&problem));
            }
        }
        calendar
    }
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn birthday(text: &str, field: &str, e: &mut FieldErrors) -> u8 {
    match text.trim().parse::<u8>() {
        Ok(n) if (16..=100).contains(&n) => n,
        _ => {
            e.add(field, "Enter an age between 16 and 100");
            25
        }
    }
}

/// Typical English half-term dates for a year, to be checked by the school.
fn suggested_year(start_year: i16) -> YearDraft {
    let y = start_year;
    let n = start_year + 1;
    let spans = [
        ((y, 9, 3), (y, 10, 23)),
        ((y, 11, 2), (y, 12, 18)),
        ((n, 1, 5), (n, 2, 12)),
        ((n, 2, 22), (n, 3, 26)),
        ((n, 4, 12), (n, 5, 21)),
        ((n, 6, 1), (n, 7, 21)),
    ];
    let text = |(year, month, day): (i16, i8, i8)| {
        Date::new(year, month, day)
            .map(|d| form::date_text(Some(d)))
            .unwrap_or_default()
    };
    YearDraft {
        start_year,
        terms: spans
            .iter()
            .map(|(a, b)| TermDraft {
                start: text(*a),
                end: text(*b),
            })
            .collect(),
        suggested: true,
    }
}

/// Applies the settings draft.
pub fn apply(doc: &mut Document, view: &mut ViewState) -> Outcome {
    let Some(draft) = view.drafts.settings.as_mut() else {
        return Outcome::NoDraft;
    };
    match draft.to_parts() {
        Err(errors) => {
            draft.errors = errors;
            Outcome::Invalid
        }
        Ok((school, settings, calendar)) => {
            let _ = doc.edit(|r| {
                r.school = school;
                r.settings = settings;
                r.calendar = calendar;
                Ok::<(), ()>(())
            });
            view.drafts.settings = None;
            Outcome::Applied("Settings saved in the register".into())
        }
    }
}

/// Draws the screen.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState) {
    ui.horizontal(|ui| {
        ui.heading("Settings");
        ui.add_space(12.0);
        let count = env.register.checklist_templates.len();
        if ui
            .button(format!("Checklist templates ({count})…"))
            .on_hover_text("Add, reword and reorder the QA checklist templates")
            .clicked()
        {
            env.send(Command::Show(super::view::Screen::Templates));
        }
    });
    let draft = view
        .drafts
        .settings
        .get_or_insert_with(|| SettingsDraft::from_register(env.register));
    let errors = draft.errors.clone();
    let mut clicks = (false, false);
    let today = env.today;
    widgets::track(
        draft,
        |d| d.touched = true,
        |d| {
            clicks = widgets::form_frame(ui, "settings", &errors, FormWords::EDIT, |ui| {
                ui.columns(2, |cols| {
                    school(&mut cols[0], d, &errors);
                    rules(&mut cols[1], d, &errors);
                });
                calendar(ui, d, &errors, today);
            });
        },
    );
    if clicks.0 {
        env.send(Command::Apply(FormKey::Settings));
    }
    if clicks.1 {
        env.send(Command::Revert(FormKey::Settings));
    }
}

fn school(ui: &mut Ui, d: &mut SettingsDraft, e: &FieldErrors) {
    theme::section_heading(ui, "School");
    let s = &mut d.school;
    form_grid(ui, "settings-school", |ui| {
        text_row(ui, "School name", &mut s.name, e, "school_name");
        text_row(ui, "School URN", &mut s.urn, e, "school_urn");
        text_row(ui, "Local authority", &mut s.local_authority, e, "la");
        text_row(ui, "Designated safeguarding lead", &mut s.dsl, e, "dsl");
        text_row(ui, "AP lead", &mut s.ap_lead, e, "ap_lead");
        widgets::row(ui, "Address", None, |ui| {
            ui.add(
                egui::TextEdit::multiline(&mut s.address)
                    .desired_rows(3)
                    .desired_width(theme::FIELD_WIDTH),
            )
        });
    });
}

fn rules(ui: &mut Ui, d: &mut SettingsDraft, e: &FieldErrors) {
    theme::section_heading(ui, "Rules");
    form_grid(ui, "settings-rules", |ui| {
        number_row(
            ui,
            "Contact at least every (days)",
            &mut d.contact_interval,
            e,
            "contact_interval",
        );
        let [ks1, ks2, ks3, ks4] = &mut d.full_time;
        number_row(ui, "Full-time hours, Reception and KS1", ks1, e, "ks1");
        number_row(ui, "Full-time hours, KS2", ks2, e, "ks2");
        number_row(ui, "Full-time hours, KS3", ks3, e, "ks3");
        number_row(ui, "Full-time hours, KS4", ks4, e, "ks4");
        number_row(
            ui,
            "Keep records to birthday",
            &mut d.retention,
            e,
            "retention",
        );
        number_row(
            ui,
            "Keep SEN records to birthday",
            &mut d.retention_sen,
            e,
            "retention_sen",
        );
    });
}

fn calendar(ui: &mut Ui, d: &mut SettingsDraft, e: &FieldErrors, today: Date) {
    theme::section_heading(ui, "Term calendar");
    let intro = "Six half-terms a year, first and last teaching days. Reviews are due once in \
                 every half-term a placement is active.";
    ui.label(RichText::new(intro).weak());
    widgets::field_error(ui, e.get("calendar"));
    if d.years.is_empty() {
        ui.horizontal(|ui| {
            theme::badge(ui, Tone::Warning, "No calendar");
            ui.label("Review dates use a six-week fallback until the term dates are entered.");
        });
    }
    let mut remove = None;
    ui.horizontal_wrapped(|ui| {
        for (y, year) in d.years.iter_mut().enumerate() {
            if year_frame(ui, y, year, e, today) {
                remove = Some(y);
            }
        }
    });
    if let Some(y) = remove {
        d.years.remove(y);
    }
    if ui.button("Add a year").clicked() {
        d.add_year(today);
    }
}

/// One year's half-terms in a frame. Returns whether Remove was clicked.
fn year_frame(ui: &mut Ui, y: usize, year: &mut YearDraft, e: &FieldErrors, today: Date) -> bool {
    let mut remove = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(year_label(year.start_year))
                        .strong()
                        .size(15.0),
                );
                let what = format!("the year {}", year_label(year.start_year));
                remove = widgets::remove_button(ui, &what);
            });
            if year.suggested {
                theme::badge(
                    ui,
                    Tone::DueSoon,
                    "Suggested dates: check them against your own",
                );
            }
            year_grid(ui, y, year, e, today);
        });
    });
    remove
}

fn year_grid(ui: &mut Ui, y: usize, year: &mut YearDraft, e: &FieldErrors, today: Date) {
    let label = year_label(year.start_year);
    egui::Grid::new(("calendar-year", y))
        .num_columns(4)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            ui.label(RichText::new("First day").small().weak());
            ui.label(RichText::new("Last day").small().weak());
            ui.end_row();
            for (t, term) in year.terms.iter_mut().enumerate() {
                let name = half_term_name(t);
                ui.label(name);
                widgets::date_edit(ui, &format!("term-start-{y}-{t}"), &mut term.start, today)
                    .accessible_name(format!("{name} {label} starts"));
                widgets::date_edit(ui, &format!("term-end-{y}-{t}"), &mut term.end, today)
                    .accessible_name(format!("{name} {label} ends"));
                widgets::field_error(ui, e.get(&format!("term{y}-{t}")));
                ui.end_row();
            }
        });
}
