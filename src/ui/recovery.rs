//! Nothing lost, window side: the recovery journal written while there
//! are unsaved changes, the offer of unsaved work found on opening, the
//! emergency write from the panic hook and the one-writer lock.
//!
//! [`Safety`] is the state the [`App`] keeps for this. The journal is
//! serialised and written on a background thread, one write at a time;
//! the window only clones the register. The real file is never written
//! from here: saving stays in `handle.rs`.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex, TryLockError};
use std::time::{Duration, Instant, SystemTime};

use egui::{Context, Id};

use super::App;
use super::command::Command;
use super::theme::Tone;
use super::widgets;
use crate::model::Register;
use crate::storage::recovery::{self, Journal, Recovery};
use crate::storage::{self, LockError, WriterLock};

/// The register last changed and where an emergency write should put it.
#[derive(Clone, Debug)]
pub struct Emergency {
    /// The recovery file to write.
    pub recovery: PathBuf,
    /// The unsaved register.
    pub register: Register,
}

/// The snapshot shared between the window and the panic hook: `None`
/// while there is nothing unsaved.
pub type SharedSnapshot = Arc<Mutex<Option<Emergency>>>;

/// Commands of the recovery, lock and backup dialogs.
#[derive(Clone, Debug, PartialEq)]
pub enum SafetyCommand {
    /// Load the unsaved work found as the current, unsaved state.
    RestoreRecovery,
    /// Remove the unsaved work found.
    DiscardRecovery,
    /// Close the offer and keep the recovery file for later.
    DecideLater,
    /// Show again the offer put off with "Decide later".
    ShowDeferred,
    /// Open the file whose lock is held, read-only.
    OpenReadOnly,
    /// Give up opening the file whose lock is held.
    CancelOpen,
    /// Show the Restore from backup dialog.
    ShowBackups,
    /// Load this backup as the current, unsaved state.
    RestoreBackup(PathBuf),
    /// Close the Restore from backup dialog.
    CloseBackups,
}

/// Unsaved work found when a file was opened.
#[derive(Clone, Debug)]
pub struct RecoveryOffer {
    /// The recovery file and when it was written.
    pub found: Recovery,
    /// The register's file name, or "an untitled register".
    pub name: String,
}

/// A file that another program is writing.
#[derive(Clone, Debug)]
pub struct LockOffer {
    /// The register file.
    pub path: PathBuf,
    /// Why it cannot be locked, in words.
    pub reason: String,
}

/// Where a journal write ended: the file and how it went.
type WriteDone = (PathBuf, io::Result<()>);

/// The journal, dialogs and shared snapshot kept by the window.
pub struct Safety {
    journal: Journal,
    /// Whether `App::logic` drives the journal from the system clock;
    /// tests call [`App::tick`] instead.
    automatic: bool,
    /// Document serial and generation last seen by [`App::tick`].
    seen: (u64, u64),
    writing: Option<Receiver<WriteDone>>,
    /// Folder for the recovery files of untitled registers and read-only
    /// copies; `None` journals neither.
    untitled_folder: Option<PathBuf>,
    /// This window's untitled recovery file and the lock that keeps other
    /// windows off it, claimed when first needed.
    untitled: Option<(PathBuf, WriterLock)>,
    shared: SharedSnapshot,
    /// Unsaved work the user chose to decide about later, for the open
    /// register: the journal leaves its file alone and the File menu
    /// offers it again.
    deferred: Option<RecoveryOffer>,
    /// Last journal write failed: said once, not every few seconds.
    failure_shown: bool,
    /// The unsaved work offer being shown.
    pub offer: Option<RecoveryOffer>,
    /// The read-only offer being shown.
    pub lock_offer: Option<LockOffer>,
    /// The Restore from backup dialog, when open.
    pub backups: Option<Vec<super::backups::BackupRow>>,
}

impl Safety {
    /// Journal driven by the system clock when `automatic`; untitled work
    /// is kept in `untitled_folder`.
    pub fn new(automatic: bool, untitled_folder: Option<PathBuf>) -> Self {
        Self {
            journal: Journal::default(),
            automatic,
            seen: (0, 0),
            writing: None,
            untitled_folder,
            untitled: None,
            shared: SharedSnapshot::default(),
            deferred: None,
            failure_shown: false,
            offer: None,
            lock_offer: None,
            backups: None,
        }
    }

    /// Whether one of these dialogs is showing.
    pub fn is_modal_open(&self) -> bool {
        self.offer.is_some() || self.lock_offer.is_some() || self.backups.is_some()
    }

