//! Reading and writing the register file.
//!
//! The file is pretty RON with a `format_version`. Loading refuses files
//! from a newer version (so a save can never drop what this build does not
//! understand) and migrates older ones. Saving writes a temporary file in
//! the same folder, flushes it, keeps the previous file as a backup and
//! then renames the new file over the old one, so at every instant the
//! path holds either the old register or the new one, complete.

mod backups;
mod error;
mod load;
mod lock;
pub mod recovery;
mod save;

pub use backups::{BACKUPS_KEPT, Backup, backup_dir, list_backups};
pub use error::{LoadError, SaveError};
pub use load::{MAX_FILE_BYTES, load, parse};
pub use lock::{LockError, WriterLock, lock_path};
pub use save::{SaveStep, save, save_with, to_ron, write_atomic};
