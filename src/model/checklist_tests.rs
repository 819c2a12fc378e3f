//! Tests of the checklist model and the QA due rules.

use jiff::civil::{Date, date};

use super::*;
use crate::model::due::due_items;
use crate::model::{Placement, PlacementStatus, Provider};

const TODAY: Date = date(2026, 11, 20);

fn register_with_provider() -> Register {
    let mut register = Register::default();
    register.providers.push(Provider {
        id: ProviderId(1),
        name: "Hillside Farm Learning".into(),
        ..Provider::default()
    });
    register.next_id = 10;
    register
}

fn placement(id: u32, start: Date, status: PlacementStatus) -> Placement {
    Placement {
        id: PlacementId(id),
        provider: ProviderId(1),
        start: Some(start),
        status,
        ..Placement::default()
    }
}

fn finished_check(register: &mut Register, visit: Date) -> ChecklistId {
    let template = register.add_template(default_template());
    let id = register
        .start_checklist(template, ProviderId(1))
        .expect("template was just added");
    let checklist = register
        .checklists
        .iter_mut()
        .find(|c| c.id == id)
        .expect("checklist was just started");
    checklist.visit_date = Some(visit);
    checklist.status = ChecklistStatus::Complete;
    id
}

fn qa(register: &Register) -> Vec<DueItem> {
    let mut out = Vec::new();
    qa_items(register, TODAY, &mut out);
    out
}

fn only(items: &[DueItem], kind: DueKind) -> &DueItem {
    let found: Vec<&DueItem> = items.iter().filter(|i| i.kind == kind).collect();
    assert_eq!(found.len(), 1, "expected one {kind:?} in {items:#?}");
    found[0]
}

#[test]
fn default_template_parses_with_sections_a_to_l() {
    let template = default_template();
    let letters: Vec<&str> = template
        .sections
        .iter()
        .map(|s| s.letter.as_str())
        .collect();
    assert_eq!(
        letters,
        ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"]
    );
    assert!(
        template.item_count() >= 60,
        "{} items",
        template.item_count()
    );
    assert!(template.sections.iter().all(|s| !s.title.is_empty()));
    let items = template.sections.iter().flat_map(|s| &s.items);
    for item in items {
        assert!(
            !item.text.contains('—'),
            "source tag left in {:?}",
            item.text
        );
        assert!(
            !item.text.contains("[S"),
            "source reference left in {:?}",
            item.text
        );
    }
}

#[test]
fn default_template_ids_are_unique() {
    let template = default_template();
    let mut ids: Vec<u32> = template.sections.iter().map(|s| s.id.0).collect();
    ids.extend(
        template
            .sections
            .iter()
            .flat_map(|s| s.items.iter().map(|i| i.id.0)),
    );
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count);
    assert!(!ids.contains(&0));
}

#[test]
fn seen_in_tags_are_kept_apart_from_the_text() {
    let template = default_template();
    let first = &template.sections[0].items[0];
    assert_eq!(
        first.text,
        "Legal and trading name; main contact; named contact for pupil matters"
    );
    assert_eq!(first.seen_in, "LIN WOK");
}

#[test]
fn adding_a_template_gives_register_wide_ids() {
    let mut register = register_with_provider();
    let id = register.add_template(default_template());
    assert!(id.0 >= 10);
    let next = register.allocate_id();
    let template = register.template(id).expect("added");
    let highest = template
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| i.id.0)
        .max();
    assert!(highest.is_some_and(|h| h < next));
}

#[test]
fn a_checklist_keeps_its_wording_when_the_template_changes() {
    let mut register = register_with_provider();
    let template = register.add_template(default_template());
    let id = register
        .start_checklist(template, ProviderId(1))
        .expect("started");
    register.checklist_templates[0].sections[0].items[0].text = "Reworded".into();
    let checklist = register.checklist(id).expect("exists");
    assert_eq!(
        checklist.sections[0].items[0].text,
        "Legal and trading name; main contact; named contact for pupil matters"
    );
    assert_eq!(
        checklist.count(Answer::NotYetChecked),
        checklist.items().count()
    );
}

#[test]
fn start_checklist_refuses_an_unknown_template() {
    let mut register = register_with_provider();
    let before = register.next_id;
    assert_eq!(
        register.start_checklist(TemplateId(99), ProviderId(1)),
        None
    );
    assert_eq!(register.next_id, before);
}

#[test]
fn checklist_round_trips_through_ron() {
    let mut register = register_with_provider();
    let id = finished_check(&mut register, date(2026, 3, 2));
    let checklist = register
        .checklists
        .iter_mut()
        .find(|c| c.id == id)
        .expect("exists");
    checklist.status = ChecklistStatus::Signed {
        on: date(2026, 3, 9),
        fingerprint: String::new(),
    };
    checklist.sections[2].items[4].note = "Seen \"SCR\" extract;\nall fine".into();
    checklist.sections[2].items[4].answer = Answer::No;
    checklist.judgement = Judgement::SuitableWithActions;
    let text = ron::ser::to_string_pretty(&register, ron::ser::PrettyConfig::default())
        .expect("serialises");
    let back: Register = ron::from_str(&text).expect("parses");
    assert_eq!(back, register);
}

#[test]
fn unknown_checklist_field_is_an_error() {
    let text = "(id: 1, provider: 2, visted_by: \"typo\")";
    assert!(ron::from_str::<Checklist>(text).is_err());
}

#[test]
fn no_check_before_an_active_placement_is_overdue() {
    let mut register = register_with_provider();
    let start = date(2026, 9, 7);
    register
        .placements
        .push(placement(2, start, PlacementStatus::Active));
    let items = qa(&register);
    let item = only(&items, DueKind::QaMissing);
    assert_eq!(item.severity, Severity::Overdue);
    assert_eq!(item.subject, Subject::Provider(ProviderId(1)));
    assert_eq!(item.due, Some(start));
    assert!(item.reason.contains("07/09/2026"), "{}", item.reason);
}

