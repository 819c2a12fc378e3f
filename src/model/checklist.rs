//! Provider quality-assurance checklists.
//!
//! A [`ChecklistTemplate`] lists what to check, in lettered sections; the
//! default one is the union of local authority templates (sections A–L),
//! shipped as `assets/default-checklist.ron`. A [`Checklist`] is one check
//! of one provider: it copies the template's wording when it starts, so
//! rewording a template later never changes a checklist already signed.
//!
//! `qa_items` adds the QA rules to the due list: a check before a pupil
//! starts, a fresh one every year, and actions that are past their date.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::dates::format_date;
use super::due::{DueItem, DueKind, Severity, Subject, days_between};
use super::ids::{ChecklistId, ItemId, PlacementId, ProviderId, SectionId, SiteId, TemplateId};
use super::records::Action;
use super::{Provider, Register};

/// The default template's text, embedded in the binary.
const DEFAULT_TEMPLATE_RON: &str = include_str!("../../assets/default-checklist.ron");

/// A QA check stays current for this many months.
pub const QA_VALID_MONTHS: i64 = 12;

/// Days before a QA check runs out in which a new one is due soon.
pub const QA_DUE_SOON_DAYS: i64 = 30;

/// A list of things to check at a provider, in lettered sections.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChecklistTemplate {
    /// Stable id.
    pub id: TemplateId,
    /// Name shown when choosing a template, such as "Our LA's checklist".
    pub name: String,
    /// Sections in print order.
    pub sections: Vec<TemplateSection>,
}

/// One lettered section of a template.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TemplateSection {
    /// Stable id.
    pub id: SectionId,
    /// Letter or number printed before the title, such as "C".
    pub letter: String,
    /// Title, such as "Safeguarding and child protection".
    pub title: String,
    /// Items in print order.
    pub items: Vec<TemplateItem>,
}

/// One thing to check.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TemplateItem {
    /// Stable id.
    pub id: ItemId,
    /// What to check, as printed.
    pub text: String,
    /// Which local authority templates ask for it (tags such as "LIN WOK");
    /// may be empty.
    pub seen_in: String,
}

impl ChecklistTemplate {
    /// Number of items in all sections.
    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }

    /// Gives the template, its sections and its items fresh ids from `next`
    /// (normally [`Register::allocate_id`]).
    pub fn renumber(&mut self, mut next: impl FnMut() -> u32) {
        self.id = TemplateId(next());
        for section in &mut self.sections {
            section.id = SectionId(next());
            for item in &mut section.items {
                item.id = ItemId(next());
            }
        }
    }
}

/// The default template: sections A–L combined from local authority
/// templates. Its ids are numbered from 1 within the template; add it to a
/// register with [`Register::add_template`] to give it register-wide ids.
///
/// The text is embedded at build time and checked by a unit test, so it
/// cannot fail to parse in a released build; if it somehow does, the
/// error is logged and an empty template named after the failure returned.
pub fn default_template() -> ChecklistTemplate {
    match ron::from_str::<ChecklistTemplate>(DEFAULT_TEMPLATE_RON) {
        Ok(mut template) => {
            let mut counter = 0;
            template.renumber(|| {
                counter += 1;
                counter
            });
            template
        }
        Err(err) => {
            log::error!("the built-in checklist template does not parse: {err}");
            ChecklistTemplate {
                name: "Default checklist (could not be read)".to_owned(),
                ..ChecklistTemplate::default()
            }
        }
    }
}

/// The answer to one checklist item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Answer {
    /// Not looked at yet; every item starts here.
    #[default]
    NotYetChecked,
    /// Met.
    Yes,
    /// Not met.
    No,
    /// Does not apply to this provider.
    NotApplicable,
}

impl Answer {
    /// All answers, in the order a form lists them.
    pub const ALL: [Self; 4] = [
        Self::Yes,
        Self::No,
        Self::NotApplicable,
        Self::NotYetChecked,
    ];

    /// Words for forms and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::NotYetChecked => "Not yet checked",
            Self::Yes => "Yes",
            Self::No => "No",
            Self::NotApplicable => "N/A",
        }
    }
}

