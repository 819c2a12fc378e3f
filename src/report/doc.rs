//! A document being built: measuring and wrapping text in the embedded
//! fonts, collecting blocks and their fingerprint, and finishing the pages
//! with a running header and a footer before they are written as PDF.

use jiff::civil::Date;

use super::ReportError;
use super::fingerprint::Fingerprint;
use super::font::{Fonts, MM_PER_PT};
use super::layout::{
    BODY_BOTTOM, BOX_SIZE, Block, Draw, LEFT, Line, MARGIN, PAGE_HEIGHT, RIGHT, RULE_GREY, Style,
    WIDTH, paginate,
};
use super::pdf;
use crate::model::dates::format_date;

/// A document being built: its blocks, fonts and fingerprint.
pub struct Doc<'f> {
    fonts: &'f Fonts,
    title: String,
    running: String,
    blocks: Vec<Block>,
    fingerprint: Fingerprint,
}

impl<'f> Doc<'f> {
    /// A new document. `title` names the PDF and heads pages after the
    /// first, with `running` (such as the provider's name) beside it.
    pub fn new(fonts: &'f Fonts, title: &str, running: &str) -> Self {
        Self {
            fonts,
            title: fonts.clean(title),
            running: fonts.clean(running),
            blocks: Vec::new(),
            fingerprint: Fingerprint::default(),
        }
    }

    /// Width of `text` in `style`, in millimetres.
    pub fn width(&self, text: &str, style: Style) -> f32 {
        self.fonts.width(style.bold, style.size, text)
    }

    /// Text cleaned and cut with "…" to fit in `width`.
    pub fn fit(&self, text: &str, style: Style, width: f32) -> String {
        let text = self.fonts.clean(text).replace('\n', " ");
        if self.width(&text, style) <= width {
            return text;
        }
        let room = width - self.width("…", style);
        let mut out = String::new();
        for c in text.chars() {
            out.push(c);
            if self.width(&out, style) > room {
                out.pop();
                break;
            }
        }
        format!("{}…", out.trim_end())
    }

    /// Text cleaned and wrapped greedily into lines no wider than `width`;
    /// line breaks in the text are kept. Empty text gives no lines.
    pub fn wrap(&self, text: &str, style: Style, width: f32) -> Vec<String> {
        let text = self.fonts.clean(text);
        let text = text.trim_end();
        if text.trim().is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for paragraph in text.split('\n') {
            self.wrap_paragraph(paragraph, style, width, &mut out);
        }
        out
    }

    fn wrap_paragraph(&self, paragraph: &str, style: Style, width: f32, out: &mut Vec<String>) {
        let space = self.width(" ", style);
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph.split_whitespace() {
            let word_width = self.width(word, style);
            if !line.is_empty() && line_width + space + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            if word_width <= width {
                line = word.to_owned();
                line_width = word_width;
            } else {
                line_width = self.break_word(word, style, width, &mut line, out);
            }
        }
        out.push(line);
    }

    /// Splits a word wider than the line between characters, never before
    /// a combining mark. Returns the width of the last piece, left in
    /// `line`.
    fn break_word(
        &self,
        word: &str,
        style: Style,
        width: f32,
        line: &mut String,
        out: &mut Vec<String>,
    ) -> f32 {
        let mut line_width = 0.0;
        for c in word.chars() {
            let w = self.width(c.encode_utf8(&mut [0; 4]), style);
            if w > 0.0 && line_width + w > width && !line.is_empty() {
                out.push(std::mem::take(line));
                line_width = 0.0;
            }
            line.push(c);
            line_width += w;
        }
        line_width
    }

    /// Wrapped text as lines, each with the text at offset `x`.
    pub fn paragraph(&self, text: &str, style: Style, width: f32) -> Vec<Line> {
        self.wrap(text, style, width)
            .into_iter()
            .map(|t| Line::of(style).text(0.0, t, style))
            .collect()
    }

    /// A label followed by wrapped text with a hanging indent. `None` in
    /// place of text prints `empty` in grey.
    pub fn labelled(
        &self,
        label: &str,
        text: &str,
        style: Style,
        width: f32,
        empty: &str,
    ) -> Vec<Line> {
        let label_style = Style {
            bold: true,
            ..style
        }
        .muted();
        let indent = self.width(label, label_style) + 1.8;
        let mut lines: Vec<Line> = self
            .wrap(text, style, width - indent)
            .into_iter()
            .map(|t| Line::of(style).text(indent, t, style))
            .collect();
        if lines.is_empty() {
            lines.push(Line::of(style).text(indent, empty, style.muted()));
        }
        if let Some(first) = lines.first_mut() {
            *first = std::mem::replace(first, Line::of(style)).text(0.0, label, label_style);
        }
        lines
    }

    /// Adds a block to the document.
    pub fn push(&mut self, block: Block) {
        block.hash_into(&mut self.fingerprint);
        self.blocks.push(block);
    }

    /// Adds a block of which only `seal` counts towards the fingerprint:
    /// for what changes when a copy is signed (a status, the names and
    /// dates of the sign-off) rather than what the document records, so
    /// the copy signed and the signed record print with one fingerprint.
    pub fn push_sealed_as(&mut self, block: Block, seal: &str) {
        self.fingerprint.write_str(seal);
        self.blocks.push(block);
    }

    /// Lays out the pages and writes the PDF.
    pub fn finish(self, printed_on: Date) -> Result<Vec<u8>, ReportError> {
        let mut pages = paginate(&self.blocks);
        let count = pages.len();
        for (index, page) in pages.iter_mut().enumerate() {
            if index > 0 {
                self.running_header(page);
            }
            self.footer(page, index + 1, count, printed_on);
        }
        if cfg!(debug_assertions) {
            self.check_margins(&pages);
        }
        pdf::write(self.fonts, &self.title, &pages, printed_on)
    }

