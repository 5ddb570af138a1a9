//! Where a rendered report goes: standard output, or a file (`-o`), and a Word document always to
//! a file, since its bytes are not text.

use super::{say, Format};
use crate::model::text::printable_path;
use crate::model::Lang;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The file a Word report goes to without `-o`: `BOARD-report-DATE.docx` in the current folder.
pub fn default_docx(board: &Path, today: NaiveDate) -> PathBuf {
    let stem = board
        .file_stem()
        .map_or_else(|| "board".into(), |s| s.to_string_lossy().into_owned());
    PathBuf::from(format!("{stem}-report-{today}.docx"))
}

/// Writes `bytes` to `output` (or prints them); a Word document without `-o` goes to
/// [`default_docx`]. Says where a file went on standard error.
pub fn deliver(
    bytes: &[u8],
    output: Option<&Path>,
    format: Format,
    lang: Lang,
    board: &Path,
    today: NaiveDate,
) -> ExitCode {
    let target = match (output, format) {
        (Some(p), _) => p.to_path_buf(),
        (None, Format::Docx) => default_docx(board, today),
        (None, _) => {
            say::text(&String::from_utf8_lossy(bytes));
            return ExitCode::SUCCESS;
        }
    };
    match std::fs::write(&target, bytes) {
        Ok(()) => {
            say::err(&format!(
                "{}{}",
                lang.pick("已写入 ", "written to "),
                printable_path(&target)
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            say::err(&format!(
                "{}: {}{e}",
                printable_path(&target),
                lang.pick("无法写入：", "cannot write: ")
            ));
            ExitCode::from(1)
        }
    }
}
