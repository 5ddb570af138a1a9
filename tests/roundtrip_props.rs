//! Property test: any board, written and read back, is the same board, and writing is a fixed point.
//!
//! The strings are built to hit the writer's quoting decisions: YAML indicators, words a reader
//! would take for null, booleans or numbers, dates, leading and trailing spaces, newlines.

use chrono::NaiveDate;
use ducha::model::{Board, Extra, Lang, Phase, Progress, Raw, Stamp, Status, Task, Unit};
use ducha::store::{parse, to_yaml};
use proptest::prelude::*;

/// Whole strings that a careless writer would emit plain and get back as something else.
const TRICKY: &[&str] = &[
    "",
    " ",
    "null",
    "Null",
    "~",
    "true",
    "False",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "<<",
    "=",
    "1",
    "001",
    "-1",
    "+1",
    "1.0",
    "1.",
    ".5",
    "1e5",
    "1E-5",
    "0x1F",
    "0o17",
    "0b101",
    "1_000",
    ".inf",
    "-.inf",
    ".nan",
    "inf",
    "nan",
    "12:30",
    "2017-04-24",
    "2017-02-30",
    "2017-4-2",
    "2017-04-24T16:00:00+08:00",
    "- a",
    "-",
    "--- x",
    "...",
    "a: b",
    "a:",
    ":a",
    "a #b",
    "#x",
    "a#b",
    "?",
    "? a",
    "!tag",
    "&anchor",
    "*alias",
    "|",
    ">",
    "%x",
    "@x",
    "`x`",
    "'q'",
    "\"q\"",
    "a,b",
    "[a]",
    "{a: 1}",
    "a]",
    "a}",
    " lead",
    "trail ",
    "\u{3000}全角空格",
    "a\nb",
    "\n",
    "line\n",
    "\u{FEFF}bom",
    "a\u{2028}b",
    "\\",
    "C#语言",
    "http://x.cn/a?b=1#c",
    "“三改一拆”",
    "牵头单位：市委办公室",
    "完成时限: 6月底",
];

/// Characters mixed into random strings (no control characters except newline: loading cleans those).
fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('一', '龥'),
        3 => prop::char::range('a', 'z'),
        1 => prop::char::range('0', '9'),
        3 => prop::sample::select(vec![
            ' ', ' ', ':', '#', '-', '?', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'',
            '"', '%', '@', '`', '\\', '~', '.', '+', '=', '\n', '、', '，', '。', '：', '“', '”',
            '（', '）', '《', '》', '\u{3000}', '\u{A0}', '\u{FEFF}', '\u{2028}', 'é', '🙂',
        ]),
    ]
}

/// Text as it can appear in a loaded board.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(text_char(), 0..14).prop_map(|v| v.into_iter().collect()),
        1 => prop::sample::select(TRICKY).prop_map(String::from),
    ]
}

/// Text that loading keeps as given for optional fields (blank ones are read as absent).
fn non_blank() -> impl Strategy<Value = String> {
    text().prop_filter("blank", |s| !s.trim().is_empty())
}

/// Text for values nobody cleans: unknown keys keep even control characters.
fn raw_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => text(),
        1 => prop::collection::vec(
            prop::sample::select(vec!['\t', '\r', '\u{1b}', '\u{7}', '\u{0}', '\u{85}', '\u{9b}', 'x']),
            1..5
        )
        .prop_map(|v| v.into_iter().collect()),
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
}

/// A timestamp in one of the written forms the loader accepts.
fn stamp() -> impl Strategy<Value = Stamp> {
    (date(), 0u32..24, 0u32..60, 0u32..60, 0usize..5).prop_map(|(d, h, m, s, form)| {
        let text = match form {
            0 => d.format("%Y-%m-%d").to_string(),
            1 => format!("{} {h:02}:{m:02}", d.format("%Y-%m-%d")),
            2 => format!("{} {h:02}:{m:02}:{s:02}", d.format("%Y-%m-%d")),
            3 => format!("{}T{h:02}:{m:02}:{s:02}+08:00", d.format("%Y-%m-%d")),
            _ => format!("{}T{h:02}:{m:02}:{s:02}Z", d.format("%Y-%m-%d")),
        };
        Stamp::parse(&text).unwrap_or_else(|| panic!("generated stamp {text} must parse"))
    })
}

fn float() -> impl Strategy<Value = f64> {
    prop_oneof![
        prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        (-1000i32..1000).prop_map(f64::from),
        Just(0.1),
        Just(1e20),
    ]
}

fn raw() -> impl Strategy<Value = Raw> {
    let leaf = prop_oneof![
        Just(Raw::Null),
        any::<bool>().prop_map(Raw::Bool),
        any::<i64>().prop_map(Raw::Int),
        ((i64::MAX as u64 + 1)..=u64::MAX).prop_map(Raw::UInt),
        float().prop_map(Raw::Float),
        raw_text().prop_map(Raw::Str),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Raw::Seq),
            prop::collection::vec((raw_key(), inner), 0..4).prop_map(|entries| {
                let mut out: Vec<(Raw, Raw)> = Vec::new();
                for (k, v) in entries {
                    if !out.iter().any(|(seen, _)| seen == &k) {
                        out.push((k, v));
                    }
                }
                Raw::Map(out)
            }),
        ]
    })
}

