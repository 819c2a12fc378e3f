//! Shared set-up for the window tests: the sample register on disk, a
//! harness at laptop size with the clock fixed, and small helpers to find
//! and fill fields by their labels.

#![allow(dead_code, reason = "each test binary uses a different part")]

use std::path::{Path, PathBuf};

use ap_monitor::model::due::{DueKind, Subject, due_items};
use ap_monitor::model::{ProviderId, Register};
use ap_monitor::sample::{SAMPLE_TODAY, generate};
use ap_monitor::ui::{App, Command, PlacementTab, Screen};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The sample register written to a file in `dir`.
pub fn sample_file(dir: &Path) -> PathBuf {
    let path = dir.join("sample.ron");
    ap_monitor::storage::save(&path, &generate(24, 1)).expect("the sample saves");
    path
}

/// A window at 1366×768 on the sample day, with the file at `path` opened
/// through the same command the File menu uses.
pub fn open_window(path: &Path) -> Harness<'static, App> {
    let mut harness = window(App::new_with_today(Register::default(), None, SAMPLE_TODAY));
    harness.state_mut().queue(Command::Open(path.to_path_buf()));
    harness.run();
    harness
}

/// A harness around `app` at laptop size.
pub fn window(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(12)
        .build_eframe(|_cc| app)
}

/// Replaces the text of the field labelled `label`.
pub fn fill(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Clicks the widget labelled `label` and lets the window settle.
pub fn click(harness: &mut Harness<'static, App>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Chooses `option` in the choice box labelled `label`.
pub fn choose(harness: &mut Harness<'static, App>, label: &str, option: &str) {
    click(harness, label);
    click(harness, option);
}

/// The first overdue review in the register: its placement's pupil name
/// and the reason shown in Needs attention (which other placements may
/// share).
pub fn overdue_review(register: &Register) -> (String, String) {
    let item = due_items(register, SAMPLE_TODAY)
        .into_iter()
        .find(|i| i.kind == DueKind::Review)
        .expect("the sample has an overdue review");
    let Subject::Placement(id) = item.subject else {
        panic!("a review is about a placement")
    };
    let name = register
        .placement(id)
        .expect("the placement exists")
        .pupil
        .name
        .clone();
    (name, item.reason)
}

/// Renames the first placement's pupil through the Overview tab.
pub fn rename_first_pupil(harness: &mut Harness<'static, App>, name: &str) {
    let id = harness.state().document().register().placements[0].id;
    harness
        .state_mut()
        .queue(Command::OpenPlacement(id, PlacementTab::Overview));
    harness.run();
    fill(harness, "Name", name);
    click(harness, "Apply changes");
}

/// The first placement's pupil's name as the document holds it.
pub fn first_pupil(harness: &Harness<'static, App>) -> String {
    harness.state().document().register().placements[0]
        .pupil
        .name
        .clone()
}

/// Shows provider `id` at its QA checks tab.
pub fn show_qa_checks(harness: &mut Harness<'static, App>, id: ProviderId) {
    harness
        .state_mut()
        .queue(Command::Show(Screen::Provider(id)));
    harness.run();
    harness.get_by_label_contains("QA checks (").click();
    harness.run();
}
