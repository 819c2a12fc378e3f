//! The register: one row per placement, sortable by any column, with a
//! search box and filters.
//!
//! Row text is worked out once per change of register or day, the filtered
//! and sorted order once per change of query, and only the rows on screen
//! are built, so a register of thousands of placements scrolls smoothly.

use egui::{RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};
use jiff::civil::Date;

use super::Env;
use super::command::Command;
use super::theme::{self, Tone};
use super::view::{PlacementTab, Screen, ViewState};
use crate::model::dates::format_optional;
use crate::model::due::{DUE_SOON_DAYS, days_between, review_state};
use crate::model::{ContactWith, Placement, ProviderId, Register, names};

/// Columns of the register, in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortColumn {
    /// Pupil name.
    #[default]
    Pupil,
    /// Year group.
    Year,
    /// Provider name.
    Provider,
    /// Kind of arrangement.
    Kind,
    /// Start date.
    Start,
    /// Next review date.
    NextReview,
    /// Last contact.
    LastContact,
    /// Status.
    Status,
}

impl SortColumn {
    const ALL: [Self; 8] = [
        Self::Pupil,
        Self::Year,
        Self::Provider,
        Self::Kind,
        Self::Start,
        Self::NextReview,
        Self::LastContact,
        Self::Status,
    ];

    fn label(self) -> &'static str {
        match self {
            Self::Pupil => "Pupil",
            Self::Year => "Year",
            Self::Provider => "Provider",
            Self::Kind => "Kind",
            Self::Start => "Start",
            Self::NextReview => "Next review",
            Self::LastContact => "Last contact",
            Self::Status => "Status",
        }
    }
}

/// Which placements the register shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    /// Every placement.
    All,
    /// Placements under way or planned.
    #[default]
    Current,
    /// Active placements only.
    Active,
    /// Ended placements only.
    Ended,
    /// Placements whose review is overdue.
    Overdue,
}

impl StatusFilter {
    const ALL: [Self; 5] = [
        Self::All,
        Self::Current,
        Self::Active,
        Self::Ended,
        Self::Overdue,
    ];

    fn label(self) -> &'static str {
        match self {
            Self::All => "All placements",
            Self::Current => "Active and planned",
            Self::Active => "Active",
            Self::Ended => "Ended",
            Self::Overdue => "Review overdue",
        }
    }
}

/// The query the user has set up.
#[derive(Clone, Debug, Default, PartialEq)]
struct Query {
    search: String,
    status: StatusFilter,
    provider: Option<ProviderId>,
    sort: SortColumn,
    descending: bool,
}

/// One placement's row, as text and sort keys.
#[derive(Clone, Debug)]
struct RowData {
    placement: crate::model::PlacementId,
    pupil: String,
    /// The pupil's name folded for search and sort ("zoe" finds "Zoë").
    pupil_key: String,
    upn: String,
    year: u8,
    provider_id: ProviderId,
    provider: String,
    provider_key: String,
    kind: &'static str,
    start: Option<Date>,
    next_review: Option<Date>,
    review_words: &'static str,
    review_tone: Tone,
    last_contact: Option<Date>,
    status: &'static str,
    active: bool,
    ended: bool,
    overdue: bool,
}

/// Search, filters, sort and the worked-out rows of the register.
#[derive(Default)]
pub struct TableState {
    query: Query,
    rows_key: Option<(u64, Date)>,
    rows: Vec<RowData>,
    order_key: Option<(u64, Date, Query)>,
    order: Vec<usize>,
}

impl TableState {
    fn refresh(&mut self, env: &Env<'_>) {
        let key = (env.generation, env.today);
        if self.rows_key != Some(key) {
            self.rows = env
                .register
                .placements
                .iter()
                .map(|p| row_data(env.register, p, env.today))
                .collect();
            self.rows_key = Some(key);
        }
        let order_key = (env.generation, env.today, self.query.clone());
        if self.order_key.as_ref() != Some(&order_key) {
            self.order = ordered(&self.rows, &self.query);
            self.order_key = Some(order_key);
        }
    }
}

