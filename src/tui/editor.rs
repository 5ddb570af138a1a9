//! Editing a note or a field in the user's own editor (`Ctrl-E`): the text goes into a private
//! temporary file, the terminal is handed to `$VISUAL` (else `$EDITOR`, else `vi`) and taken
//! back, and what the file holds then is the new text.

use super::term::{self, Term};
use crate::app::EditorFailure;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The editor command: `visual` if it names one, else `editor`, else `vi`, split on
/// whitespace so that it may carry arguments (`code --wait`, `nano -w`).
pub fn command(visual: Option<&str>, editor: Option<&str>) -> Vec<String> {
    [visual, editor]
        .into_iter()
        .flatten()
        .map(|c| c.split_whitespace().map(String::from).collect::<Vec<_>>())
        .find(|words| !words.is_empty())
        .unwrap_or_else(|| vec!["vi".to_string()])
}

/// The editor command the environment names.
fn from_env() -> Vec<String> {
    let var = |name| std::env::var(name).ok();
    command(var("VISUAL").as_deref(), var("EDITOR").as_deref())
}

/// A folder only this user can enter, holding the file being edited; removed when dropped,
/// whatever the editor left in it (a swap file, a backup).
struct Scratch {
    dir: PathBuf,
    file: PathBuf,
}

impl Scratch {
    /// A new folder (mode 0700) with `text` in a file of mode 0600, ending in a line end as
    /// editors keep text files.
    fn new(text: &str) -> std::io::Result<Scratch> {
        let dir = fresh_dir()?;
        let scratch = Scratch {
            file: dir.join("ducha.txt"),
            dir,
        };
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&scratch.file)?;
        if !text.is_empty() {
            f.write_all(text.as_bytes())?;
            f.write_all(b"\n")?;
        }
        f.sync_all()?;
        Ok(scratch)
    }

    /// The file's text: UTF-8 (a byte-order mark dropped), else GB18030, as an editor set up
    /// for GBK saves it.
    fn read(&self) -> std::io::Result<String> {
        Ok(crate::ledger::read::decode(&std::fs::read(&self.file)?))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Makes a folder of its own in the system's temporary folder; a name taken is never reused.
fn fresh_dir() -> std::io::Result<PathBuf> {
    let base = std::env::temp_dir();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut last = None;
    for n in 0..100u32 {
        let dir = base.join(format!("ducha-edit-{}-{nanos}-{n}", std::process::id()));
        match std::fs::DirBuilder::new().mode(0o700).create(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free name")))
}

/// Runs the editor on `file` with the terminal's input, and says how it ended.
fn run(words: &[String], file: &Path) -> Result<(), EditorFailure> {
    let shown = words.join(" ");
    let Some((program, args)) = words.split_first() else {
        return Err(EditorFailure::NotStarted {
            command: shown,
            error: std::io::Error::from(std::io::ErrorKind::NotFound).to_string(),
        });
    };
    let mut cmd = Command::new(program);
    cmd.args(args).arg(file);
    // The keys come from /dev/tty when standard input is not the terminal (see `hangup`).
    // SAFETY: isatty only inspects the descriptor.
    if unsafe { libc::isatty(0) } != 1 {
        if let Ok(tty) = std::fs::File::open("/dev/tty") {
            cmd.stdin(tty);
        }
    }
    let status = cmd.status().map_err(|e| EditorFailure::NotStarted {
        command: shown.clone(),
        error: e.to_string(),
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(EditorFailure::Failed {
            command: shown,
            status: status.code(),
        })
    }
}

/// Edits `text` with the editor `words` (a program and its arguments) on the terminal as it
/// is, and returns what the editor left.
pub fn edit_with(words: &[String], text: &str) -> Result<String, EditorFailure> {
    let file_error = |e: std::io::Error| EditorFailure::File(e.to_string());
    let scratch = Scratch::new(text).map_err(file_error)?;
    // Ctrl-C and Ctrl-\ in an editor that leaves them as signals are the editor's.
    let _handed = super::hangup::HandedOver::start();
    run(words, &scratch.file)?;
    scratch.read().map_err(file_error)
}

/// Takes the terminal back when dropped, on every way out of the editor but a panic (whose
/// hook has already left the full screen for good).
struct TakeBack;

impl Drop for TakeBack {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            // A terminal gone meanwhile is found by the event loop, as a hangup.
            let _ = term::resume();
        }
    }
}

/// Edits `text` in the user's editor: the full screen is left for it and, when there is a
/// terminal, taken back and drawn afresh afterwards.
pub fn edit(terminal: Option<&mut Term>, text: &str) -> Result<String, EditorFailure> {
    let words = from_env();
    let Some(terminal) = terminal else {
        return edit_with(&words, text);
    };
    let result = {
        // Errors only mean a terminal already gone, which the event loop finds.
        let _ = term::suspend();
        let _back = TakeBack;
        edit_with(&words, text)
    };
    // Whatever the editor drew is on the screen now: the next frame draws every cell.
    let _ = terminal.clear();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &[&str]) -> Vec<String> {
        s.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn visual_then_editor_then_vi_with_arguments_split() {
        assert_eq!(
            command(Some("code --wait"), Some("nano")),
            ["code", "--wait"]
        );
        assert_eq!(command(Some("  "), Some("nano  -w ")), ["nano", "-w"]);
        assert_eq!(command(None, Some("emacs -nw")), ["emacs", "-nw"]);
        assert_eq!(command(None, None), ["vi"]);
        assert_eq!(command(Some(""), Some("")), ["vi"]);
    }

    #[test]
    fn the_editor_gets_the_text_in_a_private_file_and_its_changes_come_back() {
        // The script checks the file's and folder's modes and writes two lines of its own.
        let script = "test \"$(stat -c %a \"$1\")\" = 600 || exit 5; \
                      test \"$(stat -c %a \"$(dirname \"$1\")\")\" = 700 || exit 6; \
                      grep -qx '原来的进展' \"$1\" || exit 7; \
                      echo \"$1\" > \"$0\"; printf '第一行\\r\\n第二行\\n' > \"$1\"";
        let dir = tempfile::tempdir().unwrap();
        let seen = dir.path().join("seen");
        let cmd = words(&["sh", "-c", script, &seen.to_string_lossy()]);
        assert_eq!(
            edit_with(&cmd, "原来的进展"),
            Ok("第一行\r\n第二行\n".to_string())
        );
        let file = std::fs::read_to_string(&seen).unwrap();
        let file = Path::new(file.trim());
        assert!(!file.exists(), "the file is removed");
        assert!(!file.parent().unwrap().exists(), "and its folder");
    }

    #[test]
    fn an_editor_that_fails_or_cannot_start_says_so() {
        let failing = words(&["sh", "-c", "exit 3"]);
        assert_eq!(
            edit_with(&failing, "甲"),
            Err(EditorFailure::Failed {
                command: "sh -c exit 3".into(),
                status: Some(3)
            })
        );
        let missing = words(&["ducha-no-such-editor", "-w"]);
        match edit_with(&missing, "甲") {
            Err(EditorFailure::NotStarted { command, .. }) => {
                assert_eq!(command, "ducha-no-such-editor -w")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_file_saved_in_gbk_reads_back() {
        let (gbk, _, _) = encoding_rs::GBK.encode("督查进展\n");
        let hex: String = gbk.iter().map(|b| format!("\\{b:03o}")).collect();
        let cmd = words(&["sh", "-c", &format!("printf '{hex}' > \"$1\""), "sh"]);
        assert_eq!(edit_with(&cmd, ""), Ok("督查进展\n".to_string()));
    }
}