/// The overall judgement at the end of a check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Judgement {
    /// No judgement made yet.
    #[default]
    NotJudged,
    /// Suitable for the pupils placed.
    Suitable,
    /// Suitable once the actions arising are done.
    SuitableWithActions,
    /// Not suitable: do not place, or end the placements.
    NotSuitable,
}

impl Judgement {
    /// All judgements, in the order a form lists them.
    pub const ALL: [Self; 4] = [
        Self::NotJudged,
        Self::Suitable,
        Self::SuitableWithActions,
        Self::NotSuitable,
    ];

    /// Words for forms and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::NotJudged => "Not judged",
            Self::Suitable => "Suitable",
            Self::SuitableWithActions => "Suitable with actions",
            Self::NotSuitable => "Not suitable",
        }
    }
}

/// Where a checklist stands.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChecklistStatus {
    /// Being filled in.
    #[default]
    Draft,
    /// Finished in the app, not yet signed on paper.
    Complete,
    /// The printed copy was signed.
    Signed {
        /// Date the paper copy was signed.
        on: Date,
        /// The fingerprint in the footer of the copy that was signed, as
        /// worked out when the check was marked signed; empty for checks
        /// signed before AP Monitor kept it. A reprint with another
        /// fingerprint means the record changed after signing.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        fingerprint: String,
    },
}

impl ChecklistStatus {
    /// Words for lists and reports.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::Complete => "Complete",
            Self::Signed { .. } => "Signed",
        }
    }

    /// The fingerprint kept from the signed paper copy, if the check is
    /// signed and one was kept.
    pub fn signed_copy_fingerprint(&self) -> Option<&str> {
        match self {
            Self::Signed { fingerprint, .. } if !fingerprint.is_empty() => Some(fingerprint),
            _ => None,
        }
    }

    /// Whether the check is finished (complete or signed) and so counts
    /// for the QA rules.
    pub fn is_finished(&self) -> bool {
        !matches!(self, Self::Draft)
    }
}

/// One person's part in the sign-off.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Signatory {
    /// Full name.
    pub name: String,
    /// Role, such as "AP lead" or "Centre manager".
    pub role: String,
    /// Date signed.
    pub date: Option<Date>,
}

/// The sign-off block printed at the end of a checklist.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SignOff {
    /// Who completed the check for the school.
    pub completed_by: Signatory,
    /// The provider's representative.
    pub provider_representative: Signatory,
    /// Countersignature by the designated safeguarding lead or the
    /// headteacher; the role says which.
    pub countersigned_by: Signatory,
}

/// One item as answered on a checklist, with the wording copied from the
/// template when the check started.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChecklistItem {
    /// The template item this came from.
    pub id: ItemId,
    /// What was checked, as worded when the check started.
    pub text: String,
    /// Templates that ask for it.
    pub seen_in: String,
    /// The answer.
    pub answer: Answer,
    /// Whether evidence was seen. Copies of DBS certificates are never
    /// kept: note only that one was seen, and its reference.
    pub evidence_seen: bool,
    /// Reference of the evidence seen, such as a policy date or an SCR
    /// extract.
    pub evidence_reference: String,
    /// Note.
    pub note: String,
    /// Date checked.
    pub checked_on: Option<Date>,
    /// Who checked it.
    pub checked_by: String,
}

/// One section of a checklist.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChecklistSection {
    /// The template section this came from.
    pub id: SectionId,
    /// Letter, such as "C".
    pub letter: String,
    /// Title.
    pub title: String,
    /// Items.
    pub items: Vec<ChecklistItem>,
}

/// One quality-assurance check of a provider.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Checklist {
    /// Stable id.
    pub id: ChecklistId,
    /// The provider checked.
    pub provider: ProviderId,
    /// The site visited, when the check was of one site.
    pub site: Option<SiteId>,
    /// Placements the check covers.
    pub placements: Vec<PlacementId>,
    /// Date of the visit.
    pub visit_date: Option<Date>,
    /// Who visited.
    pub visited_by: String,
    /// The template it was made from.
    pub template: TemplateId,
    /// The template's name when the check started.
    pub template_name: String,
    /// Sections and items, with their answers.
    pub sections: Vec<ChecklistSection>,
    /// Actions arising.
    pub actions: Vec<Action>,
    /// Overall judgement.
    pub judgement: Judgement,
    /// Sign-off block.
    pub sign_off: SignOff,
    /// Date of the next QA check.
    pub next_qa: Option<Date>,
    /// Draft, complete or signed.
    pub status: ChecklistStatus,
}

