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
//! provider document, an off-site direction near its maximum period, and a
//! provider QA check missing, one out of date and one with an action past
//! due. The rest are drawn at random from the seed.
//!
//! This file holds the entry point and the school; the parts are made in
//! the order the files are listed here:
//!
//! - `rng` — the random number generator;
//! - `calendar` — the school's half-terms and date arithmetic on them;
//! - `words` — names of places, staff and pupils;
//! - `providers` — providers, their sites, contacts and documents;
//! - `scenarios` — the scripted placements;
//! - `placements` — who, where and when for each placement;
//! - `records` — a placement's record, attendance and outcome;
//! - `plan`, `reviews`, `contacts` — the records kept while it runs;
//! - `checklists`, `checklist_items` — QA checks of the providers in use.

mod calendar;
mod checklist_items;
mod checklists;
mod contacts;
mod placements;
mod plan;
mod providers;
mod records;
mod reviews;
mod rng;
mod scenarios;
#[cfg(test)]
mod tests;
mod words;

use jiff::civil::{Date, date};

use crate::model::{Placement, Register, School};

use calendar::calendar;
use providers::provider_count;
use rng::Rng;

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
// The school

const AP_LEAD: &str = "Daniel Whitworth";
const DSL: &str = "Helen Okafor";
const SENCO: &str = "Joanna Patel";
const LA_CASEWORKER: &str = "Priya Shah (LA SEND caseworker)";
const SOCIAL_WORKER: &str = "Marcus Bell (social worker)";

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

// ---------------------------------------------------------------------------
// Generation

/// A register with `placements` placements, drawn from `seed`. The same
/// arguments always give an identical register.
pub fn generate(placements: usize, seed: u64) -> Register {
    let mut maker = Maker {
        rng: Rng::new(seed),
        ids: Register::default(),
    };
    let providers = maker.providers(provider_count(placements));
    let placements: Vec<Placement> = (0..placements)
        .filter_map(|index| maker.placement_at(index, &providers))
        .collect();
    maker.checklists(&providers, &placements);
    let mut register = maker.ids;
    register.school = school();
    register.calendar = calendar();
    register.providers = providers.into_iter().map(|made| made.provider).collect();
    register.placements = placements;
    register
}

/// The random stream and the id allocator.
///
/// `ids` is a register used for its id counter alone while records are
/// made; the providers, placements and the rest are put into it at the end.
struct Maker {
    rng: Rng,
    ids: Register,
}

impl Maker {
    fn id(&mut self) -> u32 {
        self.ids.allocate_id()
    }
}
