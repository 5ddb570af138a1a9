//! Popups and prompts: what is open over the board, and how keys act on each.

use super::form::Form;
use super::{App, Choice, Effect, Key, LineEdit};
use crate::model::facts::Light;
use crate::model::{Board, Lang};

/// Questions that need a yes or no (or a choice of letters).
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    /// Delete task N?
    Delete(usize),
    /// Issue reminder notices to these units (all units concerned when empty) and record them?
    Notices(Vec<String>),
    /// Quit with unsaved changes?
    Quit,
    /// Save although the file's comments will be dropped?
    DropComments,
    /// The file changed on disk: save as, reload, or cancel?
    Conflict,
    /// A recovery file (the path) holds unsaved changes made on top of the file content given:
    /// restore them?
    Restore(
        Box<Board>,
        Option<crate::store::DiskStamp>,
        std::path::PathBuf,
    ),
}

/// One entry of the filter menu.
#[derive(Debug, Clone, PartialEq)]
pub enum FilterItem {
    /// Only tasks led by this unit.
    Lead(String),
    /// Only tasks with this light.
    Light(Light),
    /// Only tasks of this category.
    Category(String),
    /// Clear all filters.
    Clear,
}

/// What is open over the board.
#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    /// Every field of a task.
    Details {
        /// Task index.
        task: usize,
        /// Lines scrolled.
        scroll: u16,
    },
    /// The task form.
    Form(Box<Form>),
    /// A question.
    Confirm(Confirm),
    /// A progress note being typed.
    Note {
        /// Task index.
        task: usize,
        /// The note.
        input: LineEdit,
    },
    /// A deadline extension being typed.
    Extend {
        /// Task index.
        task: usize,
        /// The new date.
        date: LineEdit,
        /// The reason.
        reason: LineEdit,
        /// 0: date, 1: reason.
        focus: usize,
        /// Why it cannot be accepted yet.
        error: Option<String>,
    },
    /// The filter menu.
    Filter {
        /// What each option does.
        items: Vec<FilterItem>,
        /// The options, narrowed by typing.
        choice: Choice,
    },
    /// The keys.
    Help {
        /// Lines scrolled.
        scroll: u16,
    },
    /// A file name for saving elsewhere.
    SaveAs(LineEdit),
    /// The date changes are counted from, being typed.
    Since {
        /// The date.
        input: LineEdit,
        /// Why it cannot be taken yet.
        error: Option<String>,
    },
    /// A save met fields that someone else changed differently.
    Clash(Box<super::ClashAsk>),
}

/// The scroll position after a scrolling key (others leave it).
fn scrolled(scroll: u16, key: &Key) -> u16 {
    match key {
        Key::Up | Key::Char('k') => scroll.saturating_sub(1),
        Key::Down | Key::Char('j') => scroll.saturating_add(1),
        Key::PageUp => scroll.saturating_sub(10),
        Key::PageDown | Key::Char(' ') => scroll.saturating_add(10),
        _ => scroll,
    }
}

/// Applies an editing key to a one-line input; returns false when the key is not an editing key.
pub(super) fn edit_line(e: &mut LineEdit, key: &Key) -> bool {
    match key {
        Key::Char(c) => e.insert(&c.to_string()),
        Key::Backspace => e.backspace(),
        Key::Delete => e.delete(),
        Key::Left => e.left(),
        Key::Right => e.right(),
        Key::Home => e.home(),
        Key::End => e.end(),
        Key::KillLine => e.kill_to_start(),
        _ => return false,
    }
    true
}

/// The filter menu's entries for a board.
pub(super) fn filter_menu(board: &Board, lang: Lang) -> Popup {
    let mut items = vec![FilterItem::Clear];
    let mut labels = vec![lang.pick("（清除筛选）", "(clear filters)").to_string()];
    for (light, zh, en) in [
        (Light::Red, "逾期", "overdue"),
        (Light::Yellow, "即将到期", "due soon"),
        (Light::Green, "正常推进", "on track"),
        (Light::Done, "已完成", "done"),
    ] {
        items.push(FilterItem::Light(light));
        labels.push(format!(
            "{}{}",
            lang.pick("亮灯：", "light: "),
            lang.pick(zh, en)
        ));
    }
    let mut leads: Vec<&str> = Vec::new();
    for t in &board.tasks {
        if !leads.contains(&t.lead.as_str()) {
            leads.push(&t.lead);
        }
    }
    leads.sort_by_key(|id| board.unit_order(id));
    for l in leads {
        items.push(FilterItem::Lead(l.to_string()));
        labels.push(format!(
            "{}{}",
            lang.pick("牵头单位：", "lead: "),
            board.unit_name(l)
        ));
    }
    let mut cats: Vec<&str> = board
        .tasks
        .iter()
        .filter_map(|t| t.category.as_deref())
        .collect();
    cats.dedup();
    let mut seen = Vec::new();
    for c in cats {
        if !seen.contains(&c) {
            seen.push(c);
            items.push(FilterItem::Category(c.to_string()));
            labels.push(format!("{}{c}", lang.pick("类别：", "category: ")));
        }
    }
    let options = labels
        .into_iter()
        .enumerate()
        .map(|(i, l)| (i.to_string(), l))
        .collect();
    Popup::Filter {
        items,
        choice: Choice::new(options, Vec::new(), false),
    }
}

