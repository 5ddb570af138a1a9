//! The one place the app's state changes: an action in, effects out, no I/O.

use super::popup::filter_menu;
use super::{Action, App, Confirm, Effect, Form, Key, LineEdit, Popup, SaveFailure, View};

/// Applies an action to the app and returns the work the event loop must do.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Resize(w, h) => {
            app.size = (w, h);
            Vec::new()
        }
        Action::Saved(path, result) => app.saved(path, result),
        Action::Reloaded(board, disk, has_comments, copy) => {
            app.replace_board(*board, disk, has_comments);
            app.message = Some(format!(
                "{}{}",
                app.lang().pick(
                    "已重新加载；你的修改另存于 ",
                    "reloaded; your changes are kept in "
                ),
                copy.display()
            ));
            vec![Effect::RemoveRecovery]
        }
        Action::Paste(text) => {
            app.paste(&text);
            Vec::new()
        }
        Action::Tick => {
            app.tick();
            Vec::new()
        }
        Action::BoardChanged(board, disk, has_comments) => {
            app.board_saved_elsewhere(*board, disk, has_comments)
        }
        Action::Input(key) if app.present.is_some() => app.present_key(key),
        Action::Input(key) if app.popup.is_some() => app.popup_key(key),
        Action::Input(key) if app.searching.is_some() => app.search_key(key),
        Action::Input(_) => Vec::new(),
        other => app.normal(other),
    }
}

impl App {
    /// Takes the board as just read from disk: nothing unsaved, nothing to undo.
    pub(super) fn replace_board(
        &mut self,
        board: crate::model::Board,
        disk: crate::store::DiskStamp,
        has_comments: bool,
    ) {
        self.base = Some(std::sync::Arc::new(board.clone()));
        self.board = board;
        self.recovery.restart();
        self.disk = Some(disk);
        self.has_comments = has_comments;
        self.undo.clear();
        self.redo.clear();
        self.clean = 0;
        self.serial = 0;
        self.board_changed();
    }

    pub(super) fn say(&mut self, zh: &str, en: &str) {
        self.message = Some(self.lang().pick(zh, en).to_string());
    }

    /// Whether editing is allowed; says why not when it is not.
    fn can_edit(&mut self) -> bool {
        if self.opts.read_only {
            self.say("只读模式，不能修改", "read-only: editing is disabled");
        }
        !self.opts.read_only
    }

    fn paste(&mut self, text: &str) {
        let target = match (&mut self.popup, &mut self.searching) {
            (Some(Popup::Note { input, .. }), _)
            | (Some(Popup::SaveAs(input)), _)
            | (Some(Popup::Since { input, .. }), _) => Some(input),
            (
                Some(Popup::Extend {
                    date,
                    reason,
                    focus,
                    ..
                }),
                _,
            ) => Some(if *focus == 0 { date } else { reason }),
            (Some(Popup::Form(form)), _) => match &mut form.fields[form.focus] {
                super::FormField::Text(e) | super::FormField::Date(e) => Some(e),
                super::FormField::Pick(c) => Some(&mut c.filter),
            },
            (Some(Popup::Filter { choice, .. }), _) => Some(&mut choice.filter),
            (None, Some(e)) => Some(e),
            _ => None,
        };
        if let Some(e) = target {
            e.insert(text);
        }
        if let Some(Popup::Form(form)) = &mut self.popup {
            if let super::FormField::Pick(c) = &mut form.fields[form.focus] {
                c.follow();
            }
        }
        if self.searching.is_some() {
            self.refresh();
        }
    }

    fn search_key(&mut self, key: Key) -> Vec<Effect> {
        match key {
            Key::Enter | Key::Tab => {
                self.filters.search = self.searching.take().map(|e| e.text()).unwrap_or_default();
            }
            Key::Esc => {
                self.searching = None;
                self.filters.search.clear();
            }
            Key::Up | Key::Down => {
                self.filters.search = self.searching.take().map(|e| e.text()).unwrap_or_default();
                self.refresh();
                return self.normal(if key == Key::Up {
                    Action::Up
                } else {
                    Action::Down
                });
            }
            k => {
                if let Some(e) = &mut self.searching {
                    super::popup::edit_line(e, &k);
                }
            }
        }
        self.refresh();
        Vec::new()
    }

