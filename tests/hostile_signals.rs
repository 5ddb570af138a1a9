//! SIGINT and SIGQUIT leave the terminal restored, and Ctrl-C typed in the board (which a
//! raw-mode terminal delivers as a key, not a signal) quits like `q`: at once when nothing is
//! unsaved, with the question when something is.

#![cfg(unix)]

mod support;

use std::path::Path;
use std::time::Duration;
use support::pty::{Hangup, PtyRun};

const BOARD: &str = "zhucheng-2017.yaml";
/// Only stops a broken run from hanging the test.
const START: Duration = Duration::from_secs(20);
const LIMIT: Duration = Duration::from_secs(3);
/// What crossterm writes to leave the alternate screen, the last step of restoring the terminal.
const LEAVE_ALTERNATE_SCREEN: &str = "\u{1b}[?1049l";
const SHOW_CURSOR: &str = "\u{1b}[?25h";

fn start(dir: &Path) -> PtyRun {
    let board = dir.join(BOARD);
    std::fs::copy(support::sample(BOARD), &board).unwrap();
    let arg = board.to_string_lossy().to_string();
    let run = PtyRun::start(
        dir,
        &[&arg, "--user", "测试员", "--today", "2017-07-10"],
        Hangup::WithSignal,
    );
    assert!(run.wait_for_output("作风建设年", START), "no first frame");
    run
}

#[test]
fn sigint_and_sigquit_restore_the_terminal() {
    for sig in [libc::SIGINT, libc::SIGQUIT] {
        let dir = tempfile::tempdir().unwrap();
        let mut run = start(dir.path());
        let early = Duration::from_millis(50);
        assert!(
            !run.wait_for_output(LEAVE_ALTERNATE_SCREEN, early),
            "left before the signal"
        );
        // SAFETY: a signal to the child this test started.
        unsafe { libc::kill(run.pid() as i32, sig) };
        let (status, _) = run.wait(LIMIT).expect("ended");
        assert_eq!(status.code(), Some(128 + sig), "signal {sig}");
        assert!(
            run.wait_for_output(LEAVE_ALTERNATE_SCREEN, LIMIT),
            "signal {sig}: the alternate screen was not left"
        );
        assert!(
            run.wait_for_output(SHOW_CURSOR, LIMIT),
            "signal {sig}: cursor hidden"
        );
    }
}

#[test]
fn ctrl_c_quits_at_once_when_nothing_is_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let mut run = start(dir.path());
    run.send(b"\x03");
    let (status, _) = run.wait(LIMIT).expect("Ctrl-C did not quit");
    assert_eq!(status.code(), Some(0));
    assert!(run.wait_for_output(LEAVE_ALTERNATE_SCREEN, LIMIT));
}

#[test]
fn ctrl_c_asks_first_when_there_are_unsaved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut run = start(dir.path());
    run.send(b"L");
    assert!(
        run.wait_for_output("未保存", START),
        "the move did not show"
    );
    run.send(b"\x03");
    assert!(
        run.wait_for_output("放弃修改并退出", LIMIT),
        "Ctrl-C did not ask about the unsaved change"
    );
    assert!(
        run.wait(Duration::from_millis(300)).is_none(),
        "quit without asking"
    );
    run.send(b"y");
    let (status, _) = run.wait(LIMIT).expect("y did not quit");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_hostile_user_name_is_recorded_clean_and_the_save_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join(BOARD);
    std::fs::copy(support::sample(BOARD), &board).unwrap();
    let arg = board.to_string_lossy().to_string();
    let user = "\u{1b}]52;c;eA==\u{7}测\u{202e}试\u{9b}2J";
    let mut run = PtyRun::start(
        dir.path(),
        &[&arg, "--user", user, "--today", "2017-07-10"],
        Hangup::WithSignal,
    );
    assert!(run.wait_for_output("作风建设年", START), "no first frame");
    // A move leaves a trail entry with the user's name; save (dropping comments), then quit.
    run.send(b"L");
    assert!(run.wait_for_output("未保存", START));
    run.send(b"s");
    std::thread::sleep(Duration::from_millis(300));
    run.send(b"y");
    let saved = || std::fs::read_to_string(&board).unwrap_or_default();
    let start = std::time::Instant::now();
    while !saved().contains("测试") && start.elapsed() < START {
        std::thread::sleep(Duration::from_millis(20));
    }
    run.send(b"q");
    run.wait(LIMIT).expect("quit");
    let text = saved();
    assert!(
        text.contains("\u{fffd}]52;c;eA==\u{fffd}测试\u{fffd}2J"),
        "{}",
        text.lines()
            .filter(|l| l.contains("测试"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        !text.contains(['\u{1b}', '\u{9b}', '\u{202e}', '\u{7}']),
        "raw controls saved"
    );
    let check = support::ducha(dir.path(), &["check", BOARD]);
    assert_eq!(check.code, 0, "{check:?}");
    assert!(check.stdout.contains("0 个警告"), "{check:?}");
}
