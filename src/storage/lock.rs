//! One writer per register file.
//!
//! Opening a register for editing takes an exclusive advisory lock on a
//! small file beside it (`.NAME.lock`). The operating system drops the
//! lock when the process ends, however it ends, so a killed program never
//! blocks the next one; the lock file itself may stay and means nothing
//! while unlocked. A second AP Monitor that finds the lock held offers the
//! file read-only. The lock file holds the holder's process id and start
//! time, only to word the message.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::save::{file_name, folder_of};

/// A held lock; dropping it releases the file for other writers.
#[derive(Debug)]
pub struct WriterLock {
    file: File,
    path: PathBuf,
}

/// Why a lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another running program holds it.
    #[error(
        "{} is open in another AP Monitor ({holder}); open it read-only or close it there",
        register.display()
    )]
    Held {
        /// The register file.
        register: PathBuf,
        /// Who holds it, as recorded in the lock file.
        holder: String,
    },
    /// The lock file could not be created or locked.
    #[error("cannot lock {} for editing: {source}", register.display())]
    Io {
        /// The register file.
        register: PathBuf,
        /// Why.
        source: io::Error,
    },
}

/// The lock file beside a register.
pub fn lock_path(register: &Path) -> PathBuf {
    folder_of(register).join(format!(".{}.lock", file_name(register)))
}

impl WriterLock {
    /// Takes the lock for `register`, or says who holds it.
    pub fn acquire(register: &Path) -> Result<Self, LockError> {
        let path = lock_path(register);
        let io_error = |source| LockError::Io {
            register: register.to_path_buf(),
            source,
        };
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io_error)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let holder = read_holder(&path);
                return Err(LockError::Held {
                    register: register.to_path_buf(),
                    holder,
                });
            }
            Err(fs::TryLockError::Error(err)) => return Err(io_error(err)),
        }
        let mut lock = Self { file, path };
        lock.record_holder().map_err(io_error)?;
        log::info!("took the writer lock on {}", register.display());
        Ok(lock)
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn record_holder(&mut self) -> io::Result<()> {
        let since = jiff::Timestamp::now().strftime("%d/%m/%Y %H:%M UTC");
        self.file.set_len(0)?;
        self.file
            .write_all(format!("process {} since {since}\n", std::process::id()).as_bytes())
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

fn read_holder(path: &Path) -> String {
    let mut text = String::new();
    let read = File::open(path).and_then(|mut f| f.read_to_string(&mut text));
    match read {
        Ok(_) if !text.trim().is_empty() => text.trim().to_owned(),
        _ => "another program".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_writer_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let register = dir.path().join("register.ron");
        let first = WriterLock::acquire(&register).unwrap();
        let err = WriterLock::acquire(&register).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("open in another AP Monitor"), "{message}");
        assert!(
            message.contains(&format!("process {}", std::process::id())),
            "{message}"
        );
        drop(first);
        assert!(WriterLock::acquire(&register).is_ok());
    }

    #[test]
    fn a_leftover_lock_file_does_not_block() {
        let dir = tempfile::tempdir().unwrap();
        let register = dir.path().join("register.ron");
        fs::write(lock_path(&register), "process 1 since long ago\n").unwrap();
        assert!(WriterLock::acquire(&register).is_ok());
    }
}
