//! `ducha import` and `ducha export` as a person runs them: files, exit codes, messages.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn ducha(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ducha"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run ducha")
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("boards")
        .join(name)
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn importing_the_sample_ledger_prints_its_board() {
    let dir = tempfile::tempdir().expect("dir");
    let ledger = sample("beipiao-2022-ledger.xlsx");
    let o = ducha(
        dir.path(),
        &[
            "import",
            ledger.to_str().expect("path"),
            "--today",
            "2022-06-08",
        ],
    );
    assert_eq!(code(&o), 0, "{}", err(&o));
    let committed = std::fs::read_to_string(sample("beipiao-2022-ledger.yaml")).expect("board");
    let body: String = committed
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(String::from_utf8_lossy(&o.stdout), body);
    let e = err(&o);
    assert!(
        e.contains("重点任务推进台账!G6: 警告: “每月开展，长期坚持”没有写明日期"),
        "{e}"
    );
    assert!(e.contains("导入 25 项任务"), "{e}");
    let dash = ducha(
        dir.path(),
        &["import", ledger.to_str().expect("path"), "-o", "-"],
    );
    assert_eq!(dash.stdout, o.stdout, "-o - is standard output");
    assert!(!dir.path().join("-").exists());
}

const FAULTY: &str = "重点任务,牵头单位,完成时限\n甲,县委办,6月31日\n乙,县委办,6月30日\n";

#[test]
fn rows_with_errors_write_nothing_unless_forced() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("台账.csv"), FAULTY).expect("write");
    let o = ducha(dir.path(), &["import", "台账.csv", "-o", "b.yaml"]);
    assert_eq!(code(&o), 1);
    assert!(
        err(&o).contains("台账.csv: 台账!C2: 错误: “6月31日”不是真实的日期"),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("未写入看板"));
    assert!(!dir.path().join("b.yaml").exists());
    let o = ducha(
        dir.path(),
        &["import", "台账.csv", "-o", "b.yaml", "--force"],
    );
    assert_eq!(code(&o), 1);
    let board = ducha::store::load(&dir.path().join("b.yaml")).expect("board written");
    assert_eq!(board.parsed.board.tasks.len(), 2);
    assert!(board.parsed.diagnostics.is_empty());
}

#[test]
fn writing_over_a_board_keeps_a_backup() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("l.csv"), "重点任务,牵头单位\n甲,县委办\n").expect("write");
    std::fs::write(
        dir.path().join("b.yaml"),
        "title: old\nphases: [{id: p, start: 2024-01-01, end: 2024-12-31}]\n",
    )
    .expect("write");
    let o = ducha(
        dir.path(),
        &["import", "l.csv", "-o", "b.yaml", "--year", "2024"],
    );
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert!(std::fs::read_to_string(dir.path().join("b.yaml.bak"))
        .expect("backup")
        .contains("title: old"));
    assert!(std::fs::read_to_string(dir.path().join("b.yaml"))
        .expect("board")
        .contains("title: l"));
}

#[test]
fn unreadable_ledgers_exit_2() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("empty.csv"), "").expect("write");
    std::fs::write(
        dir.path().join("broken.xlsx"),
        b"PK\x03\x04 not really a zip",
    )
    .expect("write");
    std::fs::write(dir.path().join("ok.csv"), "重点任务,牵头单位\n甲,县委办\n").expect("write");
    for args in [
        vec!["import", "missing.xlsx"],
        vec!["import", "empty.csv"],
        vec!["import", "broken.xlsx"],
        vec!["import", "ok.csv", "--sheet", "汇总"],
    ] {
        let o = ducha(dir.path(), &args);
        assert_eq!(code(&o), 2, "{args:?}: {}", err(&o));
        assert!(o.stdout.is_empty());
    }
    let o = ducha(dir.path(), &["import", "ok.csv", "--sheet", "汇总"]);
    assert!(
        err(&o).contains("没有名为“汇总”的工作表；有：ok"),
        "{}",
        err(&o)
    );
}

#[test]
fn export_writes_xlsx_csv_or_standard_output() {
    let dir = tempfile::tempdir().expect("dir");
    let board = sample("beipiao-2022.yaml");
    let b = board.to_str().expect("path");
    let o = ducha(dir.path(), &["export", b, "--today", "2022-06-08"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let xlsx = std::fs::read(dir.path().join("beipiao-2022.xlsx")).expect("BOARD.xlsx here");
    assert!(xlsx.starts_with(b"PK\x03\x04"));
    let o = ducha(
        dir.path(),
        &["export", b, "-o", "台账.csv", "--today", "2022-06-08"],
    );
    assert_eq!(code(&o), 0, "{}", err(&o));
    let csv = std::fs::read(dir.path().join("台账.csv")).expect("csv");
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    let o = ducha(
        dir.path(),
        &["export", b, "-o", "-", "--today", "2022-06-08"],
    );
    assert_eq!(o.stdout, csv);
    // The exported ledger imports back as a board with the same tasks.
    let o = ducha(
        dir.path(),
        &["import", "beipiao-2022.xlsx", "-o", "back.yaml"],
    );
    assert_eq!(code(&o), 0, "{}", err(&o));
    let back = ducha::store::load(&dir.path().join("back.yaml"))
        .expect("board")
        .parsed
        .board;
    assert_eq!(back.tasks.len(), 30);
}

#[test]
fn export_refuses_what_it_cannot_do() {
    let dir = tempfile::tempdir().expect("dir");
    let board = sample("beipiao-2022.yaml");
    let b = board.to_str().expect("path");
    let o = ducha(dir.path(), &["export", b, "-o", "x.pdf"]);
    assert_eq!(code(&o), 2);
    assert!(err(&o).contains(".xlsx 或 .csv"));
    let o = ducha(dir.path(), &["export", b, "--phase", "p9"]);
    assert_eq!(code(&o), 2);
    assert!(err(&o).contains("没有这个阶段：p9"));
    std::fs::write(dir.path().join("bad.yaml"), "title: x\n").expect("write");
    let o = ducha(dir.path(), &["export", "bad.yaml"]);
    assert_eq!(code(&o), 1);
    assert!(!dir.path().join("bad.xlsx").exists());
}
