//! Golden tests of `ducha check`: the exact messages and exit codes a user sees for bad boards.

mod support;

use support::{ducha, scratch, write};

/// Runs `ducha check board.yaml` on `text` and returns (exit code, stdout, stderr).
fn check(text: &str) -> (i32, String, String) {
    let dir = scratch();
    write(dir.path(), "board.yaml", text);
    let run = ducha(dir.path(), &["check", "board.yaml"]);
    (run.code, run.stdout, run.stderr)
}

/// A good English board that the cases below break in one place each.
const GOOD: &str = "title: Test board
lang: en
phases:
  - {id: p1, name: Start, start: 2017-04-20, end: 2017-04-30}
  - {id: p2, name: Work, start: 2017-05-01, end: 2017-12-31}
units:
  - {id: gen, name: General Office}
  - {id: org, name: Organisation}
tasks:
  - id: T1
    title: Hold the meeting
    phase: p1
    lead: gen
    deadline: 2017-04-24
    status: done
  - id: T2
    title: Publish the plan
    phase: p2
    lead: org
    partners: [gen]
    deadline: 2017-05-20
    status: doing
";

/// `GOOD` with one line replaced.
fn good_with(line: &str, replacement: &str) -> String {
    assert!(GOOD.contains(line), "no line {line:?} in GOOD");
    GOOD.replacen(line, replacement, 1)
}

#[test]
fn a_good_board_passes() {
    assert_eq!(
        check(GOOD),
        (
            0,
            "board.yaml: ok (2 tasks, 0 warnings)\n".into(),
            "".into()
        )
    );
}

#[test]
fn an_unclosed_flow_mapping_names_where_it_was_opened() {
    let text = good_with(
        "  - {id: p2, name: Work, start: 2017-05-01, end: 2017-12-31}",
        "  - {id: p2, name: Work, start: 2017-05-01, end: 2017-12-31",
    );
    assert_eq!(
        check(&text),
        (
            1,
            "".into(),
            "board.yaml:7:3: error: did not find expected ',' or '}', while parsing a flow mapping at line 5 column 5\n"
                .into()
        )
    );
}

#[test]
fn a_bad_indent_is_a_syntax_error_with_line_and_column() {
    let text = good_with("lang: en\n", "lang: en\n  extra: indented\n");
    assert_eq!(
        check(&text),
        (
            1,
            "".into(),
            "board.yaml:3:8: error: mapping values are not allowed in this context\n".into()
        )
    );
}

#[test]
fn a_tab_in_the_indentation_is_a_syntax_error() {
    let text = good_with("  - id: T2\n", "\t- id: T2\n");
    let (code, out, err) = check(&text);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.starts_with("board.yaml:16:1: error: "), "{err}");
    assert!(err.contains("tab"), "{err}");
}

#[test]
fn wrong_types_name_the_field_and_line_and_are_all_reported() {
    let text = good_with("lang: en\n", "lang: en\nwarn_days: many\n");
    let text = text.replace("    partners: [gen]\n", "    partners: {a: 1}\n");
    let text = text.replace(
        "    deadline: 2017-04-24\n",
        "    deadline: [2017, 4, 24]\n",
    );
    assert_eq!(
        check(&text),
        (
            1,
            "".into(),
            "board.yaml:3:1: error: warn_days: invalid type: string \"many\", expected u32
board.yaml:15:5: error: tasks[0].deadline: invalid type: sequence, expected text
board.yaml:21:5: error: tasks[1].partners: invalid type: map, expected a list of ids
board.yaml: 3 errors, 0 warnings
"
            .into()
        )
    );
}

#[test]
fn a_wrong_type_in_a_chinese_board_is_in_chinese() {
    let text =
        good_with("lang: en\n", "lang: zh\n").replace("    status: done\n", "    status: [done]\n");
    assert_eq!(
        check(&text),
        (
            1,
            "".into(),
            "board.yaml:15:5: 错误: tasks[0].status: 格式错误：类型不对，这里是列表，应为文字（invalid type: sequence, expected text）
board.yaml: 1 个错误，0 个警告
"
            .into()
        )
    );
}

#[test]
fn a_record_that_is_not_a_mapping_is_reported_and_the_rest_still_checked() {
    let text = good_with(
        "  - {id: org, name: Organisation}\n",
        "  - {id: org, name: Organisation}\n  - 42\n",
    )
    .replace("    phase: p2\n", "    phase: p9\n");
    assert_eq!(
        check(&text),
        (
            1,
            "".into(),
            "board.yaml:9:5: error: units[2]: invalid type: integer `42`, expected a mapping
board.yaml:19:5: error: tasks[1].phase: unknown phase p9
board.yaml: 2 errors, 0 warnings
"
            .into()
        )
    );
}

