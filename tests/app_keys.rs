//! Key sequences applied to the app without a terminal: the resulting board and files.

mod common;

use common::*;
use ducha::app::{Confirm, Popup};
use ducha::model::facts::Light;

fn task<'a>(app: &'a ducha::app::App, id: &str) -> &'a ducha::model::Task {
    &app.board.tasks[app.board.task_index(id).unwrap()]
}

fn selected_id(app: &ducha::app::App) -> String {
    app.board.tasks[app.selected().unwrap()].id.to_string()
}

#[test]
fn opens_on_the_phase_containing_today_with_the_first_card_selected() {
    let app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    assert_eq!(app.board.phases[app.phase].id, "p3");
    assert_eq!(app.col, 0);
    assert_eq!(selected_id(&app), "S10");
    // Cards are ordered by effective deadline.
    let deadlines: Vec<_> = app.columns[1]
        .iter()
        .map(|&i| app.board.tasks[i].effective_deadline())
        .collect();
    assert!(deadlines.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn moving_a_card_logs_who_and_what_and_can_be_undone_and_redone() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let before = task(&app, "S10").clone();
    press(&mut app, &["L"]);
    let t = task(&app, "S10");
    assert_eq!(t.status, "doing");
    let last = t.progress.last().unwrap();
    assert_eq!(last.by, "测试员");
    assert_eq!(last.note, "状态：未启动 → 推进中");
    assert!(last.at.text.starts_with("2017-07-10T09:00:00"));
    assert_eq!(selected_id(&app), "S10", "the selection follows the card");
    assert_eq!(app.col, 1);
    assert!(app.dirty());
    press(&mut app, &[">"]);
    assert_eq!(task(&app, "S10").status, "done");
    press(&mut app, &["u", "u"]);
    assert_eq!(task(&app, "S10"), &before);
    assert!(!app.dirty());
    press(&mut app, &["C-r"]);
    assert_eq!(task(&app, "S10").status, "doing");
    press(&mut app, &["<"]);
    assert_eq!(task(&app, "S10").status, "todo");
    press(&mut app, &["S-Right"]);
    assert_eq!(task(&app, "S10").status, "doing");
}

#[test]
fn saving_writes_the_file_keeps_a_backup_and_removes_the_recovery_file() {
    let (_dir, path) = copy_sample("zhucheng-2017.yaml");
    let original = std::fs::read(&path).unwrap();
    let mut app = open(&path, "2017-07-10");
    press(&mut app, &["L"]);
    let recovery = ducha::store::recovery_path(&path, "测试员", std::process::id());
    assert!(
        recovery.exists(),
        "unsaved changes go to the recovery file at once"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        original,
        "the board itself is untouched until saved"
    );
    press(&mut app, &["s"]);
    assert!(
        app.popup.is_none(),
        "a card move is written in place: no question"
    );
    assert!(!app.dirty());
    let text = std::fs::read_to_string(&path).unwrap();
    let comments = |t: &str| {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .count()
    };
    assert_eq!(
        comments(&text),
        comments(&String::from_utf8_lossy(&original)),
        "every comment kept"
    );
    let saved = ducha::store::load(&path).unwrap().parsed.board;
    assert_eq!(
        saved.tasks[saved.task_index("S10").unwrap()].status,
        "doing"
    );
    assert_eq!(
        std::fs::read(ducha::store::backup_path(&path)).unwrap(),
        original
    );
    assert!(!recovery.exists());
    // A second change saves the same way.
    press(&mut app, &["L", "C-s"]);
    let saved = ducha::store::load(&path).unwrap().parsed.board;
    assert_eq!(saved.tasks[saved.task_index("S10").unwrap()].status, "done");
}

#[test]
fn a_colleagues_save_of_other_fields_is_merged_with_mine() {
    let (_dir, path) = copy_sample("demo-en.yaml");
    let mut app = open(&path, "2024-06-14");
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("title: ", "title: Changed ");
    std::fs::write(&path, &theirs).unwrap();
    let id = selected_id(&app);
    press(&mut app, &["L", "s", "y"]);
    assert!(app.popup.is_none(), "no question: different fields");
    let saved = ducha::store::load(&path).unwrap().parsed.board;
    assert!(saved.title.starts_with("Changed"), "their title stays");
    assert_eq!(saved.tasks[saved.task_index(&id).unwrap()].status, "doing");
    assert_eq!(*app.board, saved, "the window shows the merged board");
    assert!(!app.dirty());
    assert!(ducha::ui::said(&app).unwrap().contains("merged"));
}

#[test]
fn the_same_field_changed_by_both_asks_and_writes_nothing_until_answered() {
    let (_dir, path) = copy_sample("demo-en.yaml");
    let mut app = open(&path, "2024-06-14");
    let id = selected_id(&app);
    // A colleague finishes the task I am about to move on.
    let mut other = ducha::store::load(&path).unwrap();
    let i = other.parsed.board.task_index(&id).unwrap();
    other.parsed.board.tasks[i].status = "done".into();
    ducha::store::save(&path, &other.parsed.board, Some(other.disk)).unwrap();
    let theirs = std::fs::read(&path).unwrap();
    press(&mut app, &["L", "s", "y"]);
    assert!(matches!(app.popup, Some(Popup::Clash(_))));
    assert_eq!(std::fs::read(&path).unwrap(), theirs, "nothing written yet");
    let screen = screen(&mut app, 80, 24);
    assert!(screen.contains("status"), "{screen}");
    assert!(screen.contains("Mine:  In progress"), "{screen}");
    press(&mut app, &["t"]);
    assert!(app.popup.is_none());
    let saved = ducha::store::load(&path).unwrap().parsed.board;
    assert_eq!(saved.tasks[i].status, "done", "theirs taken");
    assert!(!app.dirty());
}

#[test]
fn keeping_my_value_in_a_clash_saves_mine() {
    let (_dir, path) = copy_sample("demo-en.yaml");
    let mut app = open(&path, "2024-06-14");
    let id = selected_id(&app);
    let mut other = ducha::store::load(&path).unwrap();
    let i = other.parsed.board.task_index(&id).unwrap();
    other.parsed.board.tasks[i].status = "done".into();
    ducha::store::save(&path, &other.parsed.board, Some(other.disk)).unwrap();
    press(&mut app, &["L", "s", "y", "Esc"]);
    assert!(app.popup.is_none());
    assert!(app.dirty(), "cancelled: still unsaved");
    press(&mut app, &["s", "m"]);
    let saved = ducha::store::load(&path).unwrap().parsed.board;
    assert_eq!(saved.tasks[i].status, "doing", "mine kept");
}

#[test]
fn with_an_unknown_base_a_changed_file_is_not_overwritten_and_can_be_saved_elsewhere() {
    let (dir, path) = copy_sample("demo-en.yaml");
    let mut app = open(&path, "2024-06-14");
    // As after restoring a recovery file made on another version of the board.
    app.base = None;
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("title: ", "title: Changed ");
    std::fs::write(&path, &theirs).unwrap();
    let id = selected_id(&app);
    press(&mut app, &["L", "s", "y"]);
    assert!(matches!(app.popup, Some(Popup::Confirm(Confirm::Conflict))));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    press(&mut app, &["a"]);
    assert!(matches!(app.popup, Some(Popup::SaveAs(_))));
    press(&mut app, &["C-u"]);
    type_text(&mut app, "mine.yaml");
    press(&mut app, &["Enter"]);
    let mine = ducha::store::load(&dir.path().join("mine.yaml"))
        .unwrap()
        .parsed
        .board;
    assert_eq!(mine.tasks[mine.task_index(&id).unwrap()].status, "doing");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "their version stays"
    );
    assert!(!app.dirty());
}

