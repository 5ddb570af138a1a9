//! The rough edges of issue 11, each shown fixed: a moved card keeps its column filled,
//! creating and deleting a task leaves nothing unsaved, partners typed without Enter are kept,
//! the details say the light once and wrapped notes keep their indent, English screens have
//! ASCII punctuation.

mod common;

use common::*;
use ducha::app::Popup;

#[test]
fn a_card_moved_to_the_end_of_a_column_keeps_the_column_filled() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    shot(&mut app, 80, 24);
    // The last card of 未启动 has the latest deadline there, so it lands low in 推进中.
    press(&mut app, &["G", "L"]);
    let s = shot(&mut app, 80, 24);
    let (col, sel) = (app.col, app.rows[app.col]);
    let (n, cap) = (app.columns[col].len(), app.layout.cards);
    let first = (sel / cap * cap).min(n - cap);
    assert!(n - first >= cap, "a full page of cards is shown");
    assert!(
        s.contains(&format!("上方 {first}")),
        "cards {first}.. shown, the moved one among them:\n{s}"
    );
    let id = &app.board.tasks[app.selected().unwrap()].id;
    assert!(s.contains(&format!("▶{id}")), "{s}");
}

#[test]
fn creating_a_task_and_deleting_it_again_leaves_nothing_unsaved() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let (tasks, log) = (app.board.tasks.clone(), app.board.log.clone());
    press(&mut app, &["n"]);
    type_text(&mut app, "临时任务");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "组织部");
    press(&mut app, &["Enter"]);
    assert!(app.dirty());
    press(&mut app, &["d", "y"]);
    assert_eq!(app.board.tasks, tasks);
    assert_eq!(
        app.board.log, log,
        "a task the file never had leaves no deletion line"
    );
    assert!(!app.dirty(), "nothing to save");
    assert!(!shot(&mut app, 80, 24).contains("未保存"));
    press(&mut app, &["u"]);
    assert!(app.dirty(), "undoing the deletion brings the new task back");
}

#[test]
fn moving_a_card_back_and_forth_nets_out() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["L"]);
    assert!(app.dirty());
    press(&mut app, &["u"]);
    assert!(!app.dirty());
    // A move and its opposite are two changes with two log entries: that is unsaved work.
    press(&mut app, &["L", "H"]);
    assert!(app.dirty());
}

#[test]
fn partners_typed_without_enter_are_kept() {
    let text = "title: 测试\nphases:\n  - {id: p1, name: 一, start: 2024-01-01, end: 2024-12-31}\ntasks:\n  - {id: A1, title: 甲, phase: p1, lead: 区委办}\n";
    let mut app = app_from(text, "2024-06-01");
    press(&mut app, &["n"]);
    type_text(&mut app, "乙");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "区委办");
    press(&mut app, &["Tab"]);
    type_text(&mut app, "区政府办");
    press(&mut app, &["Tab"]);
    match &app.popup {
        Some(Popup::Form(f)) => assert!(f.error.is_none()),
        other => panic!("the form is open: {other:?}"),
    }
    // A second partner typed and the form accepted at once.
    press(&mut app, &["BackTab"]);
    type_text(&mut app, "街道办");
    press(&mut app, &["C-s"]);
    let t = app.board.tasks.last().unwrap();
    assert_eq!(t.title, "乙");
    assert_eq!(t.partners, ["区政府办", "街道办"]);
}

#[test]
fn a_partner_named_exactly_is_chosen_on_a_board_with_units() {
    let mut app = open_sample("demo-en.yaml", "2024-06-14");
    press(&mut app, &["n"]);
    type_text(&mut app, "New task");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "General");
    press(&mut app, &["Tab"]);
    type_text(&mut app, "Supervision Office");
    press(&mut app, &["C-s"]);
    let t = app.board.tasks.last().unwrap();
    assert_eq!(
        (t.lead.as_str(), t.partners.clone()),
        ("gen", vec![ducha::model::Short::from("sup")])
    );
}

#[test]
fn the_details_say_the_light_once_and_wrapped_notes_keep_their_indent() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["1", "Enter"]);
    let s = shot(&mut app, 80, 24);
    assert!(
        s.contains("亮灯：✓ 已完成") && !s.contains("已完成 已完成"),
        "{s}"
    );
    press(&mut app, &["Esc", "3", "p"]);
    let note = "召开专题会议研究部署下一阶段工作，明确各责任单位的任务分工和完成时限，形成会议纪要并印发执行";
    type_text(&mut app, note);
    press(&mut app, &["C-s", "Enter"]);
    shot(&mut app, 60, 16);
    press(&mut app, &["G"]);
    let s = shot(&mut app, 60, 16);
    let lines: Vec<&str> = s.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.contains("召开专题会议"))
        .expect("the note");
    assert!(lines[first].contains("┃    召开"), "{s}");
    assert!(
        lines[first + 1].starts_with("┃    ") || lines[first + 1].contains("┃    "),
        "{s}"
    );
    let rest: String = lines[first..first + 4].concat();
    assert!(rest.contains("印发执行"), "the whole note shows:\n{s}");
}

#[test]
fn english_screens_have_ascii_punctuation() {
    let wide = ['：', '（', '）', '，', '；', '、'];
    for keys in [
        &["Enter"][..],
        &["?"],
        &["d"],
        &["f"],
        &["x"],
        &["p"],
        &["e"],
        &["S"],
        &["/"],
        &["v", "Enter"],
        &["v", "v"],
    ] {
        let mut app = open_sample("demo-en.yaml", "2024-06-14");
        press(&mut app, keys);
        for (w, h) in [(80, 24), (120, 40)] {
            let s = shot(&mut app, w, h);
            let bad: Vec<&str> = s.lines().filter(|l| l.contains(wide)).collect();
            assert!(bad.is_empty(), "{keys:?} at {w}x{h}: {bad:?}");
        }
    }
}

#[test]
fn every_dialog_shows_the_keys_it_answers_to() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["d"]);
    assert!(shot(&mut app, 80, 24).contains("y 删除 / n 取消"));
    press(&mut app, &["n", "L", "q"]);
    assert!(shot(&mut app, 80, 24).contains("s 保存并退出 / y 放弃修改并退出 / n 取消"));
    press(&mut app, &["Esc", "p"]);
    assert!(shot(&mut app, 80, 24).contains("Enter 换行 / Ctrl-S 确定 / Ctrl-E 编辑器 / Esc 取消"));
    press(&mut app, &["Esc", "x"]);
    assert!(shot(&mut app, 80, 24).contains("Tab 下一项 / Enter 确定 / Esc 取消"));
}
