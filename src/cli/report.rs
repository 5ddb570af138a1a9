//! `ducha report FILE`: the meeting report in Markdown, CSV, JSON or Word.

use super::say;
use super::Format;
use crate::model::text::printable_path;
use crate::report::{self, Report, Scope};
use chrono::NaiveDate;
use std::path::Path;
use std::process::ExitCode;

/// What `ducha report` was asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Output format.
    pub format: Format,
    /// `--phase` as typed (an id or a number).
    pub phase: Option<String>,
    /// `--unit` as typed (an id or a name).
    pub unit: Option<String>,
    /// `--since`: also report what changed since this date.
    pub since: Option<NaiveDate>,
    /// `-o`: write to this file instead of standard output.
    pub output: Option<std::path::PathBuf>,
}

/// Prints (or writes) the report; a board with errors is refused with its errors.
pub fn run(path: &Path, today: NaiveDate, opts: Options) -> ExitCode {
    let name = printable_path(path);
    let loaded = match super::load::valid_board(path) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let board = &loaded.parsed.board;
    let lang = board.lang();
    let scope = match resolve(board, &opts) {
        Ok(s) => s,
        Err(msg) => {
            say::err(&format!("{name}: {msg}"));
            return ExitCode::from(2);
        }
    };
    let mut r = Report::new(board, today, scope);
    if let Some(from) = opts.since {
        r = r.since(from);
    }
    let written = match opts.format {
        Format::Md => report::md(&r).into_bytes(),
        Format::Csv => report::csv(&r).into_bytes(),
        Format::Json => report::json(&r).into_bytes(),
        Format::Docx => match report::docx(&r) {
            Ok(bytes) => bytes,
            Err(e) => {
                say::err(&format!("{name}: {e}"));
                return ExitCode::from(1);
            }
        },
    };
    super::output::deliver(
        &written,
        opts.output.as_deref(),
        opts.format,
        lang,
        path,
        today,
    )
}

/// The scope for the typed `--phase` and `--unit`, or the message listing the valid ones.
fn resolve(board: &crate::model::Board, opts: &Options) -> Result<Scope, String> {
    Ok(Scope {
        phase: opts
            .phase
            .as_deref()
            .map(|p| super::scope::phase(board, p))
            .transpose()?,
        unit: opts
            .unit
            .as_deref()
            .map(|u| super::scope::unit(board, u))
            .transpose()?,
    })
}
