//! What the commissioner records about a placement over its life: the
//! personalised plan, half-termly reviews, contacts and attendance returns.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::ids::{ObjectiveId, RecordId};

/// The plan the provider writes and the commissioner agrees: intervention,
/// objectives, reintegration and timeline.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PersonalisedPlan {
    /// Nature of the intervention or type of provision.
    pub intervention: String,
    /// Needs (SEN, EHCP, health) and interventions already tried.
    pub needs: String,
    /// SMART objectives.
    pub objectives: Vec<Objective>,
    /// How progress is assessed and monitored.
    pub assessment: String,
    /// Curriculum continuity with the home school; qualification route.
    pub curriculum: String,
    /// Timeline and timetable in words: full- or part-time, what happens when.
    pub timeline: String,
    /// For an off-site direction: reasons, and the person to report to.
    pub direction_details: String,
    /// Reintegration arrangements, readiness criteria and the next step.
    pub reintegration: String,
    /// Review schedule and criteria.
    pub review_schedule: String,
    /// Links to the EHCP, PEP, healthcare plan or pastoral support plan.
    pub linked_plans: String,
    /// How the provider reports attendance, progress and concerns.
    pub reporting: String,
    /// Named contact at the school.
    pub school_contact: String,
    /// Named contact at the provider.
    pub provider_contact: String,
    /// Transport arrangements.
    pub transport: String,
    /// Free school meals or lunch.
    pub lunch: String,
    /// Who wrote the plan, normally the provider.
    pub written_by: String,
    /// When the commissioner agreed it; `None` while it is a draft.
    pub agreed_on: Option<Date>,
    /// Who agreed it for the commissioner.
    pub agreed_by: String,
    /// The parent or carer agreed it.
    pub parent_agreed: bool,
    /// The pupil agreed it.
    pub pupil_agreed: bool,
}

impl PersonalisedPlan {
    /// The objective with this id.
    pub fn objective(&self, id: ObjectiveId) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.id == id)
    }
}

/// Areas an objective can address.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ObjectiveArea {
    /// Learning and attainment.
    #[default]
    Learning,
    /// Attendance.
    Attendance,
    /// Behaviour.
    Behaviour,
    /// Attitude, engagement and wellbeing.
    Attitude,
}

impl ObjectiveArea {
    /// All areas, in the order a form lists them.
    pub const ALL: [Self; 4] = [
        Self::Learning,
        Self::Attendance,
        Self::Behaviour,
        Self::Attitude,
    ];

    /// Words for forms and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Learning => "Learning",
            Self::Attendance => "Attendance",
            Self::Behaviour => "Behaviour",
            Self::Attitude => "Attitude",
        }
    }
}

/// One SMART objective with its baseline, target and measure.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Objective {
    /// Stable id, so review ratings stay attached when objectives change.
    pub id: ObjectiveId,
    /// Area addressed.
    pub area: ObjectiveArea,
    /// What the pupil will achieve.
    pub description: String,
    /// Where the pupil starts.
    pub baseline: String,
    /// Where the pupil should get to.
    pub target: String,
    /// How it is measured.
    pub measure: String,
}

/// How far an objective has been met at a review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rating {
    /// Not rated yet.
    #[default]
    NotRated,
    /// No progress.
    NotMet,
    /// Some progress.
    Progressing,
    /// Met.
    Met,
    /// Exceeded.
    Exceeded,
}

impl Rating {
    /// All ratings, in the order a form lists them.
    pub const ALL: [Self; 5] = [
        Self::NotRated,
        Self::NotMet,
        Self::Progressing,
        Self::Met,
        Self::Exceeded,
    ];

    /// Words for forms and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::NotRated => "Not rated",
            Self::NotMet => "Not met",
            Self::Progressing => "Progressing",
            Self::Met => "Met",
            Self::Exceeded => "Exceeded",
        }
    }
}

/// Progress against one objective at a review.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ObjectiveProgress {
    /// The objective rated.
    pub objective: ObjectiveId,
    /// The rating.
    pub rating: Rating,
    /// The baseline measure repeated now.
    pub measure_now: String,
    /// Comment.
    pub comment: String,
}

/// Roles of people at a review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttendeeRole {
    /// Home school staff.
    #[default]
    School,
    /// Provider staff.
    Provider,
    /// Parent or carer.
    ParentCarer,
    /// The pupil.
    Pupil,
    /// LA SEND caseworker (EHCP).
    LaCaseworker,
    /// Anyone else, such as a social worker.
    Other,
}

impl AttendeeRole {
    /// All roles, in the order a form lists them.
    pub const ALL: [Self; 6] = [
        Self::School,
        Self::Provider,
        Self::ParentCarer,
        Self::Pupil,
        Self::LaCaseworker,
        Self::Other,
    ];

    /// Words for forms and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::School => "School",
            Self::Provider => "Provider",
            Self::ParentCarer => "Parent/carer",
            Self::Pupil => "Pupil",
            Self::LaCaseworker => "LA caseworker",
            Self::Other => "Other",
        }
    }
}

/// Someone at a review.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Attendee {
    /// Name.
    pub name: String,
    /// Role.
    pub role: AttendeeRole,
}

