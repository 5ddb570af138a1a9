//! Inputs that would eat the machine are refused quickly, in little memory, with a clear message
//! and a position; and the reading diagnostics that were wrong or had no position.
//!
//! Time and memory are measured on the real binary (wall clock, and the child's peak resident
//! set from `wait4`), with bounds generous enough for a loaded CI machine.

#![cfg(unix)]

mod support;

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::{command, scratch, write, Run};

/// A run of the binary with its time and peak memory.
struct Measured {
    run: Run,
    took: Duration,
    peak_kb: i64,
}

/// Runs `ducha ARGS` in `dir`, measuring wall time and the child's peak resident set.
fn measured(dir: &std::path::Path, args: &[&str]) -> Measured {
    let start = Instant::now();
    let mut child = command(dir)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ducha");
    let (mut out, mut err) = (String::new(), String::new());
    let mut so = child.stdout.take().expect("stdout");
    let mut se = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut e = String::new();
        let _ = se.read_to_string(&mut e);
        e
    });
    let _ = so.read_to_string(&mut out);
    err.push_str(&reader.join().unwrap_or_default());
    let (code, peak_kb) = reap(child.id());
    // The child is reaped by `wait4`; forget it so that its pid is not waited for again.
    std::mem::forget(child);
    Measured {
        run: Run {
            code,
            stdout: out,
            stderr: err,
        },
        took: start.elapsed(),
        peak_kb,
    }
}

/// Waits for `pid`; its exit code (-1 when killed) and peak resident set in KiB.
fn reap(pid: u32) -> (i32, i64) {
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child.
    let r = unsafe { libc::wait4(pid as i32, &mut status, 0, &mut usage) };
    assert_eq!(r, pid as i32, "wait4");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    (code, usage.ru_maxrss)
}

const HEAD: &str =
    "title: x\nlang: en\nphases:\n  - {id: p1, name: a, start: 2024-01-01, end: 2024-12-31}\n";

#[test]
fn deep_brackets_on_one_line_are_refused_in_linear_time() {
    let dir = scratch();
    let depth = 100_000;
    let text = format!("{HEAD}extra: {}{}\n", "[".repeat(depth), "]".repeat(depth));
    write(dir.path(), "deep.yaml", text);
    for cmd in ["check", "fmt", "report"] {
        let m = measured(dir.path(), &[cmd, "deep.yaml"]);
        assert_eq!(m.run.code, 1, "{cmd}: {:?}", m.run);
        assert!(m.took < Duration::from_secs(1), "{cmd}: took {:?}", m.took);
        assert!(
            m.run
                .stderr
                .contains("deep.yaml:5:108: error: brackets nested more than 100 deep"),
            "{}",
            m.run.stderr
        );
    }
    // Opening the board goes the same way.
    let m = measured(dir.path(), &["deep.yaml"]);
    assert_eq!(m.run.code, 1, "{:?}", m.run);
    assert!(m.took < Duration::from_secs(1), "open: took {:?}", m.took);
}

#[test]
fn a_big_value_repeated_through_aliases_is_refused_at_the_alias() {
    let dir = scratch();
    let big = "x".repeat(1 << 20);
    let refs = vec!["*s"; 3000].join(", ");
    write(
        dir.path(),
        "bomb.yaml",
        format!("{HEAD}big: &s \"{big}\"\nextra: [{refs}]\ntasks: []\n"),
    );
    for cmd in ["check", "fmt"] {
        let m = measured(dir.path(), &[cmd, "bomb.yaml"]);
        assert_eq!(m.run.code, 1, "{cmd}: {:?}", m.run);
        assert!(
            m.run
                .stderr
                .contains("bomb.yaml:6:69: error: aliases (*…) repeat more than 16 MiB of values"),
            "{}",
            m.run.stderr
        );
        assert!(m.took < Duration::from_secs(2), "{cmd}: took {:?}", m.took);
        assert!(m.peak_kb < 100_000, "{cmd}: peak {} KiB", m.peak_kb);
    }
    let written = std::fs::metadata(dir.path().join("bomb.yaml"))
        .unwrap()
        .len();
    assert!(written < 2 << 20, "fmt wrote {written} bytes");
    assert!(!dir.path().join("bomb.yaml.bak").exists());

    // Nested repetition ("billion laughs") is refused with a position too.
    let mut text = format!("{HEAD}a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (name, prev) in [
        ("b", "a"),
        ("c", "b"),
        ("d", "c"),
        ("e", "d"),
        ("f", "e"),
        ("g", "f"),
    ] {
        let refs = vec![format!("*{prev}"); 10].join(", ");
        text.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    write(dir.path(), "laughs.yaml", text);
    let m = measured(dir.path(), &["check", "laughs.yaml"]);
    assert_eq!(m.run.code, 1, "{:?}", m.run);
    assert!(
        positioned(&m.run.stderr, "laughs.yaml", "aliases"),
        "{}",
        m.run.stderr
    );
    assert!(m.took < Duration::from_secs(2) && m.peak_kb < 100_000);
}

/// Whether the first line is `FILE:LINE:COLUMN: error: …` and mentions `what`.
fn positioned(stderr: &str, file: &str, what: &str) -> bool {
    let first = stderr.lines().next().unwrap_or_default();
    let Some(rest) = first.strip_prefix(file).and_then(|r| r.strip_prefix(':')) else {
        return false;
    };
    let mut parts = rest.splitn(3, ':');
    let numbers = parts
        .by_ref()
        .take(2)
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    numbers && first.contains(": error: ") && first.contains(what)
}

#[test]
fn devices_and_fifos_are_refused_at_once() {
    let dir = scratch();
    let fifo = dir.path().join("pipe.yaml");
    let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).unwrap();
    // SAFETY: creates a FIFO at a path in our scratch folder.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    for target in ["/dev/zero", "/dev/urandom", "pipe.yaml"] {
        for cmd in ["check", "fmt", "report"] {
            let m = measured(dir.path(), &[cmd, target]);
            assert_eq!(m.run.code, 2, "{cmd} {target}: {:?}", m.run);
            assert!(
                m.took < Duration::from_secs(1),
                "{cmd} {target}: {:?}",
                m.took
            );
            assert!(m.peak_kb < 50_000, "{cmd} {target}: peak {} KiB", m.peak_kb);
            assert!(m.run.stderr.contains("不是普通文件"), "{}", m.run.stderr);
        }
    }
}

