//! Unknown values: none makes a board unreadable, the canonical form writes back the bytes it
//! read for every value it can hold as written, and says so where it cannot.

mod support;

use ducha::model::Raw;
use ducha::store::{parse, to_yaml};
use support::{ducha, scratch, write};

const HEAD: &str =
    "title: values\nlang: en\nphases:\n  - {id: p1, name: a, start: 2024-01-01, end: 2024-12-31}\n";

/// A canonical board with `value` under an unknown key at the top, in a phase record, in a task
/// and in a progress entry (`flow` is the value as written inside a record).
fn board(block: &str, flow: &str) -> String {
    format!(
        "title: values\nlang: en\nphases:\n  - {{id: p1, name: a, start: 2024-01-01, end: 2024-12-31, x: {flow}}}\nx:{block}\ntasks:\n  - id: T1\n    title: t\n    phase: p1\n    lead: a\n    status: todo\n    progress:\n      - {{at: 2024-01-02, by: b, note: c, x: {flow}}}\n    x:{}\n",
        block.replace('\n', "\n    ")
    )
}

/// Values as the canonical form writes them: `(after "x:" at the top, inside a record)`.
const KEPT: &[(&str, &str)] = &[
    (" ~", "~"),
    (" true", "true"),
    (" false", "false"),
    (" 0", "0"),
    (" -12", "-12"),
    (" 9223372036854775807", "9223372036854775807"),
    (" -9223372036854775808", "-9223372036854775808"),
    (" 18446744073709551615", "18446744073709551615"),
    (" 1.5", "1.5"),
    (" -0.001", "-0.001"),
    (" 1.0e+20", "1.0e+20"),
    (" 1.5e-7", "1.5e-7"),
    (" .inf", ".inf"),
    (" -.inf", "-.inf"),
    (" .nan", ".nan"),
    (" text", "text"),
    (" 督查室", "督查室"),
    (" \"0x1F\"", "\"0x1F\""),
    (" \"1e3\"", "\"1e3\""),
    (" \"yes\"", "\"yes\""),
    (" \"a: b\"", "\"a: b\""),
    (" https://e.cn/a?id=3", "\"https://e.cn/a?id=3\""),
    (" https://e.cn/a#top", "https://e.cn/a#top"),
    (" \"line\\nbreak\"", "\"line\\nbreak\""),
    (" \"\\u001B[31m\\u202E\"", "\"\\u001B[31m\\u202E\""),
    (" 2024-01-01", "2024-01-01"),
    (" []", "[]"),
    (" {}", "{}"),
    ("\n  - a\n  - 1\n  - [b, c]", "[a, 1, [b, c]]"),
    ("\n  a: 1\n  b:\n    c: ~", "{a: 1, b: {c: ~}}"),
    ("\n  <<:\n    a: 1\n  b: 2", "{<<: {a: 1}, b: 2}"),
    ("\n  - <<:\n      a: 1\n    b: 2", "[{<<: {a: 1}, b: 2}]"),
];

#[test]
fn every_value_the_board_holds_as_written_is_written_back_byte_for_byte() {
    let dir = scratch();
    for (block, flow) in KEPT {
        let text = board(block, flow);
        let parsed = parse(&text).unwrap_or_else(|d| panic!("{block:?}: {d:?}"));
        assert!(
            parsed.diagnostics.is_empty(),
            "{block:?}: {:?}",
            parsed.diagnostics
        );
        assert_eq!(to_yaml(&parsed.board), text, "{block:?}");
        // And through the command, which leaves a canonical file alone.
        write(dir.path(), "b.yaml", &text);
        let run = ducha(dir.path(), &["fmt", "b.yaml"]);
        assert_eq!(run.code, 0, "{block:?}: {run:?}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.yaml")).unwrap(),
            text
        );
    }
}

/// Values the board could not read at all before: `(value, what check says)`.
const ONCE_UNREADABLE: &[(&str, &str)] = &[
    (
        "20240101000000000001",
        "the whole number 20240101000000000001 is beyond 64 bits",
    ),
    (
        "-20240101000000000001",
        "the whole number -20240101000000000001 is beyond 64 bits",
    ),
    ("!mytag {a: 1}", "the tag !mytag is not kept"),
    ("!mytag scalar", "the tag !mytag is not kept"),
    (
        "[!point {x: 1}, !!binary R0lGODlh]",
        "the tag !point is not kept",
    ),
    (
        "!!binary R0lGODlhDAAMAIQAAP",
        "the tag !!binary is not kept",
    ),
    (
        "!<tag:example.cn,2024:x> 5",
        "the tag !<tag:example.cn,2024:x> is not kept",
    ),
];

#[test]
fn no_unknown_value_makes_a_board_unreadable_and_check_says_what_a_rewrite_changes() {
    let dir = scratch();
    for (value, warning) in ONCE_UNREADABLE {
        let text = format!("{HEAD}doc_no: {value}\ntasks: []\n");
        write(dir.path(), "b.yaml", &text);
        let run = ducha(dir.path(), &["check", "b.yaml"]);
        assert_eq!(run.code, 0, "{value}: {run:?}");
        assert!(
            run.stderr.contains("b.yaml:5:") && run.stderr.contains(warning),
            "{value}: {}",
            run.stderr
        );
        // The rewrite keeps what the value means to the board.
        let before = parse(&text).unwrap().board;
        let after = parse(&to_yaml(&before)).unwrap().board;
        assert_eq!(after.extra, before.extra, "{value}");
    }
    let big = parse(&format!("{HEAD}doc_no: 20240101000000000001\n")).unwrap();
    assert_eq!(
        big.board.extra.0[0].1,
        Raw::Str("20240101000000000001".into())
    );
}

/// Spellings the canonical form changes into another spelling of the same value.
const RESPELLED: &[(&str, &str)] = &[
    ("0x1F", "31"),
    ("0o17", "15"),
    ("+12", "12"),
    ("1.10", "1.1"),
    ("1e3", "1000.0"),
    ("null", "~"),
    ("True", "true"),
    ("'single'", "single"),
];

#[test]
fn other_spellings_keep_their_value() {
    for (written, canonical) in RESPELLED {
        let text = format!("{HEAD}v: {written}\n");
        let once = parse(&text).unwrap().board;
        let out = to_yaml(&once);
        assert!(
            out.contains(&format!("\nv: {canonical}\n")),
            "{written}: {out}"
        );
        assert_eq!(parse(&out).unwrap().board.extra, once.extra, "{written}");
    }
    // An alias is written out in full, and a merge key stays a merge key.
    let text = format!("{HEAD}d: &d {{phase: p1}}\nm:\n  <<: *d\n  id: x\n");
    let out = to_yaml(&parse(&text).unwrap().board);
    assert!(
        out.contains("\nm:\n  <<:\n    phase: p1\n  id: x\n"),
        "{out}"
    );
}