    /// Debug builds check that nothing reaches into the margins; that
    /// would be a layout bug, whatever the register holds.
    fn check_margins(&self, pages: &[Vec<Draw>]) {
        for draw in pages.iter().flatten() {
            let (x0, y0, x1, y1) = self.extent(draw);
            let inside = x0 >= LEFT - 0.01
                && x1 <= RIGHT + 0.01
                && y0 >= MARGIN - 0.01
                && y1 <= PAGE_HEIGHT - MARGIN + 0.01;
            debug_assert!(inside, "drawn in the margin: {draw:?}");
        }
    }

    /// Left, top, right and bottom of what a draw covers.
    fn extent(&self, draw: &Draw) -> (f32, f32, f32, f32) {
        match draw {
            Draw::Text {
                x,
                baseline,
                text,
                style,
            } => {
                let size = style.size * MM_PER_PT;
                let right = x + self.width(text, *style);
                (*x, baseline - size * 0.93, right, baseline + size * 0.24)
            }
            Draw::Mark { x, baseline, .. } => {
                (*x, baseline + 0.5 - BOX_SIZE, x + BOX_SIZE, baseline + 0.5)
            }
            Draw::Stroke { points, .. } => points.iter().fold(
                (f32::MAX, f32::MAX, f32::MIN, f32::MIN),
                |(x0, y0, x1, y1), (x, y)| (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y)),
            ),
            Draw::Fill {
                x,
                y,
                width,
                height,
                ..
            } => (*x, *y, x + width, y + height),
        }
    }

    fn running_header(&self, page: &mut Vec<Draw>) {
        let style = Style::regular(8.0).muted();
        let right = self.fit(&self.running, style, WIDTH * 0.45);
        let right_x = RIGHT - self.width(&right, style);
        let left = self.fit(&self.title, style, right_x - LEFT - 4.0);
        let baseline = MARGIN + 3.0;
        page.push(text_draw(LEFT, baseline, left, style));
        page.push(text_draw(right_x, baseline, right, style));
        page.push(stroke(LEFT, RIGHT, MARGIN + 5.0, 0.4));
    }

    fn footer(&self, page: &mut Vec<Draw>, number: usize, count: usize, printed_on: Date) {
        let style = Style::regular(7.5).muted();
        let baseline = PAGE_HEIGHT - MARGIN - 1.2;
        let left = format!(
            "Printed {} · Fingerprint {} · AP Monitor",
            format_date(printed_on),
            self.fingerprint.short()
        );
        let right = format!("Page {number} of {count}");
        let right_x = RIGHT - self.width(&right, style);
        page.push(stroke(LEFT, RIGHT, BODY_BOTTOM + 3.0, 0.4));
        page.push(text_draw(LEFT, baseline, left, style));
        page.push(text_draw(right_x, baseline, right, style));
    }

    /// The fingerprint of everything pushed so far.
    pub fn fingerprint(&self) -> Fingerprint {
        self.fingerprint
    }
}

fn text_draw(x: f32, baseline: f32, text: String, style: Style) -> Draw {
    Draw::Text {
        x,
        baseline,
        text,
        style,
    }
}

fn stroke(x0: f32, x1: f32, y: f32, weight: f32) -> Draw {
    Draw::Stroke {
        points: vec![(x0, y), (x1, y)],
        weight,
        grey: RULE_GREY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: Style = Style::regular(9.5);

    fn fonts() -> Fonts {
        Fonts::load().expect("fonts parse")
    }

    #[test]
    fn wrap_keeps_every_word_and_every_line_within_the_width() {
        let fonts = fonts();
        let doc = Doc::new(&fonts, "t", "r");
        let text = "Registration status: registered school (URN; Ofsted or ISI) or \
                    non-school; why this provider, with Łukasz and Siân";
        let lines = doc.wrap(text, BODY, 40.0);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(doc.width(line, BODY) <= 40.0, "{line:?} too wide");
        }
        assert_eq!(
            lines.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }

    #[test]
    fn wrap_breaks_a_word_longer_than_the_line_but_not_before_a_mark() {
        let fonts = fonts();
        let doc = Doc::new(&fonts, "t", "r");
        let word = "Ọkọ́nkwọ́".repeat(8);
        let lines = doc.wrap(&word, BODY, 25.0);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(doc.width(line, BODY) <= 25.0);
            assert!(
                !line.starts_with('\u{301}'),
                "line starts with a mark: {line:?}"
            );
        }
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn wrap_keeps_line_breaks_and_gives_nothing_for_empty_text() {
        let fonts = fonts();
        let doc = Doc::new(&fonts, "t", "r");
        assert_eq!(doc.wrap("one\ntwo", BODY, 100.0), ["one", "two"]);
        assert!(doc.wrap("  \n ", BODY, 100.0).is_empty());
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        let fonts = fonts();
        let doc = Doc::new(&fonts, "t", "r");
        let cut = doc.fit(&"Hillside Farm ".repeat(10), BODY, 30.0);
        assert!(cut.ends_with('…'));
        assert!(doc.width(&cut, BODY) <= 30.0);
        assert_eq!(doc.fit("Short", BODY, 30.0), "Short");
    }

    #[test]
    fn same_blocks_give_the_same_fingerprint() {
        let fonts = fonts();
        let build = |note: &str| {
            let mut doc = Doc::new(&fonts, "t", "r");
            let mut block = Block::new();
            block.lines(LEFT, &doc.paragraph(note, BODY, WIDTH));
            doc.push(block);
            doc.fingerprint().short()
        };
        assert_eq!(build("Seen"), build("Seen"));
        assert_ne!(build("Seen"), build("Not seen"));
    }
}
