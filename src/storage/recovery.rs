//! The recovery journal: unsaved work written aside so a crash, a killed
//! process or a laptop shut mid-edit costs nothing.
//!
//! While a register has unsaved changes, the window writes it (crash-safely)
//! to a recovery file beside it, `.NAME.recovery.ron`, a few seconds after
//! the last edit and at least every half minute while editing continues. A
//! recovery file newer than its register is offered on the next start. It
//! is removed after a save or an explicit discard. Windows may end the
//! program at shutdown without a close event: the journal, not the close
//! prompt, is what keeps the work.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::save::{file_name, folder_of, to_ron, write_atomic};
use crate::model::Register;

/// Quiet time after the last edit before the journal is written.
pub const AFTER_LAST_EDIT: Duration = Duration::from_secs(5);

/// Longest time between journal writes while edits keep coming.
pub const WHILE_EDITING: Duration = Duration::from_secs(30);

/// The recovery file of a register file.
pub fn recovery_path(register: &Path) -> PathBuf {
    folder_of(register).join(format!(".{}.recovery.ron", file_name(register)))
}

/// A recovery file found on start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    /// The recovery file.
    pub path: PathBuf,
    /// When it was written.
    pub written: SystemTime,
}

/// Writes the unsaved register to its recovery file.
pub fn write_recovery(recovery: &Path, register: &Register) -> io::Result<()> {
    let text = to_ron(register).map_err(io::Error::other)?;
    write_atomic(recovery, text.as_bytes())?;
    log::info!("wrote the recovery journal ({} bytes)", text.len());
    Ok(())
}

/// The recovery file for `register`, if it is newer than the register
/// (or the register is gone): work that was never saved.
pub fn find_recovery(register: &Path) -> Option<Recovery> {
    let path = recovery_path(register);
    let written = fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    let saved = fs::metadata(register).and_then(|m| m.modified()).ok();
    match saved {
        Some(saved) if saved >= written => None,
        _ => Some(Recovery { path, written }),
    }
}

/// Removes the recovery file after a save or a discard. A missing file is
/// not an error.
pub fn discard_recovery(recovery: &Path) -> io::Result<()> {
    match fs::remove_file(recovery) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
        _ => Ok(()),
    }
}

/// When to write the journal. Pure timing, so it is tested without clocks:
/// the window reports edits and asks [`Journal::due`] each frame.
#[derive(Clone, Debug, Default)]
pub struct Journal {
    /// First edit not yet in the journal.
    pending_since: Option<Instant>,
    /// Latest edit.
    last_edit: Option<Instant>,
}

impl Journal {
    /// Notes an edit made at `now`.
    pub fn edited(&mut self, now: Instant) {
        self.pending_since.get_or_insert(now);
        self.last_edit = Some(now);
    }

    /// Whether the journal should be written at `now`.
    pub fn due(&self, now: Instant) -> bool {
        let (Some(first), Some(last)) = (self.pending_since, self.last_edit) else {
            return false;
        };
        now.duration_since(last) >= AFTER_LAST_EDIT || now.duration_since(first) >= WHILE_EDITING
    }

    /// How long until [`Journal::due`] turns true, to schedule a repaint.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        let (first, last) = (self.pending_since?, self.last_edit?);
        let quiet = (last + AFTER_LAST_EDIT).saturating_duration_since(now);
        let cap = (first + WHILE_EDITING).saturating_duration_since(now);
        Some(quiet.min(cap))
    }

    /// The journal was written (or the register saved): nothing pending.
    pub fn written(&mut self) {
        self.pending_since = None;
        self.last_edit = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journal_waits_for_a_quiet_moment() {
        let start = Instant::now();
        let mut journal = Journal::default();
        assert!(!journal.due(start));
        journal.edited(start);
        assert!(!journal.due(start + Duration::from_secs(4)));
        assert!(journal.due(start + AFTER_LAST_EDIT));
        journal.written();
        assert!(!journal.due(start + Duration::from_secs(60)));
    }

    #[test]
    fn journal_is_written_every_half_minute_while_typing_goes_on() {
        let start = Instant::now();
        let mut journal = Journal::default();
        for second in 0..29 {
            journal.edited(start + Duration::from_secs(second));
            assert!(
                !journal.due(start + Duration::from_secs(second)),
                "at {second}s"
            );
        }
        journal.edited(start + WHILE_EDITING);
        assert!(journal.due(start + WHILE_EDITING));
        assert_eq!(journal.wait(start + WHILE_EDITING), Some(Duration::ZERO));
    }

    #[test]
    fn recovery_newer_than_the_register_is_found_then_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let register_path = dir.path().join("register.ron");
        fs::write(&register_path, "saved").unwrap();
        assert_eq!(find_recovery(&register_path), None);

        std::thread::sleep(Duration::from_millis(20));
        let recovery = recovery_path(&register_path);
        write_recovery(&recovery, &Register::default()).unwrap();
        let found = find_recovery(&register_path).unwrap();
        assert_eq!(found.path, recovery);
        let loaded = super::super::load(&found.path).unwrap();
        assert_eq!(loaded, Register::default());

        discard_recovery(&recovery).unwrap();
        assert_eq!(find_recovery(&register_path), None);
        discard_recovery(&recovery).unwrap();
    }
}
