//! Marks and batch changes after a meeting, and the task list: one undo takes a whole batch
//! back, each task still gets its own trail entry, tasks that cannot take a change are skipped
//! and counted; the list sorts, narrows with the search and opens a task.

mod common;

use common::*;
use ducha::app::{Batch, ListColumn, Message, Popup, Skip, View};

/// Zhucheng on 10 July 2017, phase 3, the first column (未启动) selected from its top.
fn zhucheng() -> ducha::app::App {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    shot(&mut app, 80, 24);
    app.col = 0;
    app.rows[0] = 0;
    app
}

fn ids(app: &ducha::app::App, tasks: &[usize]) -> Vec<String> {
    tasks
        .iter()
        .map(|&i| app.board.tasks[i].id.to_string())
        .collect()
}

#[test]
fn a_batch_move_is_one_undo_and_leaves_one_entry_per_task() {
    let mut app = zhucheng();
    let before = app.board.clone();
    let first: Vec<usize> = app.columns[0][..3].to_vec();
    press(&mut app, &[" ", " ", " "]);
    assert_eq!(app.marks.len(), 3);
    assert_eq!(app.marked(), {
        let mut v = first.clone();
        v.sort();
        v
    });
    press(&mut app, &[">"]);
    for &i in &first {
        let t = &app.board.tasks[i];
        assert_eq!(t.status, "doing", "{}", t.id);
        assert_eq!(t.progress.len(), before.tasks[i].progress.len() + 1);
        let last = t.progress.last().unwrap();
        assert_eq!(last.by, "测试员");
        assert!(last.note.contains("未启动 → 推进中"), "{}", last.note);
    }
    assert!(matches!(
        app.message,
        Some(Message::Batch {
            done: 3,
            what: Batch::Moved(true),
            ..
        })
    ));
    assert_eq!(app.undo.len(), 1, "one step in the history");
    press(&mut app, &["u"]);
    assert_eq!(app.board, before, "one undo takes all three back");
    assert!(!app.dirty());
    press(&mut app, &["U"]);
    assert!(first.iter().all(|&i| app.board.tasks[i].status == "doing"));
    // The marks stay for the next step of the same batch; Esc clears them.
    assert_eq!(app.marks.len(), 3);
    press(&mut app, &["Esc"]);
    assert!(app.marks.is_empty());
}

#[test]
fn tasks_that_cannot_take_the_change_are_skipped_and_counted() {
    let mut app = zhucheng();
    // The last column, 已完成: nowhere further to go, and done tasks are not extended.
    app.col = 2;
    app.rows[2] = 0;
    press(&mut app, &[" "]);
    app.col = 0;
    app.rows[0] = 0;
    press(&mut app, &[" "]);
    let marked = app.marked();
    assert_eq!(marked.len(), 2);
    press(&mut app, &[">"]);
    assert_eq!(
        app.message,
        Some(Message::Batch {
            done: 1,
            what: Batch::Moved(true),
            skipped: vec![(Skip::AtEnd(true), 1)],
        })
    );
    let words = ducha::ui::said(&app).unwrap();
    assert!(words.contains("跳过 1 项（已在最后一列）"), "{words}");
    press(&mut app, &["x"]);
    let Some(Popup::Extend(x)) = &app.popup else {
        panic!("no extension prompt: {:?}", app.popup);
    };
    assert_eq!(x.batch, marked);
    type_text(&mut app, "2017-12-20");
    press(&mut app, &["Tab"]);
    type_text(&mut app, "调度会决定");
    press(&mut app, &["Enter"]);
    assert!(app.popup.is_none(), "{:?}", app.popup);
    let Some(Message::Batch { done, skipped, .. }) = &app.message else {
        panic!("{:?}", app.message);
    };
    assert_eq!((*done, skipped.clone()), (1, vec![(Skip::Done, 1)]));
    let changed: Vec<_> = marked
        .iter()
        .map(|&i| &app.board.tasks[i])
        .filter(|t| t.extended_to.is_some())
        .collect();
    assert_eq!(changed.len(), 1);
    let note = &changed[0].progress.last().unwrap().note;
    assert!(
        note.contains("2017-12-20") && note.contains("调度会决定"),
        "{note}"
    );
}

#[test]
fn one_note_for_every_marked_task_and_mark_all_toggles() {
    let mut app = zhucheng();
    press(&mut app, &["V"]);
    let shown: usize = app.columns.iter().map(Vec::len).sum();
    assert_eq!(app.marks.len(), shown);
    press(&mut app, &["V"]);
    assert!(app.marks.is_empty(), "again: unmarked");
    press(&mut app, &[" ", " "]);
    let marked = app.marked();
    let lens: Vec<usize> = marked
        .iter()
        .map(|&i| app.board.tasks[i].progress.len())
        .collect();
    press(&mut app, &["p"]);
    type_text(&mut app, "已在调度会上部署");
    press(&mut app, &["C-s"]);
    for (&i, n) in marked.iter().zip(lens) {
        let t = &app.board.tasks[i];
        assert_eq!(t.progress.len(), n + 1);
        assert_eq!(t.progress.last().unwrap().note, "已在调度会上部署");
    }
    press(&mut app, &["u"]);
    assert!(marked.iter().all(
        |&i| app.board.tasks[i].progress.last().map(|p| p.note.as_str())
            != Some("已在调度会上部署")
    ));
}

