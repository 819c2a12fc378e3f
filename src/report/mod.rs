//! Paperwork to print and sign, as PDF, and the register as CSV for a
//! spreadsheet.
//!
//! [`render`] turns a [`PrintRequest`] into the bytes of an A4 PDF: a
//! completed QA checklist, a blank visit sheet, a personalised plan, a
//! review record or the register summary an inspector or the local
//! authority asks for. Rendering is a pure function of the register and
//! the print date (which the caller passes in; nothing here reads the
//! clock), so the same data always prints the same text and the same
//! fingerprint.
//!
//! Layout is our own ([`layout`]): text is measured with the embedded
//! DejaVu Sans, wrapped and paginated, with a footer on every page giving
//! the page number, the print date and a fingerprint of the content.

mod checklist;
pub mod csv;
pub mod doc;
pub mod fingerprint;
mod font;
mod form;
pub mod layout;
mod pdf;
mod plan;
mod register;
mod register_csv;
mod review;
mod words;

use jiff::civil::Date;

use crate::model::{Checklist, ChecklistId, PlacementId, ProviderId, Register, TemplateId};

pub use font::{Fonts, REGULAR_TTF};
pub use register_csv::register_csv;

/// What to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrintRequest {
    /// A completed QA checklist of a provider.
    Checklist {
        /// The provider.
        provider: ProviderId,
        /// The checklist; `None` prints the provider's latest finished
        /// (complete or signed) check.
        checklist: Option<ChecklistId>,
    },
    /// A blank visit sheet to fill in by hand at the provider.
    Blank {
        /// The provider.
        provider: ProviderId,
        /// The template; `None` uses the register's first template, or the
        /// default one when it has none.
        template: Option<TemplateId>,
    },
    /// A placement's personalised plan.
    Plan {
        /// The placement.
        placement: PlacementId,
    },
    /// A review record.
    Review {
        /// The placement.
        placement: PlacementId,
        /// Which review, counted from 1 in date order; `None` prints the
        /// latest.
        review: Option<usize>,
    },
    /// Every provider used and every placement, for an inspector or the LA.
    Register,
}

/// Why a document could not be printed.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// No provider has this id.
    #[error("provider {0} is not in the register")]
    UnknownProvider(ProviderId),
    /// The provider has no complete or signed checklist.
    #[error("provider {0} has no completed checklist")]
    NoChecklist(ProviderId),
    /// No checklist has this id.
    #[error("checklist {0} is not in the register")]
    UnknownChecklist(ChecklistId),
    /// The checklist is of another provider.
    #[error("checklist {checklist} is of provider {actual}, not provider {asked}")]
    WrongProvider {
        /// The checklist asked for.
        checklist: ChecklistId,
        /// The provider asked for.
        asked: ProviderId,
        /// The provider the checklist is of.
        actual: ProviderId,
    },
    /// No template has this id.
    #[error("checklist template {0} is not in the register")]
    UnknownTemplate(TemplateId),
    /// No placement has this id.
    #[error("placement {0} is not in the register")]
    UnknownPlacement(PlacementId),
    /// The placement has no personalised plan.
    #[error("placement {0} has no plan")]
    NoPlan(PlacementId),
    /// The placement has no reviews.
    #[error("placement {0} has no reviews")]
    NoReviews(PlacementId),
    /// The review number is out of range.
    #[error("placement {placement} has {count} review(s); there is no review {asked}")]
    NoSuchReview {
        /// The placement.
        placement: PlacementId,
        /// The number asked for, from 1.
        asked: usize,
        /// How many reviews there are.
        count: usize,
    },
    /// An embedded font would not parse.
    #[error("the embedded font {0} could not be read")]
    Font(&'static str),
    /// printpdf reported an error while writing.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// Prints `request` from `register` as PDF bytes. `printed_on` is the
/// date shown in every footer.
pub fn render(
    register: &Register,
    request: &PrintRequest,
    printed_on: Date,
) -> Result<Vec<u8>, ReportError> {
    let fonts = Fonts::load()?;
    render_with(&fonts, register, request, printed_on)
}

/// [`render`] with fonts already loaded, for printing several documents.
pub fn render_with(
    fonts: &Fonts,
    register: &Register,
    request: &PrintRequest,
    printed_on: Date,
) -> Result<Vec<u8>, ReportError> {
    build(fonts, register, request, printed_on)?.finish(printed_on)
}

/// The 8-hex-digit fingerprint `request` prints with, without writing the
/// PDF: worth keeping with a record when its paper copy is signed.
pub fn fingerprint(
    register: &Register,
    request: &PrintRequest,
    printed_on: Date,
) -> Result<String, ReportError> {
    fingerprint_with(&Fonts::load()?, register, request, printed_on)
}

fn fingerprint_with(
    fonts: &Fonts,
    register: &Register,
    request: &PrintRequest,
    printed_on: Date,
) -> Result<String, ReportError> {
    Ok(build(fonts, register, request, printed_on)?
        .fingerprint()
        .short())
}

/// The fingerprint QA checklist `id` prints with. Its status and sign-off
/// do not count, so this is the fingerprint of its signed paper copy for
/// as long as what was checked and found stays as it was.
pub fn checklist_fingerprint(register: &Register, id: ChecklistId) -> Result<String, ReportError> {
    checklist_fingerprint_with(&Fonts::load()?, register, id)
}

fn checklist_fingerprint_with(
    fonts: &Fonts,
    register: &Register,
    id: ChecklistId,
) -> Result<String, ReportError> {
    let checklist = register
        .checklist(id)
        .ok_or(ReportError::UnknownChecklist(id))?;
    let request = PrintRequest::Checklist {
        provider: checklist.provider,
        checklist: Some(id),
    };
    // The print date is in the footer, which no fingerprint covers.
    fingerprint_with(fonts, register, &request, Date::default())
}

/// A signed QA check whose record no longer prints as its signed copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedSinceSigned {
    /// The checklist.
    pub checklist: ChecklistId,
    /// The fingerprint on the signed paper copy.
    pub signed: String,
    /// The fingerprint a reprint would show.
    pub now: String,
}

