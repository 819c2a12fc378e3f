//! What can go wrong reading or writing a register, worded for the user.
//!
//! Every message names the file; load errors inside the text name the line
//! and column (1-based) as `file:line:column`, the form editors jump to.

use std::io;
use std::path::PathBuf;

use super::save::SaveStep;

/// A register file could not be loaded. Nothing is changed on disk.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },

    /// The path is a folder.
    #[error("{} is a folder, not a register file", path.display())]
    Folder {
        /// The path.
        path: PathBuf,
    },

    /// The file is larger than any real register.
    #[error("{} is {size} bytes, more than the {limit} bytes a register may be", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },

    /// The file is not UTF-8 text.
    #[error("{}:{line}:{column}: {what}", path.display())]
    Encoding {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column of the first bad byte.
        column: usize,
        /// What is wrong.
        what: String,
    },

    /// The text is not a register: a syntax error, a missing or misspelled
    /// field, a value of the wrong type.
    #[error("{}:{line}:{column}: {what}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was expected or found.
        what: String,
    },

    /// The file has no `format_version` or one this build never wrote.
    #[error("{}: {what}", path.display())]
    Version {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        what: String,
    },

    /// The file was written by a newer AP Monitor.
    #[error(
        "{} was written by a newer AP Monitor (format {found}; this version reads up to \
         {supported}). Open it with the newer version; it has not been changed",
        path.display()
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Its format version.
        found: u32,
        /// The newest this build reads.
        supported: u32,
    },
}

impl LoadError {
    /// 1-based line and column, for errors that point into the text.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::Encoding { line, column, .. } | Self::Syntax { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }
}

/// A register could not be saved. The file on disk is as it was before
/// the save began, except where [`SaveError::FolderNotFlushed`] says so.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The register could not be turned into text.
    #[error("cannot write the register as text: {0}")]
    Encode(String),

    /// A step of the save failed before the file was replaced.
    #[error(
        "could not save {}: {} failed: {source}. The file on disk is unchanged",
        path.display(),
        step.describe()
    )]
    Step {
        /// The file being saved.
        path: PathBuf,
        /// The step that failed.
        step: SaveStep,
        /// Why.
        source: io::Error,
    },

    /// The new file is in place but the folder could not be flushed, so a
    /// power cut now could still lose it.
    #[error(
        "saved {}, but the folder could not be flushed to disk ({source}); save again to be sure",
        path.display()
    )]
    FolderNotFlushed {
        /// The file saved.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
}