#[test]
fn the_list_sorts_narrows_and_opens_a_task() {
    let mut app = zhucheng();
    press(&mut app, &["v", "v", "v"]);
    assert_eq!(app.view, View::List);
    assert_eq!(app.list.tasks.len(), app.board.tasks.len());
    // o goes to the next column (Phase → Title → Lead → Deadline), O reverses.
    press(&mut app, &["o", "o", "o"]);
    assert_eq!(app.list.column, ListColumn::Deadline);
    let due = |app: &ducha::app::App| -> Vec<_> {
        app.list
            .tasks
            .iter()
            .map(|&i| app.board.tasks[i].effective_deadline())
            .collect()
    };
    let d = due(&app);
    assert!(d.windows(2).all(|w| w[0] <= w[1]), "{d:?}");
    press(&mut app, &["O"]);
    let d = due(&app);
    assert!(d.windows(2).all(|w| w[0] >= w[1]), "{d:?}");
    let s = shot(&mut app, 120, 40);
    assert!(s.contains("时限▼"), "{s}");
    // The search narrows the list as it does the board.
    press(&mut app, &["/"]);
    type_text(&mut app, "调度会");
    press(&mut app, &["Enter"]);
    let found = ids(&app, &app.list.tasks);
    assert!(
        !found.is_empty() && found.len() < app.board.tasks.len(),
        "{found:?}"
    );
    // Found in the title, or in a progress note.
    assert!(app.list.tasks.iter().all(|&i| {
        let t = &app.board.tasks[i];
        t.title.contains("调度会") || t.progress.iter().any(|p| p.note.contains("调度会"))
    }));
    press(&mut app, &["j", "Enter"]);
    let Some(Popup::Details(d)) = &app.popup else {
        panic!("no details: {:?}", app.popup);
    };
    assert_eq!(d.task, app.list.tasks[1]);
}

#[test]
fn the_list_keeps_its_order_while_moving_and_marks_show_as_a_symbol() {
    let mut app = zhucheng();
    press(&mut app, &["v", "v", "v"]);
    let order = app.list.tasks.clone();
    press(&mut app, &["j", "j", "G", "g"]);
    assert_eq!(app.list.tasks, order);
    press(&mut app, &[" "]);
    let s = screen_with(
        &mut app,
        80,
        24,
        ducha::ui::Theme {
            color: false,
            ascii: false,
        },
    );
    let marked = &app.board.tasks[order[0]].id;
    assert!(s.lines().any(|l| l.contains(&format!("■{marked}"))), "{s}");
    assert!(s.contains("已标记 1 项"), "{s}");
}

#[test]
fn compact_cards_show_many_more_in_a_column() {
    let mut app = zhucheng();
    app.col = 1;
    shot(&mut app, 80, 24);
    let four = app.layout.cards;
    press(&mut app, &["z"]);
    shot(&mut app, 80, 24);
    assert!(
        app.layout.cards >= 4 * four,
        "{} vs {four}",
        app.layout.cards
    );
}

#[test]
fn search_finds_progress_notes_partners_and_unknown_keys() {
    let text = "title: 测试\nlang: zh\nphases:\n  - {id: p1, name: 一, start: 2024-01-01, end: 2024-12-31}\n\
                units:\n  - {id: u1, name: 甲办}\n  - {id: u2, name: 乙局}\ntasks:\n\
                  - {id: A1, title: 甲, phase: p1, lead: u1, progress: [{at: 2024-02-01, by: 张, note: 已报送材料}]}\n\
                  - {id: A2, title: 乙, phase: p1, lead: u1, partners: [u2]}\n\
                  - {id: A3, title: 丙, phase: p1, lead: u1, 督办编号: DB-2024-17}\n\
                  - {id: A4, title: 丁, phase: p1, lead: u1}\n";
    let mut app = app_from(text, "2024-03-01");
    let found = |app: &mut ducha::app::App, q: &str| -> Vec<String> {
        app.filters.search = q.into();
        app.view = View::List;
        app.refresh();
        ids(app, &app.list.tasks)
    };
    assert_eq!(found(&mut app, "报送"), ["A1"], "a progress note");
    assert_eq!(found(&mut app, "乙局"), ["A2"], "a partner by name");
    assert_eq!(found(&mut app, "db-2024"), ["A3"], "an unknown key's value");
    assert_eq!(found(&mut app, "督办编号"), ["A3"], "an unknown key's name");
}
