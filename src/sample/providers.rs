//! Providers: the kinds a school commissions, the scripted ones the
//! placements rely on, and each provider's sites, contacts and documents.

use jiff::civil::{Date, date};

use crate::model::{
    DocumentKind, Provider, ProviderContact, ProviderDocument, ProviderId, RecordId, Registration,
    RegistrationStatus, Site, SiteId,
};

use super::calendar::{add_days, weekday_on_or_before};
use super::words::{
    INSURERS, POSTCODE_LETTERS, SATELLITES, STAFF_FAMILY, STAFF_GIVEN, STREETS, TOWN_PREFIXES,
    TOWN_SUFFIXES, TOWNS, VARIANTS,
};
use super::{Maker, SAMPLE_TODAY};

/// A kind of provider: what it is called, how it stands against the
/// registration law, and what it teaches.
pub(super) struct ProviderType {
    pub(super) suffix: &'static str,
    pub(super) status: RegistrationStatus,
    pub(super) site: &'static str,
    pub(super) premises: &'static str,
    pub(super) activity: &'static str,
    pub(super) qualification: &'static str,
    pub(super) intervention: &'static str,
    pub(super) full_time: bool,
}

const fn kind(
    suffix: &'static str,
    status: RegistrationStatus,
    site: &'static str,
    premises: &'static str,
    full_time: bool,
    teaching: [&'static str; 3],
) -> ProviderType {
    let [activity, qualification, intervention] = teaching;
    ProviderType {
        suffix,
        status,
        site,
        premises,
        activity,
        qualification,
        intervention,
        full_time,
    }
}

const UNREGISTERED: RegistrationStatus = RegistrationStatus::Unregistered;
const MAINTAINED: RegistrationStatus = RegistrationStatus::Maintained;
const ACADEMY: RegistrationStatus = RegistrationStatus::Academy;
const INDEPENDENT: RegistrationStatus = RegistrationStatus::RegisteredIndependent;
const NON_MAINTAINED: RegistrationStatus = RegistrationStatus::NonMaintainedSpecial;

/// Name suffix, status, first site and premises, full time or not; then
/// activity, qualification and intervention.
#[rustfmt::skip]
const TYPES: [ProviderType; 14] = [
    kind("Farm School", UNREGISTERED, "Farm", "The Barns", false, [
        "animal care", "Level 1 Award in Land-based Studies",
        "Small-group land-based learning on a working farm, with English and maths at school"]),
    kind("Boxing Academy", UNREGISTERED, "Gym", "Unit 3", false, [
        "boxing fitness", "Level 1 Award in Personal Development",
        "Mentoring through non-contact boxing fitness, with work on anger and conflict"]),
    kind("Construction Skills Centre", UNREGISTERED, "Workshop", "Unit 12", false, [
        "brickwork and carpentry", "Level 1 Award in Construction Skills",
        "Practical construction skills (bricklaying, carpentry, site safety) to a Level 1 award"]),
    kind("Pupil Referral Unit", MAINTAINED, "Main site", "", true, [
        "core subjects", "GCSE English and maths",
        "Full-time place in small classes with a pastoral key worker and therapeutic support"]),
    kind("AP Academy", ACADEMY, "Main site", "", true, [
        "GCSE lessons", "GCSE English, maths and science",
        "Full-time alternative provision academy place with a reintegration pathway"]),
    kind("House School", INDEPENDENT, "Main site", "", true, [
        "nurture-group lessons", "Entry Level Certificates and GCSEs",
        "Independent special school place for social, emotional and mental health needs"]),
    kind("Hall School", NON_MAINTAINED, "Main site", "", true, [
        "speech and language sessions", "Entry Level Certificates",
        "Specialist place for communication needs, with on-site speech and language therapy"]),
    kind("Tuition Centre", UNREGISTERED, "Tuition rooms", "First floor", false, [
        "English and maths tuition", "Functional Skills English and maths",
        "Small-group tuition in English and maths, at most three pupils to a tutor"]),
    kind("Motor Vehicle Project", UNREGISTERED, "Garage", "Unit 7", false, [
        "vehicle maintenance", "Level 1 Award in Vehicle Maintenance",
        "Hands-on motor vehicle maintenance in a working garage"]),
    kind("Forest School", UNREGISTERED, "Woodland site", "Woodland site off", false, [
        "bushcraft", "John Muir Award",
        "Outdoor learning and bushcraft to rebuild confidence and routine"]),
    kind("Hair and Beauty Academy", UNREGISTERED, "Salon", "", false, [
        "hair and beauty", "Level 1 Award in the Hair and Beauty Sector",
        "Vocational hair and beauty course in a training salon"]),
    kind("Short Stay School", MAINTAINED, "Main site", "", true, [
        "core subjects", "GCSE English and maths",
        "Full-time short-stay place with a planned return to mainstream"]),
    kind("Alternative Provision Free School", ACADEMY, "Main site", "", true, [
        "GCSE lessons", "GCSEs and a Level 1 vocational award",
        "Full-time alternative provision free school place"]),
    kind("Music and Media Project", UNREGISTERED, "Studio", "", false, [
        "music production", "Bronze Arts Award",
        "Music production and media work with a youth worker as mentor"]),
];

const FALLBACK_TYPE: &ProviderType = &TYPES[0];

/// A provider the scripted placements rely on, with the document that has
/// lapsed (if any) so that the due list has something to show.
struct Core {
    name: &'static str,
    kind: &'static ProviderType,
    lapse: Option<(DocumentKind, Date)>,
}

const CORE_PROVIDERS: [Core; 8] = [
    core(
        "Hollybank Farm School",
        &TYPES[0],
        Some((DocumentKind::StaffChecksConfirmation, date(2026, 12, 18))),
    ),
    core(
        "Red Corner Boxing Academy",
        &TYPES[1],
        Some((DocumentKind::PublicLiability, date(2026, 11, 14))),
    ),
    core("Wexcombe Construction Skills Centre", &TYPES[2], None),
    core("The Beacon Pupil Referral Unit", &TYPES[3], None),
    core("Horizons AP Academy", &TYPES[4], None),
    core("Compass House School", &TYPES[5], None),
    core("Meadowbrook Hall School", &TYPES[6], None),
    core("Bright Steps Tuition Centre", &TYPES[7], None),
];

/// Enough providers for every scripted one, then about one per twenty
/// placements: a register that has grown to thousands of placements over
/// the years still works with a few dozen providers, each checked yearly.
pub(super) fn provider_count(placements: usize) -> usize {
    CORE_PROVIDERS.len().max(placements.div_ceil(20))
}

/// The scripted provider with two sites.
const TWO_SITE_CORE: usize = 2;

const fn core(
    name: &'static str,
    kind: &'static ProviderType,
    lapse: Option<(DocumentKind, Date)>,
) -> Core {
    Core { name, kind, lapse }
}

/// A provider with its kind, kept together while placements are made.
pub(super) struct Made {
    pub(super) provider: Provider,
    pub(super) kind: &'static ProviderType,
}

fn town_name(n: usize) -> String {
    let prefix = TOWN_PREFIXES.get(n % TOWN_PREFIXES.len()).copied();
    let suffix = TOWN_SUFFIXES.get(n / TOWN_PREFIXES.len() % TOWN_SUFFIXES.len());
    format!(
        "{}{}",
        prefix.unwrap_or_default(),
        suffix.copied().unwrap_or_default()
    )
}

/// Name, kind and town of the provider at `index`. Generated names step
/// through kinds, then towns, then variants, so none repeats.
fn provider_identity(index: usize, offset: usize) -> (String, &'static ProviderType, String) {
    let n = index.saturating_sub(CORE_PROVIDERS.len()) + offset;
    let kind = TYPES.get(n % TYPES.len()).unwrap_or(FALLBACK_TYPE);
    let town = town_name(n / TYPES.len());
    if let Some(core) = CORE_PROVIDERS.get(index) {
        return (core.name.to_owned(), core.kind, town);
    }
    let round = n / TYPES.len() / TOWNS;
    let variant = match VARIANTS.get(round) {
        Some(words) => (*words).to_owned(),
        None => format!(" {}", round + 1),
    };
    (format!("{town} {}{variant}", kind.suffix), kind, town)
}

/// Part of an email domain: lower-case letters and digits joined by dashes.
fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|word| {
            word.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .map(|word| word.to_ascii_lowercase())
        .collect();
    words.join("-")
}

fn inspection_outcomes(status: RegistrationStatus) -> &'static [&'static str] {
    match status {
        RegistrationStatus::RegisteredIndependent => &[
            "Good; independent school standards met",
            "Requires improvement; independent school standards met",
        ],
        RegistrationStatus::NonMaintainedSpecial => &["Good", "Outstanding"],
        _ => &["Good", "Good", "Requires improvement", "Outstanding"],
    }
}