fn row_data(register: &Register, p: &Placement, today: Date) -> RowData {
    let state = review_state(register, p, today);
    let (review_words, review_tone) = match &state {
        None => ("", Tone::Info),
        Some(s) if s.overdue => ("Overdue", Tone::Overdue),
        Some(s) if days_between(today, s.due) <= DUE_SOON_DAYS => ("Due soon", Tone::DueSoon),
        Some(_) => ("Scheduled", Tone::Ok),
    };
    let provider = register.provider_name(p.provider);
    RowData {
        placement: p.id,
        pupil: p.pupil.name.clone(),
        pupil_key: names::fold(&p.pupil.name),
        upn: p.pupil.upn.to_lowercase(),
        year: p.pupil.year_group,
        provider_id: p.provider,
        provider: provider.to_owned(),
        provider_key: names::fold(provider),
        kind: p.kind.label(),
        start: p.start,
        next_review: state.as_ref().map(|s| s.due),
        review_words,
        review_tone,
        last_contact: p
            .last_contact(|c| c.with == ContactWith::Provider || c.with == ContactWith::Pupil),
        status: p.status_label(),
        active: p.is_active_on(today),
        ended: p.is_ended(),
        overdue: state.is_some_and(|s| s.overdue),
    }
}

fn ordered(rows: &[RowData], query: &Query) -> Vec<usize> {
    let needle = names::fold(query.search.trim());
    let mut order: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| match query.status {
            StatusFilter::All => true,
            StatusFilter::Current => !r.ended,
            StatusFilter::Active => r.active,
            StatusFilter::Ended => r.ended,
            StatusFilter::Overdue => r.overdue,
        })
        .filter(|(_, r)| query.provider.is_none_or(|p| p == r.provider_id))
        .filter(|(_, r)| {
            needle.is_empty()
                || r.pupil_key.contains(&needle)
                || r.upn.contains(&needle)
                || r.provider_key.contains(&needle)
        })
        .map(|(i, _)| i)
        .collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&rows[a], &rows[b]);
        let by = match query.sort {
            SortColumn::Pupil => a.pupil_key.cmp(&b.pupil_key),
            SortColumn::Year => a.year.cmp(&b.year),
            SortColumn::Provider => a.provider_key.cmp(&b.provider_key),
            SortColumn::Kind => a.kind.cmp(b.kind),
            SortColumn::Start => a.start.cmp(&b.start),
            SortColumn::NextReview => (a.next_review.is_none(), a.next_review)
                .cmp(&(b.next_review.is_none(), b.next_review)),
            SortColumn::LastContact => a.last_contact.cmp(&b.last_contact),
            SortColumn::Status => a.status.cmp(b.status),
        };
        let by = by
            .then_with(|| a.pupil_key.cmp(&b.pupil_key))
            .then_with(|| a.pupil.cmp(&b.pupil));
        if query.descending { by.reverse() } else { by }
    });
    order
}

/// Draws the screen.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState) {
    let state = &mut view.table;
    ui.horizontal(|ui| {
        ui.heading("Register");
        ui.add_space(12.0);
        if ui.button("New placement…").clicked() {
            env.send(Command::Show(Screen::NewPlacement));
        }
    });
    filters(ui, env, &mut state.query);
    state.refresh(env);
    ui.label(
        RichText::new(format!(
            "Showing {} of {} placements. Click a column heading to sort; click a row to open it.",
            state.order.len(),
            state.rows.len()
        ))
        .small()
        .weak(),
    );
    ui.add_space(4.0);
    table(ui, env, state);
}

fn filters(ui: &mut Ui, env: &Env<'_>, query: &mut Query) {
    ui.horizontal(|ui| {
        let label = ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(&mut query.search)
                .hint_text("Pupil, UPN or provider")
                .desired_width(220.0),
        )
        .labelled_by(label.id);
        ui.add_space(8.0);
        let label = ui.label("Show");
        super::widgets::choice(
            ui,
            "status-filter",
            &mut query.status,
            &StatusFilter::ALL,
            StatusFilter::label,
        )
        .labelled_by(label.id);
        ui.add_space(8.0);
        let label = ui.label("Provider");
        provider_filter(ui, env.register, &mut query.provider).labelled_by(label.id);
        if query.search.is_empty()
            && query.status == StatusFilter::default()
            && query.provider.is_none()
        {
            return;
        }
        if ui.button("Clear filters").clicked() {
            query.search.clear();
            query.status = StatusFilter::default();
            query.provider = None;
        }
    });
}

