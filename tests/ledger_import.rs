//! Importing ledgers as offices keep them: fixtures are written here with rust_xlsxwriter
//! (merged cells, title rows, two-row headers, date cells, serial numbers) and as CSV (UTF-8
//! with and without a byte-order mark, GBK, CRLF, quoted line breaks). Dates and column names
//! have tests of their own (ledger_dates.rs, ledger_columns.rs).

use chrono::NaiveDate;
use ducha::ledger::{import_bytes, ImportOptions, Imported};
use ducha::model::validate::Severity;
use ducha::model::{Lang, Raw, Task};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn options() -> ImportOptions {
    ImportOptions {
        sheet: None,
        year: None,
        lang: None,
        today: day("2024-07-01"),
    }
}

fn import_with(bytes: Vec<u8>, opts: &ImportOptions) -> Imported {
    import_bytes(bytes, "台账", opts).expect("readable")
}

fn import(bytes: Vec<u8>) -> Imported {
    import_with(bytes, &options())
}

fn csv(text: &str) -> Imported {
    import(text.as_bytes().to_vec())
}

/// A workbook of one sheet named `重点任务台账`, filled by `fill`.
fn xlsx(fill: impl FnOnce(&mut Worksheet) -> Result<(), XlsxError>) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("重点任务台账").expect("name");
    fill(ws).expect("fixture");
    book.save_to_buffer().expect("workbook")
}

fn row(ws: &mut Worksheet, r: u32, cells: &[&str]) -> Result<(), XlsxError> {
    for (c, text) in cells.iter().enumerate() {
        if !text.is_empty() {
            ws.write(r, c as u16, *text)?;
        }
    }
    Ok(())
}

fn task<'a>(i: &'a Imported, title: &str) -> &'a Task {
    i.board
        .tasks
        .iter()
        .find(|t| t.title == title)
        .unwrap_or_else(|| panic!("no task {title}: {:#?}", i.board.tasks))
}

fn names(i: &Imported, ids: &[ducha::model::Short]) -> Vec<String> {
    ids.iter()
        .map(|u| i.board.unit_name(u).to_string())
        .collect()
}

fn extra<'a>(t: &'a Task, key: &str) -> Option<&'a Raw> {
    t.extra.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn rendered(i: &Imported) -> Vec<String> {
    i.problems.iter().map(|p| p.render(i.lang)).collect()
}

/// A ledger as offices print it: title and 填报 line merged across, 阶段 and 类别 merged down,
/// deadlines as a date cell, a serial number and words.
fn office_workbook() -> Vec<u8> {
    xlsx(|ws| {
        let plain = Format::new();
        ws.merge_range(0, 0, 0, 9, "2023年全市重点工作任务推进台账", &plain)?;
        ws.merge_range(
            1,
            0,
            1,
            9,
            "填报单位：市委督查室　　　填报时间：7月5日",
            &plain,
        )?;
        row(
            ws,
            2,
            &[
                "序号",
                "阶段",
                "类别",
                "工作任务",
                "责任单位",
                "协办单位",
                "时间节点",
                "推进情况",
                "状态",
                "资金来源",
            ],
        )?;
        ws.merge_range(3, 1, 5, 1, "第一阶段", &plain)?;
        ws.merge_range(3, 2, 4, 2, "经济运行", &plain)?;
        row(
            ws,
            3,
            &[
                "1",
                "",
                "",
                "召开全市重点工作推进会",
                "市委办公室、市政府办公室",
                "各县区",
                "",
                "已召开",
                "已完成",
                "财政",
            ],
        )?;
        ws.write_date_with_format(
            3,
            6,
            &ExcelDateTime::from_ymd(2023, 3, 15)?,
            &Format::new().set_num_format("yyyy/m/d"),
        )?;
        row(
            ws,
            4,
            &[
                "2",
                "",
                "",
                "制定年度任务清单",
                "市委督查室",
                "",
                "",
                "",
                "已办结",
            ],
        )?;
        ws.write_number(4, 6, 45046)?;
        row(
            ws,
            5,
            &[
                "3",
                "",
                "项目建设",
                "重点项目集中开工",
                "市发展和改革委员会",
                "市住房和城乡建设局，市自然资源和规划局",
                "6月底前",
                "开工12个",
                "正在推进",
            ],
        )?;
        row(
            ws,
            6,
            &[
                "4",
                "第二阶段",
                "项目建设",
                "招商引资",
                "市商务局",
                "各县（市、区）",
                "2023年第三季度",
                "",
                "未启动",
            ],
        )?;
        row(
            ws,
            7,
            &[
                "5",
                "第二阶段",
                "作风建设",
                "基层减负",
                "市委办公室",
                "市直各部门",
                "长期坚持",
                "",
                "推进中",
            ],
        )?;
        ws.merge_range(9, 0, 9, 9, "注：本表每月5日前报送市委督查室。", &plain)?;
        Ok(())
    })
}