impl Checklist {
    /// A fresh checklist of `provider` from `template`, every item not yet
    /// checked.
    pub fn from_template(
        id: ChecklistId,
        template: &ChecklistTemplate,
        provider: ProviderId,
    ) -> Self {
        let sections = template
            .sections
            .iter()
            .map(|section| ChecklistSection {
                id: section.id,
                letter: section.letter.clone(),
                title: section.title.clone(),
                items: section
                    .items
                    .iter()
                    .map(ChecklistItem::from_template)
                    .collect(),
            })
            .collect();
        Self {
            id,
            provider,
            template: template.id,
            template_name: template.name.clone(),
            sections,
            ..Self::default()
        }
    }

    /// Every item, in print order.
    pub fn items(&self) -> impl Iterator<Item = &ChecklistItem> {
        self.sections.iter().flat_map(|s| &s.items)
    }

    /// How many items have this answer.
    pub fn count(&self, answer: Answer) -> usize {
        self.items().filter(|item| item.answer == answer).count()
    }

    /// Actions not yet done.
    pub fn open_actions(&self) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(|a| a.done_on.is_none())
    }

    /// The visit date of a finished check; `None` for drafts and undated
    /// checks, which do not count for the QA rules.
    pub fn counted_date(&self) -> Option<Date> {
        self.visit_date.filter(|_| self.status.is_finished())
    }
}

impl ChecklistItem {
    fn from_template(item: &TemplateItem) -> Self {
        Self {
            id: item.id,
            text: item.text.clone(),
            seen_in: item.seen_in.clone(),
            ..Self::default()
        }
    }
}

impl Register {
    /// Adds a template with fresh ids and returns its id.
    pub fn add_template(&mut self, mut template: ChecklistTemplate) -> TemplateId {
        template.renumber(|| self.allocate_id());
        let id = template.id;
        self.checklist_templates.push(template);
        id
    }

    /// The template with this id.
    pub fn template(&self, id: TemplateId) -> Option<&ChecklistTemplate> {
        self.checklist_templates.iter().find(|t| t.id == id)
    }

    /// The checklist with this id.
    pub fn checklist(&self, id: ChecklistId) -> Option<&Checklist> {
        self.checklists.iter().find(|c| c.id == id)
    }

    /// Starts a checklist of `provider` from a template; `None` when the
    /// template is not in the register.
    pub fn start_checklist(
        &mut self,
        template: TemplateId,
        provider: ProviderId,
    ) -> Option<ChecklistId> {
        self.template(template)?;
        let id = ChecklistId(self.allocate_id());
        let checklist = Checklist::from_template(id, self.template(template)?, provider);
        self.checklists.push(checklist);
        Some(id)
    }

    /// Checklists of a provider, in the order they were added.
    pub fn checklists_for(&self, provider: ProviderId) -> impl Iterator<Item = &Checklist> {
        self.checklists
            .iter()
            .filter(move |c| c.provider == provider)
    }

    /// When the provider's next QA check is due: a year after the latest
    /// finished check, or that check's own next QA date when earlier.
    /// `None` when the provider has never been checked.
    pub fn next_qa_due(&self, provider: ProviderId) -> Option<Date> {
        let latest = self.latest_checklist(provider)?;
        let checked = latest.counted_date()?;
        let yearly = checked.saturating_add(QA_VALID_MONTHS.months());
        let due = latest
            .next_qa
            .filter(|next| *next > checked && *next < yearly)
            .unwrap_or(yearly);
        Some(due)
    }

    /// The provider's latest finished (complete or signed) check by visit
    /// date.
    pub fn latest_checklist(&self, provider: ProviderId) -> Option<&Checklist> {
        self.checklists_for(provider)
            .filter(|c| c.counted_date().is_some())
            .max_by_key(|c| c.counted_date())
    }
}

