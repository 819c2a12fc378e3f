//! The last versions of a register, kept beside it.
//!
//! Before a save replaces a file, the old file is copied into a folder
//! named after it (`register.ron.backups/`), so a bad edit saved by mistake
//! can be undone from disk. Only the newest [`BACKUPS_KEPT`] are kept.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::save::{file_name, flush_folder, folder_of};

/// How many previous versions are kept.
pub const BACKUPS_KEPT: usize = 10;

/// One kept version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// The backup file.
    pub path: PathBuf,
    /// When it was taken.
    pub taken: SystemTime,
}

/// The backups folder of a register file.
pub fn backup_dir(path: &Path) -> PathBuf {
    folder_of(path).join(format!("{}.backups", file_name(path)))
}

/// Backups of `path`, newest first. A missing folder means none.
pub fn list_backups(path: &Path) -> io::Result<Vec<Backup>> {
    let folder = backup_dir(path);
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(err),
    };
    let mut backups: Vec<Backup> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".ron"))
        .map(|e| e.path())
        .map(|path| {
            let taken = backup_time(&path);
            Backup { path, taken }
        })
        .collect();
    // Names carry a UTC time stamp, so name order is age order.
    backups.sort_by(|a, b| b.path.cmp(&a.path));
    Ok(backups)
}

/// When the backup was taken: the copy's modification time.
fn backup_time(path: &Path) -> SystemTime {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

/// Copies the current file at `path` into the backups folder, then prunes.
/// The copy is itself written to a temporary name and renamed, so a crash
/// never leaves a half backup that looks whole.
pub(super) fn keep(path: &Path) -> io::Result<()> {
    let folder = backup_dir(path);
    fs::create_dir_all(&folder)?;
    let bytes = fs::read(path)?;
    let target = unique_name(&folder, path);
    let temp = target.with_extension("partial");
    let write = || -> io::Result<()> {
        let mut file = fs::File::create(&temp)?;
        file.write_all(&bytes)?;
        file.sync_all()?;
        fs::rename(&temp, &target)?;
        flush_folder(&target)
    };
    if let Err(err) = write() {
        let _ = fs::remove_file(&temp);
        return Err(err);
    }
    prune(path);
    Ok(())
}

/// `NAME.2026-12-03T134104.123456789Z.ron`: names that sort by time
/// (nanoseconds, so two saves in one millisecond still sort right).
fn unique_name(folder: &Path, path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "register".into(), |s| s.to_string_lossy());
    let now = jiff::Timestamp::now();
    let stamp = now.strftime("%Y-%m-%dT%H%M%S%.9fZ").to_string();
    let mut candidate = folder.join(format!("{stem}.{stamp}.ron"));
    let mut n = 2;
    while candidate.exists() {
        candidate = folder.join(format!("{stem}.{stamp}-{n}.ron"));
        n += 1;
    }
    candidate
}

fn prune(path: &Path) {
    let Ok(backups) = list_backups(path) else {
        return;
    };
    for old in backups.iter().skip(BACKUPS_KEPT) {
        if let Err(err) = fs::remove_file(&old.path) {
            log::warn!("could not remove an old backup: {err}");
        }
    }
    let folder = backup_dir(path);
    if let Ok(entries) = fs::read_dir(folder) {
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().ends_with(".partial") {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}
