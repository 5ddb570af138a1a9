//! Snapshots of boards already read, kept by the hash of the file's bytes, so that opening a
//! large board again costs no parsing.
//!
//! The YAML file stays the only source of truth: a snapshot is used only for exactly the bytes it
//! was made from (a 256-bit hash of them, with this program's version), and one that cannot be
//! read is ignored and replaced. Small boards parse faster than a snapshot is found, so only
//! files over [`MIN_BYTES`] get one. Snapshots live in `$XDG_CACHE_HOME/ducha` (else
//! `~/.cache/ducha`), readable by their owner only; `DUCHA_NO_CACHE=1` turns them off.

use super::{DiskStamp, Parsed};
use crate::model::validate::Diagnostic;
use crate::model::Board;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::PathBuf;

/// Files smaller than this are parsed every time (about 400 tasks).
pub const MIN_BYTES: usize = 128 * 1024;

/// At most this many snapshots are kept; the least recently used go first.
const MAX_FILES: usize = 24;

/// A temporary file older than this is one a killed program left; a write takes under a second.
const STALE: std::time::Duration = std::time::Duration::from_secs(600);

/// What a snapshot file says of itself, so one written by another version is never read as this
/// version's.
const FORMAT: &str = concat!("ducha snapshot 1, ", env!("CARGO_PKG_VERSION"));

/// What is kept: the result of reading the file.
#[derive(Serialize)]
struct Snapshot<'a> {
    format: &'a str,
    board: &'a Board,
    diagnostics: &'a [Diagnostic],
    has_comments: bool,
}

#[derive(Deserialize)]
struct Owned {
    format: String,
    board: Board,
    diagnostics: Vec<Diagnostic>,
    has_comments: bool,
}

/// The folder of snapshots, when there is a home for it.
fn folder() -> Option<PathBuf> {
    if std::env::var_os("DUCHA_NO_CACHE").is_some_and(|v| v == "1") {
        return None;
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .map(|h| h.join(".cache"))
        })?;
    Some(base.join("ducha"))
}

fn file_of(stamp: &DiskStamp) -> Option<PathBuf> {
    Some(folder()?.join(format!("{}.bin", stamp.hex())))
}

/// Whether a snapshot of the bytes `stamp` names is kept.
pub(super) fn has(stamp: &DiskStamp) -> bool {
    file_of(stamp).is_some_and(|f| f.is_file())
}

/// The board read from the bytes `stamp` names, if a snapshot of them is kept.
pub(super) fn get(stamp: &DiskStamp) -> Option<Parsed> {
    let file = file_of(stamp)?;
    if !mine(&file) {
        return None;
    }
    let bytes = std::fs::read(&file).ok()?;
    let Ok(owned) = postcard::from_bytes::<Owned>(&bytes) else {
        // Damaged or of another version: read the YAML, and a good snapshot replaces this one.
        let _ = std::fs::remove_file(&file);
        return None;
    };
    if owned.format != FORMAT {
        return None;
    }
    // Used now: the pruning keeps what is used.
    let _ = std::fs::File::open(&file).and_then(|f| f.set_modified(std::time::SystemTime::now()));
    Some(Parsed {
        board: owned.board,
        diagnostics: owned.diagnostics,
        has_comments: owned.has_comments,
    })
}

/// A snapshot still to be written of a board just read from its YAML: the board can be on
/// screen first, and the snapshot written beside it on the other core.
#[derive(Debug)]
pub struct SnapshotDue {
    stamp: DiskStamp,
    diagnostics: Vec<Diagnostic>,
    has_comments: bool,
}

impl SnapshotDue {
    /// The snapshot due for `parsed`, read from the bytes `stamp` names.
    pub(super) fn of(stamp: DiskStamp, parsed: &Parsed) -> SnapshotDue {
        SnapshotDue {
            stamp,
            diagnostics: parsed.diagnostics.clone(),
            has_comments: parsed.has_comments,
        }
    }

    /// Writes it, with the board that was read; failures only cost the next open a parse.
    pub fn write(self, board: &Board) {
        let _ = try_put(
            &self.stamp,
            &Snapshot {
                format: FORMAT,
                board,
                diagnostics: &self.diagnostics,
                has_comments: self.has_comments,
            },
        );
    }
}

fn try_put(stamp: &DiskStamp, snapshot: &Snapshot<'_>) -> Option<()> {
    let dir = folder()?;
    let file = file_of(stamp)?;
    std::fs::create_dir_all(&dir).ok()?;
    restrict(&dir, 0o700);
    let temp = dir.join(format!(".{}.{}.tmp", stamp.hex(), std::process::id()));
    let out = std::fs::File::create(&temp).ok()?;
    restrict(&temp, 0o600);
    // Written as it is encoded: a city's snapshot is never held whole in memory beside its board.
    let written = postcard::to_io(snapshot, std::io::BufWriter::new(out))
        .ok()
        .is_some_and(|mut w| w.flush().is_ok())
        && std::fs::rename(&temp, &file).is_ok();
    if !written {
        let _ = std::fs::remove_file(&temp);
        return None;
    }
    prune(&dir);
    Some(())
}

/// Whether the snapshot was written by this user: one another user could put there (a cache
/// folder shared by mistake) is not believed.
#[cfg(unix)]
fn mine(file: &std::path::Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    std::fs::symlink_metadata(file).is_ok_and(|m| m.is_file() && m.uid() == me)
}

#[cfg(not(unix))]
fn mine(file: &std::path::Path) -> bool {
    file.is_file()
}

#[cfg(unix)]
fn restrict(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn restrict(_: &std::path::Path, _: u32) {}

/// Removes the least recently used snapshots beyond [`MAX_FILES`], and temporary files a program
/// that was killed while writing one left behind.
fn prune(dir: &std::path::Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut kept: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let Some(modified) = e.metadata().ok().and_then(|m| m.modified().ok()) else {
            continue;
        };
        if name.ends_with(".bin") {
            kept.push((modified, e.path()));
        } else if name.ends_with(".tmp") && modified.elapsed().is_ok_and(|age| age > STALE) {
            let _ = std::fs::remove_file(e.path());
        }
    }
    if kept.len() <= MAX_FILES {
        return;
    }
    kept.sort();
    for (_, path) in &kept[..kept.len() - MAX_FILES] {
        let _ = std::fs::remove_file(path);
    }
}
