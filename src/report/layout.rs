//! A small layout engine for printed forms on A4.
//!
//! A document is a list of [`Block`]s; a block is a run of [`Row`]s; a row
//! is a strip of the page holding everything drawn in it, one line of text
//! high. Rows are built from [`Line`]s set side by side in columns
//! ([`Cell`]s), so a table row or a checklist item with a long note is
//! simply several rows.
//!
//! The paginator places rows from the top margin down and starts a new page
//! when the next row would cross the bottom margin. A block that breaks
//! across pages repeats its `continued` rows (an item's title, a table's
//! header) at the top of the next page. A block can ask to be kept
//! together (when short enough) or kept with the block after it (headings).
//!
//! A page may also open with a page head: rows a block sets for every new
//! page after it (a checklist section's "continued" bar with its column
//! heads). [`Doc`](super::doc::Doc) then adds the running header and the
//! footer, and checks in debug builds that nothing reaches the 18 mm
//! margins.
//!
//! Units are millimetres from the top-left corner of the page; conversion
//! to PDF points from the bottom-left happens only when a page is written
//! (in the `pdf` module).

use super::fingerprint::Fingerprint;
use super::font::MM_PER_PT;

/// A4 width.
pub const PAGE_WIDTH: f32 = 210.0;
/// A4 height.
pub const PAGE_HEIGHT: f32 = 297.0;
/// Margin on every side.
pub const MARGIN: f32 = 18.0;
/// Left edge of the text area.
pub const LEFT: f32 = MARGIN;
/// Right edge of the text area.
pub const RIGHT: f32 = PAGE_WIDTH - MARGIN;
/// Width of the text area.
pub const WIDTH: f32 = RIGHT - LEFT;

/// Space at the top of pages after the first for the running header.
const HEADER_SPACE: f32 = 9.0;
/// Space above the bottom margin for the footer.
const FOOTER_SPACE: f32 = 9.0;
/// Lowest point the body may reach.
pub(super) const BODY_BOTTOM: f32 = PAGE_HEIGHT - MARGIN - FOOTER_SPACE;
/// Height of the body on a page with a running header.
const BODY_HEIGHT: f32 = BODY_BOTTOM - MARGIN - HEADER_SPACE;
/// Blocks asking to be kept together are, when no taller than this.
const KEEP_LIMIT: f32 = BODY_HEIGHT * 0.4;
/// Rows of a breakable block kept together at its start.
const LEAD_ROWS: usize = 3;
/// Side of a tick box.
pub const BOX_SIZE: f32 = 3.2;

/// Grey of secondary text.
pub const MUTED: f32 = 0.38;
/// Grey of rules and box outlines.
pub const RULE_GREY: f32 = 0.55;
/// Grey of shaded bars.
pub const SHADE: f32 = 0.9;

/// How a run of text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    /// Bold face.
    pub bold: bool,
    /// Size in points.
    pub size: f32,
    /// Grey level: 0 black, 1 white.
    pub grey: f32,
}

impl Style {
    /// Regular face at `size` points, black.
    pub const fn regular(size: f32) -> Self {
        Self {
            bold: false,
            size,
            grey: 0.0,
        }
    }

    /// Bold face at `size` points, black.
    pub const fn bold(size: f32) -> Self {
        Self {
            bold: true,
            size,
            grey: 0.0,
        }
    }

    /// The same style in grey, for labels and secondary text.
    pub const fn muted(self) -> Self {
        Self {
            grey: MUTED,
            ..self
        }
    }
}

/// What is drawn in a tick box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// An empty box.
    Empty,
    /// A box with a tick.
    Tick,
    /// A box with a cross.
    Cross,
}

impl Mark {
    /// A tick when `on`, else an empty box.
    pub fn tick_if(on: bool) -> Self {
        if on { Self::Tick } else { Self::Empty }
    }

    pub(super) fn token(self) -> &'static str {
        match self {
            Self::Empty => "[ ]",
            Self::Tick => "[tick]",
            Self::Cross => "[cross]",
        }
    }
}

