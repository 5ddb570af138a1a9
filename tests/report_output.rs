//! `ducha report` at a fixed date: golden Markdown, CSV and JSON, and numbers that agree.

mod support;

use serde_json::Value;
use support::{ducha, sample, scratch, write};

/// Runs `ducha report FILE --today DAY EXTRA...` on a sample board; it must succeed.
fn report(board: &str, today: &str, extra: &[&str]) -> String {
    let path = sample(board);
    let dir = path.parent().expect("boards folder");
    let mut args = vec!["report", board, "--today", today];
    args.extend_from_slice(extra);
    let run = ducha(dir, &args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    assert_eq!(run.stderr, "", "{args:?}");
    run.stdout
}

const ZHUCHENG: (&str, &str) = ("zhucheng-2017.yaml", "2017-07-10");
const DEMO: (&str, &str) = ("demo-en.yaml", "2024-06-14");

#[test]
fn zhucheng_markdown() {
    insta::assert_snapshot!(report(ZHUCHENG.0, ZHUCHENG.1, &["--format", "md"]));
}

#[test]
fn zhucheng_csv() {
    insta::assert_snapshot!(report(ZHUCHENG.0, ZHUCHENG.1, &["--format", "csv"]));
}

#[test]
fn zhucheng_json() {
    insta::assert_snapshot!(report(ZHUCHENG.0, ZHUCHENG.1, &["--format", "json"]));
}

#[test]
fn demo_markdown() {
    insta::assert_snapshot!(report(DEMO.0, DEMO.1, &[]));
}

#[test]
fn demo_csv() {
    insta::assert_snapshot!(report(DEMO.0, DEMO.1, &["--format", "csv"]));
}

#[test]
fn demo_json() {
    insta::assert_snapshot!(report(DEMO.0, DEMO.1, &["--format", "json"]));
}

#[test]
fn zhucheng_one_phase_markdown() {
    insta::assert_snapshot!(report(ZHUCHENG.0, ZHUCHENG.1, &["--phase", "p3"]));
}

#[test]
fn demo_one_unit_csv() {
    insta::assert_snapshot!(report(
        DEMO.0,
        DEMO.1,
        &["--unit", "sup", "--format", "csv"]
    ));
}

#[test]
fn markdown_is_the_default_format() {
    assert_eq!(
        report(DEMO.0, DEMO.1, &[]),
        report(DEMO.0, DEMO.1, &["--format", "md"])
    );
}

fn json(board: (&str, &str), extra: &[&str]) -> Value {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let text = report(board.0, board.1, &args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

fn num(v: &Value, key: &str) -> u64 {
    v.get(key)
        .and_then(Value::as_u64)
        .unwrap_or_else(|| panic!("no number {key} in {v}"))
}

fn list<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v.get(key)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("no list {key} in {v}"))
}

/// Checks the keys other tools rely on and that the counts agree with each other.
fn check_consistent(v: &Value, statuses: &[&str]) {
    let total = num(v, "total");
    let done = num(v, "done");
    let overdue = num(v, "overdue");
    let due_soon = num(v, "due_soon");
    assert!(done + overdue + due_soon <= total);

    let units = list(v, "units");
    for u in units {
        for key in ["id", "name"] {
            assert!(u.get(key).and_then(Value::as_str).is_some(), "{key} in {u}");
        }
        assert!(num(u, "done") + num(u, "overdue") + num(u, "due_soon") <= num(u, "total"));
    }
    let sum = |key: &str| units.iter().map(|u| num(u, key)).sum::<u64>();
    assert_eq!(sum("total"), total, "unit totals");
    assert_eq!(sum("done"), done, "unit done");
    assert_eq!(sum("overdue"), overdue, "unit overdue");
    assert_eq!(sum("due_soon"), due_soon, "unit due_soon");

    let phases = list(v, "phases");
    for p in phases {
        assert!(p.get("id").and_then(Value::as_str).is_some());
        assert!(p.get("name").and_then(Value::as_str).is_some());
        let by_status: u64 = statuses.iter().map(|s| num(p, s)).sum();
        assert_eq!(by_status, num(p, "total"), "status counts of {p}");
    }
    let phase_sum = |key: &str| phases.iter().map(|p| num(p, key)).sum::<u64>();
    assert_eq!(phase_sum("total"), total, "phase totals");
    assert_eq!(phase_sum("overdue"), overdue, "phase overdue");

    for (key, count, sign) in [
        ("overdue_tasks", overdue, 1),
        ("due_soon_tasks", due_soon, 0),
    ] {
        let tasks = list(v, key);
        assert_eq!(tasks.len() as u64, count, "{key}");
        for t in tasks {
            for k in ["id", "title", "lead", "deadline"] {
                assert!(t.get(k).and_then(Value::as_str).is_some(), "{k} in {t}");
            }
            let days = t.get("days").and_then(Value::as_i64).expect("days");
            assert!(days >= sign, "{key}: {t}");
        }
    }
}

#[test]
fn json_reports_have_the_documented_keys_and_agree_with_themselves() {
    let statuses = ["todo", "doing", "done"];
    for board in [ZHUCHENG, DEMO] {
        check_consistent(&json(board, &[]), &statuses);
    }
    check_consistent(&json(ZHUCHENG, &["--phase", "p3"]), &statuses);
    check_consistent(&json(DEMO, &["--unit", "sup"]), &statuses);
}

#[test]
fn json_numbers_match_the_known_state_of_the_demo_board() {
    let v = json(DEMO, &[]);
    assert_eq!(
        (
            num(&v, "total"),
            num(&v, "done"),
            num(&v, "overdue"),
            num(&v, "due_soon")
        ),
        (14, 5, 2, 1)
    );
    let late: Vec<(&str, i64)> = list(&v, "overdue_tasks")
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap_or(""),
                t["days"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(late, [("T07", 7), ("T09", 4)]);
    assert_eq!(v["today"], "2024-06-14");
    assert_eq!(v["phase"], Value::Null);
}

#[test]
fn phase_and_unit_narrow_the_report() {
    let all = json(ZHUCHENG, &[]);
    let p3 = json(ZHUCHENG, &["--phase", "p3"]);
    assert_eq!(p3["phase"], "p3");
    let p3_total = list(&all, "phases")
        .iter()
        .find(|p| p["id"] == "p3")
        .map(|p| num(p, "total"))
        .expect("p3 in the full report");
    assert_eq!(num(&p3, "total"), p3_total);
    assert!(num(&p3, "total") < num(&all, "total"));
    for p in list(&p3, "phases") {
        if p["id"] != "p3" {
            assert_eq!(num(p, "total"), 0, "{p}");
        }
    }

    let sup = json(DEMO, &["--unit", "sup"]);
    assert_eq!(sup["unit"], "sup");
    // Tasks the unit leads or partners in.
    assert!(num(&sup, "total") < num(&json(DEMO, &[]), "total"));
    let leads: u64 = list(&sup, "units")
        .iter()
        .filter(|u| u["id"] == "sup")
        .map(|u| num(u, "total"))
        .sum();
    assert!(leads >= 1 && leads <= num(&sup, "total"));

    let both = json(ZHUCHENG, &["--phase", "p3", "--unit", "zzb"]);
    assert!(num(&both, "total") <= num(&p3, "total"));
    let md = report(ZHUCHENG.0, ZHUCHENG.1, &["--phase", "p3", "--unit", "zzb"]);
    assert!(
        md.starts_with(
            "# 诸城市“作风建设年”活动（阶段：督查整改、推动落实，单位：市委组织部） 工作进展\n"
        ),
        "{md}"
    );
}

#[test]
fn an_unknown_phase_or_unit_is_refused() {
    let path = sample(DEMO.0);
    let dir = path.parent().expect("boards folder");
    let run = ducha(dir, &["report", DEMO.0, "--phase", "p9"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            "demo-en.yaml: no such phase: p9; the phases (number id name) are: 1 p1 Mobilisation; 2 p2 Implementation; 3 p3 Review and assessment\n"
        )
    );
    let run = ducha(dir, &["report", DEMO.0, "--unit", "nobody"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            "demo-en.yaml: no such unit: nobody; the units are: gen General Office, org Organisation Department, disc Discipline Inspection Commission, pub Publicity Department, sup Supervision Office\n"
        )
    );
}

#[test]
fn a_board_with_errors_gets_no_report() {
    let dir = scratch();
    let text = std::fs::read_to_string(sample(DEMO.0))
        .expect("read")
        .replace("deadline: 2024-04-08", "deadline: 2024-04-31");
    write(dir.path(), "board.yaml", text);
    let run = ducha(dir.path(), &["report", "board.yaml", "--today", DEMO.1]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("tasks[0].deadline: 2024-04-31 is not a real date"),
        "{}",
        run.stderr
    );
}

#[test]
fn report_text_cannot_break_a_table_or_a_csv_row() {
    let dir = scratch();
    let text = std::fs::read_to_string(sample(DEMO.0))
        .expect("read")
        .replace(
            "title: First round of spot checks on key projects",
            "title: \"Spot checks | \\\"A\\\", B\\nsecond line\"",
        );
    write(dir.path(), "board.yaml", text);
    let run = |format: &str| {
        let r = ducha(
            dir.path(),
            &[
                "report",
                "board.yaml",
                "--today",
                DEMO.1,
                "--format",
                format,
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
    };
    let md = run("md");
    assert!(
        md.contains("| T07 | Spot checks \\| \"A\", B second line | Supervision Office |"),
        "{md}"
    );
    let csv = run("csv");
    assert!(
        csv.contains("T07,\"Spot checks | \"\"A\"\", B\nsecond line\",Supervision Office,"),
        "{csv}"
    );
    let v: Value = serde_json::from_str(&run("json")).expect("JSON");
    assert_eq!(
        v["overdue_tasks"][0]["title"],
        "Spot checks | \"A\", B\nsecond line"
    );
}