#[test]
fn reloading_after_a_conflict_keeps_a_copy_of_the_unsaved_board() {
    let (dir, path) = copy_sample("demo-en.yaml");
    let mut app = open(&path, "2024-06-14");
    app.base = None;
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("title: ", "title: Changed ");
    std::fs::write(&path, &theirs).unwrap();
    press(&mut app, &["L", "s", "y", "r"]);
    assert!(app.board.title.starts_with("Changed"));
    assert!(!app.dirty());
    let copies: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".conflict-"))
        .collect();
    assert_eq!(
        copies.len(),
        1,
        "the unsaved version is kept beside the board"
    );
}

#[test]
fn the_form_creates_a_task_with_a_fresh_id_and_checks_dates_as_typed() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let n = app.board.tasks.len();
    press(&mut app, &["l", "n"]);
    type_text(&mut app, "新建测试任务");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "组织部");
    press(&mut app, &["Tab"]);
    type_text(&mut app, "宣传");
    press(&mut app, &["Enter", "Tab"]);
    type_text(&mut app, "2017-02-30");
    press(&mut app, &["Enter"]);
    match &app.popup {
        Some(Popup::Form(f)) => assert_eq!(
            f.error.as_deref(),
            Some("2017-02-30 不存在（该月没有这一天）")
        ),
        other => panic!("form should stay open, got {other:?}"),
    }
    press(&mut app, &["C-u"]);
    type_text(&mut app, "2017-08-15");
    press(&mut app, &["Tab"]);
    type_text(&mut app, "阶段工作");
    press(&mut app, &["Enter"]);
    assert!(app.popup.is_none());
    assert_eq!(app.board.tasks.len(), n + 1);
    let t = app.board.tasks.last().unwrap();
    assert_eq!(t.title, "新建测试任务");
    assert_eq!(
        (t.phase.as_str(), t.lead.as_str(), t.status.as_str()),
        ("p3", "zzb", "doing")
    );
    assert_eq!(t.partners, vec!["xcb".to_string()]);
    assert_eq!(t.deadline.unwrap().to_string(), "2017-08-15");
    assert_eq!(t.category.as_deref(), Some("阶段工作"));
    assert!(app.board.tasks[..n].iter().all(|o| o.id != t.id));
    assert_eq!(selected_id(&app), t.id);
    assert!(ducha::model::validate::validate(&app.board)
        .iter()
        .all(|d| d.severity != ducha::model::validate::Severity::Error));
}

