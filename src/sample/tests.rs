//! Tests of the sample generator.

use std::collections::HashSet;

use jiff::civil::date;

use super::placements::upn_check_letter;
use super::{DEFAULT_PLACEMENTS, DEFAULT_SEED, SAMPLE_TODAY, generate};
use crate::model::due::{DueKind, Severity, Subject, days_between, due_items};
use crate::model::{
    Answer, AttendanceCode, ChecklistStatus, Judgement, PlacementKind, PlacementStatus, Register,
    RegistrationStatus, default_template,
};

fn names(register: &Register) -> Vec<&str> {
    let pupils = register.placements.iter().map(|p| p.pupil.name.as_str());
    pupils.collect()
}

/// Every record id in the register, in no particular order.
fn all_ids(register: &Register) -> Vec<u32> {
    let mut ids = Vec::new();
    for provider in &register.providers {
        ids.push(provider.id.0);
        ids.extend(provider.sites.iter().map(|s| s.id.0));
        ids.extend(provider.documents.iter().map(|d| d.id.0));
    }
    for placement in &register.placements {
        ids.push(placement.id.0);
        let plan = placement.plan.iter().flat_map(|plan| &plan.objectives);
        ids.extend(plan.map(|o| o.id.0));
        ids.extend(placement.reviews.iter().map(|r| r.id.0));
        ids.extend(placement.contacts.iter().map(|c| c.id.0));
        ids.extend(placement.attendance.iter().map(|a| a.id.0));
    }
    for template in &register.checklist_templates {
        ids.push(template.id.0);
        for section in &template.sections {
            ids.push(section.id.0);
            ids.extend(section.items.iter().map(|i| i.id.0));
        }
    }
    ids.extend(register.checklists.iter().map(|c| c.id.0));
    ids
}

#[test]
fn same_seed_gives_an_identical_register() {
    assert_eq!(generate(80, 7), generate(80, 7));
    assert_eq!(
        generate(DEFAULT_PLACEMENTS, DEFAULT_SEED),
        generate(DEFAULT_PLACEMENTS, DEFAULT_SEED)
    );
}

#[test]
fn the_sample_file_is_the_same_every_time_and_reads_back() {
    let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
    let text = crate::storage::to_ron(&register).expect("encode");
    let again = crate::storage::to_ron(&generate(DEFAULT_PLACEMENTS, DEFAULT_SEED));
    assert_eq!(text, again.expect("encode"));
    let path = std::path::Path::new("sample.ron");
    let read = crate::storage::parse(path, &text).expect("decode");
    assert_eq!(read, register);
}

#[test]
fn different_seeds_give_different_registers() {
    assert_ne!(generate(24, 1), generate(24, 2));
    assert_ne!(generate(24, 0), generate(24, u64::MAX));
}

#[test]
fn first_pupils_have_accented_names() {
    let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
    let first: Vec<&str> = names(&register).into_iter().take(5).collect();
    for wanted in ["Zoë", "Siân", "Łukasz", "Aoife", "Nasir"] {
        assert!(
            first.iter().any(|name| name.contains(wanted)),
            "{wanted} in {first:?}"
        );
    }
    let all = names(&register);
    for wanted in ["Ffion Wyn-Ŵyn", "Nguyễn Văn An", "Ngozi Ọkọ́nkwọ́"] {
        assert!(all.contains(&wanted), "{wanted} missing");
    }
}

#[test]
fn every_status_kind_and_code_is_used() {
    let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
    for status in RegistrationStatus::ALL {
        let used = register
            .providers
            .iter()
            .any(|p| p.registration.status == status);
        assert!(used, "{status:?} unused");
    }
    for kind in PlacementKind::ALL {
        assert!(
            register.placements.iter().any(|p| p.kind == kind),
            "{kind:?} unused"
        );
    }
    for code in AttendanceCode::ALL {
        let used = register
            .placements
            .iter()
            .any(|p| p.attendance_code == code);
        assert!(used, "{code:?} unused");
    }
    for status in ["Planned", "Active", "Ended"] {
        let used = register
            .placements
            .iter()
            .any(|p| p.status_label() == status);
        assert!(used, "no {status} placement");
    }
}

