//! The checklist template editor, reached from Settings: the school's
//! templates, their sections and items, added, reworded, reordered and
//! removed; a template imported from or exported to a `.ron` file.
//!
//! Checklists copy the wording when they start, so editing a template
//! never changes a check already made.

use std::path::{Path, PathBuf};

use egui::{RichText, TextEdit, Ui};

use super::command::{Command, FormKey};
use super::document::Document;
use super::file_picker::PickPurpose;
use super::form::{FieldErrors, Outcome};
use super::theme::{self, Tone};
use super::view::{Screen, ViewState};
use super::widgets::{self, FormWords};
use super::{App, Env};
use crate::model::{
    ChecklistTemplate, ItemId, SectionId, TemplateId, TemplateItem, TemplateSection,
};

/// The templates as typed. New templates, sections and items have id 0
/// until applied.
#[derive(Clone, Debug, PartialEq)]
pub struct TemplatesDraft {
    /// Typed in since it was made.
    pub touched: bool,
    /// Problems found by the last Apply.
    pub errors: FieldErrors,
    /// All templates.
    pub templates: Vec<ChecklistTemplate>,
    /// The template shown.
    pub selected: usize,
}

impl TemplatesDraft {
    /// A draft of the register's templates.
    pub fn from_templates(templates: &[ChecklistTemplate]) -> Self {
        Self {
            touched: false,
            errors: FieldErrors::new(),
            templates: templates.to_vec(),
            selected: 0,
        }
    }

    /// The problems with the draft, if any.
    pub fn check(&self) -> FieldErrors {
        let mut e = FieldErrors::new();
        for (t, template) in self.templates.iter().enumerate() {
            if template.name.trim().is_empty() {
                e.add(format!("template{t}"), "Give the template a name");
            }
            for (s, section) in template.sections.iter().enumerate() {
                if section.title.trim().is_empty() {
                    e.add(format!("section{t}-{s}"), "Give the section a title");
                }
                for (i, item) in section.items.iter().enumerate() {
                    if item.text.trim().is_empty() {
                        e.add(
                            format!("item{t}-{s}-{i}"),
                            "Say what is checked, or remove it",
                        );
                    }
                }
            }
        }
        e
    }
}

/// Gives new parts (id 0) of `template` fresh ids from `next`.
fn number_new(template: &mut ChecklistTemplate, mut next: impl FnMut() -> u32) {
    if template.id.0 == 0 {
        template.id = TemplateId(next());
    }
    for section in &mut template.sections {
        if section.id.0 == 0 {
            section.id = SectionId(next());
        }
        for item in &mut section.items {
            if item.id.0 == 0 {
                item.id = ItemId(next());
            }
            item.text = item.text.trim().to_owned();
        }
    }
    template.name = template.name.trim().to_owned();
}

/// Applies the templates draft: one undo step.
pub fn apply(doc: &mut Document, view: &mut ViewState) -> Outcome {
    let Some(draft) = view.drafts.templates.as_mut() else {
        return Outcome::NoDraft;
    };
    let errors = draft.check();
    if !errors.is_empty() {
        draft.errors = errors;
        return Outcome::Invalid;
    }
    let mut templates = draft.templates.clone();
    let result: Result<(), ()> = doc.edit(|r| {
        for template in &mut templates {
            number_new(template, || r.allocate_id());
        }
        r.checklist_templates = templates;
        Ok(())
    });
    if result.is_err() {
        return Outcome::NoDraft;
    }
    view.drafts.templates = None;
    Outcome::Applied("Checklist templates saved in the register".into())
}

/// Draws the screen.
pub fn show(ui: &mut Ui, env: &mut Env<'_>, view: &mut ViewState) {
    ui.horizontal(|ui| {
        if ui.button("Back to settings").clicked() {
            env.send(Command::Show(Screen::Settings));
        }
        ui.heading("Checklist templates");
    });
    let draft = view
        .drafts
        .templates
        .get_or_insert_with(|| TemplatesDraft::from_templates(&env.register.checklist_templates));
    let errors = draft.errors.clone();
    let mut clicks = (false, false);
    let mut export = None;
    widgets::track(
        draft,
        |d| d.touched = true,
        |d| {
            let words = FormWords::apply("Apply templates");
            clicks = widgets::form_frame(ui, "templates", &errors, words, |ui| {
                template_list(ui, env, d);
                ui.separator();
                if d.templates.is_empty() {
                    ui.label("No templates. Add one, or import one from a file.");
                } else {
                    d.selected = d.selected.min(d.templates.len() - 1);
                    export = template_form(ui, d, &errors);
                }
            });
        },
    );
    if let Some(id) = export {
        env.send(Command::ExportTemplate(id));
    }
    if clicks.0 {
        env.send(Command::Apply(FormKey::Templates));
    }
    if clicks.1 {
        env.send(Command::Revert(FormKey::Templates));
    }
}