    /// Whether unsaved work was put off with "Decide later".
    pub fn has_deferred(&self) -> bool {
        self.deferred.is_some()
    }

    fn deferred_path(&self) -> Option<&Path> {
        self.deferred
            .as_ref()
            .map(|offer| offer.found.path.as_path())
    }
}

/// The folder for recovery files of untitled registers: the app's data
/// folder, or the temporary folder when there is none.
pub fn untitled_recovery_folder() -> PathBuf {
    eframe::storage_dir("AP Monitor").unwrap_or_else(std::env::temp_dir)
}

/// How many windows can keep untitled work at once, each in its own file.
const UNTITLED_SLOTS: u32 = 9;

/// Untitled recovery file number `n`: `untitled.recovery.ron`, then
/// `untitled-2.recovery.ron` and so on.
fn untitled_slot(folder: &Path, n: u32) -> PathBuf {
    match n {
        1 => folder.join("untitled.recovery.ron"),
        n => folder.join(format!("untitled-{n}.recovery.ron")),
    }
}

impl Safety {
    /// This window's untitled recovery file: the first that no other
    /// running AP Monitor holds, claimed on first use so that two untitled
    /// windows never write over each other's work.
    fn claim_untitled(&mut self) -> Option<&Path> {
        if self.untitled.is_none() {
            let folder = self.untitled_folder.as_deref()?;
            self.untitled = (1..=UNTITLED_SLOTS).find_map(|n| {
                let path = untitled_slot(folder, n);
                WriterLock::acquire(&path).ok().map(|lock| (path, lock))
            });
            if self.untitled.is_none() {
                log::warn!("every untitled recovery file is held; untitled work is not journalled");
            }
        }
        self.untitled.as_ref().map(|(path, _)| path.as_path())
    }

    /// Untitled work left by a window that has gone: this window's own
    /// file first, else the newest file no running window holds.
    fn untitled_left_behind(&mut self) -> Option<Recovery> {
        let own = self.claim_untitled()?.to_path_buf();
        if let Some(found) = written(own) {
            return Some(found);
        }
        let folder = self.untitled_folder.as_deref()?;
        (1..=UNTITLED_SLOTS)
            .map(|n| untitled_slot(folder, n))
            .filter(|path| WriterLock::acquire(path).is_ok())
            .filter_map(written)
            .max_by_key(|found| found.written)
    }
}

/// The recovery at `path` with the time it was written, if there is one.
fn written(path: PathBuf) -> Option<Recovery> {
    let written = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    Some(Recovery { path, written })
}

/// Writes the shared snapshot to its recovery file at once, for the panic
/// hook. `None` when there is nothing unsaved or the snapshot is being
/// updated at this instant.
pub fn write_emergency_recovery(shared: &SharedSnapshot) -> Option<io::Result<PathBuf>> {
    let guard = match shared.try_lock() {
        Ok(guard) => guard,
        Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
        Err(TryLockError::WouldBlock) => return None,
    };
    let snapshot = guard.as_ref()?;
    let written = recovery::write_recovery(&snapshot.recovery, &snapshot.register);
    Some(written.map(|()| snapshot.recovery.clone()))
}

/// Installs a panic hook, after the default one, that writes the window's
/// unsaved work to its recovery file when the calling (window) thread
/// panics, and says where on stderr and in a message box.
pub fn install_panic_hook(shared: SharedSnapshot) {
    let window_thread = std::thread::current().id();
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        default(info);
        if std::thread::current().id() != window_thread {
            return;
        }
        match write_emergency_recovery(&shared) {
            Some(Ok(path)) => {
                let words = format!(
                    "AP Monitor stopped because of an error. Your unsaved work was \
                     saved to {}; it will be offered when you open the register again.",
                    path.display()
                );
                eprintln!("{words}");
                let _ = rfd::MessageDialog::new()
                    .set_level(rfd::MessageLevel::Error)
                    .set_title("AP Monitor stopped")
                    .set_description(words)
                    .show();
            }
            Some(Err(err)) => eprintln!("AP Monitor could not save the unsaved work: {err}"),
            None => {}
        }
    }));
}

/// A time as dd/mm/yyyy HH:MM, local if the time zone is known, else UTC
/// and labelled so.
pub fn format_time(time: SystemTime) -> String {
    let Ok(stamp) = jiff::Timestamp::try_from(time) else {
        return "an unknown time".to_owned();
    };
    match jiff::tz::TimeZone::try_system() {
        Ok(zone) => stamp.to_zoned(zone).strftime("%d/%m/%Y %H:%M").to_string(),
        Err(_) => stamp.strftime("%d/%m/%Y %H:%M UTC").to_string(),
    }
}

