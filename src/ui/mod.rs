//! The window: screens and forms over the register, one file each.
//!
//! [`App`] holds the three kinds of state apart: the [`Document`] (the
//! register, its file, unsaved flag and undo history), the [`ViewState`]
//! (screen, tabs, drafts, filters; never saved) and the [`Preferences`]
//! (recent files, zoom, theme; kept in eframe's storage). Screens read the
//! register and push [`Command`]s; `App::apply` carries them out once
//! per frame.

pub mod attendance;
pub mod attention;
pub mod backups;
pub mod checklist_form;
pub mod command;
pub mod contacts;
mod deletion;
pub mod dialogs;
pub mod document;
pub mod file_picker;
pub mod form;
mod handle;
pub mod menu;
pub mod new_placement;
pub mod new_provider;
mod opening;
pub mod overview;
pub mod placement;
pub mod plan;
pub mod prefs;
pub mod print;
pub mod provider_detail;
pub mod providers;
pub mod qa;
pub mod recovery;
pub mod register_table;
pub mod review_form;
pub mod reviews;
pub mod settings;
pub mod template_editor;
pub mod theme;
pub mod view;
pub mod widgets;

use std::path::PathBuf;

use egui::{Context, RichText, Ui};
use jiff::civil::Date;

use crate::model::Register;

pub use command::{Answer, Command, Deletion, FormKey};
pub use document::Document;
pub use file_picker::{FilePicker, PickOutcome, PickPurpose, RfdPicker, ScriptedPicker};
pub use prefs::Preferences;
pub use view::{PlacementTab, Screen, ViewState};

/// Where the app gets today's date from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The computer's clock, read once a frame.
    System,
    /// A fixed day, for tests and demonstrations.
    Fixed(Date),
}

impl Clock {
    /// Today's date by this clock.
    pub fn today(self) -> Date {
        match self {
            Self::System => jiff::Zoned::now().date(),
            Self::Fixed(date) => date,
        }
    }
}

/// What a screen needs besides its own view state: the register to read,
/// today's date and the queue to push commands on.
pub struct Env<'a> {
    /// The register, read-only: changes go through commands.
    pub register: &'a Register,
    /// Today, by the app's clock.
    pub today: Date,
    /// Changes whenever the register does; caches compare it.
    pub generation: u64,
    /// Commands to apply at the end of the frame.
    pub commands: &'a mut Vec<Command>,
}

impl Env<'_> {
    /// Queues a command.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }
}

/// The AP Monitor window.
pub struct App {
    doc: Document,
    view: ViewState,
    prefs: Preferences,
    clock: Clock,
    picker: Box<dyn FilePicker>,
    queue: Vec<Command>,
    /// Set once the user has agreed to close; the next close goes through.
    allow_close: bool,
    /// The title last sent to the window, to send it only on change.
    shown_title: String,
    /// Zoom and theme last applied, to apply them only on change.
    shown_style: Option<(f32, bool)>,
    /// Recovery journal, writer lock offers and backups.
    safety: recovery::Safety,
    /// A large register being read in the background.
    opening: Option<opening::Opening>,
    /// Files this size or larger are read in the background.
    background_open_bytes: u64,
}

impl App {
    /// A window on `register` (read from `path`, if any) with the given
    /// clock, file picker and preferences.
    pub fn new(
        register: Register,
        path: Option<PathBuf>,
        clock: Clock,
        picker: Box<dyn FilePicker>,
        prefs: Preferences,
    ) -> Self {
        let safety = recovery::Safety::new(true, Some(recovery::untitled_recovery_folder()));
        Self {
            doc: Document::new(register, path),
            view: ViewState::default(),
            prefs,
            clock,
            picker,
            queue: Vec::new(),
            allow_close: false,
            shown_title: String::new(),
            shown_style: None,
            safety,
            opening: None,
            background_open_bytes: opening::BACKGROUND_OPEN_BYTES,
        }
    }

    /// A window whose "today" is fixed, with default preferences and a
    /// file picker that shows no dialog. For tests.
    pub fn new_with_today(register: Register, path: Option<PathBuf>, today: Date) -> Self {
        let picker = Box::new(ScriptedPicker::default());
        let mut app = Self::new(
            register,
            path,
            Clock::Fixed(today),
            picker,
            Preferences::default(),
        );
        // Tests drive the journal with `App::tick` and journal untitled
        // registers only where they say.
        app.safety = recovery::Safety::new(false, None);
        app
    }

    /// Replaces the file picker.
    #[must_use]
    pub fn with_file_picker(mut self, picker: impl FilePicker + 'static) -> Self {
        self.picker = Box::new(picker);
        self
    }

