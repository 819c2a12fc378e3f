//! QA checks of the providers in use (domain §4, §9.1, §9.2).
//!
//! The register gets the default template. Each provider in use is checked
//! before its first placement starts, then once a year while it stays in
//! use. The school's AP lead completes each check, the provider's
//! representative signs it and the DSL countersigns. Most items are met,
//! some do not apply, and a few shortfalls give actions arising.
//!
//! The scripted providers leave lapses for the due list as of
//! [`SAMPLE_TODAY`]: one used with no check at all, one whose only check is
//! more than a year old, and one with an action arising left open past its
//! date. One check is complete but not yet signed, and one, for a
//! placement still to start, is a draft. Other providers have the same
//! lapses now and then.

use std::collections::HashMap;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::model::due::days_between;
use crate::model::{
    Action, Answer, Checklist, ChecklistId, ChecklistItem, ChecklistStatus, ChecklistTemplate,
    Judgement, Placement, PlacementStatus, ProviderId, SignOff, Signatory, default_template,
};

use super::calendar::{add_days, weekday_on_or_before};
use super::checklist_items::{FAILINGS, Facts, Failing, Rule, Visited, rules_for};
use super::providers::Made;
use super::{AP_LEAD, DSL, Maker, SAMPLE_TODAY};

/// How a provider's QA checks go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Story {
    /// Checked before the first placement, then every year while in use.
    Kept,
    /// Used without ever being checked.
    Missing,
    /// Checked before the first placement and never again.
    Lapsed,
    /// An action arising from the first check is left open past its date.
    OpenAction,
    /// The latest check is complete but not yet signed.
    Unsigned,
    /// The latest check is still a draft.
    InProgress,
}

/// The story of each scripted provider, in the order they are listed:
/// the boxing academy leaves an action open, the construction centre was
/// last checked more than a year ago, the AP academy's latest check awaits
/// signatures, the hall school's check before its first pupil starts is a
/// draft, and the tuition centre was never checked.
const CORE_STORIES: [Story; 8] = {
    use Story::{InProgress, Kept, Lapsed, Missing, OpenAction, Unsigned};
    [
        Kept, OpenAction, Lapsed, Kept, Unsigned, Kept, InProgress, Missing,
    ]
};

/// How far a check got.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Draft,
    Complete,
    Signed,
}

/// A check to write, once every provider's checks are dated.
struct Planned {
    /// Index of the provider.
    provider: usize,
    /// Day of the visit.
    on: Date,
    /// Day of the provider's next check, if there is one.
    next: Option<Date>,
    /// The provider's first check.
    first: bool,
    stage: Stage,
    /// Leave the first action arising open past its date.
    leave_open: bool,
}

/// Days around a visit.
#[derive(Clone, Copy)]
struct Visit {
    on: Date,
    /// The AP lead finished writing it up.
    completed: Date,
    draft: bool,
    /// The DSL came too and checked the safeguarding section.
    with_dsl: bool,
}

/// The next check a year after one on `on`, or the Friday before.
fn year_after(on: Date) -> Date {
    weekday_on_or_before(on.saturating_add(1.year()))
}

/// Placements at each provider, in the providers' order.
fn placements_by_provider<'a>(
    providers: &[Made],
    placements: &'a [Placement],
) -> Vec<Vec<&'a Placement>> {
    let index: HashMap<ProviderId, usize> = providers
        .iter()
        .enumerate()
        .map(|(n, made)| (made.provider.id, n))
        .collect();
    let mut at = vec![Vec::new(); providers.len()];
    for placement in placements {
        let list = index.get(&placement.provider).and_then(|&n| at.get_mut(n));
        if let Some(list) = list {
            list.push(placement);
        }
    }
    at
}

/// The last day a provider had a pupil; `None` while a placement there has
/// not ended.
fn last_use(at: &[&Placement]) -> Option<Date> {
    let mut last = None;
    for placement in at {
        let PlacementStatus::Ended { on, .. } = placement.status else {
            return None;
        };
        last = last.max(Some(on));
    }
    last
}

