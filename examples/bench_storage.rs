//! Load, save and recovery-journal times of sample registers at three
//! sizes. The journal write runs on its own thread in the window; it is
//! timed here to know how stale a journal can be on a large register.
//!
//! Run in release: `cargo run --release --example bench_storage`. Prints
//! the median of several runs; a benchmark to read, not a test to pass.

use std::time::{Duration, Instant};

use ap_monitor::{sample, storage};

const SIZES: [usize; 3] = [500, 2_000, 20_000];
const RUNS: usize = 5;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time_runs(mut f: impl FnMut()) -> Duration {
    median(
        (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    println!(
        "{:>12} {:>12} {:>12} {:>12} {:>12}",
        "placements", "file (KB)", "load (ms)", "save (ms)", "journal (ms)"
    );
    for size in SIZES {
        let register = sample::generate(size, 7);
        let path = dir.path().join(format!("register-{size}.ron"));
        storage::save(&path, &register)?;
        let bytes = std::fs::metadata(&path)?.len();
        let load = time_runs(|| {
            let loaded = storage::load(&path);
            assert!(loaded.is_ok(), "the sample register must load");
        });
        let save = time_runs(|| {
            let saved = storage::save(&path, &register);
            assert!(saved.is_ok(), "the sample register must save");
        });
        let recovery = storage::recovery::recovery_path(&path);
        let journal = time_runs(|| {
            let written = storage::recovery::write_recovery(&recovery, &register);
            assert!(written.is_ok(), "the journal must be written");
        });
        println!(
            "{size:>12} {:>12} {:>12.1} {:>12.1} {:>12.1}",
            bytes / 1024,
            load.as_secs_f64() * 1000.0,
            save.as_secs_f64() * 1000.0,
            journal.as_secs_f64() * 1000.0
        );
    }
    Ok(())
}
