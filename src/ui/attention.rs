//! Needs attention, the start page: everything due or overdue today,
//! grouped by severity and then by kind, each with its reason and date.
//! A click opens the record at the tab where the work is done.
//!
//! The list is worked out once per change of register or day and drawn as
//! rows of one height, so only the rows on screen are laid out.

use std::collections::HashSet;

use egui::{Align, Layout, RichText, Ui};
use jiff::civil::Date;

use super::Env;
use super::command::Command;
use super::theme::{self, Tone};
use super::view::{PlacementTab, Screen, ViewState};
use crate::model::dates::format_date;
use crate::model::due::{DueItem, DueKind, Severity, Subject, due_items};

const ROW_HEIGHT: f32 = 26.0;

/// Room on a row right of the reason: the due date, the Open button and
/// the scroll bar.
const REASON_MARGIN: f32 = 205.0;

/// One line of the list.
#[derive(Clone, Debug, PartialEq)]
enum Row {
    /// A severity heading with its count.
    Severity(Severity, usize),
    /// A kind heading under a severity, with its count.
    Kind(Severity, DueKind, usize),
    /// An item, by position in the items.
    Item(usize),
}

/// An item with the names it is shown with.
#[derive(Clone, Debug)]
pub struct ShownItem {
    /// The item.
    pub item: DueItem,
    /// Pupil or provider name.
    pub name: String,
    /// Provider of a placement; empty for a provider item.
    pub detail: String,
}

/// The due items for one register generation and day, and the rows drawn.
#[derive(Default)]
pub struct AttentionCache {
    key: Option<(u64, Date)>,
    items: Vec<ShownItem>,
    rows: Vec<Row>,
    collapsed: HashSet<(Severity, Option<DueKind>)>,
}

impl AttentionCache {
    fn refresh(&mut self, env: &Env<'_>) {
        let key = (env.generation, env.today);
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.items = due_items(env.register, env.today)
            .into_iter()
            .map(|item| name_item(env, item))
            .collect();
        // Group by severity, then kind; keep the due order inside a kind.
        self.items.sort_by_key(|s| (s.item.severity, s.item.kind));
        self.rebuild_rows();
    }

    fn rebuild_rows(&mut self) {
        self.rows.clear();
        let mut start = 0;
        while start < self.items.len() {
            let severity = self.items[start].item.severity;
            let end = start
                + self.items[start..]
                    .iter()
                    .take_while(|s| s.item.severity == severity)
                    .count();
            self.rows.push(Row::Severity(severity, end - start));
            if !self.collapsed.contains(&(severity, None)) {
                self.push_kinds(severity, start, end);
            }
            start = end;
        }
    }

    fn push_kinds(&mut self, severity: Severity, from: usize, to: usize) {
        let mut start = from;
        while start < to {
            let kind = self.items[start].item.kind;
            let end = start
                + self.items[start..to]
                    .iter()
                    .take_while(|s| s.item.kind == kind)
                    .count();
            self.rows.push(Row::Kind(severity, kind, end - start));
            if !self.collapsed.contains(&(severity, Some(kind))) {
                self.rows.extend((start..end).map(Row::Item));
            }
            start = end;
        }
    }

    fn toggle(&mut self, group: (Severity, Option<DueKind>)) {
        if !self.collapsed.remove(&group) {
            self.collapsed.insert(group);
        }
        self.rebuild_rows();
    }
}

fn name_item(env: &Env<'_>, item: DueItem) -> ShownItem {
    let (name, detail) = match item.subject {
        Subject::Placement(id) => match env.register.placement(id) {
            Some(p) => (
                p.pupil.name.clone(),
                env.register.provider_name(p.provider).to_owned(),
            ),
            None => (format!("Placement {id}"), String::new()),
        },
        Subject::Provider(id) => (env.register.provider_name(id).to_owned(), String::new()),
    };
    ShownItem { item, name, detail }
}

/// The due items for today, worked out again only when the register or the
/// day has changed.
pub fn cached<'v>(env: &Env<'_>, view: &'v mut ViewState) -> &'v [ShownItem] {
    view.attention.refresh(env);
    &view.attention.items
}

/// Where a due item is dealt with.
pub fn target(item: &DueItem) -> Command {
    match item.subject {
        Subject::Provider(id) => Command::Show(Screen::Provider(id)),
        Subject::Placement(id) => {
            let tab = match item.kind {
                DueKind::Review | DueKind::DirectionReview | DueKind::ReviewAction => {
                    PlacementTab::Reviews
                }
                DueKind::Contact => PlacementTab::Contacts,
                DueKind::Plan => PlacementTab::Plan,
                _ => PlacementTab::Overview,
            };
            Command::OpenPlacement(id, tab)
        }
    }
}