#[test]
fn an_office_workbook_imports_without_hand_editing() {
    let i = import(office_workbook());
    assert_eq!(rendered(&i), ["重点任务台账!G8: 警告: “长期坚持”没有写明日期：完成时限留空（作为长期任务），原文保存在 deadline_note"]);
    let b = &i.board;
    assert_eq!(b.title, "2023年全市重点工作任务推进台账");
    assert_eq!(b.lang, Some(Lang::Zh));
    assert_eq!(
        b.extra.0,
        [("office".to_string(), Raw::Str("市委督查室".into()))]
    );
    let phases: Vec<(&str, &str)> = b
        .phases
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(phases, [("p1", "第一阶段"), ("p2", "第二阶段")]);
    assert_eq!(
        (b.phases[0].start, b.phases[0].end),
        (day("2023-03-01"), day("2023-06-30"))
    );
    let ids: Vec<&str> = b.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5"]);

    let t = task(&i, "召开全市重点工作推进会");
    assert_eq!(
        (t.phase.as_str(), t.category.as_deref()),
        ("p1", Some("经济运行"))
    );
    assert_eq!(b.unit_name(&t.lead), "市委办公室");
    assert_eq!(names(&i, &t.partners), ["市政府办公室", "各县区"]);
    assert_eq!(
        (t.deadline, t.status.as_str()),
        (Some(day("2023-03-15")), "done")
    );
    assert_eq!(t.progress.len(), 1);
    assert_eq!(
        (t.progress[0].at.text.as_str(), t.progress[0].note.as_str()),
        ("2023-07-05", "已召开")
    );
    assert_eq!(extra(t, "资金来源"), Some(&Raw::Str("财政".into())));

    let t = task(&i, "制定年度任务清单");
    assert_eq!(
        (t.phase.as_str(), t.category.as_deref()),
        ("p1", Some("经济运行"))
    );
    assert_eq!(
        (t.deadline, t.status.as_str()),
        (Some(day("2023-04-30")), "done")
    );

    let t = task(&i, "重点项目集中开工");
    assert_eq!(
        (t.phase.as_str(), t.category.as_deref()),
        ("p1", Some("项目建设"))
    );
    assert_eq!(
        names(&i, &t.partners),
        ["市住房和城乡建设局", "市自然资源和规划局"]
    );
    assert_eq!(
        (t.deadline, t.status.as_str()),
        (Some(day("2023-06-30")), "doing")
    );

    let t = task(&i, "招商引资");
    assert_eq!(names(&i, &t.partners), ["各县（市、区）"]);
    assert_eq!(
        (t.phase.as_str(), t.deadline, t.status.as_str()),
        ("p2", Some(day("2023-09-30")), "todo")
    );

    let t = task(&i, "基层减负");
    assert_eq!(names(&i, &t.partners), ["市直各部门"]);
    assert_eq!(t.deadline, None);
    assert_eq!(
        extra(t, "deadline_note"),
        Some(&Raw::Str("长期坚持".into()))
    );
    assert!(ducha::model::validate::validate(b).is_empty());
}

