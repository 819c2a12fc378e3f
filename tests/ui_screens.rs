//! The register table, drafts kept per record, the new placement form and
//! the settings, driven through the window.

mod ui_common;

use ap_monitor::model::{PlacementId, Provider, ProviderId};
use ap_monitor::ui::{App, Command, PlacementTab, Screen};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use ui_common::*;

#[test]
fn the_register_searches_sorts_and_opens_a_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    harness.get_by_label_contains("Register (").click();
    harness.run();
    let total = harness.state().document().register().placements.len();
    harness.get_by_label_contains(&format!("of {total} placements"));

    let pupil = harness.state().document().register().placements[3]
        .pupil
        .name
        .clone();
    fill(&mut harness, "Search", &pupil);
    harness.get_by_label_contains(&format!("Showing 1 of {total} placements"));

    click(&mut harness, "Pupil ▲");
    harness.get_by_label("Pupil ▼");

    click(&mut harness, &pupil);
    let id = harness.state().document().register().placements[3].id;
    assert_eq!(harness.state().view().screen, Screen::Placement(id));
}

#[test]
fn names_are_found_without_their_accents_and_sorted_by_their_letters() {
    let dir = tempfile::tempdir().unwrap();
    let mut register = ap_monitor::sample::generate(24, 1);
    let names = [
        "Zoë Quillfeather",
        "Łukasz Quillfeather",
        "Mabel Quillfeather",
        "Ava Quillfeather",
        "Lewis Quillfeather",
    ];
    for (placement, name) in register.placements.iter_mut().zip(names) {
        placement.pupil.name = name.to_owned();
    }
    let path = dir.path().join("accents.ron");
    ap_monitor::storage::save(&path, &register).unwrap();
    let mut harness = open_window(&path);
    harness.get_by_label_contains("Register (").click();
    harness.run();

    // Typed on an English keyboard, without the diaeresis.
    fill(&mut harness, "Search", "zoe");
    harness.get_by_label_contains("Showing 1 of 24 placements");
    harness.get_by_label("Zoë Quillfeather");

    // Ł sorts with the Ls, not after Z.
    fill(&mut harness, "Search", "QUILLFEATHER");
    harness.get_by_label_contains("Showing 5 of 24 placements");
    let row_of = |name: &str| harness.get_by_label(name).rect().top();
    let tops: Vec<f32> = [
        "Ava Quillfeather",
        "Lewis Quillfeather",
        "Łukasz Quillfeather",
        "Mabel Quillfeather",
        "Zoë Quillfeather",
    ]
    .iter()
    .map(|name| row_of(name))
    .collect();
    assert!(tops.is_sorted(), "rows out of order: {tops:?}");
}

#[test]
fn typing_is_kept_per_placement_until_applied() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    let (a, b) = {
        let placements = &harness.state().document().register().placements;
        (placements[0].id, placements[1].id)
    };
    harness
        .state_mut()
        .queue(Command::OpenPlacement(a, PlacementTab::Overview));
    harness.run();
    fill(&mut harness, "Name", "Typed but not applied");

    harness
        .state_mut()
        .queue(Command::OpenPlacement(b, PlacementTab::Overview));
    harness.run();
    assert_ne!(
        harness.get_by_label("Name").value().as_deref(),
        Some("Typed but not applied")
    );

    harness
        .state_mut()
        .queue(Command::OpenPlacement(a, PlacementTab::Plan));
    harness.run();
    click(&mut harness, "Overview *");
    assert_eq!(
        harness.get_by_label("Name").value().as_deref(),
        Some("Typed but not applied")
    );
    assert!(
        !harness.state().document().is_dirty(),
        "nothing applied yet"
    );
    assert!(harness.state().has_unsaved_work());

    click(&mut harness, "Revert");
    assert!(!harness.state().has_unsaved_work());
}

#[test]
fn a_new_placement_needs_a_provider_and_then_opens_at_its_plan() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    let before = harness.state().document().register().placements.len();
    let provider = harness.state().document().register().providers[0]
        .name
        .clone();

    click(&mut harness, "New placement…");
    fill(&mut harness, "Name", "Ada Lovelace");
    fill(&mut harness, "Year group", "10");
    fill(&mut harness, "Start", "04/01/2027");
    click(&mut harness, "Add placement");
    harness.get_by_label_contains("Problem: Choose the provider");
    assert_eq!(
        harness.state().document().register().placements.len(),
        before
    );

    choose(&mut harness, "Provider", &provider);
    click(&mut harness, "Add placement");
    let register = harness.state().document().register();
    assert_eq!(register.placements.len(), before + 1);
    let added = register.placements.last().unwrap();
    assert_eq!(added.pupil.name, "Ada Lovelace");
    assert_eq!(harness.state().view().screen, Screen::Placement(added.id));
    assert_eq!(harness.state().view().tab(added.id), PlacementTab::Plan);
    harness.get_by_label("Start a plan");
}

