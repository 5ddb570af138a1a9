//! Many hands on one board: several real processes edit one file and save at random moments;
//! afterwards every edit is in the file. Nothing is lost, nothing is overwritten.
//!
//! Each writer is this test binary started again with `DUCHA_WRITER` set, running
//! `writer_process`, which opens the board as the program does, edits, and saves through the
//! program's own save path.

#![cfg(unix)]

mod common;

use ducha::app::{Action, Popup};
use ducha::model::{Progress, Stamp};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A small reproducible random source.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// One writer's work, as written to its log: `note ID TEXT` and `title ID TEXT` lines, in order.
fn writer(board: &Path, me: u64, writers: u64, rounds: u64, log: &Path) {
    let mut rng = Lcg(me * 7919 + 17);
    let args = ducha::cli::OpenArgs {
        file: Some(board.to_path_buf()),
        user: Some(format!("writer{me}")),
        ..Default::default()
    };
    let today = chrono::NaiveDate::from_ymd_opt(2024, 6, 14).unwrap();
    let mut app = ducha::tui::open_app(board, &args, today).unwrap_or_else(|_| panic!("open"));
    let mut done = String::new();
    for round in 0..rounds {
        let n = app.board.tasks.len() as u64;
        // Notes go to any task (they merge as a union); titles only to this writer's own tasks.
        let i = rng.below(n) as usize;
        let id = app.board.tasks[i].id.clone();
        let note = format!("w{me}r{round}");
        std::sync::Arc::make_mut(&mut app.board).tasks[i]
            .progress
            .push(Progress {
                at: Stamp::parse("2024-06-14 09:00").unwrap(),
                by: format!("writer{me}").into(),
                note: note.clone(),
                extra: Default::default(),
            });
        done.push_str(&format!("note {id} {note}\n"));
        let own: Vec<usize> = (0..n as usize)
            .filter(|j| *j as u64 % writers == me)
            .collect();
        if !own.is_empty() && rng.below(2) == 0 {
            let j = own[rng.below(own.len() as u64) as usize];
            let title = format!("任务{me}-{round}");
            std::sync::Arc::make_mut(&mut app.board).tasks[j].title = title.clone();
            done.push_str(&format!("title {} {title}\n", app.board.tasks[j].id));
        }
        if rng.below(3) == 0 || round + 1 == rounds {
            app.has_comments = false;
            ducha::tui::handle(&mut app, Action::Save);
            assert!(
                !matches!(app.popup, Some(Popup::Clash(_))),
                "writer {me}: a clash between disjoint edits"
            );
            assert!(!app.dirty(), "writer {me}: not saved: {:?}", app.message);
        }
        std::thread::sleep(std::time::Duration::from_millis(rng.below(4)));
    }
    std::fs::write(log, done).unwrap();
}

#[test]
fn writer_process() {
    // Only does something when started by `run_writers`.
    let Ok(spec) = std::env::var("DUCHA_WRITER") else {
        return;
    };
    let parts: Vec<&str> = spec.split('|').collect();
    writer(
        Path::new(parts[0]),
        parts[1].parse().unwrap(),
        parts[2].parse().unwrap(),
        parts[3].parse().unwrap(),
        Path::new(parts[4]),
    );
}

/// Runs `writers` processes of `rounds` edits each on a copy of a board, then checks the file.
fn run_writers(writers: u64, rounds: u64, tasks: usize) {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("board.yaml");
    let gen = Command::new(env!("CARGO_BIN_EXE_ducha"))
        .args(["gen", "--tasks", &tasks.to_string()])
        .output()
        .unwrap();
    std::fs::write(&board, gen.stdout).unwrap();
    let logs: Vec<PathBuf> = (0..writers)
        .map(|w| dir.path().join(format!("writer{w}.log")))
        .collect();
    let children: Vec<_> = (0..writers)
        .map(|w| {
            Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "writer_process",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(
                    "DUCHA_WRITER",
                    format!(
                        "{}|{w}|{writers}|{rounds}|{}",
                        board.display(),
                        logs[w as usize].display()
                    ),
                )
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect::<Vec<_>>();
    // All started before any is waited for: they run at the same time.
    let children: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    for (w, out) in children.iter().enumerate() {
        assert!(
            out.status.success(),
            "writer {w} failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let saved = ducha::store::load(&board).unwrap().parsed.board;
    let mut notes = 0;
    for log in &logs {
        let text = std::fs::read_to_string(log).unwrap();
        let mut last_title = std::collections::HashMap::new();
        for line in text.lines() {
            let mut f = line.splitn(3, ' ');
            let (kind, id, value) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap());
            let task = &saved.tasks[saved.task_index(id).unwrap()];
            match kind {
                "note" => {
                    notes += 1;
                    assert!(
                        task.progress.iter().any(|p| p.note == value),
                        "note {value} on {id} was lost"
                    );
                }
                _ => {
                    last_title.insert(id.to_string(), value.to_string());
                }
            }
        }
        for (id, title) in last_title {
            let task = &saved.tasks[saved.task_index(&id).unwrap()];
            assert_eq!(task.title, title, "{id}: the writer's last title was lost");
        }
    }
    assert_eq!(notes, (writers * rounds) as usize);
}

#[test]
fn two_writers_lose_nothing() {
    run_writers(2, 60, 43);
}

#[test]
fn five_writers_lose_nothing() {
    run_writers(5, 40, 43);
}

#[test]
fn ten_writers_lose_nothing() {
    run_writers(10, 25, 200);
}
