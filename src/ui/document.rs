//! The open document: the register, the file it came from, whether it has
//! changes not yet saved, and the undo history.
//!
//! Undo keeps whole-register snapshots, bounded in number and never saved.
//! Every change goes through [`Document::edit`], so each edit is one undo
//! step and marks the document changed.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::Register;
use crate::storage::WriterLock;

/// Numbers each document made, so a replaced document is told apart.
static NEXT_SERIAL: AtomicU64 = AtomicU64::new(1);

/// Most undo steps kept.
pub const UNDO_LIMIT: usize = 40;

/// Fewest undo steps kept, however large the register.
pub const UNDO_MINIMUM: usize = 5;

/// Placements' worth of snapshots the history may hold in all: a school's
/// register of 50 placements keeps [`UNDO_LIMIT`] steps, a stress test of
/// 5,000 keeps [`UNDO_MINIMUM`], so memory stays bounded either way.
const UNDO_BUDGET_PLACEMENTS: usize = 20_000;

/// Undo steps kept for a register of this many placements.
pub fn undo_limit(placements: usize) -> usize {
    (UNDO_BUDGET_PLACEMENTS / placements.max(1)).clamp(UNDO_MINIMUM, UNDO_LIMIT)
}

/// A snapshot in the history: the register and its revision number.
#[derive(Clone)]
struct Snapshot {
    register: Register,
    revision: u64,
}

/// The register being edited, with its file, save state and history.
pub struct Document {
    register: Register,
    path: Option<PathBuf>,
    /// Number of the current content; the saved content had
    /// `saved_revision`. Undo returns to an earlier number, so undoing back
    /// to what is on disk makes the document clean again.
    revision: u64,
    saved_revision: u64,
    next_revision: u64,
    /// Bumped on every change of content, undo included: caches compare it.
    generation: u64,
    undo: VecDeque<Snapshot>,
    redo: Vec<Snapshot>,
    /// Unique per document made in this process.
    serial: u64,
    /// The one-writer lock on `path`, held while the document is open.
    lock: Option<WriterLock>,
    /// Opened while another program held the lock: Save is refused.
    read_only: bool,
}

impl Document {
    /// A document holding `register`, read from `path` (or new if `None`),
    /// with nothing to save.
    pub fn new(register: Register, path: Option<PathBuf>) -> Self {
        Self {
            register,
            path,
            revision: 0,
            saved_revision: 0,
            next_revision: 1,
            generation: 0,
            undo: VecDeque::new(),
            redo: Vec::new(),
            serial: NEXT_SERIAL.fetch_add(1, Ordering::Relaxed),
            lock: None,
            read_only: false,
        }
    }

    /// A number no other document in this process has.
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// Keeps `lock` (or none) while the document is open; dropping the
    /// document releases it.
    pub fn set_writer_lock(&mut self, lock: Option<WriterLock>) {
        self.lock = lock;
    }

    /// Hands over the writer lock, for reopening the same file.
    pub fn take_writer_lock(&mut self) -> Option<WriterLock> {
        self.lock.take()
    }

    /// Whether the document holds the writer lock on its file.
    pub fn has_writer_lock(&self) -> bool {
        self.lock.is_some()
    }

    /// Marks the document read-only (another program writes the file).
    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    /// Whether Save to the document's own file is refused.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The register.
    pub fn register(&self) -> &Register {
        &self.register
    }

    /// The file the document is saved to, if it has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The file name for the title bar, or "Untitled".
    pub fn display_name(&self) -> String {
        self.path.as_deref().and_then(Path::file_name).map_or_else(
            || "Untitled".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Whether there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// A number that changes whenever the content does.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone change to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Changes the register as one undo step. `change` returns what it
    /// returns; an `Err` leaves the register and history as they were.
    pub fn edit<T, E>(
        &mut self,
        change: impl FnOnce(&mut Register) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut changed = self.register.clone();
        let value = change(&mut changed)?;
        let before = std::mem::replace(&mut self.register, changed);
        self.undo.push_back(Snapshot {
            register: before,
            revision: self.revision,
        });
        let limit = undo_limit(self.register.placements.len());
        while self.undo.len() > limit {
            self.undo.pop_front();
        }
        self.redo.clear();
        self.revision = self.next_revision;
        self.next_revision += 1;
        self.generation += 1;
        Ok(value)
    }

    /// Goes back one step. Returns whether there was one.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop_back() else {
            return false;
        };
        let current = self.swap_in(previous);
        self.redo.push(current);
        true
    }

    /// Goes forward one undone step. Returns whether there was one.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        let current = self.swap_in(next);
        self.undo.push_back(current);
        true
    }

    fn swap_in(&mut self, snapshot: Snapshot) -> Snapshot {
        let register = std::mem::replace(&mut self.register, snapshot.register);
        let revision = std::mem::replace(&mut self.revision, snapshot.revision);
        self.generation += 1;
        Snapshot { register, revision }
    }

    /// Records that the current content is what `path` now holds.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_revision = self.revision;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rename(doc: &mut Document, name: &str) {
        doc.edit(|r| {
            r.school.name = name.to_owned();
            Ok::<(), ()>(())
        })
        .unwrap();
    }

    #[test]
    fn undo_back_to_the_saved_state_is_clean() {
        let mut doc = Document::new(Register::default(), None);
        rename(&mut doc, "A");
        assert!(doc.is_dirty());
        doc.undo();
        assert!(!doc.is_dirty());
        doc.redo();
        assert!(doc.is_dirty());
        assert_eq!(doc.register().school.name, "A");
    }

    #[test]
    fn a_failed_edit_changes_nothing() {
        let mut doc = Document::new(Register::default(), None);
        let result = doc.edit(|r| {
            r.school.name = "lost".into();
            Err::<(), _>("no")
        });
        assert!(result.is_err());
        assert!(!doc.can_undo());
        assert_eq!(doc.register().school.name, "");
    }

    #[test]
    fn a_large_register_keeps_fewer_steps() {
        assert_eq!(undo_limit(20), UNDO_LIMIT);
        assert_eq!(undo_limit(1_000), 20);
        assert_eq!(undo_limit(5_000), UNDO_MINIMUM);
    }

    #[test]
    fn history_is_bounded() {
        let mut doc = Document::new(Register::default(), None);
        for n in 0..UNDO_LIMIT + 5 {
            rename(&mut doc, &n.to_string());
        }
        let mut steps = 0;
        while doc.undo() {
            steps += 1;
        }
        assert_eq!(steps, UNDO_LIMIT);
    }
}
