//! The personalised plan and its objectives.

use crate::model::{
    Objective, ObjectiveArea, ObjectiveId, PersonalisedPlan, PlacementKind, Pupil, SenStatus,
};

use super::calendar::{add_days, count_sessions, weekday_on_or_before};
use super::placements::{PlanState, Spec};
use super::records::Ctx;
use super::reviews::Goal;
use super::{AP_LEAD, Maker, SAMPLE_TODAY};

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
    pub(super) fn plan(&mut self, spec: &Spec, ctx: &Ctx) -> (Option<PersonalisedPlan>, Vec<Goal>) {
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
