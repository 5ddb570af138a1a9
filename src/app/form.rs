//! The task form: title, phase, lead unit, partners, deadline and category, and the reason when
//! a deadline is moved (moving it is an extension, see `extend`).

use super::extend::{date_problem, extended, reason_missing};
use super::popup::{edit_line, Popup};
use super::{App, Choice, Effect, Key, LineEdit};
use crate::model::{Board, Lang, Task};
use crate::store::parse_date;
use chrono::NaiveDate;

/// One field of the form.
#[derive(Debug, Clone, PartialEq)]
pub enum FormField {
    /// Free text.
    Text(LineEdit),
    /// A date, checked as typed.
    Date(LineEdit),
    /// A pick from a list.
    Pick(Choice),
}

/// The form for a new or existing task.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// The task edited, or `None` for a new one.
    pub task: Option<usize>,
    /// The status a new task starts in.
    pub status: String,
    /// Title, phase, lead, partners, deadline, category, in that order, then the reason for an
    /// extension when the task has a deadline to extend.
    pub fields: Vec<FormField>,
    /// The focused field.
    pub focus: usize,
    /// Why the form could not be accepted.
    pub error: Option<String>,
}

/// Field positions.
pub const TITLE: usize = 0;
/// Phase field.
pub const PHASE: usize = 1;
/// Lead unit field.
pub const LEAD: usize = 2;
/// Partner units field.
pub const PARTNERS: usize = 3;
/// Deadline field.
pub const DEADLINE: usize = 4;
/// Category field.
pub const CATEGORY: usize = 5;
/// Reason for an extension (only when editing a task that has a deadline).
pub const REASON: usize = 6;

/// Field labels.
pub fn labels(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Zh => [
            "标题",
            "阶段",
            "牵头单位",
            "责任单位",
            "完成时限",
            "类别",
            "延期原因",
        ],
        Lang::En => [
            "Title",
            "Phase",
            "Lead unit",
            "Partners",
            "Deadline",
            "Category",
            "Reason",
        ],
    }
}

/// Units to pick from: the board's list, or (without one) every unit the tasks name.
fn unit_options(board: &Board) -> Vec<(String, String)> {
    if !board.units.is_empty() {
        return board
            .units
            .iter()
            .map(|u| (u.id.clone(), u.name.clone()))
            .collect();
    }
    let mut seen: Vec<String> = Vec::new();
    for t in &board.tasks {
        for u in std::iter::once(&t.lead).chain(&t.partners) {
            if !seen.contains(u) {
                seen.push(u.clone());
            }
        }
    }
    seen.into_iter().map(|u| (u.clone(), u)).collect()
}

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
    /// A form holding `task`'s values (or empty values for a new task in `phase`).
    pub fn new(board: &Board, task: Option<usize>, phase: usize, status: String) -> Form {
        let t = task.map(|i| board.tasks[i].clone());
        let phases = board
            .phases
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        let phase_id = t.as_ref().map_or_else(
            || {
                board
                    .phases
                    .get(phase)
                    .map(|p| p.id.clone())
                    .unwrap_or_default()
            },
            |t| t.phase.clone(),
        );
        let units = unit_options(board);
        let free = board.units.is_empty();
        let lead: Vec<String> = t.as_ref().map(|t| vec![t.lead.clone()]).unwrap_or_default();
        let mut fields = vec![
            FormField::Text(LineEdit::new(t.as_ref().map_or("", |t| &t.title))),
            FormField::Pick(Choice::new(phases, vec![phase_id], false)),
            FormField::Pick(Choice {
                free,
                ..Choice::new(units.clone(), lead, false)
            }),
            FormField::Pick(Choice {
                free,
                ..Choice::new(
                    units,
                    t.as_ref().map(|t| t.partners.clone()).unwrap_or_default(),
                    true,
                )
            }),
            // The deadline in force: changing it is what an extension does.
            FormField::Date(LineEdit::new(
                &t.as_ref()
                    .and_then(Task::effective_deadline)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            )),
            FormField::Text(LineEdit::new(
                t.as_ref().and_then(|t| t.category.as_deref()).unwrap_or(""),
            )),
        ];
        if t.as_ref().and_then(Task::effective_deadline).is_some() {
            fields.push(FormField::Text(LineEdit::default()));
        }
        Form {
            task,
            status,
            fields,
            focus: TITLE,
            error: None,
        }
    }

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
                id: board.fresh_task_id(),
                title: String::new(),
                phase: String::new(),
                lead: String::new(),
                partners: Vec::new(),
                deadline,
                status: self.status.clone(),
                category: None,
                extended_to: None,
                extension_reason: None,
                progress: Vec::new(),
                extra: Default::default(),
            },
        };
        t.title = title;
        t.phase = self.text(PHASE);
        t.partners = self
            .picks(PARTNERS)
            .into_iter()
            .filter(|p| *p != lead)
            .collect();
        t.lead = lead;
        let category = self.text(CATEGORY);
        t.category = (!category.is_empty()).then_some(category);
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

impl App {
    pub(super) fn form_key(&mut self, mut form: Form, key: Key) -> Vec<Effect> {
        let n = form.fields.len();
        let is_pick = matches!(form.fields[form.focus], FormField::Pick(_));
        match key {
            Key::Esc => return Vec::new(),
            Key::Tab => form.focus = (form.focus + 1) % n,
            Key::BackTab => form.focus = (form.focus + n - 1) % n,
            Key::Up | Key::Down if is_pick => {
                if let FormField::Pick(c) = &mut form.fields[form.focus] {
                    c.step(key == Key::Down);
                }
            }
            Key::Up => form.focus = form.focus.saturating_sub(1),
            Key::Down => form.focus = (form.focus + 1).min(n - 1),
            Key::Enter if matches!(&form.fields[form.focus], FormField::Pick(c) if c.multi) => {
                if let FormField::Pick(c) = &mut form.fields[form.focus] {
                    c.toggle();
                }
            }
            Key::Enter | Key::Submit => match form.to_task(&self.board, self.lang()) {
                Err((field, e)) => {
                    form.focus = field.min(n - 1);
                    form.error = Some(e);
                }
                Ok(task) => return self.submit(form.task, task),
            },
            k => match &mut form.fields[form.focus] {
                FormField::Text(e) | FormField::Date(e) => {
                    edit_line(e, &k);
                }
                FormField::Pick(c) => {
                    // Only typing changes the pick; moving the caret in the filter does not.
                    let before = c.filter.text();
                    if edit_line(&mut c.filter, &k) && c.filter.text() != before {
                        c.highlight = 0;
                        c.follow();
                    }
                }
            },
        }
        self.popup = Some(Popup::Form(Box::new(form)));
        Vec::new()
    }

    /// Records what the form made: a new task, or the changes to one, each with its entry.
    fn submit(&mut self, index: Option<usize>, task: Task) -> Vec<Effect> {
        let lang = self.lang();
        let id = task.id.clone();
        let Some(i) = index else {
            self.message = Some(format!("{} {id}", lang.pick("已新建", "created")));
            return self.insert_logged(task);
        };
        match self.replace_traced(i, task) {
            Some(effects) => {
                self.message = Some(format!("{id} {}", lang.pick("已修改", "updated")));
                effects
            }
            None => {
                self.message = Some(format!("{id} {}", lang.pick("未修改", "unchanged")));
                Vec::new()
            }
        }
    }
}