/// Something drawn in a row; `y` is from the row's top.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Draw {
    Text {
        x: f32,
        baseline: f32,
        text: String,
        style: Style,
    },
    Mark {
        x: f32,
        baseline: f32,
        mark: Mark,
    },
    Stroke {
        points: Vec<(f32, f32)>,
        weight: f32,
        grey: f32,
    },
    Fill {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        grey: f32,
    },
}

impl Draw {
    pub(super) fn shifted(&self, dy: f32) -> Self {
        let mut draw = self.clone();
        match &mut draw {
            Self::Text { baseline, .. } | Self::Mark { baseline, .. } => *baseline += dy,
            Self::Stroke { points, .. } => points.iter_mut().for_each(|p| p.1 += dy),
            Self::Fill { y, .. } => *y += dy,
        }
        draw
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Text(String, Style),
    Mark(Mark),
    Rule(f32),
}

/// One line of a cell: text, tick boxes and write-on rules at offsets from
/// the cell's left edge, on one baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    height: f32,
    baseline: f32,
    pieces: Vec<(f32, Piece)>,
}

impl Line {
    /// An empty line tall enough for text of `size` points.
    pub fn sized(size: f32) -> Self {
        Self {
            height: size * 1.4 * MM_PER_PT,
            baseline: size * 1.1 * MM_PER_PT,
            pieces: Vec::new(),
        }
    }

    /// An empty line with room to write on by hand.
    pub fn writing() -> Self {
        Self {
            height: 8.5,
            baseline: 7.0,
            pieces: Vec::new(),
        }
    }

    /// An empty line of text in `style`.
    pub fn of(style: Style) -> Self {
        Self::sized(style.size)
    }

    /// Adds text at `x`. The text must already be cleaned and fit; use
    /// [`Doc::wrap`](super::doc::Doc::wrap) or [`Doc::fit`](super::doc::Doc::fit) for
    /// anything from the register.
    pub fn text(mut self, x: f32, text: impl Into<String>, style: Style) -> Self {
        let text = text.into();
        if !text.is_empty() {
            let size = style.size * 1.4 * MM_PER_PT;
            if size > self.height {
                self.baseline += (size - self.height) * 0.8;
                self.height = size;
            }
            self.pieces.push((x, Piece::Text(text, style)));
        }
        self
    }

    /// Adds a tick box at `x`.
    pub fn mark(mut self, x: f32, mark: Mark) -> Self {
        self.pieces.push((x, Piece::Mark(mark)));
        self
    }

    /// Adds a write-on rule from `x`, `width` long, just under the baseline.
    pub fn rule(mut self, x: f32, width: f32) -> Self {
        self.pieces.push((x, Piece::Rule(width)));
        self
    }

    /// Height of the line.
    pub fn height(&self) -> f32 {
        self.height
    }

    fn draws(&self, left: f32, out: &mut Vec<Draw>) {
        let baseline = self.baseline;
        for (dx, piece) in &self.pieces {
            let x = left + dx;
            out.push(match piece {
                Piece::Text(text, style) => Draw::Text {
                    x,
                    baseline,
                    text: text.clone(),
                    style: *style,
                },
                Piece::Mark(mark) => Draw::Mark {
                    x,
                    baseline,
                    mark: *mark,
                },
                Piece::Rule(width) => Draw::Stroke {
                    points: vec![(x, baseline + 1.0), (x + width, baseline + 1.0)],
                    weight: 0.5,
                    grey: RULE_GREY,
                },
            });
        }
    }
}

/// A column of lines whose left edge is at `x` (from the page's left).
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Left edge, in millimetres from the page's left edge.
    pub x: f32,
    /// Lines top to bottom.
    pub lines: Vec<Line>,
}

impl Cell {
    /// A cell at `x` holding `lines`.
    pub fn new(x: f32, lines: Vec<Line>) -> Self {
        Self { x, lines }
    }
}

/// A strip of the page: the unit the paginator places.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    height: f32,
    draws: Vec<Draw>,
}