fn provider_filter(
    ui: &mut Ui,
    register: &Register,
    provider: &mut Option<ProviderId>,
) -> egui::Response {
    let selected = provider.map_or("All providers", |id| register.provider_name(id));
    egui::ComboBox::from_id_salt("provider-filter")
        .selected_text(selected)
        .width(200.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(provider, None, "All providers");
            for p in &register.providers {
                ui.selectable_value(provider, Some(p.id), &p.name);
            }
        })
        .response
}

fn table(ui: &mut Ui, env: &mut Env<'_>, state: &mut TableState) {
    let mut sort_clicked = None;
    let mut open = None;
    TableBuilder::new(ui)
        .striped(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(200.0).at_least(120.0).clip(true))
        .column(Column::exact(48.0))
        .column(Column::initial(190.0).at_least(100.0).clip(true))
        .column(Column::initial(140.0).clip(true))
        .column(Column::exact(90.0))
        .column(Column::initial(170.0).clip(true))
        .column(Column::exact(100.0))
        .column(Column::remainder().at_least(70.0))
        .header(26.0, |mut header| {
            for column in SortColumn::ALL {
                header.col(|ui| {
                    if sort_header(ui, &state.query, column) {
                        sort_clicked = Some(column);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(theme::TABLE_ROW_HEIGHT, state.order.len(), |mut row| {
                let Some(data) = state
                    .order
                    .get(row.index())
                    .and_then(|&i| state.rows.get(i))
                else {
                    return;
                };
                draw_row(&mut row, data);
                if row.response().clicked() {
                    open = Some(data.placement);
                }
            });
        });
    if let Some(column) = sort_clicked {
        let query = &mut state.query;
        query.descending = query.sort == column && !query.descending;
        query.sort = column;
    }
    if let Some(id) = open {
        env.send(Command::OpenPlacement(id, PlacementTab::Overview));
    }
}

fn sort_header(ui: &mut Ui, query: &Query, column: SortColumn) -> bool {
    let mut words = column.label().to_owned();
    if query.sort == column {
        words.push_str(if query.descending { " ▼" } else { " ▲" });
    }
    let order = match (query.sort == column, query.descending) {
        (true, false) => "Sorted A to Z, earliest first; click to reverse",
        (true, true) => "Sorted Z to A, latest first; click to reverse",
        (false, _) => "Click to sort by this column",
    };
    let text = RichText::new(words).strong();
    ui.add(egui::Button::new(text).frame(false))
        .on_hover_text(order)
        .clicked()
}

fn draw_row(row: &mut egui_extras::TableRow<'_, '_>, data: &RowData) {
    row.col(|ui| {
        ui.label(RichText::new(&data.pupil).strong());
    });
    row.col(|ui| {
        ui.label(year_label(data.year));
    });
    row.col(|ui| {
        ui.label(&data.provider);
    });
    row.col(|ui| {
        ui.label(data.kind);
    });
    row.col(|ui| {
        ui.label(format_optional(data.start));
    });
    row.col(|ui| {
        if data.next_review.is_some() {
            ui.label(format_optional(data.next_review));
            ui.label(
                theme::toned(ui, data.review_tone, data.review_words)
                    .small()
                    .strong(),
            );
        } else {
            ui.label(RichText::new("–").weak());
        }
    });
    row.col(|ui| {
        ui.label(format_optional(data.last_contact));
    });
    row.col(|ui| {
        let tone = match data.status {
            "Active" => Tone::Ok,
            "Planned" => Tone::Warning,
            _ => Tone::Info,
        };
        ui.label(theme::toned(ui, tone, data.status));
    });
}

/// "R" for Reception, else the year number.
pub fn year_label(year: u8) -> String {
    if year == 0 {
        "R".to_owned()
    } else {
        year.to_string()
    }
}
