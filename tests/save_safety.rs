//! A save either happens whole or not at all: killed, refused or failed, the board on disk survives.

mod support;

use ducha::store::{backup_path, load, save, to_yaml, SaveError};
use std::fs;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::Path;
use std::time::Instant;
use support::{command, ducha, sample, scratch, write};

/// A sample board copied into `dir` under `name`, with its comments.
fn copy_sample(dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::copy(sample("demo-en.yaml"), &path).expect("copy sample");
    path
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file() {
    let dir = scratch();
    let p = dir.path();
    // A large board in non-canonical form (a comment), so that `fmt` really rewrites it.
    let gen = ducha(p, &["gen", "--tasks", "5000", "--seed", "7"]);
    assert_eq!(gen.code, 0, "{}", gen.stderr);
    let old = format!("# 手工编辑的看板\n{}", gen.stdout).into_bytes();
    let new = gen.stdout.into_bytes();
    let board = p.join("big.yaml");

    // How long a whole run takes here, so the kills can be spread over it.
    write(p, "big.yaml", &old);
    let start = Instant::now();
    let full = ducha(p, &["fmt", "big.yaml"]);
    let whole = start.elapsed();
    assert_eq!(full.code, 0, "{}", full.stderr);
    assert_eq!(read(&board), new);

    let (mut saw_old, mut saw_new) = (0, 0);
    let mut step = 0u32;
    // Kills spread from the start to past the end of a run; a loaded machine gets more tries.
    while step < 12 || (saw_new == 0 && step < 30) {
        step += 1;
        let _ = fs::remove_file(backup_path(&board));
        write(p, "big.yaml", &old);
        let delay = whole.mul_f64(f64::from(step - 1) / 9.0);
        let mut child = command(p)
            .args(["fmt", "big.yaml"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn ducha fmt");
        std::thread::sleep(delay);
        // SIGKILL: no destructor, no cleanup, as when the SSH session's machine loses power.
        let _ = child.kill();
        let _ = child.wait();
        let now = read(&board);
        if now == old {
            saw_old += 1;
        } else if now == new {
            saw_new += 1;
        } else {
            panic!(
                "after a kill at {delay:?} the board is neither old nor new ({} bytes)",
                now.len()
            );
        }
        let bak = backup_path(&board);
        if bak.exists() {
            assert_eq!(read(&bak), old, "a backup, when there is one, is whole");
        }
        // A process killed between linking its temporary file under a hidden random name and
        // renaming it can leave that file: nothing can clean up after SIGKILL. Such hidden
        // temporaries are harmless; anything else beside the board is not.
        let left: Vec<String> = names(p)
            .into_iter()
            .filter(|n| n != "big.yaml" && n != "big.yaml.bak" && n != "big.yaml.lock")
            .filter(|n| !n.starts_with(".big.yaml."))
            .collect();
        assert!(left.is_empty(), "stray files after a kill: {left:?}");
    }
    eprintln!("a whole run took {whole:?}; after the kills: old {saw_old}, new {saw_new}");
    assert!(saw_old > 0 && saw_new > 0, "old {saw_old}, new {saw_new}");
}

#[test]
fn a_backup_that_cannot_be_written_stops_the_save() {
    let dir = scratch();
    let board = copy_sample(dir.path(), "board.yaml");
    let before = read(&board);
    // A folder where the backup should go: works as a failure even for root.
    let bak = backup_path(&board);
    fs::create_dir(&bak).expect("mkdir");
    write(&bak, "keep", "x");
    let loaded = load(&board).expect("load");
    let mut b = loaded.parsed.board.clone();
    b.title.push_str(" (changed)");
    match save(&board, &b, Some(loaded.disk)) {
        Err(SaveError::Io(p, _)) => assert_eq!(p, bak),
        other => panic!("expected an I/O error, got {other:?}"),
    }
    assert_eq!(read(&board), before);
    assert_eq!(
        names(dir.path()),
        ["board.yaml", "board.yaml.bak", "board.yaml.lock"]
    );
    assert_eq!(names(&bak), ["keep"]);

    let run = ducha(dir.path(), &["fmt", "board.yaml"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("board.yaml.bak: save failed, the file is unchanged"),
        "{}",
        run.stderr
    );
    assert_eq!(read(&board), before);
}

#[test]
fn a_read_only_folder_fails_the_save_and_keeps_the_file() {
    let dir = scratch();
    let sub = dir.path().join("ro");
    fs::create_dir(&sub).expect("mkdir");
    let board = copy_sample(&sub, "board.yaml");
    let before = read(&board);
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o555)).expect("chmod");
    // Root, and some containers, write anyway: then there is no failure to test.
    let probe = sub.join("probe");
    let denied = fs::write(&probe, "x").is_err();
    let _ = fs::remove_file(&probe);
    let loaded = load(&board).expect("load");
    let mut b = loaded.parsed.board.clone();
    b.tasks.pop();
    let result = save(&board, &b, Some(loaded.disk));
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).expect("chmod back");
    if denied {
        assert!(
            matches!(result, Err(SaveError::Io(..))),
            "read-only folder: {result:?}"
        );
        assert_eq!(read(&board), before);
        assert_eq!(names(&sub), ["board.yaml"]);
    } else {
        eprintln!("the folder stayed writable (running as root?): only the save itself is checked");
        assert!(result.is_ok());
    }
}

#[test]
fn a_file_changed_on_disk_since_loading_is_not_overwritten() {
    let dir = scratch();
    let board = copy_sample(dir.path(), "board.yaml");
    let loaded = load(&board).expect("load");
    let theirs = format!(
        "{}# 另一位同事的修改\n",
        String::from_utf8(read(&board)).expect("utf8")
    );
    fs::write(&board, &theirs).expect("write");
    let mut mine = loaded.parsed.board.clone();
    mine.title = "mine".into();
    match save(&board, &mine, Some(loaded.disk)) {
        Err(e @ SaveError::Conflict(_)) => {
            assert!(e.to_string().contains("changed by someone else"), "{e}");
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(read(&board), theirs.as_bytes());
    assert!(!backup_path(&board).exists());

    // A file deleted meanwhile is a conflict too: the save must not bring back a stale board.
    fs::remove_file(&board).expect("rm");
    assert!(matches!(
        save(&board, &mine, Some(loaded.disk)),
        Err(SaveError::Conflict(_))
    ));
    assert!(!board.exists());
}

#[test]
fn the_backup_holds_the_previous_bytes_and_an_unchanged_save_writes_nothing() {
    let dir = scratch();
    let board = copy_sample(dir.path(), "board.yaml");
    let original = read(&board);
    assert!(String::from_utf8_lossy(&original).starts_with("# Source:"));
    let loaded = load(&board).expect("load");
    assert!(loaded.parsed.has_comments);

    let first = save(&board, &loaded.parsed.board, Some(loaded.disk)).expect("save");
    assert_eq!(
        read(&backup_path(&board)),
        original,
        "comments kept in FILE.bak"
    );
    let canonical = read(&board);
    assert_eq!(canonical, to_yaml(&loaded.parsed.board).into_bytes());

    // Same content again: neither the file nor the backup is touched.
    let again = save(&board, &loaded.parsed.board, Some(first)).expect("save again");
    assert_eq!(again, first);
    assert_eq!(read(&backup_path(&board)), original);
    assert_eq!(read(&board), canonical);

    // A real change moves the previous canonical text into the backup.
    let mut b = loaded.parsed.board.clone();
    b.tasks[0].status = "doing".into();
    save(&board, &b, Some(again)).expect("save change");
    assert_eq!(read(&backup_path(&board)), canonical);
    assert_eq!(load(&board).expect("reload").parsed.board, b);

    // A new file has no previous version and so no backup.
    let fresh = dir.path().join("new.yaml");
    save(&fresh, &b, None).expect("save new");
    assert!(!backup_path(&fresh).exists());
    assert_eq!(load(&fresh).expect("load new").parsed.board, b);
}

#[test]
fn permissions_survive_a_save_and_the_backup_is_no_more_readable() {
    let dir = scratch();
    let board = copy_sample(dir.path(), "board.yaml");
    fs::set_permissions(&board, fs::Permissions::from_mode(0o640)).expect("chmod");
    let loaded = load(&board).expect("load");
    let mut b = loaded.parsed.board.clone();
    b.title.push('!');
    save(&board, &b, Some(loaded.disk)).expect("save");
    let mode = |p: &Path| fs::metadata(p).expect("stat").permissions().mode() & 0o7777;
    assert_eq!(mode(&board), 0o640);
    assert_eq!(mode(&backup_path(&board)), 0o640);
}

#[test]
fn saving_through_a_symbolic_link_updates_the_target_and_keeps_the_link() {
    let dir = scratch();
    let target = copy_sample(dir.path(), "2024.yaml");
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).expect("chmod");
    let link = dir.path().join("current.yaml");
    symlink("2024.yaml", &link).expect("symlink");
    let loaded = load(&link).expect("load");
    let mut b = loaded.parsed.board.clone();
    b.title = "via the link".into();
    save(&link, &b, Some(loaded.disk)).expect("save");
    assert!(fs::symlink_metadata(&link)
        .expect("lstat")
        .file_type()
        .is_symlink());
    assert_eq!(
        load(&target).expect("target").parsed.board.title,
        "via the link"
    );
    assert_eq!(
        fs::metadata(&target).expect("stat").permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn fmt_keeps_the_commented_original_in_the_backup_and_says_so() {
    let dir = scratch();
    let board = copy_sample(dir.path(), "board.yaml");
    let original = read(&board);
    let run = ducha(dir.path(), &["fmt", "board.yaml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "board.yaml: comments are not kept; the original with its comments is backed up to board.yaml.bak\n"
    );
    assert_eq!(
        run.stdout,
        "board.yaml: formatted; backup: board.yaml.bak\n"
    );
    assert_eq!(read(&backup_path(&board)), original);
    let run = ducha(dir.path(), &["fmt", "board.yaml"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "board.yaml: already canonical\n", "")
    );
    assert_eq!(read(&backup_path(&board)), original);
}

#[test]
fn fmt_refuses_a_board_with_errors_and_leaves_it_alone() {
    let dir = scratch();
    let board = copy_sample(dir.path(), "board.yaml");
    let text = String::from_utf8(read(&board))
        .expect("utf8")
        .replace("deadline: 2024-04-08", "deadline: 2024-02-30");
    fs::write(&board, &text).expect("write");
    let run = ducha(dir.path(), &["fmt", "board.yaml"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .ends_with("board.yaml: has errors; not formatted\n"),
        "{}",
        run.stderr
    );
    assert_eq!(read(&board), text.as_bytes());
    assert!(!backup_path(&board).exists());
}
