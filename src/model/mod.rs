//! The register: everything AP Monitor knows, as plain data with no user
//! interface in it. The window, the command line and the PDFs all read and
//! change this one structure.

pub mod calendar;
pub mod checklist;
pub mod dates;
pub mod due;
pub mod ids;
pub mod names;
pub mod placement;
pub mod provider;
pub mod records;
pub mod removal;
pub mod retention;
pub mod school;
mod validate;
pub mod words;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use calendar::{AcademicYear, HalfTerm, TermCalendar};
pub use checklist::{
    Answer, Checklist, ChecklistItem, ChecklistSection, ChecklistStatus, ChecklistTemplate,
    Judgement, SignOff, Signatory, TemplateItem, TemplateSection, default_template,
};
pub use ids::{
    ChecklistId, ItemId, ObjectiveId, PlacementId, ProviderId, RecordId, SectionId, SiteId,
    TemplateId,
};
pub use placement::{
    AttendanceCode, Commissioner, Destination, LaNotification, Placement, PlacementKind,
    PlacementStatus, Pupil, SenStatus, Session, Weekday,
};
pub use provider::{
    DocumentKind, Provider, ProviderContact, ProviderDocument, Registration, RegistrationStatus,
    Site,
};
pub use records::{
    Action, AttendanceReturn, Attendee, AttendeeRole, Contact, ContactMethod, ContactWith,
    Decision, Objective, ObjectiveArea, ObjectiveProgress, PersonalisedPlan, Rating, Review,
};
pub use removal::RemoveProviderError;
pub use school::{FullTimeHours, School, Settings};
pub use validate::Problem;

/// The version of the file format this build writes. Older files are
/// migrated on load; newer ones are refused so that nothing this build does
/// not understand is dropped by a save.
pub const FORMAT_VERSION: u32 = 1;

/// The whole document a school keeps: one file on disk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Register {
    /// File format version; see [`FORMAT_VERSION`]. Required in files:
    /// a file without one reads as version 0 and is refused.
    #[serde(default)]
    pub format_version: u32,
    /// The commissioning school.
    pub school: School,
    /// Settings for the due rules.
    pub settings: Settings,
    /// The school's half-terms.
    pub calendar: TermCalendar,
    /// Providers, in the order they were added.
    pub providers: Vec<Provider>,
    /// Placements, in the order they were added.
    pub placements: Vec<Placement>,
    /// QA checklist templates the school keeps, such as the default one
    /// and its LA's own.
    pub checklist_templates: Vec<ChecklistTemplate>,
    /// QA checks of providers, in the order they were started.
    pub checklists: Vec<Checklist>,
    /// The next number to give a new record. Numbers are never reused.
    pub next_id: u32,
}

impl Default for Register {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            school: School::default(),
            settings: Settings::default(),
            calendar: TermCalendar::default(),
            providers: Vec::new(),
            placements: Vec::new(),
            checklist_templates: Vec::new(),
            checklists: Vec::new(),
            next_id: 1,
        }
    }
}

impl Register {
    /// Hands out a fresh record number.
    pub fn allocate_id(&mut self) -> u32 {
        let id = self.next_id.max(1);
        self.next_id = id.saturating_add(1);
        id
    }

    /// Raises `next_id` above every number in use, so a hand-edited file
    /// with a stale counter cannot hand out a number twice. Run on load.
    pub fn ensure_fresh_ids(&mut self) {
        self.next_id = self.next_id.max(self.highest_id().saturating_add(1));
    }

    /// The provider with this id.
    pub fn provider(&self, id: ProviderId) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }

    /// The placement with this id.
    pub fn placement(&self, id: PlacementId) -> Option<&Placement> {
        self.placements.iter().find(|p| p.id == id)
    }

    /// The placement with this id, to change.
    pub fn placement_mut(&mut self, id: PlacementId) -> Option<&mut Placement> {
        self.placements.iter_mut().find(|p| p.id == id)
    }

    /// Placements grouped by provider, built once for rules that look at
    /// every provider; asking [`Register::placements_at`] per provider would
    /// scan all placements each time.
    pub fn placements_by_provider(&self) -> HashMap<ProviderId, Vec<&Placement>> {
        let mut map: HashMap<ProviderId, Vec<&Placement>> = HashMap::new();
        for placement in &self.placements {
            map.entry(placement.provider).or_default().push(placement);
        }
        map
    }

    /// Providers by id, for lookups in loops over placements.
    pub fn provider_index(&self) -> HashMap<ProviderId, &Provider> {
        self.providers.iter().map(|p| (p.id, p)).collect()
    }

    /// Placements at a provider.
    pub fn placements_at(&self, id: ProviderId) -> impl Iterator<Item = &Placement> {
        self.placements.iter().filter(move |p| p.provider == id)
    }

    /// The provider's name, or a marker when the link is broken.
    pub fn provider_name(&self, id: ProviderId) -> &str {
        self.provider(id)
            .map_or("(unknown provider)", |p| p.name.as_str())
    }

    /// Everything in the register that is inconsistent, for `check` and
    /// the window's notices.
    pub fn problems(&self) -> Vec<Problem> {
        validate::problems(self)
    }

    /// The largest record number in use anywhere in the register.
    fn highest_id(&self) -> u32 {
        let providers = self.providers.iter().flat_map(|p| {
            let sites = p.sites.iter().map(|s| s.id.0);
            let docs = p.documents.iter().map(|d| d.id.0);
            std::iter::once(p.id.0).chain(sites).chain(docs)
        });
        let placements = self.placements.iter().flat_map(|p| {
            let objectives = p
                .plan
                .iter()
                .flat_map(|plan| plan.objectives.iter().map(|o| o.id.0));
            let reviews = p.reviews.iter().map(|r| r.id.0);
            let contacts = p.contacts.iter().map(|c| c.id.0);
            let returns = p.attendance.iter().map(|a| a.id.0);
            std::iter::once(p.id.0)
                .chain(objectives)
                .chain(reviews)
                .chain(contacts)
                .chain(returns)
        });
        let templates = self.checklist_templates.iter().flat_map(|t| {
            let sections = t.sections.iter().map(|s| s.id.0);
            let items = t
                .sections
                .iter()
                .flat_map(|s| s.items.iter().map(|i| i.id.0));
            std::iter::once(t.id.0).chain(sections).chain(items)
        });
        let checklists = self.checklists.iter().map(|c| c.id.0);
        providers
            .chain(placements)
            .chain(templates)
            .chain(checklists)
            .max()
            .unwrap_or(0)
    }
}
