//! Popups and prompts: what is open over the board, and how keys act on each.

use super::form::{self, Choice, Form, FormField};
use super::{App, Edit, Effect, Key, LineEdit};
use crate::model::facts::Light;
use crate::model::{Board, Lang};
use crate::store::parse_date;

/// Questions that need a yes or no (or a choice of letters).
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    /// Delete task N?
    Delete(usize),
    /// Quit with unsaved changes?
    Quit,
    /// Save although the file's comments will be dropped?
    DropComments,
    /// The file changed on disk: save as, reload, or cancel?
    Conflict,
    /// A recovery file holds unsaved changes: restore them?
    Restore(Box<Board>),
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
    let order = |id: &str| {
        board
            .units
            .iter()
            .position(|u| u.id == id)
            .unwrap_or(usize::MAX)
    };
    leads.sort_by_key(|id| order(id));
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
                Key::Up | Key::Char('k') => {
                    self.popup = Some(Popup::Details {
                        task,
                        scroll: scroll.saturating_sub(1),
                    })
                }
                Key::Down | Key::Char('j') => {
                    self.popup = Some(Popup::Details {
                        task,
                        scroll: scroll.saturating_add(1),
                    })
                }
                Key::PageUp => {
                    self.popup = Some(Popup::Details {
                        task,
                        scroll: scroll.saturating_sub(10),
                    })
                }
                Key::PageDown | Key::Char(' ') => {
                    self.popup = Some(Popup::Details {
                        task,
                        scroll: scroll.saturating_add(10),
                    })
                }
                Key::Char('e') => return self.normal(super::Action::Edit),
                Key::Char('p') => return self.normal(super::Action::Note),
                Key::Char('x') => return self.normal(super::Action::Extend),
                _ => self.popup = Some(Popup::Details { task, scroll }),
            },
            Popup::Help { scroll } => match key {
                Key::Esc | Key::Enter | Key::Char('q') | Key::Char('?') => {}
                Key::Up | Key::Char('k') => {
                    self.popup = Some(Popup::Help {
                        scroll: scroll.saturating_sub(1),
                    })
                }
                Key::Down | Key::Char('j') => {
                    self.popup = Some(Popup::Help {
                        scroll: scroll.saturating_add(1),
                    })
                }
                Key::PageUp => {
                    self.popup = Some(Popup::Help {
                        scroll: scroll.saturating_sub(10),
                    })
                }
                Key::PageDown | Key::Char(' ') => {
                    self.popup = Some(Popup::Help {
                        scroll: scroll.saturating_add(10),
                    })
                }
                _ => self.popup = Some(Popup::Help { scroll }),
            },
            Popup::Form(form) => return self.form_key(*form, key),
            Popup::Confirm(c) => return self.confirm_key(c, key),
            Popup::Note { task, mut input } => match key {
                Key::Esc => {}
                Key::Enter | Key::Submit => {
                    let note = input.text().trim().to_string();
                    if note.is_empty() {
                        self.popup = Some(Popup::Note { task, input });
                        return Vec::new();
                    }
                    let mut after = self.board.tasks[task].clone();
                    after.progress.push(self.entry(note));
                    self.message = Some(format!(
                        "{} {}",
                        after.id,
                        lang.pick("已添加进展", "progress added")
                    ));
                    return self.replace_task(task, after);
                }
                k => {
                    edit_line(&mut input, &k);
                    self.popup = Some(Popup::Note { task, input });
                }
            },
            Popup::Extend {
                task,
                mut date,
                mut reason,
                mut focus,
                ..
            } => match key {
                Key::Esc => {}
                Key::Tab | Key::BackTab | Key::Up | Key::Down => {
                    focus = 1 - focus;
                    self.popup = Some(Popup::Extend {
                        task,
                        date,
                        reason,
                        focus,
                        error: None,
                    });
                }
                Key::Enter | Key::Submit => {
                    let text = date.text();
                    let error = match parse_date(&text) {
                        None => Some(form::date_error(lang, &text).unwrap_or_else(|| {
                            lang.pick("请输入新的完成时限", "enter the new deadline")
                                .into()
                        })),
                        Some(d) if self.board.tasks[task].deadline.is_some_and(|old| d <= old) => {
                            Some(
                                lang.pick(
                                    "延期后的日期应晚于原完成时限",
                                    "the new date must be after the original deadline",
                                )
                                .into(),
                            )
                        }
                        Some(_) => None,
                    };
                    if error.is_some() {
                        self.popup = Some(Popup::Extend {
                            task,
                            date,
                            reason,
                            focus,
                            error,
                        });
                        return Vec::new();
                    }
                    let d = parse_date(&text);
                    let why = reason.text().trim().to_string();
                    let mut after = self.board.tasks[task].clone();
                    after.extended_to = d;
                    after.extension_reason = (!why.is_empty()).then(|| why.clone());
                    let note = match (lang, why.is_empty()) {
                        (Lang::Zh, true) => format!("延期至 {text}"),
                        (Lang::Zh, false) => format!("延期至 {text}：{why}"),
                        (Lang::En, true) => format!("extended to {text}"),
                        (Lang::En, false) => format!("extended to {text}: {why}"),
                    };
                    after.progress.push(self.entry(note));
                    self.message = Some(format!(
                        "{} {}{text}",
                        after.id,
                        lang.pick("延期至 ", "extended to ")
                    ));
                    return self.replace_task(task, after);
                }
                k => {
                    edit_line(if focus == 0 { &mut date } else { &mut reason }, &k);
                    self.popup = Some(Popup::Extend {
                        task,
                        date,
                        reason,
                        focus,
                        error: None,
                    });
                }
            },
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

    fn form_key(&mut self, mut form: Form, key: Key) -> Vec<Effect> {
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
                    if edit_line(&mut c.filter, &k) {
                        c.highlight = 0;
                        c.follow();
                    }
                }
            },
        }
        self.popup = Some(Popup::Form(Box::new(form)));
        Vec::new()
    }

    fn confirm_key(&mut self, c: Confirm, key: Key) -> Vec<Effect> {
        let lang = self.lang();
        let yes = matches!(key, Key::Char('y') | Key::Char('Y'));
        match c {
            Confirm::Delete(i) if yes => {
                let task = Box::new(self.board.tasks[i].clone());
                self.message = Some(format!(
                    "{} {}",
                    task.id,
                    lang.pick("已删除（u 可撤销）", "deleted (u to undo)")
                ));
                return self.apply(Edit::Remove { index: i, task });
            }
            Confirm::Quit => match key {
                Key::Char('s') | Key::Char('S') => {
                    return self.save_then(true);
                }
                Key::Char('y') | Key::Char('Y') | Key::Char('q') => {
                    self.quit = true;
                    return vec![Effect::Quit];
                }
                Key::Esc | Key::Char('n') | Key::Char('N') => {}
                _ => self.popup = Some(Popup::Confirm(Confirm::Quit)),
            },
            Confirm::DropComments if yes => {
                self.has_comments = false;
                return self.save_then(self.quit_after_save);
            }
            Confirm::Conflict => match key {
                Key::Char('a') | Key::Char('A') => {
                    let stem = self
                        .path
                        .as_ref()
                        .and_then(|p| p.file_stem())
                        .map(|s| s.to_string_lossy().to_string())
                        .unwrap_or_else(|| "board".into());
                    let user: String = self
                        .opts
                        .user
                        .chars()
                        .filter(|c| c.is_alphanumeric())
                        .collect();
                    self.popup = Some(Popup::SaveAs(LineEdit::new(&format!("{stem}.{user}.yaml"))));
                }
                Key::Char('r') | Key::Char('R') => return vec![Effect::ReloadKeepingCopy],
                Key::Esc | Key::Char('n') => {}
                _ => self.popup = Some(Popup::Confirm(Confirm::Conflict)),
            },
            Confirm::Restore(board) => match key {
                Key::Char('d') | Key::Char('D') => {
                    self.message = Some(
                        lang.pick("已丢弃恢复文件", "recovery file discarded")
                            .into(),
                    );
                    return vec![Effect::RemoveRecovery];
                }
                Key::Char('r') | Key::Char('R') | Key::Esc | Key::Enter => {
                    self.board = *board;
                    self.undo.clear();
                    self.redo.clear();
                    self.clean = u64::MAX;
                    self.refresh();
                    self.message = Some(
                        lang.pick(
                            "已恢复未保存的修改，按 s 保存",
                            "unsaved changes restored; press s to save",
                        )
                        .into(),
                    );
                }
                _ => self.popup = Some(Popup::Confirm(Confirm::Restore(board))),
            },
            other => {
                if !matches!(key, Key::Esc | Key::Char('n') | Key::Char('N')) {
                    self.popup = Some(Popup::Confirm(other));
                }
            }
        }
        Vec::new()
    }
}
