//! `ducha export BOARD`: the board as the office's ledger (台账), `.xlsx` or CSV.

use crate::ledger::{export_csv, export_xlsx};
use crate::model::Board;
use crate::report::Scope;
use crate::store;
use chrono::NaiveDate;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What to write, by the output's name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// An `.xlsx` workbook at this path.
    Xlsx(PathBuf),
    /// A CSV file at this path.
    Csv(PathBuf),
    /// CSV on standard output (`-o -`).
    Stdout,
}

impl Target {
    /// `-o` as given; without it, `BOARD.xlsx` in the current folder.
    fn of(output: Option<&Path>, board: &Path) -> Option<Target> {
        let Some(out) = output else {
            let stem = board.file_stem().unwrap_or_default();
            return Some(Target::Xlsx(PathBuf::from(stem).with_extension("xlsx")));
        };
        if out == Path::new("-") {
            return Some(Target::Stdout);
        }
        let ext = out
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("xlsx") => Some(Target::Xlsx(out.to_path_buf())),
            Some("csv") => Some(Target::Csv(out.to_path_buf())),
            _ => None,
        }
    }
}

/// Writes the ledger; a board with errors, an unknown scope or output kind is refused.
pub fn run(path: &Path, output: Option<&Path>, today: NaiveDate, scope: Scope) -> ExitCode {
    let name = crate::model::text::sanitize(&path.display().to_string()).into_owned();
    let loaded = match super::load::valid_board(path) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let board = &loaded.parsed.board;
    let lang = board.lang();
    if let Some(message) = scope_problem(board, &scope) {
        super::say::err(&format!("{name}: {message}"));
        return ExitCode::from(2);
    }
    let Some(target) = Target::of(output, path) else {
        super::say::err(&format!(
            "{name}: {}",
            lang.pick(
                "输出文件应以 .xlsx 或 .csv 结尾（或用 -o - 输出 CSV 到标准输出）",
                "the output should end in .xlsx or .csv (or -o - for CSV on standard output)"
            )
        ));
        return ExitCode::from(2);
    };
    match write(board, today, &scope, &target) {
        Ok(()) => {
            if let Target::Xlsx(p) | Target::Csv(p) = &target {
                super::say::err(&format!(
                    "{}{}",
                    lang.pick("已导出：", "exported: "),
                    p.display()
                ));
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            super::say::err(&message);
            ExitCode::from(2)
        }
    }
}

/// A phase or unit of the scope that the board does not have, as the report says it.
fn scope_problem(board: &Board, scope: &Scope) -> Option<String> {
    let lang = board.lang();
    if let Some(p) = scope
        .phase
        .as_ref()
        .filter(|p| board.phase_index(p).is_none())
    {
        return Some(format!(
            "{}{p}",
            lang.pick("没有这个阶段：", "no such phase: ")
        ));
    }
    let known = |u: &String| {
        board.units.iter().any(|x| &x.id == u) || board.tasks.iter().any(|t| t.lead == u)
    };
    scope
        .unit
        .as_ref()
        .filter(|u| !known(u))
        .map(|u| format!("{}{u}", lang.pick("没有这个单位：", "no such unit: ")))
}

fn write(board: &Board, today: NaiveDate, scope: &Scope, target: &Target) -> Result<(), String> {
    let lang = board.lang();
    let failed = |p: &Path, e: std::io::Error| {
        format!(
            "{}: {}{e}",
            p.display(),
            lang.pick("写入失败：", "cannot write: ")
        )
    };
    match target {
        Target::Xlsx(p) => {
            let bytes = export_xlsx(board, today, scope).map_err(|e| e.message(lang))?;
            store::write_atomic(p, &bytes).map_err(|e| failed(p, e))
        }
        Target::Csv(p) => store::write_atomic(p, export_csv(board, today, scope).as_bytes())
            .map_err(|e| failed(p, e)),
        Target::Stdout => std::io::stdout()
            .lock()
            .write_all(export_csv(board, today, scope).as_bytes())
            .map_err(|e| e.to_string()),
    }
}
