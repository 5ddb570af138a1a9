//! Recovery files: unsaved changes kept beside the board after every change, one file per session.
//!
//! The file is the board in canonical form after a first comment line naming the content of the
//! board file it was based on, so a restore can tell whether someone saved in the meantime; then
//! a journal of the changes made since (see `journal`), appended as they happen. Each
//! session (user and process) has its own file, so one person's save never removes another's
//! unsaved work, and two windows of the same person do not overwrite each other's.

use super::{to_yaml, write_beside, DiskStamp};
use crate::model::Board;
use std::path::{Path, PathBuf};

const HEADER: &str = "# ducha recovery; base ";
/// Names the writing process beyond its pid: boot and start time, so a pid reused after a reboot
/// or by another program never passes for the session that wrote the file.
const SESSION: &str = "; session ";

/// The user part of a file name: characters that do not belong in one are left out.
fn user_part(user: &str) -> String {
    let user: String = user
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    if user.is_empty() {
        "user".to_string()
    } else {
        user
    }
}

/// Where a session's unsaved changes to `path` are kept: `FILE.USER.SESSION.recovery` beside it.
pub fn recovery_path(path: &Path, user: &str, session: u32) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(format!(".{}.{session}.recovery", user_part(user)));
    PathBuf::from(s)
}

/// Writes the session's unsaved board, noting the file content it was based on.
pub fn write_recovery(
    path: &Path,
    user: &str,
    session: u32,
    board: &Board,
    base: Option<DiskStamp>,
) -> std::io::Result<()> {
    let base = base.map_or_else(|| "none".to_string(), |b| b.written());
    let who = process_identity(session).map_or_else(String::new, |p| format!("{SESSION}{p}"));
    let text = format!("{HEADER}{base}{who}\n{}", to_yaml(board));
    write_beside(path, &recovery_path(path, user, session), text.as_bytes())
}

/// Appends changes made since the file was last written, flushed to disk: the cost is the size
/// of the changes, whatever the size of the board. Fails when there is no file to append to.
pub fn append_recovery(
    path: &Path,
    user: &str,
    session: u32,
    changes: &[crate::model::Change],
) -> std::io::Result<()> {
    super::journal::append(&recovery_path(path, user, session), changes)
}

/// Removes a recovery file if it is there.
pub fn remove_file_if_there(file: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(file) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// What a recovery file left by an ended session holds.
#[derive(Debug)]
pub enum Pending {
    /// Unsaved changes, the file content they were based on, and the recovery file itself.
    Changes(Box<Board>, Option<DiskStamp>, PathBuf),
    /// A file that could not be read as a board; it was moved to this path so nothing overwrites it.
    MovedAside(PathBuf),
}

/// The boot this machine is in, and a process's start time in clock ticks since that boot.
fn process_identity(pid: u32) -> Option<String> {
    let boot = std::fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces): state is the 1st, start time the 20th.
    let (_, rest) = stat.rsplit_once(')')?;
    let start = rest.split_whitespace().nth(19)?;
    Some(format!("{} {start}", boot.trim()))
}

/// Whether the process `pid` is still running (another window still editing). `written_by` is
/// the identity its file recorded: a different process with the same pid is not that session.
///
/// A process that has exited but not yet been reaped (a zombie, as a hung-up session can be for
/// a while) is not editing anything, so it counts as ended.
fn running(pid: u32, written_by: Option<&str>) -> bool {
    if let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the command name, which is in parentheses and may contain spaces.
        let zombie = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            == Some("Z");
        let same = written_by.is_none_or(|w| process_identity(pid).as_deref() == Some(w));
        return !zombie && same;
    }
    if std::path::Path::new("/proc/self/stat").exists() {
        return false;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = i32::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists; nothing is sent.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

/// The identity of the session that wrote a recovery file, from its first line.
fn written_by(file: &Path) -> Option<String> {
    use std::io::BufRead;
    let mut first = String::new();
    std::io::BufReader::new(std::fs::File::open(file).ok()?)
        .read_line(&mut first)
        .ok()?;
    let (_, who) = first.trim_end().split_once(SESSION)?;
    Some(who.to_string())
}

/// The user's newest recovery file left by a session that has ended (or by this one), if any.
///
/// Offered whatever the times of the files: a board saved by someone else after the connection
/// dropped is newer, and the unsaved changes still matter (the base stamp then routes the save
/// through the conflict question).
pub fn pending_recovery(path: &Path, user: &str, session: u32) -> Option<Pending> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let prefix = format!(
        "{}.{}.",
        path.file_name()?.to_string_lossy(),
        user_part(user)
    );
    let rec = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let pid: u32 = name
                .strip_prefix(&prefix)?
                .strip_suffix(".recovery")?
                .parse()
                .ok()?;
            let ended = pid == session || !running(pid, written_by(&e.path()).as_deref());
            let modified = e.metadata().and_then(|m| m.modified()).ok()?;
            ended.then_some((modified, e.path()))
        })
        .max()?
        .1;
    let text = std::fs::read_to_string(&rec).ok()?;
    let base = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix(HEADER))
        .map(|b| b.split(SESSION).next().unwrap_or(b))
        .and_then(DiskStamp::read);
    let (board, records) = super::journal::split(&text);
    match super::parse(board) {
        Ok(mut p) if !crate::model::validate::has_errors(&p.diagnostics) => {
            super::journal::replay(&mut p.board, records);
            Some(Pending::Changes(Box::new(p.board), base, rec))
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
