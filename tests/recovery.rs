//! Unsaved work survives: per-user recovery files, restoring, discarding, and boards changed meanwhile.

mod common;

use common::*;
use ducha::app::{Action, App, Confirm, Popup};
use std::path::{Path, PathBuf};

fn open_as(path: &Path, user: &str) -> ducha::app::App {
    let args = ducha::cli::OpenArgs {
        file: Some(path.to_path_buf()),
        user: Some(user.into()),
        ..Default::default()
    };
    let today = chrono::NaiveDate::from_ymd_opt(2024, 6, 14).unwrap();
    ducha::tui::open_app(path, &args, today).unwrap()
}

fn status_of(path: &Path, id: &str) -> String {
    let b = ducha::store::load(path).unwrap().parsed.board;
    b.tasks[b.task_index(id).unwrap()].status.to_string()
}

#[test]
fn one_users_save_does_not_remove_anothers_unsaved_work() {
    let (_dir, path) = copy_sample("demo-en.yaml");
    let mut alice = open_as(&path, "alice");
    let mut bob = open_as(&path, "bob");
    press(&mut bob, &["p"]);
    type_text(&mut bob, "bob's note");
    press(&mut bob, &["C-s"]);
    press(&mut alice, &["L", "s", "y"]);
    assert!(!alice.dirty());
    assert!(
        ducha::store::recovery_path(&path, "bob", std::process::id()).exists(),
        "bob's unsaved note is still kept"
    );
    assert!(!ducha::store::recovery_path(&path, "alice", std::process::id()).exists());
    // Bob's session is gone; he opens the board again and gets his note back.
    drop(bob);
    let mut bob = open_as(&path, "bob");
    assert!(matches!(
        bob.popup,
        Some(Popup::Confirm(Confirm::Restore(..)))
    ));
    let alice_again = open_as(&path, "alice");
    assert!(
        alice_again.popup.is_none(),
        "nobody is offered someone else's changes"
    );
    press(&mut bob, &["r"]);
    let id = bob
        .board
        .tasks
        .iter()
        .find(|t| t.progress.iter().any(|p| p.note == "bob's note"))
        .map(|t| t.id.clone());
    assert!(id.is_some());
    // Alice saved meanwhile, so bob's save is refused rather than overwriting her change.
    press(&mut bob, &["s"]);
    assert!(matches!(bob.popup, Some(Popup::Confirm(Confirm::Conflict))));
}