#[test]
fn units_get_their_names_as_stable_ids() {
    let a = import(office_workbook()).board;
    let b = csv("重点任务,牵头单位\n甲,市商务局\n乙,市委办公室\n");
    let id = |b: &ducha::model::Board, name: &str| {
        b.units
            .iter()
            .find(|u| u.name == name)
            .map(|u| u.id.clone())
    };
    assert_eq!(id(&a, "市委办公室"), id(&b.board, "市委办公室"));
    assert_eq!(id(&a, "市商务局"), Some("市商务局".to_string()));
}

#[test]
fn a_two_row_header_reads_the_group_over_its_columns() {
    let bytes = xlsx(|ws| {
        let plain = Format::new();
        ws.merge_range(0, 0, 0, 5, "重点任务台账", &plain)?;
        for (c, name) in [
            (0u16, "序号"),
            (1, "重点任务"),
            (2, "牵头单位"),
            (5, "备注"),
        ] {
            ws.merge_range(1, c, 2, c, name, &plain)?;
        }
        ws.merge_range(1, 3, 1, 4, "完成时限", &plain)?;
        row(ws, 2, &["", "", "", "开始", "结束"])?;
        row(
            ws,
            3,
            &[
                "1",
                "编制方案",
                "市委办公室",
                "2024年3月1日",
                "2024年3月31日",
                "已报审",
            ],
        )?;
        Ok(())
    });
    let i = import(bytes);
    assert!(i.problems.is_empty(), "{:?}", rendered(&i));
    let t = &i.board.tasks[0];
    assert_eq!(t.deadline, Some(day("2024-03-31")));
    assert_eq!(extra(t, "start"), Some(&Raw::Str("2024年3月1日".into())));
    assert_eq!(extra(t, "remarks"), Some(&Raw::Str("已报审".into())));
}

/// What Excel's 另存为 CSV writes for a ledger with merged cells: a merged value only in the
/// group's first row, CRLF, a quoted line break.
const SAVED_AS: &str = "2024年重点任务台账,,,,,\r\n\
填报单位：县委办,,,,,\r\n\
序号,阶段,类别,重点任务,牵头单位,完成时限\r\n\
1,动员部署,学习教育,召开动员大会,县委办,2024/4/8\r\n\
2,,,\"印发\r\n实施方案\",县委组织部,4月底前\r\n\
3,,作风整治,开展明察暗访,县纪委监委,2024.5.31\r\n\
4,督查整改,,集中整改,县委督查室,年底前\r\n";

fn assert_saved_as(i: &Imported) {
    assert!(i.problems.is_empty(), "{:?}", rendered(i));
    let got: Vec<(String, &str, Option<&str>, Option<NaiveDate>)> = i
        .board
        .tasks
        .iter()
        .map(|t| {
            (
                t.title.clone(),
                i.board
                    .phases
                    .iter()
                    .find(|p| p.id == t.phase)
                    .map_or("", |p| p.name.as_str()),
                t.category.as_deref(),
                t.deadline,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "召开动员大会".to_string(),
                "动员部署",
                Some("学习教育"),
                Some(day("2024-04-08"))
            ),
            (
                "印发\n实施方案".to_string(),
                "动员部署",
                Some("学习教育"),
                Some(day("2024-04-30"))
            ),
            (
                "开展明察暗访".to_string(),
                "动员部署",
                Some("作风整治"),
                Some(day("2024-05-31"))
            ),
            (
                "集中整改".to_string(),
                "督查整改",
                Some("作风整治"),
                Some(day("2024-12-31"))
            ),
        ]
    );
}

#[test]
fn csv_saved_from_excel_carries_merged_groups_down() {
    assert_saved_as(&csv(SAVED_AS));
    assert_saved_as(&csv(&format!("\u{FEFF}{SAVED_AS}")));
}

