//! The task form: title, phase, lead unit, partners, deadline and category, and the reason when
//! a deadline is moved (moving it is an extension, see `extend`).

use super::popup::Reply;
use super::requests::Request;
use super::{Action, App, Choice, Key, LineEdit};
use crate::keymap::Mode;
use crate::model::{Board, Lang, Short, Task};

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
            if !seen.iter().any(|s| s == u) {
                seen.push(u.to_string());
            }
        }
    }
    seen.into_iter().map(|u| (u.clone(), u)).collect()
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
            |t| t.phase.to_string(),
        );
        let units = unit_options(board);
        let free = board.units.is_empty();
        let lead: Vec<String> = t
            .as_ref()
            .map(|t| vec![t.lead.to_string()])
            .unwrap_or_default();
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
                    t.as_ref()
                        .map(|t| t.partners.iter().map(Short::to_string).collect())
                        .unwrap_or_default(),
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

    /// The mode keys are read in: a text field, a list of one choice, or of several.
    pub fn mode(&self) -> Mode {
        match &self.fields[self.focus] {
            FormField::Pick(c) if c.multi => Mode::FormMulti,
            FormField::Pick(_) => Mode::FormList,
            FormField::Text(_) | FormField::Date(_) => Mode::Form,
        }
    }

    /// Runs an action of the form's modes.
    pub(super) fn handle(&mut self, action: &Action, app: &App) -> Reply {
        let n = self.fields.len();
        match action {
            Action::Cancel => return Reply::Close,
            Action::NextField | Action::PrevField => {
                self.commit_typed();
                let step = if *action == Action::NextField {
                    1
                } else {
                    n - 1
                };
                self.focus = (self.focus + step) % n;
            }
            Action::Up | Action::Down => {
                if let FormField::Pick(c) = &mut self.fields[self.focus] {
                    c.step(*action == Action::Down);
                }
            }
            Action::OpenEditor => {
                if let FormField::Text(e) | FormField::Date(e) = &self.fields[self.focus] {
                    return Reply::Edit(e.text());
                }
            }
            Action::Toggle => {
                if let FormField::Pick(c) = &mut self.fields[self.focus] {
                    c.toggle();
                }
            }
            Action::Accept => {
                self.commit_typed();
                match self.to_task(&app.board, app.lang()) {
                    Err((field, e)) => {
                        self.focus = field.min(n - 1);
                        self.error = Some(e);
                    }
                    Ok(task) => {
                        return Reply::Then(Request::Submit {
                            index: self.task,
                            task: Box::new(task),
                        })
                    }
                }
            }
            _ => {}
        }
        Reply::Stay
    }

    /// Typed text that names a unit is kept when leaving the list of several choices without
    /// pressing Enter for it: a partner typed is a partner meant.
    fn commit_typed(&mut self) {
        if let FormField::Pick(c) = &mut self.fields[self.focus] {
            if c.multi {
                c.take_typed();
            }
        }
    }

    /// The text input typing goes to: the field's text, or the list's filter.
    pub(super) fn input(&mut self) -> &mut LineEdit {
        match &mut self.fields[self.focus] {
            FormField::Text(e) | FormField::Date(e) => e,
            FormField::Pick(c) => &mut c.filter,
        }
    }

    /// Types a key; in a list, only a change of the typed text moves the choice (moving the
    /// caret does not).
    pub(super) fn edit(&mut self, key: &Key) {
        match &mut self.fields[self.focus] {
            FormField::Text(e) | FormField::Date(e) => {
                e.edit(key);
            }
            FormField::Pick(c) => {
                let before = c.filter.text();
                if c.filter.edit(key) && c.filter.text() != before {
                    c.highlight = 0;
                    c.follow();
                }
            }
        }
    }

    /// After pasting into a list's filter: the choice follows it.
    pub(super) fn follow(&mut self) {
        if let FormField::Pick(c) = &mut self.fields[self.focus] {
            c.follow();
        }
    }
}