fn provider_notes(status: RegistrationStatus) -> &'static str {
    if status.is_registered() {
        "Registered school: check the latest inspection report before each placement."
    } else {
        "Not a registered school: keep each pupil's hours here well under 18 a week and \
         renew the written confirmation of staff checks every year."
    }
}

impl Maker {
    pub(super) fn providers(&mut self, count: usize) -> Vec<Made> {
        let offset = self.rng.below(TOWNS) * TYPES.len();
        (0..count)
            .map(|index| self.provider(index, offset))
            .collect()
    }

    fn provider(&mut self, index: usize, offset: usize) -> Made {
        let (name, kind, town) = provider_identity(index, offset);
        let id = ProviderId(self.id());
        let second_site = index == TWO_SITE_CORE || self.rng.chance(25);
        let sites = self.sites(kind, &town, second_site);
        let lapse = CORE_PROVIDERS.get(index).and_then(|core| core.lapse);
        let provider = Provider {
            id,
            sites,
            registration: self.registration(kind.status, index),
            contacts: self.provider_contacts(kind.status, &slug(&name)),
            on_la_approved_list: kind.status.is_registered() || self.rng.chance(55),
            documents: self.documents(kind.status, lapse),
            notes: provider_notes(kind.status).to_owned(),
            name,
        };
        Made { provider, kind }
    }

