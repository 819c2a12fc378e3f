//! How register values read on paper: the school and its URN, a
//! provider's registration and sites, year groups.

use crate::model::dates::format_date;
use crate::model::{Provider, Register, SiteId};

/// The school's name with its URN.
pub(super) fn school_line(register: &Register) -> String {
    let school = &register.school;
    if school.urn.trim().is_empty() {
        school.name.clone()
    } else {
        format!("{} (URN {})", school.name, school.urn)
    }
}

/// Registration status, URN and latest inspection in one line.
pub(super) fn registration_line(provider: &Provider) -> String {
    let reg = &provider.registration;
    let mut parts = vec![reg.status.label().to_owned()];
    if !reg.urn.trim().is_empty() {
        parts.push(format!("URN {}", reg.urn.trim()));
    }
    if !reg.inspection_outcome.trim().is_empty() {
        let by = if reg.inspectorate.trim().is_empty() {
            "Inspection"
        } else {
            &reg.inspectorate
        };
        let on = reg
            .inspected_on
            .map(|d| format!(" ({})", format_date(d)))
            .unwrap_or_default();
        parts.push(format!("{by}: {}{on}", reg.inspection_outcome.trim()));
    }
    parts.join(" · ")
}

/// Every site of a provider, one per line.
pub(super) fn all_sites(provider: &Provider) -> String {
    provider
        .sites
        .iter()
        .map(|site| site_words(&site.name, &site.address))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The listed sites of a provider, one per line.
pub(super) fn site_list(provider: &Provider, sites: &[SiteId]) -> String {
    sites
        .iter()
        .map(|id| site_line(provider, Some(*id)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A site as "Name: address, on, one, line".
fn site_words(name: &str, address: &str) -> String {
    let address = address
        .split('\n')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(", ");
    match (name.trim().is_empty(), address.is_empty()) {
        (true, _) => address,
        (false, true) => name.trim().to_owned(),
        (false, false) => format!("{}: {address}", name.trim()),
    }
}

/// The site visited, or every site when the check was of the whole
/// provider.
pub(super) fn site_line(provider: &Provider, site: Option<SiteId>) -> String {
    match site.map(|id| (id, provider.site(id))) {
        Some((_, Some(site))) => site_words(&site.name, &site.address),
        Some((id, None)) => format!("Site {id} (no longer recorded)"),
        None => all_sites(provider),
    }
}

/// "Year 10", or "Reception" for year 0.
pub(super) fn year_words(year: u8) -> String {
    if year == 0 {
        "Reception".to_owned()
    } else {
        format!("Year {year}")
    }
}
