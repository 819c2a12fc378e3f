//! What a QA visit finds, item by item: the evidence, notes and N/A reasons
//! for each item of the default checklist, and the shortfalls that turn an
//! item into a No with an action arising.
//!
//! Items are found by the start of their wording, so an item a school adds
//! or rewords is simply answered Yes with nothing to add.

use jiff::civil::Date;

use crate::model::dates::format_date;
use crate::model::{Answer, DocumentKind, Placement, RegistrationStatus};

use super::calendar::{add_days, weekday_on_or_before};
use super::providers::Made;
use super::records::fill;
use super::rng::Rng;

/// When an item applies.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Applies {
    /// To every provider.
    Always,
    /// To registered schools.
    Registered,
    /// To providers on the LA's approved list or directory.
    Listed,
    /// When a pupil covered has an EHCP.
    Ehcp,
    /// When a pupil covered is in Year 9 or above.
    Older,
    /// To full-time settings.
    FullTime,
    /// When English and maths are taught at the provider.
    CoreTaught,
}

/// How to answer one item of the default checklist. Texts may hold
/// `{key}`s, filled from the [`Facts`] of the visit.
pub(super) struct Rule {
    /// The start of the item's wording.
    starts: &'static str,
    /// When the item applies.
    pub(super) when: Applies,
    /// Reference of the evidence seen; empty when the item rests on what
    /// was seen or said on the visit.
    pub(super) evidence: &'static str,
    /// A note added now and then.
    pub(super) note: &'static str,
    /// The answer when the item does not apply: N/A, or No for an item a
    /// provider may lawfully fall short of, such as the LA's list.
    pub(super) unmet: Answer,
    /// The note when the item does not apply.
    pub(super) otherwise: &'static str,
}

const fn rule(starts: &'static str, evidence: &'static str, note: &'static str) -> Rule {
    Rule {
        starts,
        when: Applies::Always,
        evidence,
        note,
        unmet: Answer::NotApplicable,
        otherwise: "",
    }
}

const fn only(
    when: Applies,
    starts: &'static str,
    evidence: &'static str,
    note: &'static str,
    otherwise: &'static str,
) -> Rule {
    Rule {
        starts,
        when,
        evidence,
        note,
        unmet: Answer::NotApplicable,
        otherwise,
    }
}

/// The item about the LA's list: a provider not on it answers No, with no
/// action, as the school's own checks stand on their own.
const LA_LIST: Rule = Rule {
    starts: "On the LA approved list",
    when: Applies::Listed,
    evidence: "Wexcombe AP directory entry, checked {directory}",
    note: "",
    unmet: Answer::No,
    otherwise: "Not on the LA directory; the school's own checks stand on their own",
};

