//! QA checklists through the window: starting a check of a provider the
//! start page says was never checked, answering it, the sign-off rules,
//! printing through a scripted file picker and the template editor.

mod ui_common;

use ap_monitor::model::due::{DueKind, Subject, due_items};
use ap_monitor::model::{Answer, ChecklistId, ChecklistStatus, Judgement, ProviderId, Register};
use ap_monitor::sample::SAMPLE_TODAY;
use ap_monitor::ui::{App, Command, PlacementTab, Screen, ScriptedPicker};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use ui_common::*;

/// A provider the QA-missing rule fires for, with the rule's reason.
fn unchecked_provider(register: &Register) -> (ProviderId, String) {
    let item = due_items(register, SAMPLE_TODAY)
        .into_iter()
        .find(|i| i.kind == DueKind::QaMissing)
        .expect("the sample has a provider never QA checked");
    let Subject::Provider(id) = item.subject else {
        panic!("a QA item is about a provider")
    };
    (id, item.reason)
}

fn qa_missing(register: &Register, provider: ProviderId) -> bool {
    due_items(register, SAMPLE_TODAY)
        .iter()
        .any(|i| i.kind == DueKind::QaMissing && i.subject == Subject::Provider(provider))
}

/// Opens provider `id` at its QA checks tab and starts a check.
fn start_check(harness: &mut Harness<'static, App>, id: ProviderId) {
    show_qa_checks(harness, id);
    click(harness, "Start QA check…");
}

#[test]
fn a_check_answered_in_the_form_clears_the_missing_qa_item() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    let register = harness.state().document().register().clone();
    let (provider, _) = unchecked_provider(&register);
    let attention = |h: &Harness<'static, App>| {
        h.get_by_label_contains("Needs attention (")
            .accesskit_node()
            .label()
            .unwrap_or_default()
    };
    let before = attention(&harness);
    let earliest = register
        .placements_at(provider)
        .filter(|p| !p.is_ended())
        .filter_map(|p| p.start)
        .min()
        .expect("a placement with a start date");

    start_check(&mut harness, provider);
    let checklists = harness.state().document().register().checklists.len();
    assert_eq!(checklists, register.checklists.len() + 1);

    fill(
        &mut harness,
        "Visit date",
        &ap_monitor::model::dates::format_date(earliest),
    );
    fill(&mut harness, "Visited by", "Daniel Whitworth");
    click(&mut harness, "A1: Yes");
    click(&mut harness, "A2: No");
    click(&mut harness, "Evidence seen for A1");
    fill(&mut harness, "Note for A2", "Satellite site not listed");
    harness.get_by_label("Status").scroll_to_me();
    harness.run();
    choose(&mut harness, "Overall judgement", "Suitable with actions");
    choose(&mut harness, "Status", "Complete");
    click(&mut harness, "Finish with items not yet checked");
    click(&mut harness, "Apply checklist");

    let register = harness.state().document().register().clone();
    let checklist = register.checklists_for(provider).last().unwrap().clone();
    assert_eq!(checklist.judgement, Judgement::SuitableWithActions);
    assert!(checklist.status.is_finished(), "{:?}", checklist.status);
    let items: Vec<_> = checklist.items().collect();
    assert_eq!(items[0].answer, Answer::Yes);
    assert!(items[0].evidence_seen);
    assert_eq!(items[1].answer, Answer::No);
    assert_eq!(items[1].note, "Satellite site not listed");
    assert!(!qa_missing(&register, provider), "the QA item is still due");

    assert_ne!(attention(&harness), before, "the overdue count went down");

    // One undo step takes the whole Apply back.
    harness.state_mut().queue(Command::Undo);
    harness.run();
    let undone = harness.state().document().register();
    assert!(
        undone
            .checklists_for(provider)
            .last()
            .unwrap()
            .status
            .label()
            == "Draft"
    );
}