/// The file name alone, for messages and logs.
fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || "the file".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl App {
    /// The snapshot the panic hook writes; see [`install_panic_hook`].
    pub fn shared_snapshot(&self) -> SharedSnapshot {
        Arc::clone(&self.safety.shared)
    }

    /// Keeps untitled work in `folder` (tests use a temporary one).
    #[must_use]
    pub fn with_untitled_recovery(mut self, folder: PathBuf) -> Self {
        self.safety.untitled_folder = Some(folder);
        self.safety.untitled = None;
        self
    }

    /// The recovery file the journal writes for the open document, if any.
    pub fn journal_target(&self) -> Option<PathBuf> {
        let target = match self.doc.path() {
            Some(path) if self.doc.is_read_only() => {
                let folder = self.safety.untitled_folder.as_deref()?;
                folder.join(format!("readonly-{}.recovery.ron", name_of(path)))
            }
            Some(path) => recovery::recovery_path(path),
            None => self.safety.untitled.as_ref()?.0.clone(),
        };
        (self.safety.deferred_path() != Some(&target)).then_some(target)
    }

    /// Drives the journal as of `now`: notes edits, collects a finished
    /// write and starts one when due. Returns how long until the next is
    /// due. `App::logic` calls it with the system clock; tests call it
    /// with instants of their own.
    pub fn tick(&mut self, now: Instant) -> Option<Duration> {
        self.collect_journal_write(now, false);
        self.note_document_change(now);
        if self.safety.journal.due(now) && self.safety.writing.is_none() {
            self.start_journal_write();
        }
        self.safety.journal.wait(now)
    }

    /// Waits for a journal write in progress to end. For tests, and before
    /// a save so a late write cannot follow the discard.
    pub fn finish_journal(&mut self) {
        self.collect_journal_write(Instant::now(), true);
    }

    /// The journal from `App::logic`, with a repaint so it fires without
    /// input.
    pub(super) fn journal_logic(&mut self, ctx: &Context) {
        if !self.safety.automatic {
            return;
        }
        if let Some(wait) = self.tick(Instant::now()) {
            ctx.request_repaint_after(wait);
        }
        if self.safety.writing.is_some() {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
    }

    fn note_document_change(&mut self, now: Instant) {
        let current = (self.doc.serial(), self.doc.generation());
        if current == self.safety.seen {
            return;
        }
        let same_document = current.0 == self.safety.seen.0;
        self.safety.seen = current;
        if self.doc.path().is_none() {
            self.safety.claim_untitled();
        }
        let target = self.journal_target();
        if self.doc.is_dirty() {
            self.safety.journal.edited(now);
            if let Some(recovery) = target {
                let register = self.doc.register().clone();
                self.set_snapshot(Some(Emergency { recovery, register }));
            }
            return;
        }
        self.safety.journal.written();
        self.set_snapshot(None);
        // Undone back to what is on disk: the journal holds nothing new.
        if same_document && let Some(target) = target {
            self.finish_journal();
            let _ = recovery::discard_recovery(&target);
        }
    }

    fn set_snapshot(&self, snapshot: Option<Emergency>) {
        match self.safety.shared.lock() {
            Ok(mut guard) => *guard = snapshot,
            Err(poisoned) => *poisoned.into_inner() = snapshot,
        }
    }

    fn start_journal_write(&mut self) {
        self.safety.journal.written();
        let Some(target) = self.journal_target() else {
            return;
        };
        let register = self.doc.register().clone();
        let (done, receiver) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("recovery-journal".into())
            .spawn(move || {
                let result = recovery::write_recovery(&target, &register);
                let _ = done.send((target, result));
            });
        match spawned {
            Ok(_) => self.safety.writing = Some(receiver),
            Err(err) => self.journal_failed(Instant::now(), &err),
        }
    }

    fn collect_journal_write(&mut self, now: Instant, block: bool) {
        let Some(receiver) = &self.safety.writing else {
            return;
        };
        let received = if block {
            receiver.recv().map_err(|_| TryRecvError::Disconnected)
        } else {
            receiver.try_recv()
        };
        let (path, result) = match received {
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                self.safety.writing = None;
                return;
            }
            Ok(done) => done,
        };
        self.safety.writing = None;
        match result {
            Ok(()) => {
                self.safety.failure_shown = false;
                log::info!("journalled unsaved work to {}", name_of(&path));
            }
            Err(err) => self.journal_failed(now, &err),
        }
    }

    fn journal_failed(&mut self, now: Instant, err: &io::Error) {
        log::warn!("could not write the recovery journal: {}", err.kind());
        // Try again after the next quiet spell.
        self.safety.journal.edited(now);
        if !self.safety.failure_shown {
            self.safety.failure_shown = true;
            self.view.notify(
                Tone::Warning,
                format!("Unsaved work could not be written aside for safety: {err}. Save soon"),
            );
        }
    }

    /// After a save to `saved` (from `before`, the file or untitled): the
    /// journal and its files are no longer needed.
    pub(super) fn journal_after_save(&mut self, before: Option<PathBuf>) {
        self.finish_journal();
        let saved = self.doc.path().map(recovery::recovery_path);
        for target in [before, saved].into_iter().flatten() {
            self.drop_recovery_file(&target);
        }
        self.safety.journal.written();
        self.safety.seen = (self.doc.serial(), self.doc.generation());
        self.set_snapshot(None);
    }

    /// After the user chose to discard unsaved changes: their journal goes
    /// too.
    pub(super) fn journal_discarded(&mut self) {
        self.finish_journal();
        if self.doc.is_dirty()
            && let Some(target) = self.journal_target()
        {
            let _ = recovery::discard_recovery(&target);
        }
        self.safety.journal.written();
        self.set_snapshot(None);
    }

    /// Removes a recovery file, or moves it aside if the user is still to
    /// decide about it.
    fn drop_recovery_file(&mut self, target: &Path) {
        if self.safety.deferred_path() != Some(target) {
            let _ = recovery::discard_recovery(target);
            return;
        }
        self.safety.deferred = None;
        let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
        let kept = target.with_file_name(format!("{}-kept-{stamp}.ron", name_of(target)));
        if std::fs::rename(target, &kept).is_ok() {
            self.view.notify(
                Tone::Info,
                format!(
                    "The unsaved work found earlier was kept as {}; open it to see it",
                    name_of(&kept)
                ),
            );
        }
    }

    /// Before opening `path` for editing: the writer lock, or `None` with
    /// the read-only offer shown.
    pub(super) fn writer_lock_for(&mut self, path: &Path) -> Option<WriterLock> {
        if self.doc.path() == Some(path) && self.doc.has_writer_lock() {
            return self.doc.take_writer_lock();
        }
        match WriterLock::acquire(path) {
            Ok(lock) => Some(lock),
            Err(err) => {
                if let LockError::Io { .. } = err {
                    log::warn!("could not lock {}", name_of(path));
                }
                self.safety.lock_offer = Some(LockOffer {
                    path: path.to_path_buf(),
                    reason: err.to_string(),
                });
                None
            }
        }
    }

    /// Whether the document may be written to `path`, taking the writer
    /// lock on a new file. `Err` carries the words to show.
    pub(super) fn lock_for_save(&mut self, path: &Path) -> Result<Option<WriterLock>, String> {
        let own = self.doc.path() == Some(path);
        if own && self.doc.is_read_only() {
            return Err(format!(
                "{} is open read-only because another AP Monitor is editing it. \
                 Use Save as… to keep your changes in another file.",
                name_of(path)
            ));
        }
        if own && self.doc.has_writer_lock() {
            return Ok(None);
        }
        WriterLock::acquire(path)
            .map(Some)
            .map_err(|err| format!("{err}. Use Save as… to choose another file."))
    }

    /// Offers unsaved work found for the file just opened (or, with
    /// `None`, for untitled registers).
    pub fn offer_recovery(&mut self, path: Option<&Path>) {
        // Work put off for the register open before is offered when that
        // register is next opened, not on this one.
        self.safety.deferred = None;
        let found = match path {
            Some(path) => recovery::find_recovery(path),
            None => self.safety.untitled_left_behind(),
        };
        self.safety.offer = found.map(|found| RecoveryOffer {
            found,
            name: path.map_or_else(|| "an untitled register".to_owned(), name_of),
        });
    }

    /// Carries out a command of these dialogs.
    pub(super) fn apply_safety(&mut self, command: SafetyCommand) {
        match command {
            SafetyCommand::RestoreRecovery => self.restore_recovery(),
            SafetyCommand::DiscardRecovery => {
                self.safety.deferred = None;
                if let Some(offer) = self.safety.offer.take()
                    && let Err(err) = recovery::discard_recovery(&offer.found.path)
                {
                    self.view.error = Some(format!("The unsaved work was not removed: {err}"));
                }
            }
            SafetyCommand::DecideLater => {
                if let Some(offer) = self.safety.offer.take() {
                    self.safety.deferred = Some(offer);
                    self.view.notify(
                        Tone::Info,
                        "The unsaved work found is kept: File → Unsaved work found… offers \
                         it again",
                    );
                }
            }
            SafetyCommand::ShowDeferred => self.safety.offer = self.safety.deferred.clone(),
            SafetyCommand::OpenReadOnly => {
                if let Some(offer) = self.safety.lock_offer.take() {
                    self.load_as(&offer.path, None);
                }
            }
            SafetyCommand::CancelOpen => self.safety.lock_offer = None,
            SafetyCommand::ShowBackups => self.show_backups(),
            SafetyCommand::RestoreBackup(path) => self.restore_backup(&path),
            SafetyCommand::CloseBackups => self.safety.backups = None,
        }
    }

    fn restore_recovery(&mut self) {
        let Some(offer) = self.safety.offer.take() else {
            return;
        };
        self.safety.deferred = None;
        let when = format_time(offer.found.written);
        let words = format!("Restored the unsaved work from {when}. Save to keep it");
        self.replace_register_from(&offer.found.path, &words);
        self.adopt_recovery_file(&offer.found.path);
    }

    /// Untitled work restored from another window's file becomes this
    /// window's: moved onto its own file, so it is neither offered twice
    /// nor left behind once saved, and never deleted before the journal
    /// has a copy.
    fn adopt_recovery_file(&mut self, found: &Path) {
        if self.doc.path().is_some() {
            return;
        }
        let Some(own) = self.journal_target() else {
            return;
        };
        if own != found
            && let Err(err) = std::fs::rename(found, &own)
        {
            log::warn!("could not move restored untitled work to this window's file: {err}");
        }
    }

    /// Loads `file` as a new, unsaved and undoable state of the document.
    pub(super) fn replace_register_from(&mut self, file: &Path, done: &str) {
        match storage::load(file) {
            Ok(register) => {
                let _ = self.doc.edit(|current| {
                    *current = register;
                    Ok::<(), ()>(())
                });
                self.view.drafts.drop_untouched();
                self.view.notify(Tone::Ok, done);
                log::info!("restored {}", name_of(file));
            }
            Err(err) => {
                log::warn!("could not restore {}", name_of(file));
                self.view.error = Some(format!("The saved copy could not be read.\n\n{err}"));
            }
        }
    }
}