/// Evidence and notes for the default checklist, sections A to L. DBS
/// certificates are never copied: only that they were seen, and their
/// numbers and dates on the single central record (domain §9.6).
#[rustfmt::skip]
const RULES: [Rule; 67] = {
    use Applies::{CoreTaught, Ehcp, FullTime, Listed, Older, Registered};
    [
    // A. Provider identity, registration and status
    rule("Legal and trading name", "{identity}",
        "Main contact {contact} ({role}); pupil matters to {dsl}"),
    rule("Every address", "", "{sites}"),
    rule("Registration status", "{registration}", "{why}"),
    only(Registered, "Latest inspection report", "{inspection}", "",
        "Not a registered school, so not inspected"),
    rule("Not operating as an unregistered", "{hours_evidence}", "{hours_note}"),
    LA_LIST,
    rule("Governance, ownership", "{accounts}", ""),
    only(Listed, "LA directory entry re-checked", "", "Entry re-checked on {directory}",
        "Not on the LA directory"),
    // B. Insurance
    rule("Insurance certificates", "{el}; {pl}", "Copies of both certificates kept"),
    rule("Employers' liability", "{el}", ""),
    // C. Safeguarding and child protection
    rule("Current safeguarding policy",
        "Safeguarding and child protection policy, reviewed {policy}", "Reflects {kcsie}"),
    rule("DSL named", "DSL training certificate for {dsl}, dated {dsl_trained}",
        "{dsl} is the DSL and rings {school_dsl} the same day about any concern"),
    rule("Safer recruitment policy", "Safer recruitment policy, reviewed {reviewed}",
        "{contact} has safer recruitment training and sits on every panel"),
    rule("Single central record", "SCR extract dated {scr}, {staff} staff",
        "Checked against the headings of our own SCR"),
    rule("Checks on record",
        "SCR seen for all {staff} staff: identity, enhanced DBS number and issue date, barred \
         list, right to work, qualifications",
        "DBS certificates seen as numbers and dates on the SCR only; no copies taken or kept"),
    rule("Yearly safeguarding training", "Training log: all {staff} staff, last session {training}",
        ""),
    rule("Prevent duty", "Prevent e-learning certificates for all staff", ""),
    rule("Allegations against staff",
        "Allegations and low-level concerns policy, reviewed {reviewed2}", ""),
    rule("Staff code of conduct", "Staff code of conduct, signed by each member of staff", ""),
    rule("Online safety", "Online safety and social media policy, reviewed {reviewed3}",
        "Phones handed in at the start of each session"),
    rule("Physical intervention", "Positive handling policy, reviewed {reviewed}",
        "Staff trained in de-escalation; no restraint used in the past year"),
    rule("Pupils cannot leave", "", "Gate locked during sessions; pupils signed in and out"),
    rule("Site security", "Visitors' book seen", "Visitors sign in and wear a badge"),
    rule("Supervision arrangements", "",
        "At most {ratio} pupils to a member of staff; no pupil left alone out of sight"),
    rule("British values", "SMSC and British values statement", ""),
    // D. Health and safety, premises, welfare
    rule("Health and safety policy", "Health and safety policy, reviewed {reviewed2}", ""),
    rule("Risk assessments", "Site and {activity} risk assessments dated {ra}",
        "A risk assessment is written for each pupil before the start"),
    rule("First aid", "First aid certificates for {first_aiders} staff; kits checked on the visit",
        ""),
    rule("Accident and incident", "Accident book seen",
        "Incidents involving our pupils are reported to us the same day"),
    rule("Fire safety", "Fire log: last drill {drill}", ""),
    rule("Support for medical needs", "Medical needs policy; medicines locked away and logged",
        ""),
    rule("Educational visits", "Educational visits policy, reviewed {reviewed3}", ""),
    rule("Premises safe", "", "Walked round on the visit: {premises}"),
    // E. Admissions, induction, attendance, information
    only(Registered, "Non-discriminatory admissions", "Admissions policy; admissions register",
        "", "Not a school: no admissions register; pupils stay on our roll"),
    rule("Attendance policy and register", "Attendance policy; register marked each half-day",
        "Absence phoned to our attendance officer by 09:30 and chased the same day"),
    rule("Referral information",
        "Referral form with needs, plans and risk assessment for each pupil", ""),
    rule("Baseline assessment", "Baseline assessment booklet", "Done in the first week"),
    rule("Programme meets", "", "Timetable built around each pupil's targets"),
    // F. Curriculum, teaching, accreditation, staff
    only(CoreTaught, "English and maths in the core", "Schemes of work for English and maths",
        "", "English and maths stay at school"),
    rule("Broad, balanced", "Curriculum map",
        "Fits around our timetable; subject leads have the schemes of work"),
    rule("Accreditation offered", "{qualification}: awarding body's centre approval", ""),
    rule("Staff qualifications", "Staff qualifications list", ""),
    rule("Individual learning plan", "Learning plan format, with targets agreed with the pupil",
        ""),
    rule("Provider monitors teaching", "Lesson observation record dated {observed}",
        "Progress summary emailed every Friday"),
    only(Older, "Careers guidance", "Careers programme and post-16 links", "",
        "Pupils covered are below Year 9"),
    only(FullTime, "RSE policy", "RSE policy, reviewed {reviewed}", "", "RSE taught at school"),
    // G. Behaviour and wellbeing
    rule("Behaviour policy",
        "Behaviour policy with anti-bullying and drugs sections, reviewed {reviewed2}", ""),
    rule("Agrees with the school before suspending", "",
        "Written into the commissioning agreement"),
    rule("Pastoral or therapeutic", "", "{pastoral}"),
    // H. SEND, equality, inclusion
    only(Ehcp, "Can deliver EHCP provision",
        "Section F of the EHCP mapped against the provider's offer",
        "SEND caseworker told before the start", "No pupil covered has an EHCP"),
    rule("Equality information", "Equality policy and objectives", ""),
    // I. Data protection and information sharing
    rule("UK GDPR policy", "Data protection policy; ICO registration {ico}", ""),
    rule("Secure information sharing", "",
        "Pupil information by encrypted email only; no paper files leave the site"),
    // J. Complaints, concerns, escalation
    rule("Concerns and complaints", "Complaints procedure, reviewed {reviewed3}", ""),
    rule("Route to raise concerns", "",
        "Staff have the numbers of our DSL and the LA designated officer"),
    // K. Practical and contractual
    rule("Commissioning agreement", "{agreement}", ""),
    rule("Timetable", "", "Days, times and weekly hours agreed for each pupil"),
    rule("Transport", "", "Arranged by the school for each pupil; the journey risk-assessed"),
    rule("FSM / lunch", "", "Lunch provided; free school meals recharged to the school"),
    rule("Parents and pupil told", "Letter to parents with the timetable, transport and contacts",
        ""),
    // L. Ongoing monitoring (every review)
    rule("Review at least half-termly", "", "Reviews at school each half-term; provider attends"),
    rule("Termly review attended", "", "Parents and pupils invited to every review"),
    rule("Visits to the provider", "", "Visits at least once a half-term, some unannounced"),
    rule("Pupil voice", "", "Pupil views recorded at each review"),
    rule("LA told about the placement", "", "The AP lead tells the LA before each start"),
    rule("Contact with the provider at least weekly", "", "Weekly call or email with {contact}"),
    rule("Placement reviewed at once", "",
        "Agreed: the two DSLs speak the same day and the placement is reviewed at once"),
    ]
};