#[test]
fn csv_in_gbk_as_chinese_windows_saves_it_reads_the_same() {
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(SAVED_AS);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the fixture must not be UTF-8"
    );
    let i = import(gbk.into_owned());
    assert_saved_as(&i);
    assert_eq!(i.board.title, "2024年重点任务台账");
}

#[test]
fn a_none_mark_stops_carrying_down() {
    let i = csv("类别,重点任务,牵头单位\n学习,甲,县委办\n—,乙,县委办\n,丙,县委办\n");
    let cats: Vec<Option<&str>> = i
        .board
        .tasks
        .iter()
        .map(|t| t.category.as_deref())
        .collect();
    assert_eq!(cats, [Some("学习"), None, None]);
}

#[test]
fn statuses_in_words_and_new_words_become_statuses() {
    let i = csv("重点任务,牵头单位,完成状态\n甲,县委办,已办结\n乙,县委办,正在推进\n丙,县委办,未开始\n丁,县委办,待验收\n戊,县委办,In progress\n");
    let s: Vec<&str> = i.board.tasks.iter().map(|t| t.status.as_str()).collect();
    assert_eq!(s, ["done", "doing", "todo", "待验收", "doing"]);
    let names: Vec<&str> = i.board.statuses.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["未启动", "推进中", "待验收", "已完成"]);
    assert!(i.board.statuses_given);
    assert_eq!(rendered(&i).len(), 1);
    assert!(rendered(&i)[0].starts_with("台账!C5: 警告: “待验收”不是已知状态"));
}

#[test]
fn without_a_status_column_the_progress_says_it() {
    let i =
        csv("重点任务,牵头单位,完成情况\n甲,县委办,已完成。共3次\n乙,县委办,已起草\n丙,县委办,\n");
    let s: Vec<&str> = i.board.tasks.iter().map(|t| t.status.as_str()).collect();
    assert_eq!(s, ["done", "doing", "todo"]);
}

#[test]
fn blank_rows_template_rows_headings_and_notes_are_not_tasks() {
    let text = "\
某县重点任务台账,,,,
序号,重点任务,牵头单位,完成时限,备注
一、学习教育,,,,
1,召开动员大会,县委办,2024-04-08,
,,,,
2,,,,
（二）作风整治,,,,
3,开展明察暗访,县纪委监委,2024-05-31,
序号,重点任务,牵头单位,完成时限,备注
4,集中整改,县委督查室,2024-12-31,
合计,4项,,,
注：1.本表每月报送；,,,,
2.完成时限以方案为准。,,,,
填表人：李娜,,,,
";
    let i = csv(text);
    assert!(i.problems.is_empty(), "{:?}", rendered(&i));
    let got: Vec<(&str, Option<&str>)> = i
        .board
        .tasks
        .iter()
        .map(|t| (t.title.as_str(), t.category.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("召开动员大会", Some("学习教育")),
            ("开展明察暗访", Some("作风整治")),
            ("集中整改", Some("作风整治"))
        ]
    );
}

/// A ledger with one of each problem.
const FAULTY: &str = "\
2024年台账,,,,,,
序号,重点任务,牵头单位,完成时限,延期至,延期原因,状态
1,甲,县委办,2024年2月30日,,,推进中
2,乙,,6月底,,,推进中
3,,县委办,2024-06-30,,,推进中
4,丁,县委办,下月,,,推进中
5,戊,县委办,2024-06-30,2024-06-01,等待批复,推进中
6,己,县委办,2024-06-30,,等待批复,基本完成
7,庚,县委办,长期坚持,,,推进中
";

