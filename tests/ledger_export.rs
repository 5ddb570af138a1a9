//! Export: the workbook opens (read back with calamine), has the three sheets, lights in words
//! on their colours, the layout for printing; CSV is UTF-8 with a byte-order mark, inert.

use chrono::NaiveDate;
use ducha::ledger::read::{Book, Grid, Value};
use ducha::ledger::{export_csv, export_xlsx};
use ducha::model::facts::Light;
use ducha::model::Board;
use ducha::report::{Report, Scope};
use std::io::Read;

fn sample(name: &str) -> Board {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("boards")
        .join(name);
    ducha::store::load(&path)
        .expect("sample board")
        .parsed
        .board
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn sheets(bytes: &[u8]) -> Vec<Grid> {
    let mut book = Book::open(bytes.to_vec(), "x").expect("the workbook opens");
    book.sheet_names()
        .iter()
        .map(|n| book.grid(n).expect("sheet"))
        .collect()
}

fn texts(g: &Grid, row: usize) -> Vec<String> {
    g.rows[row].iter().map(|c| c.value.text()).collect()
}

/// One part of the workbook's zip, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut s = String::new();
    zip.by_name(name)
        .expect(name)
        .read_to_string(&mut s)
        .expect("utf-8");
    s
}

#[test]
fn the_workbook_has_the_tasks_the_units_ranked_and_the_overdue() {
    let board = sample("beipiao-2022.yaml");
    let today = day("2022-06-08");
    let bytes = export_xlsx(&board, today, &Scope::default()).expect("workbook");
    let s = sheets(&bytes);
    let names: Vec<&str> = s.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["重点任务台账", "单位排名", "逾期任务"]);

    let tasks = &s[0];
    assert_eq!(
        tasks.value(0, 0).text(),
        "北票市“能力作风优化年”活动（截至2022年6月8日）"
    );
    assert_eq!(
        texts(tasks, 1),
        [
            "序号",
            "阶段",
            "类别",
            "重点任务",
            "牵头单位",
            "配合单位",
            "完成时限",
            "延期至",
            "延期原因",
            "状态",
            "亮灯",
            "进展情况",
            "进展日期",
            "报送人"
        ]
    );
    assert_eq!(tasks.rows.len(), 2 + board.tasks.len());
    for (i, t) in board.tasks.iter().enumerate() {
        let r = i + 2;
        assert_eq!(tasks.value(r, 0).text(), t.id);
        assert_eq!(tasks.value(r, 3).text(), t.title);
        assert_eq!(tasks.value(r, 4).text(), board.unit_name(&t.lead));
        assert_eq!(
            tasks.value(r, 6),
            &t.deadline.map_or(Value::Empty, Value::Date),
            "{}",
            t.id
        );
        let light = match board.light(t, today) {
            Light::Red => "逾期",
            Light::Yellow => "即将到期",
            Light::Green => "正常",
            Light::Done => "已完成",
        };
        assert_eq!(tasks.value(r, 10).text(), light, "{}", t.id);
    }
    let m17 = 2 + board.task_index("M17").expect("M17");
    assert_eq!(tasks.value(m17, 7), &Value::Date(day("2022-06-30")));
    assert_eq!(tasks.value(m17, 8).text(), "待上级年度考核指标下达后修订");
    assert_eq!(tasks.value(m17, 11).text(), "征求意见稿已下发各单位");
    assert_eq!(tasks.value(m17, 12), &Value::Date(day("2022-06-02")));

    let report = Report::new(&board, today, Scope::default());
    let ranked: Vec<String> = report
        .summary
        .ranked_units()
        .iter()
        .map(|u| u.name.clone())
        .collect();
    let units: Vec<String> = (2..s[1].rows.len())
        .map(|r| s[1].value(r, 1).text())
        .collect();
    assert_eq!(units, ranked);
    assert_eq!(texts(&s[1], 1)[0], "排名");
    let overdue: Vec<String> = (2..s[2].rows.len())
        .map(|r| s[2].value(r, 0).text())
        .collect();
    let want: Vec<String> = report.overdue.iter().map(|r| r.id.clone()).collect();
    assert_eq!(overdue, want);
    assert!(!want.is_empty());
}

