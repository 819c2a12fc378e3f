//! Nothing lost, in the window: the recovery journal written after a
//! quiet spell and offered on reopening, the read-only offer when another
//! window holds the file, Restore from backup, and the emergency write the
//! panic hook makes.

mod ui_common;

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ap_monitor::model::Register;
use ap_monitor::sample::{SAMPLE_TODAY, generate};
use ap_monitor::storage::{self, recovery};
use ap_monitor::ui::recovery::{Emergency, write_emergency_recovery};
use ap_monitor::ui::{App, Command};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ui_common::*;

/// Lets five quiet seconds pass by the journal's clock and waits for the
/// background write.
fn quiet_five_seconds(harness: &mut Harness<'static, App>) {
    let now = Instant::now();
    let app = harness.state_mut();
    app.tick(now);
    assert!(app.tick(now + Duration::from_secs(4)).is_some());
    app.tick(now + Duration::from_secs(5));
    app.finish_journal();
}

/// Opens `path`, edits it and lets the journal write, then closes it.
fn leave_unsaved_work(path: &Path) {
    let mut harness = open_window(path);
    std::thread::sleep(Duration::from_millis(20));
    rename_first_pupil(&mut harness, "Journalled Pupil");
    assert!(!recovery::recovery_path(path).exists());
    quiet_five_seconds(&mut harness);
}

#[test]
fn the_journal_is_written_and_restore_brings_the_work_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let on_disk = std::fs::read(&path).unwrap();
    leave_unsaved_work(&path);
    let journal = recovery::recovery_path(&path);
    assert!(journal.exists(), "the journal is beside the register");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        on_disk,
        "the file is untouched"
    );

    let mut harness = open_window(&path);
    harness.get_by_label_contains("Unsaved work from");
    click(&mut harness, "Restore it");
    assert_eq!(first_pupil(&harness), "Journalled Pupil");
    assert!(harness.state().document().is_dirty());
    assert_eq!(harness.state().title(), "• sample.ron – AP Monitor");
    assert_eq!(harness.state().document().path(), Some(path.as_path()));

    harness.state_mut().queue(Command::Save);
    harness.run();
    assert!(!journal.exists(), "a save removes the journal");
}

#[test]
fn work_put_off_with_decide_later_is_offered_again_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    leave_unsaved_work(&path);

    let mut harness = open_window(&path);
    click(&mut harness, "Decide later");
    assert!(
        harness
            .query_by_label_contains("Unsaved work from")
            .is_none()
    );
    assert!(recovery::recovery_path(&path).exists(), "kept on disk");

    click(&mut harness, "File");
    click(&mut harness, "Unsaved work found…");
    harness.get_by_label_contains("Unsaved work from");
    click(&mut harness, "Restore it");
    assert_eq!(first_pupil(&harness), "Journalled Pupil");

    // Once decided, the menu no longer offers it.
    click(&mut harness, "File");
    assert!(harness.query_by_label("Unsaved work found…").is_none());
}

#[test]
fn discard_removes_the_unsaved_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let original = storage::load(&path).unwrap().placements[0]
        .pupil
        .name
        .clone();
    leave_unsaved_work(&path);

    let mut harness = open_window(&path);
    click(&mut harness, "Discard it");
    assert!(!recovery::recovery_path(&path).exists());
    assert_eq!(first_pupil(&harness), original);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn a_second_window_is_offered_the_file_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let on_disk = std::fs::read(&path).unwrap();
    let _first = open_window(&path);

    let mut second = open_window(&path);
    harness_shows(&second, "open in another AP Monitor");
    click(&mut second, "Open read-only");
    assert_eq!(
        second.state().title(),
        "sample.ron (Read-only) – AP Monitor"
    );
    second.get_by_label("Read-only");

    rename_first_pupil(&mut second, "Not Written");
    second.state_mut().queue(Command::Save);
    second.run();
    harness_shows(&second, "Use Save as…");
    assert_eq!(std::fs::read(&path).unwrap(), on_disk);

    let copy = dir.path().join("copy.ron");
    second.state_mut().queue(Command::SaveAs(copy.clone()));
    second.run();
    assert_eq!(second.state().title(), "copy.ron – AP Monitor");
    let saved = storage::load(&copy).unwrap();
    assert_eq!(saved.placements[0].pupil.name, "Not Written");
}

fn harness_shows(harness: &Harness<'static, App>, words: &str) {
    harness.get_by_label_contains(words);
}

#[test]
fn restore_from_backup_brings_back_an_older_version_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let original = first_pupil(&open_window(&path));
    let mut harness = open_window(&path);
    for name in ["Second Name", "Third Name"] {
        rename_first_pupil(&mut harness, name);
        harness.state_mut().queue(Command::Save);
        harness.run();
        std::thread::sleep(Duration::from_millis(10));
    }
    let on_disk = std::fs::read(&path).unwrap();
    assert_eq!(storage::list_backups(&path).unwrap().len(), 2);

    click(&mut harness, "File");
    click(&mut harness, "Restore from backup…");
    let buttons: Vec<_> = harness
        .get_all_by_label_contains("Restore the version from")
        .collect();
    assert_eq!(buttons.len(), 2, "one row per backup");
    buttons[1].click();
    harness.run();

    assert_eq!(
        first_pupil(&harness),
        original,
        "the older backup is loaded"
    );
    assert!(harness.state().document().is_dirty());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        on_disk,
        "the file is untouched"
    );
    harness.state_mut().queue(Command::Undo);
    harness.run();
    assert_eq!(first_pupil(&harness), "Third Name");
}