/// Signed QA checks whose record has changed since the paper copy was
/// signed. Checks signed before fingerprints were kept are not compared,
/// nor are checks that cannot be printed (their provider is missing: the
/// consistency checks report that).
pub fn changed_since_signed(register: &Register) -> Result<Vec<ChangedSinceSigned>, ReportError> {
    let fonts = Fonts::load()?;
    let changed = register
        .checklists
        .iter()
        .filter_map(|c| compare_with_signed_copy(&fonts, register, c).ok().flatten())
        .collect();
    Ok(changed)
}

/// Checklist `checklist` compared with its signed copy: `None` when it is
/// not signed, kept no fingerprint, or still prints as the copy did.
pub fn checklist_changed_since_signed(
    register: &Register,
    checklist: &Checklist,
) -> Result<Option<ChangedSinceSigned>, ReportError> {
    compare_with_signed_copy(&Fonts::load()?, register, checklist)
}

fn compare_with_signed_copy(
    fonts: &Fonts,
    register: &Register,
    checklist: &Checklist,
) -> Result<Option<ChangedSinceSigned>, ReportError> {
    let Some(signed) = checklist.status.signed_copy_fingerprint() else {
        return Ok(None);
    };
    let now = checklist_fingerprint_with(fonts, register, checklist.id)?;
    Ok((now != signed).then(|| ChangedSinceSigned {
        checklist: checklist.id,
        signed: signed.to_owned(),
        now,
    }))
}

fn build<'f>(
    fonts: &'f Fonts,
    register: &Register,
    request: &PrintRequest,
    printed_on: Date,
) -> Result<doc::Doc<'f>, ReportError> {
    let doc = match request {
        PrintRequest::Checklist {
            provider,
            checklist,
        } => checklist::completed(fonts, register, *provider, *checklist)?,
        PrintRequest::Blank { provider, template } => {
            checklist::blank(fonts, register, *provider, *template)?
        }
        PrintRequest::Plan { placement } => plan::plan(fonts, register, *placement)?,
        PrintRequest::Review { placement, review } => {
            review::review(fonts, register, *placement, *review)?
        }
        PrintRequest::Register => register::summary(fonts, register, printed_on),
    };
    Ok(doc)
}

/// A file name for the document, such as
/// `qa-checklist-hillside-farm-2026-03-02.pdf`: ASCII letters, digits and
/// hyphens only. Plans and reviews are named by placement number, never by
/// the pupil's name, since file names end up in recent-file lists.
pub fn suggested_file_name(
    register: &Register,
    request: &PrintRequest,
    printed_on: Date,
) -> String {
    let name = match request {
        PrintRequest::Checklist { provider, .. } => {
            format!("qa-checklist-{}", slug(register.provider_name(*provider)))
        }
        PrintRequest::Blank { provider, .. } => {
            format!("qa-visit-sheet-{}", slug(register.provider_name(*provider)))
        }
        PrintRequest::Plan { placement } => format!("plan-placement-{placement}"),
        PrintRequest::Review { placement, .. } => format!("review-placement-{placement}"),
        PrintRequest::Register => format!("ap-register-{}", slug(&register.school.name)),
    };
    format!("{}-{printed_on}.pdf", name.trim_end_matches('-'))
}

/// Lower-case ASCII words joined by hyphens: safe in a file name on any
/// system, and free of pupils' names' accents.
pub fn slug(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join("-")
}