#[test]
fn the_workbook_is_laid_out_for_screen_and_paper() {
    let board = sample("beipiao-2022.yaml");
    let bytes = export_xlsx(&board, day("2022-06-08"), &Scope::default()).expect("workbook");
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(
            r#"<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>"#
        ),
        "frozen header"
    );
    assert!(
        sheet.contains(r#"<autoFilter ref="A2:N32"/>"#),
        "filter over the header and the tasks"
    );
    assert!(
        sheet.contains(r#"<mergeCell ref="A1:N1"/>"#),
        "title across the table"
    );
    assert!(
        sheet.contains(r#"paperSize="9""#) && sheet.contains(r#"orientation="landscape""#),
        "A4 landscape"
    );
    assert!(
        sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#),
        "one page wide"
    );
    assert!(sheet.contains("第 &amp;P 页，共 &amp;N 页"), "page numbers");
    let book = part(&bytes, "xl/workbook.xml");
    assert!(book.contains(r#"<definedName name="_xlnm.Print_Titles" localSheetId="0">重点任务台账!$2:$2</definedName>"#), "header on every page: {book}");
    let styles = part(&bytes, "xl/styles.xml");
    for fill in ["FFFFC7CE", "FFFFEB9C", "FFC6EFCE"] {
        assert!(styles.contains(fill), "light fill {fill}");
    }
    assert!(styles.contains(r#"wrapText="1""#), "long cells wrap");
    // The title column is wider than the number column, and capped.
    let widths: Vec<f64> = sheet
        .split("<col ")
        .skip(1)
        .filter_map(|c| c.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
        .collect();
    assert!(
        widths[3] > widths[0] * 3.0 && widths[3] <= 50.0,
        "{widths:?}"
    );
}

#[test]
fn an_english_board_gets_english_sheets_and_words() {
    let board = sample("demo-en.yaml");
    let bytes = export_xlsx(&board, day("2024-05-20"), &Scope::default()).expect("workbook");
    let s = sheets(&bytes);
    let names: Vec<&str> = s.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Ledger", "Units", "Overdue"]);
    assert_eq!(&texts(&s[0], 1)[..4], ["No.", "Phase", "Category", "Task"]);
    assert!(s[0].value(0, 0).text().ends_with(" (as of 2024-05-20)"));
}

#[test]
fn scope_narrows_the_tasks_as_in_the_report() {
    let board = sample("beipiao-2022.yaml");
    let scope = Scope {
        phase: Some("p3".into()),
        unit: None,
    };
    let s = sheets(&export_xlsx(&board, day("2022-06-08"), &scope).expect("workbook"));
    let want = board.tasks.iter().filter(|t| t.phase == "p3").count();
    assert_eq!(s[0].rows.len() - 2, want);
    let scope = Scope {
        phase: None,
        unit: Some("yss".into()),
    };
    let csv = export_csv(&board, day("2022-06-08"), &scope);
    assert_eq!(
        csv.lines().count() - 2,
        board.tasks.iter().filter(|t| scope.keeps(t)).count()
    );
}

#[test]
fn csv_is_utf8_with_a_bom_crlf_and_inert_formulas() {
    let mut board = sample("beipiao-2022.yaml");
    board.tasks[0].title = "=HYPERLINK(\"http://x\")".into();
    board.tasks[1].title = "'=已经加了引号".into();
    let csv = export_csv(&board, day("2022-06-08"), &Scope::default());
    assert!(csv.starts_with(
        "\u{FEFF}北票市“能力作风优化年”活动（截至2022年6月8日）\r\n序号,阶段,类别,重点任务,"
    ));
    assert!(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","));
    assert!(csv.contains(",''=已经加了引号,"));
    assert!(
        !csv.replace("\r\n", "").contains('\n') || csv.contains('"'),
        "only quoted cells hold line breaks"
    );
    let back = ducha::ledger::import_bytes(
        csv.into_bytes(),
        "x",
        &ducha::ledger::ImportOptions {
            sheet: None,
            year: None,
            lang: None,
            today: day("2022-06-08"),
        },
    )
    .expect("import");
    assert_eq!(back.board.tasks[0].title, "=HYPERLINK(\"http://x\")");
    assert_eq!(back.board.tasks[1].title, "'=已经加了引号");
}
