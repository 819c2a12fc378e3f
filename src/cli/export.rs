//! `export`: the placement register as CSV (see
//! [`crate::report::register_csv`]).

use std::path::Path;

use anyhow::Context as _;

use super::{Failure, load, today};
use crate::report::register_csv;
use crate::storage::write_atomic;

/// Writes the CSV for the register at `file` to `out`.
pub(super) fn export(file: &Path, out: &Path) -> Result<(), Failure> {
    let register = load(file)?;
    let text = register_csv(&register, today());
    write_atomic(out, text.as_bytes()).with_context(|| format!("writing {}", out.display()))?;
    println!(
        "wrote {} placements to {}",
        register.placements.len(),
        out.display()
    );
    Ok(())
}
