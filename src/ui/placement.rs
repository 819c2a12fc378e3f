//! One placement: a header with the pupil and where the placement stands,
//! and tabs for the overview, plan, reviews, contacts and attendance.

use egui::{RichText, Ui};

use super::command::{Command, Deletion};
use super::theme::{self, Tone};
use super::view::{PlacementTab, Screen, ViewState};
use super::{Env, attendance, contacts, overview, plan, reviews};
use crate::model::dates::format_date;
use crate::model::due::{DUE_SOON_DAYS, days_between, review_state};
use crate::model::{Placement, PlacementId};

/// Draws the screen for placement `id`.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState, id: PlacementId) {
    let Some(placement) = env.register.placement(id) else {
        ui.heading("Placement not found");
        ui.label("This placement is no longer in the register (an undo may have removed it).");
        if ui.button("Back to the register").clicked() {
            env.send(Command::Show(Screen::Register));
        }
        return;
    };
    header(ui, env, placement);
    let tab = view.tab(id);
    tab_bar(ui, env, view, id, tab);
    ui.add_space(4.0);
    match tab {
        PlacementTab::Overview => overview::show(ui, env, view, placement),
        PlacementTab::Plan => plan::show(ui, env, view, placement),
        PlacementTab::Reviews => reviews::show(ui, env, view, placement),
        PlacementTab::Contacts => contacts::show(ui, env, view, placement),
        PlacementTab::Attendance => attendance::show(ui, env, view, placement),
    }
}

fn header(ui: &mut Ui, env: &mut Env<'_>, placement: &Placement) {
    ui.horizontal(|ui| {
        if ui.button("Back to the register").clicked() {
            env.send(Command::Show(Screen::Register));
        }
        ui.heading(&placement.pupil.name);
        let status_tone = match placement.status_label() {
            "Active" => Tone::Ok,
            "Planned" => Tone::Warning,
            _ => Tone::Info,
        };
        theme::badge(ui, status_tone, placement.status_label());
        review_badge(ui, env, placement);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let delete = ui
                .button("Delete placement…")
                .on_hover_text("For a placement entered by mistake; asks first");
            if delete.clicked() {
                env.send(Command::AskDelete(Deletion::Placement(placement.id)));
            }
        });
    });
    ui.horizontal(|ui| {
        let provider = env.register.provider_name(placement.provider);
        let year = super::register_table::year_label(placement.pupil.year_group);
        ui.label(format!("Year {year}"));
        ui.label("·");
        if ui
            .link(provider)
            .on_hover_text("Open the provider")
            .clicked()
        {
            env.send(Command::Show(Screen::Provider(placement.provider)));
        }
        ui.label("·");
        ui.label(placement.kind.label());
        ui.label("·");
        ui.label(format!("{:.1} hours a week", placement.weekly_hours()));
    });
}

fn review_badge(ui: &mut Ui, env: &Env<'_>, placement: &Placement) {
    let Some(state) = review_state(env.register, placement, env.today) else {
        return;
    };
    let (tone, words) = if state.overdue {
        (
            Tone::Overdue,
            format!("Review overdue since {}", format_date(state.due)),
        )
    } else if days_between(env.today, state.due) <= DUE_SOON_DAYS {
        (
            Tone::DueSoon,
            format!("Review due by {}", format_date(state.due)),
        )
    } else {
        (
            Tone::Ok,
            format!("Next review by {}", format_date(state.due)),
        )
    };
    theme::badge(ui, tone, &words).on_hover_text(&state.reason);
}

fn tab_bar(
    ui: &mut Ui,
    env: &mut Env<'_>,
    view: &ViewState,
    id: PlacementId,
    current: PlacementTab,
) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        for tab in PlacementTab::ALL {
            let mut words = tab.label().to_owned();
            if tab_has_draft(view, id, tab) {
                words.push_str(" *");
            }
            let button = egui::Button::selectable(current == tab, RichText::new(words).size(15.0))
                .min_size(egui::vec2(96.0, 28.0));
            let mut response = ui.add(button);
            if tab_has_draft(view, id, tab) {
                response = response.on_hover_text("Typed changes not yet applied");
            }
            if response.clicked() {
                env.send(Command::OpenPlacement(id, tab));
            }
        }
    });
    ui.separator();
}

/// Whether a tab holds typing not yet applied.
fn tab_has_draft(view: &ViewState, id: PlacementId, tab: PlacementTab) -> bool {
    let d = &view.drafts;
    match tab {
        PlacementTab::Overview => d.overview.get(&id).is_some_and(|d| d.touched),
        PlacementTab::Plan => d.plan.get(&id).is_some_and(|d| d.touched),
        PlacementTab::Reviews => d.review.get(&id).is_some_and(|d| d.touched),
        PlacementTab::Contacts => d.contact.get(&id).is_some_and(|d| d.touched),
        PlacementTab::Attendance => d.attendance.get(&id).is_some_and(|d| d.touched),
    }
}
