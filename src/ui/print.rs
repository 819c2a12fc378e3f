//! Printing and exporting: a [`PrintRequest`] rendered to PDF, or the
//! register as CSV, saved where the user chooses and offered to the
//! program the system opens such files with.
//!
//! The PDF is rendered before the save dialog opens, so a request that
//! cannot be printed ("provider 7 has no completed checklist") is reported
//! at once and no dialog is shown for nothing. The suggested file name
//! never carries a pupil's name.

use std::path::{Path, PathBuf};

use egui::{Context, RichText, Ui};

use super::App;
use super::command::Command;
use super::file_picker::PickPurpose;
use super::theme::{self, Tone};
use crate::model::{ProviderId, TemplateId};
use crate::report::{self, PrintRequest};

/// What kind of file is being written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputKind {
    /// A document to print.
    Pdf,
    /// The register for a spreadsheet.
    Csv,
}

impl OutputKind {
    fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Csv => "csv",
        }
    }
}

/// A PDF or CSV waiting for the user to choose where it goes.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingPrint {
    /// The bytes of the file.
    pub bytes: Vec<u8>,
    /// PDF or CSV.
    pub kind: OutputKind,
    /// Where the dialog starts: the register's folder and the suggested
    /// file name.
    pub suggested: PathBuf,
}

/// The last PDF or CSV written, with the button that opens it.
#[derive(Clone, Debug, PartialEq)]
pub struct Printed {
    /// Where it was written.
    pub path: PathBuf,
    /// PDF or CSV.
    pub kind: OutputKind,
    /// Set when the viewer could not be started.
    pub viewer_error: Option<String>,
}

/// Printing state of the window; never saved.
#[derive(Default)]
pub struct PrintView {
    /// Rendered, waiting for a path.
    pub pending: Option<PendingPrint>,
    /// Written, offered to the viewer.
    pub printed: Option<Printed>,
    /// The template waiting for a path to be exported to.
    pub export: Option<crate::model::TemplateId>,
}

impl App {
    /// Renders `request` and asks where to save it.
    pub(super) fn print(&mut self, ctx: &Context, request: &PrintRequest) {
        let today = self.clock.today();
        let register = self.doc.register();
        match report::render(register, request, today) {
            Ok(bytes) => {
                let file_name = report::suggested_file_name(register, request, today);
                let folder = self
                    .doc
                    .path()
                    .and_then(Path::parent)
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                let suggested = folder.join(file_name);
                self.view.print.pending = Some(PendingPrint {
                    bytes,
                    kind: OutputKind::Pdf,
                    suggested: suggested.clone(),
                });
                self.request_output(ctx, PickPurpose::SavePdf, suggested);
            }
            Err(err) => {
                log::warn!("could not print: {err}");
                self.view.error = Some(format!("The document could not be printed.\n\n{err}"));
            }
        }
    }

    /// Writes the placement register as CSV (as `ap-monitor export` does)
    /// and asks where to save it. The suggested name is the school's.
    pub(super) fn export_csv(&mut self, ctx: &Context) {
        let today = self.clock.today();
        let register = self.doc.register();
        let bytes = report::register_csv(register, today).into_bytes();
        let name = report::suggested_file_name(register, &PrintRequest::Register, today);
        let folder = self
            .doc
            .path()
            .and_then(Path::parent)
            .unwrap_or(Path::new(""));
        let suggested = folder.join(name).with_extension("csv");
        self.view.print.pending = Some(PendingPrint {
            bytes,
            kind: OutputKind::Csv,
            suggested: suggested.clone(),
        });
        self.request_output(ctx, PickPurpose::SaveCsv, suggested);
    }

    /// Asks the picker for a file for an export or an import.
    pub(super) fn request_output(&mut self, ctx: &Context, purpose: PickPurpose, at: PathBuf) {
        if self.view.dialog_open {
            return;
        }
        self.view.dialog_open = true;
        self.picker.request(purpose, Some(at), ctx);
    }

    /// Writes the PDF waiting for a path to `path`.
    pub(super) fn write_pending_print(&mut self, path: PathBuf) {
        let Some(pending) = self.view.print.pending.take() else {
            return;
        };
        let path = if path.extension().is_none() {
            path.with_extension(pending.kind.extension())
        } else {
            path
        };
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        match crate::storage::write_atomic(&path, &pending.bytes) {
            Ok(()) => {
                log::info!("wrote {name}");
                self.view.print.printed = Some(Printed {
                    path,
                    kind: pending.kind,
                    viewer_error: None,
                });
            }
            Err(err) => {
                log::warn!("could not write {name}: {err}");
                self.view.error = Some(format!("{name} was not saved.\n\n{err}"));
            }
        }
    }

