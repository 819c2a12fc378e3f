//! The eframe glue: opens the window and hands each frame to
//! [`crate::ui::App`]. Everything the window does lives in [`crate::ui`].

use std::path::PathBuf;

use anyhow::Context as _;

use crate::model::Register;
use crate::storage;
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
        Box::new(move |cc| Ok(Box::new(start(cc, path, clock)))),
    )
    .map_err(|err| anyhow::anyhow!("{err}"))
    .context("could not open the window")
}

/// Builds the app for the first frame. A file that cannot be read opens
/// an empty register, with the error shown in the window.
fn start(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>, clock: Clock) -> ui::App {
    let mut prefs = Preferences::load(cc.storage);
    let picker = Box::new(RfdPicker::default());
    let (register, opened, error) = match path {
        None => (Register::default(), None, None),
        Some(path) => match storage::load(&path) {
            Ok(register) => {
                prefs.remember(&path);
                (register, Some(path), None)
            }
            Err(err) => (Register::default(), None, Some(err)),
        },
    };
    let mut app = ui::App::new(register, opened, clock, picker, prefs);
    if let Some(err) = error {
        app.show_load_error(&err);
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
