//! `ducha report FILE`: the meeting report in Markdown, CSV or JSON.

use super::Format;
use crate::model::validate::has_errors;
use crate::report::{self, Report, Scope};
use crate::store;
use chrono::NaiveDate;
use std::path::Path;
use std::process::ExitCode;

/// Prints the report; a board with errors is refused with its errors.
pub fn run(path: &Path, today: NaiveDate, format: Format, scope: Scope) -> ExitCode {
    let name = path.display().to_string();
    let loaded = match store::load(path) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{}", e.message(Default::default()));
            return ExitCode::from(if e.is_unreadable() { 2 } else { 1 });
        }
    };
    let board = &loaded.parsed.board;
    let lang = board.lang();
    if has_errors(&loaded.parsed.diagnostics) {
        for d in &loaded.parsed.diagnostics {
            eprintln!("{}", d.render(&name, lang));
        }
        return ExitCode::from(1);
    }
    if let Some(p) = &scope.phase {
        if board.phase_index(p).is_none() {
            eprintln!(
                "{name}: {}{p}",
                lang.pick("没有这个阶段：", "no such phase: ")
            );
            return ExitCode::from(2);
        }
    }
    if let Some(u) = &scope.unit {
        if !board.units.iter().any(|x| &x.id == u) && !board.tasks.iter().any(|t| &t.lead == u) {
            eprintln!(
                "{name}: {}{u}",
                lang.pick("没有这个单位：", "no such unit: ")
            );
            return ExitCode::from(2);
        }
    }
    let r = Report::new(board, today, scope);
    print!(
        "{}",
        match format {
            Format::Md => report::md(&r),
            Format::Csv => report::csv(&r),
            Format::Json => report::json(&r),
        }
    );
    ExitCode::SUCCESS
}