/// Draws the screen.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState) {
    view.attention.refresh(env);
    heading(ui, env.today, &view.attention.items);
    if view.attention.items.is_empty() {
        ui.add_space(20.0);
        ui.horizontal(|ui| {
            theme::badge(ui, Tone::Ok, "All clear");
            ui.label("Nothing needs attention today.");
        });
        return;
    }
    ui.add_space(6.0);
    column_headings(ui);
    let cache = &mut view.attention;
    let mut toggle = None;
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        ROW_HEIGHT,
        cache.rows.len(),
        |ui, range| {
            for row in &cache.rows[range] {
                match *row {
                    Row::Severity(severity, n) => {
                        if severity_row(
                            ui,
                            severity,
                            n,
                            cache.collapsed.contains(&(severity, None)),
                        ) {
                            toggle = Some((severity, None));
                        }
                    }
                    Row::Kind(severity, kind, n) => {
                        let closed = cache.collapsed.contains(&(severity, Some(kind)));
                        if kind_row(ui, kind, n, closed) {
                            toggle = Some((severity, Some(kind)));
                        }
                    }
                    Row::Item(index) => {
                        if let Some(shown) = cache.items.get(index) {
                            item_row(ui, env, shown);
                        }
                    }
                }
            }
        },
    );
    if let Some(group) = toggle {
        cache.toggle(group);
    }
}

fn heading(ui: &mut Ui, today: Date, items: &[ShownItem]) {
    ui.heading("Needs attention");
    let count = |s: Severity| items.iter().filter(|i| i.item.severity == s).count();
    ui.horizontal(|ui| {
        ui.label(format!("As of {}", format_date(today)));
        ui.add_space(8.0);
        for severity in [Severity::Overdue, Severity::DueSoon, Severity::Warning] {
            let words = format!("{} {}", count(severity), severity.label().to_lowercase());
            theme::badge(ui, severity.into(), &words);
        }
    });
}

fn column_headings(ui: &mut Ui) {
    ui.horizontal(|ui| {
        ui.add_space(40.0);
        let heading = |ui: &mut Ui, width: f32, words: &str| {
            fixed(ui, width, |ui| {
                ui.label(RichText::new(words).small().strong());
            });
        };
        heading(ui, 80.0, "Severity");
        heading(ui, 190.0, "Pupil or provider");
        heading(ui, (ui.available_width() - REASON_MARGIN).max(120.0), "Why");
        heading(ui, 120.0, "Due");
    });
    ui.separator();
}

fn arrow(closed: bool) -> &'static str {
    if closed { "Show" } else { "Hide" }
}

fn severity_row(ui: &mut Ui, severity: Severity, n: usize, closed: bool) -> bool {
    ui.horizontal(|ui| {
        ui.set_height(ROW_HEIGHT);
        theme::badge(ui, severity.into(), severity.label());
        let items = if n == 1 {
            "1 item".to_owned()
        } else {
            format!("{n} items")
        };
        ui.label(RichText::new(items).strong());
        ui.small_button(arrow(closed))
            .on_hover_text(format!(
                "{} the {} items",
                arrow(closed),
                severity.label().to_lowercase()
            ))
            .clicked()
    })
    .inner
}

fn kind_row(ui: &mut Ui, kind: DueKind, n: usize, closed: bool) -> bool {
    ui.horizontal(|ui| {
        ui.set_height(ROW_HEIGHT);
        ui.add_space(24.0);
        ui.label(RichText::new(format!("{} ({n})", kind.label())).strong());
        ui.small_button(arrow(closed))
            .on_hover_text(format!(
                "{} the {} items",
                arrow(closed),
                kind.label().to_lowercase()
            ))
            .clicked()
    })
    .inner
}

fn item_row(ui: &mut Ui, env: &mut Env<'_>, shown: &ShownItem) {
    let item = &shown.item;
    ui.horizontal(|ui| {
        ui.set_height(ROW_HEIGHT);
        ui.add_space(40.0);
        fixed(ui, 80.0, |ui| {
            ui.label(theme::toned(ui, item.severity.into(), item.severity.label()).small());
        });
        fixed(ui, 190.0, |ui| {
            let colour = ui.visuals().hyperlink_color;
            let name = RichText::new(&shown.name).color(colour);
            let link = ui.add(
                egui::Label::new(name)
                    .truncate()
                    .sense(egui::Sense::click()),
            );
            let link = link
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .on_hover_text(&shown.detail);
            if link.clicked() {
                env.send(target(item));
            }
        });
        let due = match item.due {
            Some(date) if item.fallback => format!("{} (fallback)", format_date(date)),
            Some(date) => format_date(date),
            None => String::new(),
        };
        let reason_width = (ui.available_width() - REASON_MARGIN).max(120.0);
        fixed(ui, reason_width, |ui| {
            ui.add(egui::Label::new(&item.reason).truncate());
        });
        fixed(ui, 120.0, |ui| {
            ui.label(due);
        });
        let open = ui.button("Open").accessible_name(format!(
            "Open {}: {}",
            shown.name,
            item.kind.label()
        ));
        if open.clicked() {
            env.send(target(item));
        }
    });
}

/// A cell of fixed width on a row.
fn fixed(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui)) {
    let size = egui::vec2(width, ROW_HEIGHT);
    ui.allocate_ui_with_layout(size, Layout::left_to_right(Align::Center), |ui| {
        ui.set_min_size(size);
        ui.set_clip_rect(ui.max_rect().intersect(ui.clip_rect()));
        add(ui);
    });
}
