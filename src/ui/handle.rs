//! Carrying out commands: the one place the document changes, files are
//! opened and saved, and unsaved changes are asked about.

use std::path::{Path, PathBuf};

use egui::{Context, ViewportCommand};

use super::command::{Answer, Command, FormKey};
use super::document::Document;
use super::file_picker::{PickOutcome, PickPurpose};
use super::form::Outcome;
use super::theme::Tone;
use super::view::{PathEntry, PathPurpose, Pending, Screen, ViewState};
use super::{
    App, attendance, contacts, new_placement, new_provider, overview, plan, provider_detail,
    review_form, settings,
};
use crate::model::{PlacementId, RecordId, Register};
use crate::storage::{self, SaveError};

impl App {
    /// Carries out one command.
    pub(super) fn apply(&mut self, ctx: &Context, command: Command) {
        match command {
            Command::NewFile => self.guard(ctx, Pending::NewFile),
            Command::OpenDialog => self.guard(ctx, Pending::OpenDialog),
            Command::Open(path) => self.guard(ctx, Pending::Open(path)),
            Command::Quit => self.guard(ctx, Pending::Quit),
            Command::CancelOpen => self.cancel_open(),
            Command::Save => self.save(ctx),
            Command::SaveAsDialog => self.request_file(ctx, PickPurpose::SaveAs),
            Command::SaveAs(path) => {
                self.save_to(ctx, path);
            }
            Command::Answer(answer) => self.answer(ctx, answer),
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::Apply(key) => self.apply_form(key),
            Command::Revert(key) => self.view.drafts.remove(key),
            Command::DismissNotice(index) => {
                if index < self.view.notices.len() {
                    self.view.notices.remove(index);
                }
            }
            Command::DismissError => self.view.error = None,
            Command::SubmitPath => self.submit_path(ctx),
            Command::CancelPathEntry => {
                self.view.path_entry = None;
                self.view.after_save = None;
                self.view.print.pending = None;
            }
            Command::Zoom(step) => self.prefs.step_zoom(step),
            Command::ToggleDarkMode => self.prefs.dark_mode = !self.prefs.dark_mode,
            Command::Safety(command) => self.apply_safety(command),
            Command::Print(request) => self.print(ctx, &request),
            Command::ExportCsv => self.export_csv(ctx),
            Command::OpenInViewer => self.open_in_viewer(),
            Command::DismissPrinted => self.view.print.printed = None,
            Command::StartChecklist(id, template) => self.start_checklist(id, template),
            Command::ImportTemplateDialog => self.import_template_dialog(ctx),
            Command::ExportTemplate(id) => self.export_template_dialog(ctx, id),
            other => self.apply_view_or_record(&other),
        }
    }

    /// Navigation and record commands.
    fn apply_view_or_record(&mut self, command: &Command) {
        match *command {
            Command::Show(screen) => self.view.screen = screen,
            Command::OpenPlacement(id, tab) => {
                self.view.screen = Screen::Placement(id);
                self.view.tabs.insert(id, tab);
            }
            Command::ShowProviderTab(id, tab) => {
                self.view.screen = Screen::Provider(id);
                self.view.qa.tabs.insert(id, tab);
            }
            Command::OpenChecklist(provider, checklist) => {
                self.view.screen = Screen::Provider(provider);
                let qa = &mut self.view.qa;
                qa.tabs.insert(provider, super::qa::ProviderTab::Qa);
                qa.open.insert(provider, checklist);
            }
            Command::NewReview(id) => {
                if let Some(placement) = self.doc.register().placement(id) {
                    let draft = review_form::ReviewDraft::new_for(placement, self.clock.today());
                    self.view.drafts.review.insert(id, draft);
                }
            }
            Command::EditReview(id, review) => {
                let placement = self.doc.register().placement(id);
                if let Some(draft) =
                    placement.and_then(|p| review_form::ReviewDraft::edit(p, review))
                {
                    self.view.drafts.review.insert(id, draft);
                }
            }
            Command::AskDelete(what) => self.view.confirm = Some(what),
            Command::CancelDelete => self.view.confirm = None,
            Command::Delete(what) => {
                self.view.confirm = None;
                self.delete(what);
            }
            Command::DeleteReview(id, record) => {
                self.delete_record(id, "Review deleted", |p| {
                    remove_by_id(&mut p.reviews, record, |r| r.id)
                });
            }
            Command::DeleteContact(id, record) => {
                self.delete_record(id, "Contact deleted", |p| {
                    remove_by_id(&mut p.contacts, record, |c| c.id)
                });
            }
            Command::DeleteAttendance(id, record) => {
                self.delete_record(id, "Attendance return deleted", |p| {
                    remove_by_id(&mut p.attendance, record, |a| a.id)
                });
            }
            _ => {}
        }
    }

