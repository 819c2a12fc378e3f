//! One provider: registration and inspection, sites, contacts, documents
//! with their expiry, and the placements there.

use egui::{RichText, TextEdit, Ui};
use jiff::civil::Date;

use super::Env;
use super::command::{Command, Deletion, FormKey};
use super::document::Document;
use super::form::{self, FieldErrors, Outcome};
use super::providers::document_state;
use super::theme;
use super::view::{PlacementTab, Screen, ViewState};
use super::widgets::{self, FormWords, check_row, choice_row, date_row, form_grid, text_row};
use crate::model::{
    DocumentKind, Provider, ProviderContact, ProviderDocument, ProviderId, RecordId,
    RegistrationStatus, Site, SiteId,
};

/// A site as typed; `id` is `None` until applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteDraft {
    /// The site's id once in the register.
    pub id: Option<SiteId>,
    /// Short name.
    pub name: String,
    /// Postal address.
    pub address: String,
}

/// A document as typed; `id` is `None` until applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentDraft {
    /// The document's id once in the register.
    pub id: Option<RecordId>,
    /// Kind.
    pub kind: DocumentKind,
    /// Title or reference.
    pub title: String,
    /// When seen.
    pub seen_on: String,
    /// When it runs out.
    pub expires_on: String,
}

/// The provider form as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct ProviderDraft {
    /// Typed in since it was made.
    pub touched: bool,
    /// Problems found by the last Apply.
    pub errors: FieldErrors,
    /// Name.
    pub name: String,
    /// Registration status.
    pub status: RegistrationStatus,
    /// URN.
    pub urn: String,
    /// Inspectorate.
    pub inspectorate: String,
    /// Latest inspection outcome.
    pub inspection_outcome: String,
    /// Latest inspection date.
    pub inspected_on: String,
    /// On the LA approved list.
    pub on_la_list: bool,
    /// Notes.
    pub notes: String,
    /// Sites.
    pub sites: Vec<SiteDraft>,
    /// People to contact.
    pub contacts: Vec<ProviderContact>,
    /// Documents.
    pub documents: Vec<DocumentDraft>,
}

impl ProviderDraft {
    /// A draft of the provider as it is.
    pub fn from_provider(p: &Provider) -> Self {
        Self {
            touched: false,
            errors: FieldErrors::new(),
            name: p.name.clone(),
            status: p.registration.status,
            urn: p.registration.urn.clone(),
            inspectorate: p.registration.inspectorate.clone(),
            inspection_outcome: p.registration.inspection_outcome.clone(),
            inspected_on: form::date_text(p.registration.inspected_on),
            on_la_list: p.on_la_approved_list,
            notes: p.notes.clone(),
            sites: p
                .sites
                .iter()
                .map(|s| SiteDraft {
                    id: Some(s.id),
                    name: s.name.clone(),
                    address: s.address.clone(),
                })
                .collect(),
            contacts: p.contacts.clone(),
            documents: p
                .documents
                .iter()
                .map(|d| DocumentDraft {
                    id: Some(d.id),
                    kind: d.kind,
                    title: d.title.clone(),
                    seen_on: form::date_text(d.seen_on),
                    expires_on: form::date_text(d.expires_on),
                })
                .collect(),
        }
    }

    /// The provider with the draft's values, or the problems. New sites
    /// and documents get ids from `allocate`.
    pub fn to_provider(
        &self,
        original: &Provider,
        mut allocate: impl FnMut() -> u32,
    ) -> Result<Provider, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut p = original.clone();
        p.name = form::required_text(&self.name, "name", "the provider's name", &mut e);
        p.registration.status = self.status;
        p.registration.urn = self.urn.trim().to_owned();
        if self.status.is_registered() && p.registration.urn.is_empty() {
            e.add("urn", "A registered school has a URN: enter it");
        }
        p.registration.inspectorate = self.inspectorate.trim().to_owned();
        p.registration.inspection_outcome = self.inspection_outcome.trim().to_owned();
        p.registration.inspected_on =
            form::optional_date(&self.inspected_on, "inspected_on", &mut e);
        p.on_la_approved_list = self.on_la_list;
        p.notes = self.notes.trim().to_owned();
        let mut documents = Vec::new();
        for (i, d) in self.documents.iter().enumerate() {
            let field = format!("document{i}");
            let seen_on = form::optional_date(&d.seen_on, &field, &mut e);
            let expires_on = form::optional_date(&d.expires_on, &field, &mut e);
            documents.push((d, seen_on, expires_on));
        }
        for (i, s) in self.sites.iter().enumerate() {
            if s.name.trim().is_empty() && s.address.trim().is_empty() {
                e.add(
                    format!("site{i}"),
                    "Give the site a name or an address, or remove it",
                );
            }
        }
        if !e.is_empty() {
            return Err(e);
        }
        p.sites = self
            .sites
            .iter()
            .map(|s| Site {
                id: s.id.unwrap_or_else(|| SiteId(allocate())),
                name: s.name.trim().to_owned(),
                address: s.address.trim().to_owned(),
            })
            .collect();
        p.contacts = self
            .contacts
            .iter()
            .filter(|c| !c.name.trim().is_empty())
            .cloned()
            .collect();
        p.documents = documents
            .into_iter()
            .map(|(d, seen_on, expires_on)| ProviderDocument {
                id: d.id.unwrap_or_else(|| RecordId(allocate())),
                kind: d.kind,
                title: d.title.trim().to_owned(),
                seen_on,
                expires_on,
            })
            .collect();
        Ok(p)
    }
}

