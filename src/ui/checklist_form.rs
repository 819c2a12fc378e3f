//! The QA checklist form: the visit, every item of every section with its
//! answer and evidence, actions arising, the judgement and the sign-off.
//!
//! A checklist of a long template has 60 or more items, each several
//! widgets high. The form draws only the items in view: every item's last
//! height is remembered and an item out of sight costs one empty space.

use egui::{Id, RichText, TextEdit, Ui};
use jiff::civil::Date;

use super::Env;
use super::command::{Command, FormKey};
use super::document::Document;
use super::form::{self, FieldErrors, Outcome};
use super::review_form::ActionDraft;
use super::theme::{self, Tone};
use super::view::ViewState;
use super::widgets::{self, FormWords, date_row, form_grid, text_row};
use crate::model::{
    Action, Answer, Checklist, ChecklistId, ChecklistStatus, Judgement, PlacementId, Register,
    Signatory, SiteId,
};
use crate::report::{self, PrintRequest};

/// Height assumed for an item not yet drawn.
const ITEM_HEIGHT_GUESS: f32 = 150.0;

/// One item's answer as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemDraft {
    /// The answer.
    pub answer: Answer,
    /// Evidence was seen.
    pub evidence_seen: bool,
    /// Reference of the evidence.
    pub evidence_reference: String,
    /// Note.
    pub note: String,
    /// Date checked, dd/mm/yyyy.
    pub checked_on: String,
    /// Who checked it.
    pub checked_by: String,
}

/// A signatory as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SignatoryDraft {
    /// Name.
    pub name: String,
    /// Role.
    pub role: String,
    /// Date, dd/mm/yyyy.
    pub date: String,
}

/// Where the checklist stands, as chosen in the form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusChoice {
    /// Being filled in.
    #[default]
    Draft,
    /// Finished in the app.
    Complete,
    /// The paper copy was signed.
    Signed,
}

impl StatusChoice {
    /// All choices, in order.
    pub const ALL: [Self; 3] = [Self::Draft, Self::Complete, Self::Signed];

    /// Words for the form.
    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::Complete => "Complete",
            Self::Signed => "Signed",
        }
    }
}

/// The checklist form as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct ChecklistDraft {
    /// Typed in since it was made.
    pub touched: bool,
    /// Problems found by the last Apply.
    pub errors: FieldErrors,
    /// Date of the visit.
    pub visit_date: String,
    /// Who visited.
    pub visited_by: String,
    /// The site visited.
    pub site: Option<SiteId>,
    /// Placements covered.
    pub placements: Vec<PlacementId>,
    /// Items of all sections, in print order.
    pub items: Vec<ItemDraft>,
    /// Actions arising.
    pub actions: Vec<ActionDraft>,
    /// Overall judgement.
    pub judgement: Judgement,
    /// Completed by, for the school.
    pub completed_by: SignatoryDraft,
    /// The provider's representative.
    pub provider_representative: SignatoryDraft,
    /// DSL or headteacher countersignature.
    pub countersigned_by: SignatoryDraft,
    /// Next QA date.
    pub next_qa: String,
    /// Draft, complete or signed.
    pub status: StatusChoice,
    /// Date the paper copy was signed.
    pub signed_on: String,
    /// Finish although some items are not yet checked.
    pub allow_unanswered: bool,
}

fn signatory_draft(s: &Signatory) -> SignatoryDraft {
    SignatoryDraft {
        name: s.name.clone(),
        role: s.role.clone(),
        date: form::date_text(s.date),
    }
}

fn signatory(d: &SignatoryDraft, field: &str, e: &mut FieldErrors) -> Signatory {
    Signatory {
        name: d.name.trim().to_owned(),
        role: d.role.trim().to_owned(),
        date: form::optional_date(&d.date, &format!("{field}_date"), e),
    }
}

