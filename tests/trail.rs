//! The 留痕 rule: every change made on any screen leaves a trace of who, when and what, in the
//! board's language, and undo takes the trace back with the change.

mod common;

use common::*;
use ducha::app::{App, Confirm, Popup};
use ducha::model::{Progress, Task};
use std::path::Path;

fn task<'a>(app: &'a App, id: &str) -> &'a Task {
    &app.board.tasks[app.board.task_index(id).expect("the task exists")]
}

fn last_entry<'a>(app: &'a App, id: &str) -> &'a Progress {
    task(app, id).progress.last().expect("an entry")
}

fn selected_id(app: &App) -> String {
    app.board.tasks[app.selected().expect("a selected card")]
        .id
        .to_string()
}

/// Saves, agreeing to drop the sample's comments if asked.
fn save(app: &mut App) {
    press(app, &["s"]);
    if matches!(app.popup, Some(Popup::Confirm(Confirm::DropComments))) {
        press(app, &["y"]);
    }
    assert!(!app.dirty(), "saved: {:?}", app.message);
}

fn reload(path: &Path) -> ducha::model::Board {
    ducha::store::load(path).unwrap().parsed.board
}

/// The error shown by the form or the extension prompt, which must still be open.
fn error(app: &App) -> Option<&str> {
    match &app.popup {
        Some(Popup::Form(f)) => f.error.as_deref(),
        Some(Popup::Extend(x)) => x.error.as_deref(),
        other => panic!("the form or prompt should stay open, got {other:?}"),
    }
}

/// Opens the form on the selected task and goes to the deadline, cleared.
fn form_at_deadline(app: &mut App) {
    press(app, &["e", "Tab", "Tab", "Tab", "Tab", "C-u"]);
}

#[test]
fn one_form_submit_logs_every_changed_field_with_names_who_and_when() {
    let (_dir, path) = copy_sample("zhucheng-2017.yaml");
    let mut app = open(&path, "2017-07-10");
    assert_eq!(selected_id(&app), "S10");
    let n = task(&app, "S10").progress.len();
    press(&mut app, &["e", "End", "Bs", "Bs", "Bs"]);
    type_text(&mut app, "推进会");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "组织部");
    press(&mut app, &["Tab", "Tab", "C-u"]);
    type_text(&mut app, "2017-7-20");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "等待市领导时间安排");
    press(&mut app, &["Enter"]);
    assert!(app.popup.is_none(), "accepted: {:?}", app.popup);
    let t = task(&app, "S10");
    assert_eq!(t.progress.len(), n + 1, "one submit, one entry");
    let e = last_entry(&app, "S10").clone();
    assert_eq!(e.by, "测试员");
    assert_eq!(e.at.text, "2017-07-10T09:00:00+08:00");
    assert_eq!(
        e.note,
        "任务名称：召开全市作风建设工作第二次调度会 → 召开全市作风建设工作第二次推进会；\
         牵头单位：市“作风建设年”活动办 → 市委组织部；\
         完成时限：2017-07-12 → 2017-07-20（延期原因：等待市领导时间安排）"
    );
    save(&mut app);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(&e.note), "the entry is in the file:\n{text}");
    let saved = reload(&path);
    let s = &saved.tasks[saved.task_index("S10").unwrap()];
    assert_eq!(s.progress.last(), Some(&e));
    assert_eq!(s.lead, "zzb");
    // Moving the deadline is an extension: the original deadline stays on record.
    assert_eq!(s.deadline.unwrap().to_string(), "2017-07-12");
    assert_eq!(s.extended_to.unwrap().to_string(), "2017-07-20");
    assert_eq!(s.extension_reason.as_deref(), Some("等待市领导时间安排"));
}

#[test]
fn undo_takes_the_entry_back_with_the_change_and_redo_restores_both() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let before = task(&app, "S10").clone();
    press(&mut app, &["e", "End", "Bs", "Bs", "Bs"]);
    type_text(&mut app, "推进会");
    press(&mut app, &["C-s"]);
    let after = task(&app, "S10").clone();
    assert_eq!(after.progress.len(), before.progress.len() + 1);
    press(&mut app, &["u"]);
    assert_eq!(task(&app, "S10"), &before, "title and entry both gone");
    assert!(!app.dirty());
    press(&mut app, &["C-r"]);
    assert_eq!(task(&app, "S10"), &after);
}

