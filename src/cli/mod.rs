//! Command-line arguments and one module per subcommand.

mod check;
mod fmt;
pub mod gen;
mod merge;
pub mod pipe;
mod report;

use crate::model::Lang;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// 督查 — a terminal progress board for campaign supervision.
#[derive(Debug, Parser)]
#[command(name = "ducha", version, about)]
pub struct Cli {
    /// A subcommand; without one, opens the board FILE.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options for opening a board.
    #[command(flatten)]
    pub open: OpenArgs,
    /// The date the board is seen on (YYYY-MM-DD); default: today.
    #[arg(long, global = true, value_parser = parse_today, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
}

/// Options of the interactive board.
#[derive(Debug, Args, Clone, Default)]
pub struct OpenArgs {
    /// The board file (without one, a picker of the boards in ./boards).
    pub file: Option<PathBuf>,
    /// Open without editing.
    #[arg(long)]
    pub read_only: bool,
    /// Name recorded in the progress log (default: $DUCHA_USER, else the login name).
    #[arg(long)]
    pub user: Option<String>,
    /// Draw with ASCII only (default when the locale is not UTF-8).
    #[arg(long)]
    pub ascii: bool,
    /// Interface language, overriding the board's.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

/// Report formats.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum Format {
    /// Markdown, for meeting minutes.
    #[default]
    Md,
    /// CSV sections, for spreadsheets.
    Csv,
    /// JSON, for other tools.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check board files; exit 0 when fine (warnings allowed), 1 with errors, 2 when unreadable.
    Check {
        /// Board files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Rewrite a board in canonical form (keeps FILE.bak).
    Fmt {
        /// The board file.
        file: PathBuf,
    },
    /// Print a progress report for a dispatch meeting.
    Report {
        /// The board file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
        /// Only this phase id.
        #[arg(long)]
        phase: Option<String>,
        /// Only tasks this unit id leads or partners in.
        #[arg(long)]
        unit: Option<String>,
    },
    /// Present the board on a projector: read-only slides that advance by themselves.
    Present {
        /// The board file.
        file: PathBuf,
        /// Seconds between slides.
        #[arg(long, default_value_t = crate::app::DEFAULT_INTERVAL)]
        interval: u64,
        /// Draw with ASCII only (default when the locale is not UTF-8).
        #[arg(long)]
        ascii: bool,
        /// Interface language, overriding the board's.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Merge two versions of a board with their common base into OURS (a git merge driver).
    ///
    /// In git: `ducha merge %O %A %B`. Exit 0: merged cleanly; 1: clashes, which OURS lists under
    /// `clashes` (our values kept); 2: a file is unreadable or has errors, OURS unchanged.
    Merge {
        /// The common ancestor (git's %O).
        base: PathBuf,
        /// Our version, replaced by the result (git's %A).
        ours: PathBuf,
        /// Their version (git's %B).
        theirs: PathBuf,
    },
    /// Write a generated board of N tasks to standard output.
    Gen {
        /// Number of tasks.
        #[arg(long)]
        tasks: usize,
        /// Random seed: the same seed gives the same board.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

fn parse_today(s: &str) -> Result<NaiveDate, String> {
    crate::store::parse_date(s).ok_or_else(|| format!("not a date (YYYY-MM-DD): {s}"))
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language {s} (zh or en)"))
}

/// The local date, or the one given with `--today`.
pub fn today(given: Option<NaiveDate>) -> NaiveDate {
    given.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Runs the command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let today = today(cli.today);
    match cli.command {
        Some(Command::Check { files }) => check::run(&files),
        Some(Command::Fmt { file }) => fmt::run(&file),
        Some(Command::Report {
            file,
            format,
            phase,
            unit,
        }) => report::run(&file, today, format, crate::report::Scope { phase, unit }),
        Some(Command::Merge { base, ours, theirs }) => merge::run(&base, &ours, &theirs),
        Some(Command::Gen { tasks, seed }) => gen::run(tasks, seed, cli.today),
        Some(Command::Present {
            file,
            interval,
            ascii,
            lang,
        }) => {
            let args = OpenArgs {
                file: Some(file),
                ascii,
                lang,
                ..Default::default()
            };
            crate::tui::present(args, cli.today, interval)
        }
        None => crate::tui::run(cli.open, cli.today),
    }
}
