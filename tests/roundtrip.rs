//! Load, save, load: the sample boards and hand-written edge cases come back unchanged.

use ducha::model::{Extra, Raw};
use ducha::store::{backup_path, load, parse, save, to_yaml};
use std::path::PathBuf;

fn boards() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("boards");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("boards folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    assert!(v.len() >= 5, "sample boards missing from {}", dir.display());
    v
}

fn parse_ok(text: &str) -> ducha::store::Parsed {
    match parse(text) {
        Ok(p) => p,
        Err(d) => panic!("does not parse: {d:?}\n{text}"),
    }
}

#[test]
fn every_sample_board_survives_a_round_trip() {
    for path in boards() {
        let text = std::fs::read_to_string(&path).expect("read board");
        let first = parse_ok(&text);
        assert!(
            first.diagnostics.is_empty(),
            "{}: {:?}",
            path.display(),
            first.diagnostics
        );
        let written = to_yaml(&first.board);
        let second = parse_ok(&written);
        assert_eq!(first.board, second.board, "{}", path.display());
        assert!(second.diagnostics.is_empty(), "{}", path.display());
        assert_eq!(
            to_yaml(&second.board),
            written,
            "{}: second save differs",
            path.display()
        );
        assert!(!second.has_comments, "{}", path.display());
    }
}

#[test]
fn every_sample_board_survives_load_save_load_on_disk() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for path in boards() {
        let copy = dir.path().join(path.file_name().expect("file name"));
        std::fs::copy(&path, &copy).expect("copy");
        let first = load(&copy).expect("load");
        let stamp = save(&copy, &first.parsed.board, Some(first.disk)).expect("save");
        let canonical = std::fs::read(&copy).expect("read");
        let second = load(&copy).expect("reload");
        assert_eq!(
            second.parsed.board,
            first.parsed.board,
            "{}",
            path.display()
        );
        assert_eq!(second.disk, stamp);
        // Saving what was just loaded writes nothing: same bytes, same backup.
        let bak = std::fs::read(backup_path(&copy)).expect("backup");
        assert_eq!(
            save(&copy, &second.parsed.board, Some(second.disk)).expect("save again"),
            stamp
        );
        assert_eq!(std::fs::read(&copy).expect("read"), canonical);
        assert_eq!(std::fs::read(backup_path(&copy)).expect("backup"), bak);
        assert_eq!(bak, std::fs::read(&path).expect("original"));
    }
}

#[test]
fn chinese_is_written_as_is_and_task_order_is_kept() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("boards/zhucheng-2017.yaml");
    let board = parse_ok(&std::fs::read_to_string(path).expect("read")).board;
    let written = to_yaml(&board);
    assert!(written.contains("title: 诸城市“作风建设年”活动\n"));
    assert!(written.contains("name: 宣传发动、统一思想"));
    assert!(!written.contains("\\u"), "escaped text in:\n{written}");
    let ids: Vec<&str> = board.tasks.iter().map(|t| t.id.as_str()).collect();
    let again: Vec<String> = parse_ok(&written)
        .board
        .tasks
        .iter()
        .map(|t| t.id.to_string())
        .collect();
    assert_eq!(ids, again);
    // The file lists S01 first and the phases are not sorted by id anywhere.
    assert_eq!(ids[0], "S01");
}

const EXTRAS: &str = r#"title: 未知键测试
office: 市委督查室
meta: {version: 3, tags: [a, b], nested: {deep: [1, {x: ~}]}}
history:
  - {at: 2017-04-01, what: 建板}
  - plain item
statuses:
  - {id: todo, name: 未启动, color: gray}
  - {id: done, name: 已完成, done: true, weight: 1.5}
phases:
  - {id: p1, name: 一, start: 2017-04-01, end: 2017-04-30, owner: 王, sub: [x, y]}
units:
  - {id: u1, name: 市委办, phone: "0536-1234567", head: {name: 李, since: 2016}}
tasks:
  - id: T1
    title: 任务一
    phase: p1
    lead: u1
    deadline: 2017-04-20
    status: todo
    priority: 1
    checked: false
    budget: 12.5
    big: 18446744073709551615
    nothing: ~
    links:
      - https://example.cn/a
      - {rel: 文件, href: "a: b"}
    progress:
      - {at: 2017-04-10 09:00, by: 张, note: 已部署, photo: p1.jpg, tags: [现场, 会议]}
"#;

fn extra_value<'a>(extra: &'a Extra, key: &str) -> &'a Raw {
    &extra
        .0
        .iter()
        .find(|(k, _)| k == key)
        .unwrap_or_else(|| panic!("key {key} not kept: {extra:?}"))
        .1
}

