//! `ducha notice FILE`: reminder notices (催办单) to units with overdue or due-soon tasks, and a
//! 催办 entry on each task concerned, saved like any other change (under the lock, merged with
//! others' saves, the file edited in place so its comments stay).

use super::{say, NoticeFormat};
use crate::model::text::printable_path;
use crate::model::{Board, Lang, Stamp};
use crate::notice::{self, Notice};
use crate::store::{self, Comments, SaveOutcome};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `ducha notice` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// `--unit` as typed (ids or names); empty: every unit concerned.
    pub units: Vec<String>,
    /// Markdown or Word.
    pub format: NoticeFormat,
    /// The folder to write into.
    pub output: Option<PathBuf>,
    /// The reply date, if not the default.
    pub reply_by: Option<NaiveDate>,
    /// Who is recorded in the 催办 entries.
    pub user: String,
    /// Write without recording.
    pub dry_run: bool,
}

/// Writes the notices and records them; a board with errors is refused with its errors.
pub fn run(path: &Path, today: NaiveDate, opts: Options) -> ExitCode {
    let name = printable_path(path);
    let loaded = match super::load::valid_board(path) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let board = &loaded.parsed.board;
    let lang = board.lang();
    let units = match super::scope::units(board, &opts.units) {
        Ok(u) => u,
        Err(msg) => {
            say::err(&format!("{name}: {msg}"));
            return ExitCode::from(2);
        }
    };
    let reply_by = opts
        .reply_by
        .unwrap_or_else(|| notice::default_reply_by(today));
    let notices = notice::notices(board, &units, today, reply_by);
    if notices.is_empty() {
        say::err(&format!(
            "{name}: {}",
            lang.pick(
                "没有需要催办的单位（无逾期或即将到期的任务）",
                "no unit has overdue or due-soon tasks; no notice written"
            )
        ));
        return ExitCode::SUCCESS;
    }
    if let Err(code) = deliver(board, &notices, &opts) {
        return code;
    }
    if opts.dry_run {
        return ExitCode::SUCCESS;
    }
    record(path, &loaded, &notices, today, &opts.user)
}

/// Prints the Markdown notices, or writes one file per unit into the folder.
fn deliver(board: &Board, notices: &[Notice], opts: &Options) -> Result<(), ExitCode> {
    let lang = board.lang();
    let dir = match (&opts.output, opts.format) {
        (Some(d), _) => d.clone(),
        (None, NoticeFormat::Docx) => PathBuf::from("."),
        (None, NoticeFormat::Md) => {
            let texts: Vec<String> = notices.iter().map(|n| notice::md(board, n)).collect();
            say::text(&texts.join("\n---\n\n"));
            return Ok(());
        }
    };
    let failed = |p: &Path, e: &dyn std::fmt::Display| {
        say::err(&format!(
            "{}: {}{e}",
            printable_path(p),
            lang.pick("无法写入：", "cannot write: ")
        ));
        ExitCode::from(1)
    };
    std::fs::create_dir_all(&dir).map_err(|e| failed(&dir, &e))?;
    for n in notices {
        let (bytes, ext) = match opts.format {
            NoticeFormat::Md => (notice::md(board, n).into_bytes(), "md"),
            NoticeFormat::Docx => (
                notice::docx(board, n).map_err(|e| failed(&dir, &e))?,
                "docx",
            ),
        };
        let file = dir.join(notice::file_name(board, n, ext));
        std::fs::write(&file, bytes).map_err(|e| failed(&file, &e))?;
        say::err(&format!(
            "{}{}",
            lang.pick("已写入 ", "written to "),
            printable_path(&file)
        ));
    }
    Ok(())
}

/// Appends the 催办 entries to the board file through the one save.
fn record(
    path: &Path,
    loaded: &store::Loaded,
    notices: &[Notice],
    today: NaiveDate,
    user: &str,
) -> ExitCode {
    let board = &loaded.parsed.board;
    let lang = board.lang();
    let at = Stamp::from_datetime(crate::tui::clock(Some(today)));
    let entries = notice::chase_entries(board, notices, &at, user);
    let mine = notice::with_entries(board, &entries);
    let outcome = store::save_merging(path, board, &mine, Some(loaded.disk), Comments::Keep);
    let name = printable_path(path);
    match outcome {
        Ok(SaveOutcome::Written(..)) => {
            say::err(&recorded(lang, entries.len(), &name));
            ExitCode::SUCCESS
        }
        Ok(SaveOutcome::Clashes(..)) => {
            say::err(&format!(
                "{name}: {}",
                lang.pick(
                    "他人同时修改了看板，催办记录未保存；请重新运行",
                    "someone changed the board at the same time; the 催办 entries were not saved, run again"
                )
            ));
            ExitCode::from(1)
        }
        Err(e) => {
            say::err(&e.message(lang));
            ExitCode::from(1)
        }
    }
}

fn recorded(lang: Lang, n: usize, name: &str) -> String {
    match lang {
        Lang::Zh => format!("{name}: 已在 {n} 项任务上记录催办"),
        Lang::En => format!("{name}: a 催办 entry recorded on {n} task(s)"),
    }
}