#[test]
fn editing_changes_only_what_was_typed_and_esc_cancels() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let before = task(&app, "S10").clone();
    press(&mut app, &["e", "End", "Bs", "Bs", "Bs", "Esc"]);
    assert_eq!(task(&app, "S10"), &before, "Esc discards the form");
    press(&mut app, &["e", "End", "Bs", "Bs", "Bs"]);
    type_text(&mut app, "推进会");
    press(&mut app, &["C-s"]);
    let t = task(&app, "S10");
    assert_eq!(
        t.title,
        before.title.trim_end_matches("调度会").to_string() + "推进会"
    );
    assert_eq!(
        (&t.lead, &t.partners, t.deadline),
        (&before.lead, &before.partners, before.deadline)
    );
}

#[test]
fn delete_asks_first_and_undo_puts_the_task_back_in_place() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let index = app.board.task_index("S10").unwrap();
    press(&mut app, &["d", "n"]);
    assert!(app.board.task_index("S10").is_some());
    press(&mut app, &["d", "y"]);
    assert!(app.board.task_index("S10").is_none());
    press(&mut app, &["u"]);
    assert_eq!(app.board.task_index("S10"), Some(index));
}

#[test]
fn notes_and_extensions_append_to_the_progress_log() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let n = task(&app, "S10").progress.len();
    press(&mut app, &["p"]);
    type_text(&mut app, "已印发会议通知");
    press(&mut app, &["C-s", "x", "C-u"]);
    type_text(&mut app, "2017-07-05");
    press(&mut app, &["Enter"]);
    assert!(
        matches!(&app.popup, Some(Popup::Extend(x)) if x.error.is_some()),
        "an extension must be later than the deadline"
    );
    press(&mut app, &["C-u"]);
    type_text(&mut app, "2017-07-20");
    press(&mut app, &["Tab"]);
    type_text(&mut app, "等待市领导时间安排");
    press(&mut app, &["Enter"]);
    let t = task(&app, "S10");
    assert_eq!(t.extended_to.unwrap().to_string(), "2017-07-20");
    assert_eq!(t.extension_reason.as_deref(), Some("等待市领导时间安排"));
    let notes: Vec<&str> = t.progress[n..].iter().map(|p| p.note.as_str()).collect();
    assert_eq!(
        notes,
        [
            "已印发会议通知",
            "完成时限：2017-07-12 → 2017-07-20（延期原因：等待市领导时间安排）"
        ]
    );
    assert_eq!(app.board.light(t, app.opts.today), Light::Green);
}