/// Placements a check covers: those running on the day, or starting
/// before the next check or, failing one, before a year is up.
fn covered<'a>(at: &[&'a Placement], plan: &Planned) -> Vec<&'a Placement> {
    let until = plan.next.unwrap_or_else(|| year_after(plan.on));
    let covers = |placement: &&Placement| {
        let in_time = placement.start.is_some_and(|start| start < until);
        let gone = matches!(placement.status, PlacementStatus::Ended { on, .. } if on < plan.on);
        in_time && !gone
    };
    at.iter().copied().filter(covers).collect()
}

impl Maker {
    /// Adds the default template to the register, and QA checks of the
    /// providers in use, in the order of their visits.
    pub(super) fn checklists(&mut self, providers: &[Made], placements: &[Placement]) {
        let template_id = self.ids.add_template(default_template());
        let Some(template) = self.ids.template(template_id).cloned() else {
            return;
        };
        let texts = template.sections.iter().flat_map(|s| &s.items);
        let rules = rules_for(texts.map(|item| item.text.as_str()));
        let used = placements_by_provider(providers, placements);
        let mut planned = Vec::new();
        for (index, at) in used.iter().enumerate() {
            let story = match CORE_STORIES.get(index) {
                Some(story) => *story,
                None => self.random_story(),
            };
            planned.extend(self.schedule(index, at, story));
        }
        planned.sort_by_key(|plan| plan.on);
        for plan in &planned {
            let (Some(made), Some(at)) = (providers.get(plan.provider), used.get(plan.provider))
            else {
                continue;
            };
            let checklist = self.checklist(&template, &rules, made, at, plan);
            self.ids.checklists.push(checklist);
        }
    }

    fn random_story(&mut self) -> Story {
        match self.rng.below(100) {
            0..=2 => Story::Missing,
            3..=5 => Story::Lapsed,
            6..=10 => Story::OpenAction,
            11..=13 => Story::Unsigned,
            14..=16 => Story::InProgress,
            _ => Story::Kept,
        }
    }

    /// The provider's checks: a few weeks before the first placement
    /// starts, then a little under a year apart until the next one is not
    /// due within a fortnight of [`SAMPLE_TODAY`], or the provider is no
    /// longer used.
    fn schedule(&mut self, provider: usize, at: &[&Placement], story: Story) -> Vec<Planned> {
        let Some(first_start) = at.iter().filter_map(|p| p.start).min() else {
            return Vec::new();
        };
        if story == Story::Missing {
            return Vec::new();
        }
        let last_use = last_use(at);
        let soon = add_days(SAMPLE_TODAY, 14);
        let latest = add_days(SAMPLE_TODAY, -self.rng.range(10, 20));
        let before = add_days(first_start, -self.rng.range(14, 42));
        let mut dates = vec![weekday_on_or_before(before.min(latest))];
        while let Some(&previous) = dates.last() {
            if story == Story::Lapsed || year_after(previous) >= soon {
                break;
            }
            // Only a check more than 349 days old gets this far, so the new
            // one falls at least 328 days after it and the loop soon ends.
            let latest = add_days(SAMPLE_TODAY, -self.rng.range(10, 20));
            let on = add_days(previous, self.rng.range(330, 355)).min(latest);
            let on = weekday_on_or_before(on);
            if last_use.is_some_and(|end| on > end) {
                break;
            }
            dates.push(on);
        }
        let count = dates.len();
        let plan = |(n, &on): (usize, &Date)| {
            let last = n + 1 == count;
            let stage = match story {
                Story::Unsigned if last => Stage::Complete,
                Story::InProgress if last => Stage::Draft,
                _ => Stage::Signed,
            };
            Planned {
                provider,
                on,
                next: dates.get(n + 1).copied(),
                first: n == 0,
                stage,
                leave_open: story == Story::OpenAction && n == 0,
            }
        };
        dates.iter().enumerate().map(plan).collect()
    }