fn template_list(ui: &mut Ui, env: &mut Env<'_>, d: &mut TemplatesDraft) {
    ui.horizontal_wrapped(|ui| {
        for (t, template) in d.templates.iter().enumerate() {
            let words = format!("{} ({} items)", template.name, template.item_count());
            if ui
                .add(egui::Button::selectable(d.selected == t, words))
                .clicked()
            {
                d.selected = t;
            }
        }
    });
    ui.horizontal(|ui| {
        if ui.button("Add template").clicked() {
            d.templates.push(ChecklistTemplate {
                name: "New template".to_owned(),
                sections: vec![TemplateSection {
                    letter: "A".to_owned(),
                    title: "New section".to_owned(),
                    ..TemplateSection::default()
                }],
                ..ChecklistTemplate::default()
            });
            d.selected = d.templates.len() - 1;
        }
        if ui.button("Add the default template (A–L)").clicked() {
            let mut template = crate::model::default_template();
            zero_ids(&mut template);
            d.templates.push(template);
            d.selected = d.templates.len() - 1;
        }
        if ui
            .button("Import template…")
            .on_hover_text("Add a template from a .ron file")
            .clicked()
        {
            env.send(Command::ImportTemplateDialog);
        }
    });
}

/// Marks every part of `template` as new, to be numbered on Apply.
fn zero_ids(template: &mut ChecklistTemplate) {
    template.id = TemplateId(0);
    for section in &mut template.sections {
        section.id = SectionId(0);
        for item in &mut section.items {
            item.id = ItemId(0);
        }
    }
}

/// The selected template's form. Returns a template to export.
fn template_form(ui: &mut Ui, d: &mut TemplatesDraft, e: &FieldErrors) -> Option<TemplateId> {
    let t = d.selected;
    let mut export = None;
    let mut remove_template = false;
    let template = &mut d.templates[t];
    ui.horizontal(|ui| {
        let label = ui.label("Template name");
        ui.add(TextEdit::singleline(&mut template.name).desired_width(460.0))
            .labelled_by(label.id);
        let saved = template.id.0 != 0;
        let button = ui
            .add_enabled(saved, egui::Button::new("Export template…"))
            .on_hover_text("Save the template, as last applied, to a .ron file")
            .on_disabled_hover_text("Apply the new template before exporting it");
        if button.clicked() {
            export = Some(template.id);
        }
        remove_template = ui
            .button("Remove template")
            .on_hover_text("Remove this template; checks made from it keep their wording")
            .clicked();
    });
    widgets::field_error(ui, e.get(&format!("template{t}")));
    sections(ui, template, e, t);
    if remove_template {
        d.templates.remove(t);
        d.selected = t.saturating_sub(1);
    }
    export
}

/// What to do with a row of a list.
#[derive(Clone, Copy)]
enum RowMove {
    Up(usize),
    Down(usize),
    Remove(usize),
}

fn apply_move<T>(list: &mut Vec<T>, change: Option<RowMove>) {
    match change {
        Some(RowMove::Up(i)) if i > 0 => list.swap(i, i - 1),
        Some(RowMove::Down(i)) if i + 1 < list.len() => list.swap(i, i + 1),
        Some(RowMove::Remove(i)) if i < list.len() => drop(list.remove(i)),
        _ => {}
    }
}

fn move_buttons(ui: &mut Ui, what: &str, i: usize, len: usize) -> Option<RowMove> {
    let mut change = None;
    let up = ui
        .add_enabled(i > 0, egui::Button::new("Up"))
        .on_hover_text(format!("Move {what} up"))
        .accessible_name(format!("Move {what} up"));
    if up.clicked() {
        change = Some(RowMove::Up(i));
    }
    let down = ui
        .add_enabled(i + 1 < len, egui::Button::new("Down"))
        .on_hover_text(format!("Move {what} down"))
        .accessible_name(format!("Move {what} down"));
    if down.clicked() {
        change = Some(RowMove::Down(i));
    }
    if widgets::remove_button(ui, what) {
        change = Some(RowMove::Remove(i));
    }
    change
}

fn sections(ui: &mut Ui, template: &mut ChecklistTemplate, e: &FieldErrors, t: usize) {
    let len = template.sections.len();
    let mut change = None;
    for (s, section) in template.sections.iter_mut().enumerate() {
        let n = s + 1;
        ui.add_space(theme::SECTION_GAP / 2.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width().min(1000.0));
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("Section {n}")).strong());
                ui.add(TextEdit::singleline(&mut section.letter).desired_width(30.0))
                    .accessible_name(format!("Section {n} letter"));
                ui.add(TextEdit::singleline(&mut section.title).desired_width(420.0))
                    .accessible_name(format!("Section {n} title"));
                if let Some(m) = move_buttons(ui, &format!("section {n}"), s, len) {
                    change = Some(m);
                }
            });
            widgets::field_error(ui, e.get(&format!("section{t}-{s}")));
            items(ui, section, e, (t, s));
        });
    }
    apply_move(&mut template.sections, change);
    if ui.button("Add section").clicked() {
        template.sections.push(TemplateSection {
            title: "New section".to_owned(),
            ..TemplateSection::default()
        });
    }
}

