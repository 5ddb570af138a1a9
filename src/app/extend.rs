//! Extending a deadline (延期): one rule for the `x` prompt and for the task form.
//!
//! An extension sets `extended_to` and `extension_reason` and leaves `deadline` as it was, so the
//! original deadline stays on record; it needs a reason, and a done task is not extended.

use super::popup::{edit_line, Popup};
use super::{App, Effect, Key, LineEdit};
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
            "该任务没有完成时限，无需延期（可按 e 设定完成时限）",
            "this task has no deadline to extend (set one with e)",
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

impl App {
    /// Handles a key in the extension prompt (`x`).
    pub(super) fn extend_key(
        &mut self,
        task: usize,
        mut date: LineEdit,
        mut reason: LineEdit,
        mut focus: usize,
        key: Key,
    ) -> Vec<Effect> {
        let mut error = None;
        match key {
            Key::Esc => return Vec::new(),
            Key::Tab | Key::BackTab | Key::Up | Key::Down => focus = 1 - focus,
            Key::Enter | Key::Submit => match self.extension(task, &date.text(), &reason.text()) {
                Ok(effects) => return effects,
                Err((field, e)) => {
                    focus = field;
                    error = Some(e);
                }
            },
            k => {
                edit_line(if focus == 0 { &mut date } else { &mut reason }, &k);
            }
        }
        self.popup = Some(Popup::Extend {
            task,
            date,
            reason,
            focus,
            error,
        });
        Vec::new()
    }

    /// Extends task `index` to the date typed, or says why not and in which field (0 date,
    /// 1 reason).
    fn extension(
        &mut self,
        index: usize,
        typed: &str,
        reason: &str,
    ) -> Result<Vec<Effect>, (usize, String)> {
        let lang = self.lang();
        let task = &self.board.tasks[index];
        let to = match parse_date(typed) {
            Some(d) => d,
            None => {
                let e = extension_refusal(&self.board, task, lang)
                    .or_else(|| super::date_error(lang, typed))
                    .unwrap_or_else(|| {
                        lang.pick("请输入新的完成时限", "enter the new deadline")
                            .into()
                    });
                return Err((0, e));
            }
        };
        if let Some(e) = date_problem(&self.board, task, to, lang) {
            return Err((0, e));
        }
        let why = reason.trim();
        if why.is_empty() {
            return Err((1, reason_missing(lang)));
        }
        let after = extended(task, to, why.to_string());
        self.message = Some(format!(
            "{} {}{to}",
            after.id,
            lang.pick("延期至 ", "extended to ")
        ));
        Ok(self.replace_traced(index, after).unwrap_or_default())
    }
}
