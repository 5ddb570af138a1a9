//! The one save used by every command: under the board's lock, re-read the file, merge when
//! someone else saved meanwhile, back up, replace atomically keeping the file's mode and group.

use super::lock::{clean_leftovers, lock};
use super::{emit::to_yaml, DiskStamp};
use crate::model::merge::{merge, Merged};
use crate::model::validate::has_errors;
use crate::model::{Board, Lang};
use atomic_write_file::AtomicWriteFile;
use std::io::{ErrorKind, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Why a save did not happen. In every case the file on disk is as it was.
#[derive(Debug)]
pub enum SaveError {
    /// The file changed (or vanished) on disk since it was loaded; nothing was written.
    Conflict(PathBuf),
    /// Writing failed.
    Io(PathBuf, std::io::Error),
    /// This user may read the board but not write it.
    NotWritable(PathBuf),
    /// Someone else saved a version with errors, which cannot be merged with.
    BrokenOnDisk(PathBuf),
    /// The change could only be written by rewriting the whole file, which drops its comments;
    /// nothing was written.
    WouldDropComments(PathBuf),
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
            SaveError::NotWritable(p) => match lang {
                Lang::Zh => format!("{}: 你没有写入此文件的权限，未保存（可另存为）", p.display()),
                Lang::En => format!("{}: you may not write this file; not saved (save under another name)", p.display()),
            },
            SaveError::WouldDropComments(p) => match lang {
                Lang::Zh => format!("{}: 保存需要重写整个文件，会去掉其中的注释；未保存", p.display()),
                Lang::En => format!("{}: saving needs a rewrite of the whole file, which drops its comments; not saved", p.display()),
            },
            SaveError::BrokenOnDisk(p) => match lang {
                Lang::Zh => format!("{}: 磁盘上的文件已被他人改动且有错误，无法合并，未保存（可另存为）", p.display()),
                Lang::En => format!("{}: someone else saved a version with errors, which cannot be merged; not saved (save under another name)", p.display()),
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

/// Writes another version of the board at `board` (recovery file, backup) atomically, with the
/// board's mode and group, so a board only some may read is not copied for all to read.
pub fn write_beside(board: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let meta = std::fs::metadata(board).ok();
    write_atomic_with(path, bytes, meta.as_ref())
}

/// Writes a new file beside the board (a conflict copy, a copy saved under another name) with
/// the board's mode and group, never replacing a file already there.
pub fn write_new_beside(board: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let meta = std::fs::metadata(board).ok();
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.new", std::process::id()));
    let tmp = PathBuf::from(tmp);
    write_atomic_with(&tmp, bytes, meta.as_ref())?;
    // A hard link claims the name only if nobody has it, in one step.
    let linked = std::fs::hard_link(&tmp, path);
    let _ = std::fs::remove_file(&tmp);
    linked
}

/// Gives a new file the mode and group of `like`; the owner too where the process may.
fn keep_owner(file: &std::fs::File, like: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(like.mode() & 0o7777))?;
    let fd = file.as_raw_fd();
    // SAFETY: fchown on a descriptor owned by `file`.
    if unsafe { libc::fchown(fd, like.uid(), like.gid()) } != 0 {
        // Not the owner's to give away: the group (which office may write) still is, for a member.
        // SAFETY: as above; -1 leaves the owner as it is.
        unsafe { libc::fchown(fd, u32::MAX, like.gid()) };
    }
    // Changing the group may clear set-id bits: put the mode back.
    file.set_permissions(std::fs::Permissions::from_mode(like.mode() & 0o7777))
}

/// Like [`write_atomic`], giving the new file the mode and group of `like` when given.
fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    like: Option<&std::fs::Metadata>,
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
    if let Some(m) = like {
        keep_owner(file.as_file(), m)?;
    }
    file.write_all(bytes)?;
    file.commit()
}

/// Whether this process may write the file (false only when the system says no).
pub fn writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return true;
    };
    // SAFETY: access reads a NUL-terminated path.
    let r = unsafe { libc::access(c.as_ptr(), libc::W_OK) };
    r == 0 || std::io::Error::last_os_error().kind() == ErrorKind::NotFound
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

/// What a merging save did.
#[derive(Debug)]
pub enum SaveOutcome {
    /// Written; the stamp of what is now on disk, and the merged board when someone else's
    /// changes were merged in (None: the file now holds exactly the board given).
    Written(DiskStamp, Option<Box<Merged>>),
    /// Someone else changed the same fields differently: nothing was written. Their board and its
    /// stamp, to answer the clashes against and save again.
    Clashes(Box<Merged>, Box<Board>, DiskStamp),
}

/// Saves `board` to `path` in canonical form, taking the board's lock (what `fmt` does).
///
/// With `expected`, refuses when the file's content is no longer what was loaded. The previous
/// content goes to [`backup_path`] first. Returns the stamp of what is now on disk.
pub fn save(
    path: &Path,
    board: &Board,
    expected: Option<DiskStamp>,
) -> Result<DiskStamp, SaveError> {
    save_with(path, board, expected, Comments::MayDrop)
}