#[test]
fn a_form_that_changes_nothing_logs_nothing() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let before = task(&app, "S10").clone();
    press(&mut app, &["e", "Enter"]);
    assert!(app.popup.is_none());
    assert_eq!(task(&app, "S10"), &before);
    assert!(!app.dirty(), "no change, nothing to save or undo");
    assert!(screen(&mut app, 100, 30).contains("S10 未修改"));
}

#[test]
fn moving_the_deadline_in_the_form_needs_a_reason() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let before = task(&app, "S10").clone();
    form_at_deadline(&mut app);
    type_text(&mut app, "2017-07-25");
    assert!(
        screen(&mut app, 120, 40).contains("修改完成时限即为延期，须填写延期原因"),
        "the form says so while typing"
    );
    press(&mut app, &["Enter"]);
    assert_eq!(error(&app), Some("请填写延期原因（延期须说明原因）"));
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("请填写延期原因"), "{s}");
    // The reason is where the caret went: typing now fills it.
    type_text(&mut app, "   ");
    press(&mut app, &["Enter"]);
    assert!(error(&app).is_some(), "blanks are no reason");
    assert_eq!(task(&app, "S10"), &before, "nothing changed");
    type_text(&mut app, "会期调整");
    press(&mut app, &["Enter"]);
    assert!(app.popup.is_none());
    assert_eq!(
        last_entry(&app, "S10").note,
        "完成时限：2017-07-12 → 2017-07-25（延期原因：会期调整）"
    );
}

#[test]
fn the_form_neither_removes_nor_brings_forward_a_deadline() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let before = task(&app, "S10").clone();
    form_at_deadline(&mut app);
    press(&mut app, &["Enter"]);
    assert!(error(&app).unwrap().starts_with("完成时限不能删除"));
    type_text(&mut app, "2017-07-01");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "提前");
    press(&mut app, &["Enter"]);
    assert_eq!(error(&app), Some("延期后的日期应晚于原完成时限 2017-07-12"));
    press(&mut app, &["Esc"]);
    assert_eq!(task(&app, "S10"), &before);
}

#[test]
fn a_standing_task_gets_its_first_deadline_without_a_reason() {
    let text = "title: 测试\nphases:\n  - {id: p1, name: 一, start: 2024-01-01, end: 2024-12-31}\nunits:\n  - {id: a, name: 甲局}\ntasks:\n  - {id: A1, title: 每月集体学习, phase: p1, lead: a, status: doing}\n";
    let mut app = app_from(text, "2024-06-01");
    form_at_deadline(&mut app);
    type_text(&mut app, "2024-6-30");
    press(&mut app, &["Enter"]);
    assert!(app.popup.is_none(), "{:?}", app.popup);
    let t = task(&app, "A1");
    assert_eq!(t.deadline.unwrap().to_string(), "2024-06-30");
    assert_eq!(t.extended_to, None);
    assert_eq!(last_entry(&app, "A1").note, "完成时限：— → 2024-06-30");
}

#[test]
fn an_extension_without_a_reason_is_refused_and_dates_are_stored_in_full() {
    let (_dir, path) = copy_sample("zhucheng-2017.yaml");
    let mut app = open(&path, "2017-07-10");
    let before = task(&app, "S10").clone();
    press(&mut app, &["x", "C-u"]);
    type_text(&mut app, "2017-7-20");
    press(&mut app, &["Enter"]);
    assert_eq!(error(&app), Some("请填写延期原因（延期须说明原因）"));
    assert!(screen(&mut app, 100, 30).contains("请填写延期原因"));
    assert_eq!(task(&app, "S10"), &before);
    // The caret is in the reason now.
    type_text(&mut app, "等待市领导时间安排");
    press(&mut app, &["Enter"]);
    assert!(app.popup.is_none());
    let t = task(&app, "S10");
    assert_eq!(t.extended_to.unwrap().to_string(), "2017-07-20");
    assert_eq!(t.deadline, before.deadline, "the original deadline is kept");
    assert_eq!(
        last_entry(&app, "S10").note,
        "完成时限：2017-07-12 → 2017-07-20（延期原因：等待市领导时间安排）"
    );
    assert!(screen(&mut app, 100, 30).contains("S10 延期至 2017-07-20"));
    save(&mut app);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("extended_to: 2017-07-20\n"), "{text}");
    assert!(!text.contains("2017-7-20"), "{text}");
    assert!(text.contains("deadline: 2017-07-12\n"));
}

