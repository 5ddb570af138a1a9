//! Hostile boards, file names and user names: nothing reaches the terminal raw.
//!
//! Every command is run on boards whose values, keys and file names hold terminal escapes (ESC,
//! the C1 CSI U+009B), bidirectional controls (U+202E …) and line separators, and everything it
//! prints is searched for them.

mod support;

use support::{command, ducha, scratch, write, Run};

/// What must never reach the terminal.
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| {
            c == '\u{1b}'
                || c == '\u{9b}'
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
                || c == '\u{2028}'
                || c == '\u{2029}'
        })
        .collect()
}

/// Asserts that a run printed nothing raw; returns it for further checks.
fn clean(what: &str, run: Run) -> Run {
    for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        let bad = raw_controls(text);
        assert!(bad.is_empty(), "{what}: {stream} has {bad:?}:\n{text}");
    }
    run
}

/// A board with an escape in `field` (a line of YAML replacing the deadline line).
fn board_with(line: &str) -> String {
    format!(
        "title: Hostile\nlang: en\nphases:\n  - {{id: p1, name: One, start: 2024-01-01, end: 2024-12-31}}\ntasks:\n  - id: T1\n    title: Task\n    phase: p1\n    lead: office\n{line}\n"
    )
}

/// Values that set the terminal's clipboard, clear it, or turn text around.
const PAYLOADS: &[&str] = &[
    "D\\e]52;c;ZGVhZGxpbmU=\\a",
    "\\e[2J\\e[H",
    "\\x9b31m",
    "abc\\u202Edcba",
    "x\\u2066y\\u2069\\u2028z",
];

#[test]
fn bad_dates_times_and_languages_are_shown_escaped_by_check_fmt_report_and_open() {
    let dir = scratch();
    let fields = [
        "    deadline: \"{}\"",
        "    extended_to: \"{}\"",
        "    progress:\n      - {at: \"{}\", by: x, note: y}",
    ];
    for payload in PAYLOADS {
        for field in fields {
            let line = field.replace("{}", payload);
            write(dir.path(), "b.yaml", board_with(&line));
            for args in [
                &["check", "b.yaml"][..],
                &["fmt", "b.yaml"],
                &["report", "b.yaml"],
                &["b.yaml"],
            ] {
                let run = clean(&format!("{args:?} {line}"), ducha(dir.path(), args));
                assert_eq!(run.code, 1, "{args:?} {line}: {run:?}");
                assert!(run.stderr.contains("\\u{"), "{run:?}");
            }
        }
        let text = format!(
            "title: x\nlang: \"{payload}\"\nphases:\n  - {{id: p1, name: a, start: \"{payload}\", end: 2024-01-01}}\n"
        );
        write(dir.path(), "c.yaml", &text);
        for args in [
            &["check", "c.yaml"][..],
            &["fmt", "c.yaml"],
            &["report", "c.yaml"],
        ] {
            clean(&format!("{args:?} {payload}"), ducha(dir.path(), args));
        }
    }
}

#[test]
fn file_names_with_escapes_are_shown_escaped() {
    let dir = scratch();
    let name = "e\u{1b}[31mvil\u{202e}\u{9b}2J.yaml";
    write(dir.path(), name, board_with("    deadline: 2024-13-01"));
    for args in [
        &["check", name][..],
        &["fmt", name],
        &["report", name],
        &[name],
    ] {
        let run = clean(&format!("{args:?}"), ducha(dir.path(), args));
        assert!(
            run.stderr
                .contains("e\\u{1b}[31mvil\\u{202e}\\u{9b}2J.yaml"),
            "{run:?}"
        );
    }
    // Unreadable files name themselves too: missing, a folder, not UTF-8.
    std::fs::create_dir(dir.path().join("d\u{1b}]0;x\u{7}")).unwrap();
    write(dir.path(), "g\u{1b}.yaml", b"title: \xd7\xf7\n");
    for args in [
        &["check", "m\u{1b}[2J.yaml"][..],
        &["check", "d\u{1b}]0;x\u{7}"],
        &["check", "g\u{1b}.yaml"],
    ] {
        let run = clean(&format!("{args:?}"), ducha(dir.path(), args));
        assert_eq!(run.code, 2, "{run:?}");
    }
    // A good board under a hostile name: the summary line names it.
    write(
        dir.path(),
        "ok\u{1b}[5m.yaml",
        board_with("    deadline: 2024-06-01"),
    );
    let run = clean(
        "check ok",
        ducha(dir.path(), &["check", "ok\u{1b}[5m.yaml"]),
    );
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("ok\\u{1b}[5m.yaml: ok"), "{run:?}");
    let run = clean("fmt ok", ducha(dir.path(), &["fmt", "ok\u{1b}[5m.yaml"]));
    assert_eq!(run.code, 0);
}

