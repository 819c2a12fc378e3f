//! A made-up but realistic register for demonstrations, screenshots and
//! load tests; `ap-monitor sample` writes one to a file.
//!
//! Everything in it is fictional: the school, the providers, the pupils, the
//! addresses (postcodes in an unused "WX" area) and the telephone numbers
//! (Ofcom's ranges set aside for drama). The generator is deterministic: the
//! same number of placements and seed give the same register, and so the
//! same file, on any day and any machine. It therefore reads no clock and
//! uses its own small random number generator, whose sequence no crate
//! update can change.
//!
//! The first placements are scripted so that, as of [`SAMPLE_TODAY`], the
//! due list shows an overdue review, contact, LA notification, plan and
//! provider document, and an off-site direction near its maximum period.
//! The rest are drawn at random from the seed.

use jiff::ToSpan;
use jiff::civil::{Date, Time, date, time};

use crate::model::due::days_between;
use crate::model::{
    AcademicYear, Action, AttendanceCode, AttendanceReturn, Attendee, AttendeeRole, Commissioner,
    Contact, ContactMethod, ContactWith, Decision, Destination, DocumentKind, FullTimeHours,
    HalfTerm, LaNotification, Objective, ObjectiveArea, ObjectiveId, ObjectiveProgress,
    PersonalisedPlan, Placement, PlacementId, PlacementKind, PlacementStatus, Provider,
    ProviderContact, ProviderDocument, ProviderId, Pupil, Rating, RecordId, Register, Registration,
    RegistrationStatus, Review, School, SenStatus, Session, Site, SiteId, TermCalendar, Weekday,
};

/// Placements in a sample when the command line does not say.
pub const DEFAULT_PLACEMENTS: usize = 24;

/// Seed used when the command line does not say.
pub const DEFAULT_SEED: u64 = 1;

/// The day the sample is built around: placements are active, planned or
/// ended as of this day, and the scripted lapses are overdue on it.
///
/// It is fixed rather than read from the clock so that the same seed gives
/// the same file every day. Due lists worked out for this day show what the
/// sample was built to show; on later days more falls due.
pub const SAMPLE_TODAY: Date = date(2026, 12, 1);

// ---------------------------------------------------------------------------
// The school and its calendar

const AP_LEAD: &str = "Daniel Whitworth";
const DSL: &str = "Helen Okafor";
const SENCO: &str = "Joanna Patel";
const LA_CASEWORKER: &str = "Priya Shah (LA SEND caseworker)";
const SOCIAL_WORKER: &str = "Marcus Bell (social worker)";

/// Autumn 2025 to summer 2027, six half-terms a year.
const TERMS: [HalfTerm; 12] = [
    term(date(2025, 9, 3), date(2025, 10, 24)),
    term(date(2025, 11, 3), date(2025, 12, 19)),
    term(date(2026, 1, 5), date(2026, 2, 13)),
    term(date(2026, 2, 23), date(2026, 3, 27)),
    term(date(2026, 4, 13), date(2026, 5, 22)),
    term(date(2026, 6, 1), date(2026, 7, 22)),
    term(date(2026, 9, 2), date(2026, 10, 23)),
    term(date(2026, 11, 2), date(2026, 12, 18)),
    term(date(2027, 1, 4), date(2027, 2, 12)),
    term(date(2027, 2, 22), date(2027, 3, 26)),
    term(date(2027, 4, 12), date(2027, 5, 28)),
    term(date(2027, 6, 7), date(2027, 7, 21)),
];

const fn term(start: Date, end: Date) -> HalfTerm {
    HalfTerm { start, end }
}

/// The fictional commissioning school. It is all-through (ages 4 to 16),
/// which is why a few primary pupils appear among the placements.
fn school() -> School {
    School {
        name: "Kingsmead Park Academy".into(),
        urn: "149862".into(),
        local_authority: "Wexcombe Borough Council".into(),
        dsl: DSL.into(),
        ap_lead: AP_LEAD.into(),
        address: "Kingsmead Lane\nWexcombe\nWX4 7PL".into(),
    }
}

fn calendar() -> TermCalendar {
    let years = TERMS
        .chunks(6)
        .zip(2025..)
        .map(|(terms, start_year)| AcademicYear {
            start_year,
            half_terms: terms.to_vec(),
        })
        .collect();
    TermCalendar { years }
}

// ---------------------------------------------------------------------------
// Generation

/// A register with `placements` placements, drawn from `seed`. The same
/// arguments always give an identical register.
pub fn generate(placements: usize, seed: u64) -> Register {
    let mut maker = Maker {
        rng: Rng(seed),
        ids: Register::default(),
    };
    let providers = maker.providers(provider_count(placements));
    let placements = (0..placements)
        .filter_map(|index| maker.placement_at(index, &providers))
        .collect();
    let mut register = maker.ids;
    register.school = school();
    register.calendar = calendar();
    register.providers = providers.into_iter().map(|made| made.provider).collect();
    register.placements = placements;
    register
}

/// Enough providers for every scripted one, then about one per four
/// placements, as a school with a large register spreads them.
fn provider_count(placements: usize) -> usize {
    CORE_PROVIDERS.len().max(placements.div_ceil(4))
}

/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit counter stepped by
/// the golden ratio and scrambled by two multiply-xorshift rounds. Tiny,
/// fast and good enough for made-up data; written out here so that a seed
/// names the same register for ever.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`, or 0 when `n` is 0. The modulo bias is far too
    /// small to matter for sample data.
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next() % n as u64) as usize
    }

    /// A number in `low..=high`.
    fn range(&mut self, low: i64, high: i64) -> i64 {
        let width = (high - low).max(0) as u64 + 1;
        low + (self.next() % width) as i64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<T: Copy + Default>(&mut self, items: &[T]) -> T {
        let index = self.below(items.len());
        items.get(index).copied().unwrap_or_default()
    }
}

/// The random stream and the id allocator.
///
/// `ids` is a register whose provider and placement lists stay empty until
/// the end: `Register::allocate_id` scans every record for the highest id,
/// so allocating from a filled register would make generation quadratic.
struct Maker {
    rng: Rng,
    ids: Register,
}

impl Maker {
    fn id(&mut self) -> u32 {
        self.ids.allocate_id()
    }
}

// ---------------------------------------------------------------------------
// Providers

/// A kind of provider: what it is called, how it stands against the
/// registration law, and what it teaches.
struct ProviderType {
    suffix: &'static str,
    status: RegistrationStatus,
    site: &'static str,
    premises: &'static str,
    activity: &'static str,
    qualification: &'static str,
    intervention: &'static str,
    full_time: bool,
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
struct Made {
    provider: Provider,
    kind: &'static ProviderType,
}

const TOWN_PREFIXES: [&str; 24] = [
    "Ash", "Birch", "Brook", "Cold", "Elm", "Fern", "Glen", "Hazel", "Holm", "Kings", "Lark",
    "Marsh", "Mill", "Moor", "Oak", "Pen", "Queens", "Rook", "Salt", "Stone", "Thorn", "Whit",
    "Wood", "Yar",
];
const TOWN_SUFFIXES: [&str; 12] = [
    "bridge", "bury", "combe", "field", "ford", "ham", "hill", "ley", "mouth", "stead", "ton",
    "wick",
];
const TOWNS: usize = TOWN_PREFIXES.len() * TOWN_SUFFIXES.len();
const VARIANTS: [&str; 5] = ["", " North", " South", " East", " West"];
#[rustfmt::skip]
const STREETS: [&str; 14] = [
    "Station Road", "Church Lane", "Mill Lane", "High Street", "Victoria Road", "Park Road",
    "Green Lane", "Chapel Street", "Brook Street", "Manor Road", "Queens Road",
    "Albert Street", "Canal Side", "Orchard Way",
];
#[rustfmt::skip]
const SATELLITES: [&str; 5] = [
    "Leisure centre (hired hall)", "Community centre", "Allotment", "Satellite classroom",
    "Housing site (work placement)",
];
const POSTCODE_LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";
const STAFF_GIVEN: [&str; 20] = [
    "Sarah", "James", "Michelle", "Paul", "Karen", "Andrew", "Joanne", "Mark", "Rachel", "Gary",
    "Nicola", "Dean", "Lisa", "Tom", "Amanda", "Wayne", "Priya", "Imran", "Grace", "Kwame",
];
const STAFF_FAMILY: [&str; 16] = [
    "Morris", "Fletcher", "Barker", "Holt", "Chapman", "Naylor", "Sutton", "Kaur", "Rahman",
    "Boateng", "Lloyd", "Pearce", "Dixon", "Hartley", "Rowe", "Gill",
];
#[rustfmt::skip]
const INSURERS: [&str; 4] = [
    "Marlow Mutual", "Severn Insurance", "Castlegate Underwriting", "Northgate Assurance",
];

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
    fn providers(&mut self, count: usize) -> Vec<Made> {
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

// ---------------------------------------------------------------------------
// Dates

fn add_days(day: Date, days: i64) -> Date {
    day.saturating_add(days.days())
}

/// Days from Monday: 0 for Monday up to 6 for Sunday.
fn weekday_offset(day: Date) -> i64 {
    i64::from(day.weekday().to_monday_zero_offset())
}

fn day_offset(day: Weekday) -> i64 {
    match day {
        Weekday::Mon => 0,
        Weekday::Tue => 1,
        Weekday::Wed => 2,
        Weekday::Thu => 3,
        Weekday::Fri => 4,
    }
}

/// The day itself, or the Friday before a weekend.
fn weekday_on_or_before(day: Date) -> Date {
    add_days(day, -(weekday_offset(day) - 4).max(0))
}

/// The day itself, or the Monday after a weekend.
fn weekday_on_or_after(day: Date) -> Date {
    match weekday_offset(day) {
        5 => add_days(day, 2),
        6 => add_days(day, 1),
        _ => day,
    }
}

/// The first teaching day on or after `day`.
fn school_day_on_or_after(day: Date) -> Date {
    let Some(half) = TERMS.iter().find(|half| half.end >= day) else {
        return weekday_on_or_after(day);
    };
    weekday_on_or_after(day.max(half.start))
}

/// The last teaching day on or before `day`.
fn school_day_on_or_before(day: Date) -> Date {
    let Some(half) = TERMS.iter().rev().find(|half| half.start <= day) else {
        return weekday_on_or_before(day);
    };
    weekday_on_or_before(day.min(half.end))
}

fn in_term(day: Date) -> bool {
    TERMS
        .iter()
        .any(|half| half.start <= day && day <= half.end)
}

/// A random teaching day from `first` up to `days` days later.
fn school_day_between(rng: &mut Rng, first: Date, days: i64) -> Date {
    school_day_on_or_after(add_days(first, rng.range(0, days)))
}

/// Half-day sessions the pattern offers from `from` to `to` inclusive.
fn offered_half_days(sessions: &[Session], from: Date, to: Date) -> u32 {
    count_sessions(sessions, from, to, half_days)
}

/// Sessions on teaching days from `from` to `to` inclusive, each counted
/// as `weigh` says.
fn count_sessions(sessions: &[Session], from: Date, to: Date, weigh: fn(&Session) -> i64) -> u32 {
    TERMS
        .iter()
        .map(|half| {
            let (from, to) = (from.max(half.start), to.min(half.end));
            count_weekdays(sessions, from, to, weigh)
        })
        .sum()
}

/// Sessions on every weekday from `from` to `to` inclusive, holidays
/// included.
fn count_weekdays(sessions: &[Session], from: Date, to: Date, weigh: fn(&Session) -> i64) -> u32 {
    let days = days_between(from, to) + 1;
    if days <= 0 {
        return 0;
    }
    let first = weekday_offset(from);
    let total: i64 = sessions
        .iter()
        .map(|session| {
            let ahead = (day_offset(session.day) - first).rem_euclid(7);
            let count = days / 7 + i64::from(ahead < days % 7);
            count * weigh(session)
        })
        .sum();
    u32::try_from(total).unwrap_or(0)
}

/// A session spanning lunch is a morning and an afternoon.
fn half_days(session: &Session) -> i64 {
    if session.start.hour() < 12 && session.end.hour() >= 13 {
        2
    } else {
        1
    }
}

// ---------------------------------------------------------------------------
// Scripted placements

/// Where a scripted or random placement stands on [`SAMPLE_TODAY`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Planned,
    Active,
    Ended(Date),
}

/// A lapse written into a scripted placement.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Twist {
    None,
    MissedReview,
    NoLaNotice,
    NoPlan,
    StaleContact,
}