#[test]
fn unknown_keys_are_kept_at_every_level() {
    let b = parse_ok(EXTRAS).board;
    assert_eq!(
        extra_value(&b.extra, "office"),
        &Raw::Str("市委督查室".into())
    );
    assert!(matches!(extra_value(&b.extra, "meta"), Raw::Map(m) if m.len() == 3));
    assert!(matches!(extra_value(&b.extra, "history"), Raw::Seq(s) if s.len() == 2));
    assert_eq!(
        extra_value(&b.statuses[0].extra, "color"),
        &Raw::Str("gray".into())
    );
    assert_eq!(
        extra_value(&b.statuses[1].extra, "weight"),
        &Raw::Float(1.5)
    );
    assert!(matches!(
        extra_value(&b.phases[0].extra, "sub"),
        Raw::Seq(_)
    ));
    assert_eq!(
        extra_value(&b.units[0].extra, "phone"),
        &Raw::Str("0536-1234567".into())
    );
    assert!(matches!(
        extra_value(&b.units[0].extra, "head"),
        Raw::Map(_)
    ));
    let t = &b.tasks[0];
    assert_eq!(extra_value(&t.extra, "priority"), &Raw::Int(1));
    assert_eq!(extra_value(&t.extra, "checked"), &Raw::Bool(false));
    assert_eq!(extra_value(&t.extra, "budget"), &Raw::Float(12.5));
    assert_eq!(extra_value(&t.extra, "big"), &Raw::UInt(u64::MAX));
    assert_eq!(extra_value(&t.extra, "nothing"), &Raw::Null);
    assert!(matches!(extra_value(&t.extra, "links"), Raw::Seq(s) if s.len() == 2));
    assert_eq!(
        extra_value(&t.progress[0].extra, "photo"),
        &Raw::Str("p1.jpg".into())
    );

    let written = to_yaml(&b);
    let again = parse_ok(&written).board;
    assert_eq!(again, b, "written:\n{written}");
    assert_eq!(to_yaml(&again), written);
    // Known keys keep their canonical order; unknown ones follow in file order.
    let office = written.find("office:").expect("office written");
    let meta = written.find("meta:").expect("meta written");
    let history = written.find("history:").expect("history written");
    assert!(office < meta && meta < history, "{written}");
    assert!(written.contains("    priority: 1\n"), "{written}");
}

#[test]
fn a_second_save_is_byte_identical_for_a_hand_edited_file() {
    let messy = "title:   'single quoted'\nlang: zh\nphases:\n- id: p1\n  name: 一\n  start: 2017-4-1\n  end: 2017-04-30\ntasks:\n- {id: T1, title: x, phase: p1, lead: 办公室, partners: '组织部、宣传部', deadline: 2017-04-09, status: todo}\n";
    let first = parse_ok(messy);
    assert_eq!(first.board.tasks[0].partners, vec!["组织部", "宣传部"]);
    let once = to_yaml(&first.board);
    let twice = to_yaml(&parse_ok(&once).board);
    assert_eq!(once, twice);
    assert!(once.contains("partners: [组织部, 宣传部]\n"), "{once}");
    assert!(once.contains("start: 2017-04-01"), "{once}");
}

#[test]
fn text_a_reader_would_mistake_is_quoted() {
    // Each of these once came back changed or did not parse at all.
    let cases = [
        (
            "一:?",
            "inside a flow record, ':' before '?' is refused by the reader",
        ),
        ("null", "would read as nothing"),
        ("001", "would read as a number"),
        ("a: b", "would read as a mapping"),
        ("- x", "would read as a list"),
        ("x #y", "would lose a comment"),
        ("2017-02-30", "is not a date but looks like one"),
    ];
    for (s, why) in cases {
        let mut b = parse_ok(
            "title: t\nphases:\n  - {id: p1, name: n, start: 2017-01-01, end: 2017-12-31}\nunits:\n  - {id: u, name: U}\ntasks: []\n",
        )
        .board;
        b.phases[0].name = s.to_string();
        b.units[0]
            .extra
            .0
            .push(("k".into(), Raw::Str(s.to_string())));
        b.title = s.to_string();
        let written = to_yaml(&b);
        let back = match parse(&written) {
            Ok(p) => p.board,
            Err(d) => panic!("{s:?} ({why}): {d:?}\n{written}"),
        };
        assert_eq!(back, b, "{s:?} ({why})\n{written}");
    }
}

#[test]
fn empty_lists_stay_lists() {
    let text = "title: t\nstatuses: []\nphases: []\ntasks: []\n";
    let b = parse_ok(text).board;
    assert!(b.statuses_given && b.statuses.is_empty());
    let written = to_yaml(&b);
    assert_eq!(written, text);
    assert_eq!(parse_ok(&written).board, b);
}

#[test]
fn dates_and_times_keep_their_written_form() {
    let text = "title: t\nphases:\n  - {id: p1, name: 一, start: 2017-01-01, end: 2017-12-31}\ntasks:\n  - id: T1\n    title: x\n    phase: p1\n    lead: u\n    status: todo\n    progress:\n      - {at: 2017-04-24T16:00:00+08:00, by: a, note: b}\n      - {at: 2017-04-25 09:30, by: a, note: c}\n      - {at: 2017-04-26, by: a, note: d}\n";
    let b = parse_ok(text).board;
    let written = to_yaml(&b);
    for at in [
        "2017-04-24T16:00:00+08:00",
        "2017-04-25 09:30",
        "at: 2017-04-26,",
    ] {
        assert!(written.contains(at), "{at} lost in:\n{written}");
    }
    assert_eq!(written, text);
}
