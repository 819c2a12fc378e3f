//! The register file: round trips, damaged files, failed saves, versions.

#![expect(
    clippy::unwrap_used,
    reason = "a setup failure should stop the test loudly"
)]

mod common;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use ap_monitor::model::{FORMAT_VERSION, Register};
use ap_monitor::storage::{
    self, BACKUPS_KEPT, LoadError, SaveError, SaveStep, list_backups, save_with, to_ron,
};

fn saved_full_register() -> (tempfile::TempDir, PathBuf, Register) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.ron");
    let register = common::full_register();
    storage::save(&path, &register).unwrap();
    (dir, path, register)
}

#[test]
fn every_field_survives_a_round_trip() {
    let (_dir, path, register) = saved_full_register();
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded, register);
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("Zoë Ngozi Ọkọ́nkwọ́"),
        "names are written as readable text"
    );
    assert!(text.contains("format_version: 1"));
    assert!(text.contains("2012-02-29"), "dates are ISO text");
}

#[test]
fn awkward_text_survives_a_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("awkward.ron");
    let mut register = common::full_register();
    let awkward = [
        "quote \" and backslash \\ and r#\"raw\"# and \"##",
        "tab\there, carriage\r\nreturn, nul \u{0} bell \u{7}",
        "combining Ọkọ́nkwọ́, emoji 🙂, right-to-left مرحبا, zero-width \u{200b}",
        "",
        "   leading and trailing spaces   ",
    ];
    for (n, text) in awkward.iter().enumerate() {
        register.placements[0].reason = (*text).to_owned();
        register.school.name = format!("{text}{n}");
        storage::save(&path, &register).unwrap();
        assert_eq!(
            storage::load(&path).unwrap(),
            register,
            "text {n}: {text:?}"
        );
    }
}

#[test]
fn saving_twice_gives_identical_bytes() {
    let (_dir, path, register) = saved_full_register();
    let first = fs::read(&path).unwrap();
    storage::save(&path, &register).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);
}

fn load_text(text: &[u8]) -> Result<Register, LoadError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.ron");
    fs::write(&path, text).unwrap();
    let result = storage::load(&path);
    assert_eq!(
        fs::read(&path).unwrap(),
        text,
        "loading never changes the file"
    );
    result
}

fn assert_located(err: &LoadError) {
    let message = err.to_string();
    let (line, column) = err
        .position()
        .unwrap_or_else(|| panic!("no position: {message}"));
    assert!(line >= 1 && column >= 1, "{message}");
    assert!(
        message.contains(&format!("damaged.ron:{line}:{column}: ")),
        "{message}"
    );
}

#[test]
fn truncated_files_are_refused_with_line_and_column() {
    let text = to_ron(&common::full_register()).unwrap();
    let bytes = text.as_bytes();
    // Every 37th cut, plus the first few and last few bytes: a cut can land
    // anywhere, including inside a multi-byte letter.
    let cuts = (1..bytes.len())
        .step_by(37)
        .chain(1..8)
        .chain(bytes.len() - 8..bytes.len() - 1);
    for cut in cuts {
        let tail = &text.as_bytes()[cut..];
        if tail.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let err = load_text(&bytes[..cut]).expect_err(&format!("cut at {cut} loaded"));
        assert_located(&err);
    }
}

#[test]
fn flipped_bytes_never_load_silently_wrong_or_panic() {
    let text = to_ron(&common::full_register()).unwrap();
    let original = common::full_register();
    for (n, position) in (0..text.len()).step_by(53).enumerate() {
        let mut bytes = text.clone().into_bytes();
        bytes[position] ^= 1 << (n % 8);
        match load_text(&bytes) {
            Err(err) if err.position().is_some() => assert_located(&err),
            Err(err) => panic!("unlocated error at byte {position}: {err}"),
            // A flip inside free text or a digit still parses and must then
            // show in the data; only a separator turned into white space
            // (a trailing comma, say, or a newline into a vertical tab, which
            // RON skips like any Unicode white space) may leave the data as
            // it was.
            Ok(loaded) if loaded == original => {
                let was = text.as_bytes()[position];
                assert!(
                    b" \n,".contains(&was),
                    "flip of {was:#x} at {position} vanished"
                );
                assert!(
                    char::from(bytes[position]).is_whitespace(),
                    "flip to {:#x} at {position} vanished",
                    bytes[position]
                );
            }
            Ok(_) => {}
        }
    }
}

#[test]
fn empty_file_is_refused() {
    let err = load_text(b"").unwrap_err();
    assert_located(&err);
}

#[test]
fn wrong_type_names_the_field_and_position() {
    let text = to_ron(&common::full_register()).unwrap();
    let damaged = text.replace(
        "contact_interval_days: 10",
        "contact_interval_days: \"ten\"",
    );
    let err = load_text(damaged.as_bytes()).unwrap_err();
    assert_located(&err);
    let line = damaged.lines().position(|l| l.contains("\"ten\"")).unwrap() + 1;
    assert_eq!(err.position().map(|p| p.0), Some(line), "{err}");
}

#[test]
fn misspelled_field_is_named() {
    let text = to_ron(&common::full_register()).unwrap();
    let damaged = text.replacen("reason:", "raeson:", 1);
    let err = load_text(damaged.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("raeson"), "{err}");
    assert_located(&err);
}

