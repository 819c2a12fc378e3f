//! The `ap-monitor` program: the window, or a headless job when a
//! subcommand is given.

// TODO: on Windows the GUI subsystem hides subcommand output; attach to the
// parent console when a subcommand is given.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser as _;

use ap_monitor::cli::{Cli, run};

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    let result = match cli.command {
        Some(command) => run(command),
        None => ap_monitor::app::run(cli.file).map_err(Into::into),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}
