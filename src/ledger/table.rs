//! A board laid out as the ledger's tables, the way offices print them: the tasks, the lead
//! units ranked, the overdue tasks. `xlsx` and CSV export write these tables.

use super::columns::{Field, DEADLINE_NOTE};
use crate::model::facts::Light;
use crate::model::{Board, Lang, Raw, Task};
use crate::report::{Report, Scope};
use chrono::{Datelike, NaiveDate};

/// One cell of a table, typed so the workbook can format it.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A date.
    Date(NaiveDate),
    /// A whole number.
    Int(i64),
    /// Another number.
    Float(f64),
    /// TRUE or FALSE.
    Bool(bool),
    /// A share, shown as a percentage.
    Rate(f64),
    /// A light, shown in words on its colour.
    Light(Light),
}

/// How a column is shown: its width and whether long text wraps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Short values, centred.
    Short,
    /// Long text, wrapped within a capped width.
    Long,
}

/// A column's heading and shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The header text.
    pub header: String,
    /// How it is shown.
    pub shape: Shape,
}

/// One sheet of the ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet's name.
    pub sheet: String,
    /// The title row.
    pub title: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows under the header.
    pub rows: Vec<Vec<Out>>,
}

/// A light in words: 逾期, 即将到期, 正常, 已完成.
pub fn light_word(light: Light, lang: Lang) -> &'static str {
    match light {
        Light::Red => lang.pick("逾期", "Overdue"),
        Light::Yellow => lang.pick("即将到期", "Due soon"),
        Light::Green => lang.pick("正常", "On track"),
        Light::Done => lang.pick("已完成", "Done"),
    }
}

/// `（截至2022年6月8日）` / ` (as of 2022-06-08)`.
fn as_of(today: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "（截至{}年{}月{}日）",
            today.year(),
            today.month(),
            today.day()
        ),
        Lang::En => format!(" (as of {today})"),
    }
}

/// A column of the task sheet.
#[derive(Debug, Clone, PartialEq)]
enum TaskCol {
    Field(Field),
    Extra(String),
}

/// The header of an unknown key: ours in words (`content` → 具体内容), others as written.
fn extra_header(key: &str, lang: Lang) -> String {
    Field::of_extra_key(key).map_or_else(|| key.to_string(), |f| f.header(lang).to_string())
}

/// The columns of the task sheet: the fixed ones, 延期至 and 延期原因 when a task is extended,
/// then every unknown key in order of first use.
fn task_columns(tasks: &[&Task]) -> Vec<TaskCol> {
    use Field::*;
    let mut cols: Vec<TaskCol> = [Id, Phase, Category, Title, Lead, Partners, Deadline]
        .into_iter()
        .map(TaskCol::Field)
        .collect();
    if tasks
        .iter()
        .any(|t| t.extended_to.is_some() || t.extension_reason.is_some())
    {
        cols.extend([ExtendedTo, ExtensionReason].map(TaskCol::Field));
    }
    cols.extend([Status, Light, Progress, ProgressDate, ProgressBy].map(TaskCol::Field));
    let mut keys: Vec<&str> = Vec::new();
    for t in tasks {
        for (k, _) in &t.extra.0 {
            // Words about a deadline need a column of their own only beside a date.
            let beside = k != DEADLINE_NOTE || t.deadline.is_some();
            if beside && !keys.contains(&k.as_str()) {
                keys.push(k);
            }
        }
    }
    cols.extend(keys.into_iter().map(|k| TaskCol::Extra(k.to_string())));
    cols
}

/// An unknown key's value as a cell; lists and maps as one line of text.
fn raw_out(v: &Raw) -> Out {
    match v.value() {
        Raw::Null => Out::Empty,
        Raw::Bool(b) => Out::Bool(*b),
        Raw::Int(i) => Out::Int(*i),
        Raw::UInt(u) => Out::Text(u.to_string()),
        Raw::Float(f) if f.is_finite() => Out::Float(*f),
        other => Out::Text(Raw::one_line(other)),
    }
}

fn text(s: &str) -> Out {
    if s.is_empty() {
        Out::Empty
    } else {
        Out::Text(s.to_string())
    }
}

/// An unknown key's value in a task.
fn extra_value<'a>(t: &'a Task, key: &str) -> Option<&'a Raw> {
    t.extra.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// One task's cell in a column.
fn task_cell(board: &Board, t: &Task, col: &TaskCol, today: NaiveDate) -> Out {
    match col {
        // A standing task's words stand in its 完成时限 cell instead.
        TaskCol::Extra(k) if k == DEADLINE_NOTE && t.deadline.is_none() => Out::Empty,
        TaskCol::Extra(k) => extra_value(t, k).map_or(Out::Empty, raw_out),
        TaskCol::Field(f) => field_cell(board, t, *f, today),
    }
}

fn field_cell(board: &Board, t: &Task, field: Field, today: NaiveDate) -> Out {
    let latest = || t.progress.iter().max_by_key(|p| p.at.time);
    match field {
        Field::Id => text(&t.id),
        Field::Phase => text(phase_name(board, t)),
        // Written out as none, so a blank is not taken for "as above" when read back.
        Field::Category => text(t.category.as_deref().unwrap_or("—")),
        Field::Title => text(&t.title),
        Field::Lead => text(unit(board, &t.lead)),
        Field::Partners => {
            let names: Vec<&str> = t.partners.iter().map(|p| unit(board, p)).collect();
            text(&names.join("、"))
        }
        Field::Deadline => match (t.deadline, extra_value(t, DEADLINE_NOTE)) {
            (Some(d), _) => Out::Date(d),
            (None, Some(words)) => raw_out(words),
            (None, None) => Out::Empty,
        },
        Field::ExtendedTo => t.extended_to.map_or(Out::Empty, Out::Date),
        Field::ExtensionReason => text(t.extension_reason.as_deref().unwrap_or("")),
        Field::Status => text(status_name(board, t)),
        Field::Light => Out::Light(board.light(t, today)),
        Field::Progress => text(latest().map_or("", |p| p.note.as_str())),
        Field::ProgressDate => latest().map_or(Out::Empty, |p| Out::Date(p.at.time.date())),
        Field::ProgressBy => text(latest().map_or("", |p| p.by.as_str())),
        _ => Out::Empty,
    }
}