/// One scripted placement. `end` is the planned end, or the last day when
/// the placement has ended; an off-site direction's maximum period ends
/// on it too.
struct Scenario {
    name: &'static str,
    given: &'static str,
    family: &'static str,
    year: u8,
    provider: usize,
    kind: PlacementKind,
    start: Date,
    end: Date,
    phase: Phase,
    by_la: bool,
    sen: SenStatus,
    looked_after: bool,
    twist: Twist,
}

#[rustfmt::skip]
const SCENARIOS: [Scenario; 9] = {
    use Phase::{Active, Ended, Planned};
    use PlacementKind::{OffSiteDirection, PartTimeTimetable, TimeLimited, Transitional};
    use SenStatus::{Ehcp, SenSupport};
    const NO_SEN: SenStatus = SenStatus::None;
    [
        Scenario { name: "Zoë Clarke", given: "Zoë", family: "Clarke",
            year: 10, provider: 0, kind: TimeLimited, phase: Active,
            start: date(2026, 1, 12), end: date(2027, 3, 26), by_la: false, sen: SenSupport,
            looked_after: false, twist: Twist::None },
        Scenario { name: "Siân Griffiths", given: "Siân", family: "Griffiths",
            year: 9, provider: 1, kind: TimeLimited, phase: Active,
            start: date(2026, 4, 20), end: date(2027, 2, 12), by_la: false, sen: NO_SEN,
            looked_after: false, twist: Twist::MissedReview },
        Scenario { name: "Łukasz Nowak", given: "Łukasz", family: "Nowak",
            year: 11, provider: 2, kind: Transitional, phase: Active,
            start: date(2026, 9, 7), end: date(2027, 5, 28), by_la: false, sen: NO_SEN,
            looked_after: false, twist: Twist::NoLaNotice },
        Scenario { name: "Aoife Byrne", given: "Aoife", family: "Byrne",
            year: 8, provider: 3, kind: OffSiteDirection, phase: Active,
            start: date(2026, 9, 14), end: date(2026, 12, 11), by_la: false, sen: SenSupport,
            looked_after: false, twist: Twist::None },
        Scenario { name: "Nasir Ahmed", given: "Nasir", family: "Ahmed",
            year: 10, provider: 7, kind: PartTimeTimetable, phase: Active,
            start: date(2026, 11, 2), end: date(2026, 12, 18), by_la: false, sen: NO_SEN,
            looked_after: false, twist: Twist::NoPlan },
        Scenario { name: "Ffion Wyn-Ŵyn", given: "Ffion", family: "Wyn-Ŵyn",
            year: 7, provider: 5, kind: Transitional, phase: Active,
            start: date(2026, 9, 7), end: date(2027, 7, 21), by_la: true, sen: Ehcp,
            looked_after: true, twist: Twist::None },
        Scenario { name: "Nguyễn Văn An", given: "An", family: "Nguyễn",
            year: 11, provider: 4, kind: TimeLimited, phase: Active,
            start: date(2026, 2, 23), end: date(2027, 5, 28), by_la: false, sen: NO_SEN,
            looked_after: false, twist: Twist::StaleContact },
        Scenario { name: "Ngozi Ọkọ́nkwọ́", given: "Ngozi", family: "Ọkọ́nkwọ́",
            year: 9, provider: 6, kind: Transitional, phase: Planned,
            start: date(2027, 1, 4), end: date(2027, 7, 21), by_la: true, sen: Ehcp,
            looked_after: false, twist: Twist::None },
        Scenario { name: "Jayden Thompson", given: "Jayden", family: "Thompson",
            year: 11, provider: 2, kind: TimeLimited, phase: Ended(date(2026, 7, 17)),
            start: date(2025, 11, 3), end: date(2026, 7, 17), by_la: false, sen: NO_SEN,
            looked_after: false, twist: Twist::None },
    ]
};

// ---------------------------------------------------------------------------
// Random placements

const GIVEN_NAMES: [&str; 48] = [
    "Oliver", "Amelia", "Jayden", "Chloé", "Mohammed", "Aisha", "Kacper", "Zofia", "Renée",
    "Oisín", "Seán", "Bethany", "Tyler", "Leah", "Kai", "Maja", "Dawid", "Amira", "Yusuf",
    "Precious", "Tomás", "Niamh", "Rhys", "Efa", "Jamal", "Maryam", "Harvey", "Lily-Mae", "Alfie",
    "Ruby", "Noah", "Isla", "Ellis", "Darcey", "Kofi", "Adaeze", "Bartosz", "Ioana", "Mihai",
    "Zainab", "Jakub", "Callum", "Freya", "Thiago", "Inés", "Gráinne", "Ayşe", "Emre",
];
const FAMILY_NAMES: [&str; 40] = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Khan",
    "Hussain",
    "Begum",
    "Ali",
    "Kowalski",
    "Wójcik",
    "O'Brien",
    "Murphy",
    "Okafor",
    "Mensah",
    "Evans",
    "Roberts",
    "Walker",
    "Wright",
    "Robinson",
    "Hughes",
    "Lewis",
    "Popescu",
    "Yılmaz",
    "Öztürk",
    "García",
    "Nowak",
    "Kamiński",
    "Adeyemi",
    "Mahmood",
    "Uddin",
    "Price",
    "Doherty",
    "Doyle",
    "Quinn",
    "Ó Briain",
];
const KIND_WEIGHTS: [PlacementKind; 20] = {
    use PlacementKind::{OffSiteDirection as O, PartTimeTimetable as P};
    use PlacementKind::{TimeLimited as T, Transitional as R};
    [T, T, T, T, T, T, T, T, T, R, R, R, O, O, O, P, P, P, P, T]
};
/// Mostly key stage 4, then key stage 3; a few from the primary phase.
const YEAR_WEIGHTS: [u8; 20] = [
    5, 6, 7, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10, 11, 11, 11, 11, 8,
];
const SEN_WEIGHTS: [SenStatus; 10] = {
    use SenStatus::{Ehcp as E, None as N, SenSupport as S};
    [N, N, N, N, N, N, S, S, S, E]
};
const PLANNED_STARTS: [Date; 5] = [
    date(2026, 12, 7),
    date(2026, 12, 14),
    date(2027, 1, 4),
    date(2027, 1, 11),
    date(2027, 1, 18),
];
const TERM_ENDS_AHEAD: [Date; 4] = [
    date(2026, 12, 18),
    date(2027, 2, 12),
    date(2027, 3, 26),
    date(2027, 5, 28),
];
const TRANSITION_ENDS: [Date; 3] = [date(2027, 3, 26), date(2027, 5, 28), date(2027, 7, 21)];

/// Who, where and what, before dates and records are drawn.
struct Outline {
    index: usize,
    name: String,
    given: String,
    family: String,
    year: u8,
    provider: usize,
    kind: PlacementKind,
    by_la: bool,
    sen: SenStatus,
    looked_after: bool,
}

