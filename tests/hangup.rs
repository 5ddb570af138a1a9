//! A dropped connection at any moment: the program ends within 2 s, leaves no process behind and
//! keeps every unsaved change, whether or not a SIGHUP comes with the hangup.

#![cfg(unix)]

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;
use support::pty::{Hangup, PtyRun};

const BOARD: &str = "zhucheng-2017.yaml";
/// What the issue promises: gone within 2 s of the hangup.
const LIMIT: Duration = Duration::from_secs(2);
/// Only stops a broken run from hanging the test.
const START: Duration = Duration::from_secs(20);

/// Where the program is when the connection drops.
#[derive(Debug, Clone, Copy)]
enum Moment {
    Idle,
    MovingCards,
    SaveConfirmed,
    ProgressDialog,
    TypingInForm,
    Searching,
    QuitQuestion,
    Reloading,
}

const MOMENTS: [Moment; 8] = [
    Moment::Idle,
    Moment::MovingCards,
    Moment::SaveConfirmed,
    Moment::ProgressDialog,
    Moment::TypingInForm,
    Moment::Searching,
    Moment::QuitQuestion,
    Moment::Reloading,
];

/// A small reproducible random source (the seed is printed with every failure).
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

/// The statuses of a board's tasks, by id.
fn statuses(text: &str) -> Option<Vec<(String, String)>> {
    let parsed = ducha::store::parse(text).ok()?;
    Some(
        parsed
            .board
            .tasks
            .into_iter()
            .map(|t| (t.id.into(), t.status.into()))
            .collect(),
    )
}

/// Every file in `dir` that could hold the user's work: the board, recovery files, conflict copies.
fn places(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n == BOARD || n.ends_with(".recovery") || n.contains(".conflict-")
        })
        .collect();
    v.sort();
    v
}

fn has_recovery(dir: &Path) -> bool {
    places(dir)
        .iter()
        .any(|p| p.to_string_lossy().ends_with(".recovery"))
}

/// Processes whose command line mentions `needle` (the run's own folder).
fn processes_mentioning(needle: &str) -> Vec<u32> {
    let mut found = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if let Ok(cmd) = std::fs::read(e.path().join("cmdline")) {
            if String::from_utf8_lossy(&cmd).contains(needle) {
                found.push(pid);
            }
        }
    }
    found
}

fn keys_for(moment: Moment, rng: &mut Lcg) -> Vec<&'static [u8]> {
    match moment {
        Moment::Idle => vec![],
        Moment::MovingCards => (0..1 + rng.below(6))
            .map(|i| if i % 2 == 0 { &b"j"[..] } else { &b"L"[..] })
            .collect(),
        Moment::SaveConfirmed | Moment::Reloading => vec![b"s", b"y"],
        Moment::ProgressDialog => vec![b"p", "进展顺利".as_bytes()],
        Moment::TypingInForm => vec![b"e", "新标题".as_bytes(), b"abc"],
        Moment::Searching => vec![b"/", "作风".as_bytes()],
        Moment::QuitQuestion => vec![b"q"],
    }
}

/// One run: make a change, reach `moment`, hang up after a random pause, check what is left.
fn one_run(seed: u64, moment: Moment, hangup: Hangup) {
    let mut rng = Lcg(seed);
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join(BOARD);
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("boards")
            .join(BOARD),
        &board,
    )
    .unwrap();
    let original = statuses(&std::fs::read_to_string(&board).unwrap()).unwrap();
    let board_arg = board.to_string_lossy().to_string();
    let mut run = PtyRun::start(
        dir.path(),
        &[&board_arg, "--user", "测试员", "--today", "2017-07-10"],
        hangup,
    );
    let ctx = format!("seed {seed}, {moment:?}, {hangup:?}");
    assert!(
        run.wait_for_output("作风建设年", START),
        "{ctx}: no board on screen"
    );
    // The unsaved change that must survive whatever happens next.
    run.send(b"L");
    let start = std::time::Instant::now();
    while !has_recovery(dir.path()) {
        assert!(
            start.elapsed() < START,
            "{ctx}: no recovery file after a change"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    if matches!(moment, Moment::Reloading) {
        // Someone else saves meanwhile: the save meets a conflict and the user reloads.
        let mut text = std::fs::read_to_string(&board).unwrap();
        text.push_str("# 他人修改\n");
        std::fs::write(&board, text).unwrap();
    }
    for k in keys_for(moment, &mut rng) {
        run.send(k);
        std::thread::sleep(Duration::from_millis(rng.below(30)));
    }
    if matches!(moment, Moment::Reloading) {
        run.send(b"r");
    }
    std::thread::sleep(Duration::from_millis(rng.below(150)));
    run.hang_up();
    let (status, took) = run
        .wait(LIMIT)
        .unwrap_or_else(|| panic!("{ctx}: still running {LIMIT:?} after the hangup"));
    assert_ne!(
        status.code(),
        Some(101),
        "{ctx}: panicked:\n{}",
        support::pty::panic_log(dir.path())
    );
    let left = processes_mentioning(&dir.path().to_string_lossy());
    assert!(left.is_empty(), "{ctx}: processes left: {left:?}");
    let kept = places(dir.path()).into_iter().any(|p| {
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        statuses(&text).is_some_and(|s| s != original)
    });
    assert!(
        kept,
        "{ctx}: the moved card is in no file (ended after {took:?}); files: {:?}",
        places(dir.path())
    );
}

#[test]
fn hangups_at_random_moments_end_the_program_and_keep_the_changes() {
    let base = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    // Two at a time: the runs mostly wait, and the machine has two cores.
    let workers: Vec<_> = (0..2u64)
        .map(|w| {
            std::thread::spawn(move || {
                for i in 0..56u64 {
                    let n = w * 56 + i;
                    let moment = MOMENTS[(n % MOMENTS.len() as u64) as usize];
                    let hangup = if (n / MOMENTS.len() as u64).is_multiple_of(2) {
                        Hangup::WithSignal
                    } else {
                        Hangup::InputOnly
                    };
                    one_run(base ^ (n * 0x9E37_79B9), moment, hangup);
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
}

#[test]
fn end_of_input_without_a_signal_ends_the_program_the_same_way() {
    one_run(7, Moment::Idle, Hangup::InputOnly);
    one_run(8, Moment::TypingInForm, Hangup::InputOnly);
}

#[test]
fn sigterm_in_a_dialog_ends_the_program_with_the_change_kept() {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join(BOARD);
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("boards")
            .join(BOARD),
        &board,
    )
    .unwrap();
    let board_arg = board.to_string_lossy().to_string();
    for sig in [libc::SIGTERM, libc::SIGINT, libc::SIGQUIT, libc::SIGHUP] {
        let mut run = PtyRun::start(
            dir.path(),
            &[&board_arg, "--user", "测试员", "--today", "2017-07-10"],
            Hangup::WithSignal,
        );
        assert!(run.wait_for_output("作风建设年", START));
        run.send(b"p");
        run.send("写到一半".as_bytes());
        std::thread::sleep(Duration::from_millis(100));
        // SAFETY: a signal to the child this test started.
        unsafe { libc::kill(run.pid() as i32, sig) };
        let (status, _) = run
            .wait(LIMIT)
            .unwrap_or_else(|| panic!("signal {sig}: still running after {LIMIT:?}"));
        assert_eq!(status.code(), Some(128 + sig), "signal {sig}");
    }
}
