//! Small building blocks shared by the forms: labelled fields in a grid,
//! the date field with its calendar, choice boxes and field errors.
//!
//! Every field is linked to its visible label with `labelled_by`, so a
//! screen reader (and a test) finds the field by the label's words.

use egui::{Id, Response, RichText, TextEdit, Ui};
use egui_extras::DatePickerButton;
use jiff::civil::Date;

use super::form::FieldErrors;
use super::theme::{self, Tone};
use crate::model::dates::{format_date, parse_date};

/// A two-column grid for a form: labels on the left, fields on the right.
pub fn form_grid<R>(ui: &mut Ui, id: impl egui::AsIdSalt, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing(egui::vec2(16.0, 8.0))
        .min_col_width(150.0)
        .show(ui, add)
        .inner
}

/// The label cell of a grid row.
fn label_cell(ui: &mut Ui, label: &str) -> Response {
    ui.label(label)
}

/// Shows `error` (if any) in red words under a field.
pub fn field_error(ui: &mut Ui, error: Option<&str>) {
    if let Some(message) = error {
        ui.label(theme::toned(ui, Tone::Overdue, format!("Problem: {message}")).small());
    }
}

/// A grid row: a label, then a field drawn by `add`, with its error below.
pub fn row(
    ui: &mut Ui,
    label: &str,
    error: Option<&str>,
    add: impl FnOnce(&mut Ui) -> Response,
) -> Response {
    let label = label_cell(ui, label);
    let response = ui
        .vertical(|ui| {
            let response = add(ui).labelled_by(label.id);
            field_error(ui, error);
            response
        })
        .inner;
    ui.end_row();
    response
}

/// A one-line text field row.
pub fn text_row(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    errors: &FieldErrors,
    field: &str,
) -> Response {
    row(ui, label, errors.get(field), |ui| {
        ui.add(TextEdit::singleline(text).desired_width(theme::FIELD_WIDTH))
    })
}

/// A short text field row for a number.
pub fn number_row(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    errors: &FieldErrors,
    field: &str,
) -> Response {
    row(ui, label, errors.get(field), |ui| {
        ui.add(TextEdit::singleline(text).desired_width(theme::NUMBER_FIELD_WIDTH))
    })
}

/// A multi-line text field row.
pub fn multiline_row(ui: &mut Ui, label: &str, text: &mut String) -> Response {
    row(ui, label, None, |ui| {
        let width = ui
            .available_width()
            .clamp(theme::FIELD_WIDTH, theme::WIDE_FIELD_WIDTH);
        ui.add(
            TextEdit::multiline(text)
                .desired_width(width)
                .desired_rows(2),
        )
    })
}

/// A date field row: dd/mm/yyyy typed, or picked from a calendar.
pub fn date_row(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    errors: &FieldErrors,
    field: &str,
    today: Date,
) -> Response {
    let salt = format!("{field}-{label}");
    row(ui, label, errors.get(field), |ui| {
        date_edit(ui, &salt, text, today)
    })
}

/// A date text field with a calendar button beside it. Returns the text
/// field's response.
pub fn date_edit(ui: &mut Ui, salt: &str, text: &mut String, today: Date) -> Response {
    ui.horizontal(|ui| {
        let field = ui.add(
            TextEdit::singleline(text)
                .desired_width(theme::DATE_FIELD_WIDTH)
                .hint_text("dd/mm/yyyy"),
        );
        let mut picked = parse_date(text).unwrap_or(today);
        let before = picked;
        let button = ui.add(
            DatePickerButton::new(&mut picked)
                .id_salt(salt)
                .show_icon(false)
                .format("Calendar")
                .calendar_week(false),
        );
        let button = button.on_hover_text("Pick the date from a calendar");
        if picked != before || (button.changed() && text.trim().is_empty()) {
            *text = format_date(picked);
        }
        field
    })
    .inner
}

/// A choice box row over a fixed list of values.
pub fn choice_row<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    value: &mut T,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> Response {
    let id = ui.scope_id().with(label);
    row(ui, label, None, |ui| choice(ui, id, value, all, name))
}

/// A choice box over a fixed list of values; name it with `labelled_by`
/// or `accessible_name`.
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: impl egui::AsIdSalt,
    value: &mut T,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> Response {
    choice_wide(ui, id, value, all, name, ui.spacing().combo_width)
}

