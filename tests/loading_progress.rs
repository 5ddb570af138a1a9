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

/// Opens a generated board of `tasks` tasks in tmux, its `lang:` line replaced by `lang`; the
/// progress lines seen (those starting with `word`) and the screen once `shown` is on it.
fn open_watching(tasks: &str, lang: &str, word: &str, shown: &str) -> (Vec<String>, String) {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("city.yaml");
    let gen = Command::new(env!("CARGO_BIN_EXE_ducha"))
        .args(["gen", "--tasks", tasks, "--today", "2024-06-01"])
        .output()
        .unwrap();
    assert!(gen.status.success());
    let text = String::from_utf8(gen.stdout).unwrap();
    std::fs::write(&board, text.replacen("lang: zh", lang, 1)).unwrap();

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
        if screen.contains(shown) {
            break Some(screen);
        }
        if let Some(line) = screen.lines().find(|l| l.starts_with(word)) {
            progress.push(line.trim_end().to_string());
        }
        if started.elapsed() > DEADLINE {
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    tmux(&sock, &["kill-server"]);
    (
        progress,
        board_shown.expect("the board never came on screen"),
    )
}

#[test]
fn a_large_board_shows_its_reading_progress_then_the_board() {
    let (progress, board_shown) = open_watching("100000", "lang: zh", "正在读取", "生成的示例看板");
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

#[test]
fn an_english_board_is_read_with_an_english_progress_line() {
    let (progress, board_shown) = open_watching("30000", "lang: en", "reading", "current phase");
    assert!(
        !progress.is_empty(),
        "no English progress line while reading"
    );
    assert!(progress[0].contains("city.yaml"), "{progress:?}");
    assert!(board_shown.contains("In progress"), "{board_shown}");
}
