//! `ducha import LEDGER`: an Excel, WPS or CSV ledger (台账) as a board.

use crate::ledger::{import_file, ImportOptions, Imported, ReadError};
use crate::model::validate::Severity;
use crate::model::Lang;
use crate::store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `ducha import` was given.
#[derive(Debug, Clone)]
pub struct Args {
    /// The ledger file.
    pub ledger: PathBuf,
    /// Where to write the board (standard output without).
    pub output: Option<PathBuf>,
    /// Write the board even when rows had errors.
    pub force: bool,
    /// Sheet, year, language and today.
    pub options: ImportOptions,
}

/// Imports; 0 when a board was written, 1 when rows had errors, 2 when the file is unreadable.
pub fn run(args: &Args) -> ExitCode {
    let name = crate::model::text::sanitize(&args.ledger.display().to_string()).into_owned();
    let fallback = args.options.lang.unwrap_or_default();
    let imported = match import_file(&args.ledger, &args.options) {
        Ok(i) => i,
        // The store's message names the file itself.
        Err(ReadError::File(e)) => {
            super::say::err(&e.message(fallback));
            return ExitCode::from(2);
        }
        Err(e) => {
            let message = format!("{name}: {}", unreadable(&e, fallback));
            super::say::err(&crate::model::text::sanitize(&message));
            return ExitCode::from(2);
        }
    };
    let lang = imported.lang;
    for p in &imported.problems {
        super::say::err(&format!("{name}: {}", p.render(lang)));
    }
    let errors = imported
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = imported.problems.len() - errors;
    if errors > 0 && !args.force {
        super::say::err(&format!("{name}: {}", refused(errors, warnings, lang)));
        return ExitCode::from(1);
    }
    if let Err(message) = write(&imported, args.output.as_deref()) {
        super::say::err(&message);
        return ExitCode::from(2);
    }
    super::say::err(&format!(
        "{name}: {}",
        summary(&imported, warnings, args.output.as_deref())
    ));
    ExitCode::from(u8::from(errors > 0))
}

/// Writes the board to the file (through the one save, keeping a backup of what was there) or
/// to standard output (also for `-o -`).
fn write(imported: &Imported, output: Option<&Path>) -> Result<(), String> {
    match output.filter(|p| *p != Path::new("-")) {
        Some(path) => store::save(path, &imported.board, None)
            .map(|_| ())
            .map_err(|e| e.message(imported.lang)),
        None => std::io::stdout()
            .lock()
            .write_all(store::to_yaml(&imported.board).as_bytes())
            .map_err(|e| e.to_string()),
    }
}

fn unreadable(e: &ReadError, lang: Lang) -> String {
    match (e, lang) {
        (ReadError::File(e), _) => e.message(lang),
        (ReadError::Empty, Lang::Zh) => "文件为空".to_string(),
        (ReadError::Empty, Lang::En) => "the file is empty".to_string(),
        (ReadError::Damaged(m), Lang::Zh) => {
            format!("不是可读的 Excel/WPS 表格（已损坏、已加密或格式不支持）：{m}")
        }
        (ReadError::Damaged(m), Lang::En) => {
            format!("not a readable spreadsheet (damaged, encrypted or another format): {m}")
        }
        (ReadError::NoSuchSheet { name, have }, Lang::Zh) => {
            format!("没有名为“{name}”的工作表；有：{}", have.join("、"))
        }
        (ReadError::NoSuchSheet { name, have }, Lang::En) => {
            format!("no sheet named \"{name}\"; there are: {}", have.join(", "))
        }
    }
}

fn refused(errors: usize, warnings: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{errors} 个错误，{warnings} 个警告；未写入看板（改正后重新导入，或加 --force 跳过有错的行）"),
        Lang::En => format!("{errors} error(s), {warnings} warning(s); no board written (fix the cells and import again, or use --force to leave the rows with errors out)"),
    }
}

fn summary(i: &Imported, warnings: usize, output: Option<&Path>) -> String {
    let b = &i.board;
    let to = output.filter(|p| *p != Path::new("-")).map_or_else(
        || {
            i.lang
                .pick("输出到标准输出", "written to standard output")
                .to_string()
        },
        |p| format!("{}{}", i.lang.pick("已写入 ", "written to "), p.display()),
    );
    match i.lang {
        Lang::Zh => format!(
            "从工作表“{}”导入 {} 项任务、{} 个阶段、{} 个单位，{warnings} 个警告，{to}（阶段起止日期按任务时限推算，请核对）",
            i.sheet, b.tasks.len(), b.phases.len(), b.units.len()
        ),
        Lang::En => format!(
            "imported {} tasks, {} phases, {} units from sheet \"{}\", {warnings} warning(s), {to} (phase dates are taken from the tasks' deadlines: check them)",
            b.tasks.len(), b.phases.len(), b.units.len(), i.sheet
        ),
    }
}
