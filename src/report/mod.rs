//! What a supervision office brings to a dispatch meeting, as data; `md`, `csv` and `json` render it.

mod csv;
pub mod docx;
mod json;
mod json_since;
mod md;
mod md_since;
pub mod tables;

use crate::model::facts::{days_left, tasks_with_light, Light, Summary, Tally};
use crate::model::rank::{rank, Ranked};
use crate::model::since::Changes;
use crate::model::{Board, Lang, Task};
use chrono::NaiveDate;

pub use csv::render as csv;
pub use docx::render as docx;
pub use json::render as json;
pub use md::render as md;

/// Markdown pieces shared with other documents (notices).
pub mod md_text {
    pub use super::md::{header, inline, row};
}

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
        self.phase.as_ref().is_none_or(|p| t.phase == p)
            && self
                .unit
                .as_ref()
                .is_none_or(|u| t.lead == *u || t.partners.iter().any(|p| p == u))
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
    /// The status's name.
    pub status: String,
    /// The latest progress reported, if any.
    pub latest: Option<Latest>,
}

/// A task's latest progress entry, as a report shows it.
#[derive(Debug, Clone)]
pub struct Latest {
    /// The day it was reported.
    pub on: NaiveDate,
    /// What was reported.
    pub note: String,
}

impl Latest {
    /// The latest entry that reports on the task's work (not a 催办 nor its creation).
    pub fn of(t: &Task) -> Option<Latest> {
        t.latest_report().map(|p| Latest {
            on: p.at.time.date(),
            note: p.note.clone(),
        })
    }

    /// "2017-07-05 再次电话催报…" on one line.
    pub fn line(&self) -> String {
        format!("{} {}", self.on, self.note.replace(['\r', '\n'], " "))
    }
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
    /// Lead units in ranking order, with shared ranks.
    pub ranking: Vec<Ranked>,
    /// What changed since a date, when one was asked for.
    pub changes: Option<Changes>,
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
                        id: t.id.to_string(),
                        title: t.title.clone(),
                        lead: t.lead.to_string(),
                        lead_name: board.unit_name(&t.lead).to_string(),
                        deadline: t.effective_deadline().unwrap_or(today),
                        days: sign * days_left(t, today).unwrap_or(0),
                        status: board.status_name(&t.status).to_string(),
                        latest: Latest::of(t),
                    }
                })
                .collect()
        };
        Report {
            board,
            overdue: rows(Light::Red, -1),
            due_soon: rows(Light::Yellow, 1),
            ranking: rank(board, &summary.units),
            summary,
            scope,
            changes: None,
        }
    }

    /// The same report with what changed since `from` (included).
    pub fn since(mut self, from: NaiveDate) -> Report<'a> {
        let scope = &self.scope;
        self.changes = Some(Changes::of(self.board, from, self.summary.today, |t| {
            scope.keeps(t)
        }));
        self
    }

    /// The board's language.
    pub fn lang(&self) -> Lang {
        self.board.lang()
    }

    /// All tasks in scope together.
    pub fn tally(&self) -> &Tally {
        &self.summary.tally
    }

    /// The opening sentence: the date, the counts, completion against time elapsed.
    pub fn summary_line(&self) -> String {
        let t = self.tally();
        let (today, rate, elapsed) = (
            self.summary.today,
            percent(t.rate()),
            percent(self.summary.elapsed),
        );
        match self.lang() {
            Lang::Zh => format!(
                "截至 {today}：共 {} 项任务，已完成 {} 项，推进中 {} 项，未启动 {} 项，完成率 {rate}（序时进度 {elapsed}）；逾期 {} 项，即将到期 {} 项。",
                t.total, t.done, t.doing, t.todo, t.overdue, t.due_soon
            ),
            Lang::En => format!(
                "As of {today}: {} tasks, {} done, {} in progress, {} not started; {rate} complete ({elapsed} of the campaign's time elapsed); {} overdue, {} due soon.",
                t.total, t.done, t.doing, t.todo, t.overdue, t.due_soon
            ),
        }
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