#[test]
fn a_signed_status_without_its_date_is_shown_beside_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    let (provider, _) = unchecked_provider(harness.state().document().register());
    start_check(&mut harness, provider);
    let steps_before = harness.state().document().register().clone();

    harness.get_by_label("Status").scroll_to_me();
    harness.run();
    choose(&mut harness, "Status", "Signed");
    fill(&mut harness, "Completed by: name", "Daniel Whitworth");
    click(&mut harness, "Apply checklist");

    harness.get_by_label("Problem: Enter a date as dd/mm/yyyy");
    assert_eq!(harness.state().document().register(), &steps_before);
    // What was typed survives going to another screen and back.
    harness.state_mut().queue(Command::Show(Screen::Providers));
    harness.run();
    harness
        .state_mut()
        .queue(Command::Show(Screen::Provider(provider)));
    harness.run();
    harness.get_by_label("Apply checklist").scroll_to_me();
    harness.run();
    assert_eq!(
        harness
            .get_by_label("Completed by: name")
            .value()
            .as_deref(),
        Some("Daniel Whitworth")
    );
}

#[test]
fn print_plan_writes_a_pdf_where_the_picker_says() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let out = dir.path().join("plan.pdf");
    let app = App::new_with_today(Register::default(), None, SAMPLE_TODAY)
        .with_file_picker(ScriptedPicker::new([Some(out.clone())]));
    let mut harness = window(app);
    harness.state_mut().queue(Command::Open(path));
    harness.run();
    let placement = harness
        .state()
        .document()
        .register()
        .placements
        .iter()
        .find(|p| p.plan.is_some())
        .expect("a placement with a plan")
        .id;
    harness
        .state_mut()
        .queue(Command::OpenPlacement(placement, PlacementTab::Plan));
    harness.run();
    click(&mut harness, "Print plan…");
    harness.run();

    let bytes = std::fs::read(&out).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"));
    harness.get_by_label("Open in viewer");
}

#[test]
fn the_register_exports_as_csv_where_the_picker_says() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    // Typed without an extension: ".csv" is added.
    let out = dir.path().join("for the LA");
    let app = App::new_with_today(Register::default(), None, SAMPLE_TODAY)
        .with_file_picker(ScriptedPicker::new([Some(out.clone())]));
    let mut harness = window(app);
    harness.state_mut().queue(Command::Open(path));
    harness.run();

    click(&mut harness, "File");
    click(&mut harness, "Export register as CSV…");

    let text = std::fs::read_to_string(out.with_extension("csv")).expect("the CSV was written");
    let register = harness.state().document().register();
    assert_eq!(
        text,
        ap_monitor::report::register_csv(register, SAMPLE_TODAY)
    );
    assert!(text.starts_with("placement id,pupil,"), "{text}");
    assert_eq!(text.lines().count(), register.placements.len() + 1);
    assert!(text.contains(&register.placements[0].pupil.name));
    harness.get_by_label("Open in spreadsheet");
}

#[test]
fn printing_what_cannot_be_printed_says_why_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    let (provider, _) = unchecked_provider(harness.state().document().register());
    harness.state_mut().queue(Command::Print(
        ap_monitor::report::PrintRequest::Checklist {
            provider,
            checklist: None,
        },
    ));
    harness.run();
    harness.get_by_label_contains("has no completed checklist");
}

#[test]
fn the_template_editor_adds_an_item_and_moves_it_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    harness.state_mut().queue(Command::Show(Screen::Settings));
    harness.run();
    harness
        .get_by_label_contains("Checklist templates (")
        .click();
    harness.run();
    if harness
        .state()
        .document()
        .register()
        .checklist_templates
        .is_empty()
    {
        click(&mut harness, "Add the default template (A–L)");
    }
    let before = harness
        .state()
        .view()
        .drafts
        .templates
        .as_ref()
        .unwrap()
        .templates[0]
        .sections[0]
        .items
        .len();
    click(&mut harness, "Add an item to section 1");
    let new = format!("Item 1.{} text", before + 1);
    harness.get_by_label(&new).scroll_to_me();
    harness.run();
    fill(&mut harness, &new, "Lunch menu seen");
    click(&mut harness, &format!("Move item 1.{} up", before + 1));
    click(&mut harness, "Apply templates");

    let register = harness.state().document().register();
    let items = &register.checklist_templates[0].sections[0].items;
    assert_eq!(items.len(), before + 1);
    assert_eq!(items[before - 1].text, "Lunch menu seen");
    assert_ne!(items[before - 1].id.0, 0, "the new item has an id");
}

