//! Times printing a completed QA checklist of the default template (67
//! items, every one with a note, some notes long enough to run over a
//! page) and prints the time and size. Not a test: numbers vary by
//! machine.
//!
//! ```text
//! cargo run --release --example bench_pdf [RUNS] [OUT.pdf]
//! ```

use std::time::{Duration, Instant};

use ap_monitor::model::{
    Answer, Checklist, ChecklistId, ChecklistStatus, Provider, ProviderId, Register, School,
    Signatory, default_template,
};
use ap_monitor::report::{Fonts, PrintRequest, fingerprint, render, render_with};
use jiff::civil::date;

fn register() -> Register {
    let mut register = Register {
        school: School {
            name: "St Aidan's Church of England Academy".into(),
            ..School::default()
        },
        providers: vec![Provider {
            id: ProviderId(1),
            name: "Hillside Farm Learning CIC".into(),
            ..Provider::default()
        }],
        next_id: 100,
        ..Register::default()
    };
    let id = register.add_template(default_template());
    let Some(template) = register.template(id) else {
        return register;
    };
    let mut checklist = Checklist::from_template(ChecklistId(99), template, ProviderId(1));
    let note = "Seen on screen with the centre manager, Siân Evans, who explained how the \
                record is kept and checked each term. ";
    let items = checklist.sections.iter_mut().flat_map(|s| &mut s.items);
    for (index, item) in items.enumerate() {
        item.answer = [Answer::Yes, Answer::No, Answer::NotApplicable][index % 3];
        item.evidence_seen = true;
        item.evidence_reference = format!("Ref. HF-{index:03}");
        item.note = note.repeat(if index % 10 == 4 { 30 } else { 2 });
        item.checked_on = Some(date(2026, 9, 1));
        item.checked_by = "Łukasz Nowak".into();
    }
    checklist.visit_date = Some(date(2026, 9, 1));
    checklist.sign_off.completed_by = Signatory {
        name: "Łukasz Nowak".into(),
        role: "AP lead".into(),
        date: Some(date(2026, 9, 3)),
    };
    checklist.status = ChecklistStatus::Complete;
    register.checklists.push(checklist);
    register
}

/// Stops with a message; the example has no other error handling to do.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}

/// Renders `runs` times with the fonts loaded once; the times, sorted.
fn timed_runs(register: &Register, request: &PrintRequest, runs: u32) -> Vec<Duration> {
    let Ok(fonts) = Fonts::load() else {
        fail("the embedded fonts do not parse")
    };
    let printed_on = date(2026, 12, 3);
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            if let Err(err) = render_with(&fonts, register, request, printed_on) {
                fail(&err.to_string());
            }
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: u32 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(20)
        .max(1);
    let out = args.next();
    let register = register();
    let request = PrintRequest::Checklist {
        provider: ProviderId(1),
        checklist: None,
    };

    let start = Instant::now();
    let first =
        render(&register, &request, date(2026, 12, 3)).unwrap_or_else(|err| fail(&err.to_string()));
    let cold = start.elapsed();
    let start = Instant::now();
    if Fonts::load().is_err() {
        fail("the embedded fonts do not parse");
    }
    let font_load = start.elapsed();
    let times = timed_runs(&register, &request, runs);
    let start = Instant::now();
    if let Err(err) = fingerprint(&register, &request, date(2026, 12, 3)) {
        fail(&err.to_string());
    }
    let layout_only = start.elapsed();

    let items = register.checklists[0].items().count();
    let kb = first.len() as f64 / 1024.0;
    println!(
        "checklist of {items} items: {} bytes ({kb:.1} KB)",
        first.len()
    );
    println!("first render, fonts included: {:.1} ms", ms(cold));
    println!("parsing the two embedded fonts: {:.1} ms", ms(font_load));
    println!(
        "render with fonts loaded, {runs} runs: min {:.1} ms, median {:.1} ms, max {:.1} ms",
        ms(times[0]),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    );
    println!(
        "building the document without writing the PDF: {:.1} ms",
        ms(layout_only)
    );
    if let Some(path) = out {
        if let Err(err) = std::fs::write(&path, &first) {
            fail(&format!("could not write {path}: {err}"));
        }
        println!("written to {path}");
    }
}