/// Start, ends and phase.
#[derive(Clone, Copy)]
struct Dates {
    start: Date,
    planned_end: Option<Date>,
    maximum_end: Option<Date>,
    phase: Phase,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PlanState {
    Agreed,
    Unagreed,
    Missing,
}

/// Everything decided about a placement before its records are written.
struct Spec {
    pupil: Pupil,
    given: String,
    parent: String,
    kind: PlacementKind,
    commissioner: Commissioner,
    code: AttendanceCode,
    dates: Dates,
    sessions: Vec<Session>,
    reason: String,
    plan: PlanState,
    la_informed: bool,
    /// No review is held after this day.
    reviews_until: Date,
    /// The contact log stops on this day.
    contacts_until: Date,
    /// Usual attendance, per cent.
    rate: i64,
    /// Share of absences that go unauthorised, per cent.
    unauthorised: i64,
}

fn scenario_outline(index: usize, scenario: &Scenario) -> (Outline, Dates) {
    let outline = Outline {
        index,
        name: scenario.name.to_owned(),
        given: scenario.given.to_owned(),
        family: scenario.family.to_owned(),
        year: scenario.year,
        provider: scenario.provider,
        kind: scenario.kind,
        by_la: scenario.by_la,
        sen: scenario.sen,
        looked_after: scenario.looked_after,
    };
    let direction = scenario.kind == PlacementKind::OffSiteDirection;
    let dates = Dates {
        start: scenario.start,
        planned_end: Some(scenario.end),
        maximum_end: direction.then_some(scenario.end),
        phase: scenario.phase,
    };
    (outline, dates)
}

fn apply_twist(spec: &mut Spec, twist: Twist) {
    match twist {
        Twist::None => {}
        Twist::MissedReview => spec.reviews_until = date(2026, 7, 22),
        Twist::NoLaNotice => spec.la_informed = false,
        Twist::NoPlan => spec.plan = PlanState::Missing,
        Twist::StaleContact => spec.contacts_until = date(2026, 11, 3),
    }
}

/// The academic year the pupil's year group refers to: the one in which
/// an ended placement ended, else the current one.
fn academic_year(dates: &Dates) -> i16 {
    match dates.phase {
        Phase::Ended(on) if on < date(2026, 9, 1) => 2025,
        _ => 2026,
    }
}

/// A 13-character UPN: check letter, then LA number, establishment
/// number, year of allocation and serial.
fn upn(index: usize, allocated: i16) -> String {
    let establishment = 4000 + index / 1000 % 6000;
    let serial = index % 1000;
    let year = allocated.rem_euclid(100);
    let digits = format!("990{establishment:04}{year:02}{serial:03}");
    format!("{}{digits}", upn_check_letter(&digits))
}

/// The DfE check letter: digits weighted 2 to 13, summed, modulo 23.
fn upn_check_letter(digits: &str) -> char {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRTUVWXYZ";
    let sum: u32 = digits
        .bytes()
        .zip(2u32..)
        .map(|(byte, weight)| u32::from(byte.wrapping_sub(b'0')) * weight)
        .sum();
    LETTERS
        .get((sum % 23) as usize)
        .map_or('A', |letter| char::from(*letter))
}

/// Hours a week still taught at the home school. A part-time timetable
/// leaves the pupil below full time on purpose; otherwise school makes up
/// the rest of the week.
fn home_school_hours(kind: PlacementKind, year: u8, provider_hours: f32) -> f32 {
    if kind == PlacementKind::PartTimeTimetable {
        return 6.0;
    }
    let full_time = FullTimeHours::default()
        .for_year_group(year)
        .unwrap_or(25.0);
    (full_time - provider_hours).max(0.0)
}

fn reason_choices(kind: PlacementKind) -> &'static [&'static str] {
    match kind {
        PlacementKind::TimeLimited => &[
            "At risk of permanent exclusion after repeated suspensions for persistent \
             disruption; in-school inclusion and a pastoral support plan did not work",
            "Persistent absence linked to anxiety in large classes; a small setting to \
             rebuild routine before a return",
            "Disengaged from the key stage 4 curriculum; a practical course keeps {given} \
             learning alongside core subjects",
            "Returning after a long medical absence; a staged route back to full-time lessons",
        ],
        PlacementKind::Transitional => &[
            "Specialist provision named in the EHCP; placement while the new school place \
             is arranged",
            "Preparing for a post-16 vocational course, with college taster days built in",
            "Managed move being explored; a fresh start tested before joining a new school",
        ],
        PlacementKind::OffSiteDirection => &[
            "Off-site direction (s.29A EA 2002) to improve behaviour after mentoring, a \
             report card and internal inclusion did not work",
            "Off-site direction to improve behaviour after repeated defiance and leaving \
             lessons; the school's support plan was tried first",
        ],
        PlacementKind::PartTimeTimetable => &[
            "Temporary part-time timetable for anxiety-based school avoidance, agreed with \
             parents, rising every fortnight",
            "Temporary part-time timetable on medical advice while recovering from an \
             operation; parents agreed",
        ],
    }
}

impl Maker {
    fn placement_at(&mut self, index: usize, providers: &[Made]) -> Option<Placement> {
        let scenario = SCENARIOS.get(index);
        let (outline, dates) = match scenario {
            Some(scenario) => scenario_outline(index, scenario),
            None => self.random_outline(index, providers.len()),
        };
        let made = providers.get(outline.provider)?;
        let mut spec = self.spec(outline, dates, made);
        match scenario {
            Some(scenario) => apply_twist(&mut spec, scenario.twist),
            None => self.random_lapses(&mut spec),
        }
        Some(self.placement(spec, made))
    }

    fn random_outline(&mut self, index: usize, providers: usize) -> (Outline, Dates) {
        let given = self.rng.pick(&GIVEN_NAMES);
        let family = self.rng.pick(&FAMILY_NAMES);
        let kind = self.rng.pick(&KIND_WEIGHTS);
        let outline = Outline {
            index,
            name: format!("{given} {family}"),
            given: given.to_owned(),
            family: family.to_owned(),
            year: self.rng.pick(&YEAR_WEIGHTS),
            provider: self.rng.below(providers),
            kind,
            by_la: kind != PlacementKind::OffSiteDirection && self.rng.chance(15),
            sen: self.rng.pick(&SEN_WEIGHTS),
            looked_after: self.rng.chance(6),
        };
        let dates = self.random_dates(kind);
        (outline, dates)
    }

    fn random_dates(&mut self, kind: PlacementKind) -> Dates {
        match self.rng.below(100) {
            0..=11 => self.planned_dates(kind),
            12..=34 => self.ended_dates(),
            _ => self.active_dates(kind),
        }
    }

    fn planned_dates(&mut self, kind: PlacementKind) -> Dates {
        let start = self.rng.pick(&PLANNED_STARTS);
        let weeks = if kind == PlacementKind::PartTimeTimetable {
            6
        } else {
            16
        };
        let end = school_day_on_or_before(add_days(start, weeks * 7));
        Dates {
            start,
            planned_end: Some(end),
            maximum_end: (kind == PlacementKind::OffSiteDirection).then_some(end),
            phase: Phase::Planned,
        }
    }

    fn ended_dates(&mut self) -> Dates {
        let start = school_day_between(&mut self.rng, date(2025, 9, 8), 245);
        let length = self.rng.range(8, 30) * 7;
        let end = school_day_on_or_before(add_days(start, length).min(date(2026, 11, 20)));
        let end = end.max(add_days(start, 14));
        Dates {
            start,
            planned_end: Some(end),
            maximum_end: None,
            phase: Phase::Ended(end),
        }
    }

    fn active_dates(&mut self, kind: PlacementKind) -> Dates {
        let (first, days) = match kind {
            PlacementKind::TimeLimited => (date(2025, 9, 8), 434),
            PlacementKind::Transitional => (date(2025, 9, 8), 392),
            PlacementKind::OffSiteDirection => (date(2026, 9, 7), 63),
            PlacementKind::PartTimeTimetable => (date(2026, 10, 5), 49),
        };
        let start = school_day_between(&mut self.rng, first, days);
        let (planned_end, maximum_end) = self.active_ends(kind, start);
        Dates {
            start,
            planned_end: Some(planned_end),
            maximum_end,
            phase: Phase::Active,
        }
    }

    fn active_ends(&mut self, kind: PlacementKind, start: Date) -> (Date, Option<Date>) {
        match kind {
            PlacementKind::TimeLimited => (self.rng.pick(&TERM_ENDS_AHEAD), None),
            PlacementKind::Transitional => (self.rng.pick(&TRANSITION_ENDS), None),
            PlacementKind::OffSiteDirection => {
                let weeks = self.rng.range(16, 20);
                let end = school_day_on_or_after(add_days(start, weeks * 7));
                (end, Some(end))
            }
            PlacementKind::PartTimeTimetable => {
                let end = add_days(start, 42).max(date(2026, 12, 18));
                (school_day_on_or_before(end), None)
            }
        }
    }

    fn spec(&mut self, outline: Outline, dates: Dates, made: &Made) -> Spec {
        let sessions = self.sessions(outline.kind, made.kind.full_time);
        let hours: f32 = sessions.iter().map(Session::hours).sum();
        let home_hours = home_school_hours(outline.kind, outline.year, hours);
        let commissioner = if outline.by_la {
            Commissioner::LocalAuthority
        } else {
            Commissioner::School
        };
        let unagreed = dates.phase == Phase::Planned && self.rng.chance(50);
        Spec {
            code: self.code(commissioner, outline.kind, made.kind.status),
            parent: self.parent(&outline.family, outline.looked_after),
            reason: self.reason(outline.kind, &outline.given),
            pupil: self.pupil(&outline, academic_year(&dates), home_hours),
            given: outline.given,
            kind: outline.kind,
            commissioner,
            dates,
            sessions,
            plan: if unagreed {
                PlanState::Unagreed
            } else {
                PlanState::Agreed
            },
            la_informed: dates.phase != Phase::Planned || self.rng.chance(70),
            reviews_until: add_days(SAMPLE_TODAY, -1),
            contacts_until: add_days(SAMPLE_TODAY, -1),
            rate: self.rng.range(55, 97),
            unauthorised: self.rng.range(10, 70),
        }
    }