/// Shows whichever of these dialogs is open.
pub fn modals(ctx: &Context, safety: &Safety, out: &mut Vec<Command>) {
    if let Some(offer) = &safety.offer {
        recovery_offer(ctx, offer, out);
    } else if let Some(offer) = &safety.lock_offer {
        lock_offer(ctx, offer, out);
    } else if let Some(rows) = &safety.backups {
        super::backups::dialog(ctx, rows, out);
    }
}

fn recovery_offer(ctx: &Context, offer: &RecoveryOffer, out: &mut Vec<Command>) {
    let send = |out: &mut Vec<Command>, c| out.push(Command::Safety(c));
    let response = egui::Modal::new(Id::unique("recovery-offer")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading("Unsaved work found");
        ui.add_space(6.0);
        ui.label(format!(
            "Unsaved work from {} was found for {}.",
            format_time(offer.found.written),
            offer.name
        ));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.add(widgets::primary_button(ui, "Restore it")).clicked() {
                send(out, SafetyCommand::RestoreRecovery);
            }
            if ui.button("Discard it").clicked() {
                send(out, SafetyCommand::DiscardRecovery);
            }
            if ui.button("Decide later").clicked() {
                send(out, SafetyCommand::DecideLater);
            }
        });
    });
    if response.should_close() {
        send(out, SafetyCommand::DecideLater);
    }
}

fn lock_offer(ctx: &Context, offer: &LockOffer, out: &mut Vec<Command>) {
    let response = egui::Modal::new(Id::unique("lock-offer")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading("The register is in use");
        ui.add_space(6.0);
        ui.label(&offer.reason);
        ui.label("Read-only: you can look and change things, but Save is refused.");
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui
                .add(widgets::primary_button(ui, "Open read-only"))
                .clicked()
            {
                out.push(Command::Safety(SafetyCommand::OpenReadOnly));
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::Safety(SafetyCommand::CancelOpen));
            }
        });
    });
    if response.should_close() {
        out.push(Command::Safety(SafetyCommand::CancelOpen));
    }
}