/// [`choice`] with a box at least `width` wide, so rows of boxes line up.
pub fn choice_wide<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: impl egui::AsIdSalt,
    value: &mut T,
    all: &[T],
    name: impl Fn(T) -> &'static str,
    width: f32,
) -> Response {
    let mut response = egui::ComboBox::from_id_salt(id)
        .selected_text(name(*value))
        .width(width)
        .show_ui(ui, |ui| {
            let mut changed = false;
            for option in all {
                changed |= ui.selectable_value(value, *option, name(*option)).changed();
            }
            changed
        });
    if response.inner == Some(true) {
        response.response.mark_changed();
    }
    response.response
}

/// A check box row: the box is named by its own words.
pub fn check_row(ui: &mut Ui, label: &str, words: &str, value: &mut bool) -> Response {
    label_cell(ui, label);
    let response = ui.checkbox(value, words);
    ui.end_row();
    response
}

/// A read-only row of text.
pub fn info_row(ui: &mut Ui, label: &str, value: impl Into<RichText>) {
    ui.label(RichText::new(label).weak());
    ui.label(value.into());
    ui.end_row();
}

/// The words on a form's two buttons.
#[derive(Clone, Copy, Debug)]
pub struct FormWords {
    /// The button that applies the draft.
    pub apply: &'static str,
    /// The button that throws the draft away.
    pub revert: &'static str,
}

impl FormWords {
    /// "Apply changes" and "Revert".
    pub const EDIT: Self = Self {
        apply: "Apply changes",
        revert: "Revert",
    };

    /// Apply with these words, and "Revert".
    pub const fn apply(apply: &'static str) -> Self {
        Self {
            apply,
            revert: "Revert",
        }
    }
}

/// Apply and Revert buttons at the foot of a form, with a count of
/// problems. Returns (apply clicked, revert clicked).
pub fn apply_bar(ui: &mut Ui, errors: &FieldErrors, words: FormWords) -> (bool, bool) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let apply = ui.add(primary_button(ui, words.apply)).clicked();
        let revert = ui
            .button(words.revert)
            .on_hover_text("Throw away what was typed")
            .clicked();
        if !errors.is_empty() {
            let words = match errors.len() {
                1 => "1 field needs correcting; nothing was changed".to_owned(),
                n => format!("{n} fields need correcting; nothing was changed"),
            };
            ui.label(theme::toned(ui, Tone::Overdue, words));
        }
        (apply, revert)
    })
    .inner
}

/// The button that does a screen's main job, filled to stand out.
pub fn primary_button<'a>(ui: &Ui, words: &'a str) -> egui::Button<'a> {
    let visuals = ui.visuals();
    egui::Button::new(
        RichText::new(words)
            .strong()
            .color(visuals.selection.stroke.color),
    )
    .fill(visuals.selection.bg_fill)
}

/// A button that removes a row, named for screen readers by `what`.
pub fn remove_button(ui: &mut Ui, what: &str) -> bool {
    row_button(ui, "Remove", &format!("Remove {what}")).clicked()
}

/// A button repeated on every row of a list: it shows `words`, and its
/// tooltip and its name for screen readers say which row it acts on, so
/// ten "Delete" buttons are not read out alike.
pub fn row_button(ui: &mut Ui, words: &str, name: &str) -> egui::Response {
    ui.button(words).on_hover_text(name).accessible_name(name)
}

/// An id for a widget in a list row.
pub fn row_id(kind: &str, index: usize) -> Id {
    Id::unique((kind, index))
}

/// Lays out a form: Apply and Revert in a footer that stays in view, and
/// the fields in a scroll area above it. Returns (apply, revert) clicks.
pub fn form_frame(
    ui: &mut Ui,
    salt: &str,
    errors: &FieldErrors,
    words: FormWords,
    body: impl FnOnce(&mut Ui),
) -> (bool, bool) {
    let footer = egui::Panel::bottom(Id::unique(salt).with("footer"))
        .show_separator_line(true)
        .show(ui, |ui| apply_bar(ui, errors, words))
        .inner;
    egui::ScrollArea::vertical()
        .id_salt(salt)
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.add_space(4.0);
            body(ui);
            ui.add_space(12.0);
        });
    footer
}

/// Marks `draft` as touched when drawing `form` changed it.
pub fn track<D: Clone + PartialEq>(
    draft: &mut D,
    touched: impl Fn(&mut D),
    form: impl FnOnce(&mut D),
) {
    let before = draft.clone();
    form(draft);
    if *draft != before {
        touched(draft);
    }
}
