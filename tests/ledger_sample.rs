//! The sample ledger `boards/beipiao-2022-ledger.xlsx` and the board imported from it.
//!
//! The ledger is made here from `boards/beipiao-2022.yaml` (its 25 measures in 8 areas) the way
//! a supervision office keeps one: an attachment number and a title above the table, a
//! 填报单位/填报时间 line, a two-row header (责任单位 over 牵头单位/配合单位), each area merged down
//! over its rows, deadlines as date cells, serial numbers and words, statuses in several words,
//! notes under the table. `DUCHA_REGENERATE=1 cargo test --test ledger_sample` writes both
//! files again; otherwise the tests check that the committed files are what this code makes.

use ducha::ledger::read::{Book, Grid};
use ducha::ledger::{import_bytes, ImportOptions};
use ducha::model::{Board, Task};
use rust_xlsxwriter::{
    ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::path::PathBuf;

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("boards")
        .join(name)
}

const LEDGER: &str = "beipiao-2022-ledger.xlsx";
const BOARD: &str = "beipiao-2022-ledger.yaml";
const SHEET: &str = "重点任务推进台账";
const REPORTED: &str = "2022-06-08";

/// How a measure's deadline is written in the ledger, where it is not a plain date cell.
fn deadline_text(id: &str) -> Option<&'static str> {
    Some(match id {
        "M01" => "每月开展，长期坚持",
        "M05" => "2022年第三季度",
        "M06" => "5月底前",
        "M10" => "2022.9.30",
        "M11" => "6月底前",
        "M12" => "2022/8/31",
        "M16" => "年底前",
        _ => return None,
    })
}

/// Measures whose deadline cell holds a bare Excel serial number (pasted as values).
const SERIAL: &[&str] = &["M03", "M20"];

/// The leader in charge of an area, by post.
fn leader(area: &str) -> &'static str {
    match area {
        "突出政治理论学习" => "市委常委、宣传部部长",
        "突出全员培训" | "突出服务群众" | "突出长效机制" => {
            "市委常委、组织部部长"
        }
        "突出调查研究" | "突出工作落实" => "市委常委、秘书长",
        "突出改革攻坚" => "市委副书记",
        _ => "市委常委、纪委书记",
    }
}

/// A status in the words an office uses, varied as people write them.
fn status_word(t: &Task, i: usize) -> &'static str {
    match (t.status.as_str(), i % 2) {
        ("done", 0) => "已完成",
        ("done", _) => "已办结",
        ("doing", 0) => "推进中",
        ("doing", _) => "正在推进",
        (_, 0) => "未启动",
        _ => "未开始",
    }
}

fn problems(id: &str) -> &'static str {
    match id {
        "M06" => "受疫情防控影响，观摩路线待调整",
        "M17" => "上级年度考核指标尚未下达",
        _ => "",
    }
}

fn remarks(t: &Task) -> String {
    match (t.extended_to, &t.extension_reason) {
        (Some(d), Some(r)) => format!("已申请延期至{}，{r}", d.format("%Y年%-m月%-d日")),
        _ => String::new(),
    }
}

fn date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

fn formats() -> (Format, Format, Format, Format) {
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let head = cell.clone().set_bold().set_align(FormatAlign::Center);
    let day = cell.clone().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    (cell, head, day, title)
}

fn header(ws: &mut Worksheet, head: &Format) -> Result<(), XlsxError> {
    let tall = [
        (0, "序号"),
        (1, "方面"),
        (2, "重点任务"),
        (3, "责任领导"),
        (6, "完成时限"),
        (7, "推进情况"),
        (8, "完成状态"),
        (9, "存在问题"),
        (10, "备注"),
    ];
    for (c, name) in tall {
        ws.merge_range(3, c, 4, c, name, head)?;
    }
    ws.merge_range(3, 4, 3, 5, "责任单位", head)?;
    ws.write_with_format(4, 4, "牵头单位", head)?;
    ws.write_with_format(4, 5, "配合单位", head)?;
    for (c, w) in [
        (0, 5),
        (1, 10),
        (2, 36),
        (3, 14),
        (4, 14),
        (5, 18),
        (6, 12),
        (7, 30),
        (8, 8),
        (9, 16),
        (10, 18),
    ] {
        ws.set_column_width(c, w)?;
    }
    Ok(())
}

