//! The fonts embedded in every PDF, and how wide text set in them is.
//!
//! DejaVu Sans (regular and bold) ships in `assets/fonts/` with its licence.
//! The 14 standard PDF fonts cannot print Ł, ŵ or ễ; DejaVu covers Welsh,
//! Polish, Vietnamese and Yoruba names. Widths come from the font's own
//! advances, the same numbers the PDF viewer uses, so wrapped text never
//! runs past the margin.

use printpdf::ParsedFont;

use super::ReportError;

/// DejaVu Sans, embedded once and shared with the window's fallback font.
pub const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Printed in place of a character neither face can draw.
const REPLACEMENT: char = '\u{fffd}';

/// Millimetres in one PostScript point.
pub const MM_PER_PT: f32 = 25.4 / 72.0;

/// One parsed face with the numbers needed to measure it.
pub struct Face {
    /// The parsed font, handed to printpdf for embedding.
    pub font: ParsedFont,
    units_per_em: f32,
}

impl Face {
    fn load(bytes: &[u8], name: &'static str) -> Result<Self, ReportError> {
        let font =
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(ReportError::Font(name))?;
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        Ok(Self { font, units_per_em })
    }

    fn has_glyph(&self, c: char) -> bool {
        self.font.lookup_glyph_index(u32::from(c)).is_some()
    }

    /// Advance of `text` in ems.
    fn advance_em(&self, text: &str) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                let glyph = self.font.lookup_glyph_index(u32::from(c)).unwrap_or(0);
                u32::from(self.font.get_horizontal_advance(glyph))
            })
            .sum();
        units as f32 / self.units_per_em
    }
}

/// The regular and bold faces.
pub struct Fonts {
    /// DejaVu Sans.
    pub regular: Face,
    /// DejaVu Sans Bold.
    pub bold: Face,
}

impl Fonts {
    /// Parses the embedded fonts.
    pub fn load() -> Result<Self, ReportError> {
        Ok(Self {
            regular: Face::load(REGULAR_TTF, "DejaVuSans.ttf")?,
            bold: Face::load(BOLD_TTF, "DejaVuSans-Bold.ttf")?,
        })
    }

    /// The face for regular or bold text.
    pub fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }

    /// Width in millimetres of `text` set in a face at `size` points.
    pub fn width(&self, bold: bool, size: f32, text: &str) -> f32 {
        self.face(bold).advance_em(text) * size * MM_PER_PT
    }

    /// Whether both faces can draw `c`.
    pub fn has_glyph(&self, c: char) -> bool {
        self.regular.has_glyph(c) && self.bold.has_glyph(c)
    }

    /// Text made safe to print: tabs become spaces, other control
    /// characters go, and characters the fonts lack print as "�" so the
    /// loss is visible rather than a blank.
    pub fn clean(&self, text: &str) -> String {
        text.chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                '\n' => Some('\n'),
                c if c.is_control() => None,
                c if self.has_glyph(c) => Some(c),
                _ => Some(REPLACEMENT),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_cover_the_names_we_print() {
        let fonts = Fonts::load().expect("fonts parse");
        let names = "Zoë Siân Łukasz Ffion Wyn-Ŵyn ŵ Nguyễn Ngozi Ọkọ́nkwọ́ \
                     £ – ’ “ ” … → · �";
        for c in names.chars() {
            assert!(
                fonts.has_glyph(c),
                "no glyph for {c:?} (U+{:04X})",
                u32::from(c)
            );
        }
        assert_eq!(fonts.clean(names), names);
    }

    #[test]
    fn clean_replaces_what_cannot_print() {
        let fonts = Fonts::load().expect("fonts parse");
        assert_eq!(fonts.clean("a\tb\u{7}c"), "a bc");
        assert_eq!(fonts.clean("学"), "\u{fffd}");
    }

    #[test]
    fn width_grows_with_size_and_text() {
        let fonts = Fonts::load().expect("fonts parse");
        let ten = fonts.width(false, 10.0, "Siân");
        assert!(ten > 5.0 && ten < 12.0, "{ten}");
        assert!((fonts.width(false, 20.0, "Siân") - 2.0 * ten).abs() < 0.01);
        assert!(fonts.width(true, 10.0, "Siân") > ten);
    }
}