impl App {
    /// Handles a key while a popup is open.
    pub(super) fn popup_key(&mut self, key: Key) -> Vec<Effect> {
        let Some(popup) = self.popup.take() else {
            return Vec::new();
        };
        let lang = self.lang();
        match popup {
            Popup::Details { task, scroll } => match key {
                Key::Esc | Key::Enter | Key::Char('q') => {}
                Key::Char('e') => return self.normal(super::Action::Edit),
                Key::Char('p') => return self.normal(super::Action::Note),
                Key::Char('x') => return self.normal(super::Action::Extend),
                k => {
                    self.popup = Some(Popup::Details {
                        task,
                        scroll: scrolled(scroll, &k),
                    })
                }
            },
            Popup::Help { scroll } => match key {
                Key::Esc | Key::Enter | Key::Char('q') | Key::Char('?') => {}
                k => {
                    self.popup = Some(Popup::Help {
                        scroll: scrolled(scroll, &k),
                    })
                }
            },
            Popup::Form(form) => return self.form_key(*form, key),
            Popup::Confirm(c) => return self.confirm_key(c, key),
            Popup::Clash(ask) => return self.clash_key(*ask, key),
            Popup::Note { task, mut input } => match key {
                Key::Esc => {}
                Key::Enter | Key::Submit => {
                    let note = input.text().trim().to_string();
                    if note.is_empty() {
                        self.popup = Some(Popup::Note { task, input });
                        return Vec::new();
                    }
                    let after = self.board.tasks[task].clone();
                    self.message = Some(format!(
                        "{} {}",
                        after.id,
                        lang.pick("已添加进展", "progress added")
                    ));
                    return self.replace_logged(task, after, note);
                }
                k => {
                    edit_line(&mut input, &k);
                    self.popup = Some(Popup::Note { task, input });
                }
            },
            Popup::Extend {
                task,
                date,
                reason,
                focus,
                ..
            } => return self.extend_key(task, date, reason, focus, key),
            Popup::Filter { items, mut choice } => match key {
                Key::Esc => {}
                Key::Up => {
                    choice.step(false);
                    self.popup = Some(Popup::Filter { items, choice });
                }
                Key::Down | Key::Tab => {
                    choice.step(true);
                    self.popup = Some(Popup::Filter { items, choice });
                }
                Key::Enter => {
                    if let Some(i) = choice.highlighted() {
                        match &items[i] {
                            FilterItem::Clear => {
                                let search = std::mem::take(&mut self.filters.search);
                                self.filters = super::Filters {
                                    search,
                                    ..Default::default()
                                };
                            }
                            FilterItem::Lead(l) => self.filters.lead = Some(l.clone()),
                            FilterItem::Light(l) => self.filters.light = Some(*l),
                            FilterItem::Category(c) => self.filters.category = Some(c.clone()),
                        }
                        self.refresh();
                    }
                }
                k => {
                    edit_line(&mut choice.filter, &k);
                    choice.follow();
                    self.popup = Some(Popup::Filter { items, choice });
                }
            },
            Popup::Since { input, .. } => return self.since_key(input, key),
            Popup::SaveAs(mut input) => match key {
                Key::Esc => {}
                Key::Enter | Key::Submit => {
                    let name = input.text().trim().to_string();
                    if name.is_empty() {
                        self.popup = Some(Popup::SaveAs(input));
                        return Vec::new();
                    }
                    let dir = self
                        .path
                        .as_ref()
                        .and_then(|p| p.parent())
                        .map(|p| p.to_path_buf())
                        .unwrap_or_default();
                    let path = dir.join(name);
                    return vec![Effect::Save {
                        path,
                        expected: None,
                        new_file: true,
                    }];
                }
                k => {
                    edit_line(&mut input, &k);
                    self.popup = Some(Popup::SaveAs(input));
                }
            },
        }
        Vec::new()
    }
}
