//! View state: what the window shows and what the user has typed but not
//! applied. None of it is saved in the register file.
//!
//! Drafts are kept per record, so switching tab, placement or screen never
//! loses what was typed; a draft goes when it is applied or reverted.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::model::{ChecklistId, PlacementId, ProviderId};

use super::attendance::AttendanceDraft;
use super::attention::AttentionCache;
use super::checklist_form::ChecklistDraft;
use super::command::{Deletion, FormKey};
use super::contacts::ContactDraft;
use super::new_placement::NewPlacementDraft;
use super::new_provider::NewProviderDraft;
use super::overview::OverviewDraft;
use super::plan::PlanDraft;
use super::print::PrintView;
use super::provider_detail::ProviderDraft;
use super::qa::QaView;
use super::register_table::TableState;
use super::review_form::ReviewDraft;
use super::settings::SettingsDraft;
use super::template_editor::TemplatesDraft;
use super::theme::Tone;

/// The screens of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    /// What is due or overdue: the start page.
    Attention,
    /// The register of placements.
    Register,
    /// One placement.
    Placement(PlacementId),
    /// The list of providers.
    Providers,
    /// One provider.
    Provider(ProviderId),
    /// School details, calendar and settings.
    Settings,
    /// The new placement form.
    NewPlacement,
    /// The new provider form.
    NewProvider,
    /// The checklist template editor.
    Templates,
}

/// The tabs of a placement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PlacementTab {
    /// Pupil and arrangement.
    #[default]
    Overview,
    /// The personalised plan.
    Plan,
    /// Half-termly reviews.
    Reviews,
    /// The contact log.
    Contacts,
    /// Attendance returns.
    Attendance,
}

impl PlacementTab {
    /// All tabs, in the order shown.
    pub const ALL: [Self; 5] = [
        Self::Overview,
        Self::Plan,
        Self::Reviews,
        Self::Contacts,
        Self::Attendance,
    ];

    /// The tab's name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Overview => "Overview",
            Self::Plan => "Plan",
            Self::Reviews => "Reviews",
            Self::Contacts => "Contacts",
            Self::Attendance => "Attendance",
        }
    }
}

/// A message in the notice bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// How it is marked.
    pub tone: Tone,
    /// The words.
    pub text: String,
}

/// What to do once the unsaved changes question is answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Close the window.
    Quit,
    /// Start a new register.
    NewFile,
    /// Ask for a file to open.
    OpenDialog,
    /// Open this file.
    Open(PathBuf),
}

/// Why the user is typing a path by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// To open a register.
    Open,
    /// To save the register.
    SaveAs,
    /// To save a printed document or an export.
    SaveOutput,
}

/// A path typed by hand when no file dialog could be shown.
#[derive(Clone, Debug, PartialEq)]
pub struct PathEntry {
    /// Open or save.
    pub purpose: PathPurpose,
    /// What has been typed.
    pub text: String,
}

/// Everything typed into forms and not yet applied.
#[derive(Default)]
pub struct Drafts {
    /// Overview tab drafts, per placement.
    pub overview: HashMap<PlacementId, OverviewDraft>,
    /// Plan drafts, per placement.
    pub plan: HashMap<PlacementId, PlanDraft>,
    /// Open review forms, per placement.
    pub review: HashMap<PlacementId, ReviewDraft>,
    /// Contact quick-add drafts, per placement.
    pub contact: HashMap<PlacementId, ContactDraft>,
    /// Attendance return drafts, per placement.
    pub attendance: HashMap<PlacementId, AttendanceDraft>,
    /// Provider drafts, per provider.
    pub provider: HashMap<ProviderId, ProviderDraft>,
    /// The settings draft.
    pub settings: Option<SettingsDraft>,
    /// The new placement draft.
    pub new_placement: Option<NewPlacementDraft>,
    /// The new provider draft.
    pub new_provider: Option<NewProviderDraft>,
    /// QA checklist drafts, per checklist.
    pub checklist: HashMap<ChecklistId, ChecklistDraft>,
    /// The checklist templates draft.
    pub templates: Option<TemplatesDraft>,
}