/// The answer to "is it working?" and "should it continue?".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// Not decided.
    #[default]
    Undecided,
    /// Continue as planned.
    Continue,
    /// Continue with the changes recorded.
    ContinueWithChanges,
    /// End the placement.
    End,
}

impl Decision {
    /// All decisions, in the order a form lists them.
    pub const ALL: [Self; 4] = [
        Self::Undecided,
        Self::Continue,
        Self::ContinueWithChanges,
        Self::End,
    ];

    /// Words for forms and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Undecided => "Not decided",
            Self::Continue => "Continue",
            Self::ContinueWithChanges => "Continue with changes",
            Self::End => "End the placement",
        }
    }
}

/// An action agreed at a review.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Action {
    /// What is to be done.
    pub description: String,
    /// Who does it.
    pub owner: String,
    /// By when.
    pub due: Option<Date>,
    /// When it was done; `None` while open.
    pub done_on: Option<Date>,
}

/// A half-termly review between commissioner and provider.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Review {
    /// Stable id.
    pub id: RecordId,
    /// Date held.
    pub date: Option<Date>,
    /// Who attended.
    pub attendees: Vec<Attendee>,
    /// Half-day sessions possible since the last review.
    pub sessions_possible: Option<u32>,
    /// Half-day sessions attended since the last review.
    pub sessions_attended: Option<u32>,
    /// Absences and how they were followed up.
    pub absence_follow_up: String,
    /// Progress against each objective of the plan.
    pub progress: Vec<ObjectiveProgress>,
    /// Behaviour, engagement and wellbeing.
    pub wellbeing: String,
    /// Safeguarding concerns raised; empty when none.
    pub safeguarding_concerns: String,
    /// The pupil's views.
    pub pupil_views: String,
    /// The parent's or carer's views.
    pub parent_views: String,
    /// Is it working, and should it continue?
    pub decision: Decision,
    /// Changes to the plan the provider recommends.
    pub recommended_changes: String,
    /// Reintegration or onward planning; transition steps.
    pub next_steps: String,
    /// Actions with owner and due date.
    pub actions: Vec<Action>,
    /// Date of the next review.
    pub next_review: Option<Date>,
}

impl Review {
    /// Attendance since the last review as a percentage, where both figures
    /// are known and sessions were possible.
    pub fn attendance_percent(&self) -> Option<f32> {
        let (Some(possible), Some(attended)) = (self.sessions_possible, self.sessions_attended)
        else {
            return None;
        };
        (possible > 0).then(|| attended as f32 * 100.0 / possible as f32)
    }
}

/// With whom the commissioner was in contact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContactWith {
    /// The provider.
    #[default]
    Provider,
    /// The pupil.
    Pupil,
    /// A parent or carer.
    Parent,
    /// Anyone else.
    Other,
}

impl ContactWith {
    /// All values, in the order a form lists them.
    pub const ALL: [Self; 4] = [Self::Provider, Self::Pupil, Self::Parent, Self::Other];

    /// Words for forms and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Provider => "Provider",
            Self::Pupil => "Pupil",
            Self::Parent => "Parent/carer",
            Self::Other => "Other",
        }
    }
}

/// How the contact happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContactMethod {
    /// A visit to the provider.
    Visit,
    /// A telephone call.
    #[default]
    Phone,
    /// An email.
    Email,
    /// A meeting at school.
    Meeting,
    /// A video call.
    Video,
    /// Anything else.
    Other,
}

impl ContactMethod {
    /// All values, in the order a form lists them.
    pub const ALL: [Self; 6] = [
        Self::Visit,
        Self::Phone,
        Self::Email,
        Self::Meeting,
        Self::Video,
        Self::Other,
    ];

    /// Words for forms and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Visit => "Visit",
            Self::Phone => "Phone",
            Self::Email => "Email",
            Self::Meeting => "Meeting",
            Self::Video => "Video call",
            Self::Other => "Other",
        }
    }
}

/// One entry in a placement's contact log.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Contact {
    /// Stable id.
    pub id: RecordId,
    /// Date of contact.
    pub date: Option<Date>,
    /// With whom.
    pub with: ContactWith,
    /// How.
    pub method: ContactMethod,
    /// What was said.
    pub summary: String,
    /// What happens next.
    pub follow_up: String,
}

/// Attendance reported by the provider for a period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AttendanceReturn {
    /// Stable id.
    pub id: RecordId,
    /// First day of the period.
    pub from: Option<Date>,
    /// Last day of the period.
    pub to: Option<Date>,
    /// Half-day sessions offered.
    pub sessions_offered: u32,
    /// Sessions attended.
    pub attended: u32,
    /// Authorised absences.
    pub authorised_absences: u32,
    /// Unauthorised absences.
    pub unauthorised_absences: u32,
}

impl AttendanceReturn {
    /// Attendance as a percentage of sessions offered.
    pub fn percent(&self) -> Option<f32> {
        (self.sessions_offered > 0)
            .then(|| self.attended as f32 * 100.0 / self.sessions_offered as f32)
    }
}
