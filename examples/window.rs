//! Opens the window on a register, optionally as of a fixed day:
//!
//! ```text
//! cargo run --example window -- assets/sample-register.ron 01/12/2026
//! ```
//!
//! The day is for demonstrations and screenshots of the sample register,
//! which is built around 1 December 2026.

use std::path::PathBuf;

use ap_monitor::model::dates::parse_date;
use ap_monitor::ui::Clock;

fn main() -> anyhow::Result<()> {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let mut args = std::env::args().skip(1);
    let path = args.next().map(PathBuf::from);
    let clock = match args.next() {
        Some(day) => Clock::Fixed(parse_date(&day).map_err(anyhow::Error::msg)?),
        None => Clock::System,
    };
    ap_monitor::app::run_with_clock(path, clock)
}
