//! The task form: title, phase, lead unit, partners, deadline and category.

use super::popup::{edit_line, Popup};
use super::{App, Edit, Effect, Key, LineEdit};
use crate::model::{Board, Lang, Task};
use crate::store::parse_date;

/// A pick from a list, narrowed by typing.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// Options: (id, label).
    pub options: Vec<(String, String)>,
    /// What has been typed to narrow the options.
    pub filter: LineEdit,
    /// Highlighted row among the narrowed options.
    pub highlight: usize,
    /// Chosen ids (at most one unless `multi`).
    pub chosen: Vec<String>,
    /// Whether several can be chosen.
    pub multi: bool,
    /// Whether typed text that matches no option is taken as a new value (units of a board
    /// without a units list are free text).
    pub free: bool,
}

impl Choice {
    /// A choice among `options` with `chosen` preselected.
    pub fn new(options: Vec<(String, String)>, chosen: Vec<String>, multi: bool) -> Choice {
        let highlight = chosen
            .first()
            .and_then(|c| options.iter().position(|(id, _)| id == c))
            .unwrap_or(0);
        Choice {
            options,
            filter: LineEdit::default(),
            highlight,
            chosen,
            multi,
            free: false,
        }
    }

    /// The typed text, when free text is allowed and no option matches it.
    fn typed_new(&self) -> Option<String> {
        let typed = self.filter.text().trim().to_string();
        (self.free && !typed.is_empty() && self.visible().is_empty()).then_some(typed)
    }

    /// Indices of the options matching what has been typed.
    pub fn visible(&self) -> Vec<usize> {
        let q = self.filter.text().to_lowercase();
        self.options
            .iter()
            .enumerate()
            .filter(|(_, (id, label))| {
                q.is_empty() || label.to_lowercase().contains(&q) || id.to_lowercase().contains(&q)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The option under the highlight.
    pub fn highlighted(&self) -> Option<usize> {
        self.visible().get(self.highlight).copied()
    }

    /// Moves the highlight; a single choice follows it.
    pub fn step(&mut self, down: bool) {
        let n = self.visible().len();
        if n == 0 {
            return;
        }
        self.highlight = if down {
            (self.highlight + 1).min(n - 1)
        } else {
            self.highlight.saturating_sub(1)
        };
        self.follow();
    }

    /// After typing: keeps the highlight in range and, for a single choice, chooses it.
    pub fn follow(&mut self) {
        let n = self.visible().len();
        self.highlight = self.highlight.min(n.saturating_sub(1));
        if !self.multi {
            if let Some(i) = self.highlighted() {
                self.chosen = vec![self.options[i].0.clone()];
            } else if let Some(typed) = self.typed_new() {
                self.chosen = vec![typed];
            }
        }
    }

    /// Adds or removes the highlighted option (multi choice).
    pub fn toggle(&mut self) {
        if let Some(typed) = self.typed_new() {
            if !self.chosen.contains(&typed) {
                self.chosen.push(typed);
            }
            self.filter.clear();
        } else if let Some(i) = self.highlighted() {
            let id = self.options[i].0.clone();
            if let Some(p) = self.chosen.iter().position(|c| *c == id) {
                self.chosen.remove(p);
            } else {
                self.chosen.push(id);
            }
        }
    }

    /// Labels of the chosen options, joined.
    pub fn chosen_labels(&self, sep: &str) -> String {
        self.chosen
            .iter()
            .map(|c| {
                self.options
                    .iter()
                    .find(|(id, _)| id == c)
                    .map_or(c.as_str(), |(_, l)| l.as_str())
            })
            .collect::<Vec<_>>()
            .join(sep)
    }
}

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
    /// Title, phase, lead, partners, deadline, category, in that order.
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

/// Field labels.
pub fn labels(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Zh => ["标题", "阶段", "牵头单位", "责任单位", "完成时限", "类别"],
        Lang::En => [
            "Title",
            "Phase",
            "Lead unit",
            "Partners",
            "Deadline",
            "Category",
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
        let fields = vec![
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
            FormField::Date(LineEdit::new(
                &t.as_ref()
                    .and_then(|t| t.deadline)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            )),
            FormField::Text(LineEdit::new(
                t.as_ref().and_then(|t| t.category.as_deref()).unwrap_or(""),
            )),
        ];
        Form {
            task,
            status,
            fields,
            focus: TITLE,
            error: None,
        }
    }

    fn text(&self, i: usize) -> String {
        match &self.fields[i] {
            FormField::Text(e) | FormField::Date(e) => e.text().trim().to_string(),
            FormField::Pick(c) => c.chosen.first().cloned().unwrap_or_default(),
        }
    }

    fn picks(&self, i: usize) -> Vec<String> {
        match &self.fields[i] {
            FormField::Pick(c) => c.chosen.clone(),
            _ => Vec::new(),
        }
    }

    /// The task the form describes, or why it cannot be accepted yet.
    pub fn to_task(&self, board: &Board, lang: Lang) -> Result<Task, String> {
        let title = self.text(TITLE);
        if title.is_empty() {
            return Err(lang.pick("标题不能为空", "the title is empty").into());
        }
        let lead = self.text(LEAD);
        if lead.is_empty() {
            return Err(lang.pick("请选择牵头单位", "choose a lead unit").into());
        }
        let deadline_text = self.text(DEADLINE);
        if let Some(e) = date_error(lang, &deadline_text) {
            return Err(e);
        }
        let mut t = match self.task {
            Some(i) => board.tasks[i].clone(),
            None => Task {
                id: board.fresh_task_id(),
                title: String::new(),
                phase: String::new(),
                lead: String::new(),
                partners: Vec::new(),
                deadline: None,
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
        t.deadline = parse_date(&deadline_text);
        let category = self.text(CATEGORY);
        t.category = (!category.is_empty()).then_some(category);
        Ok(t)
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
                Err(e) => form.error = Some(e),
                Ok(task) => {
                    let lang = self.lang();
                    return match form.task {
                        Some(i) => {
                            self.message =
                                Some(format!("{} {}", task.id, lang.pick("已修改", "updated")));
                            self.replace_task(i, task)
                        }
                        None => {
                            self.message =
                                Some(format!("{} {}", lang.pick("已新建", "created"), task.id));
                            let index = self.board.tasks.len();
                            self.apply(Edit::Insert {
                                index,
                                task: Box::new(task),
                            })
                        }
                    };
                }
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
}
