//! Stable record identifiers.
//!
//! Every record that another record points at carries a number that never
//! changes, so a link from a placement to its provider survives renaming
//! either of them. Numbers come from one counter in the register and are
//! never reused, so an id printed on a PDF keeps meaning one record.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! record_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize,
            Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.trim().parse().map(Self)
            }
        }
    };
}

record_id!(
    /// Identifies a provider.
    ProviderId
);
record_id!(
    /// Identifies one site (address) of a provider.
    SiteId
);
record_id!(
    /// Identifies a placement.
    PlacementId
);
record_id!(
    /// Identifies one objective of a personalised plan.
    ObjectiveId
);
record_id!(
    /// Identifies a record inside a placement or provider: a review, a
    /// contact, an attendance return or a document.
    RecordId
);
record_id!(
    /// Identifies a QA checklist template.
    TemplateId
);
record_id!(
    /// Identifies a completed (or started) QA checklist.
    ChecklistId
);
record_id!(
    /// Identifies one section of a QA checklist template. Copied into the
    /// checklists made from it, so answers can be compared across visits.
    SectionId
);
record_id!(
    /// Identifies one item of a QA checklist template. Copied into the
    /// checklists made from it, so answers can be compared across visits.
    ItemId
);
