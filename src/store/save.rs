//! The one save used by every command: conflict check, backup, atomic replace.

use super::{emit::to_yaml, DiskStamp};
use crate::model::{Board, Lang};
use atomic_write_file::AtomicWriteFile;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// Why a save did not happen. In every case the file on disk is as it was.
#[derive(Debug)]
pub enum SaveError {
    /// The file changed (or vanished) on disk since it was loaded; nothing was written.
    Conflict(PathBuf),
    /// Writing failed.
    Io(PathBuf, std::io::Error),
}

impl SaveError {
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SaveError::Conflict(p) => match lang {
                Lang::Zh => format!("{}: 文件在打开后已被他人修改，未保存（不会覆盖）", p.display()),
                Lang::En => format!("{}: the file was changed by someone else since it was opened; not saved (nothing overwritten)", p.display()),
            },
            SaveError::Io(p, e) => match lang {
                Lang::Zh => format!("{}: 保存失败，原文件未改动: {e}", p.display()),
                Lang::En => format!("{}: save failed, the file is unchanged: {e}", p.display()),
            },
        }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Where the previous version of a board is kept: `FILE.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

/// Writes bytes to `path` atomically: temporary file in the same folder, fsync, rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, bytes, None)
}

/// Writes another version of the board at `board` (recovery file, conflict copy) atomically,
/// with the board's permissions, so a board only some may read is not copied for all to read.
pub fn write_beside(board: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let permissions = std::fs::metadata(board).ok().map(|m| m.permissions());
    write_atomic_with(path, bytes, permissions)
}

/// Like [`write_atomic`], giving the new file `permissions` when given.
fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> std::io::Result<()> {
    // The rename onto a folder would fail only after the temporary file got a name, and that
    // file would be left behind.
    if path.is_dir() {
        return Err(std::io::Error::new(
            ErrorKind::IsADirectory,
            "a folder is in the way",
        ));
    }
    let mut file = AtomicWriteFile::options().open(path)?;
    if let Some(p) = permissions {
        file.as_file().set_permissions(p)?;
    }
    file.write_all(bytes)?;
    file.commit()
}

/// The file a path finally names, following symbolic links even when the last one dangles.
///
/// Replacing the link itself would leave its target stale and put a new file (with the link's
/// permissions, which are 0777) in its place.
fn link_target(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    // The same bound as the kernel's, against loops.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(&p) {
                Ok(next) => {
                    p = match p.parent() {
                        Some(dir) => dir.join(next),
                        None => next,
                    };
                }
                Err(_) => break,
            },
            _ => break,
        }
    }
    p
}

/// Saves `board` to `path`.
///
/// With `expected`, refuses when the file's content is no longer what was loaded. The previous
/// content goes to [`backup_path`] first. Returns the stamp of what is now on disk.
pub fn save(
    path: &Path,
    board: &Board,
    expected: Option<DiskStamp>,
) -> Result<DiskStamp, SaveError> {
    let io = |e| SaveError::Io(path.to_path_buf(), e);
    let text = to_yaml(board);
    let target = link_target(path);
    let current = match std::fs::read(&target) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    if let Some(exp) = expected {
        if current.as_deref().map(DiskStamp::of) != Some(exp) {
            return Err(SaveError::Conflict(path.to_path_buf()));
        }
    }
    let new = DiskStamp::of(text.as_bytes());
    if current.as_deref() == Some(text.as_bytes()) {
        return Ok(new);
    }
    if let Some(old) = &current {
        // The backup holds the same text as the file, so it gets the same permissions: a board
        // readable only by its office must not become readable by all through its backup.
        let permissions = std::fs::metadata(&target).map_err(io)?.permissions();
        let bak = backup_path(path);
        write_atomic_with(&bak, old, Some(permissions)).map_err(|e| SaveError::Io(bak, e))?;
    }
    write_atomic(&target, text.as_bytes()).map_err(io)?;
    Ok(new)
}
