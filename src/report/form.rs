//! Pieces every printed form is made of: the title, a grid of details,
//! section headings, text sections, tables, tick-box choices and the
//! signature blocks.

use jiff::civil::Date;

use super::doc::Doc;
use super::layout::{Block, Cell, LEFT, Line, Mark, RIGHT, Row, SHADE, Style, WIDTH};
use crate::model::Action;
use crate::model::dates::format_date;

/// Body text.
pub const BODY: Style = Style::regular(9.5);
/// Smaller text for details under an item.
pub const SMALL: Style = Style::regular(8.5);
/// Labels of fields.
pub const LABEL: Style = Style::regular(8.0).muted();
/// Section headings, on a shaded bar.
pub const HEADING: Style = Style::bold(11.0);
/// Sub-headings inside a section.
pub const SUBHEADING: Style = Style::bold(9.5);
/// Printed where a field has no value.
pub const NOT_RECORDED: &str = "Not recorded";

/// Gap between the two columns of the details grid.
const GRID_GAP: f32 = 6.0;
/// Width of a label in the details grid.
const GRID_LABEL: f32 = 30.0;

/// Space before the text in a table cell.
const CELL_PAD: f32 = 0.8;
/// Width of a table column not available to its text.
const CELL_ROOM: f32 = 1.8;

/// A date as dd/mm/yyyy, or empty.
pub fn date_or_empty(date: Option<Date>) -> String {
    date.map(format_date).unwrap_or_default()
}

/// The document title, a line under it, and a rule.
pub fn title(doc: &Doc, title: &str, subtitle: &str) -> Block {
    let mut block = Block::new().with_next();
    let style = Style::bold(17.0);
    for text in doc.wrap(title, style, WIDTH) {
        block.lines(LEFT, &[Line::of(style).text(0.0, text, style)]);
    }
    block.space(0.8);
    let sub = Style::regular(10.0).muted();
    block.lines(LEFT, &doc.paragraph(subtitle, sub, WIDTH));
    block.space(1.0);
    block.rule(LEFT, RIGHT, 1.2);
    block.space(1.5);
    block
}

/// One entry of the details grid.
pub struct Detail {
    label: &'static str,
    value: String,
    wide: bool,
}

impl Detail {
    /// A label and value taking half the width.
    pub fn new(label: &'static str, value: impl Into<String>) -> Self {
        Self {
            label,
            value: value.into(),
            wide: false,
        }
    }

    /// A label and value taking the whole width.
    pub fn wide(label: &'static str, value: impl Into<String>) -> Self {
        Self {
            wide: true,
            ..Self::new(label, value)
        }
    }
}

fn detail_cells(doc: &Doc, detail: &Detail, x: f32, width: f32) -> [Cell; 2] {
    let label = Cell::new(x, doc.paragraph(detail.label, LABEL, GRID_LABEL - 1.5));
    let value_width = width - GRID_LABEL;
    let mut lines = doc.paragraph(&detail.value, BODY, value_width);
    if lines.is_empty() {
        lines.push(Line::of(BODY).text(0.0, NOT_RECORDED, BODY.muted()));
    }
    [label, Cell::new(x + GRID_LABEL, lines)]
}

/// Details as a grid of labelled values, two to a row unless wide.
pub fn details(doc: &mut Doc, details: &[Detail]) {
    for block in detail_blocks(doc, details) {
        doc.push(block);
    }
}

/// [`details`] kept with what follows, such as a table's header.
pub fn details_kept_with_next(doc: &mut Doc, details: &[Detail]) {
    for block in detail_blocks(doc, details) {
        doc.push(block.with_next());
    }
}

