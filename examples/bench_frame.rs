//! How long the window takes to draw a frame with 5,000 placements.
//!
//! ```text
//! cargo run --release --example bench_frame [PLACEMENTS]
//! ```
//!
//! Runs the real app headless through egui_kittest (no GPU: layout,
//! tessellation is not included, nor painting) and prints, for the
//! register table, Needs attention and a placement: the first frame after
//! opening (caches cold) and the median and 95th percentile of settled
//! frames. Each step also builds the AccessKit tree the tests read, so the
//! figures are an upper bound on the app's own work. Wall time on one
//! thread; run on an idle machine.

use std::time::{Duration, Instant};

use ap_monitor::model::Register;
use ap_monitor::sample::{SAMPLE_TODAY, generate};
use ap_monitor::ui::{App, Command, PlacementTab, Screen};
use egui_kittest::Harness;

const FRAMES: usize = 200;

fn main() {
    let placements = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5_000);
    let dir = std::env::temp_dir().join(format!("ap-monitor-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join("bench.ron");

    let started = Instant::now();
    let register = generate(placements, 7);
    let generated = started.elapsed();
    ap_monitor::storage::save(&path, &register).expect("the register saves");
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "register: {placements} placements, {} providers, {} KB on disk (generated in {})",
        register.providers.len(),
        bytes / 1024,
        ms(generated)
    );

    // Launch as `ap-monitor FILE` does: an empty window with the open
    // queued. A file this large is read in the background, so the first
    // frame says "Opening…" and the register follows when it is read.
    let started = Instant::now();
    let mut harness = window();
    harness.state_mut().queue(Command::Open(path));
    harness.step();
    let first_frame = started.elapsed();
    while harness.state().is_opening() {
        std::thread::sleep(Duration::from_millis(1));
        harness.step();
    }
    harness.run();
    println!(
        "launch: first frame {}, register open and Needs attention settled {}",
        ms(first_frame),
        ms(started.elapsed())
    );

    screen(
        &mut harness,
        "Register table",
        Command::Show(Screen::Register),
    );
    screen(
        &mut harness,
        "Needs attention",
        Command::Show(Screen::Attention),
    );
    let id = harness.state().document().register().placements[0].id;
    screen(
        &mut harness,
        "Placement, Plan tab",
        Command::OpenPlacement(id, PlacementTab::Plan),
    );

    // An edit: every cache is rebuilt on the next frame.
    harness.state_mut().queue(Command::Show(Screen::Register));
    harness.run();
    harness.state_mut().queue(Command::NewReview(id));
    harness
        .state_mut()
        .queue(Command::Apply(ap_monitor::ui::FormKey::Review(id)));
    let started = Instant::now();
    harness.step();
    harness.step();
    println!(
        "register table, two frames after an edit (caches rebuilt): {}",
        ms(started.elapsed())
    );
    let register = harness.state().document().register();
    let started = Instant::now();
    let copy = register.clone();
    let snapshot = started.elapsed();
    let started = Instant::now();
    let items = ap_monitor::model::due::due_items(&copy, SAMPLE_TODAY).len();
    println!(
        "  of which an undo snapshot (a copy of the register) {} \
         and what is due ({items} items) {}",
        ms(snapshot),
        ms(started.elapsed())
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn window() -> Harness<'static, App> {
    Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(20)
        .with_accessibility_check(false)
        .build_eframe(|_cc| App::new_with_today(Register::default(), None, SAMPLE_TODAY))
}

fn screen(harness: &mut Harness<'static, App>, name: &str, command: Command) {
    harness.state_mut().queue(command);
    let started = Instant::now();
    harness.step();
    let first = started.elapsed();
    harness.run();
    let mut times: Vec<Duration> = (0..FRAMES)
        .map(|_| {
            let started = Instant::now();
            harness.step();
            started.elapsed()
        })
        .collect();
    times.sort();
    let median = times[FRAMES / 2];
    let p95 = times[FRAMES * 95 / 100];
    println!(
        "{name}: first frame {}, then median {} and p95 {} over {FRAMES} frames",
        ms(first),
        ms(median),
        ms(p95)
    );
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}
