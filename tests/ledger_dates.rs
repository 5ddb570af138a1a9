//! The date forms of a 完成时限 cell, one test each, and the cells around them: date cells,
//! serial numbers, words with and without a date, the year they are read in.

use chrono::NaiveDate;
use ducha::ledger::dates::FORMS;
use ducha::ledger::{import_bytes, ImportOptions, Imported, Issue};
use ducha::model::{Raw, Task};
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

fn extra<'a>(t: &'a Task, key: &str) -> Option<&'a Raw> {
    t.extra.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn rendered(i: &Imported) -> Vec<String> {
    i.problems.iter().map(|p| p.render(i.lang)).collect()
}

/// One test per date form of `dates::FORMS`: its example in a CSV ledger of 2023 means its date.
macro_rules! date_forms {
    ($($name:ident: $i:expr,)*) => {
        $(#[test]
        fn $name() {
            let f = &FORMS[$i];
            let i = csv(&format!("2023年台账\n重点任务,牵头单位,完成时限\n甲,县委办,{}\n", f.example));
            assert!(i.problems.is_empty(), "{}: {:?}", f.example, rendered(&i));
            assert_eq!(i.board.tasks[0].deadline, Some(day(f.means)), "{}", f.example);
        })*
        #[test]
        fn every_date_form_has_its_test() {
            assert_eq!([$($i),*].len(), FORMS.len());
        }
    };
}

date_forms! {
    date_form_00: 0, date_form_01: 1, date_form_02: 2, date_form_03: 3, date_form_04: 4,
    date_form_05: 5, date_form_06: 6, date_form_07: 7, date_form_08: 8, date_form_09: 9,
    date_form_10: 10, date_form_11: 11, date_form_12: 12, date_form_13: 13, date_form_14: 14,
    date_form_15: 15, date_form_16: 16, date_form_17: 17, date_form_18: 18, date_form_19: 19,
    date_form_20: 20, date_form_21: 21, date_form_22: 22, date_form_23: 23, date_form_24: 24,
    date_form_25: 25, date_form_26: 26, date_form_27: 27, date_form_28: 28, date_form_29: 29,
    date_form_30: 30, date_form_31: 31, date_form_32: 32, date_form_33: 33, date_form_34: 34,
    date_form_35: 35, date_form_36: 36, date_form_37: 37, date_form_38: 38, date_form_39: 39,
}

fn deadline_of(cell: &str) -> (Option<NaiveDate>, Option<Raw>, Vec<String>) {
    let i = csv(&format!(
        "2023年台账\n重点任务,牵头单位,完成时限\n甲,县委办,\"{cell}\"\n"
    ));
    let t = i.board.tasks.first().cloned();
    (
        t.as_ref().and_then(|t| t.deadline),
        t.as_ref().and_then(|t| extra(t, "deadline_note").cloned()),
        rendered(&i),
    )
}

#[test]
fn dates_in_words_around_them_keep_the_words() {
    assert_eq!(
        deadline_of("6月30日前完成"),
        (Some(day("2023-06-30")), None, vec![])
    );
    assert_eq!(
        deadline_of("2023-06-30 00:00:00"),
        (Some(day("2023-06-30")), None, vec![])
    );
    let (d, note, _) = deadline_of("5月底前完成初稿，9月底前全面完成");
    assert_eq!(
        (d, note),
        (
            Some(day("2023-09-30")),
            Some(Raw::Str("5月底前完成初稿，9月底前全面完成".into()))
        )
    );
    let (d, _, _) = deadline_of("2024年5月至6月底");
    assert_eq!(
        d,
        Some(day("2024-06-30")),
        "a later date without a year takes the earlier one's"
    );
}

#[test]
fn words_without_a_date_are_a_warning_and_kept() {
    for words in ["长期坚持", "持续推进", "每月"] {
        let (d, note, problems) = deadline_of(words);
        assert_eq!((d, note), (None, Some(Raw::Str(words.into()))), "{words}");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("台账!C3: 警告: "), "{problems:?}");
    }
}

#[test]
fn dates_that_are_none_are_errors() {
    for (cell, says) in [
        ("2023年2月30日", "不是真实的日期"),
        ("2023.13.5", "不是日期"),
        ("6月31日", "不是真实的日期"),
    ] {
        let (_, _, problems) = deadline_of(cell);
        assert_eq!(problems.len(), 1, "{cell}: {problems:?}");
        assert!(
            problems[0].starts_with(&format!("台账!C3: 错误: “{cell}”{says}")),
            "{problems:?}"
        );
    }
}

#[test]
fn date_cells_serials_and_numbers_that_are_no_dates() {
    let bytes = xlsx(|ws| {
        row(ws, 0, &["重点任务", "牵头单位", "完成时限"])?;
        row(ws, 1, &["甲", "县委办"])?;
        ws.write_date_with_format(
            1,
            2,
            &ExcelDateTime::from_ymd(2024, 6, 30)?,
            &Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\""),
        )?;
        row(ws, 2, &["乙", "县委办"])?;
        ws.write_number(2, 2, 45473)?;
        row(ws, 3, &["丙", "县委办"])?;
        ws.write_number(3, 2, 6.3)?;
        Ok(())
    });
    let i = import(bytes);
    let d: Vec<Option<NaiveDate>> = i.board.tasks.iter().map(|t| t.deadline).collect();
    assert_eq!(d, [Some(day("2024-06-30")), Some(day("2024-06-30")), None]);
    assert_eq!(i.problems.len(), 1);
    assert_eq!(i.problems[0].cell(), "重点任务台账!C4");
    assert_eq!(i.problems[0].issue, Issue::NumberNotDate);
    assert_eq!(
        csv("重点任务,牵头单位,完成时限\n甲,县委办,45473\n")
            .board
            .tasks[0]
            .deadline,
        Some(day("2024-06-30"))
    );
}

#[test]
fn the_year_comes_from_the_option_then_the_title_then_the_report_date_then_today() {
    let body = "重点任务,牵头单位,完成时限\n甲,县委办,6月底\n";
    let of = |text: &str, year: Option<i32>| {
        let opts = ImportOptions { year, ..options() };
        import_with(text.as_bytes().to_vec(), &opts).board.tasks[0].deadline
    };
    assert_eq!(
        of(
            &format!("2022年台账\n填报时间：2021年7月1日\n{body}"),
            Some(2020)
        ),
        Some(day("2020-06-30"))
    );
    assert_eq!(
        of(&format!("2022年台账\n填报时间：2021年7月1日\n{body}"), None),
        Some(day("2022-06-30"))
    );
    assert_eq!(
        of(&format!("台账\n填报时间：2021年7月1日\n{body}"), None),
        Some(day("2021-06-30"))
    );
    assert_eq!(of(body, None), Some(day("2024-06-30")));
}
