//! What a supervision office brings to a dispatch meeting, as data; `md`, `csv` and `json` render it.

mod csv;
mod json;
mod md;

use crate::model::facts::{days_left, tasks_with_light, Light, Summary, Tally};
use crate::model::{Board, Lang, Task};
use chrono::NaiveDate;

pub use csv::render as csv;
pub use json::render as json;
pub use md::render as md;

/// Which tasks a report covers.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Only this phase id.
    pub phase: Option<String>,
    /// Only tasks this unit leads or partners in.
    pub unit: Option<String>,
}

impl Scope {
    /// Whether the task is in scope.
    pub fn keeps(&self, t: &Task) -> bool {
        self.phase.as_ref().is_none_or(|p| &t.phase == p)
            && self
                .unit
                .as_ref()
                .is_none_or(|u| &t.lead == u || t.partners.contains(u))
    }
}

/// A task in the overdue or due-soon list.
#[derive(Debug, Clone)]
pub struct TaskRow {
    /// Task id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Lead unit id.
    pub lead: String,
    /// Lead unit name.
    pub lead_name: String,
    /// Effective deadline.
    pub deadline: NaiveDate,
    /// Days late (overdue list) or days left (due-soon list).
    pub days: i64,
}

/// A report for one day and scope.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    /// The board reported on.
    pub board: &'a Board,
    /// Counts.
    pub summary: Summary,
    /// Overdue tasks, most late first.
    pub overdue: Vec<TaskRow>,
    /// Tasks due soon, soonest first.
    pub due_soon: Vec<TaskRow>,
    /// What was narrowed to, for the heading.
    pub scope: Scope,
}

impl<'a> Report<'a> {
    /// Computes the report for `today`.
    pub fn new(board: &'a Board, today: NaiveDate, scope: Scope) -> Report<'a> {
        let summary = Summary::of(board, today, |t| scope.keeps(t));
        let rows = |light: Light, sign: i64| -> Vec<TaskRow> {
            tasks_with_light(board, today, light, |t| scope.keeps(t))
                .into_iter()
                .map(|i| {
                    let t = &board.tasks[i];
                    TaskRow {
                        id: t.id.clone(),
                        title: t.title.clone(),
                        lead: t.lead.clone(),
                        lead_name: board.unit_name(&t.lead).to_string(),
                        deadline: t.effective_deadline().unwrap_or(today),
                        days: sign * days_left(t, today).unwrap_or(0),
                    }
                })
                .collect()
        };
        Report {
            board,
            overdue: rows(Light::Red, -1),
            due_soon: rows(Light::Yellow, 1),
            summary,
            scope,
        }
    }

    /// The board's language.
    pub fn lang(&self) -> Lang {
        self.board.lang()
    }

    /// All tasks in scope together.
    pub fn tally(&self) -> &Tally {
        &self.summary.tally
    }

    /// A heading suffix naming the scope, e.g. "（阶段：督查整改）".
    pub fn scope_label(&self) -> String {
        let lang = self.lang();
        let mut parts = Vec::new();
        if let Some(p) = &self.scope.phase {
            let name = self
                .board
                .phases
                .iter()
                .find(|x| &x.id == p)
                .map_or(p.as_str(), |x| x.name.as_str());
            parts.push(format!("{}{name}", lang.pick("阶段：", "phase: ")));
        }
        if let Some(u) = &self.scope.unit {
            parts.push(format!(
                "{}{}",
                lang.pick("单位：", "unit: "),
                self.board.unit_name(u)
            ));
        }
        if parts.is_empty() {
            String::new()
        } else {
            match lang {
                Lang::Zh => format!("（{}）", parts.join("，")),
                Lang::En => format!(" ({})", parts.join(", ")),
            }
        }
    }
}

/// A rate as a percentage with one decimal, e.g. "34.9%".
pub fn percent(rate: f64) -> String {
    format!("{:.1}%", rate * 100.0)
}
