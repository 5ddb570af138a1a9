//! Running the real `ducha` binary in a scratch folder, for tests of what users see.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// What one run of the binary printed and returned.
#[derive(Debug)]
pub struct Run {
    /// The exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8(o.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(o.stderr).expect("stderr is UTF-8"),
        }
    }
}

/// The binary under test, with a fixed environment so output does not depend on the caller's.
pub fn command(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ducha"));
    c.current_dir(dir)
        .env_remove("DUCHA_USER")
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1");
    c
}

/// Runs `ducha ARGS` in `dir` and waits for it.
pub fn ducha(dir: &Path, args: &[&str]) -> Run {
    command(dir).args(args).output().expect("run ducha").into()
}

/// A sample board from the repository.
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("boards")
        .join(name)
}

/// A fresh scratch folder.
pub fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

/// Writes `text` to `name` in `dir` and returns the path.
pub fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write test file");
    path
}

#[cfg(unix)]
pub mod pty;