#[test]
fn an_extension_must_move_the_deadline_past_the_original_one() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["x", "Tab"]);
    type_text(&mut app, "原因");
    press(&mut app, &["Enter"]);
    assert_eq!(error(&app), Some("延期后的日期应晚于原完成时限 2017-07-12"));
    // The caret went back to the date.
    press(&mut app, &["C-u"]);
    type_text(&mut app, "2017-07-20");
    press(&mut app, &["Enter"]);
    assert!(app.popup.is_none());
    // Opened again, the prompt holds the extension: accepting it as it is changes nothing.
    press(&mut app, &["x", "Enter"]);
    assert_eq!(error(&app), Some("完成时限已是 2017-07-20，请输入新的日期"));
}

#[test]
fn a_done_task_is_not_extended_by_x_or_by_the_form() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["l", "l"]);
    assert_eq!(selected_id(&app), "X04");
    let before = task(&app, "X04").clone();
    press(&mut app, &["x"]);
    let s = screen(&mut app, 100, 30);
    assert!(
        s.contains("该任务已完成，不能延期"),
        "the dialog says so at once:\n{s}"
    );
    press(&mut app, &["C-u"]);
    type_text(&mut app, "2017-08-31");
    press(&mut app, &["Tab"]);
    type_text(&mut app, "补充材料");
    press(&mut app, &["Enter"]);
    assert_eq!(error(&app), Some("该任务已完成，不能延期"));
    press(&mut app, &["Esc"]);
    form_at_deadline(&mut app);
    type_text(&mut app, "2017-08-31");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "补充材料");
    press(&mut app, &["Enter"]);
    assert_eq!(error(&app), Some("该任务已完成，不能延期"));
    press(&mut app, &["Esc"]);
    assert_eq!(task(&app, "X04"), &before);
}

#[test]
fn a_new_task_starts_its_log_with_what_it_was_created_with() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["l", "n"]);
    type_text(&mut app, "新建测试任务");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "组织部");
    press(&mut app, &["Tab"]);
    type_text(&mut app, "宣传");
    press(&mut app, &["Enter", "Tab"]);
    type_text(&mut app, "2017-8-15");
    press(&mut app, &["Enter"]);
    let t = app.board.tasks.last().unwrap();
    assert_eq!(t.progress.len(), 1);
    assert_eq!(t.progress[0].by, "测试员");
    assert_eq!(
        t.progress[0].note,
        "新建任务（任务名称：新建测试任务；阶段：督查整改、推动落实；牵头单位：市委组织部；\
         责任单位：市委宣传部；完成时限：2017-08-15；状态：推进中）"
    );
    let id = t.id.clone();
    press(&mut app, &["u"]);
    assert!(app.board.task_index(&id).is_none());
}

#[test]
fn an_english_board_is_logged_in_english() {
    let mut app = open_sample("demo-en.yaml", "2024-06-14");
    let id = selected_id(&app);
    let old = task(&app, &id).title.clone();
    press(&mut app, &["e", "C-u"]);
    type_text(&mut app, "Renamed task");
    press(&mut app, &["Tab", "Tab", "Tab", "Tab", "Tab", "C-u"]);
    type_text(&mut app, "Special review");
    press(&mut app, &["Enter"]);
    let note = &last_entry(&app, &id).note;
    assert!(
        note.starts_with(&format!("title: {old} → Renamed task; category: ")),
        "{note}"
    );
    assert!(note.ends_with(" → Special review"), "{note}");
    press(&mut app, &["L"]);
    assert_eq!(
        last_entry(&app, &id).note,
        "status: Not started → In progress"
    );
}

