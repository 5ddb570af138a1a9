//! Snapshots of large boards: the same board as from the YAML, used again only for the same
//! bytes, rebuilt when damaged, owner-only, and never for small boards.
//!
//! One test function, because the snapshot folder comes from the environment of the process.

use ducha::store::load;
use std::path::Path;
use std::time::{Duration, SystemTime};

fn snapshots(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(dir.join("ducha"))
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| p.extension().is_some_and(|e| e == "bin"));
    out.sort();
    out
}

#[test]
fn a_large_board_is_read_again_from_its_snapshot() {
    let cache = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    // SAFETY of the test: this binary has this one test, so no other thread reads the variable.
    std::env::set_var("XDG_CACHE_HOME", cache.path());
    std::env::remove_var("DUCHA_NO_CACHE");

    let board = work.path().join("city.yaml");
    let mut b = ducha::cli::gen::board(2_000, 7, ducha::cli::gen::default_center());
    // A problem, so that what check says comes from the snapshot too.
    b.tasks[3].status = "pending".into();
    let text = format!("# 市级台账\n{}", ducha::store::to_yaml(&b));
    std::fs::write(&board, &text).unwrap();
    assert!(text.len() > 128 * 1024);

    let fresh = load(&board).unwrap();
    let kept = snapshots(cache.path());
    assert_eq!(kept.len(), 1, "one snapshot after the first read");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&kept[0]), 0o600);
        assert_eq!(mode(&cache.path().join("ducha")), 0o700);
    }

    // Read again: from the snapshot (which is marked as used), and the same in every respect.
    let past = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::open(&kept[0])
        .unwrap()
        .set_modified(past)
        .unwrap();
    let again = load(&board).unwrap();
    assert!(std::fs::metadata(&kept[0]).unwrap().modified().unwrap() > past);
    assert_eq!(again.parsed.board, fresh.parsed.board);
    assert_eq!(again.parsed.diagnostics, fresh.parsed.diagnostics);
    assert!(!fresh.parsed.diagnostics.is_empty());
    assert!(again.parsed.has_comments);
    assert_eq!(again.disk, fresh.disk);

    // A damaged snapshot is not believed: the YAML is read, and a good snapshot replaces it.
    std::fs::write(&kept[0], b"not a snapshot").unwrap();
    let repaired = load(&board).unwrap();
    assert_eq!(repaired.parsed.board, fresh.parsed.board);
    assert!(std::fs::metadata(&kept[0]).unwrap().len() > 1000);

    // Other bytes, another snapshot: a saved board is never read from the old one.
    let first = format!("id: {}\n", b.tasks[0].id);
    let edited = text.replacen(&first, "id: G99999\n", 1);
    std::fs::write(&board, &edited).unwrap();
    let changed = load(&board).unwrap();
    assert_eq!(changed.parsed.board.tasks[0].id, "G99999");
    assert_eq!(snapshots(cache.path()).len(), 2);

    // A snapshot is believed only when this user wrote it: one put there by another user (a
    // cache folder shared by mistake) is not, even when it is a good snapshot.
    #[cfg(unix)]
    {
        let me = unsafe { libc::geteuid() };
        if me == 0 {
            let other = work.path().join("other.yaml");
            let mut o = b.clone();
            o.title = "别人放进来的看板".into();
            std::fs::write(&other, ducha::store::to_yaml(&o)).unwrap();
            let before = snapshots(cache.path());
            load(&other).unwrap();
            let planted = snapshots(cache.path())
                .into_iter()
                .find(|p| !before.contains(p))
                .unwrap();
            let name = ducha::store::DiskStamp::of(&std::fs::read(&board).unwrap()).hex();
            let target = cache.path().join("ducha").join(format!("{name}.bin"));
            std::fs::copy(&planted, &target).unwrap();
            // Named as this board's and written by this user, it would be believed …
            assert_eq!(load(&board).unwrap().parsed.board.title, "别人放进来的看板");
            // … but not when another user wrote it.
            std::fs::copy(&planted, &target).unwrap();
            std::os::unix::fs::chown(&target, Some(4242), Some(4242)).unwrap();
            let read = load(&board).unwrap();
            assert_eq!(read.parsed.board.title, b.title);
        } else {
            eprintln!("skipped: planting another user's snapshot needs root");
        }
    }

    // A temporary file left by a program killed while writing a snapshot is cleared once it is
    // old; one being written now is left alone.
    let folder = cache.path().join("ducha");
    let (old, new) = (folder.join(".a.1.tmp"), folder.join(".b.2.tmp"));
    std::fs::write(&old, b"half").unwrap();
    std::fs::write(&new, b"half").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(past)
        .unwrap();
    std::fs::write(
        &board,
        text.replacen(
            &first,
            "id: G99997
",
            1,
        ),
    )
    .unwrap();
    load(&board).unwrap();
    assert!(!old.exists(), "an old temporary file is cleared");
    assert!(new.exists(), "a fresh one may be another program's write");

    // Small boards are parsed every time; and snapshots can be turned off.
    let kept = snapshots(cache.path()).len();
    let small = work.path().join("county.yaml");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("boards/zhucheng-2017.yaml");
    std::fs::copy(sample, &small).unwrap();
    load(&small).unwrap();
    assert_eq!(snapshots(cache.path()).len(), kept);
    std::env::set_var("DUCHA_NO_CACHE", "1");
    std::fs::write(&board, text.replacen(&first, "id: G99998\n", 1)).unwrap();
    load(&board).unwrap();
    assert_eq!(snapshots(cache.path()).len(), kept);
}