#[test]
fn an_impossible_date_names_the_task_field_and_line() {
    let text = good_with("    deadline: 2017-05-20\n", "    deadline: 2017-02-30\n");
    assert_eq!(
        check(&text),
        (
            1,
            "".into(),
            "board.yaml:21:5: error: tasks[1].deadline: 2017-02-30 is not a real date (no such day in that month)
board.yaml: 1 error, 0 warnings
"
            .into()
        )
    );
    let text = good_with("    deadline: 2017-05-20\n", "    deadline: May 20\n");
    assert_eq!(
        check(&text).2,
        "board.yaml:21:5: error: tasks[1].deadline: cannot read the date May 20; write it as YYYY-MM-DD
board.yaml: 1 error, 0 warnings
"
    );
}

#[test]
fn unknown_references_are_each_reported() {
    let text = good_with("    phase: p2\n", "    phase: p9\n")
        .replace("    lead: org\n", "    lead: nobody\n")
        .replace("    partners: [gen]\n", "    partners: [gen, ghost]\n")
        .replace("    status: doing\n", "    status: waiting\n");
    assert_eq!(
        check(&text),
        (
            1,
            "".into(),
            "board.yaml:18:5: error: tasks[1].phase: unknown phase p9
board.yaml:19:5: error: tasks[1].lead: unknown unit nobody
board.yaml:20:21: error: tasks[1].partners[1]: unknown unit ghost
board.yaml:22:5: error: tasks[1].status: unknown status waiting
board.yaml: 4 errors, 0 warnings
"
            .into()
        )
    );
}

#[test]
fn a_duplicate_task_id_points_at_the_second_one() {
    let text = good_with("  - id: T2\n", "  - id: T1\n");
    assert_eq!(
        check(&text),
        (
            1,
            "".into(),
            "board.yaml:16:5: error: tasks[1].id: duplicate id T1 (also tasks[0])
board.yaml: 1 error, 0 warnings
"
            .into()
        )
    );
}

#[test]
fn a_phase_ending_before_it_starts_is_an_error() {
    let text = good_with("end: 2017-04-30}", "end: 2017-04-10}");
    assert_eq!(
        check(&text),
        (
            1,
            "".into(),
            "board.yaml:4:46: error: phases[0].end: phase p1 ends (2017-04-10) before it starts (2017-04-20)
board.yaml:14:5: warning: tasks[0].deadline: deadline 2017-04-24 is outside phase p1 (2017-04-20 to 2017-04-10)
board.yaml: 1 error, 1 warning
"
            .into()
        )
    );
}

#[test]
fn an_empty_title_is_an_error_once() {
    let text = good_with("    title: Publish the plan\n", "    title: \"  \"\n")
        .replace("title: Test board\n", "title:\n");
    assert_eq!(
        check(&text),
        (
            1,
            "".into(),
            "board.yaml:1:1: error: title: title is missing
board.yaml:17:5: error: tasks[1].title: task T2 has an empty title
board.yaml: 2 errors, 0 warnings
"
            .into()
        )
    );
}

#[test]
fn a_deadline_outside_its_phase_is_only_a_warning() {
    let text = good_with("    deadline: 2017-04-24\n", "    deadline: 2017-05-03\n");
    assert_eq!(
        check(&text),
        (
            0,
            "board.yaml: ok (2 tasks, 1 warning)\n".into(),
            "board.yaml:14:5: warning: tasks[0].deadline: deadline 2017-05-03 is outside phase p1 (2017-04-20 to 2017-04-30)\n".into()
        )
    );
}

#[test]
fn every_problem_of_a_file_comes_in_one_run_in_file_order() {
    let text = good_with("end: 2017-04-30}", "end: 2017-04-10}")
        .replace("  - id: T2\n", "  - id: T1\n")
        .replace("    deadline: 2017-05-20\n", "    deadline: 2017-02-30\n")
        .replace("    lead: org\n", "    lead: nobody\n")
        .replace("    title: Hold the meeting\n", "    title: \"\"\n")
        .replace("    deadline: 2017-04-24\n", "    deadline: 2017-06-01\n")
        .replace(
            "    status: doing\n",
            "    status: waiting\n    extended_to: 2017-01-01\n",
        );
    assert_eq!(
        check(&text),
        (
            1,
            "".into(),
            "board.yaml:4:46: error: phases[0].end: phase p1 ends (2017-04-10) before it starts (2017-04-20)
board.yaml:11:5: error: tasks[0].title: task T1 has an empty title
board.yaml:14:5: warning: tasks[0].deadline: deadline 2017-06-01 is outside phase p1 (2017-04-20 to 2017-04-10)
board.yaml:16:5: error: tasks[1].id: duplicate id T1 (also tasks[0])
board.yaml:19:5: error: tasks[1].lead: unknown unit nobody
board.yaml:21:5: error: tasks[1].deadline: 2017-02-30 is not a real date (no such day in that month)
board.yaml:22:5: error: tasks[1].status: unknown status waiting
board.yaml: 6 errors, 1 warning
"
            .into()
        )
    );
}

