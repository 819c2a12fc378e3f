//! AP Monitor: keeps a school's register of alternative provision
//! placements, tells the pastoral lead what is due or overdue, and prints
//! the paperwork to sign.
//!
//! The crate is split the way the program is: [`model`] holds the register
//! and its rules with no user interface, [`storage`] reads and writes the
//! register file, and the binary's command line and window sit on top.

pub mod cli;
pub mod app;
pub mod model;
pub mod report;
pub mod sample;
pub mod storage;
pub mod ui;
