//! Deleting placements, providers and QA checklists: a question first,
//! then one undoable change.
//!
//! Deleting is meant for records entered by mistake, and the question
//! says so: a placement that has finished should be ended, so that its
//! history is kept. The deletion itself can be undone until the register
//! is closed, and earlier saved versions stay among the backups.

use egui::{Context, Id, RichText, Ui};

use super::command::{Command, Deletion};
use super::theme::{self, Tone};
use super::view::Screen;
use super::{App, widgets};
use crate::model::dates::format_optional;
use crate::model::{Register, words};

impl App {
    /// Deletes a record the user has confirmed, and closes what showed it.
    pub(super) fn delete(&mut self, what: Deletion) {
        let done = match what {
            Deletion::Placement(id) => {
                let removed = self
                    .doc
                    .edit(|r| r.remove_placement(id).map(drop).ok_or(()));
                removed.is_ok().then(|| {
                    self.forget_placement(id);
                    "Placement deleted"
                })
            }
            Deletion::Provider(id) => {
                let removed = self.doc.edit(|r| r.remove_provider(id).map(drop));
                match removed {
                    Ok(()) => {
                        self.forget_provider(id);
                        Some("Provider deleted")
                    }
                    Err(err) => {
                        self.view
                            .notify(Tone::Warning, format!("Provider not deleted: {err}"));
                        None
                    }
                }
            }
            Deletion::Checklist(id) => {
                let removed = self
                    .doc
                    .edit(|r| r.remove_checklist(id).map(drop).ok_or(()));
                removed.is_ok().then(|| {
                    self.view.drafts.checklist.remove(&id);
                    self.view.qa.open.retain(|_, open| *open != id);
                    self.view.qa.item_heights.remove(&id);
                    "QA checklist deleted"
                })
            }
        };
        if let Some(done) = done {
            log::info!("{}", done.to_lowercase());
            self.view
                .notify(Tone::Ok, format!("{done}. Undo (Ctrl+Z) brings it back"));
        }
    }

    fn forget_placement(&mut self, id: crate::model::PlacementId) {
        let drafts = &mut self.view.drafts;
        drafts.overview.remove(&id);
        drafts.plan.remove(&id);
        drafts.review.remove(&id);
        drafts.contact.remove(&id);
        drafts.attendance.remove(&id);
        self.view.tabs.remove(&id);
        if self.view.screen == Screen::Placement(id) {
            self.view.screen = Screen::Register;
        }
    }

    fn forget_provider(&mut self, id: crate::model::ProviderId) {
        self.view.drafts.provider.remove(&id);
        self.view.qa.tabs.remove(&id);
        self.view.qa.open.remove(&id);
        self.view.qa.template.remove(&id);
        if self.view.screen == Screen::Provider(id) {
            self.view.screen = Screen::Providers;
        }
    }
}

/// The question before a deletion. A record that has gone meanwhile (an
/// undo, say) closes the question.
pub(super) fn confirm(ctx: &Context, register: &Register, what: Deletion, out: &mut Vec<Command>) {
    let Some(words) = question(register, what) else {
        out.push(Command::CancelDelete);
        return;
    };
    let response = egui::Modal::new(Id::unique("confirm-deletion")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(&words.heading);
        ui.add_space(6.0);
        for line in &words.lines {
            ui.label(line);
        }
        ui.add_space(4.0);
        ui.label(
            RichText::new(
                "You can undo this until the register is closed; earlier saved versions \
                 are kept in its backups.",
            )
            .weak(),
        );
        ui.add_space(10.0);
        buttons(ui, what, words.button, out);
    });
    if response.should_close() {
        out.push(Command::CancelDelete);
    }
}

fn buttons(ui: &mut Ui, what: Deletion, button: &str, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let delete = egui::Button::new(
            RichText::new(button)
                .strong()
                .color(Tone::Overdue.text(theme::is_dark(ui))),
        );
        if ui.add(delete).clicked() {
            out.push(Command::Delete(what));
        }
        if ui.add(widgets::primary_button(ui, "Keep it")).clicked() {
            out.push(Command::CancelDelete);
        }
    });
}

/// What the question says about one record.
struct Question {
    heading: String,
    lines: Vec<String>,
    button: &'static str,
}

fn question(register: &Register, what: Deletion) -> Option<Question> {
    match what {
        Deletion::Placement(id) => {
            let p = register.placement(id)?;
            let provider = register.provider_name(p.provider);
            Some(Question {
                heading: format!("Delete the placement of {} at {provider}?", p.pupil.name),
                lines: vec![
                    format!(
                        "Its personalised plan, {}, {} and {} are deleted with it.",
                        count(p.reviews.len(), "review"),
                        count(p.contacts.len(), "contact"),
                        count(p.attendance.len(), "attendance return"),
                    ),
                    "Delete only a placement entered by mistake. A placement that has \
                     finished should be ended on its Overview tab, so its record is kept."
                        .to_owned(),
                ],
                button: "Delete placement",
            })
        }
        Deletion::Provider(id) => {
            let provider = register.provider(id)?;
            Some(Question {
                heading: format!("Delete the provider {}?", provider.name),
                lines: vec![format!(
                    "Its {}, {} and {} are deleted with it.",
                    count(provider.sites.len(), "site"),
                    count(provider.contacts.len(), "contact"),
                    count(provider.documents.len(), "document"),
                )],
                button: "Delete provider",
            })
        }
        Deletion::Checklist(id) => {
            let checklist = register.checklist(id)?;
            let provider = register.provider_name(checklist.provider);
            let heading = match checklist.visit_date {
                Some(_) => format!(
                    "Delete the QA check of {provider} from {}?",
                    format_optional(checklist.visit_date)
                ),
                None => format!("Delete this QA check of {provider}?"),
            };
            let mut lines = vec![format!(
                "Every answer, note and action recorded on it is deleted ({}).",
                checklist.status.label().to_lowercase()
            )];
            if checklist.status.is_finished() {
                lines.push(
                    "If it was printed and signed, the paper copy remains the record of \
                     the check."
                        .to_owned(),
                );
            }
            Some(Question {
                heading,
                lines,
                button: "Delete checklist",
            })
        }
    }
}

/// "no reviews", "1 review", "3 reviews".
fn count(n: usize, what: &str) -> String {
    match n {
        0 => format!("no {what}s"),
        _ => words::count(n, what),
    }
}
