//! A placement: one pupil at one provider, with its arrangement and the
//! records the commissioner keeps about it.

use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

use super::ids::{PlacementId, ProviderId, SiteId};
use super::records::{AttendanceReturn, Contact, PersonalisedPlan, Review};

/// The pupil placed. Pupils stay on the home school's roll, so the school
/// knows them by name, date of birth and (where it has one) UPN.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Pupil {
    /// Full name as on the school's roll.
    pub name: String,
    /// Date of birth.
    pub date_of_birth: Option<Date>,
    /// Unique pupil number, if known.
    pub upn: String,
    /// National curriculum year group; 0 is Reception.
    pub year_group: u8,
    /// SEN support or an EHCP.
    pub sen: SenStatus,
    /// Looked after by a local authority.
    pub looked_after: bool,
    /// Hours a week the pupil is still taught at the home school, added to
    /// the placement hours when checking for full-time education.
    pub home_school_hours: f32,
}

impl Pupil {
    /// Whether the pupil has an education, health and care plan.
    pub fn has_ehcp(&self) -> bool {
        self.sen == SenStatus::Ehcp
    }

    /// The key that joins two placements of one pupil: the UPN when known,
    /// else name and date of birth.
    pub fn key(&self) -> String {
        if self.upn.trim().is_empty() {
            let dob = self
                .date_of_birth
                .map(|d| d.to_string())
                .unwrap_or_default();
            format!("{}|{dob}", self.name.trim().to_lowercase())
        } else {
            self.upn.trim().to_uppercase()
        }
    }
}

/// Special educational needs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SenStatus {
    /// No recorded SEN.
    #[default]
    None,
    /// SEN support.
    SenSupport,
    /// An education, health and care plan.
    Ehcp,
}

impl SenStatus {
    /// All values, in the order a form lists them.
    pub const ALL: [Self; 3] = [Self::None, Self::SenSupport, Self::Ehcp];

    /// Words for forms and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::None => "None",
            Self::SenSupport => "SEN support",
            Self::Ehcp => "EHCP",
        }
    }
}

/// Who commissioned the placement and so answers for it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Commissioner {
    /// The home school.
    #[default]
    School,
    /// The local authority.
    LocalAuthority,
}

impl Commissioner {
    /// Words for forms and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::School => "School",
            Self::LocalAuthority => "Local authority",
        }
    }
}

/// The kind of arrangement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlacementKind {
    /// A fixed-length placement meant to end back at the home school.
    #[default]
    TimeLimited,
    /// A transitional placement towards a new school or post-16.
    Transitional,
    /// An off-site direction (s.29A EA 2002) to improve behaviour.
    OffSiteDirection,
    /// A temporary part-time timetable.
    PartTimeTimetable,
}

impl PlacementKind {
    /// All kinds, in the order a form lists them.
    pub const ALL: [Self; 4] = [
        Self::TimeLimited,
        Self::Transitional,
        Self::OffSiteDirection,
        Self::PartTimeTimetable,
    ];

    /// Words for forms and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::TimeLimited => "Time-limited",
            Self::Transitional => "Transitional",
            Self::OffSiteDirection => "Off-site direction",
            Self::PartTimeTimetable => "Part-time timetable",
        }
    }
}

/// The attendance code the home school marks while the pupil is at the
/// provider.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttendanceCode {
    /// Approved educational activity: school-arranged AP.
    #[default]
    B,
    /// Education arranged by the local authority.
    K,
    /// Dual registered at another school.
    D,
}

impl AttendanceCode {
    /// All codes, in the order a form lists them.
    pub const ALL: [Self; 3] = [Self::B, Self::K, Self::D];

    /// The code letter.
    pub fn letter(self) -> &'static str {
        match self {
            Self::B => "B",
            Self::K => "K",
            Self::D => "D",
        }
    }
}

/// A day of the school week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
}

impl Weekday {
    /// The five school days.
    pub const ALL: [Self; 5] = [Self::Mon, Self::Tue, Self::Wed, Self::Thu, Self::Fri];

    /// Short name.
    pub fn short(self) -> &'static str {
        match self {
            Self::Mon => "Mon",
            Self::Tue => "Tue",
            Self::Wed => "Wed",
            Self::Thu => "Thu",
            Self::Fri => "Fri",
        }
    }
}

/// One regular session at the provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The day.
    pub day: Weekday,
    /// Start time.
    pub start: Time,
    /// Finish time.
    pub end: Time,
}