impl ChecklistDraft {
    /// A draft of the checklist as it is.
    pub fn from_checklist(c: &Checklist) -> Self {
        let (status, signed_on) = match &c.status {
            ChecklistStatus::Draft => (StatusChoice::Draft, String::new()),
            ChecklistStatus::Complete => (StatusChoice::Complete, String::new()),
            ChecklistStatus::Signed { on, .. } => {
                (StatusChoice::Signed, form::date_text(Some(*on)))
            }
        };
        Self {
            touched: false,
            errors: FieldErrors::new(),
            visit_date: form::date_text(c.visit_date),
            visited_by: c.visited_by.clone(),
            site: c.site,
            placements: c.placements.clone(),
            items: c.items().map(item_draft).collect(),
            actions: c.actions.iter().map(action_draft).collect(),
            judgement: c.judgement,
            completed_by: signatory_draft(&c.sign_off.completed_by),
            provider_representative: signatory_draft(&c.sign_off.provider_representative),
            countersigned_by: signatory_draft(&c.sign_off.countersigned_by),
            next_qa: form::date_text(c.next_qa),
            status,
            signed_on,
            // Finished with items open once already: the user confirmed
            // that, and is not asked again on every later Apply.
            allow_unanswered: c.status.is_finished() && c.count(Answer::NotYetChecked) > 0,
        }
    }

    /// The checklist with the draft's values, or the problems.
    pub fn to_checklist(&self, original: &Checklist) -> Result<Checklist, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut c = original.clone();
        c.visit_date = form::optional_date(&self.visit_date, "visit_date", &mut e);
        c.visited_by = self.visited_by.trim().to_owned();
        c.site = self.site;
        c.placements = self.placements.clone();
        let mut index = 0;
        for section in &mut c.sections {
            for item in &mut section.items {
                if let Some(d) = self.items.get(index) {
                    apply_item(item, d, &format!("item{index}"), &mut e);
                }
                index += 1;
            }
        }
        c.actions = super::review_form::checked_actions(&self.actions, &mut e);
        c.judgement = self.judgement;
        c.sign_off.completed_by = signatory(&self.completed_by, "completed_by", &mut e);
        c.sign_off.provider_representative = signatory(
            &self.provider_representative,
            "provider_representative",
            &mut e,
        );
        c.sign_off.countersigned_by = signatory(&self.countersigned_by, "countersigned_by", &mut e);
        c.next_qa = form::optional_date(&self.next_qa, "next_qa", &mut e);
        if let (Some(visit), Some(next)) = (c.visit_date, c.next_qa)
            && next <= visit
        {
            e.add("next_qa", "The next QA check must come after this visit");
        }
        c.status = self.status_checked(&c, &mut e);
        e.into_result(c)
    }

    fn status_checked(&self, c: &Checklist, e: &mut FieldErrors) -> ChecklistStatus {
        if self.status == StatusChoice::Draft {
            return ChecklistStatus::Draft;
        }
        if c.visit_date.is_none() {
            e.add("visit_date", "A finished check needs the date of the visit");
        }
        let open = c.count(Answer::NotYetChecked);
        if open > 0 && !self.allow_unanswered {
            let words = match open {
                1 => "1 item is not yet checked".to_owned(),
                n => format!("{n} items are not yet checked"),
            };
            e.add(
                "status",
                format!("{words}: answer them, or tick \"Finish with items not yet checked\""),
            );
        }
        if c.judgement == Judgement::NotJudged {
            e.add(
                "judgement",
                "Choose the overall judgement to finish the check",
            );
        }
        if self.status == StatusChoice::Complete {
            return ChecklistStatus::Complete;
        }
        if c.sign_off.completed_by.name.is_empty() {
            e.add(
                "completed_by",
                "A signed check needs the name of who completed it",
            );
        }
        match form::required_date(&self.signed_on, "signed_on", e) {
            // The fingerprint is worked out when the draft is applied.
            Some(on) => ChecklistStatus::Signed {
                on,
                fingerprint: String::new(),
            },
            None => ChecklistStatus::Complete,
        }
    }

    /// How many items are answered.
    pub fn answered(&self) -> usize {
        self.items
            .iter()
            .filter(|i| i.answer != Answer::NotYetChecked)
            .count()
    }
}

fn item_draft(item: &crate::model::ChecklistItem) -> ItemDraft {
    ItemDraft {
        answer: item.answer,
        evidence_seen: item.evidence_seen,
        evidence_reference: item.evidence_reference.clone(),
        note: item.note.clone(),
        checked_on: form::date_text(item.checked_on),
        checked_by: item.checked_by.clone(),
    }
}

fn action_draft(a: &Action) -> ActionDraft {
    ActionDraft {
        description: a.description.clone(),
        owner: a.owner.clone(),
        due: form::date_text(a.due),
        done_on: form::date_text(a.done_on),
    }
}