/// An untitled window keeping its unsaved work in `folder`, with the file
/// it has claimed for it.
fn untitled_window(folder: &Path) -> (Harness<'static, App>, Option<std::path::PathBuf>) {
    let app = App::new_with_today(Register::default(), None, SAMPLE_TODAY)
        .with_untitled_recovery(folder.to_path_buf());
    let mut harness = window(app);
    harness.state_mut().tick(Instant::now());
    let target = harness.state().journal_target();
    (harness, target)
}

#[test]
fn untitled_work_is_journalled_in_the_data_folder_and_offered() {
    let dir = tempfile::tempdir().unwrap();
    let untitled = dir.path().join("untitled.recovery.ron");
    let register = generate(3, 1);
    let app = App::new_with_today(Register::default(), None, SAMPLE_TODAY)
        .with_untitled_recovery(dir.path().to_path_buf());
    let mut harness = window(app);
    harness
        .state_mut()
        .queue(Command::Open(sample_file(dir.path())));
    harness.run();
    harness.state_mut().queue(Command::NewFile);
    harness.run();
    harness.state_mut().tick(Instant::now());
    assert_eq!(harness.state().journal_target(), Some(untitled.clone()));
    drop(harness);

    storage::recovery::write_recovery(&untitled, &register).unwrap();
    let app = App::new_with_today(Register::default(), None, SAMPLE_TODAY)
        .with_untitled_recovery(dir.path().to_path_buf());
    let mut harness = window(app);
    harness.state_mut().offer_recovery(None);
    harness.run();
    harness_shows(&harness, "an untitled register");
    click(&mut harness, "Restore it");
    assert_eq!(harness.state().document().register(), &register);
    assert!(harness.state().document().is_dirty());
}

#[test]
fn two_untitled_windows_keep_their_work_in_separate_files() {
    let dir = tempfile::tempdir().unwrap();
    let (first, first_file) = untitled_window(dir.path());
    let (second, second_file) = untitled_window(dir.path());
    assert_eq!(first_file, Some(dir.path().join("untitled.recovery.ron")));
    assert_eq!(
        second_file,
        Some(dir.path().join("untitled-2.recovery.ron"))
    );

    // The second window went without saving; the first still runs. A new
    // window is offered the second's work, not the first's.
    drop(second);
    let register = generate(2, 5);
    let left = dir.path().join("untitled-2.recovery.ron");
    storage::recovery::write_recovery(&left, &register).unwrap();
    let busy = dir.path().join("untitled.recovery.ron");
    storage::recovery::write_recovery(&busy, &generate(2, 6)).unwrap();
    let (mut third, _) = untitled_window(dir.path());
    third.state_mut().offer_recovery(None);
    third.run();
    click(&mut third, "Restore it");
    assert_eq!(third.state().document().register(), &register);

    // Work left in a file beyond the one a new window claims is found too.
    drop(third);
    std::fs::remove_file(&left).unwrap();
    let orphan = generate(2, 7);
    let beyond = dir.path().join("untitled-3.recovery.ron");
    storage::recovery::write_recovery(&beyond, &orphan).unwrap();
    let (mut fourth, own) = untitled_window(dir.path());
    assert_eq!(own.as_ref(), Some(&left));
    fourth.state_mut().offer_recovery(None);
    fourth.run();
    click(&mut fourth, "Restore it");
    assert_eq!(fourth.state().document().register(), &orphan);
    assert!(!beyond.exists(), "adopted, so not offered again");
    assert_eq!(storage::load(&left).unwrap(), orphan);
    drop(first);
}

#[test]
fn the_emergency_writer_leaves_a_loadable_file() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join(".sample.ron.recovery.ron");
    let shared = Arc::new(Mutex::new(None));
    assert!(
        write_emergency_recovery(&shared).is_none(),
        "nothing unsaved"
    );

    let register = generate(5, 2);
    *shared.lock().unwrap() = Some(Emergency {
        recovery: recovery.clone(),
        register: register.clone(),
    });
    let written = write_emergency_recovery(&shared).unwrap().unwrap();
    assert_eq!(written, recovery);
    assert_eq!(storage::load(&recovery).unwrap(), register);
}

#[test]
fn the_window_shares_its_unsaved_work_with_the_panic_hook() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let mut harness = open_window(&path);
    let shared = harness.state().shared_snapshot();
    rename_first_pupil(&mut harness, "Shared Pupil");
    harness.state_mut().tick(Instant::now());
    let written = write_emergency_recovery(&shared).unwrap().unwrap();
    assert_eq!(written, recovery::recovery_path(&path));
    let loaded = storage::load(&written).unwrap();
    assert_eq!(loaded.placements[0].pupil.name, "Shared Pupil");
}
