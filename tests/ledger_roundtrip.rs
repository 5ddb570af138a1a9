//! Export then import gives back the same tasks: for the sample boards and, as a property, for
//! any valid board, through `.xlsx` and through CSV.

use chrono::NaiveDate;
use ducha::ledger::columns::recognise;
use ducha::ledger::{export_csv, export_xlsx, import_bytes, ImportOptions, Imported};
use ducha::model::{Board, Extra, Lang, Phase, Progress, Raw, Short, Stamp, Status, Task, Unit};
use ducha::report::Scope;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 7, 1).expect("date")
}

fn import(bytes: Vec<u8>) -> Imported {
    let opts = ImportOptions {
        sheet: None,
        year: None,
        lang: None,
        today: today(),
    };
    import_bytes(bytes, "ledger", &opts).expect("readable")
}

/// How a file kind keeps unknown values: CSV keeps text only.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Xlsx,
    Csv,
}

/// A value as the kind of file brings it back.
fn kept(v: &Raw, kind: Kind) -> Raw {
    match (v, kind) {
        (Raw::Int(i), Kind::Csv) => Raw::Str(i.to_string()),
        (Raw::Float(f), Kind::Csv) => Raw::Str(f.to_string()),
        (Raw::Bool(b), Kind::Csv) => Raw::Str(if *b { "TRUE" } else { "FALSE" }.into()),
        (v, _) => v.clone(),
    }
}

/// A task as the ledger shows it: units, phase and status by name.
#[derive(Debug, PartialEq)]
struct Shown {
    id: String,
    title: String,
    phase: String,
    category: Option<String>,
    lead: String,
    partners: Vec<String>,
    deadline: Option<NaiveDate>,
    extended_to: Option<NaiveDate>,
    extension_reason: Option<String>,
    status: (String, bool),
    extra: Vec<(String, Raw)>,
}

fn shown(b: &Board, t: &Task, kind: Kind) -> Shown {
    let unit = |id: &Short| match b.unit_name(id) {
        "" => id.to_string(),
        n => n.to_string(),
    };
    let status = b
        .statuses
        .iter()
        .find(|s| s.id == t.status)
        .expect("status");
    let mut extra: Vec<(String, Raw)> = t
        .extra
        .0
        .iter()
        .map(|(k, v)| (k.clone(), kept(v, kind)))
        .collect();
    extra.sort_by(|a, b| a.0.cmp(&b.0));
    Shown {
        id: t.id.to_string(),
        title: t.title.clone(),
        phase: b
            .phases
            .iter()
            .find(|p| p.id == t.phase)
            .expect("phase")
            .name
            .clone(),
        category: t.category.as_deref().map(String::from),
        lead: unit(&t.lead),
        partners: t.partners.iter().map(unit).collect(),
        deadline: t.deadline,
        extended_to: t.extended_to,
        extension_reason: t.extension_reason.clone(),
        status: (status.name.clone(), status.done),
        extra,
    }
}

fn assert_round_trip(board: &Board) {
    let scope = Scope::default();
    let files = [
        (
            Kind::Xlsx,
            export_xlsx(board, today(), &scope).expect("workbook"),
        ),
        (Kind::Csv, export_csv(board, today(), &scope).into_bytes()),
    ];
    for (kind, bytes) in files {
        let back = import(bytes);
        let errors: Vec<String> = back
            .problems
            .iter()
            .filter(|p| p.severity == ducha::model::validate::Severity::Error)
            .map(|p| p.render(back.lang))
            .collect();
        assert!(errors.is_empty(), "{kind:?}: {errors:?}");
        assert_eq!(back.board.title, board.title, "{kind:?}");
        assert_eq!(back.board.lang(), board.lang(), "{kind:?}");
        let want: Vec<Shown> = board.tasks.iter().map(|t| shown(board, t, kind)).collect();
        let got: Vec<Shown> = back
            .board
            .tasks
            .iter()
            .map(|t| shown(&back.board, t, Kind::Xlsx))
            .collect();
        assert_eq!(got.len(), want.len(), "{kind:?}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "{kind:?}");
        }
    }
}

#[test]
fn every_sample_board_comes_back_from_its_ledger() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("boards");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("boards") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let board = ducha::store::load(&path).expect("board").parsed.board;
            assert_round_trip(&board);
            n += 1;
        }
    }
    assert!(n >= 5);
}

/// Characters for text: Chinese, Latin, digits, punctuation a CSV or a formula cares about.
fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('一', '龥'),
        2 => prop::char::range('a', 'z'),
        1 => prop::char::range('0', '9'),
        2 => prop::sample::select(vec![' ', ',', '"', '\'', '=', '+', '-', '@', '#', ':', '：', '“', '”', '\n', '（', '）', '。', '%', '*', '|']),
    ]
}

/// Trimmed, non-blank text, as cells give it back.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(text_char(), 1..16)
        .prop_map(|v| v.into_iter().collect::<String>().trim().to_string())
        .prop_filter("blank", |s| {
            !s.is_empty() && !ducha::ledger::import::is_none_mark(s)
        })
}

/// Unit names: no separators or brackets, no spaces (runs of them are squeezed).
fn unit_name() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![3 => prop::char::range('一', '龥'), 1 => prop::char::range('A', 'Z')],
        1..8,
    )
    .prop_map(|v| v.into_iter().collect::<String>())
    .prop_filter("none mark", |s| !ducha::ledger::import::is_none_mark(s))
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1990i32..2100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("date"))
}