/// The rule for each item of a template, in print order; `None` for items
/// not in the default checklist.
pub(super) fn rules_for<'t>(items: impl Iterator<Item = &'t str>) -> Vec<Option<&'static Rule>> {
    items
        .map(|text| RULES.iter().find(|rule| text.starts_with(rule.starts)))
        .collect()
}

/// A shortfall found on a visit: the item answers No, with a note, and an
/// action arises.
pub(super) struct Failing {
    /// The start of the item's wording.
    starts: &'static str,
    /// The note on the item.
    pub(super) note: &'static str,
    /// The action arising.
    pub(super) action: &'static str,
    /// Whether the provider does it; otherwise the school's AP lead.
    pub(super) by_provider: bool,
    /// Days from the visit to the action's due date.
    pub(super) days: i64,
}

impl Failing {
    /// Whether this shortfall is about the item worded `text`.
    pub(super) fn is_about(&self, text: &str) -> bool {
        text.starts_with(self.starts)
    }
}

const fn failing(
    starts: &'static str,
    note: &'static str,
    action: &'static str,
    by_provider: bool,
    days: i64,
) -> Failing {
    Failing {
        starts,
        note,
        action,
        by_provider,
        days,
    }
}

/// Shortfalls a visit may find, each on an item that always applies.
#[rustfmt::skip]
pub(super) const FAILINGS: [Failing; 11] = [
    failing("Online safety", "No written policy; staff follow spoken guidance",
        "Write an online safety and social media policy and send a copy", true, 28),
    failing("Prevent duty", "Two staff who joined this term have not done Prevent training",
        "Two new staff to complete Prevent e-learning; send the certificates", true, 21),
    failing("Fire safety", "No fire drill recorded since the start of the year",
        "Hold a fire drill and send a copy of the fire log entry", true, 14),
    failing("Educational visits", "Trips are planned by the key worker with no written policy",
        "Adopt an educational visits policy and send it with a trip risk assessment", true, 35),
    failing("Equality information", "No equality objectives written down",
        "Agree equality objectives and send a copy", true, 42),
    failing("Yearly safeguarding training", "Refresher training overdue for one member of staff",
        "Book the safeguarding refresher for the member of staff and confirm the date", true, 21),
    failing("First aid", "The workshop first aid kit was out of date",
        "Restock the workshop first aid kit", true, 7),
    failing("Allegations against staff", "The policy does not cover low-level concerns",
        "Add low-level concerns to the allegations policy, as KCSIE sets out", true, 28),
    failing("Pupils cannot leave", "The side gate was unlocked during the visit",
        "Fit a lock to the side gate and keep it shut in sessions", true, 14),
    failing("Risk assessments", "The site risk assessment has not been reviewed for a year",
        "Review the site risk assessment and send a copy", true, 21),
    failing("Secure information sharing", "Referral papers were sent by ordinary email",
        "Set up encrypted email between the school and the provider", false, 14),
];