#[test]
fn search_narrows_the_cards_as_you_type_and_esc_clears_it() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["/"]);
    type_text(&mut app, "调度");
    let shown: Vec<usize> = app.columns.iter().flatten().copied().collect();
    assert!(!shown.is_empty());
    assert!(shown
        .iter()
        .all(|&i| app.board.tasks[i].title.contains("调度")));
    press(&mut app, &["Enter"]);
    assert_eq!(app.filters.search, "调度");
    press(&mut app, &["j"]);
    press(&mut app, &["Esc"]);
    assert!(!app.filters.active());
    let all: usize = app.columns.iter().map(Vec::len).sum();
    assert!(all > shown.len());
    // Searching by unit name works too.
    press(&mut app, &["/"]);
    type_text(&mut app, "组织部");
    assert!(app.columns.iter().flatten().all(|&i| {
        let t = &app.board.tasks[i];
        t.lead == "zzb" || t.partners.iter().any(|p| p == "zzb")
    }));
}

#[test]
fn filters_by_light_and_by_lead_unit() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["f"]);
    type_text(&mut app, "逾期");
    press(&mut app, &["Enter"]);
    let today = app.opts.today;
    let shown: Vec<usize> = app.columns.iter().flatten().copied().collect();
    assert!(!shown.is_empty());
    assert!(shown
        .iter()
        .all(|&i| app.board.light(&app.board.tasks[i], today) == Light::Red));
    press(&mut app, &["f"]);
    type_text(&mut app, "市委组织部");
    press(&mut app, &["Enter"]);
    assert_eq!(app.filters.lead.as_deref(), Some("zzb"));
    assert!(app
        .columns
        .iter()
        .flatten()
        .all(|&i| app.board.tasks[i].lead == "zzb"));
    press(&mut app, &["Esc"]);
    assert!(!app.filters.active());
}

#[test]
fn phases_are_reached_by_tab_brackets_and_digits() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["Tab"]);
    assert_eq!(app.phase, 3);
    press(&mut app, &["1"]);
    assert_eq!(app.phase, 0);
    press(&mut app, &["["]);
    assert_eq!(app.phase, 4);
    press(&mut app, &["]", "BackTab", "9"]);
    assert_eq!(app.phase, 4, "a digit past the last phase does nothing");
}

#[test]
fn navigation_moves_within_and_between_columns() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["l", "j", "j"]);
    assert_eq!((app.col, app.rows[1]), (1, 2));
    press(&mut app, &["G"]);
    assert_eq!(app.rows[1], app.columns[1].len() - 1);
    press(&mut app, &["g", "Right", "Left", "h", "h"]);
    assert_eq!((app.col, app.rows[1]), (0, 0));
    press(&mut app, &["PgDn"]);
    assert!(app.rows[0] > 0);
}