/// Unknown keys: ducha's own column keys, and others that name no column.
const KEYS: &[&str] = &[
    "content",
    "leader",
    "contact",
    "problems",
    "next_steps",
    "remarks",
    "start",
    "priority",
    "资金来源",
    "批示件号",
    "links",
];

fn extra_value() -> impl Strategy<Value = Raw> {
    prop_oneof![
        3 => text().prop_map(Raw::Str),
        1 => (-1_000_000_000i64..1_000_000_000).prop_map(Raw::Int),
        1 => any::<bool>().prop_map(Raw::Bool),
        1 => prop::sample::select(vec![0.5, 1.25, -3.75]).prop_map(Raw::Float),
    ]
}

/// Statuses other than the defaults, named by no status word.
const NEW_STATUSES: &[(&str, bool)] = &[("待验收", false), ("暂缓", false), ("已归档", true)];

#[derive(Debug, Clone)]
struct Shape {
    lang: Lang,
    statuses: Vec<Status>,
    phases: Vec<String>,
    units: Vec<String>,
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        prop::sample::select(vec![Lang::Zh, Lang::En]),
        any::<bool>(),
        prop::collection::hash_set(text(), 1..4),
        prop::collection::hash_set(unit_name(), 1..7),
    )
        .prop_map(|(lang, custom, phases, units)| {
            let mut statuses = Board::default_statuses(lang);
            if custom {
                statuses.extend(
                    NEW_STATUSES
                        .iter()
                        .enumerate()
                        .map(|(i, (n, done))| Status {
                            id: format!("s{i}"),
                            name: n.to_string(),
                            done: *done,
                            extra: Extra::new(),
                        }),
                );
            }
            Shape {
                lang,
                statuses,
                phases: phases.into_iter().collect(),
                units: units.into_iter().collect(),
            }
        })
}

fn task(shape: &Shape, i: usize) -> impl Strategy<Value = Task> {
    let (s, n_phases, n_units) = (
        shape.statuses.clone(),
        shape.phases.len(),
        shape.units.len(),
    );
    (
        (
            text(),
            0..n_phases,
            prop::option::of(text()),
            0..n_units,
            prop::collection::vec(0..n_units, 0..3),
        ),
        (
            prop::option::of(date()),
            prop::option::of(date()),
            prop::option::of(text()),
            0..s.len(),
        ),
        prop::collection::btree_map(prop::sample::select(KEYS), extra_value(), 0..3),
        prop::option::of(prop::sample::select(vec![
            "长期坚持",
            "持续推进",
            "按上级要求",
        ])),
    )
        .prop_map(
            move |(
                (title, phase, category, lead, partners),
                (deadline, extended_to, reason, status),
                extra,
                note,
            )| {
                let mut ps: Vec<String> = Vec::new();
                for p in partners
                    .into_iter()
                    .filter(|&p| p != lead)
                    .map(|p| format!("u{p}"))
                {
                    if !ps.contains(&p) {
                        ps.push(p);
                    }
                }
                let mut extra: Vec<(String, Raw)> =
                    extra.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                extra.extend(note.map(|n| ("deadline_note".to_string(), Raw::Str(n.to_string()))));
                Task {
                    id: format!("T{i:02}").into(),
                    title,
                    phase: format!("p{phase}").into(),
                    lead: format!("u{lead}").into(),
                    partners: ps.into_iter().map(Short::from).collect(),
                    deadline,
                    status: s[status].id.as_str().into(),
                    category: category.map(Short::from),
                    extended_to,
                    extension_reason: reason,
                    progress: vec![Progress {
                        at: Stamp::parse("2024-06-01 09:00").expect("stamp"),
                        by: "李娜".into(),
                        note: "已部署".into(),
                        extra: Extra::new(),
                    }],
                    extra: Extra(extra),
                }
            },
        )
}

fn board() -> impl Strategy<Value = Board> {
    (shape(), 1usize..8)
        .prop_flat_map(|(shape, n)| {
            let tasks: Vec<_> = (0..n).map(|i| task(&shape, i)).collect();
            (
                Just(shape),
                tasks,
                prop::sample::select(vec!["某县重点任务", "2024年台账", "Campaign board"]),
            )
        })
        .prop_map(|(shape, tasks, title)| Board {
            title: title.to_string(),
            lang: Some(shape.lang),
            warn_days: None,
            statuses_given: shape.statuses.len() > 3,
            statuses: shape.statuses,
            phases: shape
                .phases
                .iter()
                .enumerate()
                .map(|(i, name)| Phase {
                    id: format!("p{i}"),
                    name: name.clone(),
                    start: NaiveDate::MIN,
                    end: NaiveDate::MAX,
                    extra: Extra::new(),
                })
                .collect(),
            units: shape
                .units
                .iter()
                .enumerate()
                .map(|(i, name)| Unit {
                    id: format!("u{i}"),
                    name: name.clone(),
                    extra: Extra::new(),
                })
                .collect(),
            tasks,
            log: Vec::new(),
            extra: Extra::new(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_board_comes_back_from_its_ledger(b in board()) {
        for k in KEYS {
            prop_assert!(recognise(k).is_none() || ducha::ledger::columns::Field::of_extra_key(k).is_some(), "{k}");
        }
        assert_round_trip(&b);
    }
}