    /// Carries on with a file chosen for printing or templates.
    pub(super) fn picked(&mut self, purpose: PickPurpose, path: PathBuf) {
        match purpose {
            PickPurpose::SavePdf | PickPurpose::SaveCsv => self.write_pending_print(path),
            PickPurpose::ImportTemplate => self.import_template(&path),
            PickPurpose::ExportTemplate => self.export_template(&path),
            PickPurpose::Open | PickPurpose::SaveAs => {}
        }
    }

    /// Starts a QA check of `provider` and opens it: one undo step, which
    /// also adds the default template when the register has none.
    pub(super) fn start_checklist(&mut self, provider: ProviderId, template: Option<TemplateId>) {
        let result = self.doc.edit(|r| {
            let template = match template.or_else(|| r.checklist_templates.first().map(|t| t.id)) {
                Some(id) => id,
                None => r.add_template(crate::model::default_template()),
            };
            let id = r.start_checklist(template, provider).ok_or(())?;
            if let Some(c) = r.checklists.iter_mut().find(|c| c.id == id) {
                c.placements = r
                    .placements
                    .iter()
                    .filter(|p| p.provider == provider && !p.is_ended())
                    .map(|p| p.id)
                    .collect();
            }
            Ok::<_, ()>(id)
        });
        match result {
            Ok(id) => {
                self.view.screen = super::view::Screen::Provider(provider);
                self.view
                    .qa
                    .tabs
                    .insert(provider, super::qa::ProviderTab::Qa);
                self.view.qa.open.insert(provider, id);
                self.view
                    .notify(Tone::Ok, "QA check started. Undo removes it");
            }
            Err(()) => self
                .view
                .notify(Tone::Warning, "The chosen template is not in the register"),
        }
    }

    /// Says that no dialog could be shown for `purpose`.
    pub(super) fn output_unavailable(&mut self, purpose: PickPurpose) {
        let what = match purpose {
            PickPurpose::SavePdf | PickPurpose::SaveCsv => {
                // As for the register: offer to type the path instead.
                if let Some(pending) = &self.view.print.pending {
                    let text = pending.suggested.display().to_string();
                    self.view.path_entry = Some(super::view::PathEntry {
                        purpose: super::view::PathPurpose::SaveOutput,
                        text,
                    });
                }
                return;
            }
            PickPurpose::ImportTemplate => "import a template",
            _ => "export the template",
        };
        self.view.notify(
            Tone::Warning,
            format!("No file dialog could be shown on this computer, so nothing was done ({what})"),
        );
    }

    /// Opens the last PDF written in the system viewer.
    pub(super) fn open_in_viewer(&mut self) {
        let Some(printed) = self.view.print.printed.as_mut() else {
            return;
        };
        printed.viewer_error = open_with_system(&printed.path).err();
    }
}

/// Starts the system's viewer on `path`; says why not when it cannot.
fn open_with_system(path: &Path) -> Result<(), String> {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/c", "start", ""]).arg(path);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        c.arg(path);
        c
    } else {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(path);
        c
    };
    match command.spawn() {
        Ok(_) => Ok(()),
        Err(err) => {
            log::warn!("could not start the viewer: {err}");
            let program = command.get_program().to_string_lossy().into_owned();
            Err(if err.kind() == std::io::ErrorKind::NotFound {
                format!(
                    "No program to open the file was found ({program} is missing). \
                     Open the file from its folder."
                )
            } else {
                format!("The viewer could not be started ({err}). Open the file from its folder.")
            })
        }
    }
}

/// The bar saying where the last PDF went, with "Open in viewer".
pub fn printed_bar(ui: &mut Ui, view: &PrintView, out: &mut Vec<Command>) {
    let Some(printed) = &view.printed else {
        return;
    };
    let dark = theme::is_dark(ui);
    egui::Frame::new()
        .fill(Tone::Ok.fill(dark))
        .inner_margin(egui::Margin::symmetric(8, 4))
        .corner_radius(3)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let colour = Tone::Ok.text(dark);
                let (done, open) = match printed.kind {
                    OutputKind::Pdf => ("Printed", "Open in viewer"),
                    OutputKind::Csv => ("Exported", "Open in spreadsheet"),
                };
                ui.label(RichText::new(done).strong().color(colour));
                let words = format!("Saved {}", printed.path.display());
                ui.label(RichText::new(words).color(colour));
                if ui.button(open).clicked() {
                    out.push(Command::OpenInViewer);
                }
                if ui.small_button("Dismiss").clicked() {
                    out.push(Command::DismissPrinted);
                }
            });
            if let Some(error) = &printed.viewer_error {
                ui.label(theme::toned(ui, Tone::Overdue, format!("Problem: {error}")));
            }
        });
    ui.add_space(2.0);
}