    fn delete_record(
        &mut self,
        id: PlacementId,
        done: &str,
        remove: impl FnOnce(&mut crate::model::Placement) -> bool,
    ) {
        let result = self.doc.edit(|register| {
            let placement = register.placement_mut(id).ok_or(())?;
            if remove(placement) { Ok(()) } else { Err(()) }
        });
        if result.is_ok() {
            self.view
                .notify(Tone::Ok, format!("{done}. Undo brings it back"));
        }
    }

    fn apply_form(&mut self, key: FormKey) {
        let today = self.clock.today();
        let (doc, view) = (&mut self.doc, &mut self.view);
        let outcome = match key {
            FormKey::Overview(id) => overview::apply(doc, view, id),
            FormKey::Plan(id) => plan::apply(doc, view, id),
            FormKey::Review(id) => review_form::apply(doc, view, id, today),
            FormKey::Contact(id) => contacts::apply(doc, view, id, today),
            FormKey::Attendance(id) => attendance::apply(doc, view, id, today),
            FormKey::Provider(id) => provider_detail::apply(doc, view, id),
            FormKey::Settings => settings::apply(doc, view),
            FormKey::NewPlacement => new_placement::apply(doc, view),
            FormKey::NewProvider => new_provider::apply(doc, view),
            FormKey::Checklist(id) => super::checklist_form::apply(doc, view, id),
            FormKey::Templates => super::template_editor::apply(doc, view),
        };
        match outcome {
            Outcome::Applied(words) => self.view.notify(Tone::Ok, words),
            Outcome::Invalid | Outcome::NoDraft => {}
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let done = if undo {
            self.doc.undo()
        } else {
            self.doc.redo()
        };
        if done {
            // Drafts nobody typed in were copies of records that may have
            // just changed: rebuild them from the register.
            self.view.drafts.drop_untouched();
            let words = if undo { "Undone" } else { "Redone" };
            self.view.notify(Tone::Info, words);
        }
    }

    /// Whether closing now would lose anything: unsaved changes in the
    /// register, or typing in forms not yet applied.
    pub fn has_unsaved_work(&self) -> bool {
        self.doc.is_dirty() || self.view.drafts.touched_count() > 0
    }

    /// Carries on with `pending` at once, or asks first about unsaved work.
    fn guard(&mut self, ctx: &Context, pending: Pending) {
        if pending == Pending::Quit && self.allow_close {
            ctx.send_viewport_cmd(ViewportCommand::Close);
            return;
        }
        if self.has_unsaved_work() {
            self.view.prompt = Some(pending);
        } else {
            self.proceed(ctx, pending);
        }
    }

    fn proceed(&mut self, ctx: &Context, pending: Pending) {
        match pending {
            Pending::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Pending::NewFile => {
                self.doc = Document::new(Register::default(), None);
                self.reset_view();
                log::info!("started a new register");
            }
            Pending::OpenDialog => self.request_file(ctx, PickPurpose::Open),
            Pending::Open(path) => self.load(&path),
        }
    }

    fn answer(&mut self, ctx: &Context, answer: Answer) {
        let Some(pending) = self.view.prompt.take() else {
            return;
        };
        match answer {
            Answer::Cancel => {}
            Answer::Discard => {
                self.journal_discarded();
                self.proceed(ctx, pending);
            }
            Answer::Save if !self.doc.is_dirty() => self.proceed(ctx, pending),
            Answer::Save => {
                self.view.after_save = Some(pending);
                self.save(ctx);
            }
        }
    }

    /// Handles the window's close button: while there is unsaved work the
    /// close is cancelled and the question asked. Runs in `logic`, so it
    /// works while the window is minimised, and brings the window back.
    pub(super) fn handle_close_request(&mut self, ctx: &Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        // An open only starts once the user has saved or discarded the
        // register before it, so there is nothing left to ask about.
        if self.opening.is_some() {
            return;
        }
        if self.has_unsaved_work() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            ctx.send_viewport_cmd(ViewportCommand::Minimized(false));
            ctx.send_viewport_cmd(ViewportCommand::Focus);
            self.view.prompt = Some(Pending::Quit);
        }
    }