#[test]
fn generated_registers_have_no_problems() {
    for seed in [0, 1, 2, 42, 2026, u64::MAX] {
        for size in [0, 1, 5, 9, 24, 100, 400] {
            let problems = generate(size, seed).problems();
            assert!(problems.is_empty(), "seed {seed}, {size}: {problems:?}");
        }
    }
}

#[test]
fn default_sample_has_each_overdue_kind() {
    let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
    let items = due_items(&register, SAMPLE_TODAY);
    let overdue: HashSet<DueKind> = items
        .iter()
        .filter(|item| item.severity == Severity::Overdue)
        .map(|item| item.kind)
        .collect();
    for kind in [
        DueKind::Review,
        DueKind::Contact,
        DueKind::LaNotInformed,
        DueKind::Plan,
        DueKind::ProviderDocument,
    ] {
        assert!(overdue.contains(&kind), "no overdue {kind:?}");
    }
}

#[test]
fn an_off_site_direction_nears_its_maximum_period() {
    let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
    let items = due_items(&register, SAMPLE_TODAY);
    let near = items
        .iter()
        .find(|item| item.kind == DueKind::MaximumPeriod && item.severity == Severity::DueSoon);
    let Some(Subject::Placement(id)) = near.map(|item| item.subject) else {
        panic!("no direction near its maximum period: {items:?}");
    };
    let placement = register.placement(id).expect("placement");
    assert_eq!(placement.kind, PlacementKind::OffSiteDirection);
}

#[test]
fn scripted_lapses_are_the_only_overdue_reviews_of_the_scripted_pupils() {
    let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
    let items = due_items(&register, SAMPLE_TODAY);
    let overdue_review = |name: &str| {
        let placement = register.placements.iter().find(|p| p.pupil.name == name);
        let id = placement.expect("scripted placement").id;
        items.iter().any(|item| {
            item.kind == DueKind::Review
                && item.severity == Severity::Overdue
                && item.subject == Subject::Placement(id)
        })
    };
    assert!(overdue_review("Siân Griffiths"));
    assert!(!overdue_review("Zoë Clarke"));
    assert!(!overdue_review("Aoife Byrne"));
}

#[test]
fn ids_are_unique_and_the_next_id_is_fresh() {
    for size in [DEFAULT_PLACEMENTS, 500] {
        let mut register = generate(size, 3);
        let ids = all_ids(&register);
        let unique: HashSet<u32> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len());
        let highest = ids.iter().copied().max().unwrap_or(0);
        assert_eq!(register.next_id, highest + 1);
        assert_eq!(register.allocate_id(), highest + 1);
    }
}

#[test]
fn provider_count_scales_with_placements() {
    assert_eq!(generate(DEFAULT_PLACEMENTS, 1).providers.len(), 8);
    assert_eq!(generate(400, 1).providers.len(), 20);
    let register = generate(400, 1);
    let names: HashSet<&str> = register.providers.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names.len(),
        register.providers.len(),
        "provider names repeat"
    );
}

#[test]
fn attendance_adds_up_and_records_lie_in_the_past() {
    let register = generate(300, 11);
    for placement in &register.placements {
        for ret in &placement.attendance {
            let counted = ret.attended + ret.authorised_absences + ret.unauthorised_absences;
            assert!(counted <= ret.sessions_offered, "{ret:?}");
            assert!(ret.to.is_some_and(|to| to < SAMPLE_TODAY));
        }
        let start = placement.start.expect("start");
        for review in &placement.reviews {
            let day = review.date.expect("review date");
            assert!(
                start <= day && day < SAMPLE_TODAY,
                "{day} for start {start}"
            );
            let rated = review.progress.len();
            let objectives = placement.plan.as_ref().map_or(0, |p| p.objectives.len());
            assert_eq!(rated, objectives, "every objective rated");
        }
        for contact in &placement.contacts {
            assert!(contact.date.is_some_and(|day| day < SAMPLE_TODAY));
        }
    }
}

