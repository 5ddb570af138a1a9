//! Column names: every name of the one table is recognised (one test per field), columns it
//! does not model are kept, and docs/IMPORT.md lists every name and date form.

use ducha::ledger::columns::{Field, COLUMNS};
use ducha::ledger::dates::FORMS;
use ducha::ledger::read::Book;
use ducha::ledger::{import_bytes, ImportOptions, Imported};
use ducha::model::Raw;

fn csv(text: &str) -> Imported {
    let today = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).expect("date");
    let opts = ImportOptions {
        sheet: None,
        year: None,
        lang: None,
        today,
    };
    import_bytes(text.as_bytes().to_vec(), "台账", &opts).expect("readable")
}

/// One test per field: each of its names, Chinese and English, is recognised as a header.
macro_rules! synonyms {
    ($($name:ident: $field:expr,)*) => {
        $(#[test]
        fn $name() {
            let names = COLUMNS.iter().find(|n| n.field == $field).expect("field in the table");
            for name in names.zh.iter().chain(names.en) {
                // A ledger with that column and a task column (the title field's names stand alone).
                let header = match $field {
                    Field::Title => format!("\"{name}\",牵头单位"),
                    _ => format!("\"{name}\",重点任务"),
                };
                let text = format!("{header}\nx,y\n");
                let mut book = Book::open(text.into_bytes(), "t").expect("csv");
                let grid = book.grid("t").expect("sheet");
                let layout = ducha::ledger::header::find(&grid).unwrap_or_else(|| panic!("{name}: no header"));
                assert_eq!(layout.col($field), Some(0), "{name}");
            }
        })*
        #[test]
        fn every_field_has_its_synonym_test() {
            let tested = [$($field),*];
            assert!(COLUMNS.iter().all(|n| tested.contains(&n.field)));
        }
    };
}

synonyms! {
    header_id: Field::Id, header_phase: Field::Phase, header_category: Field::Category,
    header_title: Field::Title, header_content: Field::Content, header_leader: Field::Leader,
    header_lead: Field::Lead, header_partners: Field::Partners, header_contact: Field::Contact,
    header_deadline: Field::Deadline, header_deadline_note: Field::DeadlineNote,
    header_start: Field::Start, header_extended_to: Field::ExtendedTo,
    header_extension_reason: Field::ExtensionReason, header_status: Field::Status,
    header_light: Field::Light, header_progress: Field::Progress,
    header_progress_date: Field::ProgressDate, header_progress_by: Field::ProgressBy,
    header_problems: Field::Problems, header_next_steps: Field::NextSteps,
    header_remarks: Field::Remarks,
}

#[test]
fn columns_it_does_not_model_are_kept_as_task_keys() {
    let i = csv("序号,重点任务,具体措施,分管领导,牵头单位,联系人,存在问题,下步计划,备注,资金（万元）,\n1,甲,措施,王副市长,县委办,张三 13800000000,缺资金,争取上级支持,无,120,\n");
    let t = &i.board.tasks[0];
    let keys: Vec<(&str, &Raw)> = t.extra.0.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let s = |v: &str| Raw::Str(v.into());
    assert_eq!(
        keys,
        [
            ("content", &s("措施")),
            ("leader", &s("王副市长")),
            ("contact", &s("张三 13800000000")),
            ("problems", &s("缺资金")),
            ("next_steps", &s("争取上级支持")),
            ("remarks", &s("无")),
            ("资金（万元）", &s("120"))
        ]
    );
}

#[test]
fn the_import_doc_lists_every_column_name_and_date_form() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/IMPORT.md"))
        .expect("docs/IMPORT.md");
    for n in COLUMNS {
        for name in n.zh.iter().chain(n.en) {
            assert!(
                doc.contains(&format!("`{name}`")),
                "docs/IMPORT.md does not list `{name}`"
            );
        }
    }
    for f in FORMS {
        assert!(
            doc.contains(&format!("`{}`", f.example)),
            "docs/IMPORT.md does not show `{}`",
            f.example
        );
    }
}
