//! Rows of the table as tasks: each cell read by what its column holds, each problem named by
//! its cell.

use super::columns::{Field, DEADLINE_NOTE};
use super::dates::{self, Reading};
use super::header::{Key, Layout};
use super::problem::{Issue, Pos, Problem};
use super::read::{Grid, Value};
use super::rows::{classify, Kind, Section};
use super::status::Known;
use super::units;
use crate::model::validate::Severity;
use crate::model::{Lang, Raw};
use chrono::NaiveDate;

/// What the import knows beyond the cells.
#[derive(Debug, Clone)]
pub struct Context {
    /// The sheet's name, for messages.
    pub sheet: String,
    /// The language of messages and of the board.
    pub lang: Lang,
    /// The year of dates that name none.
    pub year: i32,
    /// 填报时间: the date of the progress entries.
    pub reported: Option<NaiveDate>,
    /// The date of progress entries when the ledger has no 填报时间.
    pub today: NaiveDate,
}

/// A status as written, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusCell {
    /// The word.
    pub word: String,
    /// Its cell.
    pub at: Pos,
}

/// The progress columns of a row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgressCell {
    /// 进展情况.
    pub note: String,
    /// 进展日期, when the ledger has one.
    pub at: Option<NaiveDate>,
    /// 报送人, when the ledger has one.
    pub by: Option<String>,
}

/// One task row, read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowTask {
    /// The sheet row.
    pub row: usize,
    /// 序号 as written.
    pub id: Option<String>,
    /// 重点任务.
    pub title: String,
    /// 阶段, carried down from above when blank.
    pub phase: Option<String>,
    /// 类别, carried down, or from the section heading above.
    pub category: Option<String>,
    /// The first unit of 牵头单位, and where it is written.
    pub lead: Option<(String, Pos)>,
    /// The other units of 牵头单位, then those of 配合单位.
    pub partners: Vec<String>,
    /// 完成时限.
    pub deadline: Option<NaiveDate>,
    /// 延期至.
    pub extended_to: Option<NaiveDate>,
    /// 延期原因.
    pub extension_reason: Option<String>,
    /// 状态.
    pub status: Option<StatusCell>,
    /// Whether 亮灯 says 已完成 (marks a new status as a done one).
    pub shown_done: bool,
    /// 进展情况 and its date and author.
    pub progress: Option<ProgressCell>,
    /// Every other column, and `deadline_note`.
    pub extra: Vec<(String, Raw)>,
}

/// Marks offices write for "none" (`—`, `/`, `无`): the cell is empty on purpose, so nothing is
/// carried down into it.
pub fn is_none_mark(text: &str) -> bool {
    matches!(
        text.trim(),
        "—" | "——" | "-" | "--" | "－" | "/" | "／" | "无" | "暂无" | "N/A" | "n/a"
    )
}

/// A cell as an unknown key's value.
fn raw(value: &Value) -> Option<Raw> {
    match value {
        Value::Empty => None,
        Value::Text(s) => Some(s.trim())
            .filter(|s| !s.is_empty())
            .map(|s| Raw::Str(s.to_string())),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Some(Raw::Int(*n as i64)),
        Value::Number(n) => Some(Raw::Float(*n)),
        Value::Date(d) => Some(Raw::Str(d.to_string())),
        Value::Bool(b) => Some(Raw::Bool(*b)),
    }
}

/// What a date cell says.
enum DateCell {
    /// Empty, or marked as none.
    None,
    /// A date, with the text when it says more than the date.
    Date(NaiveDate, Option<String>),
    /// Words without a date.
    Words(String),
    /// Not a date.
    Bad(Issue),
}

fn date_cell(value: &Value, year: i32) -> DateCell {
    match value {
        Value::Empty => DateCell::None,
        Value::Date(d) => DateCell::Date(*d, None),
        Value::Number(n) => dates::from_serial(*n)
            .map_or(DateCell::Bad(Issue::NumberNotDate), |d| {
                DateCell::Date(d, None)
            }),
        Value::Bool(_) => DateCell::Bad(Issue::NotADate),
        Value::Text(t) if t.trim().is_empty() || is_none_mark(t) => DateCell::None,
        Value::Text(t) => match dates::read_text(t, year) {
            Reading::Date { date, more } => {
                DateCell::Date(date, more.then(|| t.trim().to_string()))
            }
            Reading::NoDate => DateCell::Words(t.trim().to_string()),
            Reading::NoSuchDay => DateCell::Bad(Issue::NoSuchDay),
            Reading::NotADate => DateCell::Bad(Issue::NotADate),
        },
    }
}