fn items(ui: &mut Ui, section: &mut TemplateSection, e: &FieldErrors, (t, s): (usize, usize)) {
    let len = section.items.len();
    let mut change = None;
    for (i, item) in section.items.iter_mut().enumerate() {
        let name = format!("item {}.{}", s + 1, i + 1);
        ui.horizontal(|ui| {
            ui.label(format!("{}.", i + 1));
            ui.add(TextEdit::singleline(&mut item.text).desired_width(620.0))
                .accessible_name(format!("Item {}.{} text", s + 1, i + 1));
            ui.add(
                TextEdit::singleline(&mut item.seen_in)
                    .desired_width(110.0)
                    .hint_text("Seen in"),
            )
            .accessible_name(format!("Item {}.{} seen in", s + 1, i + 1));
            if let Some(m) = move_buttons(ui, &name, i, len) {
                change = Some(m);
            }
        });
        widgets::field_error(ui, e.get(&format!("item{t}-{s}-{i}")));
    }
    apply_move(&mut section.items, change);
    if ui
        .button("Add item")
        .on_hover_text(format!("Add an item to section {}", s + 1))
        .accessible_name(format!("Add an item to section {}", s + 1))
        .clicked()
    {
        section.items.push(TemplateItem::default());
    }
}

impl App {
    /// Asks for a template file to import.
    pub(super) fn import_template_dialog(&mut self, ctx: &egui::Context) {
        let folder = self.register_folder();
        self.request_output(ctx, PickPurpose::ImportTemplate, folder);
    }

    /// Asks where to export template `id`.
    pub(super) fn export_template_dialog(&mut self, ctx: &egui::Context, id: TemplateId) {
        let Some(template) = self.doc.register().template(id) else {
            return;
        };
        let name = format!("{}.ron", slug(&template.name));
        let at = self.register_folder().join(name);
        self.view.print.export = Some(id);
        self.request_output(ctx, PickPurpose::ExportTemplate, at);
    }

    fn register_folder(&self) -> PathBuf {
        self.doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    /// Reads a template from `path` and adds it.
    pub(super) fn import_template(&mut self, path: &Path) {
        let template = match read_template(path) {
            Ok(template) => template,
            Err(message) => {
                log::warn!("could not import a template");
                self.view.error = Some(format!("The template could not be imported.\n\n{message}"));
                return;
            }
        };
        let name = template.name.clone();
        match self.view.drafts.templates.as_mut().filter(|d| d.touched) {
            Some(draft) => {
                let mut template = template;
                zero_ids(&mut template);
                draft.templates.push(template);
                draft.selected = draft.templates.len() - 1;
            }
            None => {
                let _ = self.doc.edit(|r| {
                    r.add_template(template);
                    Ok::<(), ()>(())
                });
                self.view.drafts.templates = None;
            }
        }
        self.view
            .notify(Tone::Ok, format!("Imported the template \"{name}\""));
    }

    /// Writes the template waiting for a path to `path`.
    pub(super) fn export_template(&mut self, path: &Path) {
        let Some(id) = self.view.print.export.take() else {
            return;
        };
        let Some(template) = self.doc.register().template(id) else {
            return;
        };
        let file = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let config = ron::ser::PrettyConfig::default();
        let written = ron::ser::to_string_pretty(template, config)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                crate::storage::write_atomic(path, text.as_bytes()).map_err(|e| e.to_string())
            });
        match written {
            Ok(()) => self
                .view
                .notify(Tone::Ok, format!("Exported the template to {file}")),
            Err(err) => {
                self.view.error = Some(format!("The template was not exported.\n\n{err}"));
            }
        }
    }
}

/// Reads and parses a template file; errors read "file:line:column: what".
pub fn read_template(path: &Path) -> Result<ChecklistTemplate, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
    parse_template(path, &text)
}

/// Parses template text; `path` only names the source in errors.
pub fn parse_template(path: &Path, text: &str) -> Result<ChecklistTemplate, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    ron::Options::default()
        .from_str::<ChecklistTemplate>(text)
        .map_err(|err| {
            format!(
                "{}:{}:{}: {}",
                path.display(),
                err.span.start.line,
                err.span.start.col,
                err.code
            )
        })
}

/// A file-name word for a template: the report's slug, never empty.
fn slug(text: &str) -> String {
    let joined = crate::report::slug(text);
    if joined.is_empty() {
        "template".to_owned()
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_file_with_a_mistake_names_its_line_and_column() {
        let text = "(\n    name: \"Ours\",\n    sectons: [],\n)";
        let err = parse_template(Path::new("ours.ron"), text).unwrap_err();
        assert!(err.starts_with("ours.ron:3:"), "{err}");
    }

    #[test]
    fn moves_stay_inside_the_list() {
        let mut list = vec![1, 2, 3];
        apply_move(&mut list, Some(RowMove::Up(0)));
        apply_move(&mut list, Some(RowMove::Down(2)));
        assert_eq!(list, [1, 2, 3]);
        apply_move(&mut list, Some(RowMove::Up(2)));
        assert_eq!(list, [1, 3, 2]);
    }
}