#[test]
fn files_over_the_size_cap_are_refused_without_being_read() {
    let dir = scratch();
    let f = std::fs::File::create(dir.path().join("huge.yaml")).unwrap();
    f.set_len(ducha::store::MAX_FILE_BYTES + 1).unwrap();
    let m = measured(dir.path(), &["check", "huge.yaml"]);
    assert_eq!(m.run.code, 2, "{:?}", m.run);
    let cap = format!("上限 {} MiB", ducha::store::MAX_FILE_BYTES >> 20);
    assert!(m.run.stderr.contains(&cap), "{}", m.run.stderr);
    assert!(m.took < Duration::from_secs(1) && m.peak_kb < 50_000);
}

#[test]
fn too_many_values_are_refused_before_the_reader_holds_them() {
    let dir = scratch();
    let n = ducha::store::MAX_NODES + 10;
    write(
        dir.path(),
        "many.yaml",
        format!("{HEAD}extra: [{}~]\n", "~,".repeat(n)),
    );
    let m = measured(dir.path(), &["check", "many.yaml"]);
    assert_eq!(m.run.code, 1, "{:?}", m.run);
    assert!(
        m.run.stderr.contains(&format!(
            "error: more than {} values in the file",
            ducha::store::MAX_NODES
        )),
        "{}",
        m.run.stderr
    );
    // 16 MB of `~,`: a linear look at the bytes takes well under a second in a release build
    // and a few in a debug build; reading all eight million values would take minutes.
    assert!(m.took < Duration::from_secs(10), "took {:?}", m.took);
    assert!(m.peak_kb < 100_000, "peak {} KiB", m.peak_kb);
}

#[test]
fn gen_streams_however_many_tasks_are_asked_for() {
    let dir = scratch();
    let mut child = command(dir.path())
        .args(["gen", "--tasks", "4000000000"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut out = child.stdout.take().expect("stdout");
    let mut got = vec![0u8; 4 << 20];
    out.read_exact(&mut got).expect("4 MiB of board");
    drop(out);
    let (code, peak_kb) = reap(child.id());
    std::mem::forget(child);
    // Ended by the closed pipe (SIGPIPE, or the error it gives), not by running out of memory.
    assert!(code == -1 || code == 2, "exit {code}");
    assert!(peak_kb < 50_000, "peak {peak_kb} KiB");
    let text = String::from_utf8_lossy(&got);
    assert!(text.contains("- id: G0000000001\n"), "{}", &text[..2000]);
}

fn check(dir: &std::path::Path, name: &str, text: impl AsRef<[u8]>) -> Run {
    write(dir, name, text);
    let out = Command::new(env!("CARGO_BIN_EXE_ducha"))
        .current_dir(dir)
        .env("LANG", "C.UTF-8")
        .args(["check", name])
        .output()
        .expect("run");
    out.into()
}

#[test]
fn utf16_is_not_utf8_and_is_unreadable() {
    let dir = scratch();
    let text = format!("{HEAD}tasks: []\n");
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let bom: Vec<u8> = [0xFF, 0xFE].into_iter().chain(le.clone()).collect();
    for (name, bytes) in [("le.yaml", le), ("be.yaml", be), ("bom.yaml", bom)] {
        let run = check(dir.path(), name, bytes);
        assert_eq!(run.code, 2, "{name}: {run:?}");
        assert!(run.stderr.contains("UTF-16"), "{name}: {}", run.stderr);
    }
}

#[test]
fn diagnostics_that_had_no_position_or_the_wrong_words() {
    let dir = scratch();
    let run = check(dir.path(), "two.yaml", format!("{HEAD}---\n{HEAD}"));
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("two.yaml:5:1: error: the file holds more than one YAML document"),
        "{}",
        run.stderr
    );
    let t = format!(
        "{HEAD}tasks:\n  - {{id: T1, title: t, phase: p1, lead: a, deadline: 02024-01-01}}\n"
    );
    let run = check(dir.path(), "year.yaml", t);
    assert!(
        run.stderr
            .contains("cannot read the date 02024-01-01; write it as YYYY-MM-DD"),
        "{}",
        run.stderr
    );
    // A comment after a quoted backslash is noticed, so fmt says it is not kept.
    let dir2 = scratch();
    write(
        dir2.path(),
        "c.yaml",
        format!("{HEAD}path: \"C:\\\\\" # the share\n"),
    );
    let run: Run = command(dir2.path())
        .args(["fmt", "c.yaml"])
        .output()
        .expect("run")
        .into();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains("comments are not kept"),
        "{}",
        run.stderr
    );
}