#[test]
fn quitting_without_saving_on_purpose_discards_the_changes_and_their_recovery_file() {
    let (_dir, path) = copy_sample("zhucheng-2017.yaml");
    let original = std::fs::read(&path).unwrap();
    let mut app = open(&path, "2017-07-10");
    press(&mut app, &["L", "q"]);
    assert!(matches!(app.popup, Some(Popup::Confirm(Confirm::Quit))));
    assert!(screen(&mut app, 80, 24).contains("已记在恢复文件中"));
    press(&mut app, &["Esc"]);
    assert!(!app.quit);
    let recovery = ducha::store::recovery_path(&path, "测试员", std::process::id());
    assert!(recovery.exists());
    press(&mut app, &["q", "y"]);
    assert!(app.quit);
    assert!(
        !recovery.exists(),
        "discarded on purpose: nothing to offer again"
    );
    assert_eq!(std::fs::read(&path).unwrap(), original);
    let again = open(&path, "2017-07-10");
    assert!(again.popup.is_none());
}

#[test]
fn a_window_that_ends_without_quitting_leaves_every_change_in_the_journal() {
    let (_dir, path) = copy_sample("zhucheng-2017.yaml");
    let mut app = open(&path, "2017-07-10");
    // Moves, a note, an undo, a redo, a deletion: each appended to the recovery file.
    press(&mut app, &["L", "j", "L", "u", "U", "p"]);
    type_text(&mut app, "日志中的进展");
    press(&mut app, &["Enter", "G", "d", "y"]);
    let text = std::fs::read_to_string(ducha::store::recovery_path(
        &path,
        "测试员",
        std::process::id(),
    ))
    .unwrap();
    assert!(
        text.contains("\n#> set "),
        "changes are appended, not rewritten"
    );
    let board = app.board.clone();
    // The connection drops: no quit, no save.
    drop(app);
    let mut again = open(&path, "2017-07-10");
    assert!(matches!(
        again.popup,
        Some(Popup::Confirm(Confirm::Restore(..)))
    ));
    press(&mut again, &["r"]);
    assert_eq!(again.board, board, "the journal replays to the same board");
}

#[cfg(unix)]
#[test]
fn a_recovery_file_that_cannot_be_written_stays_on_screen_and_the_quit_question_says_so() {
    let (_dir, path) = copy_sample("zhucheng-2017.yaml");
    let mut app = open(&path, "2017-07-10");
    // A folder where the recovery file goes: fails even for root.
    let recovery = ducha::store::recovery_path(&path, "测试员", std::process::id());
    std::fs::create_dir(&recovery).unwrap();
    std::fs::write(recovery.join("x"), "x").unwrap();
    press(&mut app, &["L"]);
    assert!(screen(&mut app, 80, 24).contains("无法写入恢复文件"));
    // Still shown after other keys.
    press(&mut app, &["j", "k", "Tab"]);
    assert!(screen(&mut app, 80, 24).contains("无法写入恢复文件"));
    press(&mut app, &["q"]);
    assert!(screen(&mut app, 80, 24).contains("只在本窗口中"));
    // Once writing works again, the warning goes.
    press(&mut app, &["Esc"]);
    std::fs::remove_dir_all(&recovery).unwrap();
    press(&mut app, &["L"]);
    assert!(!screen(&mut app, 80, 24).contains("无法写入恢复文件"));
    assert!(recovery.is_file());
}

#[test]
fn save_and_quit_from_the_quit_question() {
    let (_dir, path) = copy_sample("demo-en.yaml");
    let mut app = open(&path, "2024-06-14");
    press(&mut app, &["L", "q", "s", "y"]);
    assert!(app.quit);
    assert!(!ducha::store::recovery_path(&path, "测试员", std::process::id()).exists());
}

#[test]
fn read_only_refuses_changes_but_still_navigates() {
    let (_dir, path) = copy_sample("zhucheng-2017.yaml");
    let args = ducha::cli::OpenArgs {
        read_only: true,
        ..Default::default()
    };
    let mut app = ducha::tui::open_app(
        &path,
        &args,
        chrono::NaiveDate::from_ymd_opt(2017, 7, 10).unwrap(),
    )
    .unwrap();
    let before = app.board.clone();
    press(&mut app, &["L", "n", "d", "p", "x", "e", "s", "j", "Tab"]);
    assert_eq!(app.board, before);
    assert!(app.popup.is_none());
    assert_eq!(app.phase, 3);
}

