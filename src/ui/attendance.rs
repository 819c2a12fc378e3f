//! A placement's Attendance tab: the returns the provider sends, a form
//! to add one, and a chart of attendance over time drawn with the painter.

use egui::{Pos2, Rect, RichText, Sense, Stroke, Ui, vec2};
use egui_extras::{Column, TableBuilder};
use jiff::civil::Date;

use super::Env;
use super::command::{Command, FormKey};
use super::document::Document;
use super::form::{self, FieldErrors, Outcome};
use super::theme::{self, Tone};
use super::view::ViewState;
use super::widgets;
use crate::model::dates::{format_date, format_optional};
use crate::model::{AttendanceReturn, Placement, PlacementId, RecordId};

/// Attendance at or above this percentage is shown as good.
const GOOD_PERCENT: f32 = 90.0;

/// The return form as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttendanceDraft {
    /// Typed in since it was made.
    pub touched: bool,
    /// Problems found by the last Apply.
    pub errors: FieldErrors,
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// Sessions offered.
    pub offered: String,
    /// Sessions attended.
    pub attended: String,
    /// Authorised absences.
    pub authorised: String,
    /// Unauthorised absences.
    pub unauthorised: String,
}

impl AttendanceDraft {
    /// The return, or the problems.
    pub fn to_return(&self) -> Result<AttendanceReturn, FieldErrors> {
        let mut e = FieldErrors::new();
        let from = form::required_date(&self.from, "from", &mut e);
        let to = form::required_date(&self.to, "to", &mut e);
        if let (Some(from), Some(to)) = (from, to)
            && to < from
        {
            e.add("to", "The period ends before it starts");
        }
        let offered = form::count(&self.offered, "offered", &mut e);
        let attended = form::count(&self.attended, "attended", &mut e);
        let authorised = form::count(&self.authorised, "authorised", &mut e);
        let unauthorised = form::count(&self.unauthorised, "unauthorised", &mut e);
        if offered == 0 && e.get("offered").is_none() {
            e.add("offered", "Enter the number of half-day sessions offered");
        }
        if attended + authorised + unauthorised > offered && e.is_empty() {
            e.add(
                "attended",
                "Attended and absent sessions add up to more than were offered",
            );
        }
        e.into_result(AttendanceReturn {
            id: RecordId::default(),
            from,
            to,
            sessions_offered: offered,
            attended,
            authorised_absences: authorised,
            unauthorised_absences: unauthorised,
        })
    }
}

/// Adds the drafted return to placement `id`.
pub fn apply(doc: &mut Document, view: &mut ViewState, id: PlacementId, _today: Date) -> Outcome {
    let Some(draft) = view.drafts.attendance.get_mut(&id) else {
        return Outcome::NoDraft;
    };
    let mut ret = match draft.to_return() {
        Ok(ret) => ret,
        Err(errors) => {
            draft.errors = errors;
            return Outcome::Invalid;
        }
    };
    let result: Result<(), ()> = doc.edit(|r| {
        ret.id = RecordId(r.allocate_id());
        r.placement_mut(id).ok_or(())?.attendance.push(ret);
        Ok(())
    });
    if result.is_err() {
        return Outcome::NoDraft;
    }
    view.drafts.attendance.remove(&id);
    Outcome::Applied("Attendance return added".into())
}

/// Draws the tab.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState, placement: &Placement) {
    let id = placement.id;
    let mut returns: Vec<&AttendanceReturn> = placement.attendance.iter().collect();
    returns.sort_by_key(|r| r.from);
    ui.columns(2, |cols| {
        let draft = view.drafts.attendance.entry(id).or_default();
        let mut clicks = (false, false);
        widgets::track(
            draft,
            |d| d.touched = true,
            |d| clicks = add_form(&mut cols[0], d, env.today),
        );
        if clicks.0 {
            env.send(Command::Apply(FormKey::Attendance(id)));
        }
        if clicks.1 {
            env.send(Command::Revert(FormKey::Attendance(id)));
        }
        theme::section_heading(&mut cols[1], "Attendance over time");
        chart(&mut cols[1], &returns);
    });
    list(ui, env, id, &returns);
}

fn add_form(ui: &mut Ui, d: &mut AttendanceDraft, today: Date) -> (bool, bool) {
    theme::section_heading(ui, "Add a return");
    let e = d.errors.clone();
    widgets::form_grid(ui, "attendance-form", |ui| {
        widgets::date_row(ui, "From", &mut d.from, &e, "from", today);
        widgets::date_row(ui, "To", &mut d.to, &e, "to", today);
        widgets::number_row(ui, "Sessions offered", &mut d.offered, &e, "offered");
        widgets::number_row(ui, "Sessions attended", &mut d.attended, &e, "attended");
        widgets::number_row(
            ui,
            "Authorised absences",
            &mut d.authorised,
            &e,
            "authorised",
        );
        widgets::number_row(
            ui,
            "Unauthorised absences",
            &mut d.unauthorised,
            &e,
            "unauthorised",
        );
    });
    widgets::apply_bar(
        ui,
        &e,
        widgets::FormWords {
            apply: "Add return",
            revert: "Clear",
        },
    )
}

