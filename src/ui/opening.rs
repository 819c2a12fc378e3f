//! Opening a register file.
//!
//! A school's register is usually a few megabytes and reads in a few
//! milliseconds, so it is read at once. A large one (years of records, tens
//! of megabytes) takes long enough that the window would freeze, so it is
//! read on a worker thread while the window says what it is doing and
//! offers to stop. Either way the result goes through [`App::finish_open`].

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use egui::{Context, RichText, Ui};

use super::document::Document;
use super::handle::file_name;
use super::theme::Tone;
use super::{App, Command};
use crate::model::Register;
use crate::storage::{self, LoadError, WriterLock};

/// Files at least this large are read on a worker thread: about 40 ms of
/// reading on a slow laptop, the most a frame may stall unnoticed.
pub const BACKGROUND_OPEN_BYTES: u64 = 4 * 1024 * 1024;

/// How often the window looks for the worker's result.
const POLL_INTERVAL: Duration = Duration::from_millis(100);

/// A register being read on a worker thread.
pub(super) struct Opening {
    path: PathBuf,
    /// Held from the start, so no other window can open the file for
    /// writing while this one reads it.
    lock: Option<WriterLock>,
    bytes: u64,
    started: Instant,
    worker: JoinHandle<Result<Register, LoadError>>,
}

impl App {
    /// Opens `path`, holding `lock`; without one the document is
    /// read-only. A large file is read in the background.
    pub(super) fn load_as(&mut self, path: &Path, lock: Option<WriterLock>) {
        // A newer open replaces one still in progress.
        self.opening = None;
        let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
        if bytes < self.background_open_bytes {
            let result = storage::load(path);
            self.finish_open(path, lock, result);
            return;
        }

        let owned = path.to_path_buf();
        let spawned = std::thread::Builder::new()
            .name("open-register".to_owned())
            .spawn(move || storage::load(&owned));
        match spawned {
            Ok(worker) => {
                log::info!("reading a {bytes}-byte register in the background");
                self.opening = Some(Opening {
                    path: path.to_path_buf(),
                    lock,
                    bytes,
                    started: Instant::now(),
                    worker,
                });
            }
            Err(err) => {
                log::warn!("no worker thread ({err}); reading on the window thread");
                let result = storage::load(path);
                self.finish_open(path, lock, result);
            }
        }
    }

    /// Whether a register is being read in the background.
    pub fn is_opening(&self) -> bool {
        self.opening.is_some()
    }

    /// Sets the size from which files are read in the background; tests
    /// and benchmarks use it to take that path with small files.
    pub fn set_background_open_bytes(&mut self, bytes: u64) {
        self.background_open_bytes = bytes;
    }

    /// Takes the worker's result once it has one.
    pub(super) fn poll_opening(&mut self, ctx: &Context) {
        let Some(opening) = self.opening.take_if(|o| o.worker.is_finished()) else {
            if self.opening.is_some() {
                ctx.request_repaint_after(POLL_INTERVAL);
            }
            return;
        };

        let Opening {
            path,
            lock,
            started,
            worker,
            ..
        } = opening;
        log::info!(
            "background read finished after {} ms",
            started.elapsed().as_millis()
        );
        match worker.join() {
            Ok(result) => self.finish_open(&path, lock, result),
            Err(_) => {
                // The reader is fuzzed and should never panic; if it does,
                // the file is untouched and the current register stays.
                log::error!("the register reader panicked");
                self.view.error = Some(format!(
                    "The register could not be opened.\n\n{} could not be read because of \
                     a fault in AP Monitor. The file has not been changed.",
                    path.display()
                ));
            }
        }
    }

    /// Stops waiting for a background read; the register open before
    /// stays open and the file is left alone.
    pub(super) fn cancel_open(&mut self) {
        if let Some(opening) = self.opening.take() {
            // The worker runs to its end and its result is dropped; the
            // writer lock is released now.
            log::info!("stopped opening a register");
            let name = file_name(&opening.path);
            self.view
                .notify(Tone::Info, format!("Stopped opening {name}"));
        }
    }

    /// Shows the register just read, or why it could not be read.
    fn finish_open(
        &mut self,
        path: &Path,
        lock: Option<WriterLock>,
        result: Result<Register, LoadError>,
    ) {
        let register = match result {
            Ok(register) => register,
            Err(err) => {
                let at = err
                    .position()
                    .map(|(l, c)| format!(" at {l}:{c}"))
                    .unwrap_or_default();
                log::warn!("could not open {}{at}", file_name(path));
                self.view.error = Some(format!("The register could not be opened.\n\n{err}"));
                return;
            }
        };

        let problems = register.problems();
        let counts = (register.placements.len(), register.providers.len());
        let read_only = lock.is_none();
        self.doc = Document::new(register, Some(path.to_path_buf()));
        self.doc.set_writer_lock(lock);
        self.doc.set_read_only(read_only);
        self.reset_view();
        self.offer_recovery(Some(path));
        self.prefs.remember(path);
        log::info!("opened register {}", file_name(path));

        let name = file_name(path);
        self.view.notify(
            Tone::Info,
            format!(
                "Opened {name}: {} placements, {} providers",
                counts.0, counts.1
            ),
        );
        if let Some(first) = problems.first() {
            let words = format!(
                "The register has {} inconsistencies; the first is {first}",
                problems.len()
            );
            self.view.notify(Tone::Warning, words);
        }
    }
}

/// The whole window while a register is read: what, how big, for how
/// long, and a way to stop. Nothing else is drawn, so nothing can change
/// the register that is about to be replaced.
pub(super) fn show(ui: &mut Ui, opening: &Opening, commands: &mut Vec<Command>) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() / 3.0);
            ui.add(egui::Spinner::new().size(32.0));
            ui.add_space(12.0);
            let name = file_name(&opening.path);
            ui.heading(format!("Opening {name}…"));
            let megabytes = opening.bytes as f64 / (1024.0 * 1024.0);
            let seconds = opening.started.elapsed().as_secs();
            ui.label(RichText::new(format!("{megabytes:.0} MB, {seconds} s so far")).weak());
            ui.add_space(12.0);
            if ui.button("Stop opening").clicked() {
                commands.push(Command::CancelOpen);
            }
        });
    });
}
