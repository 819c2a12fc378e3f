//! A provider's QA checks: the tab beside the provider's details that
//! lists its checklists, starts a new one and opens one in the form.

use std::collections::HashMap;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::Env;
use super::checklist_form::{self, ItemHeights};
use super::command::{Command, Deletion};
use super::theme::{self, Tone};
use super::view::ViewState;
use super::widgets;
use crate::model::dates::format_optional;
use crate::model::{Checklist, ChecklistId, ChecklistStatus, ProviderId, TemplateId};
use crate::report::PrintRequest;

/// The tabs of a provider.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ProviderTab {
    /// Registration, documents, sites and contacts.
    #[default]
    Details,
    /// QA checklists.
    Qa,
}

/// What the QA screens show; never saved.
#[derive(Default)]
pub struct QaView {
    /// The tab shown for each provider visited.
    pub tabs: HashMap<ProviderId, ProviderTab>,
    /// The checklist open in the form, per provider.
    pub open: HashMap<ProviderId, ChecklistId>,
    /// The template chosen for the next check, per provider.
    pub template: HashMap<ProviderId, TemplateId>,
    /// Heights of the items drawn, per checklist, so items out of view
    /// can be skipped.
    pub item_heights: HashMap<ChecklistId, ItemHeights>,
    /// Whether the open signed checklist still prints as its signed copy,
    /// worked out once per change of the register.
    pub seal: Option<SealCheck>,
}

/// A signed checklist compared with the fingerprint of its signed copy.
pub struct SealCheck {
    checklist: ChecklistId,
    generation: u64,
    /// The fingerprint a reprint would show, when it differs from the
    /// signed copy's.
    pub changed_to: Option<String>,
}

impl QaView {
    /// The fingerprint a reprint of `checklist` would show, if it is signed
    /// and no longer matches its signed copy. Building the document takes a
    /// few milliseconds, so it is done once per register change.
    pub fn changed_since_signed(&mut self, env: &Env<'_>, checklist: &Checklist) -> Option<&str> {
        let fresh = self
            .seal
            .as_ref()
            .is_some_and(|s| s.checklist == checklist.id && s.generation == env.generation);
        if !fresh {
            self.seal = Some(SealCheck {
                checklist: checklist.id,
                generation: env.generation,
                changed_to: reprint_differs(env, checklist),
            });
        }
        self.seal.as_ref()?.changed_to.as_deref()
    }
}

fn reprint_differs(env: &Env<'_>, checklist: &Checklist) -> Option<String> {
    match crate::report::checklist_changed_since_signed(env.register, checklist) {
        Ok(changed) => changed.map(|c| c.now),
        Err(err) => {
            log::warn!(
                "could not compare QA checklist {} with its copy: {err}",
                checklist.id
            );
            None
        }
    }
}

/// Draws the Details / QA checks tab bar of provider `id` and returns the
/// tab to show.
pub fn tab_bar(ui: &mut Ui, env: &mut Env<'_>, view: &ViewState, id: ProviderId) -> ProviderTab {
    let current = view.qa.tabs.get(&id).copied().unwrap_or_default();
    let count = env.register.checklists_for(id).count();
    let qa_words = format!("QA checks ({count})");
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        for (tab, words) in [
            (ProviderTab::Details, "Details"),
            (ProviderTab::Qa, qa_words.as_str()),
        ] {
            let button = egui::Button::selectable(current == tab, RichText::new(words).size(15.0))
                .min_size(egui::vec2(96.0, 28.0));
            if ui.add(button).clicked() {
                env.send(Command::ShowProviderTab(id, tab));
            }
        }
    });
    ui.separator();
    current
}

/// Draws the QA checks tab of provider `id`.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState, id: ProviderId) {
    if let Some(open) = view.qa.open.get(&id).copied() {
        if let Some(checklist) = env.register.checklist(open) {
            ui.horizontal(|ui| {
                if ui.button("Back to QA checks").clicked() {
                    view.qa.open.remove(&id);
                }
                let touched = view.drafts.checklist.get(&open).is_some_and(|d| d.touched);
                if touched {
                    theme::badge(ui, Tone::DueSoon, "Typed changes not yet applied");
                }
                if let Some(now) = view.qa.changed_since_signed(env, checklist) {
                    let why = format!(
                        "A reprint would show fingerprint {now}, not the one on the signed \
                         copy: print it and have it signed again, or undo the change"
                    );
                    theme::badge(ui, Tone::Warning, "Changed since its paper copy was signed")
                        .on_hover_text(why);
                }
            });
            checklist_form::show(ui, env, view, checklist);
            return;
        }
        view.qa.open.remove(&id);
    }
    start_bar(ui, env, view, id);
    ui.add_space(6.0);
    let checklists: Vec<&Checklist> = env.register.checklists_for(id).collect();
    if checklists.is_empty() {
        ui.label("No QA checks of this provider have been recorded.");
        return;
    }
    list(ui, env, view, &checklists);
}

