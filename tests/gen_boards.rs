//! `ducha gen`: generated boards are reproducible from their seed and are good boards.

mod support;

use ducha::cli::gen::{board, default_center};
use ducha::store::{parse, to_yaml};
use support::{ducha, scratch, write};

fn gen(args: &[&str]) -> Vec<u8> {
    let dir = scratch();
    let mut all = vec!["gen"];
    all.extend_from_slice(args);
    let out = support::command(dir.path())
        .args(&all)
        .output()
        .expect("run ducha gen");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    out.stdout
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let a = gen(&["--tasks", "300", "--seed", "42"]);
    let b = gen(&["--tasks", "300", "--seed", "42"]);
    assert_eq!(a, b);
    assert_eq!(
        gen(&["--tasks", "5"]),
        gen(&["--tasks", "5", "--seed", "1"])
    );
}

#[test]
fn another_seed_or_centre_gives_another_board() {
    let a = gen(&["--tasks", "300", "--seed", "42"]);
    assert_ne!(a, gen(&["--tasks", "300", "--seed", "43"]));
    assert_ne!(
        a,
        gen(&["--tasks", "300", "--seed", "42", "--today", "2017-07-10"])
    );
}

#[test]
fn generated_boards_pass_check() {
    let dir = scratch();
    for (name, n, seed) in [
        ("g0.yaml", "0", "1"),
        ("g1.yaml", "1", "9"),
        ("g2k.yaml", "2000", "3"),
    ] {
        write(dir.path(), name, gen(&["--tasks", n, "--seed", seed]));
        let run = ducha(dir.path(), &["check", name]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert_eq!(run.stderr, "", "{name}");
        assert_eq!(
            run.stdout,
            format!("{name}: 通过（{n} 项任务，0 个警告）\n")
        );
    }
}

#[test]
fn generated_boards_are_canonical_and_round_trip() {
    let text = String::from_utf8(gen(&["--tasks", "500", "--seed", "5"])).expect("UTF-8");
    let parsed = parse(&text).expect("parses");
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(to_yaml(&parsed.board), text, "gen writes what fmt would");
    assert_eq!(parsed.board, board(500, 5, default_center()));
}

#[test]
fn generated_boards_have_what_a_meeting_needs() {
    let b = board(1000, 11, default_center());
    assert_eq!(b.tasks.len(), 1000);
    assert_eq!(b.tasks[0].id, "G0001");
    assert_eq!(b.tasks[999].id, "G1000");
    let ids: std::collections::HashSet<&str> = b.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), 1000, "ids are unique");
    // Around the centre date some tasks are late, some due soon, some done.
    let s = ducha::model::facts::Summary::of(&b, default_center(), |_| true);
    assert!(
        s.tally.done > 0 && s.tally.overdue > 0 && s.tally.due_soon > 0,
        "{:?}",
        s.tally
    );
    assert!(b.tasks.iter().any(|t| t.extended_to.is_some()));
    assert!(b.tasks.iter().any(|t| !t.progress.is_empty()));
    assert_eq!(b.fresh_task_id(), "G1001");
}
