//! `ducha rollup`: many boards summed, as Markdown or JSON, or in the interactive table.

use super::RollupFormat;
use crate::rollup::{collect, json, markdown, Source};
use chrono::NaiveDate;
use std::path::Path;
use std::process::ExitCode;

/// Runs the roll-up; exit 1 when a board had to be left out, 2 when output failed.
pub fn run(
    sources: &[String],
    today: NaiveDate,
    format: Option<RollupFormat>,
    output: Option<&Path>,
) -> ExitCode {
    let sources: Vec<Source> = sources.iter().map(|s| Source::parse(s)).collect();
    let Some(format) = format else {
        return crate::tui::rollup::run(sources, today);
    };
    let r = collect(&sources, today);
    let text = match format {
        RollupFormat::Md => markdown(&r),
        RollupFormat::Json => json(&r),
    };
    match output {
        Some(path) => {
            if let Err(e) = crate::store::write_atomic(path, text.as_bytes()) {
                super::say::err(&format!("{}: {e}", path.display()));
                return ExitCode::from(2);
            }
        }
        None if matches!(format, RollupFormat::Md) => super::say::text(&text),
        None => print!("{text}"),
    }
    for b in r.boards.iter().filter(|b| b.figures.is_err()) {
        let why = b.figures.as_ref().err().map_or("", String::as_str);
        super::say::err(&format!("{}: {why}", b.source));
    }
    if r.boards.iter().any(|b| b.figures.is_err()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