/// Applies the draft of provider `id`.
pub fn apply(doc: &mut Document, view: &mut ViewState, id: ProviderId) -> Outcome {
    let Some(draft) = view.drafts.provider.get_mut(&id) else {
        return Outcome::NoDraft;
    };
    let Some(original) = doc.register().provider(id) else {
        return Outcome::NoDraft;
    };
    if let Err(errors) = draft.to_provider(original, || 0) {
        draft.errors = errors;
        return Outcome::Invalid;
    }
    let result: Result<(), ()> = doc.edit(|r| {
        let original = r.provider(id).cloned().ok_or(())?;
        let changed = draft
            .to_provider(&original, || r.allocate_id())
            .map_err(|_| ())?;
        let slot = r.providers.iter_mut().find(|p| p.id == id).ok_or(())?;
        *slot = changed;
        Ok(())
    });
    if result.is_err() {
        return Outcome::NoDraft;
    }
    view.drafts.provider.remove(&id);
    Outcome::Applied("Provider details saved in the register".into())
}

/// "Delete provider…", offered only when nothing names the provider.
fn delete_button(ui: &mut Ui, env: &mut Env<'_>, id: ProviderId) {
    let in_use = env.register.provider_in_use(id);
    let response = ui
        .add_enabled(in_use.is_ok(), egui::Button::new("Delete provider…"))
        .on_hover_text("For a provider entered by mistake; asks first");
    if let Err(why) = in_use {
        response.on_disabled_hover_text(format!("Cannot be deleted: {why}"));
    } else if response.clicked() {
        env.send(Command::AskDelete(Deletion::Provider(id)));
    }
}

/// Draws the screen for provider `id`.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState, id: ProviderId) {
    let Some(provider) = env.register.provider(id) else {
        ui.heading("Provider not found");
        if ui.button("Back to providers").clicked() {
            env.send(Command::Show(Screen::Providers));
        }
        return;
    };
    ui.horizontal(|ui| {
        if ui.button("Back to providers").clicked() {
            env.send(Command::Show(Screen::Providers));
        }
        ui.heading(&provider.name);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            delete_button(ui, env, id);
        });
    });
    if super::qa::tab_bar(ui, env, view, id) == super::qa::ProviderTab::Qa {
        super::qa::show(ui, env, view, id);
        return;
    }
    let draft = view
        .drafts
        .provider
        .entry(id)
        .or_insert_with(|| ProviderDraft::from_provider(provider));
    let errors = draft.errors.clone();
    let mut clicks = (false, false);
    let today = env.today;
    let mut open = None;
    widgets::track(
        draft,
        |d| d.touched = true,
        |d| {
            clicks = widgets::form_frame(
                ui,
                &format!("provider-{id}"),
                &errors,
                FormWords::EDIT,
                |ui| {
                    ui.columns(2, |cols| {
                        details(&mut cols[0], d, &errors, today);
                        placements(&mut cols[1], env, id, &mut open);
                    });
                    documents(ui, d, &errors, today);
                    sites(ui, d, &errors);
                    contacts(ui, d);
                },
            );
        },
    );
    if let Some(placement) = open {
        env.send(Command::OpenPlacement(placement, PlacementTab::Overview));
    }
    if clicks.0 {
        env.send(Command::Apply(FormKey::Provider(id)));
    }
    if clicks.1 {
        env.send(Command::Revert(FormKey::Provider(id)));
    }
}