#[test]
fn a_chinese_board_is_checked_in_chinese() {
    let text = "title: 测试看板
phases:
  - {id: p1, name: 动员部署, start: 2017-04-20, end: 2017-04-30}
tasks:
  - {id: S01, title: 召开动员大会, phase: p1, lead: 市委办, deadline: 2017-04-31, status: done}
  - {id: S02, title: 印发方案, phase: p2, lead: 市委办, deadline: 2017-05-03, status: 已完成}
";
    assert_eq!(
        check(text),
        (
            1,
            "".into(),
            "board.yaml:5:52: 错误: tasks[0].deadline: 日期 2017-04-31 不存在（该月没有这一天）
board.yaml:6:28: 错误: tasks[1].phase: 未知阶段 p2
board.yaml:6:72: 错误: tasks[1].status: 未知状态 已完成
board.yaml: 3 个错误，0 个警告
"
            .into()
        )
    );
}

#[test]
fn progress_times_and_languages_are_checked() {
    let text = good_with("lang: en\n", "lang: en\n")
        .replace(
            "    status: done\n",
            "    status: done\n    progress:\n      - {at: yesterday, by: Li, note: held}\n      - {by: Li, note: no time}\n",
        );
    assert_eq!(
        check(&text).2,
        "board.yaml:17:10: error: tasks[0].progress[0].at: cannot read the time yesterday; write it as 2017-04-24T16:00:00+08:00 or 2017-04-24 16:00
board.yaml:18:10: error: tasks[0].progress[1].at: the time is missing
board.yaml: 2 errors, 0 warnings
"
    );
    let text = good_with("lang: en\n", "lang: fr\n");
    assert_eq!(
        check(&text),
        (
            1,
            "".into(),
            "board.yaml:2:1: 错误: lang: 未知语言 fr（应为 zh 或 en） / unknown language fr (zh or en)
board.yaml: 1 个错误，0 个警告
"
            .into()
        )
    );
}

#[test]
fn a_document_that_is_not_a_mapping_is_refused() {
    assert_eq!(
        check("- title: x\n- phases: []\n"),
        (
            1,
            "".into(),
            "board.yaml:1:1: 错误: 格式错误：类型不对，这里是列表，应为映射（键: 值）（invalid type: sequence, expected a mapping）\n".into()
        )
    );
}

#[test]
fn unreadable_files_exit_2_with_a_clear_message() {
    let dir = scratch();
    let p = dir.path();
    // "诸城" in GBK, as a board saved by a Chinese Windows editor would have it.
    write(
        p,
        "gbk.yaml",
        b"title: x\nlang: zh\nnote: \xd6\xee\xb3\xc7\n",
    );
    write(p, "empty.yaml", "");
    write(p, "blank.yaml", "\u{FEFF}\n  \n");
    std::fs::create_dir(p.join("folder.yaml")).expect("mkdir");
    let cases = [
        (
            "gbk.yaml",
            "gbk.yaml:3: 文件不是 UTF-8 编码（如为 GBK，请先转换：iconv -f GBK -t UTF-8）\n",
        ),
        ("empty.yaml", "empty.yaml: 文件为空，不是看板文件\n"),
        ("blank.yaml", "blank.yaml: 文件为空，不是看板文件\n"),
        ("folder.yaml", "folder.yaml: 这是一个目录，不是看板文件\n"),
    ];
    for (name, want) in cases {
        let run = ducha(p, &["check", name]);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (2, "", want),
            "{name}"
        );
    }
    let run = ducha(p, &["check", "missing.yaml"]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    assert!(
        run.stderr.starts_with("missing.yaml: 无法读取: ") && run.stderr.ends_with('\n'),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1);
}

