//! Choosing a file to open or save, behind a small interface so tests can
//! hand in a path without a dialog.
//!
//! [`RfdPicker`] runs the system dialog on its own thread, so the window
//! keeps drawing while it is open, and reports back through a channel.
//! On Linux without a desktop portal or zenity, rfd returns at once with
//! no file; the picker reports that as [`PickOutcome::Unavailable`] so the
//! window can tell the user and offer to type a path instead.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// Why a file is being chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickPurpose {
    /// To open a register.
    Open,
    /// To save the register under a new name.
    SaveAs,
    /// To save a printed document as PDF.
    SavePdf,
    /// To save the register as CSV for a spreadsheet.
    SaveCsv,
    /// To read a checklist template.
    ImportTemplate,
    /// To write a checklist template.
    ExportTemplate,
}

impl PickPurpose {
    /// Whether the file is for printing, exports or templates, not the
    /// register.
    pub fn is_qa(self) -> bool {
        matches!(
            self,
            Self::SavePdf | Self::SaveCsv | Self::ImportTemplate | Self::ExportTemplate
        )
    }

    fn filter(self) -> (&'static str, &'static str) {
        match self {
            Self::Open | Self::SaveAs => ("AP Monitor register", "ron"),
            Self::SavePdf => ("PDF document", "pdf"),
            Self::SaveCsv => ("CSV spreadsheet", "csv"),
            Self::ImportTemplate | Self::ExportTemplate => ("Checklist template", "ron"),
        }
    }
}

/// What came of a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickOutcome {
    /// The user chose this file.
    Chosen(PickPurpose, PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown.
    Unavailable(PickPurpose),
}

/// Something that can ask the user for a file.
pub trait FilePicker {
    /// Starts asking. `suggested` names the current file, if any.
    fn request(&mut self, purpose: PickPurpose, suggested: Option<PathBuf>, ctx: &egui::Context);

    /// The outcome of the request, once there is one.
    fn poll(&mut self) -> Option<PickOutcome>;
}

/// A dialog that comes back with no file sooner than this was never shown:
/// nobody can read a dialog and cancel it this quickly.
const TOO_QUICK: Duration = Duration::from_millis(250);

/// The system file dialog, through rfd, on a background thread.
#[derive(Default)]
pub struct RfdPicker {
    pending: Option<Receiver<PickOutcome>>,
}

impl FilePicker for RfdPicker {
    fn request(&mut self, purpose: PickPurpose, suggested: Option<PathBuf>, ctx: &egui::Context) {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let outcome = run_dialog(purpose, suggested.as_deref());
                let _ = sender.send(outcome);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.pending = Some(receiver),
            Err(err) => {
                log::warn!("could not start the file dialog thread: {err}");
                let (sender, receiver) = mpsc::channel();
                let _ = sender.send(PickOutcome::Unavailable(purpose));
                self.pending = Some(receiver);
            }
        }
    }

    fn poll(&mut self) -> Option<PickOutcome> {
        let receiver = self.pending.as_ref()?;
        match receiver.try_recv() {
            Ok(outcome) => {
                self.pending = None;
                Some(outcome)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                Some(PickOutcome::Cancelled)
            }
        }
    }
}

fn run_dialog(purpose: PickPurpose, suggested: Option<&Path>) -> PickOutcome {
    let (filter, extension) = purpose.filter();
    let mut dialog = rfd::FileDialog::new().add_filter(filter, &[extension]);
    if let Some(path) = suggested {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            dialog = dialog.set_directory(folder);
        }
        if let Some(name) = path.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
    }
    let started = Instant::now();
    let chosen = match purpose {
        PickPurpose::Open => dialog.set_title("Open register").pick_file(),
        PickPurpose::SaveAs => dialog.set_title("Save register as").save_file(),
        PickPurpose::SavePdf => dialog.set_title("Save PDF as").save_file(),
        PickPurpose::SaveCsv => dialog.set_title("Export register as CSV").save_file(),
        PickPurpose::ImportTemplate => dialog.set_title("Import checklist template").pick_file(),
        PickPurpose::ExportTemplate => dialog.set_title("Export checklist template").save_file(),
    };
    match chosen {
        Some(path) => PickOutcome::Chosen(purpose, path),
        None if started.elapsed() < TOO_QUICK => {
            log::warn!("the file dialog closed at once: no dialog is available");
            PickOutcome::Unavailable(purpose)
        }
        None => PickOutcome::Cancelled,
    }
}

/// A picker that gives prepared answers, for tests and scripted runs.
/// `None` in the queue acts as a cancelled dialog.
#[derive(Default)]
pub struct ScriptedPicker {
    answers: VecDeque<Option<PathBuf>>,
    ready: Option<PickOutcome>,
}

impl ScriptedPicker {
    /// A picker that answers with these paths in turn.
    pub fn new(answers: impl IntoIterator<Item = Option<PathBuf>>) -> Self {
        Self {
            answers: answers.into_iter().collect(),
            ready: None,
        }
    }
}

impl FilePicker for ScriptedPicker {
    fn request(&mut self, purpose: PickPurpose, _suggested: Option<PathBuf>, ctx: &egui::Context) {
        self.ready = Some(match self.answers.pop_front() {
            Some(Some(path)) => PickOutcome::Chosen(purpose, path),
            Some(None) => PickOutcome::Cancelled,
            None => PickOutcome::Unavailable(purpose),
        });
        ctx.request_repaint();
    }

    fn poll(&mut self) -> Option<PickOutcome> {
        self.ready.take()
    }
}
