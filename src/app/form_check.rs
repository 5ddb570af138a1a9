//! Checking the task form: the task it describes, or why it cannot be accepted yet and which
//! field to fix; and what moving a deadline means (it is an extension, see `extend`).

use super::extend::{date_problem, extended, reason_missing};
use super::form::{Form, FormField, CATEGORY, DEADLINE, LEAD, PARTNERS, PHASE, REASON, TITLE};
use crate::model::{Board, Lang, Short, Task};
use crate::store::parse_date;
use chrono::NaiveDate;

/// What is wrong with a deadline as typed, if anything (empty means no deadline).
pub fn date_error(lang: Lang, s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || parse_date(s).is_some() {
        return None;
    }
    let shaped = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    Some(match (shaped, lang) {
        (true, Lang::Zh) => format!("{s} 不存在（该月没有这一天）"),
        (true, Lang::En) => format!("{s} is not a real date"),
        (false, Lang::Zh) => "日期格式：YYYY-MM-DD".to_string(),
        (false, Lang::En) => "date format: YYYY-MM-DD".to_string(),
    })
}

impl Form {
    /// The value of field `i`, trimmed; empty for a field the form does not have.
    fn text(&self, i: usize) -> String {
        match self.fields.get(i) {
            Some(FormField::Text(e) | FormField::Date(e)) => e.text().trim().to_string(),
            Some(FormField::Pick(c)) => c.chosen.first().cloned().unwrap_or_default(),
            None => String::new(),
        }
    }

    fn picks(&self, i: usize) -> Vec<String> {
        match &self.fields[i] {
            FormField::Pick(c) => c.chosen.clone(),
            _ => Vec::new(),
        }
    }

    /// The task the form describes, or why it cannot be accepted yet and which field to fix.
    pub fn to_task(&self, board: &Board, lang: Lang) -> Result<Task, (usize, String)> {
        let title = self.text(TITLE);
        if title.is_empty() {
            return Err((
                TITLE,
                lang.pick("标题不能为空", "the title is empty").into(),
            ));
        }
        let lead = self.text(LEAD);
        if lead.is_empty() {
            return Err((
                LEAD,
                lang.pick("请选择牵头单位", "choose a lead unit").into(),
            ));
        }
        let deadline_text = self.text(DEADLINE);
        if let Some(e) = date_error(lang, &deadline_text) {
            return Err((DEADLINE, e));
        }
        let deadline = parse_date(&deadline_text);
        let mut t = match self.task {
            Some(i) => self.moved(board, &board.tasks[i], deadline, lang)?,
            None => Task {
                id: board.fresh_task_id().into(),
                title: String::new(),
                phase: Short::default(),
                lead: Short::default(),
                partners: Vec::new(),
                deadline,
                status: self.status.as_str().into(),
                category: None,
                extended_to: None,
                extension_reason: None,
                progress: Vec::new(),
                extra: Default::default(),
            },
        };
        t.title = title;
        t.phase = self.text(PHASE).into();
        t.partners = self
            .picks(PARTNERS)
            .into_iter()
            .filter(|p| *p != lead)
            .map(Short::from)
            .collect();
        t.lead = lead.into();
        let category = self.text(CATEGORY);
        t.category = (!category.is_empty()).then_some(category.into());
        Ok(t)
    }

    /// An existing task with the deadline typed: unchanged, extended (with the reason typed), or
    /// given its first deadline; or why not.
    fn moved(
        &self,
        board: &Board,
        before: &Task,
        to: Option<NaiveDate>,
        lang: Lang,
    ) -> Result<Task, (usize, String)> {
        let reason = self.text(REASON);
        let Some(current) = before.effective_deadline() else {
            // A standing task gets its first deadline: nothing is moved, so nothing is extended.
            return Ok(Task {
                deadline: to,
                ..before.clone()
            });
        };
        if to == Some(current) && reason.is_empty() {
            return Ok(before.clone());
        }
        if to == Some(current) {
            let e = lang.pick(
                "完成时限未改变：只有延期才填写延期原因",
                "the deadline is unchanged: a reason is only for an extension",
            );
            return Err((DEADLINE, e.into()));
        }
        // Clearing the deadline would take the task off the overdue list without a trace of why.
        let to = to.ok_or_else(|| {
            let e = lang.pick(
                "完成时限不能删除；如需延期，请填写新的日期和延期原因",
                "the deadline cannot be removed; to extend it, enter the new date and a reason",
            );
            (DEADLINE, e.to_string())
        })?;
        if let Some(e) = date_problem(board, before, to, lang) {
            return Err((DEADLINE, e));
        }
        if reason.is_empty() {
            return Err((REASON, reason_missing(lang)));
        }
        Ok(extended(before, to, reason))
    }

    /// What the deadline field means as typed, when it is worth saying: moving an existing
    /// deadline is an extension, which needs a reason; an extended task had another deadline.
    pub fn deadline_note(&self, board: &Board, lang: Lang) -> Option<String> {
        let before = board.tasks.get(self.task?)?;
        let current = before.effective_deadline()?;
        let typed = parse_date(&self.text(DEADLINE));
        let original = before.deadline.filter(|_| before.extended_to.is_some());
        match (typed != Some(current), original, lang) {
            (true, _, Lang::Zh) => Some(format!(
                "修改完成时限即为延期，须填写延期原因（现为 {current}）"
            )),
            (true, _, Lang::En) => Some(format!(
                "changing the deadline is an extension and needs a reason (now {current})"
            )),
            (false, Some(o), Lang::Zh) => Some(format!("原完成时限 {o}，已延期")),
            (false, Some(o), Lang::En) => Some(format!("extended; the original deadline was {o}")),
            (false, None, _) => None,
        }
    }
}
