//! Recovery files: unsaved changes kept beside the board after every change.
//!
//! The file is the board in canonical form after a first comment line naming the content of the
//! board file it was based on, so a restore can tell whether someone saved in the meantime.

use super::{to_yaml, write_beside, DiskStamp};
use crate::model::Board;
use std::path::{Path, PathBuf};

const HEADER: &str = "# ducha recovery; base ";

/// Where unsaved changes to `path` are kept: `FILE.recovery` beside it.
pub fn recovery_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".recovery");
    PathBuf::from(s)
}

/// Writes the unsaved board, noting the file content it was based on.
pub fn write_recovery(path: &Path, board: &Board, base: Option<DiskStamp>) -> std::io::Result<()> {
    let base = base.map_or_else(
        || "none".to_string(),
        |b| format!("{}:{:016x}", b.len, b.hash),
    );
    let text = format!("{HEADER}{base}\n{}", to_yaml(board));
    write_beside(path, &recovery_path(path), text.as_bytes())
}

/// Removes the recovery file if there is one.
pub fn remove_recovery(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(recovery_path(path)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// A recovery file's board and the base it was made from, if one exists and is newer than the board.
pub fn pending_recovery(path: &Path) -> Option<(Board, Option<DiskStamp>)> {
    let rec = recovery_path(path);
    let rec_time = std::fs::metadata(&rec).and_then(|m| m.modified()).ok()?;
    if let Ok(board_time) = std::fs::metadata(path).and_then(|m| m.modified()) {
        if board_time > rec_time {
            return None;
        }
    }
    let text = std::fs::read_to_string(&rec).ok()?;
    let base = text.lines().next()?.strip_prefix(HEADER).and_then(|b| {
        let (len, hash) = b.split_once(':')?;
        Some(DiskStamp {
            len: len.parse().ok()?,
            hash: u64::from_str_radix(hash, 16).ok()?,
        })
    });
    let parsed = super::parse(&text).ok()?;
    if crate::model::validate::has_errors(&parsed.diagnostics) {
        return None;
    }
    Some((parsed.board, base))
}
