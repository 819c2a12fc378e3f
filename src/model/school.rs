//! The commissioning school and the settings that tune the due rules.

use serde::{Deserialize, Serialize};

/// The school that commissions the placements and signs the paperwork.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct School {
    /// Name as it appears on letters.
    pub name: String,
    /// Unique reference number given by the DfE.
    pub urn: String,
    /// The local authority the school tells about each placement.
    pub local_authority: String,
    /// Designated safeguarding lead.
    pub dsl: String,
    /// The member of staff who coordinates alternative provision.
    pub ap_lead: String,
    /// Postal address, one line per line.
    pub address: String,
}

/// Weekly hours the school treats as full-time education, by key stage.
///
/// Defaults are the Ombudsman benchmarks (Reception and KS1 21 h, KS2
/// 23.5 h, KS3 24 h, KS4 25 h); a school changes them in settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FullTimeHours {
    /// Reception, Year 1 and Year 2.
    pub ks1: f32,
    /// Years 3 to 6.
    pub ks2: f32,
    /// Years 7 to 9.
    pub ks3: f32,
    /// Years 10 and 11.
    pub ks4: f32,
}

impl Default for FullTimeHours {
    fn default() -> Self {
        Self {
            ks1: 21.0,
            ks2: 23.5,
            ks3: 24.0,
            ks4: 25.0,
        }
    }
}

impl FullTimeHours {
    /// Full-time hours for a year group (0 is Reception). Years past 11 are
    /// beyond compulsory school age and have no full-time figure.
    pub fn for_year_group(&self, year_group: u8) -> Option<f32> {
        match year_group {
            0..=2 => Some(self.ks1),
            3..=6 => Some(self.ks2),
            7..=9 => Some(self.ks3),
            10..=11 => Some(self.ks4),
            _ => None,
        }
    }
}

/// Settings that shape what the register flags.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Longest gap, in days, between contacts with the provider or the pupil.
    pub contact_interval_days: u32,
    /// Weekly hours treated as full time for each key stage.
    pub full_time_hours: FullTimeHours,
    /// Keep placement records until this birthday of the pupil.
    pub retention_birthday: u8,
    /// Keep records of a pupil with SEN or an EHCP until this birthday.
    pub retention_birthday_sen: u8,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            contact_interval_days: 14,
            full_time_hours: FullTimeHours::default(),
            retention_birthday: 25,
            retention_birthday_sen: 31,
        }
    }
}
