//! Kill test: a save killed at any instant leaves the old register or the
//! new one at the path, whole, never a mixture or a torn file.
//!
//! `ap-monitor sample` overwrites a register through the same save path as
//! every other writer; the test kills it with SIGKILL at random moments.
//! `AP_MONITOR_KILLS` sets how many (100 by default; CI runs 1,000).

#![expect(
    clippy::unwrap_used,
    reason = "a setup failure should stop the test loudly"
)]
#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PLACEMENTS: &str = "300";

fn write_sample(path: &Path, seed: u64) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_ap-monitor"))
        .args([
            "sample",
            "--placements",
            PLACEMENTS,
            "--seed",
            &seed.to_string(),
            "-o",
        ])
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// A small deterministic generator for the kill moments.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

#[test]
fn killed_saves_leave_the_old_or_the_new_register() {
    let kills: u32 = std::env::var("AP_MONITOR_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.ron");

    let mut versions = Vec::new();
    let mut full_run = Duration::ZERO;
    for seed in [1, 2] {
        let started = Instant::now();
        assert!(write_sample(&path, seed).wait().unwrap().success());
        full_run = full_run.max(started.elapsed());
        versions.push(fs::read(&path).unwrap());
        ap_monitor::storage::load(&path).expect("each version loads");
    }
    assert_ne!(versions[0], versions[1]);

    let window = full_run.as_micros() as u64 * 12 / 10;
    let mut rng = Lcg(0x5eed);
    let mut torn_temp_files = 0;
    for n in 0..kills {
        let mut child = write_sample(&path, 1 + u64::from(n % 2));
        std::thread::sleep(Duration::from_micros(rng.below(window)));
        let _ = child.kill();
        let _ = child.wait();
        let now = fs::read(&path).unwrap();
        assert!(
            versions.contains(&now),
            "kill {n}: the file is neither the old nor the new one"
        );
        torn_temp_files += temp_files(dir.path());
    }

    assert!(write_sample(&path, 1).wait().unwrap().success());
    assert_eq!(
        temp_files(dir.path()),
        0,
        "the next save removes what killed saves left"
    );
    let backups = ap_monitor::storage::list_backups(&path).unwrap();
    assert!(backups.len() <= ap_monitor::storage::BACKUPS_KEPT);
    eprintln!(
        "{kills} kills survived over a {} ms save window; {torn_temp_files} temporary files \
         seen left behind and cleaned by the next save",
        full_run.as_millis()
    );
}

fn temp_files(dir: &Path) -> usize {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count()
}