impl Row {
    /// Line `index` of each cell, side by side on one baseline; `None`
    /// when no cell has one.
    fn from_cells(cells: &[Cell], index: usize) -> Option<Self> {
        let lines: Vec<(f32, &Line)> = cells
            .iter()
            .filter_map(|cell| cell.lines.get(index).map(|line| (cell.x, line)))
            .collect();
        let baseline = lines.iter().map(|(_, l)| l.baseline).reduce(f32::max)?;
        let mut row = Self::default();
        for (x, line) in lines {
            let drop = baseline - line.baseline;
            row.height = row.height.max(line.height + drop);
            let start = row.draws.len();
            line.draws(x, &mut row.draws);
            for draw in &mut row.draws[start..] {
                *draw = draw.shifted(drop);
            }
        }
        Some(row)
    }

    /// A single line at `x`.
    pub fn line(x: f32, line: &Line) -> Self {
        let mut row = Self {
            height: line.height,
            draws: Vec::new(),
        };
        line.draws(x, &mut row.draws);
        row
    }

    /// Shades the row from `x0` to `x1` behind its contents.
    pub fn shaded(mut self, x0: f32, x1: f32, grey: f32) -> Self {
        let fill = Draw::Fill {
            x: x0,
            y: 0.0,
            width: x1 - x0,
            height: self.height,
            grey,
        };
        self.draws.insert(0, fill);
        self
    }
}

/// A run of rows that belong together: a heading, a checklist item, a
/// table row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Block {
    rows: Vec<Row>,
    continued: Vec<Row>,
    page_head: Option<Vec<Row>>,
    head_stands_in: bool,
    keep_together: bool,
    keep_with_next: bool,
}

impl Block {
    /// An empty block that may break anywhere.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps the block on one page when it is short enough.
    pub fn together(mut self) -> Self {
        self.keep_together = true;
        self
    }

    /// Keeps the block on the same page as the start of the next one.
    pub fn with_next(mut self) -> Self {
        self.keep_with_next = true;
        self.keep_together = true;
        self
    }

    /// Rows repeated at the top of a page when the block breaks there.
    pub fn continued(mut self, rows: Vec<Row>) -> Self {
        self.continued = rows;
        self
    }

    /// From this block on, starts every new page with `rows` (a table's
    /// column heads, say); an empty list stops that. When the block itself
    /// has to start on a new page, that page opens with no head at all: the
    /// block begins something new.
    pub fn page_head(mut self, rows: Vec<Row>) -> Self {
        self.page_head = Some(rows);
        self
    }

    /// Like [`Block::page_head`], but when the block has to start on a new
    /// page the page head is printed in its place: for a table's header,
    /// whose page head repeats it under a "continued" bar.
    pub fn page_head_standing_in(mut self, rows: Vec<Row>) -> Self {
        self.page_head = Some(rows);
        self.head_stands_in = true;
        self
    }

    /// Adds the cells' lines, merged row by row.
    pub fn cells(&mut self, cells: &[Cell]) {
        let mut index = 0;
        while let Some(row) = Row::from_cells(cells, index) {
            self.rows.push(row);
            index += 1;
        }
    }

    /// Adds lines in one column at `x`.
    pub fn lines(&mut self, x: f32, lines: &[Line]) {
        self.rows
            .extend(lines.iter().map(|line| Row::line(x, line)));
    }

    /// Adds another block's rows to the end of this one.
    pub fn append(&mut self, other: Block) {
        self.rows.extend(other.rows);
    }

    /// Adds a ready-made row.
    pub fn row(&mut self, row: Row) {
        self.rows.push(row);
    }

    /// Adds blank space.
    pub fn space(&mut self, height: f32) {
        self.rows.push(Row {
            height,
            draws: Vec::new(),
        });
    }

    /// Adds a horizontal rule from `x0` to `x1` with a little space around.
    pub fn rule(&mut self, x0: f32, x1: f32, weight: f32) {
        let y = 1.0;
        self.rows.push(Row {
            height: 2.0,
            draws: vec![Draw::Stroke {
                points: vec![(x0, y), (x1, y)],
                weight,
                grey: RULE_GREY,
            }],
        });
    }

    /// The block's rows, to reuse as another block's continuation or page
    /// head.
    pub fn into_rows(self) -> Vec<Row> {
        self.rows
    }

    /// Total height.
    pub fn height(&self) -> f32 {
        self.rows.iter().map(|r| r.height).sum()
    }