#[test]
fn a_recovery_is_offered_even_when_the_board_was_saved_later() {
    let (_dir, path) = copy_sample("demo-en.yaml");
    let mut app = open_as(&path, "alice");
    let id = app.board.tasks[app.selected().unwrap()].id.clone();
    press(&mut app, &["L"]);
    drop(app);
    // Someone edits the board outside ducha after alice's connection dropped.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("title: ", "title: Edited ");
    std::fs::write(&path, &text).unwrap();
    let mut app = open_as(&path, "alice");
    assert!(matches!(
        app.popup,
        Some(Popup::Confirm(Confirm::Restore(..)))
    ));
    press(&mut app, &["r"]);
    assert_eq!(
        app.board.tasks[app.board.task_index(&id).unwrap()].status,
        "doing"
    );
    press(&mut app, &["s", "y"]);
    assert!(
        matches!(app.popup, Some(Popup::Confirm(Confirm::Conflict))),
        "the other edit is not overwritten"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn discarding_a_recovery_leaves_saving_normal() {
    let (_dir, path) = copy_sample("demo-en.yaml");
    let mut app = open_as(&path, "alice");
    press(&mut app, &["L"]);
    drop(app);
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("title: ", "title: Edited ");
    std::fs::write(&path, &text).unwrap();
    let mut app = open_as(&path, "alice");
    press(&mut app, &["d"]);
    assert!(!ducha::store::recovery_path(&path, "alice", std::process::id()).exists());
    let id = app.board.tasks[app.selected().unwrap()].id.clone();
    press(&mut app, &["L", "s", "y"]);
    assert!(app.popup.is_none(), "no false conflict: {:?}", app.popup);
    assert_eq!(status_of(&path, &id), "doing");
}

#[test]
fn an_unreadable_recovery_file_is_moved_aside_not_overwritten() {
    let (_dir, path) = copy_sample("demo-en.yaml");
    let rec = ducha::store::recovery_path(&path, "alice", std::process::id());
    std::fs::write(&rec, "title: [unclosed\n").unwrap();
    let mut app = open_as(&path, "alice");
    assert!(ducha::ui::said(&app).is_some_and(|m| m.contains("unreadable")));
    press(&mut app, &["L"]);
    let mut aside = rec.clone().into_os_string();
    aside.push(".unreadable");
    assert_eq!(
        std::fs::read_to_string(aside).unwrap(),
        "title: [unclosed\n"
    );
}

#[test]
fn a_reload_after_saving_leaves_nothing_unsaved() {
    let (_dir, path) = copy_sample("demo-en.yaml");
    let mut app = open_as(&path, "alice");
    press(&mut app, &["L", "s", "y"]);
    press(&mut app, &["P"]);
    let mut watch = ducha::tui::FileWatch::new(std::time::Duration::ZERO);
    watch.changed(&app);
    let mut other = ducha::store::load(&path).unwrap();
    other.parsed.board.title.push_str(" (updated)");
    ducha::store::save(&path, &other.parsed.board, Some(other.disk)).unwrap();
    let action = watch.changed(&app).expect("noticed");
    ducha::tui::handle(&mut app, action);
    assert!(app.board.title.ends_with("(updated)"));
    assert!(
        !app.dirty(),
        "a board just read from disk has nothing unsaved"
    );
    ducha::tui::handle(&mut app, Action::Input(ducha::app::Key::Esc));
    press(&mut app, &["q"]);
    assert!(app.quit, "quits without asking");
}

#[test]
fn two_windows_of_one_user_keep_separate_unsaved_work() {
    let (_dir, path) = copy_sample("demo-en.yaml");
    // Session numbers no process can have, standing for two windows that have since closed.
    let mut first = open_as(&path, "alice");
    first.session = 4_000_000_001;
    let mut second = open_as(&path, "alice");
    second.session = 4_000_000_002;
    press(&mut first, &["p"]);
    type_text(&mut first, "from the first window");
    press(&mut first, &["C-s"]);
    press(&mut second, &["L", "s", "y"]);
    assert!(
        ducha::store::recovery_path(&path, "alice", 4_000_000_001).exists(),
        "the first window's work survives the second's save"
    );
    drop((first, second));
    let mut again = open_as(&path, "alice");
    assert!(matches!(
        again.popup,
        Some(Popup::Confirm(Confirm::Restore(..)))
    ));
    press(&mut again, &["r"]);
    assert!(again
        .board
        .tasks
        .iter()
        .any(|t| t.progress.iter().any(|p| p.note == "from the first window")));
    assert!(
        !ducha::store::recovery_path(&path, "alice", 4_000_000_001).exists(),
        "taken over by this session"
    );
    assert!(ducha::store::recovery_path(&path, "alice", std::process::id()).exists());
}

#[cfg(unix)]
#[test]
fn a_window_still_open_keeps_its_recovery_file_to_itself() {
    let (_dir, path) = copy_sample("demo-en.yaml");
    let mut other = open_as(&path, "alice");
    // The test runner's parent process is alive: it stands for another open window.
    other.session = std::os::unix::process::parent_id();
    press(&mut other, &["L"]);
    assert!(ducha::store::recovery_path(&path, "alice", other.session).exists());
    let mine = open_as(&path, "alice");
    assert!(
        mine.popup.is_none(),
        "nothing is offered while its window is open"
    );
}

#[cfg(unix)]
#[test]
fn a_recovery_file_whose_process_id_was_reused_is_offered() {
    let (_dir, path) = copy_sample("demo-en.yaml");
    let mut other = open_as(&path, "alice");
    // Written by a session whose pid now belongs to another, running process (the test
    // runner's parent): after a reboot or a long uptime pids come round again.
    other.session = std::os::unix::process::parent_id();
    press(&mut other, &["L"]);
    let file = ducha::store::recovery_path(&path, "alice", other.session);
    let text = std::fs::read_to_string(&file).unwrap();
    let (first, rest) = text.split_once('\n').unwrap();
    let (header, _) = first.split_once("; session ").expect("the writer is named");
    std::fs::write(
        &file,
        format!("{header}; session another-boot 12345\n{rest}"),
    )
    .unwrap();
    let mine = open_as(&path, "alice");
    assert!(
        matches!(mine.popup, Some(Popup::Confirm(Confirm::Restore(..)))),
        "the work of an ended session is offered even though its pid is in use"
    );
}

/// A generated board over the size that is read again apart, in `dir`.
fn large_board(dir: &Path) -> PathBuf {
    let path = dir.join("city.yaml");
    let board = ducha::cli::gen::board(1_000, 9, ducha::cli::gen::default_center());
    std::fs::write(&path, ducha::store::to_yaml(&board)).unwrap();
    path
}

/// Someone else adds `words` to the board's title and saves.
fn retitle_elsewhere(path: &Path, words: &str) {
    let mut other = ducha::store::load(path).unwrap();
    other.parsed.board.title.push_str(words);
    ducha::store::save(path, &other.parsed.board, Some(other.disk)).unwrap();
}

/// Looks until the board read apart is handed over.
fn handed_over(watch: &mut ducha::tui::FileWatch, app: &App) -> Action {
    let started = std::time::Instant::now();
    loop {
        if let Some(action) = watch.changed(app) {
            return action;
        }
        assert!(started.elapsed().as_secs() < 30, "never handed over");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn a_large_board_saved_by_someone_else_is_read_apart_and_taken_in_later() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_board(dir.path());
    let mut app = open_as(&path, "alice");
    let mut watch = ducha::tui::FileWatch::new(std::time::Duration::ZERO);
    watch.changed(&app);
    retitle_elsewhere(&path, " (updated)");
    // Noticed at once, read on another thread, handed over by a later look.
    assert!(watch.changed(&app).is_none(), "not read in the event loop");
    let action = handed_over(&mut watch, &app);
    ducha::tui::handle(&mut app, action);
    assert!(app.board.title.ends_with("(updated)"));
}

#[test]
fn a_large_board_saved_again_while_it_is_read_is_read_again_as_it_is_now() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_board(dir.path());
    let mut app = open_as(&path, "alice");
    let mut watch = ducha::tui::FileWatch::new(std::time::Duration::ZERO);
    watch.changed(&app);
    retitle_elsewhere(&path, " (bob)");
    assert!(watch.changed(&app).is_none());
    // Before the read is handed over, the file changes again: what was read is dropped.
    std::thread::sleep(std::time::Duration::from_millis(20));
    retitle_elsewhere(&path, " (carol)");
    let action = handed_over(&mut watch, &app);
    ducha::tui::handle(&mut app, action);
    assert!(
        app.board.title.ends_with("(bob) (carol)"),
        "{}",
        app.board.title
    );
}