/// What the generator knows about a visit, for filling in the `{key}`s of
/// the rules, and which rules apply.
pub(super) struct Facts {
    registered: bool,
    listed: bool,
    ehcp: bool,
    older: bool,
    full_time: bool,
    core_taught: bool,
    words: Vec<(&'static str, String)>,
}

/// The provider, the visit day and the placements it covers.
pub(super) struct Visited<'a> {
    /// The provider and its kind.
    pub(super) made: &'a Made,
    /// Day of the visit.
    pub(super) on: Date,
    /// Placements the check covers.
    pub(super) covered: &'a [&'a Placement],
    /// Every placement at the provider.
    pub(super) all: &'a [&'a Placement],
    /// Whether this is the provider's first check.
    pub(super) first: bool,
}

impl Facts {
    /// Draws the dates, counts and references a visit finds.
    pub(super) fn new(rng: &mut Rng, visited: &Visited) -> Self {
        let provider = &visited.made.provider;
        let kind = visited.made.kind;
        let registered = kind.status.is_registered();
        let covered = visited.covered;
        let mut facts = Self {
            registered,
            listed: provider.on_la_approved_list,
            ehcp: covered.iter().any(|p| p.pupil.has_ehcp()),
            older: covered.iter().any(|p| p.pupil.year_group >= 9),
            full_time: kind.full_time,
            core_taught: kind.full_time || kind.activity.contains("English"),
            words: Vec::with_capacity(40),
        };
        facts.people(visited);
        facts.registration(visited);
        facts.documents(visited);
        facts.dates(rng, visited.on);
        facts.setting(rng, visited);
        facts
    }

    /// Whether a rule's item applies to this provider and these pupils.
    pub(super) fn applies(&self, when: Applies) -> bool {
        match when {
            Applies::Always => true,
            Applies::Registered => self.registered,
            Applies::Listed => self.listed,
            Applies::Ehcp => self.ehcp,
            Applies::Older => self.older,
            Applies::FullTime => self.full_time,
            Applies::CoreTaught => self.core_taught,
        }
    }

    /// `template` with its `{key}`s filled in.
    pub(super) fn fill(&self, template: &str) -> String {
        fill(template, |key| self.value(key))
    }

    fn value(&self, key: &str) -> &str {
        let found = self.words.iter().find(|(name, _)| *name == key);
        found.map_or("", |(_, value)| value.as_str())
    }

    fn set(&mut self, key: &'static str, value: impl Into<String>) {
        self.words.push((key, value.into()));
    }

    fn people(&mut self, visited: &Visited) {
        let contacts = &visited.made.provider.contacts;
        let main = contacts.first();
        let dsl = contacts
            .iter()
            .find(|c| c.role == "Designated safeguarding lead")
            .or(main);
        self.set("contact", main.map_or("the manager", |c| c.name.as_str()));
        self.set("role", main.map_or("Manager", |c| c.role.as_str()));
        self.set("dsl", dsl.map_or("the DSL", |c| c.name.as_str()));
        self.set("school_dsl", super::DSL);
    }