#[test]
fn utf16_and_binary_files_are_refused_and_bom_is_accepted() {
    let err = load_text(&[0xFF, 0xFE, b'R', 0]).unwrap_err();
    assert!(err.to_string().contains("UTF-16"), "{err}");

    let mut bad = b"Register(\n  format_version: 1,\n  school: School(name: \"".to_vec();
    bad.extend_from_slice(&[0xC3, 0x28]);
    let err = load_text(&bad).unwrap_err();
    assert_eq!(err.position(), Some((3, 25)), "{err}");

    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(to_ron(&common::full_register()).unwrap().as_bytes());
    assert_eq!(load_text(&with_bom).unwrap(), common::full_register());
}

#[test]
fn a_folder_is_not_a_register() {
    let dir = tempfile::tempdir().unwrap();
    let err = storage::load(dir.path()).unwrap_err();
    assert!(matches!(err, LoadError::Folder { .. }), "{err}");
}

#[test]
fn newer_version_is_refused_even_with_unknown_fields() {
    let text = to_ron(&common::full_register()).unwrap();
    let newer = text
        .replace("format_version: 1,", "format_version: 7,")
        .replacen(
            "school: School(",
            "future_thing: [1, 2],\n  school: School(",
            1,
        );
    let err = load_text(newer.as_bytes()).unwrap_err();
    assert!(
        matches!(
            err,
            LoadError::TooNew {
                found: 7,
                supported: FORMAT_VERSION,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("newer AP Monitor"));
}

#[test]
fn a_file_without_a_version_is_refused() {
    let err = load_text(b"Register(placements: [])").unwrap_err();
    assert!(err.to_string().contains("format_version"), "{err}");
}

/// Golden files are written once per format version, by
/// `UPDATE_GOLDEN=1 cargo test --test storage golden`, and never again: a
/// later build must still load what an earlier one wrote.
#[test]
fn golden_files_of_every_version_still_load() {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/register-v1.ron");
    if std::env::var_os("UPDATE_GOLDEN").is_some() && !golden.exists() {
        storage::save(&golden, &common::full_register_v1()).unwrap();
    }
    let loaded = storage::load(&golden).unwrap();
    assert_eq!(loaded, common::full_register_v1(), "version 1 golden file");
}

fn fail_at(step: SaveStep) -> impl FnMut(SaveStep) -> io::Result<()> {
    move |now| {
        if now == step {
            Err(io::Error::other("injected failure"))
        } else {
            Ok(())
        }
    }
}

#[test]
fn a_failed_step_leaves_the_original_byte_identical() {
    let (dir, path, mut register) = saved_full_register();
    let before = fs::read(&path).unwrap();
    register.school.name = "Changed".into();
    for step in SaveStep::ALL {
        let result = save_with(&path, &register, &mut fail_at(step));
        let err = result.expect_err("the injected failure must surface");
        let message = err.to_string();
        assert!(message.contains("injected failure"), "{message}");
        if step == SaveStep::FlushFolder {
            assert!(
                matches!(err, SaveError::FolderNotFlushed { .. }),
                "{message}"
            );
            fs::write(&path, &before).unwrap();
            continue;
        }
        assert!(message.contains(step.describe()), "{message}");
        assert!(message.contains("unchanged"), "{message}");
        assert_eq!(
            fs::read(&path).unwrap(),
            before,
            "after a failure at {step:?}"
        );
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "temporary file left after {step:?}");
    }
}

#[test]
fn stale_temporary_files_are_cleaned_by_the_next_save() {
    let (dir, path, register) = saved_full_register();
    let stale = dir.path().join(".register.ron.999-0.tmp");
    fs::write(&stale, b"half a reg").unwrap();
    let unrelated = dir.path().join("notes.tmp");
    fs::write(&unrelated, b"mine").unwrap();
    storage::save(&path, &register).unwrap();
    assert!(!stale.exists());
    assert!(
        unrelated.exists(),
        "only our own temporary files are removed"
    );
}

#[test]
fn previous_versions_are_kept_up_to_ten() {
    let (_dir, path, mut register) = saved_full_register();
    for n in 0..13 {
        register.school.name = format!("Version {n}");
        storage::save(&path, &register).unwrap();
    }
    let backups = list_backups(&path).unwrap();
    assert_eq!(backups.len(), BACKUPS_KEPT);
    let newest = storage::load(&backups[0].path).unwrap();
    assert_eq!(
        newest.school.name, "Version 11",
        "the newest backup is the previous save"
    );
}

#[test]
fn saving_into_a_missing_folder_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no such folder").join("register.ron");
    let err = storage::save(&path, &common::full_register()).unwrap_err();
    assert!(
        err.to_string().contains("creating a temporary file"),
        "{err}"
    );
}

#[test]
fn deeply_nested_input_is_refused_without_overflowing_the_stack() {
    for opener in ["[", "(", "Some(", "{"] {
        let mut text = "Register(\n  format_version: 1,\n  providers: ".to_owned();
        text.push_str(&opener.repeat(100_000));
        let err = load_text(text.as_bytes()).unwrap_err();
        assert_located(&err);
    }
}

#[test]
fn a_hundred_megabyte_file_is_refused_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let mut text = b"Register(\n  format_version: 1,\n  school: School(name: \"".to_vec();
    text.resize(100 * 1024 * 1024, b'a');
    fs::write(&path, &text).unwrap();
    let err = storage::load(&path).unwrap_err();
    assert!(err.position().is_some(), "{err}");
    assert_eq!(
        fs::metadata(&path).unwrap().len(),
        text.len() as u64,
        "left as it was"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_says_so() {
    use std::os::unix::fs::PermissionsExt as _;

    let (_dir, path, _) = saved_full_register();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        eprintln!("SKIPPED: running as root, so permissions do not stop reading");
        return;
    }
    let err = storage::load(&path).unwrap_err();
    assert!(err.to_string().contains("cannot read"), "{err}");
}
