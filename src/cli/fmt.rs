//! `ducha fmt FILE`: validate and rewrite in canonical form through the one save.

use super::say;
use crate::model::text::printable_path;
use crate::model::validate::has_errors;
use crate::store;
use std::path::Path;
use std::process::ExitCode;

/// Formats the file in place; refuses a board with errors, which could not be written back whole.
pub fn run(path: &Path) -> ExitCode {
    let name = printable_path(path);
    let loaded = match store::load(path) {
        Ok(l) => l,
        Err(e) => {
            say::err(&e.message(Default::default()));
            return ExitCode::from(if e.is_unreadable() { 2 } else { 1 });
        }
    };
    let p = &loaded.parsed;
    let lang = p.board.lang();
    for d in &p.diagnostics {
        say::err(&d.render(&name, lang));
    }
    if has_errors(&p.diagnostics) {
        say::err(&format!(
            "{name}: {}",
            lang.pick("有错误，未格式化", "has errors; not formatted")
        ));
        return ExitCode::from(1);
    }
    let backup = printable_path(&store::backup_path(path));
    if p.has_comments {
        say::err(&format!(
            "{name}: {}{backup}",
            lang.pick(
                "注释不会保留；原文件（含注释）已备份到 ",
                "comments are not kept; the original with its comments is backed up to "
            )
        ));
    }
    match store::save(path, &p.board, Some(loaded.disk)) {
        Ok(new) if new == loaded.disk => {
            say::out(&format!(
                "{name}: {}",
                lang.pick("已是规范格式", "already canonical")
            ));
            ExitCode::SUCCESS
        }
        Ok(_) => {
            say::out(&format!(
                "{name}: {}{backup}",
                lang.pick("已格式化；备份：", "formatted; backup: ")
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            say::err(&e.message(lang));
            ExitCode::from(1)
        }
    }
}