fn detail_blocks(doc: &Doc, details: &[Detail]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut pending: Option<&Detail> = None;
    for detail in details {
        if detail.wide {
            blocks.extend(pending.take().map(|left| details_row(doc, &[left])));
            blocks.push(details_row(doc, &[detail]));
        } else if let Some(left) = pending.take() {
            blocks.push(details_row(doc, &[left, detail]));
        } else {
            pending = Some(detail);
        }
    }
    blocks.extend(pending.map(|left| details_row(doc, &[left])));
    let mut space = Block::new();
    space.space(2.0);
    blocks.push(space);
    blocks
}

fn details_row(doc: &Doc, pair: &[&Detail]) -> Block {
    let half = (WIDTH - GRID_GAP) / 2.0;
    let mut cells = Vec::new();
    match pair {
        [one] if one.wide => cells.extend(detail_cells(doc, one, LEFT, WIDTH)),
        [left, rest @ ..] => {
            cells.extend(detail_cells(doc, left, LEFT, half));
            if let Some(right) = rest.first() {
                cells.extend(detail_cells(doc, right, LEFT + half + GRID_GAP, half));
            }
        }
        [] => {}
    }
    let mut block = Block::new().together();
    block.cells(&cells);
    block.space(1.2);
    block
}

/// A section heading on a shaded bar, kept with what follows. It ends any
/// page head set before it (a table's column heads).
pub fn heading(doc: &Doc, text: &str) -> Block {
    let mut block = Block::new().with_next().page_head(Vec::new());
    block.space(2.5);
    block.row(heading_row(doc, text, &[]));
    block.space(1.5);
    block
}

/// A shaded bar with `text` on the left and small labels at the given
/// offsets on the right.
pub fn heading_row(doc: &Doc, text: &str, labels: &[(f32, &str)]) -> Row {
    let label_room = labels.first().map_or(RIGHT, |(x, _)| *x) - LEFT - 4.0;
    let mut line =
        Line::sized(HEADING.size + 2.5).text(2.0, doc.fit(text, HEADING, label_room), HEADING);
    for (x, label) in labels {
        let style = Style::bold(8.0);
        line = line.text(x - LEFT - doc.width(label, style) / 2.0, *label, style);
    }
    Row::line(LEFT, &line).shaded(LEFT, RIGHT, SHADE)
}

/// A bold sub-heading kept with what follows. Like [`heading`], it ends
/// any page head set before it.
pub fn subheading(doc: &Doc, text: &str) -> Block {
    let mut block = Block::new().with_next().page_head(Vec::new());
    block.space(1.5);
    block.lines(LEFT, &doc.paragraph(text, SUBHEADING, WIDTH));
    block.space(0.8);
    block
}

/// A labelled paragraph: a sub-heading and the text (or "Not recorded").
pub fn text_section(doc: &mut Doc, label: &str, text: &str) {
    doc.push(subheading(doc, label));
    let mut lines = doc.paragraph(text, BODY, WIDTH);
    if lines.is_empty() {
        lines.push(Line::of(BODY).text(0.0, NOT_RECORDED, BODY.muted()));
    }
    let mut block = Block::new().together();
    block.lines(LEFT, &lines);
    block.space(1.0);
    doc.push(block);
}

/// A paragraph of body text.
pub fn paragraph(doc: &mut Doc, text: &str, style: Style) {
    let mut block = Block::new().together();
    block.lines(LEFT, &doc.paragraph(text, style, WIDTH));
    block.space(1.5);
    doc.push(block);
}

/// One column of a table.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// Heading.
    pub title: &'static str,
    /// Width in millimetres, gap included.
    pub width: f32,
}

/// Table columns as cell left edges.
fn column_lefts(columns: &[Column]) -> Vec<f32> {
    let mut x = LEFT;
    columns
        .iter()
        .map(|c| {
            let left = x;
            x += c.width;
            left
        })
        .collect()
}

