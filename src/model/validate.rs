//! Consistency checks on a loaded register. A file can be well formed and
//! still wrong: a placement that points at a provider that was never
//! entered, an attendance return with more sessions attended than offered.
//! These are reported, never silently repaired.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::{
    AttendanceCode, Checklist, Commissioner, Placement, PlacementId, PlacementStatus, Provider,
    ProviderId, Register,
};

/// One inconsistency, located by record and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The record, such as "placement 7" or "provider 3".
    pub record: String,
    /// The field, such as "attendance_code".
    pub field: &'static str,
    /// What is wrong, in words for the user.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {}: {}", self.record, self.field, self.message)
    }
}

/// All problems in the register, in a stable order.
pub(super) fn problems(register: &Register) -> Vec<Problem> {
    let mut out = Vec::new();
    for message in register.calendar.problems() {
        out.push(Problem {
            record: "settings".into(),
            field: "calendar",
            message,
        });
    }
    duplicate_ids(register, &mut out);
    let providers = register.provider_index();
    for placement in &register.placements {
        placement_problems(&providers, placement, &mut out);
    }
    let placements: HashMap<PlacementId, &Placement> =
        register.placements.iter().map(|p| (p.id, p)).collect();
    for checklist in &register.checklists {
        checklist_problems(&providers, &placements, checklist, &mut out);
    }
    out
}

fn duplicate_ids(register: &Register, out: &mut Vec<Problem>) {
    let providers = register.providers.iter().map(|p| p.id.0);
    used_twice("provider", providers, out);
    let placements = register.placements.iter().map(|p| p.id.0);
    used_twice("placement", placements, out);
    let checklists = register.checklists.iter().map(|c| c.id.0);
    used_twice("QA checklist", checklists, out);
}

fn used_twice(kind: &str, ids: impl Iterator<Item = u32>, out: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            out.push(problem(kind, id, "id", "id is used twice".into()));
        }
    }
}

/// A QA checklist must name a provider in the register, one of its sites,
/// and only placements at that provider: a printed check that names the
/// wrong provider or pupils is worse than none.
fn checklist_problems(
    providers: &HashMap<ProviderId, &Provider>,
    placements: &HashMap<PlacementId, &Placement>,
    checklist: &Checklist,
    out: &mut Vec<Problem>,
) {
    let id = checklist.id.0;
    let mut push = |field, message: String| out.push(problem("QA checklist", id, field, message));

    let Some(provider) = providers.get(&checklist.provider) else {
        push(
            "provider",
            format!(
                "refers to provider {}, which is not in the register",
                checklist.provider
            ),
        );
        return;
    };
    if let Some(site) = checklist.site
        && provider.site(site).is_none()
    {
        push(
            "site",
            format!("site {site} is not a site of provider {}", provider.id),
        );
    }
    for placement in &checklist.placements {
        match placements.get(placement) {
            None => push(
                "placements",
                format!("refers to placement {placement}, which is not in the register"),
            ),
            Some(p) if p.provider != provider.id => push(
                "placements",
                format!("placement {placement} is at another provider"),
            ),
            Some(_) => {}
        }
    }
}

fn problem(kind: &str, id: u32, field: &'static str, message: String) -> Problem {
    Problem {
        record: format!("{kind} {id}"),
        field,
        message,
    }
}

fn placement_problems(
    providers: &HashMap<ProviderId, &Provider>,
    placement: &Placement,
    out: &mut Vec<Problem>,
) {
    let id = placement.id.0;
    let mut push = |field, message: String| out.push(problem("placement", id, field, message));

    match providers.get(&placement.provider) {
        None => push(
            "provider",
            format!(
                "refers to provider {}, which is not in the register",
                placement.provider
            ),
        ),
        Some(provider) => {
            for site in &placement.sites {
                if provider.site(*site).is_none() {
                    push(
                        "sites",
                        format!("site {site} is not a site of provider {}", provider.id),
                    );
                }
            }
        }
    }

    if placement.pupil.name.trim().is_empty() {
        push("pupil.name", "the pupil has no name".into());
    }
    if placement.pupil.year_group > 14 {
        push(
            "pupil.year_group",
            format!("year {} is not a school year", placement.pupil.year_group),
        );
    }

    code_problems(placement, &mut push);
    date_problems(placement, &mut push);
    record_problems(placement, &mut push);
}

