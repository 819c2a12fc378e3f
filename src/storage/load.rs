//! Loading: bytes to text to register, with every failure located.

use std::fs;
use std::path::Path;

use serde::Deserialize;

use super::error::LoadError;
use crate::model::{FORMAT_VERSION, Register};

/// Files larger than this are refused before reading. A register with
/// 20,000 placements and years of contacts and reviews is about 270 MB, so
/// this leaves room while stopping a stray disk image or video.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024 * 1024;

/// Reads and checks the register at `path`. Never writes anything.
pub fn load(path: &Path) -> Result<Register, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(LoadError::Folder {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        let (size, limit) = (meta.len(), MAX_FILE_BYTES);
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit,
        });
    }
    let bytes = fs::read(path).map_err(io)?;
    let text = decode(path, &bytes)?;
    parse(path, text)
}

/// Parses register text; `path` only names the source in errors.
pub fn parse(path: &Path, text: &str) -> Result<Register, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match ron::Options::default().from_str::<Register>(text) {
        Ok(register) => check_version(path, register),
        Err(err) => Err(newer_version(path, text).unwrap_or_else(|| syntax(path, &err))),
    }
}

/// Turns bytes into text, refusing UTF-16 and invalid UTF-8 with the
/// position of the first bad byte.
fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    let encoding = |line, column, what: &str| LoadError::Encoding {
        path: path.to_path_buf(),
        line,
        column,
        what: what.to_owned(),
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(encoding(1, 1, "the file is UTF-16 text; save it as UTF-8"));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|err| {
        let good = &bytes[..err.valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        encoding(
            line,
            column,
            "the file is not UTF-8 text (a damaged or binary file?)",
        )
    })
}

fn syntax(path: &Path, err: &ron::error::SpannedError) -> LoadError {
    LoadError::Syntax {
        path: path.to_path_buf(),
        line: err.span.start.line,
        column: err.span.start.col,
        what: err.code.to_string(),
    }
}

/// Only the version, read leniently, to tell a newer file from a broken one.
#[derive(Deserialize)]
#[serde(rename = "Register")]
struct VersionProbe {
    #[serde(default)]
    format_version: u32,
}

/// The error to give when a file that did not parse says it is newer.
fn newer_version(path: &Path, text: &str) -> Option<LoadError> {
    let probe: VersionProbe = ron::Options::default().from_str(text).ok()?;
    let found = probe.format_version;
    (found > FORMAT_VERSION).then(|| LoadError::TooNew {
        path: path.to_path_buf(),
        found,
        supported: FORMAT_VERSION,
    })
}

fn with_fresh_ids(mut register: Register) -> Register {
    register.ensure_fresh_ids();
    register
}

/// Accepts the current version. Older versions are migrated here, one
/// step per version, when the format changes; a golden file of each
/// version in `tests/golden/` keeps those steps honest.
fn check_version(path: &Path, register: Register) -> Result<Register, LoadError> {
    let version_error = |what: String| LoadError::Version {
        path: path.to_path_buf(),
        what,
    };
    match register.format_version {
        FORMAT_VERSION => Ok(with_fresh_ids(register)),
        0 => Err(version_error(
            "the file has no format_version, so it is not a register".into(),
        )),
        found if found > FORMAT_VERSION => Err(LoadError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: FORMAT_VERSION,
        }),
        found => Err(version_error(format!(
            "format_version {found} was never written"
        ))),
    }
}