/// Reads the table's rows; problems are added to `problems`.
pub fn read_rows(
    grid: &Grid,
    layout: &Layout,
    ctx: &Context,
    problems: &mut Vec<Problem>,
) -> Vec<RowTask> {
    if layout.col(Field::Lead).is_none() {
        let at = Pos::new(layout.header, 0);
        problems.push(Problem::error(&ctx.sheet, at, "", Issue::NoLeadColumn));
    }
    let mut tasks = Vec::new();
    let mut carried = Carried::default();
    let mut after_note = false;
    for row in layout.body..grid.rows.len() {
        match classify(grid, layout, row, after_note) {
            Kind::Blank | Kind::Header => {}
            Kind::Note => after_note = true,
            Kind::Section(Section::Phase(p)) => carried.phase = Some(p),
            Kind::Section(Section::Category(c)) => carried.category = Some(c),
            Kind::Task => {
                let mut reader = RowReader {
                    grid,
                    ctx,
                    row,
                    problems: &mut *problems,
                };
                tasks.push(reader.task(layout, &mut carried));
            }
        }
    }
    tasks
}

/// Values carried down to rows that leave them blank.
#[derive(Debug, Default)]
struct Carried {
    phase: Option<String>,
    category: Option<String>,
}

/// Reads one task row.
struct RowReader<'a> {
    grid: &'a Grid,
    ctx: &'a Context,
    row: usize,
    problems: &'a mut Vec<Problem>,
}