fn start_bar(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState, id: ProviderId) {
    let templates = &env.register.checklist_templates;
    ui.horizontal(|ui| {
        let mut chosen = view
            .qa
            .template
            .get(&id)
            .copied()
            .filter(|t| templates.iter().any(|x| x.id == *t))
            .or_else(|| templates.first().map(|t| t.id));
        if templates.len() > 1 {
            let label = ui.label("Template");
            let name = |t: Option<TemplateId>| {
                t.and_then(|t| env.register.template(t))
                    .map_or(String::new(), |t| t.name.clone())
            };
            egui::ComboBox::from_id_salt(("qa-template", id))
                .selected_text(name(chosen))
                .width(260.0)
                .show_ui(ui, |ui| {
                    for t in templates {
                        ui.selectable_value(&mut chosen, Some(t.id), &t.name);
                    }
                })
                .response
                .labelled_by(label.id);
            if let Some(t) = chosen {
                view.qa.template.insert(id, t);
            }
        }
        let start = ui
            .add(egui::Button::new(RichText::new("Start QA check…").strong()))
            .on_hover_text("Start a new checklist of this provider");
        if start.clicked() {
            env.send(Command::StartChecklist(id, chosen));
        }
        let blank = PrintRequest::Blank {
            provider: id,
            template: chosen,
        };
        if ui
            .button("Print blank visit sheet…")
            .on_hover_text("A sheet to fill in by hand at the provider")
            .clicked()
        {
            env.send(Command::Print(blank));
        }
    });
    if templates.is_empty() {
        ui.label(
            RichText::new("The register has no template yet: the default one (A–L) will be used.")
                .small()
                .weak(),
        );
    }
}

fn status_tone(status: &ChecklistStatus) -> Tone {
    match status {
        ChecklistStatus::Draft => Tone::DueSoon,
        ChecklistStatus::Complete => Tone::Ok,
        ChecklistStatus::Signed { .. } => Tone::Ok,
    }
}

fn list(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState, checklists: &[&Checklist]) {
    let mut open = None;
    TableBuilder::new(ui)
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(100.0))
        .column(Column::initial(240.0).clip(true))
        .column(Column::exact(170.0))
        .column(Column::exact(150.0))
        .column(Column::remainder().at_least(200.0))
        .header(24.0, |mut header| {
            for words in ["Visit date", "Template", "Judgement", "Status", ""] {
                header.col(|ui| {
                    ui.strong(words);
                });
            }
        })
        .body(|mut body| {
            for c in checklists.iter().rev() {
                body.row(26.0, |mut row| {
                    row.col(|ui| {
                        ui.label(format_optional(c.visit_date));
                    });
                    row.col(|ui| {
                        ui.label(&c.template_name);
                    });
                    row.col(|ui| {
                        ui.label(c.judgement.label());
                    });
                    row.col(|ui| {
                        let words = match &c.status {
                            ChecklistStatus::Signed { on, .. } => {
                                format!("Signed {}", crate::model::dates::format_date(*on))
                            }
                            other => other.label().to_owned(),
                        };
                        ui.label(theme::toned(ui, status_tone(&c.status), words));
                    });
                    row.col(|ui| {
                        let when = format_optional(c.visit_date);
                        let name = format!("Open the QA check of {when}");
                        if widgets::row_button(ui, "Open", &name).clicked() {
                            open = Some(c.id);
                        }
                        let request = PrintRequest::Checklist {
                            provider: c.provider,
                            checklist: Some(c.id),
                        };
                        let printable = c.status.is_finished();
                        if ui
                            .add_enabled(printable, egui::Button::new("Print checklist…"))
                            .on_disabled_hover_text("Only a complete or signed check prints")
                            .accessible_name(format!("Print the QA check of {when}…"))
                            .clicked()
                        {
                            env.send(Command::Print(request));
                        }
                        let name = format!("Delete the QA check of {when}…");
                        if widgets::row_button(ui, "Delete…", &name).clicked() {
                            env.send(Command::AskDelete(Deletion::Checklist(c.id)));
                        }
                    });
                });
            }
        });
    if let Some(id) = open
        && let Some(c) = checklists.iter().find(|c| c.id == id)
    {
        view.qa.open.insert(c.provider, id);
    }
}