#[test]
fn every_problem_names_its_cell_its_text_and_what_was_expected() {
    let i = csv(FAULTY);
    let got: Vec<(Severity, String, String)> = i
        .problems
        .iter()
        .map(|p| (p.severity, p.cell(), p.text.clone()))
        .collect();
    use Severity::{Error, Warning};
    let want = [
        (Error, "台账!D3", "2024年2月30日"),
        (Error, "台账!C4", ""),
        (Error, "台账!B5", "3"),
        (Warning, "台账!D6", "下月"),
        (Warning, "台账!E7", "2024-06-01"),
        (Warning, "台账!F8", "等待批复"),
        (Warning, "台账!G8", "基本完成"),
        (Warning, "台账!D9", "长期坚持"),
    ];
    let want: Vec<(Severity, String, String)> = want
        .iter()
        .map(|(s, c, t)| (*s, c.to_string(), t.to_string()))
        .collect();
    assert_eq!(got, want);
    for p in &i.problems {
        let zh = p.render(Lang::Zh);
        let en = p.render(Lang::En);
        assert!(
            zh.starts_with(&format!("{}: ", p.cell()))
                && en.starts_with(&format!("{}: ", p.cell()))
        );
        if !p.text.is_empty() && p.text != "3" {
            assert!(zh.contains(&p.text) && en.contains(&p.text), "{zh} / {en}");
        }
    }
    assert!(rendered(&i)[0].contains("不是真实的日期"));
    assert!(i.problems[1]
        .render(Lang::Zh)
        .contains("应至少填写一个单位"));
    assert!(i.problems[2]
        .render(Lang::En)
        .contains("expected the task in the task column"));
    // Rows with errors that leave no task are left out; the others are kept.
    assert_eq!(i.board.tasks.len(), 5);
}

#[test]
fn messages_follow_the_language_of_the_ledger_or_the_option() {
    let en = csv("Task,Lead unit,Deadline\nA,General Office,someday 13/13\n");
    assert_eq!(en.lang, Lang::En);
    assert_eq!(en.board.lang, Some(Lang::En));
    let zh = import_with(
        FAULTY.as_bytes().to_vec(),
        &ImportOptions {
            lang: Some(Lang::En),
            ..options()
        },
    );
    assert!(
        rendered(&zh)[0].starts_with("台账!D3: error: \"2024年2月30日\" is not a real date"),
        "{:?}",
        rendered(&zh)
    );
}

#[test]
fn a_sheet_without_a_header_is_an_error_at_a1_and_sheets_can_be_chosen() {
    let bytes = {
        let mut book = Workbook::new();
        book.add_worksheet()
            .set_name("说明")
            .expect("name")
            .write(0, 0, "本工作簿含两张表")
            .expect("cell");
        let ws = book.add_worksheet().set_name("台账").expect("name");
        row(ws, 0, &["重点任务", "牵头单位"]).expect("row");
        row(ws, 1, &["甲", "县委办"]).expect("row");
        book.save_to_buffer().expect("workbook")
    };
    let auto = import(bytes.clone());
    assert_eq!((auto.sheet.as_str(), auto.board.tasks.len()), ("台账", 1));
    let chosen = import_with(
        bytes.clone(),
        &ImportOptions {
            sheet: Some("说明".into()),
            ..options()
        },
    );
    assert_eq!(rendered(&chosen).len(), 1);
    assert!(rendered(&chosen)[0].starts_with("说明!A1: 错误: 找不到表头"));
    let missing = import_bytes(
        bytes,
        "x",
        &ImportOptions {
            sheet: Some("汇总".into()),
            ..options()
        },
    );
    assert!(matches!(
        missing,
        Err(ducha::ledger::ReadError::NoSuchSheet { .. })
    ));
}

#[test]
fn a_ledger_without_a_lead_column_says_so_once() {
    let i = csv("重点任务,完成时限\n甲,6月底\n乙,7月底\n");
    assert_eq!(rendered(&i), ["台账!A1: 错误: 表头中没有牵头单位列（牵头单位、责任单位或主责单位）；每项任务都要有牵头单位"]);
    assert!(i.board.tasks.is_empty());
}
