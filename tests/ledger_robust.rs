//! Whatever a file holds, import answers with a board or a problem, never a panic: random bytes,
//! random CSV made of ledger words, random workbooks with merged ranges anywhere.

use ducha::ledger::{import_bytes, ImportOptions};
use ducha::model::validate::{validate, Severity};
use proptest::prelude::*;
use rust_xlsxwriter::{Format, Workbook};

fn options() -> ImportOptions {
    let today = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).expect("date");
    ImportOptions {
        sheet: None,
        year: None,
        lang: None,
        today,
    }
}

/// Words a ledger is made of, and some that are not.
const WORDS: &[&str] = &[
    "",
    "",
    "",
    "序号",
    "阶段",
    "类别",
    "重点任务",
    "牵头单位",
    "配合单位",
    "完成时限",
    "状态",
    "进展情况",
    "延期至",
    "延期原因",
    "备注",
    "开始",
    "结束",
    "Task",
    "Lead unit",
    "Deadline",
    "一、学习",
    "注：说明",
    "合计",
    "—",
    "县委办、县政府办",
    "各县（市、区）",
    "6月底前",
    "2023年第三季度",
    "45107",
    "2023.13.5",
    "长期坚持",
    "已完成",
    "推进中",
    "待验收",
    "'=1+1",
    "\"",
    ",",
    "\n",
    "2023年2月30日",
    "填报时间：7月5日",
];

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(String::from),
        1 => "\\PC{0,6}",
    ]
}

fn grid() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(prop::collection::vec(cell(), 0..8), 0..12)
}

/// The import's result is a usable board whenever it reports no error.
fn check(bytes: Vec<u8>) {
    if let Ok(i) = import_bytes(bytes, "t", &options()) {
        if !i.has_errors() {
            let errors: Vec<_> = validate(&i.board)
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{errors:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(bytes);
    }

    #[test]
    fn random_csv(rows in grid()) {
        let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
        for r in &rows {
            w.write_record(r).expect("record");
        }
        check(w.into_inner().expect("csv"));
    }

    #[test]
    fn random_workbooks(rows in grid(), merges in prop::collection::vec((0u32..14, 0u16..10, 0u32..3, 0u16..3), 0..6)) {
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        for (r, cells) in rows.iter().enumerate() {
            for (c, text) in cells.iter().enumerate() {
                if !text.is_empty() {
                    ws.write(r as u32, c as u16, text.as_str()).expect("cell");
                }
            }
        }
        // Ranges that overlap none before them (the writer refuses overlaps, and after one
        // refusal its bookkeeping panics on the next).
        let mut taken: Vec<(u32, u16, u32, u16)> = Vec::new();
        for (r, c, h, w) in merges {
            let rect = (r, c, r + h, c + w);
            let overlaps = taken.iter().any(|t| rect.0 <= t.2 && t.0 <= rect.2 && rect.1 <= t.3 && t.1 <= rect.3);
            if (h > 0 || w > 0) && !overlaps {
                ws.merge_range(rect.0, rect.1, rect.2, rect.3, "", &Format::new()).expect("merge");
                taken.push(rect);
            }
        }
        check(book.save_to_buffer().expect("workbook"));
    }
}
