//! A placement's record: the placement itself, its LA notification, the
//! half-terms it covers, attendance returns and, once ended, its outcome.

use jiff::civil::{Date, date};

use crate::model::{
    AttendanceReturn, Commissioner, Destination, LaNotification, Placement, PlacementId,
    PlacementKind, PlacementStatus, Provider, RecordId, SiteId,
};

use super::calendar::{TERMS, add_days, offered_half_days, weekday_on_or_before};
use super::placements::Spec;
use super::providers::Made;
use super::scenarios::Phase;
use super::{AP_LEAD, Maker, SAMPLE_TODAY, SENCO};

/// Words a placement's records share, looked up by `{name}` in templates.
pub(super) struct Ctx<'a> {
    pub(super) given: &'a str,
    pub(super) parent: &'a str,
    pub(super) provider: &'a str,
    pub(super) contact: &'a str,
    pub(super) activity: &'static str,
    pub(super) qualification: &'static str,
    pub(super) intervention: &'static str,
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
    pub(super) fn fill(&self, template: &str) -> String {
        fill(template, |key| self.value(key))
    }
}

/// `template` with each `{key}` replaced by `value(key)`, in one pass.
pub(super) fn fill<'v>(template: &str, value: impl Fn(&str) -> &'v str) -> String {
    let mut out = String::with_capacity(template.len() + 24);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let Some((key, tail)) = after.split_once('}') else {
            rest = after;
            break;
        };
        out.push_str(value(key));
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The part of a half-term the placement covers, up to yesterday.
pub(super) struct Window {
    pub(super) term: usize,
    pub(super) from: Date,
    pub(super) to: Date,
    /// The half-term is over, or the placement is.
    pub(super) complete: bool,
    /// Attendance this half-term, per cent.
    pub(super) rate: i64,
}

/// Attendance over a stretch of days.
pub(super) struct Figures {
    pub(super) offered: u32,
    pub(super) attended: u32,
    pub(super) authorised: u32,
    pub(super) unauthorised: u32,
}

impl Figures {
    pub(super) fn new(spec: &Spec, from: Date, to: Date, rate: i64) -> Self {
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

    pub(super) fn percent(&self) -> u32 {
        (self.attended * 100).checked_div(self.offered).unwrap_or(0)
    }
}

pub(super) fn next_review_after(term: usize) -> Option<Date> {
    TERMS
        .get(term + 1)
        .map(|half| weekday_on_or_before(add_days(half.end, -7)))
}

impl Maker {
    pub(super) fn placement(&mut self, spec: Spec, made: &Made) -> Placement {
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
