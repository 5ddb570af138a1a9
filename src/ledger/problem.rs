//! What an import found wrong, named by sheet and cell the way a spreadsheet shows them.

use crate::model::validate::Severity;
use crate::model::Lang;
use chrono::NaiveDate;

/// A cell's place in a sheet: zero-based row and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    /// Row, 0 for the spreadsheet's row 1.
    pub row: u32,
    /// Column, 0 for column A.
    pub col: u32,
}

impl Pos {
    /// A position from indices (saturating: sheets never reach `u32::MAX`).
    pub fn new(row: usize, col: usize) -> Pos {
        Pos {
            row: u32::try_from(row).unwrap_or(u32::MAX),
            col: u32::try_from(col).unwrap_or(u32::MAX),
        }
    }

    /// The spreadsheet's name for the cell, e.g. `H12`.
    pub fn a1(self) -> String {
        format!("{}{}", column_letters(self.col), u64::from(self.row) + 1)
    }
}

/// The letters of a column: 0 is `A`, 25 is `Z`, 26 is `AA`.
pub fn column_letters(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// What is wrong with a cell, independent of language.
#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    /// No row of the sheet reads as a header of a ledger.
    NoHeader,
    /// A header but no task below it.
    NoTasks,
    /// A row with content but nothing in the task column.
    MissingTitle,
    /// A task without a lead unit.
    MissingLead,
    /// A header without a lead-unit column: no task can have a lead.
    NoLeadColumn,
    /// Text that is not one of the date forms.
    NotADate,
    /// A date form naming a day that does not exist.
    NoSuchDay,
    /// A number that cannot be a spreadsheet date.
    NumberNotDate,
    /// Text that names no date at all (`长期坚持`): kept, deadline left empty.
    NoDateNamed,
    /// An extension that is not after the deadline.
    ExtensionNotLater(NaiveDate),
    /// A reason for an extension without the extended date.
    ReasonWithoutExtension,
    /// A status word the import does not know, added to the board as a new status.
    NewStatus,
    /// A problem the board's own check found in the result, already worded.
    BoardCheck(String),
}

/// One problem, with the cell it is in and that cell's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Error (nothing is written without `--force`) or warning.
    pub severity: Severity,
    /// The sheet's name (the file's name for CSV).
    pub sheet: String,
    /// The cell.
    pub at: Pos,
    /// What the cell holds, as shown.
    pub text: String,
    /// What is wrong.
    pub issue: Issue,
}

impl Problem {
    /// An error in a cell.
    pub fn error(sheet: &str, at: Pos, text: &str, issue: Issue) -> Problem {
        Problem {
            severity: Severity::Error,
            sheet: sheet.to_string(),
            at,
            text: text.to_string(),
            issue,
        }
    }

