//! A save onto a full disk keeps the original file whole.
//!
//! Where the machine allows it (root on Linux), the test mounts a 256 KB
//! tmpfs and saves a register too large for it onto a smaller one already
//! there. Elsewhere it says so and injects the "no space" error instead.

#![expect(
    clippy::unwrap_used,
    reason = "a setup failure should stop the test loudly"
)]

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use ap_monitor::model::Register;
use ap_monitor::storage::{self, SaveStep};

/// A small tmpfs, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(dir: &Path) -> Option<Self> {
        let point = dir.join("small-disk");
        fs::create_dir(&point).ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
            .arg(&point)
            .output()
            .is_ok_and(|out| out.status.success());
        mounted.then_some(Self(point))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).output();
    }
}

fn small_register() -> Register {
    let mut register = Register::default();
    register.school.name = "Zoë's school".into();
    register
}

fn large_register() -> Register {
    ap_monitor::sample::generate(24, 1)
}

#[test]
fn a_save_onto_a_full_disk_keeps_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(dir.path()) else {
        eprintln!("SKIPPED real full disk: cannot mount a tmpfs here; injecting 'no space'");
        return injected_no_space(dir.path());
    };
    let path = disk.0.join("register.ron");
    storage::save(&path, &small_register()).unwrap();
    let before = fs::read(&path).unwrap();

    let err = storage::save(&path, &large_register()).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("unchanged"), "{message}");
    assert!(message.to_lowercase().contains("space"), "{message}");
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the original is byte-identical"
    );
    let names: Vec<String> = fs::read_dir(&disk.0)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.ends_with(".tmp")),
        "temporary file left: {names:?}"
    );
    assert_eq!(storage::load(&path).unwrap(), small_register());
}

fn injected_no_space(dir: &Path) {
    let path = dir.join("register.ron");
    storage::save(&path, &small_register()).unwrap();
    let before = fs::read(&path).unwrap();
    let mut full = |step| match step {
        SaveStep::Write => Err(io::Error::from(io::ErrorKind::StorageFull)),
        _ => Ok(()),
    };
    let err = storage::save_with(&path, &large_register(), &mut full).unwrap_err();
    assert!(err.to_string().contains("unchanged"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
}
