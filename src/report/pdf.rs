//! Writes laid-out pages with printpdf: shapes first, then all text in one
//! text object per page, in the embedded fonts, which printpdf subsets.
//! Coordinates turn here from millimetres from the top-left into points
//! from the bottom-left.

use jiff::civil::Date;
use printpdf::{
    Color, FontId, Greyscale, Line as PdfLine, LinePoint, Op, PaintMode, PdfDocument,
    PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, Rect, TextItem,
    TextMatrix,
};

use super::ReportError;
use super::font::{Fonts, MM_PER_PT};
use super::layout::{BOX_SIZE, Draw, Mark, PAGE_HEIGHT, PAGE_WIDTH};

/// Writes laid-out pages as a PDF with both fonts embedded and subset.
pub(super) fn write(
    fonts: &Fonts,
    title: &str,
    pages: &[Vec<Draw>],
    printed_on: Date,
) -> Result<Vec<u8>, ReportError> {
    let mut pdf = PdfDocument::new(title);
    pdf.metadata.info.creator = "AP Monitor".to_owned();
    pdf.metadata.info.producer = "AP Monitor (printpdf)".to_owned();
    if let Some(date) = pdf_date(printed_on) {
        pdf.metadata.info.creation_date = date;
        pdf.metadata.info.modification_date = date;
        pdf.metadata.info.metadata_date = date;
    }
    let ids = FontIds {
        regular: pdf.add_font(&fonts.regular.font),
        bold: pdf.add_font(&fonts.bold.font),
    };
    let pdf_pages = pages
        .iter()
        .map(|draws| {
            let ops = page_ops(draws, &ids);
            PdfPage::new(printpdf::Mm(PAGE_WIDTH), printpdf::Mm(PAGE_HEIGHT), ops)
        })
        .collect();
    pdf.with_pages(pdf_pages);
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let bytes = pdf.save(&options, &mut warnings);
    match warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        Some(warning) => Err(ReportError::Pdf(warning.msg.clone())),
        None => Ok(bytes),
    }
}

/// Midday UTC of the print date, for the PDF's info dictionary.
fn pdf_date(date: Date) -> Option<printpdf::OffsetDateTime> {
    let zoned = date
        .at(12, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .ok()?;
    printpdf::OffsetDateTime::from_unix_timestamp(zoned.timestamp().as_second()).ok()
}

struct FontIds {
    regular: FontId,
    bold: FontId,
}

fn pt(mm: f32) -> Pt {
    Pt(mm / MM_PER_PT)
}

fn point(x: f32, y: f32) -> Point {
    Point {
        x: pt(x),
        y: pt(PAGE_HEIGHT - y),
    }
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale::new(level, None))
}

/// A page's drawing operations: shapes first, then all text in one text
/// object, so shading never covers words.
fn page_ops(draws: &[Draw], ids: &FontIds) -> Vec<Op> {
    let mut ops = Vec::new();
    for draw in draws {
        shape_ops(draw, &mut ops);
    }
    ops.push(Op::StartTextSection);
    let mut current: Option<(bool, f32)> = None;
    let mut colour: Option<f32> = None;
    for draw in draws {
        let Draw::Text {
            x,
            baseline,
            text,
            style,
        } = draw
        else {
            continue;
        };
        if current != Some((style.bold, style.size)) {
            let id = if style.bold { &ids.bold } else { &ids.regular };
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(id.clone()),
                size: Pt(style.size),
            });
            current = Some((style.bold, style.size));
        }
        if colour != Some(style.grey) {
            ops.push(Op::SetFillColor {
                col: grey(style.grey),
            });
            colour = Some(style.grey);
        }
        let at = point(*x, *baseline);
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(at.x, at.y),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.clone())],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

fn shape_ops(draw: &Draw, ops: &mut Vec<Op>) {
    match draw {
        Draw::Text { .. } => {}
        Draw::Fill {
            x,
            y,
            width,
            height,
            grey: level,
        } => {
            ops.push(Op::SetFillColor { col: grey(*level) });
            let corner = point(*x, y + height);
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    mode: Some(PaintMode::Fill),
                    ..Rect::from_xywh(corner.x, corner.y, pt(*width), pt(*height))
                },
            });
        }
        Draw::Stroke {
            points,
            weight,
            grey: level,
        } => polyline(points, *weight, *level, false, ops),
        Draw::Mark { x, baseline, mark } => mark_ops(*x, *baseline, *mark, ops),
    }
}

fn polyline(points: &[(f32, f32)], weight: f32, level: f32, closed: bool, ops: &mut Vec<Op>) {
    ops.push(Op::SetOutlineColor { col: grey(level) });
    ops.push(Op::SetOutlineThickness { pt: Pt(weight) });
    let points = points
        .iter()
        .map(|(x, y)| LinePoint {
            p: point(*x, *y),
            bezier: false,
        })
        .collect();
    ops.push(Op::DrawLine {
        line: PdfLine {
            points,
            is_closed: closed,
        },
    });
}

/// A square box sitting on the baseline, with a tick or cross drawn as
/// strokes (no glyph needed).
fn mark_ops(x: f32, baseline: f32, mark: Mark, ops: &mut Vec<Op>) {
    let s = BOX_SIZE;
    let top = baseline + 0.5 - s;
    let corners = [(x, top), (x + s, top), (x + s, top + s), (x, top + s)];
    polyline(&corners, 0.7, 0.15, true, ops);
    let at = |fx: f32, fy: f32| (x + fx * s, top + fy * s);
    match mark {
        Mark::Empty => {}
        Mark::Tick => {
            let points = [at(0.18, 0.52), at(0.42, 0.78), at(0.84, 0.2)];
            polyline(&points, 1.3, 0.0, false, ops);
        }
        Mark::Cross => {
            polyline(&[at(0.2, 0.2), at(0.8, 0.8)], 1.2, 0.0, false, ops);
            polyline(&[at(0.8, 0.2), at(0.2, 0.8)], 1.2, 0.0, false, ops);
        }
    }
}
