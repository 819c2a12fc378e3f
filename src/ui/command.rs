//! Every action a user can take in the window, as one enum.
//!
//! Menus, keyboard shortcuts, buttons, dropped files and tests all push a
//! [`Command`]; the app applies the queue once per frame in
//! `App::apply`. Nothing else changes the document, so "are there unsaved
//! changes?" is asked in one place and every edit is one undo step.

use std::path::PathBuf;

use crate::model::{ChecklistId, PlacementId, ProviderId, RecordId, TemplateId};
use crate::report::PrintRequest;

use super::view::{PlacementTab, Screen};

/// A form whose draft a command applies or throws away.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormKey {
    /// A placement's Overview tab.
    Overview(PlacementId),
    /// A placement's personalised plan.
    Plan(PlacementId),
    /// The review form open on a placement.
    Review(PlacementId),
    /// The quick-add contact form of a placement.
    Contact(PlacementId),
    /// The attendance return form of a placement.
    Attendance(PlacementId),
    /// A provider's details.
    Provider(ProviderId),
    /// School details, calendar and settings.
    Settings,
    /// The new placement form.
    NewPlacement,
    /// The new provider form.
    NewProvider,
    /// A QA checklist.
    Checklist(ChecklistId),
    /// The checklist templates.
    Templates,
}

/// The user's answer to "Save changes before …?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Save, then carry on.
    Save,
    /// Carry on without saving.
    Discard,
    /// Stay where we are.
    Cancel,
}

/// A record the user may delete, after confirming.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deletion {
    /// A placement with everything recorded about it.
    Placement(PlacementId),
    /// A provider no placement or checklist names.
    Provider(ProviderId),
    /// One QA checklist.
    Checklist(ChecklistId),
}

/// One user action.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start a new, empty register.
    NewFile,
    /// Ask for a file to open.
    OpenDialog,
    /// Open this file.
    Open(PathBuf),
    /// Stop opening a large file that is still being read.
    CancelOpen,
    /// Save to the current file, or ask where if there is none.
    Save,
    /// Ask where to save.
    SaveAsDialog,
    /// Save to this file.
    SaveAs(PathBuf),
    /// Close the window (asks about unsaved changes first).
    Quit,
    /// Answer the unsaved changes prompt.
    Answer(Answer),
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Show a screen.
    Show(Screen),
    /// Open a placement at a tab.
    OpenPlacement(PlacementId, PlacementTab),
    /// Start a new review on a placement, one progress row per objective.
    NewReview(PlacementId),
    /// Open an existing review in the form.
    EditReview(PlacementId, RecordId),
    /// Check a form's draft and, if it is right, change the register.
    Apply(FormKey),
    /// Throw away a form's draft.
    Revert(FormKey),
    /// Ask before deleting a record.
    AskDelete(Deletion),
    /// Delete a record (the confirmation's answer).
    Delete(Deletion),
    /// Keep the record after all.
    CancelDelete,
    /// Remove a review from a placement.
    DeleteReview(PlacementId, RecordId),
    /// Remove a contact from a placement's log.
    DeleteContact(PlacementId, RecordId),
    /// Remove an attendance return.
    DeleteAttendance(PlacementId, RecordId),
    /// Dismiss the notice at this position.
    DismissNotice(usize),
    /// Close the error dialog.
    DismissError,
    /// Open or save at the path typed when no file dialog could be shown.
    SubmitPath,
    /// Give up on typing a path when no file dialog could be shown.
    CancelPathEntry,
    /// Change the zoom by this factor step (+1 larger, -1 smaller, 0 reset).
    Zoom(i8),
    /// Switch between light and dark.
    ToggleDarkMode,
    /// Recovery, read-only and backup dialogs.
    Safety(super::recovery::SafetyCommand),
    /// Show a tab of a provider.
    ShowProviderTab(ProviderId, super::qa::ProviderTab),
    /// Start a QA check of a provider from a template; `None` uses the
    /// first template, adding the default one when the register has none.
    StartChecklist(ProviderId, Option<TemplateId>),
    /// Open a QA checklist in its form.
    OpenChecklist(ProviderId, ChecklistId),
    /// Render a document as PDF and ask where to save it.
    Print(PrintRequest),
    /// Export the placement register as CSV, asking where.
    ExportCsv,
    /// Open the last PDF written in the system's viewer.
    OpenInViewer,
    /// Hide the bar about the last PDF written.
    DismissPrinted,
    /// Ask for a checklist template file to import.
    ImportTemplateDialog,
    /// Ask where to export a checklist template.
    ExportTemplate(TemplateId),
}