/// Keys of nested unknown mappings: mostly text, sometimes numbers or booleans.
fn raw_key() -> impl Strategy<Value = Raw> {
    prop_oneof![
        4 => text().prop_map(Raw::Str),
        1 => any::<i64>().prop_map(Raw::Int),
        1 => any::<bool>().prop_map(Raw::Bool),
    ]
}

/// Keeps the first of each key: a YAML mapping cannot repeat one.
fn dedup_keys<V>(entries: Vec<(String, V)>) -> Vec<(String, V)> {
    let mut seen = std::collections::HashSet::new();
    entries
        .into_iter()
        .filter(|(k, _)| seen.insert(k.clone()))
        .collect()
}

/// Unknown keys for a mapping whose known keys are `known`.
fn extra(known: &'static [&'static str]) -> impl Strategy<Value = Extra> {
    prop::collection::vec((text(), raw()), 0..3).prop_map(move |entries| {
        Extra(
            dedup_keys(entries)
                .into_iter()
                .filter(|(k, _)| !known.contains(&k.as_str()))
                .collect(),
        )
    })
}

fn status() -> impl Strategy<Value = Status> {
    (
        text(),
        text(),
        any::<bool>(),
        extra(&["id", "name", "done"]),
    )
        .prop_map(|(id, name, done, extra)| Status {
            id,
            name,
            done,
            extra,
        })
}

fn phase() -> impl Strategy<Value = Phase> {
    (
        text(),
        text(),
        date(),
        date(),
        extra(&["id", "name", "start", "end"]),
    )
        .prop_map(|(id, name, start, end, extra)| Phase {
            id,
            name,
            start,
            end,
            extra,
        })
}

fn unit() -> impl Strategy<Value = Unit> {
    (text(), text(), extra(&["id", "name"])).prop_map(|(id, name, extra)| Unit { id, name, extra })
}

fn progress() -> impl Strategy<Value = Progress> {
    (stamp(), text(), text(), extra(&["at", "by", "note"])).prop_map(|(at, by, note, extra)| {
        Progress {
            at,
            by: by.into(),
            note,
            extra,
        }
    })
}

const TASK_KEYS: &[&str] = &[
    "id",
    "title",
    "phase",
    "lead",
    "partners",
    "deadline",
    "status",
    "category",
    "extended_to",
    "extension_reason",
    "progress",
];

fn task() -> impl Strategy<Value = Task> {
    (
        (text(), text(), text(), text()),
        prop::collection::vec(text(), 0..3),
        (
            prop::option::of(date()),
            non_blank(),
            prop::option::of(non_blank()),
        ),
        (prop::option::of(date()), prop::option::of(non_blank())),
        prop::collection::vec(progress(), 0..3),
        extra(TASK_KEYS),
    )
        .prop_map(
            |(
                (id, title, phase, lead),
                partners,
                (deadline, status, category),
                (extended_to, extension_reason),
                progress,
                extra,
            )| Task {
                id: id.into(),
                title,
                phase: phase.into(),
                lead: lead.into(),
                partners: partners.into_iter().map(Into::into).collect(),
                deadline,
                status: status.into(),
                category: category.map(Into::into),
                extended_to,
                extension_reason,
                progress,
                extra,
            },
        )
}

fn board() -> impl Strategy<Value = Board> {
    (
        (
            text(),
            prop::option::of(prop::sample::select(vec![Lang::Zh, Lang::En])),
            prop::option::of(any::<u32>()),
        ),
        prop::option::of(prop::collection::vec(status(), 0..4)),
        prop::collection::vec(phase(), 0..4),
        prop::collection::vec(unit(), 0..4),
        prop::collection::vec(task(), 0..5),
        prop::collection::vec(progress(), 0..3),
        extra(&[
            "title",
            "lang",
            "warn_days",
            "statuses",
            "phases",
            "units",
            "tasks",
            "log",
        ]),
    )
        .prop_map(
            |((title, lang, warn_days), statuses, phases, units, tasks, log, extra)| Board {
                title,
                lang,
                warn_days,
                statuses_given: statuses.is_some(),
                statuses: statuses
                    .unwrap_or_else(|| Board::default_statuses(lang.unwrap_or_default())),
                phases,
                units,
                tasks,
                log,
                extra,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn written_boards_read_back_equal(b in board()) {
        let text = to_yaml(&b);
        let parsed = match parse(&text) {
            Ok(p) => p,
            Err(d) => return Err(TestCaseError::fail(format!("{d:?}\n--- written:\n{text}"))),
        };
        prop_assert_eq!(&parsed.board, &b, "written:\n{}", text);
        prop_assert_eq!(to_yaml(&parsed.board), text);
    }

    #[test]
    fn any_string_survives_as_a_title_and_an_unknown_value(s in raw_text(), t in text()) {
        let b = Board {
            title: t.clone(),
            extra: Extra(vec![("note".into(), Raw::Str(s.clone()))]),
            ..Board::default()
        };
        let text = to_yaml(&b);
        let parsed = parse(&text).map_err(|d| TestCaseError::fail(format!("{d:?}\n{text}")))?;
        prop_assert_eq!(&parsed.board.title, &t);
        prop_assert_eq!(&parsed.board.extra.0[0].1, &Raw::Str(s));
    }
}