    /// Moves the selection of the current view: cards, unit rows, a unit's tasks, or the overview's scroll.
    fn navigate(&mut self, action: &Action, page: usize) {
        let to = |r: usize, n: usize| -> usize {
            let r = match action {
                Action::Up => r.saturating_sub(1),
                Action::Down => r + 1,
                Action::PageUp => r.saturating_sub(page),
                Action::PageDown => r + page,
                Action::First => 0,
                Action::Last => n,
                _ => r,
            };
            r.min(n.saturating_sub(1))
        };
        match self.view {
            View::Kanban => match action {
                Action::Left => self.col = self.col.saturating_sub(1),
                Action::Right => {
                    self.col = (self.col + 1).min(self.board.statuses.len().saturating_sub(1))
                }
                _ => {
                    let n = self.columns.get(self.col).map_or(0, Vec::len);
                    if let Some(r) = self.rows.get_mut(self.col) {
                        *r = to(*r, n);
                    }
                }
            },
            View::Units if self.units.open.is_some() => {
                self.units.task_row = to(self.units.task_row, self.units.tasks.len())
            }
            View::Units => self.units.row = to(self.units.row, self.units.rows.len()),
            View::Overview => {
                // The overview scrolls between its first line and the one that shows its last.
                let visible = usize::from(self.size.1).saturating_sub(7);
                let max = self.overview_rows().saturating_sub(visible);
                self.overview_scroll = to(usize::from(self.overview_scroll), max + 1) as u16;
            }
        }
    }

    fn goto_phase(&mut self, p: usize) {
        if p < self.board.phases.len() && p != self.phase {
            self.phase = p;
            self.rows.iter_mut().for_each(|r| *r = 0);
            self.refresh();
            if self.columns.get(self.col).is_none_or(Vec::is_empty) {
                self.col = self
                    .columns
                    .iter()
                    .position(|c| !c.is_empty())
                    .unwrap_or(self.col);
            }
        }
    }

    /// Starts a save (which asks back when it could only keep the changes by dropping comments).
    pub(super) fn save_then(&mut self, quit: bool) -> Vec<Effect> {
        self.quit_after_save = quit;
        let Some(path) = self.path.clone() else {
            self.popup = Some(Popup::SaveAs(LineEdit::new("board.yaml")));
            return Vec::new();
        };
        vec![Effect::Save {
            path,
            expected: self.disk,
            new_file: false,
        }]
    }

    fn saved(
        &mut self,
        path: std::path::PathBuf,
        result: Result<super::SaveDone, SaveFailure>,
    ) -> Vec<Effect> {
        match result {
            Ok(done) => {
                let moved = self.path.as_ref() != Some(&path);
                self.path = Some(path.clone());
                self.disk = Some(done.stamp);
                self.clean = self.undo.last().map_or(0, |(s, _)| *s);
                self.popup = None;
                let lang = self.lang();
                self.message = Some(format!(
                    "{}{}",
                    if moved {
                        lang.pick("已另存为 ", "saved as ")
                    } else {
                        lang.pick("已保存 ", "saved ")
                    },
                    path.display()
                ));
                if let Some((board, others)) = done.merged {
                    // Indices in the undo history point into the board before the merge.
                    self.board = *board;
                    self.recovery.restart();
                    self.undo.clear();
                    self.redo.clear();
                    self.clean = 0;
                    self.serial = 0;
                    self.board_changed();
                    self.message = Some(format!(
                        "{}{others}{}",
                        lang.pick(
                            "已保存，并合并了他人对 ",
                            "saved, merged with others' changes to "
                        ),
                        lang.pick(" 项任务的修改", " task(s)")
                    ));
                }
                self.base = Some(std::sync::Arc::new(self.board.clone()));
                let mut effects = vec![Effect::RemoveRecovery];
                if self.quit_after_save {
                    self.quit = true;
                    effects.push(Effect::Quit);
                }
                effects
            }
            Err(SaveFailure::Conflict) => {
                self.quit_after_save = false;
                self.popup = Some(Popup::Confirm(Confirm::Conflict));
                Vec::new()
            }
            Err(SaveFailure::Clashes(ask)) => {
                self.ask_clashes(*ask);
                Vec::new()
            }
            Err(SaveFailure::WouldDropComments) => {
                self.popup = Some(Popup::Confirm(Confirm::DropComments));
                Vec::new()
            }
            Err(SaveFailure::Other(msg)) => {
                self.quit_after_save = false;
                self.message = Some(msg);
                Vec::new()
            }
        }
    }