/// Like [`save`], refusing to drop the file's comments unless `comments` allows it.
pub fn save_with(
    path: &Path,
    board: &Board,
    expected: Option<DiskStamp>,
    comments: Comments,
) -> Result<DiskStamp, SaveError> {
    let target = link_target(path);
    let io = |e| SaveError::Io(path.to_path_buf(), e);
    let _lock = lock(&target).map_err(io)?;
    let current = read_current(path, &target)?;
    if let Some(exp) = expected {
        if current.as_deref().map(DiskStamp::of) != Some(exp) {
            return Err(SaveError::Conflict(path.to_path_buf()));
        }
    }
    let keeps = current
        .as_deref()
        .and_then(|c| std::str::from_utf8(c).ok())
        .is_some_and(super::has_comments);
    if keeps && comments == Comments::Keep {
        return Err(SaveError::WouldDropComments(path.to_path_buf()));
    }
    replace(path, &target, current.as_deref(), board, Edit::Rewrite)
}

/// Saves my board (`mine`, made from `base`, which the file held as `expected`), merging in what
/// others saved meanwhile. Writes nothing when changes clash.
pub fn save_merging(
    path: &Path,
    base: &Board,
    mine: &Board,
    expected: Option<DiskStamp>,
    comments: Comments,
) -> Result<SaveOutcome, SaveError> {
    let target = link_target(path);
    let io = |e| SaveError::Io(path.to_path_buf(), e);
    let _lock = lock(&target).map_err(io)?;
    let current = read_current(path, &target)?;
    let unchanged = match (&current, expected) {
        (Some(bytes), Some(exp)) => DiskStamp::of(bytes) == exp,
        _ => true,
    };
    if unchanged {
        let edit = Edit::Patch(base, comments);
        return replace(path, &target, current.as_deref(), mine, edit)
            .map(|s| SaveOutcome::Written(s, None));
    }
    let bytes = current.unwrap_or_default();
    let theirs = std::str::from_utf8(&bytes)
        .ok()
        .and_then(|t| super::parse(t).ok())
        .filter(|p| !has_errors(&p.diagnostics))
        .ok_or_else(|| SaveError::BrokenOnDisk(path.to_path_buf()))?
        .board;
    let merged = merge(base, mine, &theirs);
    if !merged.clashes.is_empty() {
        return Ok(SaveOutcome::Clashes(
            Box::new(merged),
            Box::new(theirs),
            DiskStamp::of(&bytes),
        ));
    }
    let stamp = replace(
        path,
        &target,
        Some(&bytes),
        &merged.board,
        Edit::Patch(&theirs, comments),
    )?;
    Ok(SaveOutcome::Written(stamp, Some(Box::new(merged))))
}

/// What the file holds now (None: it is not there), refusing when this user may not write it.
fn read_current(path: &Path, target: &Path) -> Result<Option<Vec<u8>>, SaveError> {
    if !writable(target) {
        return Err(SaveError::NotWritable(path.to_path_buf()));
    }
    match std::fs::read(target) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(SaveError::Io(path.to_path_buf(), e)),
    }
}

/// Whether a save may drop the file's comments when it cannot edit the file in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comments {
    /// Keep them: refuse such a save (the user is asked first).
    Keep,
    /// The user agreed to drop them.
    MayDrop,
}

/// How the new text is made.
enum Edit<'a> {
    /// The canonical form (`fmt`).
    Rewrite,
    /// An edit of the current text, which reads as this board; canonical when that fails.
    Patch(&'a Board, Comments),
}

/// The text to write for `board` over `current`.
fn new_text(
    path: &Path,
    current: Option<&[u8]>,
    board: &Board,
    edit: Edit,
) -> Result<String, SaveError> {
    let Edit::Patch(old, comments) = edit else {
        return Ok(to_yaml(board));
    };
    let Some(text) = current.and_then(|c| std::str::from_utf8(c).ok()) else {
        return Ok(to_yaml(board));
    };
    if let Some(patched) = super::patch::patch(text, old, board) {
        return Ok(patched);
    }
    if comments == Comments::Keep && super::has_comments(text) {
        return Err(SaveError::WouldDropComments(path.to_path_buf()));
    }
    Ok(to_yaml(board))
}

/// Backs up `current` and writes `board` in its place; call with the lock held.
fn replace(
    path: &Path,
    target: &Path,
    current: Option<&[u8]>,
    board: &Board,
    edit: Edit,
) -> Result<DiskStamp, SaveError> {
    let io = |e| SaveError::Io(path.to_path_buf(), e);
    let text = new_text(path, current, board, edit)?;
    let new = DiskStamp::of(text.as_bytes());
    if current == Some(text.as_bytes()) {
        return Ok(new);
    }
    // With the lock held no save is under way: any temporary file is a killed save's.
    clean_leftovers(target);
    // The new file replaces the old one by rename, so it would be the saver's: it gets the old
    // one's mode and group (and owner, where allowed) so colleagues keep their access.
    let meta = match std::fs::metadata(target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    if let (Some(old), Some(meta)) = (current, &meta) {
        // The backup holds the same text as the file, so it gets the same mode and group: a
        // board readable only by its office must not become readable by all through its backup.
        let bak = backup_path(path);
        write_atomic_with(&bak, old, Some(meta)).map_err(|e| SaveError::Io(bak, e))?;
    }
    write_atomic_with(target, text.as_bytes(), meta.as_ref()).map_err(io)?;
    Ok(new)
}