    /// The first site, and sometimes a satellite in the same postcode
    /// district.
    fn sites(&mut self, kind: &ProviderType, town: &str, second: bool) -> Vec<Site> {
        let district = self.rng.range(1, 19);
        let mut sites = vec![self.site(kind.site, kind.premises, town, district)];
        if second {
            let name = self.rng.pick(&SATELLITES);
            sites.push(self.site(name, "", town, district));
        }
        sites
    }

    fn site(&mut self, name: &str, premises: &str, town: &str, district: i64) -> Site {
        let id = SiteId(self.id());
        let street = self.rng.pick(&STREETS);
        let first_line = if premises.is_empty() {
            format!("{} {street}", self.rng.range(1, 180))
        } else {
            format!("{premises}, {street}")
        };
        let sector = self.rng.range(0, 9);
        let first = char::from(self.rng.pick(POSTCODE_LETTERS));
        let second = char::from(self.rng.pick(POSTCODE_LETTERS));
        Site {
            id,
            name: name.to_owned(),
            address: format!("{first_line}, {town}, WX{district} {sector}{first}{second}"),
        }
    }

    fn registration(&mut self, status: RegistrationStatus, index: usize) -> Registration {
        if !status.is_registered() {
            return Registration::default();
        }
        // 7919 is prime, so distinct indexes below 60 000 give distinct URNs.
        let urn = 100_000 + (index * 7919 + 1234) % 60_000;
        Registration {
            status,
            urn: urn.to_string(),
            inspectorate: "Ofsted".into(),
            inspection_outcome: self.rng.pick(inspection_outcomes(status)).to_owned(),
            inspected_on: Some(add_days(date(2021, 9, 6), self.rng.range(0, 1500))),
        }
    }