/// A valid board whose text fields, unknown keys and unknown values hold escapes.
const HOSTILE_VALUES: &str = "title: \"Board \\e]52;c;eA==\\a \\u202Eevil\"
lang: en
\"k\\e[31m\": \"v\\e[2J\\x9b\"
phases:
  - {id: p1, name: \"P\\u2066one\", start: 2024-01-01, end: 2024-12-31, \"x\\u202e\": \"\\e[H\"}
units:
  - {id: u1, name: \"Office \\x9b1m\"}
tasks:
  - id: T1
    title: \"Late \\e[8m task\"
    phase: p1
    lead: u1
    deadline: 2024-03-01
    status: todo
    category: \"cat\\u2028\"
    custom: [\"\\e]8;;http://x\\a\", {\"\\u202e\": 1}]
    progress:
      - {at: 2024-02-01, by: \"Zh\\e[1mang\", note: \"note \\u2029 \\e[0m\"}
";

#[test]
fn values_keys_and_reports_of_a_valid_board_are_clean_in_every_format() {
    let dir = scratch();
    write(dir.path(), "v.yaml", HOSTILE_VALUES);
    let run = clean("check", ducha(dir.path(), &["check", "v.yaml"]));
    assert_eq!(run.code, 0, "{run:?}");
    for format in ["md", "csv", "json"] {
        let args = [
            "report",
            "v.yaml",
            "--format",
            format,
            "--today",
            "2024-06-01",
        ];
        let run = clean(format, ducha(dir.path(), &args));
        assert_eq!(run.code, 0, "{run:?}");
        assert!(run.stdout.contains("T1"), "{format}: {run:?}");
    }
    let run = clean("fmt", ducha(dir.path(), &["fmt", "v.yaml"]));
    assert_eq!(run.code, 0, "{run:?}");
    // The file itself keeps unknown values as they are, escaped as YAML escapes.
    let saved = std::fs::read_to_string(dir.path().join("v.yaml")).unwrap();
    assert!(raw_controls(&saved).is_empty(), "{saved}");
    let run = clean("check again", ducha(dir.path(), &["check", "v.yaml"]));
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn a_title_cannot_forge_markdown_headings_rows_or_images() {
    let dir = scratch();
    let text = board_with("    deadline: 2024-03-01").replace(
        "title: Hostile",
        "title: \"x\\n\\n## 全部任务已完成\\n\\n![x](http://e.cn/p.png) <img src=x> | a |\"",
    );
    write(dir.path(), "m.yaml", text);
    let run = clean(
        "md",
        ducha(dir.path(), &["report", "m.yaml", "--today", "2024-06-01"]),
    );
    assert_eq!(run.code, 0, "{run:?}");
    let first = run.stdout.lines().next().unwrap_or_default();
    assert!(first.starts_with("# x "), "{first}");
    assert!(first.contains("\\#\\# 全部任务已完成"), "{first}");
    assert!(first.contains("\\!\\[x\\](http://e.cn/p.png)"), "{first}");
    assert!(first.contains("\\<img src=x\\> \\| a \\|"), "{first}");
    assert!(
        !run.stdout.contains("\n## 全部任务已完成"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("\n!["), "{}", run.stdout);
}

#[test]
fn user_names_from_the_command_line_or_environment_are_cleaned() {
    assert_eq!(
        ducha::cli::recorded_user(Some("张\u{1b}]52;c;eA==\u{7}明\u{202e}\u{9b}".into())),
        "张\u{fffd}]52;c;eA==\u{fffd}明\u{fffd}"
    );
    assert_eq!(
        ducha::cli::recorded_user(Some("\u{202e}".into())),
        "unknown"
    );
    assert_eq!(ducha::cli::recorded_user(Some(" 李娜\n ".into())), "李娜");
}

#[test]
fn gen_and_merge_print_nothing_raw() {
    let dir = scratch();
    let run = clean("gen", ducha(dir.path(), &["gen", "--tasks", "50"]));
    assert_eq!(run.code, 0);
    write(dir.path(), "base.yaml", HOSTILE_VALUES);
    write(dir.path(), "ours.yaml", HOSTILE_VALUES);
    write(
        dir.path(),
        "theirs.yaml",
        HOSTILE_VALUES.replace("status: todo", "status: done"),
    );
    let mut c = command(dir.path());
    c.args(["merge", "base.yaml", "ours.yaml", "theirs.yaml"]);
    let run: Run = c.output().expect("run ducha").into();
    clean("merge", run);
}
