//! The board's lock: one writer at a time, across every program that saves it.
//!
//! An advisory lock (`flock`) on `FILE.lock` beside the board, so that the check of what is on
//! disk and the replacing of it are one step for every ducha process, `fmt` included. The lock
//! file is never removed: removing it would let two writers lock two different files.

use std::fs::File;
use std::os::fd::AsRawFd;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Held while a board is read and written; released when dropped.
#[derive(Debug)]
pub struct BoardLock {
    _file: File,
}

/// Where the lock of `board` lives.
pub fn lock_path(board: &Path) -> PathBuf {
    let mut s = board.as_os_str().to_owned();
    s.push(".lock");
    PathBuf::from(s)
}

/// Waits for and takes the lock of `board` (the file a save finally writes).
pub fn lock(board: &Path) -> std::io::Result<BoardLock> {
    let path = lock_path(board);
    // Readable by whoever may read the board: a reader who cannot write it never saves anyway.
    let mode = std::fs::metadata(board).map_or(0o644, |m| m.permissions().mode() & 0o666);
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(mode)
        .open(&path)
        // Someone else's lock file that this user may only read still locks.
        .or_else(|_| File::open(&path))?;
    loop {
        // SAFETY: flock on a descriptor this function owns.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
            return Ok(BoardLock { _file: file });
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// Whether `name` is a temporary file that a save of the board `board_name` (or of its backup)
/// leaves behind when killed: `.NAME.XXXXXX` or `.NAME.bak.XXXXXX`.
fn is_leftover(name: &str, board_name: &str) -> bool {
    let Some(rest) = name
        .strip_prefix('.')
        .and_then(|n| n.strip_prefix(board_name))
        .and_then(|n| n.strip_prefix('.'))
    else {
        return false;
    };
    let suffix = rest.strip_prefix("bak.").unwrap_or(rest);
    suffix.len() == 6 && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Removes temporary files that killed saves left beside `board`; call with the lock held, when
/// no save can be under way. Returns how many were removed.
pub fn clean_leftovers(board: &Path) -> usize {
    let Some(name) = board.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return 0;
    };
    let dir = board
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok())
        .filter(|e| is_leftover(&e.file_name().to_string_lossy(), &name))
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_saves_own_temporaries_count_as_leftovers() {
        assert!(is_leftover(".b.yaml.Ab12cd", "b.yaml"));
        assert!(is_leftover(".b.yaml.bak.Zz0099", "b.yaml"));
        assert!(!is_leftover(".b.yaml.alice.12.recovery.Ab12cd", "b.yaml"));
        assert!(!is_leftover(".b.yaml.Ab12c", "b.yaml"));
        assert!(!is_leftover("b.yaml.Ab12cd", "b.yaml"));
        assert!(!is_leftover(".c.yaml.Ab12cd", "b.yaml"));
    }
}