#[test]
fn pasted_text_loses_control_characters() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["p"]);
    ducha::tui::handle(
        &mut app,
        ducha::app::Action::Paste("会议\u{1b}[2J已开\n完毕\u{202e}".into()),
    );
    press(&mut app, &["C-s"]);
    // A note keeps its line break; the escape and the bidi control go.
    assert_eq!(
        task(&app, "S10").progress.last().unwrap().note,
        "会议[2J已开\n完毕"
    );
}

#[test]
fn a_board_without_a_units_list_offers_the_units_its_tasks_name() {
    let text = "title: 测试\nphases:\n  - {id: p1, name: 一, start: 2024-01-01, end: 2024-12-31}\ntasks:\n  - {id: A1, title: 甲, phase: p1, lead: 区委办}\n  - {id: A2, title: 乙, phase: p1, lead: 区政府办}\n";
    let mut app = app_from(text, "2024-06-01");
    press(&mut app, &["n"]);
    type_text(&mut app, "丙");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "政府");
    press(&mut app, &["Enter"]);
    assert_eq!(app.board.tasks.last().unwrap().lead, "区政府办");
    assert_eq!(app.board.tasks.last().unwrap().id, "A3");
}

#[cfg(unix)]
#[test]
fn the_recovery_file_is_no_more_readable_than_the_board() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = copy_sample("zhucheng-2017.yaml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let mut app = open(&path, "2017-07-10");
    press(&mut app, &["L"]);
    let mode = std::fs::metadata(ducha::store::recovery_path(
        &path,
        "测试员",
        std::process::id(),
    ))
    .unwrap()
    .permissions()
    .mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn moving_the_caret_in_a_list_field_does_not_change_the_choice() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let before = task(&app, "S10").clone();
    press(
        &mut app,
        &[
            "e", "Tab", "Right", "Home", "End", "Bs", "Tab", "Left", "Delete", "Enter",
        ],
    );
    assert_eq!(task(&app, "S10"), &before);
}

#[test]
fn a_board_without_units_takes_a_typed_unit() {
    let text = "title: 测试\nphases:\n  - {id: p1, name: 一, start: 2024-01-01, end: 2024-12-31}\ntasks: []\n";
    let mut app = app_from(text, "2024-06-01");
    press(&mut app, &["n"]);
    type_text(&mut app, "第一项任务");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "市委办");
    press(&mut app, &["Tab"]);
    type_text(&mut app, "市政府办");
    press(&mut app, &["Enter", "C-s"]);
    let t = app.board.tasks.first().expect("the first task is created");
    assert_eq!(
        (t.lead.as_str(), t.partners.clone()),
        ("市委办", vec![ducha::model::Short::from("市政府办")])
    );
}

#[test]
fn editing_in_a_clash_starts_from_their_value_and_saves_after_the_edit() {
    let (_dir, path) = copy_sample("demo-en.yaml");
    let mut app = open(&path, "2024-06-14");
    let id = selected_id(&app);
    let mut other = ducha::store::load(&path).unwrap();
    let i = other.parsed.board.task_index(&id).unwrap();
    other.parsed.board.tasks[i].title = "Their title".into();
    ducha::store::save(&path, &other.parsed.board, Some(other.disk)).unwrap();
    // I rename the same task differently.
    press(&mut app, &["e", "C-u"]);
    type_text(&mut app, "My title");
    press(&mut app, &["Enter", "s"]);
    assert!(matches!(app.popup, Some(Popup::Clash(_))));
    press(&mut app, &["e"]);
    assert!(matches!(app.popup, Some(Popup::Form(_))), "the form opens");
    assert!(screen(&mut app, 80, 24).contains("Their title"));
    press(&mut app, &["C-u"]);
    type_text(&mut app, "Agreed title");
    press(&mut app, &["Enter", "s"]);
    assert!(app.popup.is_none());
    let saved = ducha::store::load(&path).unwrap().parsed.board;
    assert_eq!(saved.tasks[i].title, "Agreed title");
    assert!(!app.dirty());
}