#[test]
fn dates_of_birth_match_year_groups() {
    let register = generate(300, 5);
    for placement in &register.placements {
        let pupil = &placement.pupil;
        let born = pupil.date_of_birth.expect("date of birth");
        let academic = match placement.status {
            PlacementStatus::Ended { on, .. } if on < date(2026, 9, 1) => 2025,
            _ => 2026,
        };
        // Age on 31 August at the start of the academic year, less four.
        let age = academic - born.year() - i16::from(born.month() >= 9);
        assert_eq!(
            age - 4,
            i16::from(pupil.year_group),
            "{} born {born}",
            pupil.name
        );
    }
}

#[test]
fn upns_have_thirteen_characters_and_a_valid_check_letter() {
    let register = generate(300, 9);
    let upns: Vec<&str> = register
        .placements
        .iter()
        .map(|p| p.pupil.upn.as_str())
        .filter(|upn| !upn.is_empty())
        .collect();
    assert!(upns.len() > 240, "most pupils have a UPN");
    for upn in upns {
        assert_eq!(upn.chars().count(), 13, "{upn}");
        let (letter, digits) = upn.split_at(1);
        assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{upn}");
        assert_eq!(letter, upn_check_letter(digits).to_string(), "{upn}");
    }
}

#[test]
fn some_provider_documents_have_expired_or_expire_soon() {
    let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
    let expiries: Vec<i64> = register
        .providers
        .iter()
        .flat_map(|p| &p.documents)
        .filter_map(|d| d.expires_on)
        .map(|on| days_between(SAMPLE_TODAY, on))
        .collect();
    assert!(expiries.iter().any(|days| *days < 0));
    assert!(expiries.iter().any(|days| (0..=30).contains(days)));
}

#[test]
fn twenty_thousand_placements_have_unique_ids() {
    // Speed is measured by examples/bench_storage, never asserted here.
    let register = generate(20_000, DEFAULT_SEED);
    assert_eq!(register.placements.len(), 20_000);
    assert_eq!(register.providers.len(), 1_000);
    let ids = all_ids(&register);
    assert_eq!(
        ids.iter().copied().collect::<HashSet<u32>>().len(),
        ids.len()
    );
}

#[test]
fn default_sample_has_the_default_template_and_qa_checks() {
    let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
    let [template] = register.checklist_templates.as_slice() else {
        panic!("one template: {:?}", register.checklist_templates);
    };
    let default = default_template();
    assert_eq!(template.name, default.name);
    assert_eq!(template.item_count(), default.item_count());
    assert!(
        register.checklists.len() >= 5,
        "{}",
        register.checklists.len()
    );
    let count = |label: &str| {
        let with = register
            .checklists
            .iter()
            .filter(|c| c.status.label() == label);
        with.count()
    };
    assert_eq!(count("Draft"), 1);
    assert_eq!(count("Complete"), 1);
    assert!(count("Signed") >= 5, "most checks are signed");
    assert!(
        register
            .checklists
            .iter()
            .all(|c| c.template == template.id)
    );
}

#[test]
fn default_sample_shows_each_qa_lapse() {
    let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
    let items = due_items(&register, SAMPLE_TODAY);
    for kind in [DueKind::QaMissing, DueKind::QaOutOfDate, DueKind::QaActions] {
        let overdue = items
            .iter()
            .any(|item| item.kind == kind && item.severity == Severity::Overdue);
        assert!(overdue, "no overdue {kind:?}: {items:?}");
    }
}