    fn registration(&mut self, visited: &Visited) {
        let provider = &visited.made.provider;
        let kind = visited.made.kind;
        let registration = &provider.registration;
        let urn = &registration.urn;
        let id = u64::from(provider.id.0);
        if self.registered {
            let status = registration.status.label();
            let inspected = registration
                .inspected_on
                .map_or_else(String::new, format_date);
            self.set(
                "identity",
                format!("Get Information about Schools entry, URN {urn}"),
            );
            self.set("registration", format!("URN {urn}: {status}"));
            self.set("why", format!("Chosen for: {}", kind.intervention));
            self.set(
                "inspection",
                format!(
                    "{} report dated {inspected}: {}",
                    registration.inspectorate, registration.inspection_outcome
                ),
            );
            self.set("hours_evidence", format!("A registered school, URN {urn}"));
        } else {
            // Made from the id, so every check of a provider cites the same
            // numbers.
            let company = 8_000_000 + id * 7919 % 1_000_000;
            self.set("identity", format!("Companies House entry {company:08}"));
            self.set(
                "why",
                format!(
                    "Not a school; chosen for {} alongside lessons at school",
                    kind.activity
                ),
            );
            self.set(
                "hours_evidence",
                "Provider's list of pupils and their weekly hours",
            );
            let hours = visited
                .all
                .iter()
                .map(|p| p.weekly_hours())
                .fold(0.0_f32, f32::max);
            self.set(
                "hours_note",
                format!("No pupil here more than {hours} hours a week; none full time"),
            );
        }
        self.set("ico", format!("ZA{:06}", 100_000 + id * 104_729 % 900_000));
        let accounts = if registration.status == RegistrationStatus::Maintained {
            "Management committee minutes and the LA's budget statement".to_owned()
        } else {
            let year = visited.on.year() - i16::from(visited.on.month() < 10);
            format!("Accounts for the year to 31 March {year}")
        };
        self.set("accounts", accounts);
    }

    fn documents(&mut self, visited: &Visited) {
        let documents = &visited.made.provider.documents;
        let title = |kind: DocumentKind| {
            let found = documents.iter().find(|d| d.kind == kind);
            found.map_or_else(|| kind.label().to_owned(), |d| d.title.clone())
        };
        self.set("el", title(DocumentKind::EmployersLiability));
        self.set("pl", title(DocumentKind::PublicLiability));
        let agreement = if visited.first {
            "Commissioning agreement for each pupil, drafted on the visit"
        } else {
            "Commissioning agreement on file for each pupil placed"
        };
        self.set("agreement", agreement);
    }

    fn dates(&mut self, rng: &mut Rng, on: Date) {
        let mut day =
            |low, high| format_date(weekday_on_or_before(add_days(on, -rng.range(low, high))));
        let directory = day(1, 10);
        let scr = day(0, 7);
        let training = day(20, 200);
        let drill = day(14, 100);
        let ra = day(10, 120);
        let observed = day(10, 90);
        let dsl_trained = day(60, 600);
        self.set("directory", directory);
        self.set("scr", scr);
        self.set("training", training);
        self.set("drill", drill);
        self.set("ra", ra);
        self.set("observed", observed);
        self.set("dsl_trained", dsl_trained);
        let mut month = |low, high| {
            let day = add_days(on, -rng.range(low, high));
            day.strftime("%B %Y").to_string()
        };
        let policy = month(20, 250);
        let reviewed = [month(30, 330), month(30, 330), month(30, 330)];
        self.set("policy", policy);
        for (key, month) in ["reviewed", "reviewed2", "reviewed3"]
            .into_iter()
            .zip(reviewed)
        {
            self.set(key, month);
        }
        let kcsie = on.year() - i16::from(on.month() < 9);
        self.set("kcsie", format!("KCSIE {kcsie}"));
    }

    fn setting(&mut self, rng: &mut Rng, visited: &Visited) {
        let kind = visited.made.kind;
        let staff = if self.full_time {
            rng.range(18, 45)
        } else {
            rng.range(3, 9)
        };
        self.set("staff", staff.to_string());
        self.set("first_aiders", (staff / 4 + 1).to_string());
        self.set("ratio", if self.full_time { "six" } else { "three" });
        self.set("activity", kind.activity);
        self.set("qualification", kind.qualification);
        let (premises, pastoral) = if self.full_time {
            (
                "classrooms, toilets and outdoor space clean, safe and secure".to_owned(),
                "Key worker for each pupil; a counsellor on site every week",
            )
        } else {
            (
                format!(
                    "{} areas safe and secure; toilets and a quiet room",
                    kind.activity
                ),
                "A key worker checks in with each pupil every session",
            )
        };
        self.set("premises", premises);
        self.set("pastoral", pastoral);
        self.set("sites", sites_note(visited));
    }
}

fn sites_note(visited: &Visited) -> String {
    let sites = &visited.made.provider.sites;
    match sites.as_slice() {
        [only] => format!("One site: {}", only.address),
        _ => {
            let names: Vec<&str> = sites.iter().map(|s| s.name.as_str()).collect();
            format!(
                "{} sites, all seen on the visit: {}",
                sites.len(),
                names.join(", ")
            )
        }
    }
}