    /// Queues a command, to be applied in the next frame.
    pub fn queue(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The view state.
    pub fn view(&self) -> &ViewState {
        &self.view
    }

    /// The preferences.
    pub fn preferences(&self) -> &Preferences {
        &self.prefs
    }

    /// Today, by the app's clock.
    pub fn today(&self) -> Date {
        self.clock.today()
    }

    /// The window title: file name, a "•" when there are unsaved changes.
    pub fn title(&self) -> String {
        let marker = if self.doc.is_dirty() { "• " } else { "" };
        let read_only = if self.doc.is_read_only() {
            " (Read-only)"
        } else {
            ""
        };
        format!(
            "{marker}{}{read_only} – AP Monitor",
            self.doc.display_name()
        )
    }

    /// Per-frame work that draws nothing and also runs while the window
    /// is minimised: close requests, shortcuts, dropped files, dialogs.
    pub fn logic(&mut self, ctx: &Context) {
        self.apply_style(ctx);
        self.handle_close_request(ctx);
        self.poll_file_picker(ctx);
        self.poll_opening(ctx);
        self.apply_queue(ctx);
        self.journal_logic(ctx);
        self.update_title(ctx);
    }

    /// Draws the window, then applies what the user did.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if let Some(opening) = &self.opening {
            opening::show(ui, opening, &mut self.queue);
            self.apply_queue(&ctx);
            return;
        }
        let today = self.clock.today();
        // Input is read here rather than in `logic`: while the window is
        // hidden `logic` sees the last frame's input again.
        if !self.view.is_modal_open() && !self.safety.is_modal_open() {
            menu::shortcuts(&ctx, &mut self.queue);
        }
        self.take_dropped_files(&ctx);
        let deferred = self.safety.has_deferred();
        menu::menu_bar(ui, &self.doc, &self.prefs, deferred, &mut self.queue);
        self.status_bar(ui, today);
        self.nav_panel(ui, today);
        egui::CentralPanel::default().show(ui, |ui| {
            dialogs::notices(ui, &self.view.notices, &mut self.queue);
            print::printed_bar(ui, &self.view.print, &mut self.queue);
            let mut env = Env {
                register: self.doc.register(),
                today,
                generation: self.doc.generation(),
                commands: &mut self.queue,
            };
            show_screen(ui, &mut env, &mut self.view);
        });
        dialogs::modals(&ctx, &self.doc, &mut self.view, &mut self.queue);
        if let Some(what) = self.view.confirm {
            deletion::confirm(&ctx, self.doc.register(), what, &mut self.queue);
        }
        if !self.view.is_modal_open() {
            recovery::modals(&ctx, &self.safety, &mut self.queue);
        }
        self.apply_queue(&ctx);
        self.update_title(&ctx);
    }

    /// Shows a file that could not be opened at start-up.
    pub fn show_load_error(&mut self, err: &crate::storage::LoadError) {
        self.view.error = Some(format!("The register could not be opened.\n\n{err}"));
    }

    fn apply_queue(&mut self, ctx: &Context) {
        let commands = std::mem::take(&mut self.queue);
        for command in commands {
            self.apply(ctx, command);
        }
    }

    fn apply_style(&mut self, ctx: &Context) {
        let wanted = (self.prefs.zoom, self.prefs.dark_mode);
        if self.shown_style.is_none() {
            theme::install_fonts(ctx);
        }
        if self.shown_style != Some(wanted) {
            theme::apply(ctx, self.prefs.dark_mode);
            ctx.set_zoom_factor(self.prefs.zoom);
            self.shown_style = Some(wanted);
        }
    }

    fn update_title(&mut self, ctx: &Context) {
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn take_dropped_files(&mut self, ctx: &Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        for path in dropped {
            let is_register = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
            if is_register {
                self.queue.push(Command::Open(path));
            } else {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                self.view.notify(
                    theme::Tone::Warning,
                    format!(
                        "{} is not a register file: only .ron files can be opened",
                        name.unwrap_or_default()
                    ),
                );
            }
        }
    }

    fn status_bar(&mut self, ui: &mut Ui, today: Date) {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let file = self
                    .doc
                    .path()
                    .map_or_else(|| "Not saved yet".to_owned(), |p| p.display().to_string());
                ui.label(RichText::new(file).small());
                ui.separator();
                if self.doc.is_read_only() {
                    ui.label(theme::toned(ui, theme::Tone::Warning, "Read-only").small());
                    ui.separator();
                }
                if self.doc.is_dirty() {
                    ui.label(theme::toned(ui, theme::Tone::DueSoon, "Unsaved changes").small());
                } else {
                    ui.label(RichText::new("All changes saved").small().weak());
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let date = crate::model::dates::format_date(today);
                    ui.label(RichText::new(format!("Today {date}")).small());
                });
            });
        });
    }

    fn nav_panel(&mut self, ui: &mut Ui, today: Date) {
        egui::Panel::left("nav")
            .resizable(false)
            .exact_size(theme::NAV_WIDTH)
            .show(ui, |ui| {
                let mut env = Env {
                    register: self.doc.register(),
                    today,
                    generation: self.doc.generation(),
                    commands: &mut self.queue,
                };
                menu::nav(ui, &mut env, &mut self.view);
            });
    }
}

/// Draws the current screen.
fn show_screen(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState) {
    match view.screen {
        Screen::Attention => attention::show(ui, env, view),
        Screen::Register => register_table::show(ui, env, view),
        Screen::Placement(id) => placement::show(ui, env, view, id),
        Screen::Providers => providers::show(ui, env, view),
        Screen::Provider(id) => provider_detail::show(ui, env, view, id),
        Screen::Settings => settings::show(ui, env, view),
        Screen::NewPlacement => new_placement::show(ui, env, view),
        Screen::NewProvider => new_provider::show(ui, env, view),
        Screen::Templates => template_editor::show(ui, env, view),
    }
}
