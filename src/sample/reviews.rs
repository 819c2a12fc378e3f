//! Half-termly reviews: attendance, progress against each objective, views,
//! decisions and actions.

use jiff::civil::Date;

use crate::model::due::days_between;
use crate::model::{
    Action, Attendee, AttendeeRole, Decision, ObjectiveArea, ObjectiveId, ObjectiveProgress,
    PlacementKind, Rating, RecordId, Review,
};

use super::calendar::{TERMS, add_days, weekday_on_or_before};
use super::placements::Spec;
use super::records::{Ctx, Figures, Window, next_review_after};
use super::scenarios::Phase;
use super::{AP_LEAD, LA_CASEWORKER, Maker, SAMPLE_TODAY, SOCIAL_WORKER};

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
pub(super) struct Goal {
    pub(super) id: ObjectiveId,
    pub(super) area: ObjectiveArea,
    pub(super) baseline: i64,
    pub(super) target: i64,
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
    pub(super) fn reviews(
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