    /// Handles an action with no popup open.
    pub(super) fn normal(&mut self, action: Action) -> Vec<Effect> {
        self.message = None;
        let lang = self.lang();
        let page = self.page();
        match action {
            Action::Left
            | Action::Right
            | Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last => self.navigate(&action, page),
            Action::NextPhase => self.goto_phase((self.phase + 1) % self.board.phases.len().max(1)),
            Action::PrevPhase => {
                let n = self.board.phases.len().max(1);
                self.goto_phase((self.phase + n - 1) % n)
            }
            Action::GotoPhase(p) => self.goto_phase(p),
            Action::MoveNext | Action::MovePrev if self.can_edit() => {
                return self.move_selected(action == Action::MoveNext)
            }
            Action::Details if self.view == View::Units && self.units.open.is_none() => {
                self.open_unit()
            }
            Action::Details => match self.selected() {
                Some(task) => self.popup = Some(Popup::Details { task, scroll: 0 }),
                None => self.say("没有选中的任务", "no task selected"),
            },
            Action::Edit if self.can_edit() => match self.selected() {
                Some(i) => {
                    self.popup = Some(Popup::Form(Box::new(Form::new(
                        &self.board,
                        Some(i),
                        self.phase,
                        String::new(),
                    ))))
                }
                None => self.say("没有选中的任务", "no task selected"),
            },
            Action::New if self.can_edit() => {
                let status = self
                    .board
                    .statuses
                    .get(self.col)
                    .map(|s| s.id.clone())
                    .unwrap_or_default();
                self.popup = Some(Popup::Form(Box::new(Form::new(
                    &self.board,
                    None,
                    self.phase,
                    status,
                ))));
            }
            Action::Delete if self.can_edit() => match self.selected() {
                Some(i) => self.popup = Some(Popup::Confirm(Confirm::Delete(i))),
                None => self.say("没有选中的任务", "no task selected"),
            },
            Action::Note if self.can_edit() => match self.selected() {
                Some(task) => {
                    self.popup = Some(Popup::Note {
                        task,
                        input: LineEdit::default(),
                    })
                }
                None => self.say("没有选中的任务", "no task selected"),
            },
            Action::Extend if self.can_edit() => match self.selected() {
                Some(task) => {
                    let current = self.board.tasks[task]
                        .effective_deadline()
                        .map(|d| d.to_string())
                        .unwrap_or_default();
                    // Each extension needs its own reason: the last one is not offered again.
                    self.popup = Some(Popup::Extend {
                        task,
                        date: LineEdit::new(&current),
                        reason: LineEdit::default(),
                        focus: 0,
                        error: None,
                    });
                }
                None => self.say("没有选中的任务", "no task selected"),
            },
            Action::Search => self.searching = Some(LineEdit::new(&self.filters.search)),
            Action::Filter => self.popup = Some(filter_menu(&self.board, lang)),
            Action::NextView => {
                self.view = self.view.next();
                self.refresh();
            }
            Action::Sort if self.view == View::Units => {
                self.units.sort = self.units.sort.next();
                self.refresh();
                self.message = Some(self.units.sort.label(lang).to_string());
            }
            Action::Since => {
                let typed = self.since.to_string();
                self.popup = Some(Popup::Since {
                    input: LineEdit::new(&typed),
                    error: None,
                });
            }
            Action::Notices if self.can_edit() => self.ask_notices(),
            Action::Sort => self.say(
                "o 用于按单位视图排序（按 v 切换视图）",
                "o sorts the by-unit view (v switches views)",
            ),
            Action::Undo if self.can_edit() => return self.undo(),
            Action::Redo if self.can_edit() => return self.redo(),
            Action::Save if self.can_edit() => return self.save_then(false),
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            Action::Present => {
                self.start_presenting(super::DEFAULT_INTERVAL, false);
                return Vec::new();
            }
            Action::Quit => {
                if self.dirty() {
                    self.popup = Some(Popup::Confirm(Confirm::Quit));
                } else {
                    self.quit = true;
                    return vec![Effect::Quit];
                }
            }
            Action::Escape if self.view == View::Units && self.units.open.is_some() => {
                self.units.open = None;
                self.refresh();
            }
            Action::Escape if self.filters.active() => {
                self.filters = Default::default();
                self.refresh();
                self.say("已清除搜索和筛选", "search and filters cleared");
            }
            _ => {}
        }
        if self.message.is_none() && self.filters.active() && self.columns.iter().all(Vec::is_empty)
        {
            self.say(
                "本阶段没有符合搜索或筛选条件的任务（Esc 清除）",
                "no task in this phase matches the search or filters (Esc clears)",
            );
        }
        Vec::new()
    }
}