/// The shaded header row of a table.
pub fn table_head(doc: &Doc, columns: &[Column]) -> Vec<Row> {
    debug_assert!(
        columns.iter().map(|c| c.width).sum::<f32>() <= WIDTH + 0.01,
        "table wider than the page"
    );
    let style = Style::bold(8.0);
    let cells: Vec<Cell> = columns
        .iter()
        .zip(column_lefts(columns))
        .map(|(c, x)| {
            Cell::new(
                x + CELL_PAD,
                doc.paragraph(c.title, style, c.width - CELL_ROOM),
            )
        })
        .collect();
    let mut block = Block::new();
    block.cells(&cells);
    block
        .into_rows()
        .into_iter()
        .map(|r| r.shaded(LEFT, RIGHT, SHADE))
        .collect()
}

/// A table's header as a block, kept with the first row. Until the next
/// heading, every new page opens with the header again, under a
/// "(continued)" bar naming `context` when given (a provider, say).
pub fn table_head_block(doc: &Doc, columns: &[Column], context: Option<&str>) -> Block {
    let head = table_head(doc, columns);
    let mut page_head = Vec::new();
    if let Some(context) = context {
        page_head.push(heading_row(doc, &format!("{context} (continued)"), &[]));
        page_head.push(gap(1.5));
    }
    page_head.extend(head.iter().cloned());
    page_head.push(gap(0.8));
    let mut block = Block::new().with_next().page_head_standing_in(page_head);
    for row in head {
        block.row(row);
    }
    block.space(0.8);
    block
}

/// An empty block that ends any page head, for text after a table that
/// has no heading of its own.
pub fn end_page_head() -> Block {
    Block::new().page_head(Vec::new())
}

/// An empty row `height` high.
pub fn gap(height: f32) -> Row {
    let mut block = Block::new();
    block.space(height);
    block.into_rows().pop().unwrap_or_default()
}

/// One table row; cells wrap. A row that breaks across pages continues
/// under the header the table's page head repeats.
pub fn table_row(doc: &Doc, columns: &[Column], values: &[String], style: Style) -> Block {
    let cells: Vec<Cell> = columns
        .iter()
        .zip(column_lefts(columns))
        .zip(values)
        .map(|((c, x), value)| {
            Cell::new(
                x + CELL_PAD,
                doc.paragraph(value, style, c.width - CELL_ROOM),
            )
        })
        .collect();
    let mut block = Block::new().together();
    block.cells(&cells);
    block.rule(LEFT, RIGHT, 0.3);
    block
}

/// A table row of empty write-on lines, for a blank form.
pub fn blank_table_row(columns: &[Column]) -> Block {
    let mut line = Line::writing();
    for (c, x) in columns.iter().zip(column_lefts(columns)) {
        line = line.rule(x - LEFT + CELL_PAD, c.width - CELL_ROOM);
    }
    let mut block = Block::new();
    block.lines(LEFT, &[line]);
    block
}

/// A line of labelled tick boxes, ticking the options marked true; runs
/// onto more lines when they do not fit.
pub fn choices(doc: &Doc, options: &[(&str, bool)], x0: f32, width: f32) -> Vec<Line> {
    let gap = 6.0;
    let mut lines = vec![Line::of(BODY)];
    let mut x = 0.0;
    for (label, on) in options {
        let label = doc.fit(label, BODY, width - 6.0);
        let w = 5.0 + doc.width(&label, BODY);
        if x > 0.0 && x + w > width {
            lines.push(Line::of(BODY));
            x = 0.0;
        }
        if let Some(line) = lines.pop() {
            let line = line
                .mark(x0 + x, Mark::tick_if(*on))
                .text(x0 + x + 5.0, label, BODY);
            lines.push(line);
        }
        x += w + gap;
    }
    lines
}

/// A block of tick boxes across the page, kept together, with `unset`
/// written under them in small muted type when the record
/// holds no choice yet (such as "Not decided").
pub fn choice_block(doc: &Doc, options: &[(&str, bool)], unset: Option<&str>) -> Block {
    let mut lines = choices(doc, options, 0.0, WIDTH);
    if let Some(words) = unset {
        let style = Style::bold(8.0).muted();
        lines.push(Line::of(style).text(0.0, words, style));
    }
    let mut block = Block::new().together();
    block.lines(LEFT, &lines);
    block.space(1.0);
    block
}

