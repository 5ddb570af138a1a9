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
    let mut file = AtomicWriteFile::options().open(path)?;
    file.write_all(bytes)?;
    file.commit()
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
    let current = match std::fs::read(path) {
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
        write_atomic(&backup_path(path), old).map_err(|e| SaveError::Io(backup_path(path), e))?;
    }
    write_atomic(path, text.as_bytes()).map_err(io)?;
    Ok(new)
}