#[test]
fn deleting_a_task_leaves_a_line_in_the_board_log_that_survives_saving() {
    let (_dir, path) = copy_sample("zhucheng-2017.yaml");
    let mut app = open(&path, "2017-07-10");
    assert!(app.board.log.is_empty());
    press(&mut app, &["d", "y"]);
    assert!(app.board.task_index("S10").is_none());
    let entry = app.board.log.last().expect("a log entry").clone();
    assert_eq!(
        entry.note,
        "删除任务 S10《召开全市作风建设工作第二次调度会》"
    );
    assert_eq!(entry.by, "测试员");
    assert_eq!(entry.at.text, "2017-07-10T09:00:00+08:00");
    save(&mut app);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.ends_with(
            "log:\n  - {at: 2017-07-10T09:00:00+08:00, by: 测试员, \
             note: 删除任务 S10《召开全市作风建设工作第二次调度会》}\n"
        ),
        "the log is the last key of the file:\n{text}"
    );
    let saved = reload(&path);
    assert_eq!(saved.log, vec![entry]);
    // The canonical form with a log is stable.
    let once = ducha::store::to_yaml(&saved);
    let twice = ducha::store::to_yaml(&ducha::store::parse(&once).unwrap().board);
    assert_eq!(once, twice);
    // A second session's deletion is appended after the first.
    let mut again = open(&path, "2017-07-11");
    press(&mut again, &["d", "y"]);
    save(&mut again);
    let saved = reload(&path);
    assert_eq!(saved.log.len(), 2);
    assert!(saved.log[1].note.starts_with("删除任务 "));
}

#[test]
fn undoing_a_delete_takes_the_log_line_back() {
    let (_dir, path) = copy_sample("zhucheng-2017.yaml");
    let mut app = open(&path, "2017-07-10");
    let index = app.board.task_index("S10").unwrap();
    press(&mut app, &["d", "y", "u"]);
    assert_eq!(app.board.task_index("S10"), Some(index));
    assert!(app.board.log.is_empty());
    assert!(!app.dirty());
    press(&mut app, &["C-r"]);
    assert!(app.board.task_index("S10").is_none());
    assert_eq!(app.board.log.len(), 1);
    press(&mut app, &["u", "L"]);
    save(&mut app);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("\nlog:"), "no empty log is written:\n{text}");
    assert!(reload(&path).log.is_empty());
}

#[test]
fn the_board_log_merges_as_a_union() {
    let base = reload(&sample("demo-en.yaml"));
    let entry = |note: &str| Progress {
        at: ducha::model::Stamp::parse("2024-06-14T10:00:00+08:00").unwrap(),
        by: "someone".into(),
        note: note.into(),
        extra: Default::default(),
    };
    let mut mine = base.clone();
    mine.log.push(entry("deleted task T05"));
    let mut theirs = base.clone();
    theirs.log.push(entry("deleted task T06"));
    let merged = ducha::model::merge::merge(&base, &mine, &theirs);
    assert!(merged.clashes.is_empty());
    let notes: Vec<&str> = merged.board.log.iter().map(|e| e.note.as_str()).collect();
    assert_eq!(notes, ["deleted task T06", "deleted task T05"]);
}

#[test]
fn phase_and_co_units_are_logged_by_name() {
    let mut app = open_sample("demo-en.yaml", "2024-06-14");
    let id = selected_id(&app);
    press(&mut app, &["e", "Tab"]);
    type_text(&mut app, "Review");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "Discipline");
    press(&mut app, &["Enter", "C-s"]);
    let t = task(&app, &id);
    assert_eq!(t.phase, "p3");
    assert!(t.partners.iter().any(|p| p == "disc"));
    let note = &t.progress.last().unwrap().note;
    assert!(
        note.starts_with("phase: Implementation → Review and assessment; co-units: "),
        "{note}"
    );
    assert!(
        note.ends_with(", Discipline Inspection Commission"),
        "{note}"
    );
    assert!(!note.contains("disc"), "names, not ids: {note}");
}