#[test]
fn a_provider_is_first_checked_before_its_first_placement_starts() {
    for (size, seed) in [(DEFAULT_PLACEMENTS, DEFAULT_SEED), (300, 4)] {
        let register = generate(size, seed);
        for provider in &register.providers {
            let checked = register.checklists_for(provider.id);
            let Some(first) = checked.filter_map(|c| c.visit_date).min() else {
                continue;
            };
            let starts = register.placements_at(provider.id).filter_map(|p| p.start);
            let start = starts.min().expect("a checked provider is used");
            assert!(
                first < start,
                "{}: checked {first}, started {start}",
                provider.name
            );
        }
        for checklist in &register.checklists {
            let provider = register.provider(checklist.provider).expect("provider");
            assert!(register.template(checklist.template).is_some());
            assert!(checklist.visit_date.is_some_and(|day| day < SAMPLE_TODAY));
            if let Some(site) = checklist.site {
                assert!(provider.site(site).is_some(), "site {site}");
            }
            for id in &checklist.placements {
                let placement = register.placement(*id).expect("placement");
                assert_eq!(placement.provider, checklist.provider);
            }
        }
    }
}

#[test]
fn finished_qa_checks_are_answered_signed_and_dated_in_order() {
    let register = generate(300, 4);
    let finished = register
        .checklists
        .iter()
        .filter(|c| c.status.is_finished());
    for checklist in finished {
        let id = checklist.id;
        assert_eq!(checklist.count(Answer::NotYetChecked), 0, "checklist {id}");
        assert!(checklist.count(Answer::Yes) > checklist.items().count() / 2);
        assert_ne!(checklist.judgement, Judgement::NotJudged);
        assert!(checklist.next_qa.is_some());
        let visit = checklist.visit_date.expect("visit date");
        let completed = checklist.sign_off.completed_by.date.expect("completed");
        assert!(
            visit <= completed && completed < SAMPLE_TODAY,
            "checklist {id}"
        );
        if let ChecklistStatus::Signed { on, .. } = checklist.status {
            let sign_off = &checklist.sign_off;
            assert_eq!(sign_off.countersigned_by.date, Some(on));
            assert!(
                sign_off
                    .provider_representative
                    .date
                    .is_some_and(|d| d <= on)
            );
            assert!(completed <= on && on < SAMPLE_TODAY, "checklist {id}");
        }
        for item in checklist.items() {
            let checked = item.checked_on.expect("checked on");
            assert!(visit <= checked && checked <= completed, "checklist {id}");
            assert!(!item.checked_by.is_empty());
            assert_eq!(item.evidence_seen, !item.evidence_reference.is_empty());
            if item.answer == Answer::No {
                assert!(!item.note.is_empty(), "a No says why: {}", item.text);
            }
        }
        for action in &checklist.actions {
            assert!(!action.description.is_empty() && !action.owner.is_empty());
            assert!(action.due.is_some_and(|due| due > visit));
            assert!(action.done_on.is_none_or(|done| done < SAMPLE_TODAY));
        }
    }
}

#[test]
fn qa_evidence_notes_a_reference_and_never_a_dbs_certificate_copy() {
    let register = generate(300, 4);
    let items = register.checklists.iter().flat_map(|c| c.items());
    for item in items {
        let reference = item.evidence_reference.to_lowercase();
        for banned in ["dbs certificate", "copy", "copies"] {
            assert!(!reference.contains(banned), "{reference}");
        }
    }
}

#[test]
fn qa_checks_are_deterministic_and_a_few_per_provider() {
    let register = generate(400, 9);
    assert_eq!(register.checklists, generate(400, 9).checklists);
    let providers = register.providers.len();
    assert!(register.checklists.len() > providers / 2);
    assert!(register.checklists.len() <= 3 * providers);
    let mut order = register.checklists.iter().map(|c| c.visit_date);
    let sorted = order
        .clone()
        .zip(order.clone().skip(1))
        .all(|(a, b)| a <= b);
    assert!(sorted, "checklists are kept in the order they were started");
    assert!(order.all(|day| day.is_some()));
}

#[test]
fn every_default_checklist_item_has_sample_wording() {
    let template = default_template();
    let texts: Vec<&str> = template
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|item| item.text.as_str())
        .collect();
    let rules = super::checklist_items::rules_for(texts.iter().copied());
    for (text, rule) in texts.iter().zip(&rules) {
        assert!(rule.is_some(), "no sample wording for {text:?}");
    }
}