fn apply_item(
    item: &mut crate::model::ChecklistItem,
    d: &ItemDraft,
    field: &str,
    e: &mut FieldErrors,
) {
    item.answer = d.answer;
    item.evidence_seen = d.evidence_seen;
    item.evidence_reference = d.evidence_reference.trim().to_owned();
    item.note = d.note.trim().to_owned();
    item.checked_on = form::optional_date(&d.checked_on, field, e);
    item.checked_by = d.checked_by.trim().to_owned();
}

/// Applies the draft of checklist `id`: one undo step.
pub fn apply(doc: &mut Document, view: &mut ViewState, id: ChecklistId) -> Outcome {
    let Some(draft) = view.drafts.checklist.get_mut(&id) else {
        return Outcome::NoDraft;
    };
    let Some(original) = doc.register().checklist(id) else {
        return Outcome::NoDraft;
    };
    let changed = match draft.to_checklist(original) {
        Ok(changed) => changed,
        Err(errors) => {
            draft.errors = errors;
            return Outcome::Invalid;
        }
    };
    let status = changed.status.label();
    let kept = original.status.signed_copy_fingerprint().map(str::to_owned);
    let result: Result<Seal, ()> = doc.edit(|r| {
        let slot = r.checklists.iter_mut().find(|c| c.id == id).ok_or(())?;
        *slot = changed;
        Ok(seal(r, id, kept))
    });
    let Ok(seal) = result else {
        return Outcome::NoDraft;
    };
    view.drafts.checklist.remove(&id);
    let saved = format!("QA checklist saved in the register ({status})");
    match seal {
        Seal::NotSigned | Seal::Unchanged => Outcome::Applied(saved),
        Seal::New(fingerprint) => Outcome::Applied(format!(
            "{saved}. The signed paper copy should show fingerprint {fingerprint} at the foot \
             of its pages; if it shows another, print the check again and have that copy signed"
        )),
        Seal::Changed { signed, now } => {
            view.notify(
                Tone::Warning,
                format!(
                    "This check no longer matches its signed paper copy (fingerprint {signed}); \
                     a reprint would show {now}. Print it and have it signed again, or undo \
                     the change"
                ),
            );
            Outcome::Applied(saved)
        }
        Seal::Unavailable => Outcome::Applied(format!(
            "{saved}. Its fingerprint could not be worked out, so later changes will not be \
             noticed"
        )),
    }
}

/// What marking a check signed did to the fingerprint it keeps.
enum Seal {
    /// The check is not signed.
    NotSigned,
    /// Newly signed: this fingerprint is now kept.
    New(String),
    /// Still signed, and it prints as its signed copy did.
    Unchanged,
    /// Still signed, but a reprint would differ from the signed copy.
    Changed { signed: String, now: String },
    /// The fingerprint could not be worked out.
    Unavailable,
}

/// Keeps the fingerprint of checklist `id`'s signed copy: the one worked
/// out now if it was just signed, or the one `kept` from when it was.
fn seal(register: &mut Register, id: ChecklistId, kept: Option<String>) -> Seal {
    let signed = register
        .checklist(id)
        .is_some_and(|c| matches!(c.status, ChecklistStatus::Signed { .. }));
    if !signed {
        return Seal::NotSigned;
    }
    let now = match report::checklist_fingerprint(register, id) {
        Ok(now) => now,
        Err(err) => {
            log::warn!("no fingerprint for QA checklist {id}: {err}");
            return Seal::Unavailable;
        }
    };
    let Some(slot) = register.checklists.iter_mut().find(|c| c.id == id) else {
        return Seal::Unavailable;
    };
    if let ChecklistStatus::Signed { fingerprint, .. } = &mut slot.status {
        *fingerprint = kept.clone().unwrap_or_else(|| now.clone());
    }
    match kept {
        None => Seal::New(now),
        Some(signed) if signed == now => Seal::Unchanged,
        Some(signed) => Seal::Changed { signed, now },
    }
}

