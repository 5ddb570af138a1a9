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
    // Other spellings of numbers, truth values and nulls stay as they were written.
    (" 0x1F", "0x1F"),
    (" 0o17", "0o17"),
    (" +12", "+12"),
    (" 1.10", "1.10"),
    (" 1e3", "1e3"),
    (" null", "null"),
    (" True", "True"),
    (" yes", "yes"),
    (" 1_000", "1_000"),
    // Whole numbers beyond 64 bits.
    (" 20240101000000000001", "20240101000000000001"),
    (" -20240101000000000001", "-20240101000000000001"),
    // Tags, as written.
    (" !mytag {a: 1}", "!mytag {a: 1}"),
    (" !mytag scalar", "!mytag scalar"),
    (
        "\n  - !point {x: 1}\n  - !!binary R0lGODlh",
        "[!point {x: 1}, !!binary R0lGODlh]",
    ),
    (
        " !!binary R0lGODlhDAAMAIQAAP",
        "!!binary R0lGODlhDAAMAIQAAP",
    ),
    (" !<tag:example.cn,2024:x> 5", "!<tag:example.cn,2024:x> 5"),
    (" !!str 2017", "!!str 2017"),
    // Anchors, aliases and merge keys that use them.
    (" &a [1, 2]", "&a [1, 2]"),
    ("\n  - &n 1\n  - *n", "[&n 1, *n]"),
    (
        "\n  d: &d {a: 1}\n  m:\n    <<: *d\n    b: 2",
        "{d: &d {a: 1}, m: {<<: *d, b: 2}}",
    ),
    (
        "\n  base: &base [x]\n  more:\n    - *base\n    - *base",
        "{base: &base [x], more: [*base, *base]}",
    ),
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

/// Values the board could not read at all before, and which `check` warned a rewrite would change.
const ONCE_UNREADABLE: &[&str] = &[
    "20240101000000000001",
    "-20240101000000000001",
    "!mytag {a: 1}",
    "!mytag scalar",
    "[!point {x: 1}, !!binary R0lGODlh]",
    "!!binary R0lGODlhDAAMAIQAAP",
    "!<tag:example.cn,2024:x> 5",
];

#[test]
fn no_unknown_value_makes_a_board_unreadable_and_a_rewrite_keeps_it() {
    let dir = scratch();
    for value in ONCE_UNREADABLE {
        let text = format!("{HEAD}doc_no: {value}\ntasks: []\n");
        write(dir.path(), "b.yaml", &text);
        let run = ducha(dir.path(), &["check", "b.yaml"]);
        assert_eq!(run.code, 0, "{value}: {run:?}");
        assert!(run.stdout.contains("0 warnings"), "{value}: {run:?}");
        let run = ducha(dir.path(), &["fmt", "b.yaml"]);
        assert_eq!(run.code, 0, "{value}: {run:?}");
        let written = std::fs::read_to_string(dir.path().join("b.yaml")).unwrap();
        let (before, after) = (parse(&text).unwrap(), parse(&written).unwrap());
        assert_eq!(after.board.extra, before.board.extra, "{value}: {written}");
    }
    let big = parse(&format!("{HEAD}doc_no: 20240101000000000001\n")).unwrap();
    assert_eq!(
        big.board.extra.0[0].1,
        Raw::Plain("20240101000000000001".into())
    );
    assert_eq!(
        big.board.extra.0[0].1.as_text().as_deref(),
        Some("20240101000000000001")
    );
}

#[test]
fn a_tag_on_a_field_the_board_knows_is_said_to_be_lost_on_rewrite() {
    let dir = scratch();
    let text = HEAD.replace("title: values", "title: !mytag values") + "tasks: []\n";
    write(dir.path(), "b.yaml", &text);
    let run = ducha(dir.path(), &["check", "b.yaml"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains("b.yaml:1:1:") && run.stderr.contains("the tag !mytag is not kept"),
        "{}",
        run.stderr
    );
}

/// Quoting of text is the canonical form's own; what the text says stays.
#[test]
fn quoted_text_is_written_in_the_canonical_quotes() {
    for (written, canonical) in [
        ("'single'", "single"),
        ("\"yes\"", "\"yes\""),
        ("'0x1F'", "\"0x1F\""),
    ] {
        let text = format!("{HEAD}v: {written}\n");
        let once = parse(&text).unwrap().board;
        let out = to_yaml(&once);
        assert!(
            out.contains(&format!("\nv: {canonical}\n")),
            "{written}: {out}"
        );
        assert_eq!(parse(&out).unwrap().board.extra, once.extra, "{written}");
    }
}

/// An alias whose anchor the canonical order puts after it is written out in full: the value
/// read back is the same.
#[test]
fn an_alias_before_its_anchor_in_canonical_order_is_written_in_full() {
    let text = format!(
        "{HEAD}tasks:\n  - id: T1\n    title: t\n    phase: p1\n    lead: a\n    status: todo\n    x: &late {{k: v}}\nlog: []\ny: *late\n"
    );
    let once = parse(&text).unwrap().board;
    let out = to_yaml(&once);
    let again = parse(&out).unwrap_or_else(|d| panic!("{d:?}\n{out}")).board;
    assert_eq!(
        again.extra.0[0].1.value(),
        once.extra.0[0].1.value(),
        "{out}"
    );
}
