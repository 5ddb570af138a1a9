//! Fuzzing the loader and the canonical writer: arbitrary bytes, and sample boards mutated with
//! the pieces of YAML that break readers (brackets, anchors, tags, quotes, escapes, emoji).
//!
//! For every input: reading never panics and stays fast; every message is printable as it is;
//! a board read without errors is written in a form that reads back to the same board, is
//! written the same way again, and holds nothing that could act on a terminal.
//!
//! The number of cases is `DUCHA_FUZZ_CASES` (default 200, which CI runs); for a longer run:
//! `DUCHA_FUZZ_CASES=100000 cargo test --release --test fuzz_loader`. The seeds are the boards
//! in `boards/` and the hostile fixtures in `tests/fuzz_corpus/`.

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long one reading may take, generously: the inputs are small.
const SLOW: Duration = Duration::from_secs(2);

fn cases() -> u32 {
    std::env::var("DUCHA_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

fn config() -> Config {
    Config {
        cases: cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}

/// The seed corpus: sample boards and hostile fixtures.
fn seeds() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["boards", "tests/fuzz_corpus"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "yaml") {
                if let Ok(text) = std::fs::read_to_string(&p) {
                    out.push(text);
                }
            }
        }
    }
    assert!(out.len() >= 5, "seed corpus missing");
    out
}

/// Pieces that readers and writers get wrong.
const PIECES: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    ",",
    ": ",
    "- ",
    "? ",
    "#",
    " #",
    "&a ",
    "*a",
    "!t ",
    "!!binary ",
    "<<: ",
    "\"",
    "'",
    "\\",
    "\n",
    "\n  ",
    "\t",
    "|\n",
    ">-\n",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "~",
    "0x1F",
    "1e3",
    "20240101000000000001",
    ".nan",
    "yes",
    "2017-02-30",
    "02024-01-01",
    "\u{1b}[31m",
    "\\e]52;c;eA==\\a",
    "\u{9b}",
    "\u{202e}",
    "\u{2028}",
    "\u{85}",
    "\u{feff}",
    "\u{0}",
    "\r",
    "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
    "e\u{301}",
    "作风建设年",
    "https://e.cn/a?b=1#c",
    "tasks:",
    "id: ",
    "title: ",
    "deadline: ",
    "progress:",
];

/// One change to a text.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, usize),
    Delete(usize, usize),
    Repeat(usize, usize, usize),
    Byte(usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), 0..PIECES.len()).prop_map(|(at, p)| Edit::Insert(at, p)),
        2 => (any::<usize>(), 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        1 => (any::<usize>(), 1usize..30, 1usize..20).prop_map(|(at, n, k)| Edit::Repeat(at, n, k)),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Byte(at, b)),
    ]
}

/// Applies edits to bytes (positions wrap around the length).
fn mutate(seed: &str, edits: &[Edit]) -> Vec<u8> {
    let mut b = seed.as_bytes().to_vec();
    for e in edits {
        let at = |i: usize, b: &Vec<u8>| if b.is_empty() { 0 } else { i % (b.len() + 1) };
        match *e {
            Edit::Insert(i, p) => {
                let i = at(i, &b);
                b.splice(i..i, PIECES[p].bytes());
            }
            Edit::Delete(i, n) => {
                let i = at(i, &b);
                let end = (i + n).min(b.len());
                b.drain(i..end);
            }
            Edit::Repeat(i, n, k) => {
                let i = at(i, &b);
                let end = (i + n).min(b.len());
                let piece = b[i..end].to_vec();
                for _ in 0..k {
                    b.splice(end..end, piece.iter().copied());
                }
            }
            Edit::Byte(i, v) => {
                if !b.is_empty() {
                    let i = i % b.len();
                    b[i] = v;
                }
            }
        }
    }
    b
}

/// `s` as a YAML double-quoted scalar (JSON's escapes are YAML's).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// Replaces the value of the `line`-th `key: value` of `seed` (wrapping around) with `value`.
fn replace_value(seed: &str, line: usize, value: &str) -> String {
    let lines: Vec<&str> = seed.lines().collect();
    let with_value: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].contains(": ") && !lines[i].trim_start().starts_with('#'))
        .collect();
    if with_value.is_empty() {
        return seed.to_string();
    }
    let i = with_value[line % with_value.len()];
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    if let Some(at) = out[i].rfind(": ") {
        // In a flow record, only the last value is replaced, keeping the closing bracket.
        let tail = if out[i].trim_end().ends_with('}') {
            "}"
        } else {
            ""
        };
        out[i] = format!("{}: {value}{tail}", &out[i][..at]);
    }
    out.join("\n") + "\n"
}

fn has_raw_controls(s: &str) -> bool {
    s.chars().any(|c| {
        (c.is_control() && c != '\n')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
            || matches!(c, '\u{2028}' | '\u{2029}')
    })
}

