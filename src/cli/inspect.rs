//! `check` and `list`: what is in a register file.

use std::path::Path;

use super::{Failure, ListWhat, load};
use crate::model::{ChecklistStatus, PlacementStatus, Problem, Register, words};
use crate::report;

/// Loads and validates; prints counts, then every problem, including
/// signed QA checks that no longer print as their signed copy.
pub(super) fn check(file: &Path) -> Result<(), Failure> {
    let register = load(file)?;
    println!("{}: format {}", file.display(), register.format_version);
    for line in counts(&register) {
        println!("  {line}");
    }
    let mut problems = register.problems();
    let changed = report::changed_since_signed(&register)
        .map_err(|err| anyhow::anyhow!("could not compare signed QA checks: {err}"))?;
    problems.extend(changed.into_iter().map(|c| Problem {
        record: format!("QA checklist {}", c.checklist),
        field: "status",
        message: format!(
            "changed since its paper copy was signed: the signed copy shows fingerprint {}, \
             a reprint would show {}",
            c.signed, c.now
        ),
    }));
    if problems.is_empty() {
        println!("no problems found");
    } else {
        println!("{} problem(s):", problems.len());
        for problem in &problems {
            println!("  {problem}");
        }
    }
    Ok(())
}

fn counts(register: &Register) -> Vec<String> {
    let count = |f: fn(&PlacementStatus) -> bool| {
        register.placements.iter().filter(|p| f(&p.status)).count()
    };
    let active = count(|s| matches!(s, PlacementStatus::Active));
    let planned = count(|s| matches!(s, PlacementStatus::Planned));
    let ended = count(|s| matches!(s, PlacementStatus::Ended { .. }));
    let signed = register
        .checklists
        .iter()
        .filter(|c| matches!(c.status, ChecklistStatus::Signed { .. }))
        .count();
    vec![
        format!(
            "{} placements ({active} active, {planned} planned, {ended} ended)",
            register.placements.len()
        ),
        format!("{} providers", register.providers.len()),
        format!(
            "{} QA checklists ({signed} signed) from {}",
            register.checklists.len(),
            words::count(register.checklist_templates.len(), "template")
        ),
        format!(
            "{} academic years in the term calendar",
            register.calendar.years.len()
        ),
    ]
}

/// One record a line: id, a tab, name.
pub(super) fn list(file: &Path, what: ListWhat) -> Result<(), Failure> {
    let register = load(file)?;
    let mut out = String::new();
    match what {
        ListWhat::Placements => {
            for placement in &register.placements {
                out.push_str(&format!("{}\t{}\n", placement.id, placement.pupil.name));
            }
        }
        ListWhat::Providers => {
            for provider in &register.providers {
                out.push_str(&format!("{}\t{}\n", provider.id, provider.name));
            }
        }
    }
    print!("{out}");
    Ok(())
}
