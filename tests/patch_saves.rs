//! A save changes only what changed: one field of one task changes that task's lines (and adds
//! its log entry); every comment, blank line and other task stays byte for byte.

mod common;

use ducha::model::{Board, Progress, Stamp, Task};
use ducha::store::{load, save_merging, Comments, SaveOutcome};
use std::path::Path;

const SAMPLES: [&str; 5] = [
    "zhucheng-2017.yaml",
    "beipiao-2022.yaml",
    "jiaxing-2015.yaml",
    "wucheng-key-tasks.yaml",
    "demo-en.yaml",
];

fn comments(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .collect()
}

/// Saves `mine` over the file (which holds `base`) and returns the old and new text.
fn save_change(path: &Path, base: &Board, mine: &Board) -> (String, String) {
    let before = std::fs::read_to_string(path).unwrap();
    let disk = load(path).unwrap().disk;
    match save_merging(path, base, mine, Some(disk), Comments::Keep) {
        Ok(SaveOutcome::Written(..)) => {}
        other => panic!("{}: not written: {other:?}", path.display()),
    }
    let after = std::fs::read_to_string(path).unwrap();
    assert_eq!(
        &load(path).unwrap().parsed.board,
        mine,
        "reads back as saved"
    );
    (before, after)
}

/// Lines only `before` has and lines only `after` has, counted as multisets.
fn changed_lines(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
    let minus = |a: &str, b: &str| {
        let mut rest: Vec<&str> = b.lines().collect();
        let mut only = Vec::new();
        for l in a.lines() {
            match rest.iter().position(|r| *r == l) {
                Some(i) => {
                    rest.swap_remove(i);
                }
                None => only.push(l.to_string()),
            }
        }
        only
    };
    (minus(before, after), minus(after, before))
}

fn entry(note: &str) -> Progress {
    Progress {
        at: Stamp::parse("2024-06-14T10:00:00+08:00").unwrap(),
        by: "测试员".into(),
        note: note.into(),
        extra: Default::default(),
    }
}

fn other_status(board: &Board, t: &Task) -> String {
    board
        .statuses
        .iter()
        .find(|s| s.id != t.status)
        .unwrap()
        .id
        .clone()
}

#[test]
fn a_status_change_touches_only_that_tasks_lines_on_every_sample() {
    for name in SAMPLES {
        let (_dir, path) = common::copy_sample(name);
        let base = load(&path).unwrap().parsed.board;
        let mut mine = base.clone();
        let i = mine.tasks.len() / 2;
        let t = &mut mine.tasks[i];
        let old_status = t.status.clone();
        t.status = other_status(&base, &base.tasks[i]).into();
        t.progress.push(entry("状态变更"));
        let (before, after) = save_change(&path, &base, &mine);
        let (gone, added) = changed_lines(&before, &after);
        assert_eq!(comments(&before), comments(&after), "{name}: comments kept");
        assert_eq!(
            gone.len(),
            1,
            "{name}: one line replaced: {gone:?} -> {added:?}"
        );
        assert!(
            gone[0].contains(&format!("status: {old_status}")),
            "{name}: {gone:?}"
        );
        assert!(
            added.iter().any(|l| l.contains("状态变更")),
            "{name}: {added:?}"
        );
        assert!(added.len() <= 3, "{name}: {added:?}");
    }
}

#[test]
fn an_extension_adds_its_lines_inside_the_task_and_nothing_else_moves() {
    for name in SAMPLES {
        let (_dir, path) = common::copy_sample(name);
        let base = load(&path).unwrap().parsed.board;
        let mut mine = base.clone();
        let t = &mut mine.tasks[0];
        t.extended_to = chrono::NaiveDate::from_ymd_opt(2030, 1, 31);
        t.extension_reason = Some("等待上级批复".into());
        t.progress.push(entry("延期至 2030-01-31"));
        let (before, after) = save_change(&path, &base, &mine);
        assert_eq!(comments(&before), comments(&after), "{name}");
        let (gone, added) = changed_lines(&before, &after);
        assert!(gone.len() <= 1, "{name}: {gone:?}");
        assert!(
            added.iter().any(|l| l.contains("extended_to: 2030-01-31")),
            "{name}"
        );
        assert!(added.len() <= 5, "{name}: {added:?}");
    }
}

