//! The contact log: visits, calls and emails with the provider, the pupil
//! and the parent.

use jiff::civil::Date;

use crate::model::{Contact, ContactMethod, ContactWith, RecordId};

use super::calendar::{add_days, in_term, weekday_on_or_before};
use super::placements::Spec;
use super::records::Ctx;
use super::scenarios::Phase;
use super::{Maker, SAMPLE_TODAY};

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
    pub(super) fn contacts(&mut self, spec: &Spec, ctx: &Ctx) -> Vec<Contact> {
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
