//! Export: a board as the office's ledger, in `.xlsx` (three sheets) or CSV (the first sheet).

use super::table::{self, light_word, Out};
use crate::model::{Board, Lang};
use crate::report::Scope;
use chrono::NaiveDate;

/// Why a workbook could not be made.
#[derive(Debug)]
pub struct ExportError(rust_xlsxwriter::XlsxError);

impl ExportError {
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> String {
        format!(
            "{}{}",
            lang.pick("无法生成 Excel 文件：", "cannot make the workbook: "),
            self.0
        )
    }
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// The ledger as an `.xlsx` workbook: tasks, lead units ranked, overdue tasks.
pub fn export_xlsx(board: &Board, today: NaiveDate, scope: &Scope) -> Result<Vec<u8>, ExportError> {
    let tables = table::ledger(board, today, scope);
    super::xlsx::workbook(&tables, board.lang()).map_err(ExportError)
}

/// The task sheet as CSV: UTF-8 with a byte-order mark (which Excel on Chinese Windows needs to
/// read it as UTF-8), CRLF line ends, formula-like cells made inert as in the CSV report.
pub fn export_csv(board: &Board, today: NaiveDate, scope: &Scope) -> String {
    let t = table::tasks(board, today, scope);
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let lang = board.lang();
    let mut records: Vec<Vec<String>> = vec![vec![t.title.clone()]];
    records.push(t.columns.iter().map(|c| c.header.clone()).collect());
    records.extend(
        t.rows
            .iter()
            .map(|r| r.iter().map(|c| cell_text(c, lang)).collect()),
    );
    for rec in records {
        // Writing into memory fails only for want of it; a record that could not be written
        // would show as a short file, never as wrong data.
        let _ = w.write_record(rec.iter().map(|s| inert(s)));
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8_lossy(&bytes))
}

/// A cell as CSV text.
fn cell_text(c: &Out, lang: Lang) -> String {
    match c {
        Out::Empty => String::new(),
        Out::Text(s) => s.clone(),
        Out::Date(d) => d.to_string(),
        Out::Int(n) => n.to_string(),
        Out::Float(n) => n.to_string(),
        Out::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Out::Rate(x) => crate::report::percent(*x),
        Out::Light(l) => light_word(*l, lang).to_string(),
    }
}

/// Text a spreadsheet would run as a formula, made inert with a leading `'` as the CSV report
/// does. Import takes one such `'` off again, so text that already starts with `'=` gets one
/// more and comes back as written.
fn inert(s: &str) -> String {
    const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
    let guarded = s.strip_prefix('\'').is_some_and(|r| r.starts_with(FORMULA));
    if s.starts_with(FORMULA) || guarded {
        format!("'{s}")
    } else {
        s.to_string()
    }
}
