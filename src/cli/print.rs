//! `print`: the paperwork as PDF, ready to print and sign.

use std::path::Path;

use anyhow::{Context as _, anyhow};

use super::{Document, Failure, load, today};
use crate::model::{PlacementId, ProviderId};
use crate::report::{self, PrintRequest};
use crate::storage::write_atomic;

/// The record options of `print`, checked against the document asked for.
#[derive(Debug, Default)]
pub(super) struct Selection {
    pub(super) provider: Option<ProviderId>,
    pub(super) placement: Option<PlacementId>,
    pub(super) review: Option<usize>,
}

/// Renders the document and writes it to `out`.
pub(super) fn print(
    document: Document,
    file: &Path,
    selection: &Selection,
    out: &Path,
) -> Result<(), Failure> {
    let register = load(file)?;
    let request = request(document, selection)?;
    let bytes = report::render(&register, &request, today())?;
    write_atomic(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    println!(
        "wrote {} ({} KB)",
        out.display(),
        bytes.len().div_ceil(1024)
    );
    Ok(())
}

fn request(document: Document, selection: &Selection) -> anyhow::Result<PrintRequest> {
    let provider = || {
        selection
            .provider
            .ok_or_else(|| anyhow!("give the provider: --provider ID"))
    };
    let placement = || {
        selection
            .placement
            .ok_or_else(|| anyhow!("give the placement: --placement ID"))
    };
    if selection.review == Some(0) {
        return Err(anyhow!("--review counts from 1, in date order"));
    }
    Ok(match document {
        Document::Checklist => PrintRequest::Checklist {
            provider: provider()?,
            checklist: None,
        },
        Document::Blank => PrintRequest::Blank {
            provider: provider()?,
            template: None,
        },
        Document::Plan => PrintRequest::Plan {
            placement: placement()?,
        },
        Document::Review => PrintRequest::Review {
            placement: placement()?,
            review: selection.review,
        },
        Document::Register => PrintRequest::Register,
    })
}

impl From<report::ReportError> for Failure {
    fn from(err: report::ReportError) -> Self {
        Self::Other(err.into())
    }
}