/// Draws the form for checklist `checklist`.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState, checklist: &Checklist) {
    let id = checklist.id;
    let kept = checklist.status.signed_copy_fingerprint();
    let changed_to = view
        .qa
        .changed_since_signed(env, checklist)
        .map(str::to_owned);
    let draft = view
        .drafts
        .checklist
        .entry(id)
        .or_insert_with(|| ChecklistDraft::from_checklist(checklist));
    let errors = draft.errors.clone();
    let heights = view.qa.item_heights.entry(id).or_default();
    let mut clicks = (false, false);
    let today = env.today;
    widgets::track(
        draft,
        |d| d.touched = true,
        |d| {
            let words = FormWords::apply("Apply checklist");
            clicks = frame(
                ui,
                &format!("checklist-{id}"),
                &errors,
                words,
                |ui, viewport| {
                    header(ui, env, checklist, d, &errors);
                    items(ui, checklist, d, &errors, heights, viewport, today);
                    actions(ui, d, &errors, today);
                    let copy = SignedCopy {
                        fingerprint: kept,
                        changed_to: changed_to.as_deref(),
                    };
                    judgement_and_status(ui, d, &errors, today, copy);
                    sign_off(ui, d, &errors, today);
                },
            );
        },
    );
    if clicks.0 {
        env.send(Command::Apply(FormKey::Checklist(id)));
    }
    if clicks.1 {
        env.send(Command::Revert(FormKey::Checklist(id)));
    }
}

/// Like [`widgets::form_frame`], with the visible part of the scroll area
/// handed to the body so it can skip what is out of sight.
fn frame(
    ui: &mut Ui,
    salt: &str,
    errors: &FieldErrors,
    words: FormWords,
    body: impl FnOnce(&mut Ui, egui::Rect),
) -> (bool, bool) {
    let footer = egui::Panel::bottom(Id::unique(salt).with("footer"))
        .show_separator_line(true)
        .show(ui, |ui| widgets::apply_bar(ui, errors, words))
        .inner;
    egui::ScrollArea::vertical()
        .id_salt(salt)
        .auto_shrink(false)
        .show_viewport(ui, |ui, viewport| {
            let top = ui.min_rect().top();
            let visible = viewport.translate(egui::vec2(0.0, top));
            ui.add_space(4.0);
            body(ui, visible);
            ui.add_space(12.0);
        });
    footer
}

fn header(
    ui: &mut Ui,
    env: &mut Env<'_>,
    checklist: &Checklist,
    d: &mut ChecklistDraft,
    e: &FieldErrors,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(&checklist.template_name).size(18.0).strong());
        let total = d.items.len();
        let tone = if d.answered() == total {
            Tone::Ok
        } else {
            Tone::DueSoon
        };
        theme::badge(ui, tone, &format!("{} of {total} answered", d.answered()));
        ui.add_space(12.0);
        let request = PrintRequest::Checklist {
            provider: checklist.provider,
            checklist: Some(checklist.id),
        };
        let printable = checklist.status.is_finished();
        let button = ui
            .add_enabled(printable, egui::Button::new("Print checklist…"))
            .on_hover_text("Save the checklist as a PDF to print and sign")
            .on_disabled_hover_text("Apply the checklist as complete or signed to print it");
        if button.clicked() {
            env.send(Command::Print(request));
        }
    });
    theme::section_heading(ui, "Visit");
    let provider = env.register.provider(checklist.provider);
    form_grid(ui, "checklist-visit", |ui| {
        date_row(
            ui,
            "Visit date",
            &mut d.visit_date,
            e,
            "visit_date",
            env.today,
        );
        text_row(ui, "Visited by", &mut d.visited_by, e, "visited_by");
        if let Some(p) = provider.filter(|p| !p.sites.is_empty()) {
            let label = ui.label("Site visited");
            site_choice(ui, p, &mut d.site).labelled_by(label.id);
            ui.end_row();
        }
        ui.label("Placements covered");
        ui.vertical(|ui| placements_covered(ui, env, checklist, d));
        ui.end_row();
    });
}

fn site_choice(
    ui: &mut Ui,
    p: &crate::model::Provider,
    site: &mut Option<SiteId>,
) -> egui::Response {
    let name = |id: Option<SiteId>| {
        id.and_then(|id| p.sites.iter().find(|s| s.id == id))
            .map_or("All sites".to_owned(), |s| {
                if s.name.is_empty() {
                    s.address.clone()
                } else {
                    s.name.clone()
                }
            })
    };
    let mut response = egui::ComboBox::from_id_salt("checklist-site")
        .selected_text(name(*site))
        .width(theme::FIELD_WIDTH)
        .show_ui(ui, |ui| {
            let mut changed = ui.selectable_value(site, None, "All sites").changed();
            for s in &p.sites {
                changed |= ui
                    .selectable_value(site, Some(s.id), name(Some(s.id)))
                    .changed();
            }
            changed
        });
    if response.inner == Some(true) {
        response.response.mark_changed();
    }
    response.response
}

