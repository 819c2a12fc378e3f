//! The command line: every job the window does, headless, for scripts and
//! tests. `ap-monitor` with no subcommand opens the window.

mod due;
mod export;
mod inspect;
mod print;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::model::{PlacementId, ProviderId, Register};
use crate::storage::{self, LoadError};

/// Monitor and quality-assure alternative provision placements.
#[derive(Debug, Parser)]
#[command(
    name = "ap-monitor",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Register file to open in the window.
    pub file: Option<PathBuf>,

    /// A job to do without opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless jobs.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a realistic sample register.
    Sample {
        /// Number of placements.
        #[arg(long, default_value_t = crate::sample::DEFAULT_PLACEMENTS)]
        placements: usize,
        /// Seed: the same seed gives the same file.
        #[arg(long, default_value_t = crate::sample::DEFAULT_SEED)]
        seed: u64,
        /// Where to write it.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },

    /// Load and validate a register; print counts and problems.
    Check {
        /// The register file.
        file: PathBuf,
    },

    /// List what needs attention on a day.
    Due {
        /// The register file.
        file: PathBuf,
        /// The day to check, as YYYY-MM-DD or dd/mm/yyyy (default: today).
        #[arg(long, value_parser = parse_day)]
        on: Option<Date>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },

    /// List placements or providers: id, a tab, name.
    List {
        /// What to list.
        #[arg(value_enum)]
        what: ListWhat,
        /// The register file.
        file: PathBuf,
    },

    /// Export the placement register, one row per placement.
    Export {
        /// The register file.
        file: PathBuf,
        /// Where to write the CSV.
        #[arg(long, value_name = "OUT")]
        csv: PathBuf,
    },

    /// Print a document as PDF: a QA checklist, a blank visit sheet, a
    /// personalised plan, a review record or the register summary.
    Print {
        /// Which document.
        #[arg(value_enum)]
        document: Document,
        /// The register file.
        file: PathBuf,
        /// The provider (ids as `ap-monitor list providers` prints them).
        #[arg(long)]
        provider: Option<ProviderId>,
        /// The placement (ids as `ap-monitor list placements` prints them).
        #[arg(long)]
        placement: Option<PlacementId>,
        /// Which review, counting from 1 in date order (default: the latest).
        #[arg(long)]
        review: Option<usize>,
        /// Where to write the PDF.
        #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
        output: PathBuf,
    },

    /// Load a register and save it back in the current format.
    Resave {
        /// The register file.
        file: PathBuf,
    },
}

/// Output formats for `due`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Grouped lines for people.
    Text,
    /// Comma-separated values with a header.
    Csv,
}

/// Documents `print` makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Document {
    /// A provider's latest completed QA checklist (--provider).
    Checklist,
    /// A blank QA visit sheet for a provider (--provider).
    Blank,
    /// A placement's personalised plan (--placement).
    Plan,
    /// A placement's review record (--placement, --review).
    Review,
    /// The register summary for an inspector or the LA.
    Register,
}

/// Record kinds for `list`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListWhat {
    /// Placements.
    Placements,
    /// Providers.
    Providers,
}

/// Exit status when a register cannot be read.
pub const EXIT_UNREADABLE: u8 = 2;

/// A failure that decides the exit status.
#[derive(Debug)]
pub enum Failure {
    /// The register file could not be loaded (exit 2).
    Unreadable(LoadError),
    /// Anything else (exit 1).
    Other(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(err: anyhow::Error) -> Self {
        Self::Other(err)
    }
}

impl Failure {
    /// Prints the failure and gives the exit status.
    pub fn report(&self) -> ExitCode {
        match self {
            Self::Unreadable(err) => {
                eprintln!("error: {err}");
                ExitCode::from(EXIT_UNREADABLE)
            }
            Self::Other(err) => {
                eprintln!("error: {err:#}");
                ExitCode::FAILURE
            }
        }
    }
}

/// Runs a headless job.
pub fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Sample {
            placements,
            seed,
            output,
        } => sample(placements, seed, &output),
        Command::Check { file } => inspect::check(&file),
        Command::Due { file, on, format } => due::due(&file, on.unwrap_or_else(today), format),
        Command::List { what, file } => inspect::list(&file, what),
        Command::Export { file, csv } => export::export(&file, &csv),
        Command::Print {
            document,
            file,
            provider,
            placement,
            review,
            output,
        } => {
            let selection = print::Selection {
                provider,
                placement,
                review,
            };
            print::print(document, &file, &selection, &output)
        }
        Command::Resave { file } => resave(&file),
    }
}

/// Loads a register, marking a failure as "unreadable" for the exit code.
pub(crate) fn load(file: &Path) -> Result<Register, Failure> {
    storage::load(file).map_err(Failure::Unreadable)
}

/// Today in the computer's time zone.
pub fn today() -> Date {
    jiff::Zoned::now().date()
}

fn parse_day(text: &str) -> Result<Date, String> {
    crate::model::dates::parse_date(text)
}

fn sample(placements: usize, seed: u64, output: &Path) -> Result<(), Failure> {
    let register = crate::sample::generate(placements, seed);
    storage::save(output, &register)
        .with_context(|| format!("writing the sample register to {}", output.display()))?;
    println!(
        "wrote {} placements to {}",
        register.placements.len(),
        output.display()
    );
    Ok(())
}

fn resave(file: &Path) -> Result<(), Failure> {
    let register = load(file)?;
    storage::save(file, &register).context("saving the register back")?;
    println!(
        "saved {} in format {}",
        file.display(),
        register.format_version
    );
    Ok(())
}