/// Who signs, for a signature block; empty fields print as blank lines.
pub struct Signer<'a> {
    /// Heading, such as "Completed by".
    pub heading: &'a str,
    /// Name, if known.
    pub name: &'a str,
    /// Role, if known; `None` leaves out the role field.
    pub role: Option<&'a str>,
    /// Date signed, if known.
    pub date: Option<Date>,
}

/// A labelled write-on field: label, then a rule with the value on it.
fn field(doc: &Doc, line: Line, x: f32, width: f32, label: &str, value: &str) -> Line {
    let label_width = doc.width(label, LABEL) + 2.0;
    let rule_x = x + label_width;
    let rule_width = width - label_width;
    let value = doc.fit(value, BODY, rule_width - 2.0);
    line.text(x, label, LABEL)
        .rule(rule_x, rule_width)
        .text(rule_x + 1.0, value, BODY)
}

/// A signature block: heading, name and role, date and a signature line.
pub fn signature(doc: &Doc, signer: &Signer) -> Block {
    let mut block = Block::new().together();
    block.space(3.5);
    block.lines(LEFT, &doc.paragraph(signer.heading, SUBHEADING, WIDTH));
    let half = WIDTH / 2.0;
    let mut first = field(doc, Line::writing(), 0.0, half - 4.0, "Name", signer.name);
    if let Some(role) = signer.role {
        first = field(doc, first, half + 2.0, half - 2.0, "Role", role);
    }
    let date = date_or_empty(signer.date);
    let second = field(doc, Line::writing(), 0.0, 48.0, "Date", &date);
    let second = field(doc, second, 54.0, WIDTH - 54.0, "Signature", "");
    block.lines(LEFT, &[first, second]);
    block
}

/// A single labelled write-on field across the page, such as the next QA
/// review date.
pub fn field_line(doc: &Doc, label: &str, value: &str, width: f32) -> Block {
    let mut block = Block::new().together();
    block.lines(
        LEFT,
        &[field(doc, Line::writing(), 0.0, width, label, value)],
    );
    block
}

/// Columns of an actions table.
pub const ACTION_COLUMNS: [Column; 4] = [
    Column {
        title: "Action",
        width: 92.0,
    },
    Column {
        title: "Owner",
        width: 38.0,
    },
    Column {
        title: "Due",
        width: 22.0,
    },
    Column {
        title: "Done",
        width: 22.0,
    },
];

/// Actions as a table: description, owner, due date, and the date done or
/// "Open".
pub fn actions(doc: &mut Doc, actions: &[Action]) {
    if actions.is_empty() {
        paragraph(doc, "No actions recorded.", BODY.muted());
        return;
    }
    doc.push(table_head_block(doc, &ACTION_COLUMNS, None));
    for action in actions {
        let values = [
            action.description.clone(),
            action.owner.clone(),
            date_or_empty(action.due),
            action
                .done_on
                .map_or_else(|| "Open".to_owned(), format_date),
        ];
        doc.push(table_row(doc, &ACTION_COLUMNS, &values, BODY));
    }
}

/// Signature lines for the four parties to a plan or a review: the school,
/// the provider, the parent or carer and the pupil.
pub fn party_signatures(doc: &mut Doc, school_signer: &str, pupil: &str) {
    let party = |heading, name, role| Signer {
        heading,
        name,
        role,
        date: None,
    };
    let signers = [
        party("For the school", school_signer, Some("")),
        party("For the provider", "", Some("")),
        party("Parent or carer", "", None),
        party("Pupil", pupil, None),
    ];
    for signer in &signers {
        doc.push(signature(doc, signer));
    }
}