fn placements_covered(ui: &mut Ui, env: &Env<'_>, c: &Checklist, d: &mut ChecklistDraft) {
    let mut any = false;
    for p in env.register.placements_at(c.provider) {
        any = true;
        let mut on = d.placements.contains(&p.id);
        let words = format!("{} ({})", p.pupil.name, p.status_label());
        if ui.checkbox(&mut on, words).changed() {
            if on {
                d.placements.push(p.id);
            } else {
                d.placements.retain(|x| *x != p.id);
            }
        }
    }
    if !any {
        ui.label(RichText::new("No placements at this provider.").weak());
    }
}

/// The item heights remembered for one checklist, by item index.
pub type ItemHeights = Vec<f32>;

fn items(
    ui: &mut Ui,
    c: &Checklist,
    d: &mut ChecklistDraft,
    e: &FieldErrors,
    heights: &mut ItemHeights,
    visible: egui::Rect,
    today: Date,
) {
    heights.resize(d.items.len(), ITEM_HEIGHT_GUESS);
    let mut index = 0;
    for section in &c.sections {
        theme::section_heading(ui, &format!("{}. {}", section.letter, section.title));
        for (n, item) in section.items.iter().enumerate() {
            let Some(draft) = d.items.get_mut(index) else {
                return;
            };
            let number = format!("{}{}", section.letter, n + 1);
            let top = ui.cursor().top();
            let guess = heights[index];
            if top > visible.bottom() || top + guess < visible.top() {
                ui.allocate_space(egui::vec2(ui.available_width(), guess));
            } else {
                item_block(ui, &number, &item.text, draft, e, index, today);
                heights[index] = (ui.cursor().top() - top).max(1.0);
            }
            index += 1;
        }
    }
}

fn item_block(
    ui: &mut Ui,
    number: &str,
    text: &str,
    d: &mut ItemDraft,
    e: &FieldErrors,
    index: usize,
    today: Date,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width().min(1000.0));
        ui.label(RichText::new(format!("{number}. {text}")).strong());
        ui.horizontal(|ui| {
            ui.label("Answer");
            for answer in Answer::ALL {
                let button = egui::Button::selectable(d.answer == answer, answer.label())
                    .frame_when_inactive(true);
                let response = ui
                    .add(button)
                    .on_hover_text(format!("Answer {number}: {}", answer.label()))
                    .accessible_name(format!("{number}: {}", answer.label()));
                if response.clicked() {
                    d.answer = answer;
                }
            }
            ui.add_space(12.0);
            ui.checkbox(&mut d.evidence_seen, "Evidence seen")
                .accessible_name(format!("Evidence seen for {number}"));
            ui.add(
                TextEdit::singleline(&mut d.evidence_reference)
                    .desired_width(220.0)
                    .hint_text("Evidence reference"),
            )
            .accessible_name(format!("Evidence reference for {number}"));
        });
        ui.horizontal(|ui| {
            ui.add(
                TextEdit::multiline(&mut d.note)
                    .desired_rows(1)
                    .desired_width(420.0)
                    .hint_text("Note"),
            )
            .accessible_name(format!("Note for {number}"));
            ui.label("checked");
            widgets::date_edit(ui, &format!("item-date-{index}"), &mut d.checked_on, today)
                .accessible_name(format!("Date checked for {number}"));
            ui.label("by");
            ui.add(
                TextEdit::singleline(&mut d.checked_by)
                    .desired_width(140.0)
                    .hint_text("Checked by"),
            )
            .accessible_name(format!("Checked by for {number}"));
        });
        widgets::field_error(ui, e.get(&format!("item{index}")));
    });
}

fn actions(ui: &mut Ui, d: &mut ChecklistDraft, e: &FieldErrors, today: Date) {
    theme::section_heading(ui, "Actions arising");
    super::review_form::action_rows(ui, &mut d.actions, e, today, "QA action");
}

/// What is known of a signed check's paper copy.
#[derive(Clone, Copy)]
struct SignedCopy<'a> {
    /// The fingerprint on the signed copy, if kept.
    fingerprint: Option<&'a str>,
    /// The fingerprint a reprint would show, when it differs.
    changed_to: Option<&'a str>,
}

