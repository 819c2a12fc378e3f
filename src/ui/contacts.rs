//! A placement's Contacts tab: a quick-add form and the contact log,
//! newest first.

use egui::{RichText, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};
use jiff::civil::Date;

use super::Env;
use super::command::{Command, FormKey};
use super::document::Document;
use super::form::{self, FieldErrors, Outcome};
use super::theme::{self, Tone};
use super::view::ViewState;
use super::widgets;
use crate::model::dates::{format_date, format_optional};
use crate::model::{Contact, ContactMethod, ContactWith, Placement, PlacementId, RecordId};

/// The quick-add form as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct ContactDraft {
    /// Typed in since it was made.
    pub touched: bool,
    /// Problems found by the last Apply.
    pub errors: FieldErrors,
    /// Date of contact.
    pub date: String,
    /// With whom.
    pub with: ContactWith,
    /// How.
    pub method: ContactMethod,
    /// What was said.
    pub summary: String,
    /// What happens next.
    pub follow_up: String,
}

impl ContactDraft {
    /// An empty contact dated today.
    pub fn new(today: Date) -> Self {
        Self {
            touched: false,
            errors: FieldErrors::new(),
            date: format_date(today),
            with: ContactWith::Provider,
            method: ContactMethod::Phone,
            summary: String::new(),
            follow_up: String::new(),
        }
    }

    /// The contact, or the problems.
    pub fn to_contact(&self, today: Date) -> Result<Contact, FieldErrors> {
        let mut e = FieldErrors::new();
        let date = form::required_date(&self.date, "contact_date", &mut e);
        if date.is_some_and(|d| d > today) {
            e.add("contact_date", "A contact cannot be dated after today");
        }
        let summary = form::required_text(&self.summary, "summary", "what was said", &mut e);
        e.into_result(Contact {
            id: RecordId::default(),
            date,
            with: self.with,
            method: self.method,
            summary,
            follow_up: self.follow_up.trim().to_owned(),
        })
    }
}

/// Adds the drafted contact to placement `id`.
pub fn apply(doc: &mut Document, view: &mut ViewState, id: PlacementId, today: Date) -> Outcome {
    let Some(draft) = view.drafts.contact.get_mut(&id) else {
        return Outcome::NoDraft;
    };
    let mut contact = match draft.to_contact(today) {
        Ok(contact) => contact,
        Err(errors) => {
            draft.errors = errors;
            return Outcome::Invalid;
        }
    };
    let result: Result<(), ()> = doc.edit(|r| {
        contact.id = RecordId(r.allocate_id());
        r.placement_mut(id).ok_or(())?.contacts.push(contact);
        Ok(())
    });
    if result.is_err() {
        return Outcome::NoDraft;
    }
    view.drafts.contact.remove(&id);
    Outcome::Applied("Contact added to the log".into())
}

/// Draws the tab.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState, placement: &Placement) {
    let id = placement.id;
    let today = env.today;
    let draft = view
        .drafts
        .contact
        .entry(id)
        .or_insert_with(|| ContactDraft::new(today));
    let mut clicks = (false, false);
    widgets::track(
        draft,
        |d| d.touched = true,
        |d| clicks = quick_add(ui, d, today),
    );
    if clicks.0 {
        env.send(Command::Apply(FormKey::Contact(id)));
    }
    if clicks.1 {
        env.send(Command::Revert(FormKey::Contact(id)));
    }
    ui.add_space(8.0);
    last_contacts(ui, placement);
    log(ui, env, placement);
}

fn quick_add(ui: &mut Ui, d: &mut ContactDraft, today: Date) -> (bool, bool) {
    theme::section_heading(ui, "Record a contact");
    let e = d.errors.clone();
    egui::Frame::group(ui.style())
        .show(ui, |ui| {
            widgets::form_grid(ui, "contact-form", |ui| {
                widgets::date_row(
                    ui,
                    "Date of contact",
                    &mut d.date,
                    &e,
                    "contact_date",
                    today,
                );
                widgets::choice_row(
                    ui,
                    "With",
                    &mut d.with,
                    &ContactWith::ALL,
                    ContactWith::label,
                );
                widgets::choice_row(
                    ui,
                    "How",
                    &mut d.method,
                    &ContactMethod::ALL,
                    ContactMethod::label,
                );
                widgets::row(ui, "Summary", e.get("summary"), |ui| {
                    ui.add(
                        TextEdit::multiline(&mut d.summary)
                            .desired_rows(2)
                            .desired_width(theme::WIDE_FIELD_WIDTH),
                    )
                });
                widgets::text_row(ui, "Follow-up", &mut d.follow_up, &e, "follow_up");
            });
            widgets::apply_bar(
                ui,
                &e,
                widgets::FormWords {
                    apply: "Add contact",
                    revert: "Clear",
                },
            )
        })
        .inner
}

fn last_contacts(ui: &mut Ui, placement: &Placement) {
    ui.horizontal(|ui| {
        for (with, words) in [
            (ContactWith::Provider, "provider"),
            (ContactWith::Pupil, "pupil"),
        ] {
            let last = placement.last_contact(|c| c.with == with);
            let text = format!("Last contact with the {words}: {}", format_optional(last));
            ui.label(text);
            ui.add_space(16.0);
        }
    });
}

fn log(ui: &mut Ui, env: &mut Env<'_>, placement: &Placement) {
    theme::section_heading(ui, "Contact log");
    if placement.contacts.is_empty() {
        ui.horizontal(|ui| {
            theme::badge(ui, Tone::DueSoon, "None");
            ui.label("No contacts recorded yet.");
        });
        return;
    }
    let mut contacts: Vec<&Contact> = placement.contacts.iter().collect();
    contacts.sort_by_key(|c| std::cmp::Reverse(c.date));
    TableBuilder::new(ui)
        .id_salt("contact-log")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(96.0))
        .column(Column::exact(100.0))
        .column(Column::exact(90.0))
        .column(Column::initial(420.0).clip(true))
        .column(Column::initial(220.0).clip(true))
        .column(Column::remainder().at_least(70.0))
        .header(24.0, |mut header| {
            for words in ["Date", "With", "How", "Summary", "Follow-up", ""] {
                header.col(|ui| {
                    ui.strong(words);
                });
            }
        })
        .body(|body| {
            body.rows(24.0, contacts.len(), |mut row| {
                let Some(c) = contacts.get(row.index()) else {
                    return;
                };
                row.col(|ui| {
                    ui.label(format_optional(c.date));
                });
                row.col(|ui| {
                    ui.label(c.with.label());
                });
                row.col(|ui| {
                    ui.label(c.method.label());
                });
                row.col(|ui| {
                    ui.label(&c.summary).on_hover_text(&c.summary);
                });
                row.col(|ui| {
                    ui.label(RichText::new(&c.follow_up).weak());
                });
                row.col(|ui| {
                    let name = format!(
                        "Delete the contact of {} with the {}",
                        format_optional(c.date),
                        c.with.label().to_lowercase()
                    );
                    if widgets::row_button(ui, "Delete", &name).clicked() {
                        env.send(Command::DeleteContact(placement.id, c.id));
                    }
                });
            });
        });
}
