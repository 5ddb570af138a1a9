//! Printing into a reader that has gone (`ducha report FILE | head -1`) ends the command quietly,
//! killed by SIGPIPE as other command-line tools are, never with a panic.

#![cfg(unix)]

mod support;

use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;
use support::*;

/// Runs `ducha ARGS` with its output going to a reader that is already gone.
fn into_closed_pipe(args: &[&str]) -> (std::process::ExitStatus, String) {
    let dir = scratch();
    let board = dir.path().join("board.yaml");
    std::fs::copy(sample("zhucheng-2017.yaml"), &board).unwrap();
    let args: Vec<String> = args
        .iter()
        .map(|a| a.replace("BOARD", &board.to_string_lossy()))
        .collect();
    // The reader is gone before the command starts, so every run takes the same path.
    let mut ends = [0; 2];
    // SAFETY: pipe2 writes two new descriptors, each owned below.
    assert_eq!(
        unsafe { libc::pipe2(ends.as_mut_ptr(), libc::O_CLOEXEC) },
        0
    );
    // SAFETY: as above.
    let (reader, writer) =
        unsafe { (OwnedFd::from_raw_fd(ends[0]), OwnedFd::from_raw_fd(ends[1])) };
    drop(reader);
    let out = command(dir.path())
        .args(&args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_printing_command_ends_quietly_when_its_reader_is_gone() {
    for args in [
        &["report", "BOARD"][..],
        &["report", "BOARD", "--format", "csv"],
        &["report", "BOARD", "--format", "json"],
        &["gen", "--tasks", "2000"],
        &["check", "BOARD"],
        &["fmt", "BOARD"],
        &["--help"],
        &["--version"],
    ] {
        let (status, stderr) = into_closed_pipe(args);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            status.signal() == Some(libc::SIGPIPE),
            "{args:?}: ended with {status:?}, not by SIGPIPE; stderr: {stderr}"
        );
        assert!(
            !stderr.contains("Broken pipe") && !stderr.contains("failed printing"),
            "{args:?}: no message about the pipe expected: {stderr}"
        );
    }
}

#[test]
fn piped_into_head_the_shell_sees_status_141() {
    let dir = scratch();
    let board = dir.path().join("board.yaml");
    std::fs::copy(sample("zhucheng-2017.yaml"), &board).unwrap();
    let bin = env!("CARGO_BIN_EXE_ducha");
    for cmd in [
        format!("'{bin}' gen --tasks 5000 | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}"),
        format!("'{bin}' report '{}' --format csv | head -1 >/dev/null; sleep 0; echo ${{PIPESTATUS[0]}}", board.display()),
    ] {
        let out = std::process::Command::new("bash")
            .args(["-c", &cmd])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{cmd}: {stderr}");
        let code = String::from_utf8_lossy(&out.stdout).trim().to_string();
        // A short report may fit in the pipe before head leaves: then it ends normally.
        assert!(code == "141" || code == "0", "{cmd}: status {code}");
        if cmd.contains("gen") {
            assert_eq!(code, "141", "{cmd}");
        }
    }
}

/// A standard error that cannot be written (a hung-up terminal gives EIO; `/dev/full` gives
/// ENOSPC, the same way every time) loses the message; the command still ends with its own
/// status, never with a panic.
#[test]
fn a_message_to_a_standard_error_that_fails_is_no_panic() {
    let dir = scratch();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ducha"))
        .args(["check", "missing.yaml"])
        .current_dir(dir.path())
        .stderr(Stdio::from(full))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}