/// The judgement and status fields, with the signed copy's fingerprint
/// shown so it can be compared with the paper.
fn judgement_and_status(
    ui: &mut Ui,
    d: &mut ChecklistDraft,
    e: &FieldErrors,
    today: Date,
    copy: SignedCopy<'_>,
) {
    theme::section_heading(ui, "Judgement and status");
    form_grid(ui, "checklist-status", |ui| {
        widgets::row(ui, "Overall judgement", e.get("judgement"), |ui| {
            widgets::choice(
                ui,
                "judgement",
                &mut d.judgement,
                &Judgement::ALL,
                Judgement::label,
            )
        });
        date_row(ui, "Next QA date", &mut d.next_qa, e, "next_qa", today);
        widgets::row(ui, "Status", e.get("status"), |ui| {
            widgets::choice(
                ui,
                "status",
                &mut d.status,
                &StatusChoice::ALL,
                StatusChoice::label,
            )
        });
        widgets::check_row(
            ui,
            "Unanswered items",
            "Finish with items not yet checked",
            &mut d.allow_unanswered,
        );
        if d.status == StatusChoice::Signed {
            date_row(
                ui,
                "Paper copy signed on",
                &mut d.signed_on,
                e,
                "signed_on",
                today,
            );
            if let Some(fingerprint) = copy.fingerprint {
                let label = ui.label("Signed copy's fingerprint");
                ui.horizontal(|ui| {
                    ui.label(RichText::new(fingerprint).monospace())
                        .on_hover_text(
                            "Shown at the foot of every page of the copy that was signed",
                        )
                        .labelled_by(label.id);
                    if let Some(now) = copy.changed_to {
                        let words = format!(
                            "Changed since signed: a reprint would show {now}. Print it and \
                             have it signed again, or undo the change"
                        );
                        ui.label(theme::toned(ui, Tone::Warning, words));
                    }
                });
                ui.end_row();
            }
        }
    });
}

fn sign_off(ui: &mut Ui, d: &mut ChecklistDraft, e: &FieldErrors, today: Date) {
    theme::section_heading(ui, "Sign-off");
    let people = [
        ("Completed by", "completed_by", &mut d.completed_by, true),
        (
            "Provider representative",
            "provider_representative",
            &mut d.provider_representative,
            true,
        ),
        (
            "DSL or headteacher",
            "countersigned_by",
            &mut d.countersigned_by,
            false,
        ),
    ];
    form_grid(ui, "checklist-sign-off", |ui| {
        for (who, field, s, with_role) in people {
            text_row(ui, &format!("{who}: name"), &mut s.name, e, field);
            if with_role {
                let none = FieldErrors::new();
                text_row(ui, &format!("{who}: role"), &mut s.role, &none, "");
            }
            let date_field = format!("{field}_date");
            date_row(
                ui,
                &format!("{who}: date"),
                &mut s.date,
                e,
                &date_field,
                today,
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ProviderId, default_template};

    fn fresh() -> Checklist {
        Checklist::from_template(ChecklistId(1), &default_template(), ProviderId(1))
    }

    #[test]
    fn complete_needs_every_item_answered_or_a_confirmation() {
        let checklist = fresh();
        let mut draft = ChecklistDraft::from_checklist(&checklist);
        draft.visit_date = "02/03/2026".into();
        draft.judgement = Judgement::Suitable;
        draft.status = StatusChoice::Complete;
        let errors = draft.to_checklist(&checklist).unwrap_err();
        assert!(
            errors
                .get("status")
                .unwrap()
                .contains("items are not yet checked")
        );
        draft.allow_unanswered = true;
        let done = draft.to_checklist(&checklist).unwrap();
        assert_eq!(done.status, ChecklistStatus::Complete);
    }

    #[test]
    fn signed_needs_the_date_and_who_completed_it() {
        let checklist = fresh();
        let mut draft = ChecklistDraft::from_checklist(&checklist);
        draft.visit_date = "02/03/2026".into();
        draft.judgement = Judgement::Suitable;
        draft.allow_unanswered = true;
        draft.status = StatusChoice::Signed;
        let errors = draft.to_checklist(&checklist).unwrap_err();
        assert!(errors.get("signed_on").is_some());
        assert!(errors.get("completed_by").is_some());
        draft.signed_on = "05/03/2026".into();
        draft.completed_by.name = "A. Lead".into();
        let signed = draft.to_checklist(&checklist).unwrap();
        assert_eq!(
            signed.status,
            ChecklistStatus::Signed {
                on: jiff::civil::date(2026, 3, 5),
                fingerprint: String::new(),
            }
        );
    }
}