impl Session {
    /// Length in hours; zero when the times are the wrong way round.
    pub fn hours(&self) -> f32 {
        let minutes = (self.end.hour() as i32 * 60 + self.end.minute() as i32)
            - (self.start.hour() as i32 * 60 + self.start.minute() as i32);
        minutes.max(0) as f32 / 60.0
    }
}

/// Where the placement stands.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum PlacementStatus {
    /// Agreed, not yet started.
    #[default]
    Planned,
    /// Under way.
    Active,
    /// Finished.
    Ended {
        /// Last day at the provider.
        on: Date,
        /// Outcomes and achievements, and the pupil's own view.
        outcome: String,
        /// Where the pupil went next.
        destination: Destination,
    },
}

/// Where a pupil went when a placement ended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Destination {
    /// Back to full time at the home school.
    #[default]
    HomeSchool,
    /// On roll at another school.
    AnotherSchool,
    /// Specialist or further alternative provision.
    OtherProvision,
    /// College, apprenticeship or other post-16 route.
    Post16,
    /// Anything else.
    Other,
}

impl Destination {
    /// All destinations, in the order a form lists them.
    pub const ALL: [Self; 5] = [
        Self::HomeSchool,
        Self::AnotherSchool,
        Self::OtherProvision,
        Self::Post16,
        Self::Other,
    ];

    /// Words for forms and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::HomeSchool => "Home school",
            Self::AnotherSchool => "Another school",
            Self::OtherProvision => "Other provision",
            Self::Post16 => "Post-16",
            Self::Other => "Other",
        }
    }
}

/// When and how the local authority was told about the placement.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LaNotification {
    /// Date the LA was told.
    pub on: Option<Date>,
    /// How: online form, email, letter.
    pub how: String,
}

/// One pupil's placement at one provider.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Placement {
    /// Stable id.
    pub id: PlacementId,
    /// The pupil.
    pub pupil: Pupil,
    /// Who commissioned it.
    pub commissioner: Commissioner,
    /// The provider.
    pub provider: ProviderId,
    /// The provider's sites the pupil attends.
    pub sites: Vec<SiteId>,
    /// Why the pupil is in alternative provision.
    pub reason: String,
    /// The kind of arrangement.
    pub kind: PlacementKind,
    /// First day at the provider.
    pub start: Option<Date>,
    /// Planned last day.
    pub planned_end: Option<Date>,
    /// End of the agreed maximum period.
    pub maximum_end: Option<Date>,
    /// Regular sessions.
    pub sessions: Vec<Session>,
    /// Code marked in the home school's register.
    pub attendance_code: AttendanceCode,
    /// When the local authority was told.
    pub la_informed: LaNotification,
    /// Planned, active or ended.
    pub status: PlacementStatus,
    /// The personalised plan, once written.
    pub plan: Option<PersonalisedPlan>,
    /// Reviews in the order they were added.
    pub reviews: Vec<Review>,
    /// Contact log.
    pub contacts: Vec<Contact>,
    /// Attendance returns from the provider.
    pub attendance: Vec<AttendanceReturn>,
}

impl Placement {
    /// Scheduled hours a week at the provider.
    pub fn weekly_hours(&self) -> f32 {
        self.sessions.iter().map(Session::hours).sum()
    }

    /// Whether the placement is under way on `date`.
    pub fn is_active_on(&self, date: Date) -> bool {
        let started = self.start.is_some_and(|start| start <= date);
        match &self.status {
            PlacementStatus::Planned => false,
            PlacementStatus::Active => started,
            PlacementStatus::Ended { on, .. } => started && date <= *on,
        }
    }

    /// Whether the placement has ended.
    pub fn is_ended(&self) -> bool {
        matches!(self.status, PlacementStatus::Ended { .. })
    }

    /// The latest review by date.
    pub fn latest_review(&self) -> Option<&Review> {
        self.reviews
            .iter()
            .filter(|r| r.date.is_some())
            .max_by_key(|r| r.date)
    }

    /// Reviews in date order; undated ones last.
    pub fn reviews_by_date(&self) -> Vec<&Review> {
        let mut reviews: Vec<&Review> = self.reviews.iter().collect();
        reviews.sort_by_key(|r| (r.date.is_none(), r.date));
        reviews
    }

    /// Date of the last contact matching `filter`.
    pub fn last_contact(&self, filter: impl Fn(&Contact) -> bool) -> Option<Date> {
        self.contacts
            .iter()
            .filter(|c| filter(c))
            .filter_map(|c| c.date)
            .max()
    }

    /// Words for the status column.
    pub fn status_label(&self) -> &'static str {
        match self.status {
            PlacementStatus::Planned => "Planned",
            PlacementStatus::Active => "Active",
            PlacementStatus::Ended { .. } => "Ended",
        }
    }
}