/// Everything the properties promise, for one input.
fn holds(bytes: &[u8]) -> Result<(), TestCaseError> {
    let text = String::from_utf8_lossy(bytes);
    let start = Instant::now();
    let parsed = ducha::store::parse(&text);
    prop_assert!(start.elapsed() < SLOW, "slow: {:?}", start.elapsed());
    let parsed = match parsed {
        Err(d) => {
            let shown = d.render("f\u{1b}.yaml", ducha::model::Lang::En);
            prop_assert!(!has_raw_controls(&shown), "{shown:?}");
            return Ok(());
        }
        Ok(p) => p,
    };
    for d in &parsed.diagnostics {
        let shown = d.render("f.yaml", ducha::model::Lang::Zh);
        prop_assert!(!has_raw_controls(&shown), "{shown:?}");
    }
    if ducha::model::validate::has_errors(&parsed.diagnostics) {
        return Ok(());
    }
    let written = ducha::store::to_yaml(&parsed.board);
    prop_assert!(
        !has_raw_controls(&written),
        "raw controls written:\n{written}"
    );
    let again = ducha::store::parse(&written);
    prop_assert!(
        again.is_ok(),
        "the output does not read: {again:?}\n{written}"
    );
    let again = again.map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
    prop_assert!(
        !ducha::model::validate::has_errors(&again.diagnostics),
        "the output has errors: {:?}\n{written}",
        again.diagnostics
    );
    // Compared as text: a NaN is not equal to itself.
    prop_assert_eq!(format!("{:?}", again.board), format!("{:?}", parsed.board));
    prop_assert_eq!(ducha::store::to_yaml(&again.board), written);
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        holds(&bytes)?;
    }

    #[test]
    fn mutated_boards(
        seed in any::<prop::sample::Index>(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let seeds = seeds();
        let text = &seeds[seed.index(seeds.len())];
        holds(&mutate(text, &edits))?;
    }

    #[test]
    fn values_replaced(
        seed in any::<prop::sample::Index>(),
        changes in prop::collection::vec(
            (any::<usize>(), prop::collection::vec(0..PIECES.len(), 0..6), any::<bool>()),
            1..5,
        ),
    ) {
        let seeds = seeds();
        let mut text = seeds[seed.index(seeds.len())].clone();
        for (line, pieces, quote) in changes {
            let value: String = pieces.iter().map(|&p| PIECES[p]).collect();
            let value = if quote { quoted(&value) } else { value };
            text = replace_value(&text, line, &value);
        }
        holds(text.as_bytes())?;
    }

    #[test]
    fn pieces_strung_together(pieces in prop::collection::vec(0..PIECES.len(), 0..60)) {
        let text: String = pieces.iter().map(|&p| PIECES[p]).collect();
        holds(text.as_bytes())?;
    }
}

/// How deep brackets nest as the YAML parser reads them, up to its first error: a collection
/// starts with a bracket exactly when its event is marked at one.
///
/// This is the parser the board is read with (YAML 1.2: NEL, LS and PS are not line breaks);
/// the board is read without its byte-order mark.
fn parsed_bracket_depth(text: &str) -> usize {
    use yaml_rust2::parser::{Event, Parser};
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let chars: Vec<char> = text.chars().collect();
    let mut parser = Parser::new_from_str(text);
    // Open collections: whether each starts with a bracket, and where. An implicit one-pair
    // mapping around a bracketed key (`[{a}: b]`) is marked at the same bracket: not a level.
    let mut stack: Vec<(bool, usize)> = Vec::new();
    let mut deepest = 0;
    while let Ok((ev, mark)) = parser.next_token() {
        match ev {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let at = mark.index();
                let bracket = matches!(chars.get(at), Some('[' | '{'));
                let again = stack.iter().any(|&(_, i)| i == at);
                stack.push((bracket && !again, at));
                deepest = deepest.max(stack.iter().filter(|f| f.0).count());
            }
            Event::SequenceEnd | Event::MappingEnd => {
                stack.pop();
            }
            Event::StreamEnd => break,
            _ => {}
        }
    }
    deepest
}

proptest! {
    #![proptest_config(config())]

    /// Whatever text comes before, between and after them, a file the parser would read deeper
    /// than the limit is refused, with a position: for its brackets, or for what the reader
    /// found wrong before it got to them (a document that is not a board, a second document).
    #[test]
    fn deep_brackets_are_always_caught(
        before in prop::collection::vec(0..PIECES.len(), 0..4),
        opens in prop::collection::vec(
            (0..2usize, prop::option::weighted(0.04, 0..PIECES.len())),
            101..130,
        ),
        after in prop::collection::vec(0..PIECES.len(), 0..3),
    ) {
        let mut text: String = before.iter().map(|&p| PIECES[p]).collect();
        for (kind, between) in &opens {
            text.push_str(if *kind == 0 { "[" } else { "{" });
            text.extend(between.map(|p| PIECES[p]));
        }
        text.extend(after.iter().map(|&p| PIECES[p]));
        for (kind, _) in opens.iter().rev() {
            text.push_str(if *kind == 0 { "]" } else { "}" });
        }
        if parsed_bracket_depth(&text) > ducha::store::MAX_DEPTH {
            let refused = ducha::store::parse(&text)
                .err()
                .is_some_and(|d| d.pos.is_some());
            prop_assert!(refused, "not refused: {text:?}");
        }
    }
}

#[test]
fn every_seed_holds() {
    for s in seeds() {
        holds(s.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn files_of_any_bytes_load_or_are_refused_with_a_printable_message() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = seeds();
    let mut runner = proptest::test_runner::TestRunner::new(Config {
        cases: cases() / 4 + 1,
        ..Config::default()
    });
    let strategy = (
        any::<prop::sample::Index>(),
        prop::collection::vec(edit(), 0..8),
    );
    runner
        .run(&strategy, |(seed, edits)| {
            let bytes = mutate(&seeds[seed.index(seeds.len())], &edits);
            let path = dir.path().join("b\u{1b}[31m.yaml");
            std::fs::write(&path, &bytes).unwrap();
            match ducha::store::load(&path) {
                Ok(l) => {
                    for d in &l.parsed.diagnostics {
                        let shown = d.render(
                            &ducha::model::text::printable_path(&path),
                            ducha::model::Lang::En,
                        );
                        prop_assert!(!has_raw_controls(&shown), "{shown:?}");
                    }
                }
                Err(e) => {
                    let shown = e.message(ducha::model::Lang::Zh);
                    prop_assert!(!has_raw_controls(&shown), "{shown:?}");
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}