#[test]
fn no_check_before_a_planned_placement_is_due_soon() {
    let mut register = register_with_provider();
    let start = date(2027, 1, 5);
    register
        .placements
        .push(placement(2, start, PlacementStatus::Planned));
    let items = qa(&register);
    assert_eq!(only(&items, DueKind::QaMissing).severity, Severity::DueSoon);
}

#[test]
fn a_draft_check_does_not_count() {
    let mut register = register_with_provider();
    register
        .placements
        .push(placement(2, date(2026, 9, 7), PlacementStatus::Active));
    let id = finished_check(&mut register, date(2026, 9, 1));
    register.checklists.iter_mut().for_each(|c| {
        if c.id == id {
            c.status = ChecklistStatus::Draft;
        }
    });
    let items = qa(&register);
    assert_eq!(only(&items, DueKind::QaMissing).severity, Severity::Overdue);
}

#[test]
fn a_check_before_the_start_satisfies_the_rule() {
    let mut register = register_with_provider();
    register
        .placements
        .push(placement(2, date(2026, 9, 7), PlacementStatus::Active));
    finished_check(&mut register, date(2026, 9, 7));
    assert!(qa(&register).is_empty(), "{:#?}", qa(&register));
}

#[test]
fn a_check_only_after_the_start_is_a_warning() {
    let mut register = register_with_provider();
    register
        .placements
        .push(placement(2, date(2026, 9, 7), PlacementStatus::Active));
    finished_check(&mut register, date(2026, 10, 1));
    let items = qa(&register);
    let item = only(&items, DueKind::QaMissing);
    assert_eq!(item.severity, Severity::Warning);
    assert!(item.reason.contains("01/10/2026"), "{}", item.reason);
}

#[test]
fn ended_placements_raise_no_qa_items() {
    let mut register = register_with_provider();
    let ended = PlacementStatus::Ended {
        on: date(2026, 7, 1),
        outcome: String::new(),
        destination: crate::model::Destination::HomeSchool,
    };
    register
        .placements
        .push(placement(2, date(2026, 1, 5), ended));
    assert!(qa(&register).is_empty());
}

#[test]
fn a_check_over_twelve_months_old_is_overdue() {
    let mut register = register_with_provider();
    register
        .placements
        .push(placement(2, date(2025, 9, 8), PlacementStatus::Active));
    finished_check(&mut register, date(2025, 9, 1));
    let items = qa(&register);
    let item = only(&items, DueKind::QaOutOfDate);
    assert_eq!(item.severity, Severity::Overdue);
    assert_eq!(item.due, Some(date(2026, 9, 1)));
}

#[test]
fn a_check_within_thirty_days_of_a_year_is_due_soon() {
    let mut register = register_with_provider();
    register
        .placements
        .push(placement(2, date(2025, 12, 8), PlacementStatus::Active));
    finished_check(&mut register, date(2025, 12, 10));
    let items = qa(&register);
    assert_eq!(
        only(&items, DueKind::QaOutOfDate).severity,
        Severity::DueSoon
    );
}

#[test]
fn a_recent_check_raises_nothing() {
    let mut register = register_with_provider();
    register
        .placements
        .push(placement(2, date(2026, 2, 2), PlacementStatus::Active));
    finished_check(&mut register, date(2026, 1, 26));
    assert!(qa(&register).is_empty());
}

#[test]
fn an_earlier_next_qa_date_brings_the_check_forward() {
    let mut register = register_with_provider();
    register
        .placements
        .push(placement(2, date(2026, 2, 2), PlacementStatus::Active));
    let id = finished_check(&mut register, date(2026, 1, 26));
    for checklist in &mut register.checklists {
        if checklist.id == id {
            checklist.next_qa = Some(date(2026, 7, 1));
        }
    }
    let items = qa(&register);
    let item = only(&items, DueKind::QaOutOfDate);
    assert_eq!(item.severity, Severity::Overdue);
    assert_eq!(item.due, Some(date(2026, 7, 1)));
}

#[test]
fn open_qa_actions_past_due_are_overdue() {
    let mut register = register_with_provider();
    register
        .placements
        .push(placement(2, date(2026, 2, 2), PlacementStatus::Active));
    let id = finished_check(&mut register, date(2026, 1, 26));
    let action = |due: Date, done_on: Option<Date>| Action {
        description: "Send updated fire risk assessment".into(),
        owner: "Provider".into(),
        due: Some(due),
        done_on,
    };
    for checklist in &mut register.checklists {
        if checklist.id == id {
            checklist.actions = vec![
                action(date(2026, 3, 1), None),
                action(date(2026, 2, 1), Some(date(2026, 2, 1))),
                action(date(2026, 11, 1), None),
                action(date(2026, 12, 1), None),
            ];
        }
    }
    let items = qa(&register);
    let item = only(&items, DueKind::QaActions);
    assert_eq!(item.severity, Severity::Overdue);
    assert_eq!(item.due, Some(date(2026, 3, 1)));
    assert!(item.reason.starts_with("2 QA actions"), "{}", item.reason);
}

#[test]
fn due_items_include_the_qa_rules() {
    let mut register = register_with_provider();
    register
        .placements
        .push(placement(2, date(2026, 9, 7), PlacementStatus::Active));
    let items = due_items(&register, TODAY);
    assert!(items.iter().any(|i| i.kind == DueKind::QaMissing));
    assert_eq!(DueKind::QaMissing.label(), "QA check missing");
}