    /// Lapses sprinkled over random active placements, as a real register
    /// would have.
    fn random_lapses(&mut self, spec: &mut Spec) {
        if spec.dates.phase != Phase::Active {
            return;
        }
        if self.rng.chance(4) {
            spec.plan = PlanState::Missing;
        } else if self.rng.chance(4) {
            spec.plan = PlanState::Unagreed;
        }
        if spec.commissioner == Commissioner::School && self.rng.chance(5) {
            spec.la_informed = false;
        }
        if self.rng.chance(4) {
            spec.reviews_until = date(2026, 9, 1);
        }
        if self.rng.chance(4) {
            spec.contacts_until = add_days(SAMPLE_TODAY, -self.rng.range(18, 40));
        }
    }

    fn pupil(&mut self, outline: &Outline, academic_year: i16, home_hours: f32) -> Pupil {
        let allocated = academic_year - i16::from(outline.year);
        let upn = if self.rng.chance(90) {
            upn(outline.index, allocated)
        } else {
            String::new()
        };
        Pupil {
            name: outline.name.clone(),
            date_of_birth: Some(self.birth_date(outline.year, academic_year)),
            upn,
            year_group: outline.year,
            sen: outline.sen,
            looked_after: outline.looked_after,
            home_school_hours: home_hours,
        }
    }

    /// A birthday that puts the pupil in `year` in the academic year
    /// starting in `academic_year`: Year 7 in 2026/27 means born between
    /// 1 September 2014 and 31 August 2015.
    fn birth_date(&mut self, year: u8, academic_year: i16) -> Date {
        let born_from = academic_year - i16::from(year) - 5;
        add_days(date(born_from, 9, 1), self.rng.range(0, 364))
    }

    fn parent(&mut self, family: &str, looked_after: bool) -> String {
        let title = self.rng.pick(&["Ms", "Mrs", "Mr", "Miss"]);
        if looked_after {
            let carer = self.rng.pick(&STAFF_FAMILY);
            format!("{title} {carer} (foster carer)")
        } else {
            format!("{title} {family}")
        }
    }

    fn reason(&mut self, kind: PlacementKind, given: &str) -> String {
        self.rng
            .pick(reason_choices(kind))
            .replace("{given}", given)
    }

    fn code(
        &mut self,
        commissioner: Commissioner,
        kind: PlacementKind,
        status: RegistrationStatus,
    ) -> AttendanceCode {
        let school_setting = matches!(
            status,
            RegistrationStatus::Maintained | RegistrationStatus::Academy
        );
        match commissioner {
            Commissioner::LocalAuthority => AttendanceCode::K,
            Commissioner::School
                if school_setting
                    && (kind == PlacementKind::OffSiteDirection || self.rng.chance(15)) =>
            {
                AttendanceCode::D
            }
            Commissioner::School => AttendanceCode::B,
        }
    }

    /// Full-time settings run the school day; other providers take the
    /// pupil two or three days a week; a part-time timetable is mornings.
    fn sessions(&mut self, kind: PlacementKind, full_time: bool) -> Vec<Session> {
        use Weekday::{Fri, Mon, Thu, Tue, Wed};
        let (days, start, end): (&[Weekday], Time, Time) =
            if kind == PlacementKind::PartTimeTimetable {
                let days = self.rng.pick(&[&[Mon, Wed, Fri][..], &[Tue, Thu][..]]);
                (days, time(9, 0, 0, 0), time(12, 0, 0, 0))
            } else if full_time {
                (&Weekday::ALL, time(9, 0, 0, 0), time(15, 0, 0, 0))
            } else {
                let days = self
                    .rng
                    .pick(&[&[Tue, Thu][..], &[Mon, Wed][..], &[Mon, Wed, Fri][..]]);
                (days, time(9, 30, 0, 0), time(14, 30, 0, 0))
            };
        days.iter()
            .map(|&day| Session { day, start, end })
            .collect()
    }
}

// ---------------------------------------------------------------------------
// Placement records

/// Words a placement's records share, looked up by `{name}` in templates.
struct Ctx<'a> {
    given: &'a str,
    parent: &'a str,
    provider: &'a str,
    contact: &'a str,
    activity: &'static str,
    qualification: &'static str,
    intervention: &'static str,
}

impl<'a> Ctx<'a> {
    fn new(spec: &'a Spec, made: &'a Made) -> Self {
        let contact = made.provider.contacts.first();
        Self {
            given: &spec.given,
            parent: &spec.parent,
            provider: &made.provider.name,
            contact: contact.map_or("the key worker", |c| c.name.as_str()),
            activity: made.kind.activity,
            qualification: made.kind.qualification,
            intervention: made.kind.intervention,
        }
    }

    fn value(&self, key: &str) -> &str {
        match key {
            "given" => self.given,
            "parent" => self.parent,
            "provider" => self.provider,
            "contact" => self.contact,
            "activity" => self.activity,
            "qualification" => self.qualification,
            "lead" => AP_LEAD,
            "senco" => SENCO,
            _ => "",
        }
    }

    /// The template with each `{key}` replaced, in one pass.
    fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 24);
        let mut rest = template;
        while let Some((before, after)) = rest.split_once('{') {
            out.push_str(before);
            let Some((key, tail)) = after.split_once('}') else {
                rest = after;
                break;
            };
            out.push_str(self.value(key));
            rest = tail;
        }
        out.push_str(rest);
        out
    }
}

/// The part of a half-term the placement covers, up to yesterday.
struct Window {
    term: usize,
    from: Date,
    to: Date,
    /// The half-term is over, or the placement is.
    complete: bool,
    /// Attendance this half-term, per cent.
    rate: i64,
}

/// Attendance over a stretch of days.
struct Figures {
    offered: u32,
    attended: u32,
    authorised: u32,
    unauthorised: u32,
}

impl Figures {
    fn new(spec: &Spec, from: Date, to: Date, rate: i64) -> Self {
        let offered = offered_half_days(&spec.sessions, from, to);
        let attended = offered * u32::try_from(rate.clamp(0, 100)).unwrap_or(0) / 100;
        let missed = offered - attended;
        let unauthorised =
            missed * u32::try_from(spec.unauthorised.clamp(0, 100)).unwrap_or(0) / 100;
        Self {
            offered,
            attended,
            authorised: missed - unauthorised,
            unauthorised,
        }
    }

    fn percent(&self) -> u32 {
        (self.attended * 100).checked_div(self.offered).unwrap_or(0)
    }
}

fn next_review_after(term: usize) -> Option<Date> {
    TERMS
        .get(term + 1)
        .map(|half| weekday_on_or_before(add_days(half.end, -7)))
}

impl Maker {
    fn placement(&mut self, spec: Spec, made: &Made) -> Placement {
        let id = PlacementId(self.id());
        let ctx = Ctx::new(&spec, made);
        let (plan, goals) = self.plan(&spec, &ctx);
        let windows = self.windows(&spec);
        let attendance = self.returns(&spec, &windows);
        let reviews = self.reviews(&spec, &windows, &goals, &ctx);
        let contacts = self.contacts(&spec, &ctx);
        let status = self.status(&spec, &windows, &ctx);
        Placement {
            id,
            sites: self.placement_sites(&made.provider),
            la_informed: self.la_notification(&spec),
            commissioner: spec.commissioner,
            provider: made.provider.id,
            reason: spec.reason,
            kind: spec.kind,
            start: Some(spec.dates.start),
            planned_end: spec.dates.planned_end,
            maximum_end: spec.dates.maximum_end,
            attendance_code: spec.code,
            pupil: spec.pupil,
            sessions: spec.sessions,
            status,
            plan,
            reviews,
            contacts,
            attendance,
        }
    }

    fn placement_sites(&mut self, provider: &Provider) -> Vec<SiteId> {
        let both = self.rng.chance(50);
        let take = if both { 2 } else { 1 };
        provider
            .sites
            .iter()
            .take(take)
            .map(|site| site.id)
            .collect()
    }

    fn la_notification(&mut self, spec: &Spec) -> LaNotification {
        if !spec.la_informed {
            return LaNotification::default();
        }
        let start = spec.dates.start;
        let (on, how) = match spec.commissioner {
            Commissioner::LocalAuthority => (
                add_days(start, -self.rng.range(7, 21)),
                "Placement made by the local authority (s.19 EA 1996)",
            ),
            Commissioner::School => (
                add_days(start, -self.rng.range(1, 8)),
                self.rng.pick(&[
                    "LA online AP notification form",
                    "Email to the LA inclusion team",
                    "Termly AP return to the LA",
                ]),
            ),
        };
        let on = weekday_on_or_before(on).min(add_days(SAMPLE_TODAY, -1));
        LaNotification {
            on: Some(on),
            how: how.to_owned(),
        }
    }

    fn windows(&mut self, spec: &Spec) -> Vec<Window> {
        let stop = match spec.dates.phase {
            Phase::Planned => return Vec::new(),
            Phase::Active => add_days(SAMPLE_TODAY, -1),
            Phase::Ended(on) => on,
        };
        let ended = stop < add_days(SAMPLE_TODAY, -1);
        let mut windows = Vec::new();
        for (term, half) in TERMS.iter().enumerate() {
            let (from, to) = (half.start.max(spec.dates.start), half.end.min(stop));
            if from > to {
                continue;
            }
            let trend = 2 * windows.len() as i64;
            let rate = (spec.rate + trend + self.rng.range(-8, 8)).clamp(15, 100);
            let complete = ended || half.end < SAMPLE_TODAY;
            windows.push(Window {
                term,
                from,
                to,
                complete,
                rate,
            });
        }
        windows
    }