/// A line chart of attendance per return, with the 90% line marked.
fn chart(ui: &mut Ui, returns: &[&AttendanceReturn]) {
    let points: Vec<(Date, f32)> = returns
        .iter()
        .filter_map(|r| Some((r.to.or(r.from)?, r.percent()?)))
        .collect();
    if points.is_empty() {
        ui.label(RichText::new("No returns yet: the chart appears with the first one.").weak());
        return;
    }
    let size = vec2(ui.available_width().min(540.0), 190.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let plot = Rect::from_min_max(rect.min + vec2(44.0, 10.0), rect.max - vec2(16.0, 26.0));
    let chart = Chart {
        painter: ui.painter_at(rect),
        plot,
        dark: theme::is_dark(ui),
        weak: ui.visuals().weak_text_color(),
    };
    chart.axes(ui.visuals().widgets.noninteractive.bg_stroke.color);
    chart.line(&points);
    let summary: Vec<String> = points
        .iter()
        .map(|(d, p)| format!("{}: {p:.0}%", format_date(*d)))
        .collect();
    response.on_hover_text(format!("Attendance by return: {}", summary.join(", ")));
}

/// The painter and the plot area of the attendance chart.
struct Chart {
    painter: egui::Painter,
    plot: Rect,
    dark: bool,
    weak: egui::Color32,
}

impl Chart {
    fn y(&self, percent: f32) -> f32 {
        self.plot.bottom() - self.plot.height() * percent.clamp(0.0, 100.0) / 100.0
    }

    fn axes(&self, frame: egui::Color32) {
        let p = &self.painter;
        p.rect_stroke(
            self.plot,
            0.0,
            Stroke::new(1.0, frame),
            egui::StrokeKind::Inside,
        );
        let font = egui::FontId::proportional(11.0);
        for level in [0.0, 50.0, 100.0] {
            let at = Pos2::new(self.plot.left() - 6.0, self.y(level));
            p.hline(
                self.plot.x_range(),
                self.y(level),
                Stroke::new(0.5, self.weak),
            );
            p.text(
                at,
                egui::Align2::RIGHT_CENTER,
                format!("{level:.0}%"),
                font.clone(),
                self.weak,
            );
        }
        let good = Tone::Ok.text(self.dark);
        p.hline(
            self.plot.x_range(),
            self.y(GOOD_PERCENT),
            Stroke::new(1.0, good),
        );
        let at = Pos2::new(self.plot.right() - 4.0, self.y(GOOD_PERCENT) + 2.0);
        p.text(at, egui::Align2::RIGHT_TOP, "90% target", font, good);
    }

    fn line(&self, points: &[(Date, f32)]) {
        let n = points.len();
        let inner = self.plot.shrink2(vec2(28.0, 0.0));
        let x = |i: usize| {
            if n == 1 {
                inner.center().x
            } else {
                inner.left() + inner.width() * i as f32 / (n - 1) as f32
            }
        };
        let line: Vec<Pos2> = points
            .iter()
            .enumerate()
            .map(|(i, (_, p))| Pos2::new(x(i), self.y(*p)))
            .collect();
        let stroke = Stroke::new(2.0, Tone::Warning.text(self.dark));
        self.painter.add(egui::Shape::line(line.clone(), stroke));
        let font = egui::FontId::proportional(10.0);
        let every = n.div_ceil(6).max(1);
        for (i, (pos, (date, percent))) in line.iter().zip(points).enumerate() {
            let tone = if *percent >= GOOD_PERCENT {
                Tone::Ok
            } else {
                Tone::Overdue
            };
            self.painter.circle_filled(*pos, 4.0, tone.text(self.dark));
            if i % every == 0 || i == n - 1 {
                let at = Pos2::new(pos.x, self.plot.bottom() + 4.0);
                let words = format_date(*date);
                self.painter
                    .text(at, egui::Align2::CENTER_TOP, words, font.clone(), self.weak);
            }
        }
    }
}

fn list(ui: &mut Ui, env: &mut Env<'_>, id: PlacementId, returns: &[&AttendanceReturn]) {
    theme::section_heading(ui, "Returns");
    if returns.is_empty() {
        ui.label("No attendance returns recorded.");
        return;
    }
    TableBuilder::new(ui)
        .id_salt("attendance-returns")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .columns(Column::exact(100.0), 2)
        .columns(Column::exact(90.0), 4)
        .column(Column::exact(90.0))
        .column(Column::remainder().at_least(70.0))
        .header(24.0, |mut header| {
            for words in [
                "From",
                "To",
                "Offered",
                "Attended",
                "Authorised",
                "Unauthorised",
                "Attendance",
                "",
            ] {
                header.col(|ui| {
                    ui.strong(words);
                });
            }
        })
        .body(|mut body| {
            for r in returns.iter().rev() {
                body.row(24.0, |mut row| {
                    row.col(|ui| {
                        ui.label(format_optional(r.from));
                    });
                    row.col(|ui| {
                        ui.label(format_optional(r.to));
                    });
                    for n in [
                        r.sessions_offered,
                        r.attended,
                        r.authorised_absences,
                        r.unauthorised_absences,
                    ] {
                        row.col(|ui| {
                            ui.label(n.to_string());
                        });
                    }
                    row.col(|ui| {
                        let percent = r.percent().unwrap_or(0.0);
                        let (tone, words) = if percent >= GOOD_PERCENT {
                            (Tone::Ok, format!("{percent:.0}%"))
                        } else {
                            (Tone::Overdue, format!("{percent:.0}% (low)"))
                        };
                        ui.label(theme::toned(ui, tone, words));
                    });
                    row.col(|ui| {
                        let name = format!("Delete the return from {}", format_optional(r.from));
                        if widgets::row_button(ui, "Delete", &name).clicked() {
                            env.send(Command::DeleteAttendance(id, r.id));
                        }
                    });
                });
            }
        });
}