/// Adds the QA rules to `out`, for providers with a placement that has not
/// ended:
///
/// - no finished check dated on or before the start of a placement there
///   (overdue once it has started, due soon before; a warning when the only
///   checks came after the start);
/// - the latest check more than [`QA_VALID_MONTHS`] old, or its own next
///   QA date passed (overdue), or either within [`QA_DUE_SOON_DAYS`] (due
///   soon);
/// - actions arising from a finished check left open past their date.
pub(crate) fn qa_items(register: &Register, today: Date, out: &mut Vec<DueItem>) {
    for provider in &register.providers {
        if !register.placements_at(provider.id).any(|p| !p.is_ended()) {
            continue;
        }
        out.extend(missing_item(register, provider, today));
        out.extend(out_of_date_item(register, provider, today));
        out.extend(actions_item(register, provider, today));
    }
}

fn qa_item(severity: Severity, provider: &Provider, kind: DueKind, reason: String) -> DueItem {
    DueItem {
        severity,
        subject: Subject::Provider(provider.id),
        kind,
        reason,
        due: None,
        fallback: false,
    }
}

fn missing_item(register: &Register, provider: &Provider, today: Date) -> Option<DueItem> {
    let checked: Vec<Date> = register
        .checklists_for(provider.id)
        .filter_map(Checklist::counted_date)
        .collect();
    let first_check = checked.iter().min().copied();
    let uncovered = register
        .placements_at(provider.id)
        .filter(|p| !p.is_ended())
        .filter(|p| {
            p.start
                .is_none_or(|start| first_check.is_none_or(|c| c > start))
        })
        .min_by_key(|p| (p.start.is_none(), p.start))?;
    let kind = DueKind::QaMissing;
    let Some(start) = uncovered.start else {
        let reason = "No QA check of the provider yet".to_owned();
        return first_check
            .is_none()
            .then(|| qa_item(Severity::Warning, provider, kind, reason));
    };
    let mut item = match first_check {
        Some(checked) => {
            let reason = format!(
                "The first QA check was on {}, after a placement started on {}",
                format_date(checked),
                format_date(start)
            );
            qa_item(Severity::Warning, provider, kind, reason)
        }
        None if start <= today => {
            let reason = format!(
                "No QA check of the provider; a placement started on {}",
                format_date(start)
            );
            qa_item(Severity::Overdue, provider, kind, reason)
        }
        None => {
            let reason = format!(
                "QA check the provider before the start on {}",
                format_date(start)
            );
            qa_item(Severity::DueSoon, provider, kind, reason)
        }
    };
    item.due = Some(start);
    Some(item)
}

fn out_of_date_item(register: &Register, provider: &Provider, today: Date) -> Option<DueItem> {
    let due = register.next_qa_due(provider.id)?;
    let checked = register.latest_checklist(provider.id)?.counted_date()?;
    let days = days_between(today, due);
    let (severity, verb) = if days < 0 {
        (Severity::Overdue, "was due")
    } else if days <= QA_DUE_SOON_DAYS {
        (Severity::DueSoon, "is due")
    } else {
        return None;
    };
    let reason = format!(
        "The next QA check {verb} by {} (last checked {})",
        format_date(due),
        format_date(checked)
    );
    let mut item = qa_item(severity, provider, DueKind::QaOutOfDate, reason);
    item.due = Some(due);
    Some(item)
}

fn actions_item(register: &Register, provider: &Provider, today: Date) -> Option<DueItem> {
    let late: Vec<Date> = register
        .checklists_for(provider.id)
        .filter(|c| c.status.is_finished())
        .flat_map(Checklist::open_actions)
        .filter_map(|action| action.due.filter(|due| *due < today))
        .collect();
    let earliest = late.iter().min().copied()?;
    let reason = match late.len() {
        1 => format!("A QA action was due on {}", format_date(earliest)),
        n => format!(
            "{n} QA actions are past due, the first on {}",
            format_date(earliest)
        ),
    };
    let mut item = qa_item(Severity::Overdue, provider, DueKind::QaActions, reason);
    item.due = Some(earliest);
    Some(item)
}

#[cfg(test)]
#[path = "checklist_tests.rs"]
mod tests;