fn details(ui: &mut Ui, d: &mut ProviderDraft, e: &FieldErrors, today: Date) {
    theme::section_heading(ui, "Registration");
    form_grid(ui, "provider-details", |ui| {
        text_row(ui, "Name", &mut d.name, e, "name");
        choice_row(
            ui,
            "Registration",
            &mut d.status,
            &RegistrationStatus::ALL,
            RegistrationStatus::label,
        );
        text_row(ui, "URN", &mut d.urn, e, "urn");
        text_row(ui, "Inspectorate", &mut d.inspectorate, e, "inspectorate");
        text_row(
            ui,
            "Inspection outcome",
            &mut d.inspection_outcome,
            e,
            "inspection_outcome",
        );
        date_row(
            ui,
            "Inspected on",
            &mut d.inspected_on,
            e,
            "inspected_on",
            today,
        );
        check_row(
            ui,
            "LA approved list",
            "On the local authority's approved list",
            &mut d.on_la_list,
        );
        widgets::row(ui, "Notes", None, |ui| {
            ui.add(
                TextEdit::multiline(&mut d.notes)
                    .desired_rows(2)
                    .desired_width(300.0),
            )
        });
    });
}

fn placements(
    ui: &mut Ui,
    env: &Env<'_>,
    id: ProviderId,
    open: &mut Option<crate::model::PlacementId>,
) {
    theme::section_heading(ui, "Placements here");
    let mut any = false;
    for p in env.register.placements_at(id) {
        any = true;
        ui.horizontal(|ui| {
            if ui.link(&p.pupil.name).clicked() {
                *open = Some(p.id);
            }
            ui.label(RichText::new(format!("{} · {}", p.kind.label(), p.status_label())).weak());
        });
    }
    if !any {
        ui.label("No placements at this provider.");
    }
}

fn sites(ui: &mut Ui, d: &mut ProviderDraft, e: &FieldErrors) {
    theme::section_heading(ui, "Sites a pupil may attend");
    let mut remove = None;
    for (i, s) in d.sites.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.add(
                TextEdit::singleline(&mut s.name)
                    .desired_width(160.0)
                    .hint_text("Site name"),
            )
            .accessible_name(format!("Site {} name", i + 1));
            ui.add(
                TextEdit::singleline(&mut s.address)
                    .desired_width(440.0)
                    .hint_text("Address"),
            )
            .accessible_name(format!("Site {} address", i + 1));
            if widgets::remove_button(ui, &format!("site {}", i + 1)) {
                remove = Some(i);
            }
        });
        widgets::field_error(ui, e.get(&format!("site{i}")));
    }
    if let Some(i) = remove {
        d.sites.remove(i);
    }
    if ui.button("Add site").clicked() {
        d.sites.push(SiteDraft::default());
    }
}

fn contacts(ui: &mut Ui, d: &mut ProviderDraft) {
    theme::section_heading(ui, "People to contact");
    let mut remove = None;
    for (i, c) in d.contacts.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal(|ui| {
            for (text, hint, width) in [
                (&mut c.name, "Name", 170.0),
                (&mut c.role, "Role", 190.0),
                (&mut c.phone, "Phone", 120.0),
                (&mut c.email, "Email", 300.0),
            ] {
                ui.add(
                    TextEdit::singleline(text)
                        .desired_width(width)
                        .hint_text(hint),
                )
                .accessible_name(format!("Contact {n} {}", hint.to_lowercase()));
            }
            if widgets::remove_button(ui, &format!("contact {n}")) {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        d.contacts.remove(i);
    }
    if ui.button("Add person").clicked() {
        d.contacts.push(ProviderContact::default());
    }
}

fn documents(ui: &mut Ui, d: &mut ProviderDraft, e: &FieldErrors, today: Date) {
    theme::section_heading(ui, "Documents seen");
    let mut remove = None;
    for (i, doc) in d.documents.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal(|ui| {
            widgets::choice(
                ui,
                ("doc-kind", i),
                &mut doc.kind,
                &DocumentKind::ALL,
                DocumentKind::label,
            )
            .accessible_name(format!("Document {n} kind"));
            ui.add(
                TextEdit::singleline(&mut doc.title)
                    .desired_width(160.0)
                    .hint_text("Reference"),
            )
            .accessible_name(format!("Document {n} reference"));
            ui.label("seen");
            widgets::date_edit(ui, &format!("doc-seen-{i}"), &mut doc.seen_on, today)
                .accessible_name(format!("Document {n} seen on"));
            ui.label("expires");
            widgets::date_edit(ui, &format!("doc-expires-{i}"), &mut doc.expires_on, today)
                .accessible_name(format!("Document {n} expires on"));
            let state = ProviderDocument {
                expires_on: crate::model::dates::parse_date(&doc.expires_on).ok(),
                ..ProviderDocument::default()
            };
            let (tone, words) = document_state(&state, today);
            theme::badge(ui, tone, words);
            if widgets::remove_button(ui, &format!("document {n}")) {
                remove = Some(i);
            }
        });
        widgets::field_error(ui, e.get(&format!("document{i}")));
    }
    if let Some(i) = remove {
        d.documents.remove(i);
    }
    if ui.button("Add document").clicked() {
        d.documents.push(DocumentDraft::default());
    }
}