/// The ledger, made from the Beipiao board's measures.
fn ledger() -> Result<Vec<u8>, XlsxError> {
    let board = ducha::store::load(&path("beipiao-2022.yaml"))
        .expect("beipiao board")
        .parsed
        .board;
    let measures: Vec<&Task> = board
        .tasks
        .iter()
        .filter(|t| t.id.starts_with('M'))
        .collect();
    let (cell, head, day, title) = formats();
    let mut book = Workbook::new();
    let ws = book.add_worksheet().set_name(SHEET)?;
    ws.write(0, 0, "附件1")?;
    ws.merge_range(
        1,
        0,
        1,
        10,
        "北票市“能力作风优化年”活动重点任务推进台账",
        &title,
    )?;
    ws.merge_range(
        2,
        0,
        2,
        10,
        "填报单位：能力作风优化年工作专班　　　　　　填报时间：2022年6月8日",
        &Format::new(),
    )?;
    header(ws, &head)?;
    let first = 5u32;
    let mut area_start = first;
    for (i, t) in measures.iter().enumerate() {
        let r = first + i as u32;
        write_measure(ws, &board, t, i, r, &cell, &day)?;
        let area = t.category.as_deref().unwrap_or("");
        let next = measures.get(i + 1).and_then(|n| n.category.as_deref());
        if next != Some(area) {
            if area_start < r {
                ws.merge_range(area_start, 1, r, 1, area, &cell)?;
            } else {
                ws.write_with_format(r, 1, area, &cell)?;
            }
            area_start = r + 1;
        }
    }
    let end = first + measures.len() as u32 + 1;
    ws.merge_range(end, 0, end, 10, "注：1.本表由能力作风优化年工作专班每月5日前汇总，报市委督查室；2.完成状态填写“已完成”“推进中”“未启动”。", &Format::new().set_text_wrap())?;
    ws.write(end + 1, 0, "填表人：赵海峰　　　　审核人：李春雨")?;
    ws.set_landscape().set_paper_size(9);
    book.save_to_buffer()
}

fn write_measure(
    ws: &mut Worksheet,
    board: &Board,
    t: &Task,
    i: usize,
    r: u32,
    cell: &Format,
    day: &Format,
) -> Result<(), XlsxError> {
    let name = |id: &str| board.unit_name(id).to_string();
    // One measure names a lead and a partner in the lead cell, as offices sometimes do.
    let (lead, partners) = match t.id.as_str() {
        "M02" => (
            format!("{}、{}", name(&t.lead), name(&t.partners[0])),
            t.partners[1..].iter().map(|p| name(p)).collect::<Vec<_>>(),
        ),
        _ => (name(&t.lead), t.partners.iter().map(|p| name(p)).collect()),
    };
    ws.write_with_format(r, 0, (i + 1) as f64, cell)?;
    ws.write_with_format(r, 2, &t.title, cell)?;
    ws.write_with_format(r, 3, leader(t.category.as_deref().unwrap_or("")), cell)?;
    ws.write_with_format(r, 4, &lead, cell)?;
    ws.write_with_format(r, 5, partners.join("、"), cell)?;
    let deadline = t.deadline.expect("measures have deadlines");
    match deadline_text(&t.id) {
        Some(text) => ws.write_with_format(r, 6, text, cell)?,
        None if SERIAL.contains(&t.id.as_str()) => {
            ws.write_with_format(r, 6, date(deadline)?.to_excel(), cell)?
        }
        None => ws.write_date_with_format(r, 6, &date(deadline)?, day)?,
    };
    let progress = t.progress.last().map_or(String::new(), |p| p.note.clone());
    ws.write_with_format(r, 7, progress, cell)?;
    ws.write_with_format(r, 8, status_word(t, i), cell)?;
    ws.write_with_format(r, 9, problems(&t.id), cell)?;
    ws.write_with_format(r, 10, remarks(t), cell)?;
    Ok(())
}