impl Drafts {
    /// Throws away the draft of one form.
    pub fn remove(&mut self, key: FormKey) {
        match key {
            FormKey::Overview(id) => drop(self.overview.remove(&id)),
            FormKey::Plan(id) => drop(self.plan.remove(&id)),
            FormKey::Review(id) => drop(self.review.remove(&id)),
            FormKey::Contact(id) => drop(self.contact.remove(&id)),
            FormKey::Attendance(id) => drop(self.attendance.remove(&id)),
            FormKey::Provider(id) => drop(self.provider.remove(&id)),
            FormKey::Settings => self.settings = None,
            FormKey::NewPlacement => self.new_placement = None,
            FormKey::NewProvider => self.new_provider = None,
            FormKey::Checklist(id) => drop(self.checklist.remove(&id)),
            FormKey::Templates => self.templates = None,
        }
    }

    /// How many drafts hold typing not yet applied.
    pub fn touched_count(&self) -> usize {
        self.overview.values().filter(|d| d.touched).count()
            + self.plan.values().filter(|d| d.touched).count()
            + self.review.values().filter(|d| d.touched).count()
            + self.contact.values().filter(|d| d.touched).count()
            + self.attendance.values().filter(|d| d.touched).count()
            + self.provider.values().filter(|d| d.touched).count()
            + usize::from(self.settings.as_ref().is_some_and(|d| d.touched))
            + usize::from(self.new_placement.as_ref().is_some_and(|d| d.touched))
            + usize::from(self.new_provider.as_ref().is_some_and(|d| d.touched))
            + self.checklist.values().filter(|d| d.touched).count()
            + usize::from(self.templates.as_ref().is_some_and(|d| d.touched))
    }

    /// Throws away every draft nobody has typed in, so that it is rebuilt
    /// from the register (after an undo, say).
    pub fn drop_untouched(&mut self) {
        self.overview.retain(|_, d| d.touched);
        self.plan.retain(|_, d| d.touched);
        self.review.retain(|_, d| d.touched);
        self.contact.retain(|_, d| d.touched);
        self.attendance.retain(|_, d| d.touched);
        self.provider.retain(|_, d| d.touched);
        self.settings = self.settings.take().filter(|d| d.touched);
        self.new_placement = self.new_placement.take().filter(|d| d.touched);
        self.new_provider = self.new_provider.take().filter(|d| d.touched);
        self.checklist.retain(|_, d| d.touched);
        self.templates = self.templates.take().filter(|d| d.touched);
    }
}

/// The view state of the window.
pub struct ViewState {
    /// The screen shown.
    pub screen: Screen,
    /// The tab shown for each placement visited.
    pub tabs: HashMap<PlacementId, PlacementTab>,
    /// Search, filters and sort of the register.
    pub table: TableState,
    /// Search box of the providers list.
    pub provider_search: String,
    /// Typed and not applied.
    pub drafts: Drafts,
    /// Messages in the notice bar.
    pub notices: Vec<Notice>,
    /// An error to show in a dialog.
    pub error: Option<String>,
    /// The unsaved changes question, with what to do after it.
    pub prompt: Option<Pending>,
    /// What to do after a Save as… finishes (from the prompt).
    pub after_save: Option<Pending>,
    /// A path typed by hand.
    pub path_entry: Option<PathEntry>,
    /// A deletion waiting for the user to confirm it.
    pub confirm: Option<Deletion>,
    /// A file dialog is open.
    pub dialog_open: bool,
    /// What needs attention, worked out once per change.
    pub attention: AttentionCache,
    /// Provider tabs and open QA checklists.
    pub qa: QaView,
    /// PDFs rendered and written.
    pub print: PrintView,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            screen: Screen::Attention,
            tabs: HashMap::new(),
            table: TableState::default(),
            provider_search: String::new(),
            drafts: Drafts::default(),
            notices: Vec::new(),
            error: None,
            prompt: None,
            after_save: None,
            path_entry: None,
            confirm: None,
            dialog_open: false,
            attention: AttentionCache::default(),
            qa: QaView::default(),
            print: PrintView::default(),
        }
    }
}

impl ViewState {
    /// The tab shown for a placement.
    pub fn tab(&self, id: PlacementId) -> PlacementTab {
        self.tabs.get(&id).copied().unwrap_or_default()
    }

    /// Whether a dialog covers the window.
    pub fn is_modal_open(&self) -> bool {
        self.prompt.is_some()
            || self.error.is_some()
            || self.path_entry.is_some()
            || self.confirm.is_some()
    }

    /// Adds a message to the notice bar; the newest shows first.
    pub fn notify(&mut self, tone: Tone, text: impl Into<String>) {
        self.notices.insert(
            0,
            Notice {
                tone,
                text: text.into(),
            },
        );
        self.notices.truncate(4);
    }
}
