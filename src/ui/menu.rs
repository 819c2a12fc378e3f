//! The menu bar, the keyboard shortcuts and the navigation panel: three
//! ways into the same [`Command`]s.

use egui::{Context, Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::command::Command;
use super::document::Document;
use super::prefs::Preferences;
use super::theme;
use super::view::{Screen, ViewState};
use super::{Env, attention};
use crate::model::due::Severity;

const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const REDO_SHIFT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const ZOOM_IN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
const ZOOM_IN_EQUALS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
const ZOOM_RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);

/// Turns this frame's shortcut keys into commands. Undo and redo are left
/// to a text field that has the keyboard, which undoes its own typing.
pub fn shortcuts(ctx: &Context, out: &mut Vec<Command>) {
    let typing = ctx.egui_wants_keyboard_input();
    ctx.input_mut(|input| {
        // Most specific first: Ctrl+Shift+S also matches Ctrl+S.
        let mut pairs = vec![
            (SAVE_AS, Command::SaveAsDialog),
            (SAVE, Command::Save),
            (NEW, Command::NewFile),
            (OPEN, Command::OpenDialog),
            (ZOOM_IN, Command::Zoom(1)),
            (ZOOM_IN_EQUALS, Command::Zoom(1)),
            (ZOOM_OUT, Command::Zoom(-1)),
            (ZOOM_RESET, Command::Zoom(0)),
        ];
        if !typing {
            pairs.extend([
                (REDO_SHIFT, Command::Redo),
                (UNDO, Command::Undo),
                (REDO, Command::Redo),
            ]);
        }
        for (shortcut, command) in pairs {
            if input.consume_shortcut(&shortcut) {
                out.push(command);
            }
        }
    });
}

/// The menu bar at the top of the window.
/// The menu bar. `deferred` says whether unsaved work was put off with
/// "Decide later", so the File menu can offer it again.
pub fn menu_bar(
    ui: &mut Ui,
    doc: &Document,
    prefs: &Preferences,
    deferred: bool,
    out: &mut Vec<Command>,
) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| file_menu(ui, prefs, deferred, out));
            ui.menu_button("Edit", |ui| edit_menu(ui, doc, out));
            ui.menu_button("View", |ui| view_menu(ui, prefs, out));
        });
    });
}

fn item(ui: &mut Ui, words: &str, shortcut: Option<&KeyboardShortcut>, enabled: bool) -> bool {
    let mut button = egui::Button::new(words);
    if let Some(shortcut) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    ui.add_enabled(enabled, button).clicked()
}

fn file_menu(ui: &mut Ui, prefs: &Preferences, deferred: bool, out: &mut Vec<Command>) {
    if item(ui, "New", Some(&NEW), true) {
        out.push(Command::NewFile);
    }
    if item(ui, "Open…", Some(&OPEN), true) {
        out.push(Command::OpenDialog);
    }
    ui.add_enabled_ui(!prefs.recent_files.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in &prefs.recent_files {
                if ui.button(path.display().to_string()).clicked() {
                    out.push(Command::Open(path.clone()));
                }
            }
        });
    });
    ui.separator();
    if item(ui, "Save", Some(&SAVE), true) {
        out.push(Command::Save);
    }
    if item(ui, "Save as…", Some(&SAVE_AS), true) {
        out.push(Command::SaveAsDialog);
    }
    if item(ui, "Print register summary…", None, true) {
        out.push(Command::Print(crate::report::PrintRequest::Register));
    }
    if item(ui, "Export register as CSV…", None, true) {
        out.push(Command::ExportCsv);
    }
    if item(ui, "Restore from backup…", None, true) {
        let show = super::recovery::SafetyCommand::ShowBackups;
        out.push(Command::Safety(show));
    }
    if deferred && item(ui, "Unsaved work found…", None, true) {
        let show = super::recovery::SafetyCommand::ShowDeferred;
        out.push(Command::Safety(show));
    }
    ui.separator();
    if item(ui, "Quit", None, true) {
        out.push(Command::Quit);
    }
}

fn edit_menu(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    if item(ui, "Undo", Some(&UNDO), doc.can_undo()) {
        out.push(Command::Undo);
    }
    if item(ui, "Redo", Some(&REDO), doc.can_redo()) {
        out.push(Command::Redo);
    }
}

fn view_menu(ui: &mut Ui, prefs: &Preferences, out: &mut Vec<Command>) {
    if item(ui, "Zoom in", Some(&ZOOM_IN), true) {
        out.push(Command::Zoom(1));
    }
    if item(ui, "Zoom out", Some(&ZOOM_OUT), true) {
        out.push(Command::Zoom(-1));
    }
    if item(ui, "Actual size", Some(&ZOOM_RESET), true) {
        out.push(Command::Zoom(0));
    }
    ui.separator();
    let words = if prefs.dark_mode {
        "Light colours"
    } else {
        "Dark colours"
    };
    if ui.button(words).clicked() {
        out.push(Command::ToggleDarkMode);
    }
}

/// The navigation panel: the screens, with counts, and the New buttons.
pub fn nav(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState) {
    ui.add_space(8.0);
    ui.label(RichText::new("AP Monitor").size(18.0).strong());
    let school = env.register.school.name.trim();
    if !school.is_empty() {
        ui.label(RichText::new(school).small().weak());
    }
    ui.add_space(10.0);

    let overdue = attention::cached(env, view)
        .iter()
        .filter(|i| i.item.severity == Severity::Overdue)
        .count();
    let active = env
        .register
        .placements
        .iter()
        .filter(|p| p.is_active_on(env.today))
        .count();
    let screens = [
        (format!("Needs attention ({overdue})"), Screen::Attention),
        (format!("Register ({active})"), Screen::Register),
        (
            format!("Providers ({})", env.register.providers.len()),
            Screen::Providers,
        ),
        ("Settings".to_owned(), Screen::Settings),
    ];
    for (words, screen) in &screens {
        nav_button(ui, env, nav_selected(view.screen, *screen), words, *screen);
    }
    ui.add_space(12.0);
    ui.separator();
    ui.add_space(4.0);
    for (words, screen) in [
        ("New placement…", Screen::NewPlacement),
        ("New provider…", Screen::NewProvider),
    ] {
        nav_button(ui, env, view.screen == screen, words, screen);
    }
    ui.add_space(12.0);
    ui.label(
        RichText::new(format!("{overdue} overdue items"))
            .small()
            .weak(),
    );
    ui.label(
        RichText::new(format!("{active} active placements"))
            .small()
            .weak(),
    );
}

fn nav_selected(current: Screen, target: Screen) -> bool {
    match (current, target) {
        (Screen::Placement(_), Screen::Register) => true,
        (Screen::Provider(_), Screen::Providers) => true,
        _ => current == target,
    }
}

fn nav_button(
    ui: &mut Ui,
    env: &mut Env<'_>,
    selected: bool,
    words: &str,
    screen: Screen,
) -> egui::Response {
    let button = egui::Button::selectable(selected, words)
        .min_size(egui::vec2(theme::NAV_WIDTH - 16.0, 28.0));
    let response = ui.add(button);
    if response.clicked() {
        env.send(Command::Show(screen));
    }
    response
}