fn options() -> ImportOptions {
    ImportOptions {
        sheet: None,
        year: None,
        lang: None,
        today: chrono::NaiveDate::parse_from_str(REPORTED, "%Y-%m-%d").expect("date"),
    }
}

/// The header comment of the imported board, then the board as `ducha import` writes it.
fn board_text(bytes: &[u8]) -> String {
    let imported = import_bytes(bytes.to_vec(), "beipiao-2022-ledger", &options()).expect("import");
    format!(
        "# 由 boards/{LEDGER} 导入：ducha import boards/{LEDGER} -o boards/{BOARD}\n\
         # 台账由 tests/ledger_sample.rs 根据 beipiao-2022.yaml 的25项措施生成（八个方面），见该台账说明。\n{}",
        ducha::store::to_yaml(&imported.board)
    )
}

fn sheet(bytes: Vec<u8>) -> Grid {
    let mut book = Book::open(bytes, "x").expect("workbook");
    book.grid(SHEET).expect("sheet")
}

#[test]
fn the_sample_ledger_is_what_this_code_makes() {
    let made = ledger().expect("ledger");
    if std::env::var_os("DUCHA_REGENERATE").is_some() {
        std::fs::write(path(LEDGER), &made).expect("write ledger");
        std::fs::write(path(BOARD), board_text(&made)).expect("write board");
    }
    let committed =
        std::fs::read(path(LEDGER)).expect("the sample ledger (DUCHA_REGENERATE=1 makes it)");
    assert_eq!(
        sheet(committed).rows,
        sheet(made).rows,
        "regenerate with DUCHA_REGENERATE=1"
    );
}

#[test]
fn the_sample_ledger_imports_to_the_board_beside_it() {
    let bytes = std::fs::read(path(LEDGER)).expect("sample ledger");
    let imported = import_bytes(bytes.clone(), "beipiao-2022-ledger", &options()).expect("import");
    let committed = std::fs::read_to_string(path(BOARD)).expect("imported board");
    assert_eq!(board_text(&bytes), committed);
    let parsed = ducha::store::parse(&committed).expect("board");
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    // Every measure, in 8 areas; the one deadline in words is the one warning.
    let b = &imported.board;
    assert_eq!(b.tasks.len(), 25);
    let mut areas: Vec<&str> = b
        .tasks
        .iter()
        .filter_map(|t| t.category.as_deref())
        .collect();
    areas.dedup();
    assert_eq!(areas.len(), 8, "{areas:?}");
    let warnings: Vec<String> = imported
        .problems
        .iter()
        .map(|p| p.render(imported.lang))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("重点任务推进台账!G6: 警告: “每月开展，长期坚持”没有写明日期"),
        "{warnings:?}"
    );
}

#[test]
fn the_imported_measures_keep_the_boards_deadlines_units_and_statuses() {
    let source = ducha::store::load(&path("beipiao-2022.yaml"))
        .expect("beipiao")
        .parsed
        .board;
    let bytes = std::fs::read(path(LEDGER)).expect("sample ledger");
    let b = import_bytes(bytes, "x", &options()).expect("import").board;
    let measures = source.tasks.iter().filter(|t| t.id.starts_with('M'));
    for (i, (t, s)) in b.tasks.iter().zip(measures).enumerate() {
        assert_eq!(t.id, (i + 1).to_string());
        assert_eq!(t.title, s.title);
        assert_eq!(t.category, s.category);
        assert_eq!(b.unit_name(&t.lead), source.unit_name(&s.lead), "{}", s.id);
        let mut names: Vec<&str> = t.partners.iter().map(|p| b.unit_name(p)).collect();
        let mut want: Vec<&str> = s.partners.iter().map(|p| source.unit_name(p)).collect();
        names.sort();
        want.sort();
        assert_eq!(names, want, "{}", s.id);
        assert_eq!(b.is_done(t), source.is_done(s), "{}", s.id);
        if s.id != "M01" {
            assert_eq!(t.deadline, s.deadline, "{}", s.id);
        }
    }
}