    fn returns(&mut self, spec: &Spec, windows: &[Window]) -> Vec<AttendanceReturn> {
        let complete = windows.iter().filter(|window| window.complete);
        complete
            .map(|window| {
                let figures = Figures::new(spec, window.from, window.to, window.rate);
                AttendanceReturn {
                    id: RecordId(self.id()),
                    from: Some(window.from),
                    to: Some(window.to),
                    sessions_offered: figures.offered,
                    attended: figures.attended,
                    authorised_absences: figures.authorised,
                    unauthorised_absences: figures.unauthorised,
                }
            })
            .collect()
    }

    fn status(&mut self, spec: &Spec, windows: &[Window], ctx: &Ctx) -> PlacementStatus {
        match spec.dates.phase {
            Phase::Planned => PlacementStatus::Planned,
            Phase::Active => PlacementStatus::Active,
            Phase::Ended(on) => PlacementStatus::Ended {
                on,
                outcome: self.outcome(spec, on, windows, ctx),
                destination: destination(spec, on),
            },
        }
    }

    fn outcome(&mut self, spec: &Spec, on: Date, windows: &[Window], ctx: &Ctx) -> String {
        let (offered, attended) = windows.iter().fold((0, 0), |(offered, attended), window| {
            let figures = Figures::new(spec, window.from, window.to, window.rate);
            (offered + figures.offered, attended + figures.attended)
        });
        let percent = (attended * 100).checked_div(offered).unwrap_or(0);
        let achieved = ctx.fill(self.rng.pick(achievements(destination(spec, on))));
        let quote = self.rng.pick(&OUTCOME_QUOTES);
        format!(
            "Attended {percent}% of sessions and {achieved}. {} said: \"{quote}\"",
            ctx.given
        )
    }
}

fn destination(spec: &Spec, ended: Date) -> Destination {
    let leaver = spec.pupil.year_group >= 11 && ended >= date(2026, 5, 1);
    match spec.kind {
        _ if leaver => Destination::Post16,
        PlacementKind::Transitional if spec.pupil.has_ehcp() => Destination::AnotherSchool,
        PlacementKind::Transitional => Destination::OtherProvision,
        _ => Destination::HomeSchool,
    }
}

fn achievements(destination: Destination) -> &'static [&'static str] {
    match destination {
        Destination::Post16 => &[
            "completed the {qualification}; a college place is confirmed for September",
            "completed two units of the {qualification}; starting an apprenticeship",
        ],
        Destination::AnotherSchool => &["moved to the new school after a phased handover"],
        Destination::OtherProvision => {
            &["moved to a specialist provider better suited to the need"]
        }
        _ => &[
            "returned to full-time lessons with a mentor",
            "completed the {qualification} and returned to school full time",
        ],
    }
}

const OUTCOME_QUOTES: [&str; 3] = [
    "The staff there actually listened to me.",
    "It was hard at first but I'm glad I went.",
    "I'm proud of what I did there.",
];

// ---------------------------------------------------------------------------
// The personalised plan

const REPORTING: &str = "The provider emails attendance to the attendance officer by 09:30 \
    and 13:30 each day, phones the DSL the same day about any safeguarding concern, and \
    sends a progress summary every Friday";
const TRANSPORT: [&str; 4] = [
    "Taxi arranged by the school",
    "Bus pass provided by the school",
    "Parent drives and collects",
    "Walks; the route has been risk-assessed",
];
const LUNCH: [&str; 3] = [
    "Free school meal provided by the provider and recharged to the school",
    "Packed lunch from home",
    "Hot lunch at the provider",
];

fn needs_words(pupil: &Pupil) -> String {
    let needs = match pupil.sen {
        SenStatus::None => {
            "No identified SEN. Tried already: mentoring, a report card and \
                            time in the inclusion room"
        }
        SenStatus::SenSupport => {
            "SEN support for social, emotional and mental health needs; \
                                  reading below age-related expectations"
        }
        SenStatus::Ehcp => {
            "EHCP for social, emotional and mental health and communication \
                            needs; the provision in section F continues at the provider"
        }
    };
    if pupil.looked_after {
        format!("{needs}. Looked after: PEP reviewed termly with the virtual school")
    } else {
        needs.to_owned()
    }
}

fn linked_plans(pupil: &Pupil) -> String {
    let mut plans = Vec::new();
    if pupil.has_ehcp() {
        plans.push("EHCP (annual review in the spring term)");
    }
    if pupil.looked_after {
        plans.push("PEP");
    }
    if plans.is_empty() {
        plans.push("Pastoral support plan");
    }
    plans.join("; ")
}

fn curriculum_words(spec: &Spec, ctx: &Ctx) -> String {
    let qualification = ctx.qualification;
    if spec.pupil.home_school_hours <= 0.0 {
        format!(
            "Full curriculum at the provider, including {qualification}; subject leads share \
             schemes of work each half-term"
        )
    } else if spec.pupil.year_group >= 10 {
        format!(
            "{qualification} at the provider; GCSE English, maths and science continue at \
             school on the other days"
        )
    } else {
        format!("{qualification} at the provider; English, maths and science at school")
    }
}

fn timeline_words(spec: &Spec) -> String {
    let days: Vec<&str> = spec.sessions.iter().map(|s| s.day.short()).collect();
    let times = spec.sessions.first().map_or(String::new(), |s| {
        format!(" {}–{}", s.start.strftime("%H:%M"), s.end.strftime("%H:%M"))
    });
    let end = spec.dates.planned_end.map_or(
        "the review that ends it".to_owned(),
        crate::model::dates::format_date,
    );
    let start = crate::model::dates::format_date(spec.dates.start);
    let mut words = format!("{}{times} from {start} to {end}", days.join(", "));
    if spec.kind == PlacementKind::PartTimeTimetable {
        words.push_str("; part-time, reviewed fortnightly with the parents, rising to full time");
    }
    words
}

fn reintegration_words(kind: PlacementKind) -> &'static str {
    match kind {
        PlacementKind::TimeLimited => {
            "Phased return: one day a week at school from the second half-term, rising as \
             targets are met; welcome-back meeting with the head of year"
        }
        PlacementKind::Transitional => {
            "Move to the next setting with joint visits, a shared one-page profile and a \
             handover meeting"
        }
        PlacementKind::OffSiteDirection => {
            "Reintegration meeting before the direction ends; return with a pastoral support \
             plan and a mentor"
        }
        PlacementKind::PartTimeTimetable => {
            "Hours rise every fortnight when attendance targets are met, back to full time \
             by the planned end"
        }
    }
}

fn direction_words(spec: &Spec, ctx: &Ctx) -> String {
    let (Some(end), PlacementKind::OffSiteDirection) = (spec.dates.maximum_end, spec.kind) else {
        return String::new();
    };
    let days = count_sessions(&spec.sessions, spec.dates.start, end, |_| 1);
    let start = spec.sessions.first().map_or(String::new(), |s| {
        format!(" at {}", s.start.strftime("%H:%M"))
    });
    format!(
        "Directed off site under s.29A EA 2002 to improve behaviour; written notice sent to \
         the parents at least two school days before the start. Report to {} at {}{start}; \
         {days} school days up to the end of the maximum period.",
        ctx.contact, ctx.provider
    )
}

impl Maker {
    fn plan(&mut self, spec: &Spec, ctx: &Ctx) -> (Option<PersonalisedPlan>, Vec<Goal>) {
        if spec.plan == PlanState::Missing {
            return (None, Vec::new());
        }
        let (objectives, goals) = self.objectives(spec, ctx).into_iter().unzip();
        let agreed = spec.plan == PlanState::Agreed;
        let agreed_on = agreed.then(|| {
            let before = self.rng.range(2, 10);
            weekday_on_or_before(add_days(spec.dates.start, -before)).min(SAMPLE_TODAY)
        });
        let plan = PersonalisedPlan {
            intervention: ctx.intervention.to_owned(),
            needs: needs_words(&spec.pupil),
            objectives,
            assessment: "Baseline in the first fortnight; each objective rated at every \
                         half-termly review"
                .into(),
            curriculum: curriculum_words(spec, ctx),
            timeline: timeline_words(spec),
            direction_details: direction_words(spec, ctx),
            reintegration: reintegration_words(spec.kind).into(),
            review_schedule: "At least once a half-term at school with the provider, parent \
                              and pupil; an extra review on request"
                .into(),
            linked_plans: linked_plans(&spec.pupil),
            reporting: REPORTING.into(),
            school_contact: format!("{AP_LEAD} (AP lead)"),
            provider_contact: ctx.contact.to_owned(),
            transport: self.rng.pick(&TRANSPORT).into(),
            lunch: self.rng.pick(&LUNCH).into(),
            written_by: format!("{} ({})", ctx.contact, ctx.provider),
            agreed_by: if agreed {
                AP_LEAD.into()
            } else {
                String::new()
            },
            parent_agreed: agreed && self.rng.chance(90),
            pupil_agreed: agreed && self.rng.chance(85),
            agreed_on,
        };
        (Some(plan), goals)
    }
}

const ATTENDANCE_MEASURE: &str =
    "The provider's morning and afternoon register, checked weekly against the school's";

impl Maker {
    fn objectives(&mut self, spec: &Spec, ctx: &Ctx) -> Vec<(Objective, Goal)> {
        let count = 2 + self.rng.below(3);
        let (third, fourth) = if self.rng.chance(50) {
            (ObjectiveArea::Behaviour, ObjectiveArea::Attitude)
        } else {
            (ObjectiveArea::Attitude, ObjectiveArea::Behaviour)
        };
        [
            ObjectiveArea::Attendance,
            ObjectiveArea::Learning,
            third,
            fourth,
        ]
        .into_iter()
        .take(count)
        .map(|area| self.objective(area, spec, ctx))
        .collect()
    }

