//! The eframe glue: opens the window and hands each frame to
//! [`crate::ui::App`]. Everything the window does lives in [`crate::ui`].

use std::path::PathBuf;

use anyhow::Context as _;

use crate::model::Register;
use crate::ui::{self, Clock, Preferences, RfdPicker};

/// Opens the AP Monitor window, on the register at `path` if one is given.
/// Returns when the window closes.
pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    run_with_clock(path, Clock::System)
}

/// [`run`] with today's date taken from `clock`: a fixed day shows a
/// register as it stood then, for demonstrations and screenshots.
pub fn run_with_clock(path: Option<PathBuf>, clock: Clock) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("AP Monitor")
            .with_app_id("ap-monitor")
            .with_inner_size([1280.0, 720.0])
            .with_min_inner_size([960.0, 560.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "AP Monitor",
        options,
        Box::new(move |cc| {
            let app = start(cc, path, clock);
            // Installed here, on the window thread, with the app's snapshot.
            ui::recovery::install_panic_hook(app.shared_snapshot());
            Ok(Box::new(app))
        }),
    )
    .map_err(|err| anyhow::anyhow!("{err}"))
    .context("could not open the window")
}

/// Builds the app for the first frame. The file is opened as the File
/// menu opens one (writer lock, unsaved work offered); one that cannot be
/// read leaves an empty register, with the error shown in the window.
fn start(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>, clock: Clock) -> ui::App {
    let prefs = Preferences::load(cc.storage);
    let picker = Box::new(RfdPicker::default());
    let mut app = ui::App::new(Register::default(), None, clock, picker, prefs);
    match path {
        Some(path) => app.queue(ui::Command::Open(path)),
        None => app.offer_recovery(None),
    }
    app
}

impl eframe::App for ui::App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        ui::App::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui::App::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.preferences().store(storage);
    }

    fn persist_egui_memory(&self) -> bool {
        // egui's memory holds widget state; only preferences are kept.
        false
    }
}