#[test]
fn without_a_file_dialog_the_pdf_path_can_be_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    let out = dir.path().join("register-summary.pdf");
    harness
        .state_mut()
        .queue(Command::Print(ap_monitor::report::PrintRequest::Register));
    harness.run();
    harness.run();
    fill(&mut harness, "File path", &out.display().to_string());
    click(&mut harness, "Save");
    let bytes = std::fs::read(&out).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn a_check_marked_signed_keeps_its_copys_fingerprint_and_notices_later_edits() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    let (provider, _) = unchecked_provider(harness.state().document().register());
    start_check(&mut harness, provider);
    fill(&mut harness, "Visit date", "02/11/2026");
    click(&mut harness, "A1: Yes");
    harness.get_by_label("Status").scroll_to_me();
    harness.run();
    choose(&mut harness, "Overall judgement", "Suitable");
    choose(&mut harness, "Status", "Complete");
    click(&mut harness, "Finish with items not yet checked");
    click(&mut harness, "Apply checklist");
    let register = harness.state().document().register();
    let id = register.checklists_for(provider).last().unwrap().id;
    // What the copy printed now, to be signed, shows in its footer.
    let printed = ap_monitor::report::checklist_fingerprint(register, id).unwrap();

    harness.get_by_label("Status").scroll_to_me();
    harness.run();
    choose(&mut harness, "Status", "Signed");
    fill(&mut harness, "Paper copy signed on", "04/11/2026");
    fill(&mut harness, "Completed by: name", "Zoë Ashworth");
    click(&mut harness, "Apply checklist");
    let status = kept_fingerprint(&harness, id);
    assert_eq!(status.as_deref(), Some(printed.as_str()));
    harness.get_by_label_contains(&format!("should show fingerprint {printed}"));
    harness.get_by_label(&printed);

    // A judgement changed after signing no longer matches the paper.
    choose(&mut harness, "Overall judgement", "Not suitable");
    click(&mut harness, "Apply checklist");
    harness.get_by_label_contains(&format!(
        "no longer matches its signed paper copy (fingerprint {printed})"
    ));
    let status = kept_fingerprint(&harness, id);
    assert_eq!(
        status.as_deref(),
        Some(printed.as_str()),
        "the signed copy's is kept"
    );
}

/// The fingerprint a signed checklist keeps, or `None` if it is not signed.
fn kept_fingerprint(harness: &Harness<'static, App>, id: ChecklistId) -> Option<String> {
    match &harness.state().document().register().checklist(id)?.status {
        ChecklistStatus::Signed { fingerprint, .. } => Some(fingerprint.clone()),
        _ => None,
    }
}

#[test]
fn opening_a_signed_check_that_no_longer_matches_its_copy_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut register = ap_monitor::sample::generate(24, 1);
    let index = register
        .checklists
        .iter()
        .position(|c| matches!(c.status, ChecklistStatus::Signed { .. }))
        .expect("a signed check in the sample");
    let id = register.checklists[index].id;
    let provider = register.checklists[index].provider;
    let when = ap_monitor::model::dates::format_optional(register.checklists[index].visit_date);
    let real = ap_monitor::report::checklist_fingerprint(&register, id).unwrap();
    let warning = "Changed since its paper copy was signed";

    for (kept, differs) in [(real.clone(), false), ("00000000".to_owned(), true)] {
        if let ChecklistStatus::Signed { fingerprint, .. } = &mut register.checklists[index].status
        {
            *fingerprint = kept;
        }
        let path = dir.path().join(format!("signed-{differs}.ron"));
        ap_monitor::storage::save(&path, &register).unwrap();
        let mut harness = open_window(&path);
        show_qa_checks(&mut harness, provider);
        click(&mut harness, &format!("Open the QA check of {when}"));

        assert_eq!(
            harness.query_by_label(warning).is_some(),
            differs,
            "kept {differs}"
        );
        if differs {
            harness.get_by_label("Status").scroll_to_me();
            harness.run();
            harness.get_by_label_contains(&format!("a reprint would show {real}"));
        }
    }
}
