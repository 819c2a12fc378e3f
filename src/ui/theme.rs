//! The look of the window in one place: spacing, text sizes and the
//! colours that mark overdue, due-soon, warning and done states.
//!
//! Screens ask this module for a colour by meaning ([`Tone`]) rather than
//! writing colours themselves, so the states look the same everywhere and
//! a change of palette is one edit.

use egui::{Color32, CornerRadius, FontId, Margin, RichText, Stroke, TextStyle, Ui};

use crate::model::due::Severity;

/// Space between sections of a screen.
pub const SECTION_GAP: f32 = 14.0;

/// Width of the navigation panel on the left.
pub const NAV_WIDTH: f32 = 190.0;

/// Width of a text field that holds a date.
pub const DATE_FIELD_WIDTH: f32 = 100.0;

/// Width of a text field that holds a number.
pub const NUMBER_FIELD_WIDTH: f32 = 80.0;

/// Width of a one-line text field in a form.
pub const FIELD_WIDTH: f32 = 320.0;

/// Width of a multi-line text field in a form.
pub const WIDE_FIELD_WIDTH: f32 = 680.0;

/// Height of one row of the register table.
pub const TABLE_ROW_HEIGHT: f32 = 24.0;

/// What a coloured mark means. Every tone is shown with words as well.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// A duty has been missed.
    Overdue,
    /// A date is close.
    DueSoon,
    /// Something to look into.
    Warning,
    /// In order.
    Ok,
    /// Neutral information.
    Info,
}

impl From<Severity> for Tone {
    fn from(severity: Severity) -> Self {
        match severity {
            Severity::Overdue => Self::Overdue,
            Severity::DueSoon => Self::DueSoon,
            Severity::Warning => Self::Warning,
        }
    }
}

impl Tone {
    /// Text colour for the tone, readable on the panel background.
    pub fn text(self, dark: bool) -> Color32 {
        match (self, dark) {
            (Self::Overdue, false) => Color32::from_rgb(170, 20, 20),
            (Self::Overdue, true) => Color32::from_rgb(255, 120, 110),
            (Self::DueSoon, false) => Color32::from_rgb(140, 80, 0),
            (Self::DueSoon, true) => Color32::from_rgb(255, 190, 90),
            (Self::Warning, false) => Color32::from_rgb(60, 70, 150),
            (Self::Warning, true) => Color32::from_rgb(150, 170, 255),
            (Self::Ok, false) => Color32::from_rgb(20, 110, 40),
            (Self::Ok, true) => Color32::from_rgb(110, 210, 120),
            (Self::Info, false) => Color32::from_rgb(60, 60, 60),
            (Self::Info, true) => Color32::from_rgb(200, 200, 200),
        }
    }

    /// Background fill for a badge or notice of this tone.
    pub fn fill(self, dark: bool) -> Color32 {
        match (self, dark) {
            (Self::Overdue, false) => Color32::from_rgb(253, 226, 224),
            (Self::Overdue, true) => Color32::from_rgb(80, 28, 28),
            (Self::DueSoon, false) => Color32::from_rgb(255, 239, 204),
            (Self::DueSoon, true) => Color32::from_rgb(80, 60, 20),
            (Self::Warning, false) => Color32::from_rgb(229, 233, 252),
            (Self::Warning, true) => Color32::from_rgb(38, 44, 84),
            (Self::Ok, false) => Color32::from_rgb(223, 242, 226),
            (Self::Ok, true) => Color32::from_rgb(26, 64, 34),
            (Self::Info, false) => Color32::from_rgb(236, 236, 236),
            (Self::Info, true) => Color32::from_rgb(50, 50, 50),
        }
    }
}

/// DejaVu Sans, for letters the default fonts lack: pupils' names such as
/// Nguyễn or Ọkọnkwọ. Licence beside it in `assets/fonts/`.
/// The same bytes the PDFs embed, so the binary carries one copy.
const FALLBACK_FONT: &[u8] = crate::report::REGULAR_TTF;

/// Adds the fallback font after egui's own fonts.
pub fn install_fonts(ctx: &egui::Context) {
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| egui::epaint::text::InsertFontFamily {
            family,
            priority: egui::epaint::text::FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(FALLBACK_FONT),
        families,
    ));
}

/// Sets spacing and text sizes for the whole window.
pub fn apply(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.all_styles_mut(|style| {
        // Labels are read, not selected: a click on a table row opens it.
        style.interaction.selectable_labels = false;
        if !style.visuals.dark_mode {
            // A thin border shows where a field is on the pale panel.
            let border = Color32::from_gray(196);
            style.visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, border);
        }
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        style.spacing.interact_size.y = 22.0;
        style
            .text_styles
            .insert(TextStyle::Heading, FontId::proportional(20.0));
        style
            .text_styles
            .insert(TextStyle::Body, FontId::proportional(14.0));
        style
            .text_styles
            .insert(TextStyle::Button, FontId::proportional(14.0));
        style
            .text_styles
            .insert(TextStyle::Small, FontId::proportional(11.5));
        style
            .text_styles
            .insert(TextStyle::Monospace, FontId::monospace(13.0));
    });
}

/// Whether the window is in dark mode.
pub fn is_dark(ui: &Ui) -> bool {
    ui.visuals().dark_mode
}

/// A small coloured badge with words, such as "Overdue".
pub fn badge(ui: &mut Ui, tone: Tone, words: &str) -> egui::Response {
    let dark = is_dark(ui);
    egui::Frame::new()
        .fill(tone.fill(dark))
        .stroke(Stroke::new(1.0, tone.text(dark).gamma_multiply(0.5)))
        .corner_radius(CornerRadius::same(3))
        .inner_margin(Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(words).color(tone.text(dark)).strong())
        })
        .inner
}

/// Text in the tone's colour, for use inside a label.
pub fn toned(ui: &Ui, tone: Tone, words: impl Into<String>) -> RichText {
    RichText::new(words).color(tone.text(is_dark(ui)))
}

/// A section heading inside a screen.
pub fn section_heading(ui: &mut Ui, words: &str) {
    ui.add_space(SECTION_GAP / 2.0);
    ui.label(RichText::new(words).size(16.0).strong());
    ui.add_space(2.0);
}
