//! Shared folders: a save keeps the board's group and mode so colleagues keep their access; a
//! user who may only read a board opens it read-only; copies of a private board stay private.
//!
//! Other users are played with `setpriv` and numeric ids, which needs root (as in CI); elsewhere
//! these tests say so and check nothing.

#![cfg(unix)]

mod support;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::Duration;
use support::pty::{Hangup, PtyRun};

const ALICE: u32 = 4201;
const BOB: u32 = 4202;
const CAROL: u32 = 4203;
const OFFICE: u32 = 4300;

fn can_switch_users() -> bool {
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let setpriv = std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !root || !setpriv {
        eprintln!("skipped: needs root and setpriv to act as other users");
    }
    root && setpriv
}

fn chown(path: &Path, uid: u32, gid: u32) {
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).unwrap();
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// `setpriv` arguments that run the rest as `uid` with `groups`.
fn as_user(uid: u32, groups: &[u32]) -> Vec<String> {
    let list: Vec<String> = groups.iter().map(u32::to_string).collect();
    vec![
        format!("--reuid={uid}"),
        format!("--regid={uid}"),
        format!("--groups={}", list.join(",")),
        "--".into(),
        env!("CARGO_BIN_EXE_ducha").into(),
    ]
}

/// A shared folder (group `OFFICE`, group-writable) holding a copy of a sample board.
fn shared_board(board_owner: u32, mode: u32) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("office");
    std::fs::create_dir(&shared).unwrap();
    chown(&shared, ALICE, OFFICE);
    chmod(&shared, 0o2770);
    chmod(dir.path(), 0o755);
    let board = shared.join("board.yaml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("boards/zhucheng-2017.yaml"),
        &board,
    )
    .unwrap();
    chown(&board, board_owner, OFFICE);
    chmod(&board, mode);
    (dir, board)
}

fn open_as(uid: u32, groups: &[u32], board: &Path) -> PtyRun {
    let mut args = as_user(uid, groups);
    args.extend(
        [
            board.to_str().unwrap(),
            "--today",
            "2017-07-10",
            "--user",
            "同事",
        ]
        .map(String::from),
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = PtyRun::start_program(
        board.parent().unwrap(),
        "setpriv",
        &args,
        Hangup::WithSignal,
    );
    assert!(
        run.wait_for_output("作风建设年", Duration::from_secs(20)),
        "the board did not open"
    );
    run
}

#[test]
fn a_colleagues_save_keeps_the_boards_group_and_mode() {
    if !can_switch_users() {
        return;
    }
    let (_dir, board) = shared_board(ALICE, 0o660);
    let mut bob = open_as(BOB, &[OFFICE], &board);
    bob.send(b"L");
    bob.send(b"s");
    assert!(
        bob.wait_for_output("已保存", Duration::from_secs(20)),
        "bob could not save"
    );
    bob.send(b"q");
    assert!(bob.wait(Duration::from_secs(5)).is_some());
    for file in [board.clone(), board.with_extension("yaml.bak")] {
        let m = std::fs::metadata(&file).unwrap();
        assert_eq!(
            m.gid(),
            OFFICE,
            "{}: the office's group stays",
            file.display()
        );
        assert_eq!(
            m.mode() & 0o777,
            0o660,
            "{}: the mode stays",
            file.display()
        );
    }
    // Alice can still write the board bob saved.
    let mut args = as_user(ALICE, &[OFFICE]);
    args.extend(["fmt".to_string(), board.to_string_lossy().into_owned()]);
    let out = std::process::Command::new("setpriv")
        .args(&args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "alice cannot save after bob: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_user_who_may_only_read_the_board_opens_it_read_only() {
    if !can_switch_users() {
        return;
    }
    let (_dir, board) = shared_board(ALICE, 0o640);
    let before = std::fs::read(&board).unwrap();
    let mut carol = open_as(CAROL, &[OFFICE], &board);
    assert!(
        carol.wait_for_output("只读打开", Duration::from_secs(5)),
        "no word why"
    );
    carol.send(b"L");
    assert!(carol.wait_for_output("不能修改", Duration::from_secs(5)));
    carol.send(b"s");
    carol.send(b"q");
    assert!(carol.wait(Duration::from_secs(5)).is_some());
    assert_eq!(
        std::fs::read(&board).unwrap(),
        before,
        "the board is untouched"
    );
    assert_eq!(
        std::fs::metadata(&board).unwrap().uid(),
        ALICE,
        "and still alice's"
    );
    let names: Vec<String> = std::fs::read_dir(board.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".recovery")), "{names:?}");
}

#[test]
fn copies_of_a_private_board_are_as_private_and_never_replace_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("board.yaml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("boards/demo-en.yaml"),
        &board,
    )
    .unwrap();
    chmod(&board, 0o600);
    let copy = dir.path().join("copy.yaml");
    ducha::store::write_new_beside(&board, &copy, b"title: x\n").unwrap();
    assert_eq!(std::fs::metadata(&copy).unwrap().mode() & 0o777, 0o600);
    let again = ducha::store::write_new_beside(&board, &copy, b"title: y\n");
    assert_eq!(again.unwrap_err().kind(), std::io::ErrorKind::AlreadyExists);
    assert_eq!(std::fs::read(&copy).unwrap(), b"title: x\n", "not replaced");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "{leftovers:?}");
}