#[test]
fn a_year_added_to_the_calendar_is_saved_with_the_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    let years = harness.state().document().register().calendar.years.len();
    click(&mut harness, "Settings");
    click(&mut harness, "Add a year");
    click(&mut harness, "Apply changes");
    let calendar = &harness.state().document().register().calendar;
    assert_eq!(calendar.years.len(), years + 1);
    assert!(calendar.problems().is_empty(), "{:?}", calendar.problems());
}

#[test]
fn every_screen_and_tab_draws_with_every_field_named() {
    // `run` checks after each step that every input has an accessible
    // name, so visiting a screen is enough to test it.
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    let register = harness.state().document().register().clone();
    let placement = register.placements[0].id;
    let provider = register.providers[0].id;
    let mut commands = vec![
        Command::Show(Screen::Attention),
        Command::Show(Screen::Register),
        Command::Show(Screen::Providers),
        Command::Show(Screen::Provider(provider)),
        Command::Show(Screen::Settings),
        Command::Show(Screen::NewPlacement),
        Command::Show(Screen::NewProvider),
        Command::NewReview(placement),
    ];
    commands.extend(PlacementTab::ALL.map(|tab| Command::OpenPlacement(placement, tab)));
    for command in commands {
        harness.state_mut().queue(command.clone());
        harness.run();
        assert!(harness.state().view().error.is_none(), "{command:?}");
    }
    harness.get_by_label("Attendance over time");
}

fn has_placement(harness: &Harness<'static, App>, id: PlacementId) -> bool {
    harness
        .state()
        .document()
        .register()
        .placement(id)
        .is_some()
}

#[test]
fn a_placement_entered_by_mistake_is_deleted_after_asking_and_undo_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    let placement = &harness.state().document().register().placements[2];
    let (id, pupil) = (placement.id, placement.pupil.name.clone());
    harness
        .state_mut()
        .queue(Command::OpenPlacement(id, PlacementTab::Overview));
    harness.run();

    // The question names the pupil; keeping it changes nothing.
    click(&mut harness, "Delete placement…");
    harness.get_by_label_contains(&format!("Delete the placement of {pupil} at"));
    click(&mut harness, "Keep it");
    assert!(has_placement(&harness, id));
    assert!(!harness.state().document().is_dirty());

    click(&mut harness, "Delete placement…");
    click(&mut harness, "Delete placement");
    let register = harness.state().document().register();
    assert!(register.placement(id).is_none());
    assert_eq!(register.placements.len(), 23);
    assert_eq!(harness.state().view().screen, Screen::Register);
    harness.get_by_label_contains("Placement deleted");
    assert!(harness.query_by_label(&pupil).is_none());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(has_placement(&harness, id));
    harness.get_by_label(&pupil);
}

#[test]
fn a_provider_is_deleted_only_when_nothing_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut register = ap_monitor::sample::generate(24, 1);
    let spare = ProviderId(register.allocate_id());
    register.providers.push(Provider {
        id: spare,
        name: "Spare Provider Ltd".to_owned(),
        ..Provider::default()
    });
    let in_use = register.placements[0].provider;
    let path = dir.path().join("providers.ron");
    ap_monitor::storage::save(&path, &register).unwrap();
    let mut harness = open_window(&path);

    harness
        .state_mut()
        .queue(Command::Show(Screen::Provider(in_use)));
    harness.run();
    let delete = harness.get_by_label("Delete provider…");
    assert!(delete.accesskit_node().is_disabled());

    harness
        .state_mut()
        .queue(Command::Show(Screen::Provider(spare)));
    harness.run();
    click(&mut harness, "Delete provider…");
    harness.get_by_label("Delete the provider Spare Provider Ltd?");
    click(&mut harness, "Delete provider");
    assert!(
        harness
            .state()
            .document()
            .register()
            .provider(spare)
            .is_none()
    );
    assert!(
        harness
            .state()
            .document()
            .register()
            .provider(in_use)
            .is_some()
    );
    assert_eq!(harness.state().view().screen, Screen::Providers);
}

#[test]
fn a_qa_checklist_is_deleted_from_the_providers_list_of_checks() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    let register = harness.state().document().register();
    let provider = register.checklists[0].provider;
    let before = register.checklists_for(provider).count();
    show_qa_checks(&mut harness, provider);

    harness
        .get_all_by_label_contains("Delete the QA check of")
        .next()
        .unwrap()
        .click();
    harness.run();
    let name = &harness.state().document().register().providers;
    let name = name.iter().find(|p| p.id == provider).unwrap().name.clone();
    harness.get_by_label_contains(&format!("Delete the QA check of {name} from"));
    click(&mut harness, "Delete checklist");
    let after = harness
        .state()
        .document()
        .register()
        .checklists_for(provider)
        .count();
    assert_eq!(after, before - 1);
    harness.get_by_label_contains("QA checklist deleted");
}
