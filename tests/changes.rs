//! What changed since a date: the JSON `since` lists on boards whose trails exercise every
//! definition, and the Markdown 通报 that lists tasks, ranks with ties and shows the changes.

mod support;

use serde_json::{json, Value};
use support::{ducha, sample, scratch, write};

/// `ducha report FILE --today DAY ARGS...` in `dir`; it must succeed.
fn report_in(dir: &std::path::Path, board: &str, today: &str, extra: &[&str]) -> String {
    let mut args = vec!["report", board, "--today", today];
    args.extend_from_slice(extra);
    let run = ducha(dir, &args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.stdout
}

fn zhucheng(extra: &[&str]) -> String {
    let path = sample("zhucheng-2017.yaml");
    let dir = path.parent().expect("boards folder");
    report_in(dir, "zhucheng-2017.yaml", "2017-07-10", extra)
}

fn since_of(text: &str) -> Value {
    let v: Value = serde_json::from_str(text).expect("JSON");
    v["since"].clone()
}

/// The Zhucheng board's trail since the first dispatch meeting (2017-06-09): S09 made done by a
/// status change on that day, S08 finished by its latest entry, M03 and X05 overdue since,
/// M05 extended, three units silent (S14's creation entry is the office's, not progress), and
/// S14 added.
#[test]
fn zhucheng_since_the_first_dispatch_meeting() {
    let since = since_of(&zhucheng(&["--format", "json", "--since", "2017-06-09"]));
    assert_eq!(
        since,
        json!({
            "from": "2017-06-09",
            "finished": ["S09", "S08"],
            "newly_overdue": ["M03", "X05"],
            "extended": ["M05"],
            "extensions": [{
                "task": "M05", "on": "2017-06-29", "from": "2017-06-30", "to": "2017-07-31",
                "reason": "待潍坊市年度考核办法印发后衔接修改"
            }],
            "silent_units": ["swb", "xcb", "fgj"],
            "new_tasks": ["S14"],
        })
    );
}

#[test]
fn zhucheng_since_last_week_and_without_since() {
    let since = since_of(&zhucheng(&["--format", "json", "--since", "2017-07-03"]));
    assert_eq!(since["finished"], json!([]));
    assert_eq!(
        since["newly_overdue"],
        json!([]),
        "due 06-30 is before the date"
    );
    assert_eq!(since["extended"], json!([]));
    assert_eq!(since["silent_units"], json!(["swb", "jw", "xcb", "fgj"]));
    assert_eq!(since["new_tasks"], json!(["S14"]));
    let plain: Value = serde_json::from_str(&zhucheng(&["--format", "json"])).expect("JSON");
    assert!(plain.get("since").is_none(), "only with --since");
}

/// An English board whose trail has every kind of entry the interactive board writes.
const DEMO: &str = r#"title: Demo
lang: en
phases:
  - {id: p1, name: One, start: 2024-05-01, end: 2024-12-31}
units:
  - {id: a, name: Office A}
  - {id: b, name: Office B}
  - {id: c, name: Office C}
tasks:
  - id: T1
    title: Finished by a move of its card
    phase: p1
    lead: a
    deadline: 2024-06-30
    status: done
    progress:
      - {at: 2024-06-11T10:00:00+08:00, by: Li, note: "status: In progress → Done"}
      - {at: 2024-06-12T10:00:00+08:00, by: Li, note: photos sent}
  - id: T2
    title: Finished before the date
    phase: p1
    lead: b
    status: done
    progress:
      - {at: 2024-06-01T10:00:00+08:00, by: Li, note: "status: Not started → Done"}
      - {at: 2024-06-12T10:00:00+08:00, by: Li, note: a late note does not move the day}
  - id: T3
    title: Late since the meeting, and extended
    phase: p1
    lead: b
    deadline: 2024-05-31
    extended_to: 2024-06-12
    extension_reason: waiting for data
    status: doing
    progress:
      - {at: 2024-06-11T09:00:00+08:00, by: Li, note: "deadline: 2024-05-31 → 2024-06-12 (extension reason: waiting for data)"}
  - id: T4
    title: New and chased only
    phase: p1
    lead: c
    deadline: 2024-09-30
    status: todo
    progress:
      - {at: 2024-06-10T09:00:00+08:00, by: Li, note: "created (title: New and chased only; phase: One; lead unit: Office C; status: Not started)"}
      - {at: 2024-06-13T09:00:00+08:00, by: Li, note: "chased: reminder notice sent to Office C; reply by 2024-06-16", chase: [c]}
  - id: T5
    title: Late before the meeting
    phase: p1
    lead: a
    deadline: 2024-06-01
    status: doing
"#;

#[test]
fn every_definition_on_an_english_board() {
    let dir = scratch();
    write(dir.path(), "demo.yaml", DEMO);
    let text = report_in(
        dir.path(),
        "demo.yaml",
        "2024-06-14",
        &["--format", "json", "--since", "2024-06-10"],
    );
    let since = since_of(&text);
    assert_eq!(
        since,
        json!({
            "from": "2024-06-10",
            "finished": ["T1"],
            "newly_overdue": ["T3"],
            "extended": ["T3"],
            "extensions": [{
                "task": "T3", "on": "2024-06-11", "from": "2024-05-31", "to": "2024-06-12",
                "reason": "waiting for data"
            }],
            // a: T5 has no entry. c: creation and 催办 are the office's, not the unit's.
            "silent_units": ["a", "c"],
            "new_tasks": ["T4"],
        })
    );
}

#[test]
fn the_markdown_circular_lists_tasks_changes_and_ranks() {
    let md = zhucheng(&["--since", "2017-06-09"]);
    for part in [
        "## 自 2017-06-09 以来的变化",
        "### 新完成（2）",
        "### 未报送进展的单位（3）",
        "| 5（并列） | 市纪委 |",
        "| S06 | 制定达标赶超计划 | 市“作风建设年”活动办 | 2017-05-18 | 53 | 推进中 | 2017-07-05 再次电话催报",
    ] {
        assert!(md.contains(part), "{part} in\n{md}");
    }
    insta::assert_snapshot!("zhucheng_circular_since_2017_06_09", md);
}

#[test]
fn unit_and_phase_may_be_named_or_numbered() {
    let by_id = zhucheng(&["--unit", "zzb", "--phase", "p3"]);
    let by_name = zhucheng(&["--unit", "市委组织部", "--phase", "3"]);
    assert_eq!(by_id, by_name);
    let path = sample("zhucheng-2017.yaml");
    let run = ducha(
        path.parent().expect("boards"),
        &["report", "zhucheng-2017.yaml", "--unit", "市委"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("没有这个单位：市委；可用的单位：swb 市委办公室"),
        "{}",
        run.stderr
    );
}
