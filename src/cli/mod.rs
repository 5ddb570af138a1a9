//! Command-line arguments and one module per subcommand.

mod check;
mod export;
mod fmt;
pub mod gen;
mod import;
pub mod keys;
mod load;
mod merge;
mod notice;
mod output;
pub mod pipe;
mod report;
mod rollup;
pub mod say;
mod scope;

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
    /// The date the overview counts changes from (default: seven days before today).
    #[arg(long, value_parser = parse_today, value_name = "YYYY-MM-DD")]
    pub since: Option<NaiveDate>,
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
    /// A Word document (.docx) in the style of official documents.
    Docx,
}

/// Formats of reminder notices.
#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum NoticeFormat {
    /// Markdown.
    #[default]
    Md,
    /// A Word document (.docx) in the style of official documents.
    Docx,
}

/// Roll-up output formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RollupFormat {
    /// Markdown, for the report upward.
    Md,
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
        /// Only this phase (its id or its number, from 1).
        #[arg(long)]
        phase: Option<String>,
        /// Only tasks this unit leads or partners in (its id or its name).
        #[arg(long)]
        unit: Option<String>,
        /// Also report what changed since this date (finished, newly overdue, extended, silent
        /// units, new tasks).
        #[arg(long, value_parser = parse_today, value_name = "YYYY-MM-DD")]
        since: Option<NaiveDate>,
        /// Write to this file instead of standard output (docx: default BOARD-report-DATE.docx).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write a reminder notice (催办单) to each unit with overdue or due-soon tasks, and record
    /// a 催办 entry on each task concerned.
    Notice {
        /// The board file.
        file: PathBuf,
        /// Only these units (id or name; repeat for several).
        #[arg(long)]
        unit: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = NoticeFormat::Md)]
        format: NoticeFormat,
        /// Folder to write one file per unit into (default: Markdown on standard output, Word
        /// files in the current folder).
        #[arg(short = 'o', long = "output", value_name = "DIR")]
        output: Option<PathBuf>,
        /// The date units are asked to reply by (default: three days after today).
        #[arg(long, value_parser = parse_today, value_name = "YYYY-MM-DD")]
        reply_by: Option<NaiveDate>,
        /// Name recorded in the 催办 entries (default: $DUCHA_USER, else the login name).
        #[arg(long)]
        user: Option<String>,
        /// Write the notices without recording 催办 entries in the board.
        #[arg(long)]
        dry_run: bool,
    },
    /// Import an Excel, WPS or CSV ledger (台账) as a board.
    ///
    /// Exit 0: a board was written (warnings allowed); 1: rows had errors (nothing written
    /// unless --force); 2: the file cannot be read.
    Import {
        /// The ledger: .xlsx, .xls, .ods or .csv (UTF-8 or GBK).
        ledger: PathBuf,
        /// The sheet to read (default: the first with a ledger's header).
        #[arg(long)]
        sheet: Option<String>,
        /// The year of dates written without one (default: from the title or 填报时间).
        #[arg(long, value_parser = clap::value_parser!(i32).range(1900..=2100))]
        year: Option<i32>,
        /// Language of the board and the messages (default: that of the column names).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Write the board to this file (keeping FILE.bak of what was there); default or `-`: standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Write the board even when rows had errors (those rows are left out).
        #[arg(long)]
        force: bool,
    },
    /// Export a board as the office's ledger: .xlsx (tasks, units ranked, overdue) or CSV.
    Export {
        /// The board file.
        board: PathBuf,
        /// OUT.xlsx or OUT.csv (`-` for CSV on standard output); default: BOARD.xlsx here.
        #[arg(short, long)]
        output: Option<PathBuf>,
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
        /// Show what changed since this date (default: seven days before today).
        #[arg(long, value_parser = parse_today, value_name = "YYYY-MM-DD")]
        since: Option<NaiveDate>,
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
    /// Sum many boards (files, folders of boards, git repositories) for a city's report.
    Rollup {
        /// Board files, folders of boards, or git repositories (`REPO[#BRANCH[:PATH]]`).
        #[arg(required = true)]
        sources: Vec<String>,
        /// Output format; without one, the interactive roll-up.
        #[arg(long, value_enum)]
        format: Option<RollupFormat>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print the keys in force, one binding a line: MODE<TAB>KEY<TAB>ACTION<TAB>DESCRIPTION.
    ///
    /// Keys are changed in $XDG_CONFIG_HOME/ducha/keys.toml (else ~/.config/ducha/keys.toml),
    /// per mode by action name, e.g. `[board]` then `move_right = ["l", "Right"]`. Exit 0; 1 when
    /// keys.toml has problems (each on stderr with its line; the defaults are then in force).
    Keys {
        /// Language of the descriptions (default zh).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
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
            since,
            output,
        }) => report::run(
            &file,
            today,
            report::Options {
                format,
                phase,
                unit,
                since,
                output,
            },
        ),
        Some(Command::Notice {
            file,
            unit,
            format,
            output,
            reply_by,
            user,
            dry_run,
        }) => notice::run(
            &file,
            today,
            notice::Options {
                units: unit,
                format,
                output,
                reply_by,
                user: recorded_user(user),
                dry_run,
            },
        ),
        Some(Command::Import {
            ledger,
            sheet,
            year,
            lang,
            output,
            force,
        }) => import::run(&import::Args {
            ledger,
            output,
            force,
            options: crate::ledger::ImportOptions {
                sheet,
                year,
                lang,
                today,
            },
        }),
        Some(Command::Export {
            board,
            output,
            phase,
            unit,
        }) => export::run(
            &board,
            output.as_deref(),
            today,
            crate::report::Scope { phase, unit },
        ),
        Some(Command::Merge { base, ours, theirs }) => merge::run(&base, &ours, &theirs),
        Some(Command::Gen { tasks, seed }) => gen::run(tasks, seed, cli.today),
        Some(Command::Keys { lang }) => keys::run(lang),
        Some(Command::Rollup {
            sources,
            format,
            output,
        }) => rollup::run(&sources, today, format, output.as_deref()),
        Some(Command::Present {
            file,
            interval,
            ascii,
            lang,
            since,
        }) => {
            let args = OpenArgs {
                file: Some(file),
                ascii,
                lang,
                since,
                ..Default::default()
            };
            crate::tui::present(args, cli.today, interval)
        }
        None => {
            let mut open = cli.open;
            open.user = Some(recorded_user(open.user.take()));
            crate::tui::run(open, cli.today)
        }
    }
}

/// The name the trail records: `--user`, else the environment's, cleaned like text read from a
/// board, so that no escape or bidirectional control reaches the file or the screen.
pub fn recorded_user(given: Option<String>) -> String {
    let name = crate::model::text::user_name(&given.unwrap_or_else(crate::tui::default_user));
    if name.is_empty() {
        "unknown".into()
    } else {
        name
    }
}
