//! Saving: a crash at any instant leaves either the old file or the new
//! one, complete, at the path.
//!
//! The steps are: write the text to a new temporary file in the same
//! folder, flush it to disk, copy the previous file into the backups
//! folder, rename the temporary file over the original (atomic on the same
//! file system), then flush the folder so the rename itself survives a
//! power cut. A failure before the rename leaves the original untouched
//! and removes the temporary file.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::backups;
use super::error::SaveError;
use crate::model::Register;

/// One step of a save, named so that a failure can say which one failed
/// and tests can make each step fail in turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStep {
    /// Creating the temporary file.
    Create,
    /// Writing the text into it.
    Write,
    /// Flushing it to disk.
    Flush,
    /// Keeping the previous file as a backup.
    Backup,
    /// Renaming it over the original.
    Rename,
    /// Flushing the folder.
    FlushFolder,
}

impl SaveStep {
    /// Every step, in the order a save takes them.
    pub const ALL: [Self; 6] = [
        Self::Create,
        Self::Write,
        Self::Flush,
        Self::Backup,
        Self::Rename,
        Self::FlushFolder,
    ];

    /// Words for error messages.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Create => "creating a temporary file",
            Self::Write => "writing the temporary file",
            Self::Flush => "flushing the temporary file to disk",
            Self::Backup => "keeping a backup of the previous version",
            Self::Rename => "replacing the file",
            Self::FlushFolder => "flushing the folder",
        }
    }
}

impl fmt::Display for SaveStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// The register as the text written to disk.
pub fn to_ron(register: &Register) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ")
        .struct_names(true)
        .escape_strings(false);
    let mut text = ron::ser::to_string_pretty(register, config)
        .map_err(|err| SaveError::Encode(err.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Saves the register to `path` crash-safely, keeping the previous file as
/// a backup. Every writer of register files goes through here.
pub fn save(path: &Path, register: &Register) -> Result<(), SaveError> {
    save_with(path, register, &mut |_| Ok(()))
}

/// [`save`] with a hook called before each step; an error from the hook
/// fails that step. Tests use it to inject failures.
pub fn save_with(
    path: &Path,
    register: &Register,
    hook: &mut dyn FnMut(SaveStep) -> io::Result<()>,
) -> Result<(), SaveError> {
    let text = to_ron(register)?;
    let step_error = |step, source| SaveError::Step {
        path: path.to_path_buf(),
        step,
        source,
    };
    remove_stale_temp_files(path);

    let temp = temp_path(path);
    let result = write_temp(&temp, text.as_bytes(), hook)
        .and_then(|()| backup_previous(path, hook))
        .and_then(|()| run(SaveStep::Rename, hook, || fs::rename(&temp, path)));
    if let Err((step, source)) = result {
        let _ = fs::remove_file(&temp);
        return Err(step_error(step, source));
    }

    if let Err((_, source)) = run(SaveStep::FlushFolder, hook, || flush_folder(path)) {
        return Err(SaveError::FolderNotFlushed {
            path: path.to_path_buf(),
            source,
        });
    }
    log::info!(
        "saved register ({} bytes) to {}",
        text.len(),
        path.display()
    );
    Ok(())
}

type StepResult = Result<(), (SaveStep, io::Error)>;

/// Runs one step after its hook, tagging any error with the step.
fn run(
    step: SaveStep,
    hook: &mut dyn FnMut(SaveStep) -> io::Result<()>,
    action: impl FnOnce() -> io::Result<()>,
) -> StepResult {
    hook(step)
        .and_then(|()| action())
        .map_err(|err| (step, err))
}

fn write_temp(
    temp: &Path,
    bytes: &[u8],
    hook: &mut dyn FnMut(SaveStep) -> io::Result<()>,
) -> StepResult {
    let mut file: Option<File> = None;
    run(SaveStep::Create, hook, || {
        file = Some(OpenOptions::new().write(true).create_new(true).open(temp)?);
        Ok(())
    })?;
    let Some(mut file) = file else {
        return Err((
            SaveStep::Create,
            io::Error::other("temporary file was not created"),
        ));
    };
    run(SaveStep::Write, hook, || file.write_all(bytes))?;
    run(SaveStep::Flush, hook, || file.sync_all())
}

fn backup_previous(path: &Path, hook: &mut dyn FnMut(SaveStep) -> io::Result<()>) -> StepResult {
    run(SaveStep::Backup, hook, || match fs::metadata(path) {
        Ok(meta) if meta.is_file() => backups::keep(path),
        Ok(_) => Err(io::Error::other("the path is not a file")),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(err),
    })
}

/// A temporary name beside `path`, unique within this process and across
/// processes by the process id.
pub(super) fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = file_name(path);
    path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || "register".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Removes temporary files a killed save left beside `path`. Only our own
/// pattern (`.NAME.*.tmp`) is touched.
fn remove_stale_temp_files(path: &Path) {
    let prefix = format!(".{}.", file_name(path));
    let folder = folder_of(path);
    let Ok(entries) = fs::read_dir(&folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            match fs::remove_file(entry.path()) {
                Ok(()) => log::info!("removed a temporary file left by an interrupted save"),
                Err(err) => log::warn!("could not remove a stale temporary file: {err}"),
            }
        }
    }
}

/// The folder holding `path` ("." for a bare file name).
pub(super) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(unix)]
pub(super) fn flush_folder(path: &Path) -> io::Result<()> {
    File::open(folder_of(path))?.sync_all()
}

/// Windows flushes renames through the file system journal; opening a
/// folder as a file is not possible there.
#[cfg(not(unix))]
pub(super) fn flush_folder(_path: &Path) -> io::Result<()> {
    Ok(())
}

/// Writes any output file (an export, a PDF) so that a reader never sees a
/// half-written one: temporary file, flush, rename. No backups are kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = temp_path(path);
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}
