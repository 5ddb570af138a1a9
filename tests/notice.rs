//! Reminder notices (催办单): what they say, who gets them (partners too), the 催办 entries they
//! leave (one per task per run, undone as one change in the board), and the Word documents.

mod common;
mod support;

use std::io::Read;
use std::path::Path;
use support::{ducha, sample, scratch};

/// A scratch copy of the Zhucheng board, with the folder it is in.
fn zhucheng_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = scratch();
    let path = dir.path().join("zhucheng-2017.yaml");
    std::fs::copy(sample("zhucheng-2017.yaml"), &path).expect("copy");
    (dir, path)
}

fn notice(dir: &Path, extra: &[&str]) -> support::Run {
    let mut args = vec![
        "notice",
        "zhucheng-2017.yaml",
        "--today",
        "2017-07-10",
        "--user",
        "王晓东",
    ];
    args.extend_from_slice(extra);
    let run = ducha(dir, &args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run
}

fn chases(path: &Path) -> Vec<(String, usize)> {
    let board = ducha::store::load(path).expect("load").parsed.board;
    board
        .tasks
        .iter()
        .map(|t| (t.id.to_string(), t.chase_count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

#[test]
fn a_notice_in_markdown() {
    let (dir, _path) = zhucheng_copy();
    let run = notice(dir.path(), &["--unit", "市委组织部", "--dry-run"]);
    insta::assert_snapshot!("zhucheng_notice_zzb", run.stdout);
}

#[test]
fn a_notice_lists_the_tasks_a_unit_shares_as_partner() {
    let (dir, _path) = zhucheng_copy();
    let md = notice(dir.path(), &["--unit", "swb", "--dry-run"]).stdout;
    // swb leads S12 and is a partner in M03 (led by zzb) and S10 (led by hdb).
    for row in [
        "| 1 | M03 |",
        "| 市委组织部 | 配合 | 2017-06-30 | 逾期 10 天 |",
        "| S12 |",
        "| 市委办公室 | 牵头 |",
        "| S10 | 召开全市作风建设工作第二次调度会 | 市“作风建设年”活动办 | 配合 |",
    ] {
        assert!(md.contains(row), "{row} in\n{md}");
    }
    assert!(md.contains("请配合市委组织部抓紧办结"), "{md}");
    assert!(
        md.ends_with("市开展“作风建设年”活动领导小组办公室  \n2017年7月10日\n"),
        "{md}"
    );
}

#[test]
fn each_run_records_one_chase_per_task_and_keeps_the_files_comments() {
    let (dir, path) = zhucheng_copy();
    let before = std::fs::read_to_string(&path).expect("read");
    let first = notice(dir.path(), &["-o", "out"]);
    assert!(
        first.stderr.contains("已在 5 项任务上记录催办"),
        "{}",
        first.stderr
    );
    let once = chases(&path);
    // Every overdue or due-soon task once, however many units were sent a notice about it.
    let ids: Vec<&str> = once.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["S06", "M03", "X05", "S10", "S12"]);
    assert!(once.iter().all(|(_, n)| *n == 1), "{once:?}");
    notice(dir.path(), &["-o", "out"]);
    assert!(
        chases(&path).iter().all(|(_, n)| *n == 2),
        "a second run, a second entry"
    );
    let after = std::fs::read_to_string(&path).expect("read");
    assert!(after.starts_with(&before.lines().take(4).collect::<Vec<_>>().join("\n")));
    assert!(
        after.contains("chase: [swb, zzb]"),
        "M03: its lead and its partner"
    );
    let files = std::fs::read_dir(dir.path().join("out"))
        .expect("out")
        .count();
    assert_eq!(files, 7, "one notice per unit concerned");
}

#[test]
fn dry_run_records_nothing() {
    let (dir, path) = zhucheng_copy();
    let before = std::fs::read(&path).expect("read");
    notice(dir.path(), &["--dry-run"]);
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn issuing_in_the_board_is_one_change_that_undo_takes_back() {
    let (_dir, path) = zhucheng_copy();
    let mut app = common::open(&path, "2017-07-10");
    let count =
        |app: &ducha::app::App| -> usize { app.board.tasks.iter().map(|t| t.chase_count()).sum() };
    common::press(&mut app, &["C"]);
    assert!(matches!(app.popup, Some(ducha::app::Popup::Confirm(_))));
    common::press(&mut app, &["y"]);
    assert_eq!(count(&app), 5, "one entry on each of the five tasks");
    let folder = app.notice_dir();
    assert_eq!(std::fs::read_dir(&folder).expect("notices").count(), 7);
    let s = common::shot(&mut app, 120, 40);
    assert!(s.contains("催办1次"), "cards show the chases:\n{s}");
    common::press(&mut app, &["C", "y"]);
    assert_eq!(count(&app), 10, "a second issue, a second entry each");
    common::press(&mut app, &["u"]);
    assert_eq!(count(&app), 5, "one undo takes one issue back");
    common::press(&mut app, &["u"]);
    assert_eq!(count(&app), 0);
    assert!(!app.dirty());
}

#[test]
fn in_the_unit_view_only_the_chosen_unit_is_chased() {
    let (_dir, path) = zhucheng_copy();
    let mut app = common::open(&path, "2017-07-10");
    common::press(&mut app, &["v"]);
    let zzb = app
        .units
        .rows
        .iter()
        .position(|u| u.id == "zzb")
        .expect("zzb");
    for _ in 0..zzb {
        common::press(&mut app, &["j"]);
    }
    common::press(&mut app, &["C", "y"]);
    let chased: Vec<&str> = app
        .board
        .tasks
        .iter()
        .filter(|t| t.chase_count() > 0)
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(chased, ["M03", "X05"]);
}

/// The named part of a .docx file as text.
fn part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).expect("docx");
    let mut zip = zip::ZipArchive::new(file).expect("a zip file");
    let mut entry = zip.by_name(name).expect(name);
    let mut text = String::new();
    entry.read_to_string(&mut text).expect("UTF-8 XML");
    text
}

/// The text of the document's paragraphs, tags stripped.
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn check_official_layout(docx: &Path) {
    let styles = part(docx, "word/styles.xml");
    for font in ["宋体", "仿宋", "黑体"] {
        assert!(
            styles.contains(&format!("w:eastAsia=\"{font}\"")),
            "{font} in the styles"
        );
    }
    let document = part(docx, "word/document.xml");
    assert!(
        document.contains("w:w=\"11906\"") && document.contains("w:h=\"16838\""),
        "A4"
    );
    assert!(document.contains("<w:tblHeader />"), "header rows repeat");
    let footer = part(docx, "word/footer1.xml");
    assert!(footer.contains("PAGE"), "page numbers");
}

#[test]
fn the_report_and_notices_as_word_documents() {
    let (dir, _path) = zhucheng_copy();
    let run = ducha(
        dir.path(),
        &[
            "report",
            "zhucheng-2017.yaml",
            "--today",
            "2017-07-10",
            "--since",
            "2017-06-09",
            "--format",
            "docx",
            "-o",
            "circular.docx",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let docx = dir.path().join("circular.docx");
    check_official_layout(&docx);
    let text = text_of(&part(&docx, "word/document.xml"));
    for piece in [
        "诸城市“作风建设年”活动工作进展情况通报",
        "一、自 2017-06-09 以来的变化",
        "新完成（2）",
        "S09",
        "各牵头单位排名",
        "5（并列）",
        "逾期任务（3）",
        "制定达标赶超计划",
        "市开展“作风建设年”活动领导小组办公室",
        "2017年7月10日",
    ] {
        assert!(text.contains(piece), "{piece} in the document");
    }

    notice(
        dir.path(),
        &["--format", "docx", "-o", "notices", "--unit", "zzb"],
    );
    let notice_file = dir.path().join("notices/催办单-市委组织部-2017-07-10.docx");
    check_official_layout(&notice_file);
    let text = text_of(&part(&notice_file, "word/document.xml"));
    for piece in [
        "催办单",
        "市委组织部：",
        "M03",
        "逾期 10 天",
        "请于 2017-07-13 前",
    ] {
        assert!(text.contains(piece), "{piece} in the notice");
    }
    libreoffice_opens(&[docx, notice_file]);
}

/// Converts the documents to PDF with LibreOffice where it is installed.
fn libreoffice_opens(files: &[std::path::PathBuf]) {
    let found = std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("soffice is not installed: the LibreOffice conversion is skipped");
        return;
    }
    let out = scratch();
    for f in files {
        let status = std::process::Command::new("soffice")
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(out.path())
            .arg(f)
            .env("HOME", out.path())
            .output()
            .expect("run soffice");
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        let pdf = out
            .path()
            .join(f.file_stem().expect("stem"))
            .with_extension("pdf");
        let bytes = std::fs::read(&pdf).unwrap_or_default();
        assert!(bytes.starts_with(b"%PDF"), "{} converted", pdf.display());
    }
}