    fn provider_contacts(
        &mut self,
        status: RegistrationStatus,
        domain: &str,
    ) -> Vec<ProviderContact> {
        let roles: &[&str] = if status.is_registered() {
            &[
                "Headteacher",
                "Designated safeguarding lead",
                "Attendance officer",
            ]
        } else {
            &[
                "Centre manager",
                "Designated safeguarding lead",
                "Key worker",
            ]
        };
        let count = 2 + self.rng.below(2);
        roles
            .iter()
            .take(count)
            .map(|role| self.staff_contact(role, domain))
            .collect()
    }

    fn staff_contact(&mut self, role: &str, domain: &str) -> ProviderContact {
        let given = self.rng.pick(&STAFF_GIVEN);
        let family = self.rng.pick(&STAFF_FAMILY);
        let phone = if self.rng.chance(70) {
            format!("01632 960{:03}", self.rng.below(1000))
        } else {
            format!("07700 900{:03}", self.rng.below(1000))
        };
        ProviderContact {
            name: format!("{given} {family}"),
            role: role.to_owned(),
            phone,
            email: format!("{given}.{family}@{domain}.example").to_ascii_lowercase(),
        }
    }

    fn documents(
        &mut self,
        status: RegistrationStatus,
        lapse: Option<(DocumentKind, Date)>,
    ) -> Vec<ProviderDocument> {
        let kinds = [
            DocumentKind::EmployersLiability,
            DocumentKind::PublicLiability,
            DocumentKind::StaffChecksConfirmation,
        ];
        let mut documents: Vec<ProviderDocument> = kinds
            .into_iter()
            .map(|kind| {
                let forced = lapse.filter(|(lapsed, _)| *lapsed == kind);
                let expires = forced.map_or_else(|| self.expiry(), |(_, on)| on);
                self.document(kind, expires)
            })
            .collect();
        if !status.is_registered() || self.rng.chance(40) {
            documents.push(self.policy());
        }
        documents
    }

    /// Mostly in the coming year; about one in eight lapsed, a few close.
    fn expiry(&mut self) -> Date {
        add_days(SAMPLE_TODAY, self.rng.range(-50, 340))
    }

    fn document(&mut self, kind: DocumentKind, expires: Date) -> ProviderDocument {
        let id = RecordId(self.id());
        let title = self.document_title(kind);
        let seen = add_days(expires, self.rng.range(-360, -330));
        ProviderDocument {
            id,
            kind,
            title,
            seen_on: Some(weekday_on_or_before(seen.min(add_days(SAMPLE_TODAY, -1)))),
            expires_on: Some(expires),
        }
    }

    fn document_title(&mut self, kind: DocumentKind) -> String {
        let insurer = self.rng.pick(&INSURERS);
        let policy = self.rng.range(1_000_000, 9_999_999);
        match kind {
            DocumentKind::EmployersLiability => {
                format!("{insurer} certificate EL-{policy}, £10m cover")
            }
            DocumentKind::PublicLiability => {
                format!("{insurer} certificate PL-{policy}, £5m cover")
            }
            _ => "Letter from the provider's DSL confirming enhanced DBS and barred list \
                  checks for every member of staff working with our pupils"
                .to_owned(),
        }
    }

    fn policy(&mut self) -> ProviderDocument {
        ProviderDocument {
            id: RecordId(self.id()),
            kind: DocumentKind::SafeguardingPolicy,
            title: "Safeguarding and child protection policy 2026/27".into(),
            seen_on: Some(weekday_on_or_before(add_days(
                date(2026, 9, 7),
                self.rng.range(0, 40),
            ))),
            expires_on: None,
        }
    }
}