    /// A warning in a cell.
    pub fn warning(sheet: &str, at: Pos, text: &str, issue: Issue) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(sheet, at, text, issue)
        }
    }

    /// `sheet!cell`, as Excel and WPS write references.
    pub fn cell(&self) -> String {
        format!("{}!{}", self.sheet, self.at.a1())
    }

    /// One line: `重点任务台账!H12: 错误: “6月底前后”不是日期（应为 …）`.
    pub fn render(&self, lang: Lang) -> String {
        let kind = match self.severity {
            Severity::Error => lang.pick("错误", "error"),
            Severity::Warning => lang.pick("警告", "warning"),
        };
        format!("{}: {kind}: {}", self.cell(), self.message(lang))
    }

    /// What is wrong and what was expected, quoting the cell.
    pub fn message(&self, lang: Lang) -> String {
        let t = &self.text;
        match (&self.issue, lang) {
            (Issue::NoHeader, Lang::Zh) => format!("找不到表头：前 {HEADER_ROWS} 行中没有一行列名同时包含“重点任务”（或 工作任务、任务名称、事项）和“牵头单位”“完成时限”等列"),
            (Issue::NoHeader, Lang::En) => format!("no header found: none of the first {HEADER_ROWS} rows names a task column (重点任务, Task) together with another known column (牵头单位, 完成时限, Lead unit, Deadline …)"),
            (Issue::NoTasks, Lang::Zh) => "表头下面没有任务行".to_string(),
            (Issue::NoTasks, Lang::En) => "no task rows under the header".to_string(),
            (Issue::MissingTitle, Lang::Zh) => format!("此行有内容（“{t}”）但任务名称为空；应在任务列填写任务名称，或删除此行"),
            (Issue::MissingTitle, Lang::En) => format!("this row has content (\"{t}\") but no task title; expected the task in the task column, or remove the row"),
            (Issue::NoLeadColumn, Lang::Zh) => "表头中没有牵头单位列（牵头单位、责任单位或主责单位）；每项任务都要有牵头单位".to_string(),
            (Issue::NoLeadColumn, Lang::En) => "the header has no lead-unit column (牵头单位, 责任单位, Lead unit); every task needs a lead unit".to_string(),
            (Issue::MissingLead, Lang::Zh) => "牵头单位为空；应至少填写一个单位".to_string(),
            (Issue::MissingLead, Lang::En) => "the lead unit is empty; expected at least one unit".to_string(),
            (Issue::NotADate, Lang::Zh) => format!("“{t}”不是日期；应为 2023年6月30日、2023.6.30、2023/6/30、6月30日、6月底、2023年第三季度、年底前 等写法，或 长期坚持 等不含日期的说明"),
            (Issue::NotADate, Lang::En) => format!("\"{t}\" is not a date; expected 2023-06-30, 2023/6/30, 2023.6.30, 2023年6月30日, 6月底 (end of June), 2023年第三季度 (Q3 2023), 年底前 (by year end) and the like"),
            (Issue::NoSuchDay, Lang::Zh) => format!("“{t}”不是真实的日期（该月没有这一天）"),
            (Issue::NoSuchDay, Lang::En) => format!("\"{t}\" is not a real date (no such day in that month)"),
            (Issue::NumberNotDate, Lang::Zh) => format!("数字 {t} 不是日期；Excel 日期序号应在 1980 年至 2100 年之间（如 45107 即 2023-06-30），或改为 2023年6月30日 这样的文字"),
            (Issue::NumberNotDate, Lang::En) => format!("the number {t} is not a date; expected an Excel date serial between 1980 and 2100 (45107 is 2023-06-30), or text such as 2023-06-30"),
            (Issue::NoDateNamed, Lang::Zh) => format!("“{t}”没有写明日期：完成时限留空（作为长期任务），原文保存在 deadline_note"),
            (Issue::NoDateNamed, Lang::En) => format!("\"{t}\" names no date: the deadline is left empty (a standing task) and the text kept in deadline_note"),
            (Issue::ExtensionNotLater(d), Lang::Zh) => format!("延期至“{t}”不晚于完成时限 {d}"),
            (Issue::ExtensionNotLater(d), Lang::En) => format!("extended to \"{t}\", which is not after the deadline {d}"),
            (Issue::ReasonWithoutExtension, Lang::Zh) => format!("有延期原因（“{t}”）但没有延期至日期"),
            (Issue::ReasonWithoutExtension, Lang::En) => format!("an extension reason (\"{t}\") without an extended date"),
            (Issue::NewStatus, Lang::Zh) => format!("“{t}”不是已知状态（未启动、推进中、已完成 等），已作为新状态加入看板；如有误请改后重新导入"),
            (Issue::NewStatus, Lang::En) => format!("\"{t}\" is not a known status (Not started, In progress, Done …); it was added to the board as a new status: fix the cell and import again if that is wrong"),
            (Issue::BoardCheck(m), _) => m.clone(),
        }
    }
}

/// How many rows from the top are searched for the header.
pub const HEADER_ROWS: usize = 30;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_in_a_spreadsheet() {
        assert_eq!(Pos::new(11, 7).a1(), "H12");
        assert_eq!(Pos::new(0, 25).a1(), "Z1");
        assert_eq!(Pos::new(0, 26).a1(), "AA1");
        assert_eq!(Pos::new(0, 701).a1(), "ZZ1");
        assert_eq!(Pos::new(0, 702).a1(), "AAA1");
    }
}
