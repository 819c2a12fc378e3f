//! A placement's Reviews tab: where the placement stands against its
//! review cadence, the reviews held, and the review form.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::command::Command;
use super::theme::{self, Tone};
use super::view::ViewState;
use super::{Env, review_form, widgets};
use crate::model::dates::{format_date, format_optional};
use crate::model::due::review_state;
use crate::model::{Placement, Rating, Review};

/// Draws the tab.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState, placement: &Placement) {
    if let Some(draft) = view.drafts.review.get_mut(&placement.id) {
        review_form::show(ui, env, draft, placement);
        return;
    }
    cadence(ui, env, placement);
    ui.add_space(6.0);
    if ui.button(RichText::new("New review").strong()).clicked() {
        env.send(Command::NewReview(placement.id));
    }
    ui.add_space(6.0);
    if placement.reviews.is_empty() {
        ui.label("No reviews have been recorded for this placement.");
        return;
    }
    list(ui, env, placement);
}

fn cadence(ui: &mut Ui, env: &Env<'_>, placement: &Placement) {
    let Some(state) = review_state(env.register, placement, env.today) else {
        ui.label(RichText::new("Reviews are tracked while the placement is active.").weak());
        return;
    };
    ui.horizontal(|ui| {
        if state.overdue {
            theme::badge(ui, Tone::Overdue, "Overdue");
        } else {
            theme::badge(ui, Tone::Ok, "On track");
        }
        ui.label(&state.reason);
    });
    if state.fallback {
        ui.label(
            RichText::new(
                "Worked out with the six-week fallback: enter the term calendar in Settings.",
            )
            .small()
            .weak(),
        );
    }
}

fn list(ui: &mut Ui, env: &mut Env<'_>, placement: &Placement) {
    let mut reviews = placement.reviews_by_date();
    reviews.reverse();
    TableBuilder::new(ui)
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(100.0))
        .column(Column::exact(110.0))
        .column(Column::initial(180.0).clip(true))
        .column(Column::initial(200.0).clip(true))
        .column(Column::exact(110.0))
        .column(Column::remainder().at_least(250.0))
        .header(24.0, |mut header| {
            for words in [
                "Date",
                "Attendance",
                "Decision",
                "Objectives",
                "Next review",
                "",
            ] {
                header.col(|ui| {
                    ui.strong(words);
                });
            }
        })
        .body(|mut body| {
            let count = reviews.len();
            for (i, review) in reviews.into_iter().enumerate() {
                // Numbered from 1 in date order; the list shows the latest first.
                let number = count - i;
                body.row(26.0, |mut row| {
                    review_row(&mut row, env, placement, review, number);
                });
            }
        });
}

fn review_row(
    row: &mut egui_extras::TableRow<'_, '_>,
    env: &mut Env<'_>,
    placement: &Placement,
    review: &Review,
    number: usize,
) {
    row.col(|ui| {
        ui.label(format_optional(review.date));
    });
    row.col(|ui| {
        let words = review
            .attendance_percent()
            .map_or("–".to_owned(), |p| format!("{p:.0}%"));
        ui.label(words);
    });
    row.col(|ui| {
        ui.label(review.decision.label());
    });
    row.col(|ui| {
        ui.label(ratings_summary(review));
    });
    row.col(|ui| {
        ui.label(format_optional(review.next_review));
    });
    row.col(|ui| {
        let when = review.date.map(format_date).unwrap_or_default();
        if widgets::row_button(ui, "Open", &format!("Open the review of {when}")).clicked() {
            env.send(Command::EditReview(placement.id, review.id));
        }
        if widgets::row_button(ui, "Delete", &format!("Delete the review of {when}")).clicked() {
            env.send(Command::DeleteReview(placement.id, review.id));
        }
        let name = format!("Print the review of {when}…");
        if widgets::row_button(ui, "Print review…", &name).clicked() {
            let request = crate::report::PrintRequest::Review {
                placement: placement.id,
                review: Some(number),
            };
            env.send(Command::Print(request));
        }
    });
}

fn ratings_summary(review: &Review) -> String {
    let rated = review
        .progress
        .iter()
        .filter(|p| p.rating != Rating::NotRated)
        .count();
    let met = review
        .progress
        .iter()
        .filter(|p| matches!(p.rating, Rating::Met | Rating::Exceeded))
        .count();
    if review.progress.is_empty() {
        "No objectives rated".to_owned()
    } else {
        format!("{met} of {} met; {rated} rated", review.progress.len())
    }
}
