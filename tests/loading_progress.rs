//! A city's board of 100,000 tasks opened in a real terminal: while it is read a progress line
//! says how far the reading has got, and then the board is on screen.

#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Reading 100,000 tasks in a debug build on a busy machine takes a while; this only stops a
/// broken test from hanging.
const DEADLINE: Duration = Duration::from_secs(180);

fn tmux(sock: &Path, args: &[&str]) -> String {
    let out = Command::new("tmux")
        .arg("-S")
        .arg(sock)
        .args(args)
        .output()
        .expect("tmux is required for this test (apt-get install tmux)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_large_board_shows_its_reading_progress_then_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("city.yaml");
    let gen = Command::new(env!("CARGO_BIN_EXE_ducha"))
        .args(["gen", "--tasks", "100000", "--today", "2024-06-01"])
        .output()
        .unwrap();
    assert!(gen.status.success());
    std::fs::write(&board, &gen.stdout).unwrap();

    let sock = dir.path().join("tmux.sock");
    // A snapshot folder of its own: the first open reads the YAML.
    let cmd = format!(
        "LANG=C.UTF-8 XDG_CACHE_HOME='{}' '{}' '{}' --today 2024-06-01",
        dir.path().join("cache").display(),
        env!("CARGO_BIN_EXE_ducha"),
        board.display()
    );
    tmux(
        &sock,
        &[
            "new-session",
            "-d",
            "-x",
            "120",
            "-y",
            "40",
            "sh",
            "-c",
            &cmd,
        ],
    );
    let started = Instant::now();
    let mut progress = Vec::new();
    let board_shown = loop {
        let screen = tmux(&sock, &["capture-pane", "-p"]);
        if screen.contains("生成的示例看板") {
            break Some(screen);
        }
        if let Some(line) = screen.lines().find(|l| l.starts_with("正在读取")) {
            progress.push(line.trim_end().to_string());
        }
        if started.elapsed() > DEADLINE {
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    tmux(&sock, &["kill-server"]);
    let board_shown = board_shown.expect("the board never came on screen");
    assert!(!progress.is_empty(), "no progress line while reading");
    let first = &progress[0];
    assert!(
        first.contains("city.yaml") && first.contains('%') && first.contains(" MB"),
        "{first}"
    );
    // The share read only grows.
    let shares: Vec<usize> = progress
        .iter()
        .filter_map(|l| {
            let before = l.split('%').next()?;
            before.rsplit(' ').next()?.parse().ok()
        })
        .collect();
    assert!(shares.windows(2).all(|w| w[0] <= w[1]), "{progress:?}");
    assert!(!board_shown.contains("正在读取"), "{board_shown}");
    assert!(
        board_shown.contains("100000 项任务") || board_shown.contains("100000"),
        "{board_shown}"
    );
}
