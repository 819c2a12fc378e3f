//! File → Restore from backup…: the versions kept beside the register,
//! with dates and sizes. Choosing one loads it as a new, unsaved and
//! undoable state of the document; nothing on disk changes until Save.

use std::path::PathBuf;

use egui::{Context, Id};

use super::App;
use super::command::Command;
use super::recovery::{SafetyCommand, format_time};
use super::theme::Tone;
use crate::storage;

/// One backup as listed.
#[derive(Clone, Debug, PartialEq)]
pub struct BackupRow {
    /// The backup file.
    pub path: PathBuf,
    /// When it was taken, in words.
    pub when: String,
    /// Its size, in words.
    pub size: String,
}

/// A size in bytes, KB or MB.
pub fn format_size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.1} KB", bytes as f64 / 1_000.0),
        _ => format!("{:.1} MB", bytes as f64 / 1_000_000.0),
    }
}

impl App {
    /// Opens the Restore from backup dialog on the open file's backups.
    pub(super) fn show_backups(&mut self) {
        let Some(path) = self.doc.path() else {
            self.view.notify(
                Tone::Info,
                "Backups are kept once the register has been saved to a file",
            );
            return;
        };
        match storage::list_backups(path) {
            Ok(backups) => {
                let rows = backups.into_iter().map(|b| {
                    let bytes = std::fs::metadata(&b.path).map_or(0, |m| m.len());
                    BackupRow {
                        when: format_time(b.taken),
                        size: format_size(bytes),
                        path: b.path,
                    }
                });
                self.safety.backups = Some(rows.collect());
            }
            Err(err) => {
                self.view.error = Some(format!("The backups could not be listed.\n\n{err}"));
            }
        }
    }

    /// Loads the backup at `path` as the current, unsaved state.
    pub(super) fn restore_backup(&mut self, path: &std::path::Path) {
        let when = self
            .safety
            .backups
            .take()
            .and_then(|rows| rows.into_iter().find(|r| r.path == path))
            .map_or_else(|| "a backup".to_owned(), |r| r.when);
        let words = format!("Restored the version from {when}. Save to keep it; Undo goes back");
        self.replace_register_from(path, &words);
    }
}

/// The dialog listing `rows`, newest first.
pub fn dialog(ctx: &Context, rows: &[BackupRow], out: &mut Vec<Command>) {
    let response = egui::Modal::new(Id::unique("restore-backup")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading("Restore from backup");
        ui.add_space(6.0);
        if rows.is_empty() {
            ui.label("No backups yet: one is kept each time the register is saved over.");
        } else {
            ui.label("Choose a version. It opens as unsaved changes; the file is untouched.");
            backup_grid(ui, rows, out);
        }
        ui.add_space(10.0);
        if ui.button("Close").clicked() {
            out.push(Command::Safety(SafetyCommand::CloseBackups));
        }
    });
    if response.should_close() {
        out.push(Command::Safety(SafetyCommand::CloseBackups));
    }
}

fn backup_grid(ui: &mut egui::Ui, rows: &[BackupRow], out: &mut Vec<Command>) {
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            egui::Grid::new("backup-rows").striped(true).show(ui, |ui| {
                for row in rows {
                    ui.label(&row.when);
                    ui.label(&row.size);
                    let name = format!("Restore the version from {}", row.when);
                    if super::widgets::row_button(ui, "Restore", &name).clicked() {
                        let path = row.path.clone();
                        out.push(Command::Safety(SafetyCommand::RestoreBackup(path)));
                    }
                    ui.end_row();
                }
            });
        });
}