#[test]
fn several_files_are_all_checked_and_the_worst_exit_code_wins() {
    let dir = scratch();
    let p = dir.path();
    write(p, "good.yaml", GOOD);
    write(
        p,
        "bad.yaml",
        good_with("    phase: p2\n", "    phase: p9\n"),
    );
    let run = ducha(
        p,
        &[
            "check",
            "good.yaml",
            "bad.yaml",
            "missing.yaml",
            "good.yaml",
        ],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stdout,
        "good.yaml: ok (2 tasks, 0 warnings)\ngood.yaml: ok (2 tasks, 0 warnings)\n"
    );
    assert!(run
        .stderr
        .contains("bad.yaml:18:5: error: tasks[1].phase: unknown phase p9\n"));
    assert!(run.stderr.contains("missing.yaml: "));
    let run = ducha(p, &["check", "good.yaml", "bad.yaml"]);
    assert_eq!(run.code, 1);
}

#[test]
fn control_and_bidi_characters_are_warned_and_neutralised() {
    let text = good_with(
        "    title: Hold the meeting\n",
        "    title: \"Hold \\e[31mthe\\u202E meeting\\tnow\"\n",
    );
    let (code, out, err) = check(&text);
    assert_eq!(code, 0);
    assert_eq!(out, "board.yaml: ok (2 tasks, 1 warning)\n");
    assert_eq!(
        err,
        "board.yaml:11:5: warning: tasks[0].title: contains control or bidirectional characters; they were replaced or removed\n"
    );

    let parsed = ducha::store::parse(&text).expect("parses");
    let title = &parsed.board.tasks[0].title;
    assert_eq!(title, "Hold \u{FFFD}[31mthe meeting now");
    assert!(!title.chars().any(|c| c.is_control() || c == '\u{202E}'));
    // What was cleaned is what gets saved: the escape never reaches a file or a terminal again.
    let written = ducha::store::to_yaml(&parsed.board);
    assert!(!written.contains("\\e") && !written.contains('\u{1b}'));
    assert!(!written.contains("202E") && !written.contains('\u{202E}'));
}

#[test]
fn control_characters_anywhere_in_text_fields_are_cleaned() {
    let text = "title: \"看板\\u202E\"
phases:
  - {id: \"p\\u00071\", name: \"阶段\\u009b2J\", start: 2017-01-01, end: 2017-12-31}
units:
  - {id: u, name: \"单位\\u2066\"}
tasks:
  - id: T1
    title: 任务
    phase: \"p\\u00071\"
    lead: u
    partners: [\"u\\u200F\"]
    status: todo
    progress:
      - {at: 2017-04-01, by: \"\\e]0;x\\u0007\", note: \"第一行\\n第二行\\r\\n第三行\"}
";
    let parsed = ducha::store::parse(text).expect("parses");
    let b = &parsed.board;
    assert_eq!(b.title, "看板");
    assert_eq!(b.phases[0].id, "p\u{FFFD}1");
    assert_eq!(b.tasks[0].phase, "p\u{FFFD}1");
    assert_eq!(b.phases[0].name, "阶段\u{FFFD}2J");
    assert_eq!(b.units[0].name, "单位");
    assert_eq!(b.tasks[0].partners, ["u"]);
    assert_eq!(b.tasks[0].progress[0].by, "\u{FFFD}]0;x\u{FFFD}");
    assert_eq!(b.tasks[0].progress[0].note, "第一行\n第二行\n第三行");
    let warned: Vec<&str> = parsed.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        warned,
        [
            "title",
            "phases[0].id",
            "phases[0].name",
            "units[0].name",
            "tasks[0].phase",
            "tasks[0].partners[0]",
            "tasks[0].progress[0].by",
            "tasks[0].progress[0].note",
        ]
    );
    assert!(parsed
        .diagnostics
        .iter()
        .all(|d| d.severity == ducha::model::validate::Severity::Warning));
}

#[test]
fn a_flood_of_wrong_values_is_cut_short_with_a_note() {
    let mut text = String::from(
        "title: t\nlang: en\nphases:\n  - {id: p1, name: a, start: 2017-01-01, end: 2017-12-31}\ntasks:\n",
    );
    for i in 0..150 {
        text.push_str(&format!(
            "  - {{id: T{i}, title: x, phase: p1, lead: u, deadline: [{i}]}}\n"
        ));
    }
    let parsed = ducha::store::parse(&text).expect("still a board");
    let d = &parsed.diagnostics;
    assert_eq!(d.len(), 101);
    assert_eq!(d[0].path, "");
    assert!(d[0]
        .message
        .starts_with("too many values of the wrong type"));
    assert_eq!(d[1].path, "tasks[0].deadline");
    assert_eq!(d[1].pos, Some((6, 44)));
    assert_eq!(d[100].path, "tasks[99].deadline");
}