    fn objective(&mut self, area: ObjectiveArea, spec: &Spec, ctx: &Ctx) -> (Objective, Goal) {
        let id = ObjectiveId(self.id());
        let ([description, baseline, target, measure], goal) = match area {
            ObjectiveArea::Attendance => self.attendance_objective(spec),
            ObjectiveArea::Learning => self.learning_objective(spec, ctx),
            ObjectiveArea::Behaviour => self.behaviour_objective(),
            ObjectiveArea::Attitude => self.attitude_objective(),
        };
        let objective = Objective {
            id,
            area,
            description,
            baseline,
            target,
            measure,
        };
        let (from, to) = goal;
        (
            objective,
            Goal {
                id,
                area,
                baseline: from,
                target: to,
            },
        )
    }

    fn attendance_objective(&mut self, spec: &Spec) -> ([String; 4], (i64, i64)) {
        let baseline = (spec.rate - self.rng.range(10, 30)).clamp(20, 80);
        let target = self.rng.pick(&[85, 90, 95]);
        let texts = [
            format!("Attend at least {target}% of sessions at the provider"),
            format!("{baseline}% attendance at school in the half-term before the placement"),
            format!("{target}% or better in every half-term"),
            ATTENDANCE_MEASURE.to_owned(),
        ];
        (texts, (baseline, target))
    }

    fn learning_objective(&mut self, spec: &Spec, ctx: &Ctx) -> ([String; 4], (i64, i64)) {
        let steps = (0, 4);
        if spec.pupil.year_group >= 10 {
            let texts = [
                ctx.fill("Complete the {qualification}"),
                "Not started; working at Entry Level 3 in English and maths".to_owned(),
                "All four units signed off by the end of the placement".to_owned(),
                "The assessor's unit tracker, checked at each review".to_owned(),
            ];
            return (texts, steps);
        }
        let years = i64::from(spec.pupil.year_group) + 3 + self.rng.range(0, 1);
        let months = self.rng.range(0, 11);
        let texts = [
            "Raise reading age by a year through daily structured reading".to_owned(),
            format!("Reading age {years} years {months} months (standardised test at the start)"),
            format!("Reading age {} years {months} months", years + 1),
            "Reading test each term; four reading-programme levels tracked at each review"
                .to_owned(),
        ];
        (texts, steps)
    }

    fn behaviour_objective(&mut self) -> ([String; 4], (i64, i64)) {
        let removals = self.rng.range(3, 8);
        let texts = [
            "Stay in sessions and use the agreed time-out card instead of walking out".to_owned(),
            format!("{removals} removals or walk-outs a week at school"),
            "No more than one a week".to_owned(),
            "The provider's incident log, summarised weekly".to_owned(),
        ];
        (texts, (removals, 1))
    }

    fn attitude_objective(&mut self) -> ([String; 4], (i64, i64)) {
        let score = self.rng.range(20, 30);
        let texts = [
            "Take part in every session and ask for help when stuck".to_owned(),
            format!("SDQ total difficulties score {score}"),
            "A score of 16 or lower".to_owned(),
            "SDQ completed by the key worker each half-term".to_owned(),
        ];
        (texts, (score, 16))
    }
}

// ---------------------------------------------------------------------------
// Reviews

const WELLBEING: [&str; 4] = [
    "{given} arrives on time most days and is calmer in small groups",
    "Engages well in practical sessions; written tasks are still hard for {given}",
    "Some low mood after a difficult weekend; the key worker checks in each morning",
    "{given} has made friends in the group and accepts feedback from staff",
];
const PUPIL_VIEWS: [&str; 4] = [
    "Likes that staff listen; enjoys doing proper work with their hands",
    "Prefers it to school but misses friends",
    "Wants to stay until the course is finished",
    "Mornings are hard but it is getting easier",
];
const PARENT_VIEWS: [&str; 4] = [
    "{parent} says {given} is happier and talks about the sessions at home",
    "{parent} is pleased with attendance but worried about catching up in maths",
    "{parent} would like more notice of timetable changes",
    "{parent} asked about a return to school next term",
];
const SAFEGUARDING: [&str; 2] = [
    "Worries about older peers near the bus station; DSL told the same day, early help \
     referral made",
    "Arrived without a coat on cold days twice; raised with the parent and logged by the DSL",
];
const CHANGES: [&str; 3] = [
    "Add a third day at the provider from next half-term",
    "Move the English session to the morning, when focus is better",
    "Add a weekly mentoring slot with the key worker",
];
const ACTIONS: [(&str, &str); 6] = [
    (
        "Send English and maths work packs home each Monday",
        "{lead} (AP lead)",
    ),
    (
        "Invite {parent} to the school's parents' evening",
        "{lead} (AP lead)",
    ),
    ("Update the risk assessment for the journey", "{contact}"),
    (
        "Share the reading programme with the English department",
        "{contact}",
    ),
    ("Send a weekly attendance summary every Friday", "{contact}"),
    (
        "Book a welcome-back meeting with the head of year",
        "{lead} (AP lead)",
    ),
];
const EHCP_ACTION: (&str, &str) = (
    "Send the review notes to the SEND caseworker for the EHCP annual review",
    "{senco} (SENCo)",
);

/// Where a review falls.
struct ReviewAt<'a> {
    window: &'a Window,
    day: Date,
    /// 0 for the first review.
    number: usize,
    /// The latest review of the placement.
    last: bool,
}

/// What an objective measures, in numbers, for rating it at reviews.
#[derive(Clone, Copy)]
struct Goal {
    id: ObjectiveId,
    area: ObjectiveArea,
    baseline: i64,
    target: i64,
}

/// Met at the target, exceeded `margin` beyond it, progressing once past
/// the baseline. A target below the baseline (fewer removals, a lower
/// score) is approached from above.
fn rating_towards(now: i64, baseline: i64, target: i64, margin: i64) -> Rating {
    let sign = if target >= baseline { 1 } else { -1 };
    let (now, baseline, target) = (now * sign, baseline * sign, target * sign);
    if now >= target + margin {
        Rating::Exceeded
    } else if now >= target {
        Rating::Met
    } else if now > baseline {
        Rating::Progressing
    } else {
        Rating::NotMet
    }
}

/// A placement started this close to a half-term's end is first reviewed
/// in the next one, as the due rules expect.
const LATE_START_DAYS: i64 = 14;

fn absence_words(figures: &Figures) -> String {
    let (authorised, unauthorised) = (figures.authorised, figures.unauthorised);
    if unauthorised > 0 {
        format!(
            "{unauthorised} unauthorised and {authorised} authorised half-days missed; the \
             provider phoned by 09:30 each time and the attendance officer called home"
        )
    } else if authorised > 0 {
        format!("{authorised} authorised half-days missed (illness, appointments)")
    } else {
        "Full attendance".to_owned()
    }
}

fn rating_comment(rating: Rating) -> &'static str {
    match rating {
        Rating::NotRated => "Not rated yet",
        Rating::NotMet => "No progress yet; the approach is being changed",
        Rating::Progressing => "Steady progress since the last review",
        Rating::Met => "Target met; keep it up to the end of the placement",
        Rating::Exceeded => "Beyond the target; consider a harder one",
    }
}

fn next_steps(kind: PlacementKind, ends: bool) -> &'static str {
    if ends {
        return "Exit review: what worked written up and shared with the next setting; \
                follow-up visit booked";
    }
    match kind {
        PlacementKind::TimeLimited => "Plan a phased return, starting with one day at school",
        PlacementKind::Transitional => "Joint visit to the next setting before the next review",
        PlacementKind::OffSiteDirection => "Reintegration meeting before the direction ends",
        PlacementKind::PartTimeTimetable => "Add a session a week if attendance holds",
    }
}

impl Maker {
    fn reviews(
        &mut self,
        spec: &Spec,
        windows: &[Window],
        goals: &[Goal],
        ctx: &Ctx,
    ) -> Vec<Review> {
        let held: Vec<(&Window, Date)> = windows
            .iter()
            .filter_map(|window| self.review_date(spec, window).map(|day| (window, day)))
            .collect();
        let latest = held.len().saturating_sub(1);
        held.into_iter()
            .enumerate()
            .map(|(number, (window, day))| {
                let at = ReviewAt {
                    window,
                    day,
                    number,
                    last: number == latest,
                };
                self.review(spec, &at, goals, ctx)
            })
            .collect()
    }

    /// Late in each half-term the placement covers; in the current one
    /// only sometimes, as its review may still be to come.
    fn review_date(&mut self, spec: &Spec, window: &Window) -> Option<Date> {
        let term_end = TERMS.get(window.term)?.end;
        if days_between(spec.dates.start, term_end) < LATE_START_DAYS {
            return None;
        }
        let high = window.to.min(spec.reviews_until);
        if high < window.from {
            return None;
        }
        let early = days_between(window.from, high) < 14;
        if !window.complete && (early || !self.rng.chance(45)) {
            return None;
        }
        let low = add_days(window.from, 7).min(high);
        let back = self.rng.range(0, days_between(low, high).min(10));
        Some(weekday_on_or_before(add_days(high, -back)).max(window.from))
    }

    fn review(&mut self, spec: &Spec, at: &ReviewAt, goals: &[Goal], ctx: &Ctx) -> Review {
        let window = at.window;
        let to = if window.complete { window.to } else { at.day };
        let figures = Figures::new(spec, window.from, to, window.rate);
        let ends = at.last && matches!(spec.dates.phase, Phase::Ended(_));
        let decision = self.decision(ends);
        let open_actions = at.last && spec.dates.phase == Phase::Active;
        Review {
            id: RecordId(self.id()),
            date: Some(at.day),
            attendees: self.attendees(spec, ctx),
            sessions_possible: Some(figures.offered),
            sessions_attended: Some(figures.attended),
            absence_follow_up: absence_words(&figures),
            progress: self.progress(goals, at.number, &figures),
            wellbeing: ctx.fill(self.rng.pick(&WELLBEING)),
            safeguarding_concerns: self.safeguarding(),
            pupil_views: self.rng.pick(&PUPIL_VIEWS).to_owned(),
            parent_views: ctx.fill(self.rng.pick(&PARENT_VIEWS)),
            recommended_changes: self.changes(decision),
            next_steps: next_steps(spec.kind, ends).to_owned(),
            actions: self.actions(spec, at.day, open_actions, ctx),
            next_review: if ends {
                None
            } else {
                next_review_after(window.term)
            },
            decision,
        }
    }

