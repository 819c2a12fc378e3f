//! The new provider form: name, registration and the first site. The
//! rest is filled in on the provider's page.

use egui::{RichText, Ui};

use super::Env;
use super::command::{Command, FormKey};
use super::document::Document;
use super::form::{self, FieldErrors, Outcome};
use super::theme;
use super::view::{Screen, ViewState};
use super::widgets::{self, FormWords, choice_row, form_grid, text_row};
use crate::model::{Provider, ProviderId, Registration, RegistrationStatus, Site, SiteId};

/// The form as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewProviderDraft {
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
    /// First site's name.
    pub site_name: String,
    /// First site's address.
    pub site_address: String,
}

impl NewProviderDraft {
    fn check(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        form::required_text(&self.name, "name", "the provider's name", &mut e);
        if self.status.is_registered() && self.urn.trim().is_empty() {
            e.add("urn", "A registered school has a URN: enter it");
        }
        if self.site_address.trim().is_empty() {
            e.add("site_address", "Enter the address a pupil attends");
        }
        e.into_result(())
    }
}

/// Adds the new provider and opens it.
pub fn apply(doc: &mut Document, view: &mut ViewState) -> Outcome {
    let Some(draft) = view.drafts.new_provider.as_mut() else {
        return Outcome::NoDraft;
    };
    if let Err(errors) = draft.check() {
        draft.errors = errors;
        return Outcome::Invalid;
    }
    let d = draft.clone();
    let id = doc.edit(|r| {
        let id = ProviderId(r.allocate_id());
        let site = SiteId(r.allocate_id());
        let site_name = if d.site_name.trim().is_empty() {
            "Main site"
        } else {
            d.site_name.trim()
        };
        r.providers.push(Provider {
            id,
            name: d.name.trim().to_owned(),
            sites: vec![Site {
                id: site,
                name: site_name.to_owned(),
                address: d.site_address.trim().to_owned(),
            }],
            registration: Registration {
                status: d.status,
                urn: d.urn.trim().to_owned(),
                ..Registration::default()
            },
            ..Provider::default()
        });
        Ok::<_, ()>(id)
    });
    let Ok(id) = id else { return Outcome::NoDraft };
    view.drafts.new_provider = None;
    view.screen = Screen::Provider(id);
    Outcome::Applied("Provider added. Next, record its contacts and documents".into())
}

/// Draws the screen.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState) {
    ui.heading("New provider");
    ui.label(
        RichText::new("Contacts, more sites and documents can be added on the provider's page.")
            .weak(),
    );
    let draft = view
        .drafts
        .new_provider
        .get_or_insert_with(NewProviderDraft::default);
    let errors = draft.errors.clone();
    let mut clicks = (false, false);
    let words = FormWords {
        apply: "Add provider",
        revert: "Clear",
    };
    widgets::track(
        draft,
        |d| d.touched = true,
        |d| {
            clicks = widgets::form_frame(ui, "new-provider", &errors, words, |ui| {
                theme::section_heading(ui, "Provider");
                form_grid(ui, "new-provider-form", |ui| {
                    text_row(ui, "Name", &mut d.name, &errors, "name");
                    choice_row(
                        ui,
                        "Registration",
                        &mut d.status,
                        &RegistrationStatus::ALL,
                        RegistrationStatus::label,
                    );
                    text_row(ui, "URN", &mut d.urn, &errors, "urn");
                    text_row(ui, "Site name", &mut d.site_name, &errors, "site_name");
                    widgets::row(ui, "Site address", errors.get("site_address"), |ui| {
                        ui.add(
                            egui::TextEdit::multiline(&mut d.site_address)
                                .desired_rows(3)
                                .desired_width(theme::FIELD_WIDTH),
                        )
                    });
                });
            });
        },
    );
    if clicks.0 {
        env.send(Command::Apply(FormKey::NewProvider));
    }
    if clicks.1 {
        env.send(Command::Revert(FormKey::NewProvider));
    }
}
