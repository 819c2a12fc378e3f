//! The providers list: each provider with its registration, sites,
//! placements and the state of its documents.

use egui::{RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};
use jiff::civil::Date;

use super::Env;
use super::command::Command;
use super::theme::{self, Tone};
use super::view::{Screen, ViewState};
use crate::model::due::{DOCUMENT_WARNING_DAYS, days_between};
use crate::model::{Provider, ProviderDocument, names};

/// The state of a document's expiry on a day, in words and a tone.
pub fn document_state(doc: &ProviderDocument, today: Date) -> (Tone, &'static str) {
    match doc.expires_on {
        None => (Tone::Info, "Does not expire"),
        Some(d) if d < today => (Tone::Overdue, "Expired"),
        Some(d) if days_between(today, d) <= DOCUMENT_WARNING_DAYS => {
            (Tone::DueSoon, "Expires soon")
        }
        Some(_) => (Tone::Ok, "In date"),
    }
}

/// The worst document state of a provider.
fn documents_summary(provider: &Provider, today: Date) -> (Tone, String) {
    let states: Vec<Tone> = provider
        .documents
        .iter()
        .map(|d| document_state(d, today).0)
        .collect();
    let expired = states.iter().filter(|t| **t == Tone::Overdue).count();
    let soon = states.iter().filter(|t| **t == Tone::DueSoon).count();
    if expired > 0 {
        (Tone::Overdue, format!("{expired} expired"))
    } else if soon > 0 {
        let verb = if soon == 1 { "expires" } else { "expire" };
        (Tone::DueSoon, format!("{soon} {verb} soon"))
    } else if provider.documents.is_empty() {
        (Tone::Warning, "None recorded".to_owned())
    } else {
        (Tone::Ok, format!("{} in date", provider.documents.len()))
    }
}

/// Draws the screen.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState) {
    ui.horizontal(|ui| {
        ui.heading("Providers");
        ui.add_space(12.0);
        if ui.button("New provider…").clicked() {
            env.send(Command::Show(Screen::NewProvider));
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(&mut view.provider_search)
                .hint_text("Provider name or URN")
                .desired_width(220.0),
        )
        .labelled_by(label.id);
    });
    ui.add_space(4.0);
    let needle = names::fold(view.provider_search.trim());
    let providers: Vec<&Provider> = env
        .register
        .providers
        .iter()
        .filter(|p| {
            needle.is_empty()
                || names::fold(&p.name).contains(&needle)
                || p.registration.urn.to_lowercase().contains(&needle)
        })
        .collect();
    if providers.is_empty() {
        ui.label("No providers match.");
        return;
    }
    table(ui, env, &providers);
}

fn table(ui: &mut Ui, env: &mut Env<'_>, providers: &[&Provider]) {
    let mut open = None;
    TableBuilder::new(ui)
        .striped(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(240.0).clip(true))
        .column(Column::initial(250.0).clip(true))
        .column(Column::exact(60.0))
        .column(Column::exact(130.0))
        .column(Column::exact(130.0))
        .column(Column::remainder().at_least(80.0))
        .header(24.0, |mut header| {
            for words in [
                "Provider",
                "Registration",
                "Sites",
                "Active placements",
                "Documents",
                "LA approved list",
            ] {
                header.col(|ui| {
                    ui.strong(words);
                });
            }
        })
        .body(|body| {
            body.rows(theme::TABLE_ROW_HEIGHT, providers.len(), |mut row| {
                let Some(p) = providers.get(row.index()) else {
                    return;
                };
                let active = env
                    .register
                    .placements_at(p.id)
                    .filter(|pl| pl.is_active_on(env.today))
                    .count();
                row.col(|ui| {
                    ui.label(RichText::new(&p.name).strong());
                });
                row.col(|ui| {
                    let tone = if p.registration.status.is_registered() {
                        Tone::Ok
                    } else {
                        Tone::Warning
                    };
                    ui.label(theme::toned(ui, tone, p.registration.status.label()));
                });
                row.col(|ui| {
                    ui.label(p.sites.len().to_string());
                });
                row.col(|ui| {
                    ui.label(active.to_string());
                });
                row.col(|ui| {
                    let (tone, words) = documents_summary(p, env.today);
                    ui.label(theme::toned(ui, tone, words));
                });
                row.col(|ui| {
                    ui.label(if p.on_la_approved_list { "Yes" } else { "No" });
                });
                if row.response().clicked() {
                    open = Some(p.id);
                }
            });
        });
    if let Some(id) = open {
        env.send(Command::Show(Screen::Provider(id)));
    }
}