    fn attendees(&mut self, spec: &Spec, ctx: &Ctx) -> Vec<Attendee> {
        let person = |name: &str, role| Attendee {
            name: name.to_owned(),
            role,
        };
        let mut list = vec![
            person(&format!("{AP_LEAD} (AP lead)"), AttendeeRole::School),
            person(ctx.contact, AttendeeRole::Provider),
        ];
        if self.rng.chance(85) {
            list.push(person(ctx.parent, AttendeeRole::ParentCarer));
        }
        if self.rng.chance(80) {
            list.push(person(&spec.pupil.name, AttendeeRole::Pupil));
        }
        if spec.pupil.has_ehcp() {
            list.push(person(LA_CASEWORKER, AttendeeRole::LaCaseworker));
        }
        if spec.pupil.looked_after {
            list.push(person(SOCIAL_WORKER, AttendeeRole::Other));
        }
        list
    }

    fn progress(
        &mut self,
        goals: &[Goal],
        number: usize,
        figures: &Figures,
    ) -> Vec<ObjectiveProgress> {
        goals
            .iter()
            .map(|goal| {
                let (measure_now, rating) = self.assess(goal, number, figures);
                ObjectiveProgress {
                    objective: goal.id,
                    rating,
                    measure_now,
                    comment: rating_comment(rating).to_owned(),
                }
            })
            .collect()
    }

    /// The objective's measure at the `number`th review, drifting towards
    /// the target, and the rating that measure earns.
    fn assess(&mut self, goal: &Goal, number: usize, figures: &Figures) -> (String, Rating) {
        let step = number as i64 + self.rng.range(0, 1);
        let (baseline, target) = (goal.baseline, goal.target);
        match goal.area {
            ObjectiveArea::Attendance => {
                let now = i64::from(figures.percent());
                let rating = rating_towards(now, baseline, target, 5);
                (format!("{now}% this half-term"), rating)
            }
            ObjectiveArea::Learning => {
                let now = step.min(target);
                let rating = rating_towards(now, baseline, target, 1);
                (format!("{now} of {target} signed off"), rating)
            }
            ObjectiveArea::Behaviour => {
                let now = (baseline - step - 1).max(0);
                let rating = rating_towards(now, baseline, target, 1);
                (format!("{now} removals a week"), rating)
            }
            ObjectiveArea::Attitude => {
                let now = (baseline - 3 * step - 1).max(8);
                let rating = rating_towards(now, baseline, target, 4);
                (format!("SDQ score {now}"), rating)
            }
        }
    }

    fn decision(&mut self, ends: bool) -> Decision {
        if ends {
            Decision::End
        } else if self.rng.chance(25) {
            Decision::ContinueWithChanges
        } else {
            Decision::Continue
        }
    }

    fn changes(&mut self, decision: Decision) -> String {
        if decision == Decision::ContinueWithChanges {
            self.rng.pick(&CHANGES).to_owned()
        } else {
            String::new()
        }
    }

    fn safeguarding(&mut self) -> String {
        if self.rng.chance(6) {
            self.rng.pick(&SAFEGUARDING).to_owned()
        } else {
            String::new()
        }
    }

    /// One or two different actions, plus one for the EHCP review.
    fn actions(&mut self, spec: &Spec, day: Date, may_lapse: bool, ctx: &Ctx) -> Vec<Action> {
        let first = self.rng.below(ACTIONS.len());
        let second = (first + 1 + self.rng.below(ACTIONS.len() - 1)) % ACTIONS.len();
        let count = 1 + self.rng.below(2);
        let tasks: Vec<(&str, &str)> = [first, second]
            .into_iter()
            .take(count)
            .filter_map(|index| ACTIONS.get(index).copied())
            .collect();
        let mut actions: Vec<Action> = tasks
            .into_iter()
            .map(|task| self.action(task, day, may_lapse, ctx))
            .collect();
        if spec.pupil.has_ehcp() {
            actions.push(self.action(EHCP_ACTION, day, false, ctx));
        }
        actions
    }

    /// Done on time, except that the latest review of an active
    /// placement sometimes leaves one open past its date.
    fn action(&mut self, task: (&str, &str), day: Date, may_lapse: bool, ctx: &Ctx) -> Action {
        let (description, owner) = task;
        let due = weekday_on_or_before(add_days(day, self.rng.range(10, 35)));
        let lapsed = may_lapse && self.rng.chance(20);
        let done = due < SAMPLE_TODAY && !lapsed;
        let done_on = done.then(|| weekday_on_or_before(add_days(due, -self.rng.range(0, 5))));
        Action {
            description: ctx.fill(description),
            owner: ctx.fill(owner),
            due: Some(due),
            done_on: done_on.map(|on| on.max(day)),
        }
    }
}

// ---------------------------------------------------------------------------
// Contacts

const FOLLOW_UPS: [&str; 6] = [
    "",
    "",
    "",
    "Share the work samples with the head of year",
    "Check the taxi booking for next week",
    "Add to the agenda for the next review",
];

fn summaries(with: ContactWith, method: ContactMethod) -> &'static [&'static str] {
    match (with, method) {
        (ContactWith::Provider, ContactMethod::Visit) => &[
            "Visited {provider}: saw {given} in a {activity} session and checked the \
             register; no concerns",
            "Unannounced visit to {provider}: {given} on task; agreed the next review date \
             with {contact}",
        ],
        (ContactWith::Provider, ContactMethod::Email) => &[
            "Weekly attendance and progress summary from {contact}: no concerns raised",
            "Email from {contact} with work samples from {activity} and a positive note home",
        ],
        (ContactWith::Provider, _) => &[
            "Weekly call with {contact}: attendance steady; one late arrival followed up",
            "Call with {contact} about a difficult afternoon; handled calmly and logged",
        ],
        (ContactWith::Pupil, ContactMethod::Visit) => &[
            "Spoke with {given} during the visit: enjoys {activity} and feels safe there",
            "Talked through targets with {given} during the visit; keen on the {qualification}",
        ],
        (ContactWith::Pupil, _) => &[
            "Check-in with {given}: talked through the week and the journey in",
            "Weekly mentoring with {given}: targets reviewed and reading book changed",
        ],
        _ => &[
            "Called {parent}: pleased with the change at home; asked about transport",
            "{parent} rang about a missed taxi; rebooked for the next morning",
        ],
    }
}

impl Maker {
    fn contacts(&mut self, spec: &Spec, ctx: &Ctx) -> Vec<Contact> {
        let start = spec.dates.start;
        match spec.dates.phase {
            Phase::Planned => self.induction(ctx),
            Phase::Active => {
                let until = spec.contacts_until;
                self.contact_log(add_days(until, -42).max(start), until, ctx)
            }
            Phase::Ended(on) => self.contact_log(add_days(on, -42).max(start), on, ctx),
        }
    }

    /// Six weeks of contacts, a round every six to nine days, each with
    /// the provider and the pupil; the parent every third round.
    fn contact_log(&mut self, from: Date, until: Date, ctx: &Ctx) -> Vec<Contact> {
        let mut log = Vec::new();
        let mut day = add_days(from, self.rng.range(1, 4));
        let mut round = self.rng.below(3);
        while day <= until {
            let on = weekday_on_or_before(day);
            if on >= from && in_term(on) {
                self.contact_round(on, round, ctx, &mut log);
                round += 1;
            }
            day = add_days(day, self.rng.range(6, 9));
        }
        log
    }

    fn contact_round(&mut self, on: Date, round: usize, ctx: &Ctx, log: &mut Vec<Contact>) {
        let (with_provider, with_pupil) = match round % 3 {
            0 => (ContactMethod::Visit, ContactMethod::Visit),
            1 => (
                ContactMethod::Phone,
                self.rng.pick(&[ContactMethod::Phone, ContactMethod::Video]),
            ),
            _ => (ContactMethod::Email, ContactMethod::Meeting),
        };
        log.push(self.contact(on, ContactWith::Provider, with_provider, ctx));
        log.push(self.contact(on, ContactWith::Pupil, with_pupil, ctx));
        if round % 3 == 2 {
            log.push(self.contact(on, ContactWith::Parent, ContactMethod::Phone, ctx));
        }
    }

    fn contact(
        &mut self,
        on: Date,
        with: ContactWith,
        method: ContactMethod,
        ctx: &Ctx,
    ) -> Contact {
        Contact {
            id: RecordId(self.id()),
            date: Some(on),
            with,
            method,
            summary: ctx.fill(self.rng.pick(summaries(with, method))),
            follow_up: self.rng.pick(&FOLLOW_UPS).to_owned(),
        }
    }

