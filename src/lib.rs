//! AP Monitor: keeps a school's register of alternative provision
//! placements, tells the pastoral lead what is due or overdue, and prints
//! the paperwork to sign.
//!
//! The crate is split the way the program is: [`model`] holds the register
//! and its rules with no user interface, [`storage`] reads and writes the
//! register file, [`report`] prints it as PDF, and the command line
//! ([`cli`]) and the window ([`app`], [`ui`]) sit on top. [`sample`] makes
//! realistic registers for trying it out and for the tests.

pub mod app;
pub mod cli;
pub mod model;
pub mod report;
pub mod sample;
pub mod storage;
pub mod ui;