#[test]
fn new_and_removed_tasks_leave_the_other_tasks_as_they_were() {
    for name in SAMPLES {
        let (_dir, path) = common::copy_sample(name);
        let base = load(&path).unwrap().parsed.board;
        let mut mine = base.clone();
        let removed = mine.tasks.remove(1);
        let mut added = base.tasks[0].clone();
        added.id = mine.fresh_task_id().into();
        added.title = "新增任务".into();
        mine.tasks.push(added);
        let (before, after) = save_change(&path, &base, &mine);
        assert!(!after.contains(&format!("id: {}\n", removed.id)), "{name}");
        assert!(after.contains("新增任务"), "{name}");
        // Every comment stays, except one inside the removed task itself.
        let kept = comments(&after);
        for c in comments(&before) {
            assert!(
                kept.contains(&c) || c.starts_with("    "),
                "{name}: lost {c}"
            );
        }
    }
}

#[test]
fn a_change_that_cannot_be_made_in_place_asks_before_dropping_comments() {
    let (_dir, path) = common::copy_sample("zhucheng-2017.yaml");
    let loaded = load(&path).unwrap();
    let base = loaded.parsed.board;
    let mut mine = base.clone();
    mine.title = "新的活动名称".into();
    let before = std::fs::read(&path).unwrap();
    let r = save_merging(&path, &base, &mine, Some(loaded.disk), Comments::Keep);
    assert!(
        matches!(r, Err(ducha::store::SaveError::WouldDropComments(_))),
        "{r:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
    let r = save_merging(&path, &base, &mine, Some(loaded.disk), Comments::MayDrop);
    assert!(matches!(r, Ok(SaveOutcome::Written(..))), "{r:?}");
    assert_eq!(load(&path).unwrap().parsed.board.title, "新的活动名称");
}

#[test]
fn an_entry_stamped_with_the_clock_is_written_in_place() {
    let (_dir, path) = common::copy_sample("zhucheng-2017.yaml");
    let base = load(&path).unwrap().parsed.board;
    let mut mine = base.clone();
    // The real clock has fractions of a second, which the file does not keep.
    let now = chrono::Local::now().fixed_offset();
    mine.tasks[3].progress.push(Progress {
        at: Stamp::from_datetime(now),
        by: "测试员".into(),
        note: "现在".into(),
        extra: Default::default(),
    });
    let (before, after) = save_change(&path, &base, &mine);
    assert_eq!(comments(&before), comments(&after));
}

#[test]
fn a_deletion_removes_the_task_and_appends_to_the_boards_log_in_place() {
    let (_dir, path) = common::copy_sample("zhucheng-2017.yaml");
    let base = load(&path).unwrap().parsed.board;
    let mut mine = base.clone();
    let gone = mine.tasks.remove(5);
    mine.log.push(entry(&format!("删除任务 {}", gone.id)));
    let (before, after) = save_change(&path, &base, &mine);
    assert_eq!(comments(&before), comments(&after), "comments kept");
    assert!(
        after.ends_with(&format!("note: 删除任务 {}}}\n", gone.id)),
        "{after}"
    );
    // A second deletion adds to the same log.
    let base = mine.clone();
    let gone = mine.tasks.remove(0);
    mine.log.push(entry(&format!("删除任务 {}", gone.id)));
    let (_, after) = save_change(&path, &base, &mine);
    assert_eq!(after.matches("\nlog:\n").count(), 1);
}

#[test]
fn a_board_saved_with_windows_line_ends_keeps_them_in_the_lines_written() {
    let (_dir, path) = common::copy_sample("zhucheng-2017.yaml");
    let lf = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, lf.replace('\n', "\r\n")).unwrap();
    let base = load(&path).unwrap().parsed.board;
    let mut mine = base.clone();
    let t = &mut mine.tasks[3];
    t.status = other_status(&base, &base.tasks[3]).into();
    t.progress.push(entry("状态变更"));
    let (before, after) = save_change(&path, &base, &mine);
    let bare = after
        .match_indices('\n')
        .filter(|(i, _)| !after[..*i].ends_with('\r'));
    assert_eq!(bare.count(), 0, "a line ends without CR");
    let (gone, added) = changed_lines(&before, &after);
    assert_eq!(gone.len(), 1, "{gone:?} -> {added:?}");
    assert!(added.iter().any(|l| l.contains("状态变更")), "{added:?}");
}
