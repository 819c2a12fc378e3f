//! Providers of alternative provision: where they are, whether they are
//! registered, who to call, and the documents that expire.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::ids::{ProviderId, RecordId, SiteId};

/// A provider the school commissions, or may commission, places from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Provider {
    /// Stable id.
    pub id: ProviderId,
    /// Legal or trading name.
    pub name: String,
    /// Every address a pupil may attend, satellite and sub-contracted sites
    /// included.
    pub sites: Vec<Site>,
    /// Registration with the DfE and the latest inspection.
    pub registration: Registration,
    /// People to contact at the provider.
    pub contacts: Vec<ProviderContact>,
    /// On the local authority's approved list or directory.
    pub on_la_approved_list: bool,
    /// Certificates and confirmations that expire.
    pub documents: Vec<ProviderDocument>,
    /// Free notes.
    pub notes: String,
}

/// One address a pupil may attend.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Site {
    /// Stable id, so placements keep pointing at the right address.
    pub id: SiteId,
    /// Short name, such as "Main site" or "Farm".
    pub name: String,
    /// Postal address.
    pub address: String,
}

/// How a provider stands against the registration law (s.463 EA 1996).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RegistrationStatus {
    /// A registered independent school.
    RegisteredIndependent,
    /// A maintained school or pupil referral unit.
    Maintained,
    /// An academy, AP academy or free school.
    Academy,
    /// A non-maintained special school.
    NonMaintainedSpecial,
    /// Not a school: lawful only below the registration threshold.
    #[default]
    Unregistered,
}

impl RegistrationStatus {
    /// All statuses, in the order a form lists them.
    pub const ALL: [Self; 5] = [
        Self::RegisteredIndependent,
        Self::Maintained,
        Self::Academy,
        Self::NonMaintainedSpecial,
        Self::Unregistered,
    ];

    /// Words for forms and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::RegisteredIndependent => "Registered independent school",
            Self::Maintained => "Maintained school or PRU",
            Self::Academy => "Academy or free school",
            Self::NonMaintainedSpecial => "Non-maintained special school",
            Self::Unregistered => "Unregistered (non-school) provider",
        }
    }

    /// Whether the provider is a registered school of any kind.
    pub fn is_registered(self) -> bool {
        self != Self::Unregistered
    }
}

/// Registration and inspection details.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Registration {
    /// Registered, or not a school.
    pub status: RegistrationStatus,
    /// URN where registered.
    pub urn: String,
    /// Inspectorate: Ofsted or ISI.
    pub inspectorate: String,
    /// Outcome of the latest inspection, as the report words it.
    pub inspection_outcome: String,
    /// Date of the latest inspection.
    pub inspected_on: Option<Date>,
}

/// A person at the provider.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProviderContact {
    /// Full name.
    pub name: String,
    /// Role, such as "Manager" or "DSL".
    pub role: String,
    /// Telephone number.
    pub phone: String,
    /// Email address.
    pub email: String,
}

/// A document the school has seen that runs out, such as an insurance
/// certificate or the written confirmation of staff checks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProviderDocument {
    /// Stable id.
    pub id: RecordId,
    /// What the document is.
    pub kind: DocumentKind,
    /// Title or reference as written on it.
    pub title: String,
    /// When the school saw it.
    pub seen_on: Option<Date>,
    /// When it runs out; `None` for documents that do not.
    pub expires_on: Option<Date>,
}

/// Kinds of provider document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentKind {
    /// Employers' liability insurance.
    EmployersLiability,
    /// Public liability insurance.
    PublicLiability,
    /// Written confirmation that staff have had the school's checks.
    StaffChecksConfirmation,
    /// Safeguarding policy.
    SafeguardingPolicy,
    /// Health and safety policy or risk assessment.
    HealthAndSafety,
    /// Anything else.
    #[default]
    Other,
}

impl DocumentKind {
    /// All kinds, in the order a form lists them.
    pub const ALL: [Self; 6] = [
        Self::EmployersLiability,
        Self::PublicLiability,
        Self::StaffChecksConfirmation,
        Self::SafeguardingPolicy,
        Self::HealthAndSafety,
        Self::Other,
    ];

    /// Words for forms and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::EmployersLiability => "Employers' liability insurance",
            Self::PublicLiability => "Public liability insurance",
            Self::StaffChecksConfirmation => "Written confirmation of staff checks",
            Self::SafeguardingPolicy => "Safeguarding policy",
            Self::HealthAndSafety => "Health and safety",
            Self::Other => "Other document",
        }
    }
}

impl Provider {
    /// The site with this id.
    pub fn site(&self, id: SiteId) -> Option<&Site> {
        self.sites.iter().find(|site| site.id == id)
    }
}
