//! Extending a deadline (延期): one rule for the `x` prompt and for the task form.
//!
//! An extension sets `extended_to` and `extension_reason` and leaves `deadline` as it was, so the
//! original deadline stays on record; it needs a reason, and a done task is not extended.

use super::popup::Reply;
use super::requests::Request;
use super::{Action, App, Key, LineEdit, Message};
use crate::model::{Board, Lang, Task};
use crate::store::parse_date;
use chrono::NaiveDate;

/// Why a task cannot be extended at all (it is done, or has no deadline), if it cannot.
pub fn extension_refusal(board: &Board, task: &Task, lang: Lang) -> Option<String> {
    if board.is_done_status(&task.status) {
        return Some(
            lang.pick(
                "该任务已完成，不能延期",
                "this task is done: a done task cannot be extended",
            )
            .into(),
        );
    }
    task.effective_deadline().is_none().then(|| {
        lang.pick(
            "该任务没有完成时限，无需延期（可在任务表单中设定完成时限）",
            "this task has no deadline to extend (set one in the task form)",
        )
        .into()
    })
}

/// Why `task` cannot be extended to `to`, the reason left aside, if it cannot.
pub(super) fn date_problem(
    board: &Board,
    task: &Task,
    to: NaiveDate,
    lang: Lang,
) -> Option<String> {
    if let Some(r) = extension_refusal(board, task, lang) {
        return Some(r);
    }
    if let Some(original) = task.deadline.filter(|d| to <= *d) {
        return Some(match lang {
            Lang::Zh => format!("延期后的日期应晚于原完成时限 {original}"),
            Lang::En => format!("the new date must be after the original deadline {original}"),
        });
    }
    (task.effective_deadline() == Some(to)).then(|| match lang {
        Lang::Zh => format!("完成时限已是 {to}，请输入新的日期"),
        Lang::En => format!("the deadline is already {to}; enter the new date"),
    })
}

/// What is said when an extension comes without a reason.
pub(super) fn reason_missing(lang: Lang) -> String {
    lang.pick(
        "请填写延期原因（延期须说明原因）",
        "enter the reason: an extension needs one",
    )
    .into()
}

/// The task extended to `to` for `reason`.
pub(super) fn extended(task: &Task, to: NaiveDate, reason: String) -> Task {
    let mut t = task.clone();
    t.extended_to = Some(to);
    t.extension_reason = Some(reason);
    t
}

/// A deadline extension being typed (`x`): the new date and the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtendPrompt {
    /// Task index.
    pub task: usize,
    /// The new date.
    pub date: LineEdit,
    /// The reason.
    pub reason: LineEdit,
    /// 0: date, 1: reason.
    pub focus: usize,
    /// Why it cannot be accepted yet.
    pub error: Option<String>,
    /// Every task extended, when marked tasks are extended at once (empty: `task` alone).
    pub batch: Vec<usize>,
}

impl ExtendPrompt {
    /// A prompt for task `task` of `board`, offering its deadline in force to change.
    pub fn new(board: &Board, task: usize) -> ExtendPrompt {
        let current = board.tasks[task]
            .effective_deadline()
            .map(|d| d.to_string())
            .unwrap_or_default();
        // Each extension needs its own reason: the last one is not offered again.
        ExtendPrompt {
            task,
            date: LineEdit::new(&current),
            reason: LineEdit::default(),
            focus: 0,
            error: None,
            batch: Vec::new(),
        }
    }

    /// A prompt for extending every task of `tasks` (not empty) to one date for one reason;
    /// the date starts empty, as the tasks' deadlines differ.
    pub fn batch(tasks: Vec<usize>) -> ExtendPrompt {
        ExtendPrompt {
            task: tasks.first().copied().unwrap_or_default(),
            date: LineEdit::default(),
            reason: LineEdit::default(),
            focus: 0,
            error: None,
            batch: tasks,
        }
    }

    /// The batch's request, or which field is wrong and why: tasks that cannot take the date
    /// are skipped later, but a date none can take is refused here.
    fn batch_request(&self, app: &App) -> Result<Request, (usize, String)> {
        let lang = app.lang();
        let typed = self.date.text();
        let Some(to) = parse_date(typed.trim()) else {
            let e = super::date_error(lang, &typed).unwrap_or_else(|| {
                lang.pick("请输入新的完成时限", "enter the new deadline")
                    .into()
            });
            return Err((0, e));
        };
        let reason = self.reason.text().trim().to_string();
        let (can, _) = super::marks::extensions(&app.board, &self.batch, to, &reason);
        if can.is_empty() {
            let e = lang.pick(
                "标记的任务都不能延期到该日期（已完成、无时限或日期不晚于原时限）",
                "none of the marked tasks can be extended to this date (done, no deadline, or not later)",
            );
            return Err((0, e.into()));
        }
        if reason.is_empty() {
            return Err((1, reason_missing(lang)));
        }
        Ok(Request::ExtendAll {
            tasks: self.batch.clone(),
            to,
            reason,
        })
    }

    /// Runs an action of the extend mode.
    pub(super) fn handle(&mut self, action: &Action, app: &App) -> Reply {
        match action {
            Action::NextField | Action::PrevField => self.focus = 1 - self.focus,
            Action::Accept if !self.batch.is_empty() => match self.batch_request(app) {
                Ok(request) => return Reply::Then(request),
                Err((field, e)) => {
                    self.focus = field;
                    self.error = Some(e);
                }
            },
            Action::Accept => {
                let (date, reason) = (self.date.text(), self.reason.text());
                match extension(&app.board, self.task, &date, &reason, app.lang()) {
                    Ok(after) => {
                        let said = Message::Extended {
                            id: after.id.to_string(),
                            to: after.extended_to.unwrap_or_default(),
                        };
                        return Reply::Then(Request::Change {
                            index: self.task,
                            after: Box::new(after),
                            said,
                        });
                    }
                    Err((field, e)) => {
                        self.focus = field;
                        self.error = Some(e);
                    }
                }
            }
            Action::Cancel => return Reply::Close,
            _ => {}
        }
        Reply::Stay
    }

    /// The focused input.
    pub(super) fn input(&mut self) -> &mut LineEdit {
        if self.focus == 0 {
            &mut self.date
        } else {
            &mut self.reason
        }
    }

    /// Types a key into the focused input.
    pub(super) fn edit(&mut self, key: &Key) {
        self.input().edit(key);
    }
}

/// Task `index` extended to the date typed, or why not and in which field (0 date, 1 reason).
fn extension(
    board: &Board,
    index: usize,
    typed: &str,
    reason: &str,
    lang: Lang,
) -> Result<Task, (usize, String)> {
    let task = &board.tasks[index];
    let to = match parse_date(typed) {
        Some(d) => d,
        None => {
            let e = extension_refusal(board, task, lang)
                .or_else(|| super::date_error(lang, typed))
                .unwrap_or_else(|| {
                    lang.pick("请输入新的完成时限", "enter the new deadline")
                        .into()
                });
            return Err((0, e));
        }
    };
    if let Some(e) = date_problem(board, task, to, lang) {
        return Err((0, e));
    }
    let why = reason.trim();
    if why.is_empty() {
        return Err((1, reason_missing(lang)));
    }
    Ok(extended(task, to, why.to_string()))
}
