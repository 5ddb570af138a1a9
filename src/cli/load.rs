//! Opening the board a command works on: one place that says why a file cannot be used.

use super::say;
use crate::model::text::printable_path;
use crate::model::validate::has_errors;
use crate::store::{self, Loaded};
use std::path::Path;
use std::process::ExitCode;

/// The board at `path` when it reads without errors; otherwise every problem is printed and the
/// exit status returned: 2 when the file cannot be read, 1 when it has errors.
pub fn valid_board(path: &Path) -> Result<Loaded, ExitCode> {
    let loaded = store::load(path).map_err(|e| {
        say::err(&e.message(Default::default()));
        ExitCode::from(if e.is_unreadable() { 2 } else { 1 })
    })?;
    if has_errors(&loaded.parsed.diagnostics) {
        let (name, lang) = (printable_path(path), loaded.parsed.board.lang());
        for d in &loaded.parsed.diagnostics {
            say::err(&d.render(&name, lang));
        }
        return Err(ExitCode::from(1));
    }
    Ok(loaded)
}