    fn request_file(&mut self, ctx: &Context, purpose: PickPurpose) {
        if self.view.dialog_open {
            return;
        }
        self.view.dialog_open = true;
        self.picker
            .request(purpose, self.doc.path().map(Path::to_path_buf), ctx);
    }

    /// Takes the answer of a file dialog, if one has come.
    pub(super) fn poll_file_picker(&mut self, ctx: &Context) {
        let Some(outcome) = self.picker.poll() else {
            return;
        };
        self.view.dialog_open = false;
        match outcome {
            PickOutcome::Unavailable(purpose) if purpose.is_qa() => {
                self.output_unavailable(purpose);
            }
            PickOutcome::Chosen(PickPurpose::Open, path) => self.load(&path),
            PickOutcome::Chosen(PickPurpose::SaveAs, path) => {
                self.save_to(ctx, path);
            }
            PickOutcome::Chosen(purpose, path) => self.picked(purpose, path),
            PickOutcome::Cancelled => {
                self.view.after_save = None;
                self.view.print.pending = None;
                self.view.print.export = None;
            }
            PickOutcome::Unavailable(purpose) => {
                let purpose = match purpose {
                    PickPurpose::Open => PathPurpose::Open,
                    _ => PathPurpose::SaveAs,
                };
                let text = self
                    .doc
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                self.view.path_entry = Some(PathEntry { purpose, text });
            }
        }
    }

    fn submit_path(&mut self, ctx: &Context) {
        let Some(entry) = self.view.path_entry.take() else {
            return;
        };
        let path = PathBuf::from(entry.text.trim());
        match entry.purpose {
            PathPurpose::Open => self.load(&path),
            PathPurpose::SaveOutput => self.write_pending_print(path),
            PathPurpose::SaveAs => {
                self.save_to(ctx, path);
            }
        }
    }

    fn load(&mut self, path: &Path) {
        self.view.path_entry = None;
        if let Some(lock) = self.writer_lock_for(path) {
            self.load_as(path, Some(lock));
        }
    }

    fn save(&mut self, ctx: &Context) {
        match self.doc.path().map(Path::to_path_buf) {
            Some(path) => {
                self.save_to(ctx, path);
            }
            None => self.request_file(ctx, PickPurpose::SaveAs),
        }
    }

    /// Saves to `path`, then carries on with whatever was waiting for the
    /// save. Returns whether the file was written.
    fn save_to(&mut self, ctx: &Context, path: PathBuf) -> bool {
        self.view.path_entry = None;
        let path = with_register_extension(path);
        let name = file_name(&path);
        let lock = match self.lock_for_save(&path) {
            Ok(lock) => lock,
            Err(words) => {
                self.view.error = Some(format!("The register was not saved.\n\n{words}"));
                self.view.after_save = None;
                return false;
            }
        };
        let before = self.journal_target();
        self.finish_journal();
        let result = storage::save(&path, self.doc.register());
        let saved = match result {
            Ok(()) => {
                self.view.notify(Tone::Ok, format!("Saved {name}"));
                true
            }
            Err(err @ SaveError::FolderNotFlushed { .. }) => {
                self.view.notify(Tone::Warning, err.to_string());
                true
            }
            Err(err) => {
                log::warn!("could not save {name}");
                self.view.error = Some(format!("The register was not saved.\n\n{err}"));
                false
            }
        };
        if saved {
            self.doc.mark_saved(path.clone());
            if lock.is_some() {
                self.doc.set_writer_lock(lock);
                self.doc.set_read_only(false);
            }
            self.journal_after_save(before);
            self.prefs.remember(&path);
            if let Some(pending) = self.view.after_save.take() {
                self.proceed(ctx, pending);
            }
        } else {
            self.view.after_save = None;
        }
        saved
    }

    pub(super) fn reset_view(&mut self) {
        let notices = std::mem::take(&mut self.view.notices);
        self.view = ViewState::default();
        self.view.notices = notices;
    }
}

/// Removes the record with `id`; returns whether there was one.
fn remove_by_id<T>(list: &mut Vec<T>, id: RecordId, key: impl Fn(&T) -> RecordId) -> bool {
    let before = list.len();
    list.retain(|item| key(item) != id);
    list.len() != before
}

/// The file name alone, for messages and logs (never the folders, which
/// may carry a user name).
pub(super) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || "the file".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Adds ".ron" to a name typed without an extension.
fn with_register_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension("ron")
    } else {
        path
    }
}