    /// Height that must fit on the current page before the block starts.
    fn lead_height(&self) -> f32 {
        let whole = self.height();
        if self.keep_together && whole <= KEEP_LIMIT {
            whole
        } else {
            self.rows.iter().take(LEAD_ROWS).map(|r| r.height).sum()
        }
    }

    pub(super) fn hash_into(&self, fingerprint: &mut Fingerprint) {
        for draw in self.rows.iter().flat_map(|r| &r.draws) {
            match draw {
                Draw::Text { text, .. } => fingerprint.write_str(text),
                Draw::Mark { mark, .. } => fingerprint.write_str(mark.token()),
                Draw::Stroke { .. } | Draw::Fill { .. } => {}
            }
        }
    }
}

/// Places rows on pages.
struct Pager {
    pages: Vec<Vec<Draw>>,
    head: Vec<Row>,
    top: f32,
    y: f32,
}

impl Pager {
    fn new() -> Self {
        Self {
            pages: vec![Vec::new()],
            head: Vec::new(),
            top: MARGIN,
            y: MARGIN,
        }
    }

    fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    fn at_top(&self) -> bool {
        self.y <= self.top + 0.01
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN + HEADER_SPACE;
        let head = std::mem::take(&mut self.head);
        head.iter().for_each(|row| self.put(row));
        self.head = head;
        self.top = self.y;
    }

    fn put(&mut self, row: &Row) {
        if let Some(page) = self.pages.last_mut() {
            page.extend(row.draws.iter().map(|d| d.shifted(self.y)));
        }
        self.y += row.height;
    }

    /// Places a block that needs `need` millimetres at the start of it
    /// on one page.
    fn place(&mut self, block: &Block, need: f32) {
        let break_first = need > self.room() && !self.at_top() && need <= BODY_HEIGHT;
        let mut rows = block.rows.as_slice();
        match (&block.page_head, break_first) {
            (Some(head), true) if block.head_stands_in => {
                self.head.clone_from(head);
                self.new_page();
                rows = &[];
            }
            (Some(head), true) => {
                self.head.clear();
                self.new_page();
                self.head.clone_from(head);
            }
            (Some(head), false) => self.head.clone_from(head),
            (None, true) => self.new_page(),
            (None, false) => {}
        }
        for (index, row) in rows.iter().enumerate() {
            if row.height > self.room() + 0.01 && !self.at_top() {
                self.new_page();
                if index > 0 {
                    block.continued.iter().for_each(|c| self.put(c));
                }
            }
            self.put(row);
        }
    }
}

/// Places the blocks on pages; each page is the list of what is drawn on it.
pub(super) fn paginate(blocks: &[Block]) -> Vec<Vec<Draw>> {
    let mut pager = Pager::new();
    for (block, need) in blocks.iter().zip(needs(blocks)) {
        pager.place(block, need);
    }
    pager.pages
}

