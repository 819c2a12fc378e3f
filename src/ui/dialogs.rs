//! The notice bar and the modal dialogs: the unsaved changes question,
//! errors, and typing a path when no file dialog could be shown.

use egui::{Context, Id, RichText, Ui};

use super::command::{Answer, Command};
use super::document::Document;
use super::print::OutputKind;
use super::theme::{self, Tone};
use super::view::{PathPurpose, Pending, ViewState};
use super::widgets;

/// The notice bar at the top of the main area.
pub fn notices(ui: &mut Ui, notices: &[super::view::Notice], out: &mut Vec<Command>) {
    for (index, notice) in notices.iter().enumerate() {
        let dark = theme::is_dark(ui);
        egui::Frame::new()
            .fill(notice.tone.fill(dark))
            .inner_margin(egui::Margin::symmetric(8, 4))
            .corner_radius(3)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    let word = match notice.tone {
                        Tone::Overdue => "Error",
                        Tone::Warning | Tone::DueSoon => "Warning",
                        Tone::Ok => "Done",
                        Tone::Info => "Note",
                    };
                    ui.label(RichText::new(word).strong().color(notice.tone.text(dark)));
                    ui.label(RichText::new(&notice.text).color(notice.tone.text(dark)));
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui
                            .small_button("Dismiss")
                            .on_hover_text("Hide this message")
                            .clicked()
                        {
                            out.push(Command::DismissNotice(index));
                        }
                    });
                });
            });
        ui.add_space(2.0);
    }
}

/// Shows whichever dialog is open.
pub fn modals(ctx: &Context, doc: &Document, view: &mut ViewState, out: &mut Vec<Command>) {
    if let Some(pending) = &view.prompt {
        unsaved_prompt(ctx, doc, pending, view.drafts.touched_count(), out);
    } else if let Some(message) = &view.error {
        error_dialog(ctx, message, out);
    } else if view.path_entry.is_some() {
        path_entry(ctx, view, out);
    }
}

fn unsaved_prompt(
    ctx: &Context,
    doc: &Document,
    pending: &Pending,
    forms: usize,
    out: &mut Vec<Command>,
) {
    let response = egui::Modal::new(Id::unique("unsaved-prompt")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        let question = match pending {
            Pending::Quit => "Save changes before closing?",
            Pending::NewFile => "Save changes before starting a new register?",
            Pending::OpenDialog | Pending::Open(_) => {
                "Save changes before opening another register?"
            }
        };
        ui.heading(question);
        ui.add_space(6.0);
        if doc.is_dirty() {
            ui.label(format!(
                "{} has changes that have not been saved.",
                doc.display_name()
            ));
        }
        if forms > 0 {
            let words = if forms == 1 {
                "1 form has typing that was not applied; it will be lost.".to_owned()
            } else {
                format!("{forms} forms have typing that was not applied; it will be lost.")
            };
            ui.label(theme::toned(ui, Tone::DueSoon, words));
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if doc.is_dirty() && ui.add(widgets::primary_button(ui, "Save")).clicked() {
                out.push(Command::Answer(Answer::Save));
            }
            let discard = if doc.is_dirty() {
                "Discard"
            } else {
                "Discard typing"
            };
            if ui.button(discard).clicked() {
                out.push(Command::Answer(Answer::Discard));
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::Answer(Answer::Cancel));
            }
        });
    });
    if response.should_close() {
        out.push(Command::Answer(Answer::Cancel));
    }
}

fn error_dialog(ctx: &Context, message: &str, out: &mut Vec<Command>) {
    let response = egui::Modal::new(Id::unique("error-dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.horizontal(|ui| {
            theme::badge(ui, Tone::Overdue, "Error");
            ui.heading("Something went wrong");
        });
        ui.add_space(6.0);
        ui.add(egui::Label::new(message).selectable(true));
        ui.add_space(10.0);
        if ui.button("Close").clicked() {
            out.push(Command::DismissError);
        }
    });
    if response.should_close() {
        out.push(Command::DismissError);
    }
}

fn path_entry(ctx: &Context, view: &mut ViewState, out: &mut Vec<Command>) {
    let Some(entry) = view.path_entry.as_mut() else {
        return;
    };
    let (title, action) = match entry.purpose {
        PathPurpose::Open => ("Open a register", "Open"),
        PathPurpose::SaveAs => ("Save the register as", "Save"),
        PathPurpose::SaveOutput => match view.print.pending.as_ref().map(|p| p.kind) {
            Some(OutputKind::Csv) => ("Save the CSV as", "Save"),
            _ => ("Save the PDF as", "Save"),
        },
    };
    let response = egui::Modal::new(Id::unique("path-entry")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(title);
        ui.label(
            "No file dialog could be shown on this computer. \
             Type the full path of the file instead.",
        );
        ui.add_space(6.0);
        let label = ui.label("File path");
        let field = egui::TextEdit::singleline(&mut entry.text)
            .desired_width(520.0)
            .hint_text("/home/you/register.ron");
        let field = ui.add(field).labelled_by(label.id);
        if ui.memory(|m| m.focused().is_none()) {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let ready = !entry.text.trim().is_empty();
            let button = widgets::primary_button(ui, action);
            if ui.add_enabled(ready, button).clicked() || (ready && entered) {
                out.push(Command::SubmitPath);
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::CancelPathEntry);
            }
        });
    });
    if response.should_close() {
        out.push(Command::CancelPathEntry);
    }
}