fn phase_name<'a>(board: &'a Board, t: &'a Task) -> &'a str {
    let phase = board.phases.iter().find(|p| p.id == t.phase);
    phase.map_or(&t.phase, |p| &p.name)
}

/// The status's name, or its id when it has none.
fn status_name<'a>(board: &'a Board, t: &'a Task) -> &'a str {
    match board.statuses.iter().find(|s| s.id == t.status) {
        Some(s) if !s.name.is_empty() => &s.name,
        _ => &t.status,
    }
}

/// A unit's name, or its id when it has no name.
fn unit<'a>(board: &'a Board, id: &'a str) -> &'a str {
    match board.unit_name(id) {
        "" => id,
        name => name,
    }
}

/// The shape of a task column.
fn task_shape(col: &TaskCol) -> Shape {
    match col {
        TaskCol::Field(
            Field::Title
            | Field::Progress
            | Field::ExtensionReason
            | Field::Partners
            | Field::Category
            | Field::Phase,
        ) => Shape::Long,
        TaskCol::Field(_) => Shape::Short,
        TaskCol::Extra(_) => Shape::Long,
    }
}

/// The task sheet: one row per task in scope, in board order.
pub fn tasks(board: &Board, today: NaiveDate, scope: &Scope) -> Table {
    let lang = board.lang();
    let kept: Vec<&Task> = board.tasks.iter().filter(|t| scope.keeps(t)).collect();
    let cols = task_columns(&kept);
    let columns = cols
        .iter()
        .map(|c| Column {
            header: match c {
                TaskCol::Field(f) => f.header(lang).to_string(),
                TaskCol::Extra(k) => extra_header(k, lang),
            },
            shape: task_shape(c),
        })
        .collect();
    let rows = kept
        .iter()
        .map(|t| cols.iter().map(|c| task_cell(board, t, c, today)).collect())
        .collect();
    Table {
        sheet: lang.pick("重点任务台账", "Ledger").to_string(),
        title: format!("{}{}", board.title, as_of(today, lang)),
        columns,
        rows,
    }
}

fn columns(names: &[(&str, Shape)]) -> Vec<Column> {
    names
        .iter()
        .map(|(h, s)| Column {
            header: h.to_string(),
            shape: *s,
        })
        .collect()
}

/// The second sheet: lead units ranked as in the report (completion rate, then fewer overdue).
pub fn units(report: &Report) -> Table {
    let lang = report.lang();
    let p = |zh, en| (lang.pick(zh, en), Shape::Short);
    let columns = columns(&[
        p("排名", "Rank"),
        (lang.pick("牵头单位", "Lead unit"), Shape::Long),
        p("任务数", "Tasks"),
        p("已完成", "Done"),
        p("推进中", "In progress"),
        p("未启动", "Not started"),
        p("逾期", "Overdue"),
        p("即将到期", "Due soon"),
        p("完成率", "Rate"),
    ]);
    let n = |v: usize| Out::Int(i64::try_from(v).unwrap_or(i64::MAX));
    let rows = report
        .summary
        .ranked_units()
        .into_iter()
        .enumerate()
        .map(|(i, u)| {
            let x = &u.tally;
            vec![
                n(i + 1),
                text(&u.name),
                n(x.total),
                n(x.done),
                n(x.doing),
                n(x.todo),
                n(x.overdue),
                n(x.due_soon),
                Out::Rate(x.rate()),
            ]
        })
        .collect();
    Table {
        sheet: lang.pick("单位排名", "Units").to_string(),
        title: format!(
            "{}{}{}",
            report.board.title,
            lang.pick(" 牵头单位排名", " — lead units"),
            as_of(report.summary.today, lang)
        ),
        columns,
        rows,
    }
}

/// The third sheet: overdue tasks, most late first.
pub fn overdue(report: &Report) -> Table {
    let lang = report.lang();
    let columns = columns(&[
        (lang.pick("序号", "No."), Shape::Short),
        (lang.pick("重点任务", "Task"), Shape::Long),
        (lang.pick("牵头单位", "Lead unit"), Shape::Long),
        (lang.pick("完成时限", "Deadline"), Shape::Short),
        (lang.pick("逾期天数", "Days late"), Shape::Short),
    ]);
    let rows = report
        .overdue
        .iter()
        .map(|r| {
            vec![
                text(&r.id),
                text(&r.title),
                text(&r.lead_name),
                Out::Date(r.deadline),
                Out::Int(r.days),
            ]
        })
        .collect();
    Table {
        sheet: lang.pick("逾期任务", "Overdue").to_string(),
        title: format!(
            "{}{}{}",
            report.board.title,
            lang.pick(" 逾期任务", " — overdue tasks"),
            as_of(report.summary.today, lang)
        ),
        columns,
        rows,
    }
}

/// The three sheets of the ledger for `today` and `scope`.
pub fn ledger(board: &Board, today: NaiveDate, scope: &Scope) -> [Table; 3] {
    let report = Report::new(board, today, scope.clone());
    [tasks(board, today, scope), units(&report), overdue(&report)]
}
