//! Recovery files: unsaved changes kept beside the board after every change, one file per user.
//!
//! The file is the board in canonical form after a first comment line naming the content of the
//! board file it was based on, so a restore can tell whether someone saved in the meantime. Each
//! user has their own file, so one person's save never removes another's unsaved work.

use super::{to_yaml, write_beside, DiskStamp};
use crate::model::Board;
use std::path::{Path, PathBuf};

const HEADER: &str = "# ducha recovery; base ";

/// Where `user`'s unsaved changes to `path` are kept: `FILE.USER.recovery` beside it.
///
/// Characters that do not belong in a file name are left out of the user part.
pub fn recovery_path(path: &Path, user: &str) -> PathBuf {
    let user: String = user
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    let user = if user.trim_matches('.').is_empty() {
        "user".to_string()
    } else {
        user
    };
    let mut s = path.as_os_str().to_owned();
    s.push(format!(".{user}.recovery"));
    PathBuf::from(s)
}

/// Writes the unsaved board, noting the file content it was based on.
pub fn write_recovery(
    path: &Path,
    user: &str,
    board: &Board,
    base: Option<DiskStamp>,
) -> std::io::Result<()> {
    let base = base.map_or_else(
        || "none".to_string(),
        |b| format!("{}:{:016x}", b.len, b.hash),
    );
    let text = format!("{HEADER}{base}\n{}", to_yaml(board));
    write_beside(path, &recovery_path(path, user), text.as_bytes())
}

/// Removes the user's recovery file if there is one.
pub fn remove_recovery(path: &Path, user: &str) -> std::io::Result<()> {
    match std::fs::remove_file(recovery_path(path, user)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// What a recovery file holds.
#[derive(Debug)]
pub enum Pending {
    /// Unsaved changes, and the file content they were based on.
    Changes(Box<Board>, Option<DiskStamp>),
    /// A file that could not be read as a board; it was moved to this path so nothing overwrites it.
    MovedAside(PathBuf),
}

/// The user's recovery file, if there is one.
///
/// Offered whatever the times of the two files: a board saved by someone else after the
/// connection dropped is newer, and the unsaved changes still matter (the base stamp then routes
/// the save through the conflict question).
pub fn pending_recovery(path: &Path, user: &str) -> Option<Pending> {
    let rec = recovery_path(path, user);
    let text = std::fs::read_to_string(&rec).ok()?;
    let base = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix(HEADER))
        .and_then(|b| {
            let (len, hash) = b.split_once(':')?;
            Some(DiskStamp {
                len: len.parse().ok()?,
                hash: u64::from_str_radix(hash, 16).ok()?,
            })
        });
    match super::parse(&text) {
        Ok(p) if !crate::model::validate::has_errors(&p.diagnostics) => {
            Some(Pending::Changes(Box::new(p.board), base))
        }
        _ => {
            let mut aside = rec.clone().into_os_string();
            aside.push(".unreadable");
            let aside = PathBuf::from(aside);
            std::fs::rename(&rec, &aside).ok()?;
            Some(Pending::MovedAside(aside))
        }
    }
}