impl RowReader<'_> {
    fn value(&self, col: usize) -> &Value {
        self.grid.value(self.row, col)
    }

    fn at(&self, col: usize) -> Pos {
        self.grid.anchor(self.row, col)
    }

    fn text(&self, col: usize) -> String {
        self.value(col).text()
    }

    fn report(&mut self, col: usize, issue: Issue, severity: Severity) {
        let (sheet, at, text) = (&self.ctx.sheet, self.at(col), self.text(col));
        self.problems.push(match severity {
            Severity::Warning => Problem::warning(sheet, at, &text, issue),
            Severity::Error => Problem::error(sheet, at, &text, issue),
        });
    }

    /// A text cell that carries down: blank takes the value above, a none mark clears it.
    fn carried(&self, col: Option<usize>, slot: &mut Option<String>) -> Option<String> {
        if let Some(c) = col {
            let t = self.text(c);
            if is_none_mark(&t) {
                *slot = None;
            } else if !t.is_empty() {
                *slot = Some(t);
            }
        }
        slot.clone()
    }

    fn task(&mut self, layout: &Layout, carried: &mut Carried) -> RowTask {
        let mut task = RowTask {
            row: self.row,
            ..RowTask::default()
        };
        let title_col = layout.title_col().unwrap_or_default();
        task.title = self.text(title_col);
        if task.title.is_empty() {
            let first = layout
                .columns
                .iter()
                .map(|c| self.text(c.col))
                .find(|t| !t.is_empty());
            let at = self.at(title_col);
            self.problems.push(Problem::error(
                &self.ctx.sheet,
                at,
                &first.unwrap_or_default(),
                Issue::MissingTitle,
            ));
        }
        task.phase = self.carried(layout.col(Field::Phase), &mut carried.phase);
        task.category = self.carried(layout.col(Field::Category), &mut carried.category);
        for column in &layout.columns {
            self.column(&column.key, column.col, title_col, &mut task);
        }
        // Without a lead column at all, that was reported once at the header.
        if let (None, false, Some(col)) =
            (&task.lead, task.title.is_empty(), layout.col(Field::Lead))
        {
            self.report(col, Issue::MissingLead, Severity::Error);
        }
        self.check_extension(layout, &task);
        task
    }

    /// Reads one cell into the task by what its column holds.
    fn column(&mut self, key: &Key, col: usize, title_col: usize, task: &mut RowTask) {
        let field = match key {
            Key::Extra(name) => {
                let value = raw(self.value(col));
                task.extra.extend(value.map(|v| (name.clone(), v)));
                return;
            }
            Key::Field(f) => *f,
        };
        let text = self.text(col);
        let given = || Some(text.clone()).filter(|t| !t.is_empty() && !is_none_mark(t));
        match field {
            Field::Id => task.id = given(),
            Field::Lead => {
                let mut names = units::split(&text).into_iter();
                task.lead = names.next().map(|n| (n, self.at(col)));
                task.partners.extend(names);
            }
            Field::Partners => task.partners.extend(units::split(&text)),
            Field::Deadline => self.deadline(col, task),
            Field::ExtendedTo => self.extended_to(col, task),
            Field::ExtensionReason => task.extension_reason = given(),
            Field::Status => {
                let at = self.at(col);
                task.status = given().map(|word| StatusCell { word, at });
            }
            Field::Light => task.shown_done = Known::of(&text) == Some(Known::Done),
            Field::Progress | Field::ProgressDate | Field::ProgressBy => {
                self.progress(field, col, task)
            }
            // Phase and category are read first, for carrying down; the title is the task.
            Field::Phase | Field::Category => {}
            Field::Title | Field::Content if col == title_col => {}
            other => {
                let key = other.extra_key().unwrap_or("content").to_string();
                task.extra.extend(raw(self.value(col)).map(|v| (key, v)));
            }
        }
    }

    /// 进展情况, 进展日期, 报送人: one progress entry.
    fn progress(&mut self, field: Field, col: usize, task: &mut RowTask) {
        let text = self.text(col);
        if text.is_empty() || is_none_mark(&text) {
            return;
        }
        let entry = task.progress.get_or_insert_with(ProgressCell::default);
        match field {
            Field::ProgressDate => {
                entry.at = match self.value(col) {
                    Value::Date(d) => Some(*d),
                    Value::Number(n) => dates::from_serial(*n),
                    v => dates::day_in(&v.text(), self.ctx.year),
                }
            }
            Field::ProgressBy => entry.by = Some(text),
            _ => entry.note = text,
        }
    }

    fn extended_to(&mut self, col: usize, task: &mut RowTask) {
        match date_cell(self.value(col), self.ctx.year) {
            DateCell::Date(d, _) => task.extended_to = Some(d),
            DateCell::None => {}
            DateCell::Words(_) => self.report(col, Issue::NotADate, Severity::Error),
            DateCell::Bad(issue) => self.report(col, issue, Severity::Error),
        }
    }

    fn deadline(&mut self, col: usize, task: &mut RowTask) {
        match date_cell(self.value(col), self.ctx.year) {
            DateCell::None => {}
            DateCell::Date(d, note) => {
                task.deadline = Some(d);
                task.extra
                    .extend(note.map(|n| (DEADLINE_NOTE.to_string(), Raw::Str(n))));
            }
            DateCell::Words(w) => {
                self.report(col, Issue::NoDateNamed, Severity::Warning);
                task.extra.push((DEADLINE_NOTE.to_string(), Raw::Str(w)));
            }
            DateCell::Bad(issue) => self.report(col, issue, Severity::Error),
        }
    }

    /// An extension must be later than the deadline, and a reason needs an extension.
    fn check_extension(&mut self, layout: &Layout, task: &RowTask) {
        if let (Some(d), Some(e), Some(col)) = (
            task.deadline,
            task.extended_to,
            layout.col(Field::ExtendedTo),
        ) {
            if e <= d {
                self.report(col, Issue::ExtensionNotLater(d), Severity::Warning);
            }
        }
        if let (Some(_), None, Some(col)) = (
            &task.extension_reason,
            task.extended_to,
            layout.col(Field::ExtensionReason),
        ) {
            self.report(col, Issue::ReasonWithoutExtension, Severity::Warning);
        }
    }
}