    /// Before a planned placement: an induction visit and a call home.
    fn induction(&mut self, ctx: &Ctx) -> Vec<Contact> {
        let on = weekday_on_or_before(add_days(SAMPLE_TODAY, -self.rng.range(3, 20)));
        let visit = Contact {
            id: RecordId(self.id()),
            date: Some(on),
            with: ContactWith::Provider,
            method: ContactMethod::Visit,
            summary: ctx.fill(
                "Induction visit to {provider} with {given} and {parent}: met {contact}; \
                 timetable, transport and lunch agreed",
            ),
            follow_up: "Send the signed plan to the provider".into(),
        };
        let call = Contact {
            id: RecordId(self.id()),
            date: Some(on),
            with: ContactWith::Parent,
            method: ContactMethod::Phone,
            summary: ctx.fill("Called {parent} to confirm the start date and transport"),
            follow_up: String::new(),
        };
        vec![visit, call]
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::model::due::{DueKind, Severity, Subject, due_items};

    fn names(register: &Register) -> Vec<&str> {
        let pupils = register.placements.iter().map(|p| p.pupil.name.as_str());
        pupils.collect()
    }

    /// Every record id in the register, in no particular order.
    fn all_ids(register: &Register) -> Vec<u32> {
        let mut ids = Vec::new();
        for provider in &register.providers {
            ids.push(provider.id.0);
            ids.extend(provider.sites.iter().map(|s| s.id.0));
            ids.extend(provider.documents.iter().map(|d| d.id.0));
        }
        for placement in &register.placements {
            ids.push(placement.id.0);
            let plan = placement.plan.iter().flat_map(|plan| &plan.objectives);
            ids.extend(plan.map(|o| o.id.0));
            ids.extend(placement.reviews.iter().map(|r| r.id.0));
            ids.extend(placement.contacts.iter().map(|c| c.id.0));
            ids.extend(placement.attendance.iter().map(|a| a.id.0));
        }
        ids
    }

    #[test]
    fn same_seed_gives_an_identical_register() {
        assert_eq!(generate(80, 7), generate(80, 7));
        assert_eq!(
            generate(DEFAULT_PLACEMENTS, DEFAULT_SEED),
            generate(DEFAULT_PLACEMENTS, DEFAULT_SEED)
        );
    }

    #[test]
    fn the_sample_file_is_the_same_every_time_and_reads_back() {
        let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
        let text = crate::storage::to_ron(&register).expect("encode");
        let again = crate::storage::to_ron(&generate(DEFAULT_PLACEMENTS, DEFAULT_SEED));
        assert_eq!(text, again.expect("encode"));
        let path = std::path::Path::new("sample.ron");
        let read = crate::storage::parse(path, &text).expect("decode");
        assert_eq!(read, register);
    }

    #[test]
    fn different_seeds_give_different_registers() {
        assert_ne!(generate(24, 1), generate(24, 2));
        assert_ne!(generate(24, 0), generate(24, u64::MAX));
    }

    #[test]
    fn first_pupils_have_accented_names() {
        let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
        let first: Vec<&str> = names(&register).into_iter().take(5).collect();
        for wanted in ["Zoë", "Siân", "Łukasz", "Aoife", "Nasir"] {
            assert!(
                first.iter().any(|name| name.contains(wanted)),
                "{wanted} in {first:?}"
            );
        }
        let all = names(&register);
        for wanted in ["Ffion Wyn-Ŵyn", "Nguyễn Văn An", "Ngozi Ọkọ́nkwọ́"] {
            assert!(all.contains(&wanted), "{wanted} missing");
        }
    }

    #[test]
    fn every_status_kind_and_code_is_used() {
        let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
        for status in RegistrationStatus::ALL {
            let used = register
                .providers
                .iter()
                .any(|p| p.registration.status == status);
            assert!(used, "{status:?} unused");
        }
        for kind in PlacementKind::ALL {
            assert!(
                register.placements.iter().any(|p| p.kind == kind),
                "{kind:?} unused"
            );
        }
        for code in AttendanceCode::ALL {
            let used = register
                .placements
                .iter()
                .any(|p| p.attendance_code == code);
            assert!(used, "{code:?} unused");
        }
        for status in ["Planned", "Active", "Ended"] {
            let used = register
                .placements
                .iter()
                .any(|p| p.status_label() == status);
            assert!(used, "no {status} placement");
        }
    }

    #[test]
    fn generated_registers_have_no_problems() {
        for seed in [0, 1, 2, 42, 2026, u64::MAX] {
            for size in [0, 1, 5, 9, 24, 100, 400] {
                let problems = generate(size, seed).problems();
                assert!(problems.is_empty(), "seed {seed}, {size}: {problems:?}");
            }
        }
    }

    #[test]
    fn default_sample_has_each_overdue_kind() {
        let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
        let items = due_items(&register, SAMPLE_TODAY);
        let overdue: HashSet<DueKind> = items
            .iter()
            .filter(|item| item.severity == Severity::Overdue)
            .map(|item| item.kind)
            .collect();
        for kind in [
            DueKind::Review,
            DueKind::Contact,
            DueKind::LaNotInformed,
            DueKind::Plan,
            DueKind::ProviderDocument,
        ] {
            assert!(overdue.contains(&kind), "no overdue {kind:?}");
        }
    }

    #[test]
    fn an_off_site_direction_nears_its_maximum_period() {
        let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
        let items = due_items(&register, SAMPLE_TODAY);
        let near = items
            .iter()
            .find(|item| item.kind == DueKind::MaximumPeriod && item.severity == Severity::DueSoon);
        let Some(Subject::Placement(id)) = near.map(|item| item.subject) else {
            panic!("no direction near its maximum period: {items:?}");
        };
        let placement = register.placement(id).expect("placement");
        assert_eq!(placement.kind, PlacementKind::OffSiteDirection);
    }

    #[test]
    fn scripted_lapses_are_the_only_overdue_reviews_of_the_scripted_pupils() {
        let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
        let items = due_items(&register, SAMPLE_TODAY);
        let overdue_review = |name: &str| {
            let placement = register.placements.iter().find(|p| p.pupil.name == name);
            let id = placement.expect("scripted placement").id;
            items.iter().any(|item| {
                item.kind == DueKind::Review
                    && item.severity == Severity::Overdue
                    && item.subject == Subject::Placement(id)
            })
        };
        assert!(overdue_review("Siân Griffiths"));
        assert!(!overdue_review("Zoë Clarke"));
        assert!(!overdue_review("Aoife Byrne"));
    }

    #[test]
    fn ids_are_unique_and_the_next_id_is_fresh() {
        for size in [DEFAULT_PLACEMENTS, 500] {
            let mut register = generate(size, 3);
            let ids = all_ids(&register);
            let unique: HashSet<u32> = ids.iter().copied().collect();
            assert_eq!(unique.len(), ids.len());
            let highest = ids.iter().copied().max().unwrap_or(0);
            assert_eq!(register.next_id, highest + 1);
            assert_eq!(register.allocate_id(), highest + 1);
        }
    }

    #[test]
    fn provider_count_scales_with_placements() {
        assert_eq!(generate(DEFAULT_PLACEMENTS, 1).providers.len(), 8);
        assert_eq!(generate(400, 1).providers.len(), 100);
        let register = generate(400, 1);
        let names: HashSet<&str> = register.providers.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names.len(),
            register.providers.len(),
            "provider names repeat"
        );
    }

    #[test]
    fn attendance_adds_up_and_records_lie_in_the_past() {
        let register = generate(300, 11);
        for placement in &register.placements {
            for ret in &placement.attendance {
                let counted = ret.attended + ret.authorised_absences + ret.unauthorised_absences;
                assert!(counted <= ret.sessions_offered, "{ret:?}");
                assert!(ret.to.is_some_and(|to| to < SAMPLE_TODAY));
            }
            let start = placement.start.expect("start");
            for review in &placement.reviews {
                let day = review.date.expect("review date");
                assert!(
                    start <= day && day < SAMPLE_TODAY,
                    "{day} for start {start}"
                );
                let rated = review.progress.len();
                let objectives = placement.plan.as_ref().map_or(0, |p| p.objectives.len());
                assert_eq!(rated, objectives, "every objective rated");
            }
            for contact in &placement.contacts {
                assert!(contact.date.is_some_and(|day| day < SAMPLE_TODAY));
            }
        }
    }

    #[test]
    fn dates_of_birth_match_year_groups() {
        let register = generate(300, 5);
        for placement in &register.placements {
            let pupil = &placement.pupil;
            let born = pupil.date_of_birth.expect("date of birth");
            let academic = match placement.status {
                PlacementStatus::Ended { on, .. } if on < date(2026, 9, 1) => 2025,
                _ => 2026,
            };
            // Age on 31 August at the start of the academic year, less four.
            let age = academic - born.year() - i16::from(born.month() >= 9);
            assert_eq!(
                age - 4,
                i16::from(pupil.year_group),
                "{} born {born}",
                pupil.name
            );
        }
    }

    #[test]
    fn upns_have_thirteen_characters_and_a_valid_check_letter() {
        let register = generate(300, 9);
        let upns: Vec<&str> = register
            .placements
            .iter()
            .map(|p| p.pupil.upn.as_str())
            .filter(|upn| !upn.is_empty())
            .collect();
        assert!(upns.len() > 240, "most pupils have a UPN");
        for upn in upns {
            assert_eq!(upn.chars().count(), 13, "{upn}");
            let (letter, digits) = upn.split_at(1);
            assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{upn}");
            assert_eq!(letter, upn_check_letter(digits).to_string(), "{upn}");
        }
    }

    #[test]
    fn some_provider_documents_have_expired_or_expire_soon() {
        let register = generate(DEFAULT_PLACEMENTS, DEFAULT_SEED);
        let expiries: Vec<i64> = register
            .providers
            .iter()
            .flat_map(|p| &p.documents)
            .filter_map(|d| d.expires_on)
            .map(|on| days_between(SAMPLE_TODAY, on))
            .collect();
        assert!(expiries.iter().any(|days| *days < 0));
        assert!(expiries.iter().any(|days| (0..=30).contains(days)));
    }

    #[test]
    fn twenty_thousand_placements_generate_quickly_with_unique_ids() {
        let started = std::time::Instant::now();
        let register = generate(20_000, DEFAULT_SEED);
        let elapsed = started.elapsed();
        assert_eq!(register.placements.len(), 20_000);
        assert_eq!(register.providers.len(), 5_000);
        let ids = all_ids(&register);
        assert_eq!(
            ids.iter().copied().collect::<HashSet<u32>>().len(),
            ids.len()
        );
        // Generous: debug builds are many times slower than release.
        assert!(elapsed.as_secs() < 30, "took {elapsed:?}");
    }
}
