//! The document habits of the window: the unsaved marker, undo and redo,
//! the Save / Discard / Cancel question on closing or opening another
//! file, saving through the file picker, and load errors shown in words.

mod ui_common;

use ap_monitor::model::Register;
use ap_monitor::sample::SAMPLE_TODAY;
use ap_monitor::ui::{App, Command, ScriptedPicker};
use egui::{Key, Modifiers, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ui_common::*;

/// Asks the window to close, as the title bar's close button does.
fn request_close(harness: &mut Harness<'static, App>) {
    let root = harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default();
    root.events.push(ViewportEvent::Close);
    harness.run();
}

fn sent(harness: &Harness<'static, App>, wanted: &ViewportCommand) -> bool {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(wanted))
}

#[test]
fn the_title_marks_unsaved_changes_and_undo_restores() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    assert_eq!(harness.state().title(), "sample.ron – AP Monitor");
    let original = first_pupil(&harness);

    rename_first_pupil(&mut harness, "Renamed Pupil");
    assert_eq!(first_pupil(&harness), "Renamed Pupil");
    assert_eq!(harness.state().title(), "• sample.ron – AP Monitor");

    // Ctrl+Z with no field focused undoes; back to what is on disk is clean.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(first_pupil(&harness), original);
    assert!(!harness.state().document().is_dirty());
    assert_eq!(harness.state().title(), "sample.ron – AP Monitor");

    // The form shows the restored name, and redo brings the change back.
    assert_eq!(
        harness.get_by_label("Name").value().as_deref(),
        Some(original.as_str())
    );
    click(&mut harness, "Edit");
    harness.get_by_label_contains("Redo").click();
    harness.run();
    assert_eq!(first_pupil(&harness), "Renamed Pupil");
}

#[test]
fn ctrl_s_saves_to_the_open_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let mut harness = open_window(&path);
    rename_first_pupil(&mut harness, "Saved Pupil");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().document().is_dirty());
    assert_eq!(harness.state().title(), "sample.ron – AP Monitor");
    let saved = ap_monitor::storage::load(&path).unwrap();
    assert_eq!(saved.placements[0].pupil.name, "Saved Pupil");
    harness.get_by_label("Saved sample.ron");
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let mut harness = open_window(&path);

    // Nothing to lose: the window closes at once.
    request_close(&mut harness);
    assert!(
        harness
            .query_by_label("Save changes before closing?")
            .is_none()
    );

    rename_first_pupil(&mut harness, "Renamed Pupil");
    request_close(&mut harness);
    harness.get_by_label("Save changes before closing?");
    harness.get_by_label("Save");
    harness.get_by_label("Discard");

    // Cancel keeps the window and the changes.
    click(&mut harness, "Cancel");
    assert!(
        harness
            .query_by_label("Save changes before closing?")
            .is_none()
    );
    assert!(harness.state().document().is_dirty());

    // Save writes the file, then closes.
    request_close(&mut harness);
    harness.get_by_label("Save").click();
    harness.step();
    assert!(sent(&harness, &ViewportCommand::Close));
    let saved = ap_monitor::storage::load(&path).unwrap();
    assert_eq!(saved.placements[0].pupil.name, "Renamed Pupil");
}

#[test]
fn discard_closes_without_saving() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let mut harness = open_window(&path);
    let original = first_pupil(&harness);
    rename_first_pupil(&mut harness, "Renamed Pupil");

    request_close(&mut harness);
    harness.get_by_label("Discard").click();
    harness.step();
    assert!(sent(&harness, &ViewportCommand::Close));
    assert_eq!(
        ap_monitor::storage::load(&path).unwrap().placements[0]
            .pupil
            .name,
        original
    );
}

#[test]
fn opening_another_file_asks_about_unsaved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let mut harness = open_window(&path);
    rename_first_pupil(&mut harness, "Renamed Pupil");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.get_by_label("Save changes before opening another register?");
    click(&mut harness, "Cancel");
    assert_eq!(first_pupil(&harness), "Renamed Pupil");
}

#[test]
fn save_as_uses_the_file_picker_and_remembers_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("copy");
    let picker = ScriptedPicker::new([Some(target)]);
    let app = App::new_with_today(ap_monitor::sample::generate(5, 2), None, SAMPLE_TODAY)
        .with_file_picker(picker);
    let mut harness = window(app);
    assert_eq!(harness.state().title(), "Untitled – AP Monitor");

    click(&mut harness, "File");
    harness.get_by_label_contains("Save as…").click();
    harness.run();
    let saved = dir.path().join("copy.ron");
    assert!(saved.exists(), "saved with the .ron extension added");
    assert_eq!(harness.state().title(), "copy.ron – AP Monitor");
    assert_eq!(
        harness.state().preferences().recent_files.first(),
        Some(&saved)
    );
}