    fn checklist(
        &mut self,
        template: &ChecklistTemplate,
        rules: &[Option<&'static Rule>],
        made: &Made,
        at: &[&Placement],
        plan: &Planned,
    ) -> Checklist {
        let id = ChecklistId(self.id());
        let provider = &made.provider;
        let mut checklist = Checklist::from_template(id, template, provider.id);
        let covered = covered(at, plan);
        let visited = Visited {
            made,
            on: plan.on,
            covered: &covered,
            all: at,
            first: plan.first,
        };
        let facts = Facts::new(&mut self.rng, &visited);
        let failings = self.failings(made.kind.status.is_registered(), plan.leave_open);
        let visit = Visit {
            on: plan.on,
            completed: weekday_on_or_before(add_days(plan.on, self.rng.range(1, 4))).max(plan.on),
            draft: plan.stage == Stage::Draft,
            with_dsl: self.rng.chance(40),
        };
        self.answer_items(&mut checklist, rules, &facts, &failings, visit);
        checklist.site = match provider.sites.as_slice() {
            [only] => Some(only.id),
            _ => None,
        };
        checklist.placements = covered.iter().map(|p| p.id).collect();
        checklist.visit_date = Some(plan.on);
        checklist.visited_by = if visit.with_dsl {
            format!("{AP_LEAD} (AP lead) and {DSL} (DSL)")
        } else {
            format!("{AP_LEAD} (AP lead)")
        };
        checklist.actions = self.qa_actions(&failings, plan, visit.completed, made);
        checklist.judgement = match (plan.stage, failings.is_empty()) {
            (Stage::Draft, _) => Judgement::NotJudged,
            (_, true) => Judgement::Suitable,
            (_, false) => Judgement::SuitableWithActions,
        };
        let (sign_off, status) = self.sign_off(made, plan.stage, visit.completed);
        checklist.sign_off = sign_off;
        checklist.status = status;
        checklist.next_qa = (plan.stage != Stage::Draft).then(|| year_after(plan.on));
        checklist
    }

    /// None, one or two shortfalls, fewer at registered schools; at least
    /// one when an action is to be left open.
    fn failings(&mut self, registered: bool, leave_open: bool) -> Vec<&'static Failing> {
        let weights: &[usize] = if registered {
            &[0, 0, 0, 0, 1]
        } else {
            &[0, 0, 1, 1, 2]
        };
        let count = self.rng.pick(weights).max(usize::from(leave_open));
        let mut first = self.rng.below(FAILINGS.len());
        // The action left open is the provider's to do.
        if leave_open && FAILINGS.get(first).is_some_and(|f| !f.by_provider) {
            first = (first + 1) % FAILINGS.len();
        }
        let second = (first + 1 + self.rng.below(FAILINGS.len() - 1)) % FAILINGS.len();
        [first, second]
            .into_iter()
            .take(count)
            .filter_map(|index| FAILINGS.get(index))
            .collect()
    }