/// What each block needs on the page it starts on: its lead, and for a
/// block kept with the next, the next one's need too, so a chain (a
/// heading, its details, a table's header, the first row) moves as one
/// when it fits on a page; a longer chain keeps just neighbours together.
fn needs(blocks: &[Block]) -> Vec<f32> {
    let mut needs = vec![0.0; blocks.len()];
    let mut next: Option<(f32, f32)> = None;
    for (index, block) in blocks.iter().enumerate().rev() {
        let own = block.lead_height();
        let need = match next {
            Some((chain, lead)) if block.keep_with_next => {
                if own + chain <= BODY_HEIGHT {
                    own + chain
                } else {
                    own + lead
                }
            }
            _ => own,
        };
        needs[index] = need;
        next = Some((need, own));
    }
    needs
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: Style = Style::regular(9.5);

    fn text_rows(count: usize) -> Block {
        let mut block = Block::new();
        let lines: Vec<Line> = (0..count)
            .map(|n| Line::of(BODY).text(0.0, format!("line {n}"), BODY))
            .collect();
        block.lines(LEFT, &lines);
        block
    }

    fn texts(page: &[Draw]) -> Vec<(&str, f32)> {
        page.iter()
            .filter_map(|d| match d {
                Draw::Text { text, baseline, .. } => Some((text.as_str(), *baseline)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_long_block_flows_over_pages_repeating_its_continued_rows() {
        let title = Row::line(LEFT, &Line::of(BODY).text(0.0, "A1 (continued)", BODY));
        let block = text_rows(120).continued(vec![title]);
        let pages = paginate(&[block]);
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for page in &pages {
            for (_, baseline) in texts(page) {
                assert!((MARGIN..=BODY_BOTTOM).contains(&baseline));
            }
        }
        assert_eq!(texts(&pages[1])[0].0, "A1 (continued)");
        let total: usize = pages.iter().map(|p| texts(p).len()).sum();
        assert_eq!(total, 120 + pages.len() - 1);
    }

    #[test]
    fn a_short_block_kept_together_moves_to_the_next_page() {
        let filler = text_rows(48);
        let item = text_rows(6).together();
        let pages = paginate(&[filler, item]);
        assert_eq!(pages.len(), 2);
        assert_eq!(texts(&pages[1]).len(), 6);
    }

    #[test]
    fn a_heading_is_kept_with_what_follows() {
        let filler = text_rows(50);
        let mut heading = Block::new().with_next();
        heading.lines(LEFT, &[Line::of(BODY).text(0.0, "Heading", BODY)]);
        let pages = paginate(&[filler, heading, text_rows(6).together()]);
        assert_eq!(pages.len(), 2);
        assert_eq!(texts(&pages[1])[0].0, "Heading");
    }

    #[test]
    fn a_page_head_opens_every_later_page_until_cleared() {
        let head = Row::line(LEFT, &Line::of(BODY).text(0.0, "Section (continued)", BODY));
        let first = text_rows(60).page_head(vec![head]);
        let cleared = text_rows(60).page_head(Vec::new());
        let pages = paginate(&[first, cleared]);
        assert!(pages.len() >= 3);
        assert_eq!(texts(&pages[1])[0].0, "Section (continued)");
        let last = pages.last().expect("pages");
        assert!(texts(last).iter().all(|(t, _)| *t != "Section (continued)"));
    }

    #[test]
    fn a_heading_pushed_to_a_new_page_opens_it_without_the_old_head() {
        let old = Row::line(LEFT, &Line::of(BODY).text(0.0, "A (continued)", BODY));
        let new = Row::line(LEFT, &Line::of(BODY).text(0.0, "B (continued)", BODY));
        let mut heading = Block::new().with_next().page_head(vec![new]);
        heading.lines(LEFT, &[Line::of(BODY).text(0.0, "B heading", BODY)]);
        let blocks = [
            text_rows(50).page_head(vec![old]),
            heading,
            text_rows(6).together(),
        ];
        let pages = paginate(&blocks);
        assert_eq!(texts(&pages[1])[0].0, "B heading");
    }

    #[test]
    fn a_table_header_pushed_to_a_new_page_is_printed_once() {
        let bar = Row::line(
            LEFT,
            &Line::of(BODY).text(0.0, "Provider (continued)", BODY),
        );
        let head_row = Row::line(LEFT, &Line::of(BODY).text(0.0, "Pupil", BODY));
        let mut head = Block::new()
            .with_next()
            .page_head_standing_in(vec![bar, head_row.clone()]);
        head.row(head_row);
        let pages = paginate(&[text_rows(51), head, text_rows(3).together()]);
        let top: Vec<&str> = texts(&pages[1]).iter().map(|(t, _)| *t).collect();
        assert_eq!(&top[..3], ["Provider (continued)", "Pupil", "line 0"]);
    }

    #[test]
    fn a_chain_of_blocks_kept_with_the_next_moves_as_one() {
        let mut blocks = vec![text_rows(44)];
        let mut heading = Block::new().with_next();
        heading.lines(LEFT, &[Line::of(BODY).text(0.0, "Provider", BODY)]);
        blocks.push(heading);
        blocks.extend((0..5).map(|_| text_rows(1).with_next()));
        blocks.push(text_rows(6).together());
        let pages = paginate(&blocks);
        assert_eq!(pages.len(), 2);
        assert_eq!(texts(&pages[1])[0].0, "Provider");
    }
}
