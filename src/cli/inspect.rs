//! `check` and `list`: what is in a register file.

use std::path::Path;

use super::{Failure, ListWhat, load};
use crate::model::{ChecklistStatus, PlacementStatus, Register};

/// Loads and validates; prints counts, then every problem.
pub(super) fn check(file: &Path) -> Result<(), Failure> {
    let register = load(file)?;
    println!("{}: format {}", file.display(), register.format_version);
    for line in counts(&register) {
        println!("  {line}");
    }
    let problems = register.problems();
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
            match register.checklist_templates.len() {
                1 => "1 template".to_owned(),
                n => format!("{n} templates"),
            }
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