    fn answer_items(
        &mut self,
        checklist: &mut Checklist,
        rules: &[Option<&'static Rule>],
        facts: &Facts,
        failings: &[&Failing],
        visit: Visit,
    ) {
        let mut rules = rules.iter();
        for section in &mut checklist.sections {
            let checker = if visit.with_dsl && section.letter == "C" {
                DSL
            } else {
                AP_LEAD
            };
            for item in &mut section.items {
                let rule = rules.next().copied().flatten();
                let failing = failings.iter().find(|f| f.is_about(&item.text));
                if visit.draft && failing.is_none() && self.rng.chance(30) {
                    self.not_yet_checked(item, rule);
                    continue;
                }
                item.checked_by = checker.to_owned();
                item.checked_on = Some(visit.on);
                match (rule, failing) {
                    (_, Some(failing)) => {
                        item.answer = Answer::No;
                        item.note = failing.note.to_owned();
                    }
                    (Some(rule), None) => self.answer(item, rule, facts, visit),
                    (None, None) => item.answer = Answer::Yes,
                }
            }
        }
    }

    /// An item a draft has not reached yet; sometimes the evidence is on
    /// its way.
    fn not_yet_checked(&mut self, item: &mut ChecklistItem, rule: Option<&Rule>) {
        let wants_evidence = rule.is_some_and(|rule| !rule.evidence.is_empty());
        if wants_evidence && self.rng.chance(40) {
            item.note = "Asked for a copy; the provider is to email it".to_owned();
        }
    }

    fn answer(&mut self, item: &mut ChecklistItem, rule: &Rule, facts: &Facts, visit: Visit) {
        if !facts.applies(rule.when) {
            item.answer = rule.unmet;
            item.note = facts.fill(rule.otherwise);
            return;
        }
        item.answer = Answer::Yes;
        item.evidence_reference = facts.fill(rule.evidence);
        item.evidence_seen = !item.evidence_reference.is_empty();
        if self.rng.chance(45) {
            item.note = facts.fill(rule.note);
        }
        // Now and then a document is emailed after the visit.
        let span = days_between(visit.on, visit.completed);
        if item.evidence_seen && span > 0 && self.rng.chance(15) {
            let on = add_days(visit.on, self.rng.range(1, span));
            item.checked_on = Some(weekday_on_or_before(on).max(visit.on));
        }
    }

    /// An action for each shortfall, done by its date unless it is the one
    /// left open.
    fn qa_actions(
        &mut self,
        failings: &[&Failing],
        plan: &Planned,
        completed: Date,
        made: &Made,
    ) -> Vec<Action> {
        let contact = made.provider.contacts.first();
        let provider_owner = contact.map_or_else(
            || "The provider's manager".to_owned(),
            |c| format!("{} ({})", c.name, c.role),
        );
        let mut actions = Vec::with_capacity(failings.len());
        for (n, failing) in failings.iter().enumerate() {
            let days = failing.days + self.rng.range(0, 7);
            let due = weekday_on_or_before(add_days(plan.on, days));
            let open = plan.leave_open && n == 0;
            let done_on = (due < SAMPLE_TODAY && !open).then(|| {
                let on = add_days(due, -self.rng.range(0, 5));
                weekday_on_or_before(on).max(completed)
            });
            actions.push(Action {
                description: failing.action.to_owned(),
                owner: if failing.by_provider {
                    provider_owner.clone()
                } else {
                    format!("{AP_LEAD} (AP lead)")
                },
                due: Some(due),
                done_on,
            });
        }
        actions
    }

    /// The sign-off block: all three signatures for a signed check, only the
    /// AP lead's date for one complete but not yet signed, none for a draft.
    fn sign_off(
        &mut self,
        made: &Made,
        stage: Stage,
        completed: Date,
    ) -> (SignOff, ChecklistStatus) {
        if stage == Stage::Draft {
            return (SignOff::default(), ChecklistStatus::Draft);
        }
        let signed = stage == Stage::Signed;
        let provider_signs = add_days(completed, self.rng.range(0, 2));
        let provider_signs = weekday_on_or_before(provider_signs).max(completed);
        let countersigned = add_days(provider_signs, self.rng.range(0, 3));
        let countersigned = weekday_on_or_before(countersigned).max(provider_signs);
        let contact = made.provider.contacts.first();
        let sign_off = SignOff {
            completed_by: signatory(AP_LEAD, "AP lead", Some(completed)),
            provider_representative: signatory(
                contact.map_or("", |c| c.name.as_str()),
                contact.map_or("Manager", |c| c.role.as_str()),
                signed.then_some(provider_signs),
            ),
            countersigned_by: signatory(
                DSL,
                "Designated safeguarding lead",
                signed.then_some(countersigned),
            ),
        };
        let status = if signed {
            // Signed before fingerprints were kept, as an older record is.
            ChecklistStatus::Signed {
                on: countersigned,
                fingerprint: String::new(),
            }
        } else {
            ChecklistStatus::Complete
        };
        (sign_off, status)
    }
}

fn signatory(name: &str, role: &str, date: Option<Date>) -> Signatory {
    Signatory {
        name: name.to_owned(),
        role: role.to_owned(),
        date,
    }
}