fn code_problems(placement: &Placement, push: &mut impl FnMut(&'static str, String)) {
    match (placement.commissioner, placement.attendance_code) {
        (Commissioner::School, AttendanceCode::K) => push(
            "attendance_code",
            "school-arranged provision is coded B (or D if dual registered), never K".into(),
        ),
        (Commissioner::LocalAuthority, AttendanceCode::B) => {
            push(
                "attendance_code",
                "provision arranged by the local authority is coded K".into(),
            );
        }
        _ => {}
    }
}

fn date_problems(placement: &Placement, push: &mut impl FnMut(&'static str, String)) {
    let Some(start) = placement.start else {
        if !matches!(placement.status, PlacementStatus::Planned) {
            push("start", "the placement has no start date".into());
        }
        return;
    };
    if placement.planned_end.is_some_and(|end| end < start) {
        push("planned_end", "the planned end is before the start".into());
    }
    if placement.maximum_end.is_some_and(|end| end < start) {
        push(
            "maximum_end",
            "the maximum period ends before the start".into(),
        );
    }
    if let PlacementStatus::Ended { on, .. } = placement.status
        && on < start
    {
        push("status", "the placement ended before it started".into());
    }
    for session in &placement.sessions {
        if session.end <= session.start {
            push(
                "sessions",
                format!("the {} session ends before it starts", session.day.short()),
            );
        }
    }
}

fn record_problems(placement: &Placement, push: &mut impl FnMut(&'static str, String)) {
    for ret in &placement.attendance {
        let counted = ret.attended + ret.authorised_absences + ret.unauthorised_absences;
        if counted > ret.sessions_offered {
            push(
                "attendance",
                format!(
                    "return {}: {counted} sessions attended or missed, but only {} offered",
                    ret.id, ret.sessions_offered
                ),
            );
        }
        if let (Some(from), Some(to)) = (ret.from, ret.to)
            && to < from
        {
            push(
                "attendance",
                format!("return {}: the period ends before it starts", ret.id),
            );
        }
    }
    for review in &placement.reviews {
        if let (Some(possible), Some(attended)) =
            (review.sessions_possible, review.sessions_attended)
            && attended > possible
        {
            push(
                "reviews",
                format!(
                    "review {}: {attended} sessions attended of {possible} possible",
                    review.id
                ),
            );
        }
        for rated in &review.progress {
            let known = placement
                .plan
                .as_ref()
                .and_then(|plan| plan.objective(rated.objective));
            if known.is_none() {
                push(
                    "reviews",
                    format!(
                        "review {} rates objective {}, which the plan does not have",
                        review.id, rated.objective
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChecklistId, SiteId};
    use crate::sample::generate;

    fn messages(register: &Register) -> Vec<String> {
        register
            .problems()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// The sample with its first checklist's provider, and a placement at
    /// another provider.
    fn register_with_checklist() -> (Register, usize, PlacementId) {
        let register = generate(40, 3);
        assert!(messages(&register).is_empty(), "{:?}", messages(&register));
        let index = 0;
        let provider = register.checklists[index].provider;
        let elsewhere = register
            .placements
            .iter()
            .find(|p| p.provider != provider)
            .map(|p| p.id)
            .expect("placements at more than one provider");
        (register, index, elsewhere)
    }

    #[test]
    fn a_checklist_of_a_missing_provider_is_reported() {
        let (mut register, i, _) = register_with_checklist();
        register.checklists[i].provider = ProviderId(99_999);
        let id = register.checklists[i].id;
        assert_eq!(
            messages(&register),
            [format!(
                "QA checklist {id}, provider: refers to provider 99999, which is not in the \
                 register"
            )]
        );
    }

    #[test]
    fn a_checklist_naming_the_wrong_site_or_pupils_is_reported() {
        let (mut register, i, elsewhere) = register_with_checklist();
        let checklist = &mut register.checklists[i];
        checklist.site = Some(SiteId(99_998));
        checklist.placements = vec![elsewhere, PlacementId(99_997)];
        let (id, provider) = (checklist.id, checklist.provider);
        assert_eq!(
            messages(&register),
            [
                format!("QA checklist {id}, site: site 99998 is not a site of provider {provider}"),
                format!(
                    "QA checklist {id}, placements: placement {elsewhere} is at another provider"
                ),
                format!(
                    "QA checklist {id}, placements: refers to placement 99997, which is not in \
                     the register"
                ),
            ]
        );
    }

    #[test]
    fn a_checklist_id_used_twice_is_reported() {
        let (mut register, i, _) = register_with_checklist();
        let copy = register.checklists[i].clone();
        let id: ChecklistId = copy.id;
        register.checklists.push(copy);
        assert_eq!(
            messages(&register),
            [format!("QA checklist {id}, id: id is used twice")]
        );
    }
}