#[test]
fn no_file_dialog_offers_to_type_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    // An empty scripted picker behaves like a desktop with no dialog.
    let mut harness = window(App::new_with_today(Register::default(), None, SAMPLE_TODAY));
    harness.state_mut().queue(Command::OpenDialog);
    harness.run();
    harness.get_by_label_contains("No file dialog could be shown");
    fill(&mut harness, "File path", &path.display().to_string());
    click(&mut harness, "Open");
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
}

#[test]
fn a_broken_file_is_reported_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "Register(\n  format_version: 1,\n  school: 12,\n)\n").unwrap();
    let mut harness = window(App::new_with_today(Register::default(), None, SAMPLE_TODAY));
    harness.state_mut().queue(Command::Open(path.clone()));
    harness.run();
    let shown = format!("{}:3:", path.display());
    harness.get_by_label_contains(&shown);
    click(&mut harness, "Close");
    assert!(harness.state().view().error.is_none());
    assert_eq!(harness.state().document().path(), None);
}

#[test]
fn a_failed_save_keeps_the_work_marked_unsaved_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared drive");
    std::fs::create_dir(&folder).unwrap();
    let mut harness = open_window(&sample_file(&folder));
    rename_first_pupil(&mut harness, "Typed After A Visit");

    // The folder disappears (a network drive dropped): the save cannot
    // even create its temporary file.
    std::fs::remove_dir_all(&folder).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();

    assert!(harness.state().document().is_dirty(), "still unsaved");
    assert_eq!(
        first_pupil(&harness),
        "Typed After A Visit",
        "nothing typed is lost"
    );
    assert!(harness.state().title().starts_with("• "));
    let notice = harness.query_by_label_contains("creating a temporary file");
    assert!(notice.is_some(), "the message names the step that failed");
}

/// Steps the window, without settling it (the spinner keeps asking for
/// frames), until the background read has finished.
fn wait_for_open(harness: &mut Harness<'static, App>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while harness.state().is_opening() {
        assert!(
            std::time::Instant::now() < deadline,
            "the open never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    harness.run();
}

/// A window whose every open takes the background path.
fn window_reading_in_background() -> Harness<'static, App> {
    let mut app = App::new_with_today(Register::default(), None, SAMPLE_TODAY);
    app.set_background_open_bytes(0);
    window(app)
}

#[test]
fn a_large_register_is_read_in_the_background_while_the_window_draws() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let mut harness = window_reading_in_background();
    harness.state_mut().queue(Command::Open(path.clone()));
    harness.step();

    // The first frame after asking says what is happening, not a frozen
    // window, and nothing but "Stop opening" can be used.
    assert!(harness.state().is_opening());
    harness.get_by_label("Opening sample.ron…");
    harness.get_by_label("Stop opening");
    assert!(harness.query_by_label("Register").is_none());

    wait_for_open(&mut harness);
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    assert_eq!(harness.state().document().register().placements.len(), 24);
    assert!(!harness.state().document().is_read_only());
    harness.get_by_label_contains("Opened sample.ron: 24 placements");
}

#[test]
fn stopping_a_background_open_keeps_the_register_before_and_frees_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let first = sample_file(dir.path());
    let second = dir.path().join("second.ron");
    std::fs::copy(&first, &second).unwrap();
    let mut harness = open_window(&first);
    harness.state_mut().set_background_open_bytes(0);
    harness.state_mut().queue(Command::Open(second.clone()));
    harness.step();
    assert!(harness.state().is_opening());

    harness.get_by_label("Stop opening").click();
    harness.step();
    harness.run();
    assert!(!harness.state().is_opening());
    assert_eq!(harness.state().document().path(), Some(first.as_path()));
    harness.get_by_label_contains("Stopped opening second.ron");
    // The lock taken for the abandoned open has gone with it.
    assert!(ap_monitor::storage::WriterLock::acquire(&second).is_ok());
}

#[test]
fn a_broken_large_file_is_reported_once_read_and_the_register_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "Register(\n  format_version: 1,\n  school: 12,\n)\n").unwrap();
    let mut harness = window_reading_in_background();
    harness.state_mut().queue(Command::Open(path.clone()));
    harness.step();
    wait_for_open(&mut harness);

    harness.get_by_label_contains(&format!("{}:3:", path.display()));
    assert_eq!(harness.state().document().path(), None);
}

#[test]
fn closing_while_a_register_is_read_closes_without_asking_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let mut harness = open_window(&path);
    rename_first_pupil(&mut harness, "Changed Then Discarded");

    // Opening another file asks first; the user discards, and the read
    // starts. Closing now must not trap the user behind a question the
    // window cannot show.
    let other = dir.path().join("other.ron");
    std::fs::copy(&path, &other).unwrap();
    harness.state_mut().set_background_open_bytes(0);
    harness.state_mut().queue(Command::Open(other));
    harness.run();
    harness.get_by_label("Discard").click();
    harness.step();
    harness.step();
    assert!(harness.state().is_opening());

    let root = harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default();
    root.events.push(ViewportEvent::Close);
    harness.step();
    assert!(!sent(&harness, &ViewportCommand::CancelClose));
}
