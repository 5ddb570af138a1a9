//! The commands of the three views (kanban, by unit, overview): moving around, and starting
//! the work on a task that popups then carry on; and the search prompt over them.

use super::popup::Popup;
use super::{
    Action, App, Confirm, Details, Effect, ExtendPrompt, FilterMenu, Form, Help, LineEdit, Message,
    NotePrompt, SincePrompt, View,
};

impl App {
    /// Whether an action can be used now: read-only hides every change, a unit's task keys
    /// need an open unit, and clearing needs something to clear. Hints show only these.
    pub fn can(&self, action: &Action) -> bool {
        use Action::*;
        let changes = matches!(
            action,
            MoveNext
                | MovePrev
                | Edit
                | New
                | Delete
                | Note
                | Extend
                | Notices
                | Undo
                | Redo
                | Save
                | Mark
                | MarkAll
        );
        if changes && self.opts.read_only {
            return false;
        }
        if self.popup.is_some() || self.present.is_some() || self.searching.is_some() {
            return true;
        }
        match (self.view, action) {
            (View::Units, MoveNext | MovePrev | Edit | Delete | Note | Extend) => {
                self.units.open.is_some()
            }
            (View::Kanban | View::List, Escape) => self.filters.active() || !self.marks.is_empty(),
            (View::Units, Escape) => self.units.open.is_some() || self.filters.active(),
            _ => true,
        }
    }

    /// Whether editing is allowed; says why not when it is not.
    fn can_edit(&mut self) -> bool {
        if self.opts.read_only {
            self.message = Some(Message::ReadOnly);
        }
        !self.opts.read_only
    }

    /// The selected task, or says there is none.
    fn task_or_say(&mut self) -> Option<usize> {
        let t = self.selected();
        if t.is_none() {
            self.message = Some(Message::NoTaskSelected);
        }
        t
    }

    /// Runs a command of the current view.
    pub(super) fn view_command(&mut self, action: Action) -> Vec<Effect> {
        self.message = None;
        let effects = match action {
            Action::Left
            | Action::Right
            | Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last => {
                self.navigate(&action);
                Vec::new()
            }
            Action::NextPhase => {
                self.goto_phase((self.phase + 1) % self.board.phases.len().max(1));
                Vec::new()
            }
            Action::PrevPhase => {
                let n = self.board.phases.len().max(1);
                self.goto_phase((self.phase + n - 1) % n);
                Vec::new()
            }
            Action::GotoPhase(p) => {
                self.goto_phase(p);
                Vec::new()
            }
            Action::MoveNext | Action::MovePrev if self.can_edit() => {
                if self.marks.is_empty() {
                    self.move_selected(action == Action::MoveNext)
                } else {
                    self.move_marked(action == Action::MoveNext)
                }
            }
            Action::Mark if self.can_edit() => {
                self.toggle_mark();
                Vec::new()
            }
            Action::MarkAll if self.can_edit() => {
                self.mark_all();
                Vec::new()
            }
            Action::Undo if self.can_edit() => self.undo(),
            Action::Redo if self.can_edit() => self.redo(),
            Action::Save if self.can_edit() => self.save_then(false),
            Action::Quit => self.quit_or_ask(),
            other => {
                self.open(other);
                Vec::new()
            }
        };
        if self.message.is_none()
            && self.view == View::Kanban
            && self.filters.active()
            && self.columns.iter().all(Vec::is_empty)
        {
            self.message = Some(Message::NothingMatches);
        }
        effects
    }

    /// The commands that open something: a popup, a prompt, another view.
    fn open(&mut self, action: Action) {
        let popup = match action {
            Action::Details if self.view == View::Units && self.units.open.is_none() => {
                self.open_unit();
                None
            }
            Action::Details => self
                .task_or_say()
                .map(|task| Popup::Details(Details { task, scroll: 0 })),
            Action::Edit if self.can_edit() => self.task_or_say().map(|i| {
                Popup::Form(Box::new(Form::new(
                    &self.board,
                    Some(i),
                    self.phase,
                    String::new(),
                )))
            }),
            Action::New if self.can_edit() => {
                let status = self.board.statuses.get(self.col).map(|s| s.id.clone());
                let form = Form::new(&self.board, None, self.phase, status.unwrap_or_default());
                Some(Popup::Form(Box::new(form)))
            }
            Action::Delete if self.can_edit() => self
                .task_or_say()
                .map(|i| Popup::Confirm(Confirm::Delete(i))),
            // With marks, the prompts are for every marked task.
            Action::Note if self.can_edit() && !self.marks.is_empty() => {
                let batch = self.marked();
                batch.first().copied().map(|task| {
                    Popup::Note(NotePrompt {
                        task,
                        input: LineEdit::default(),
                        batch: batch.clone(),
                    })
                })
            }
            Action::Extend if self.can_edit() && !self.marks.is_empty() => {
                Some(Popup::Extend(ExtendPrompt::batch(self.marked())))
            }
            Action::Note if self.can_edit() => self.task_or_say().map(|task| {
                Popup::Note(NotePrompt {
                    task,
                    input: LineEdit::default(),
                    batch: Vec::new(),
                })
            }),
            Action::Extend if self.can_edit() => self
                .task_or_say()
                .map(|task| Popup::Extend(ExtendPrompt::new(&self.board, task))),
            Action::Notices if self.can_edit() => {
                self.ask_notices();
                None
            }
            Action::Search => {
                self.start_search();
                None
            }
            Action::Filter => Some(Popup::Filter(FilterMenu::new(&self.board, self.lang()))),
            Action::Since => Some(Popup::Since(SincePrompt {
                input: LineEdit::new(&self.since.to_string()),
                error: None,
            })),
            Action::Help => Some(Popup::Help(Help {
                scroll: 0,
                from: self.mode(),
            })),
            Action::Present => {
                self.start_presenting(super::DEFAULT_INTERVAL, false);
                None
            }
            other => {
                self.switch(other);
                None
            }
        };
        if popup.is_some() {
            // Where the last popup's text ended says nothing of this one's.
            self.layout.popup_end = None;
            self.popup = popup;
        }
    }

    /// The commands that change what the view shows.
    fn switch(&mut self, action: Action) {
        match action {
            Action::NextView => {
                self.view = self.view.next();
                self.refresh();
            }
            Action::Sort | Action::Reverse if self.view == View::List => {
                self.resort(action == Action::Sort)
            }
            Action::Compact => {
                self.compact = !self.compact;
                // The page drawn had the other card height.
                self.layout.cards = 1;
            }
            Action::Sort if self.view == View::Units => {
                self.units.sort = self.units.sort.next();
                self.refresh();
                self.message = Some(Message::Sorted(self.units.sort));
            }
            Action::Escape if self.view != View::Units && !self.marks.is_empty() => {
                self.marks.clear();
                self.message = Some(Message::MarksCleared);
            }
            Action::Escape if self.view == View::Units && self.units.open.is_some() => {
                self.units.open = None;
                self.refresh();
            }
            Action::Escape if self.filters.active() => {
                self.filters = Default::default();
                self.refresh();
                self.message = Some(Message::FiltersCleared);
            }
            _ => {}
        }
    }

    /// Quits, or asks first when there are unsaved changes.
    fn quit_or_ask(&mut self) -> Vec<Effect> {
        if self.dirty() {
            self.popup = Some(Popup::Confirm(Confirm::Quit));
            return Vec::new();
        }
        self.quit = true;
        vec![Effect::Quit]
    }

    /// Moves the selection of the current view: cards, unit rows, a unit's tasks, or the
    /// overview's scroll; a page is what the last frame showed.
    fn navigate(&mut self, action: &Action) {
        let page = match self.view {
            View::Kanban => self.layout.cards,
            View::Units | View::List => self.layout.rows,
            View::Overview => usize::from(self.layout.lines),
        };
        let to = |r: usize, n: usize| -> usize {
            let r = match action {
                Action::Up => r.saturating_sub(1),
                Action::Down => r.saturating_add(1),
                Action::PageUp => r.saturating_sub(page.max(1)),
                Action::PageDown => r.saturating_add(page.max(1)),
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
            View::List => self.list.row = to(self.list.row, self.list.tasks.len()),
            View::Overview => {
                // Until a frame shows where the overview ends, it scrolls without one.
                let end = self.layout.overview_end.map_or(usize::MAX, usize::from);
                let at = to(usize::from(self.overview_scroll), end.saturating_add(1));
                self.overview_scroll = u16::try_from(at).unwrap_or(u16::MAX);
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
}

// The search prompt: the cards narrow as the text is typed; accepting keeps the search,
// cancelling clears it, and moving the selection keeps it too.
impl App {
    /// Opens the search prompt on the current search.
    pub(super) fn start_search(&mut self) {
        self.searching = Some(super::LineEdit::new(&self.filters.search));
    }

    /// Runs an action of the search mode.
    pub(super) fn search_command(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Accept => self.keep_search(),
            Action::Cancel => {
                self.searching = None;
                self.filters.search.clear();
            }
            Action::Up | Action::Down => {
                self.keep_search();
                self.refresh();
                return self.view_command(action);
            }
            _ => {}
        }
        self.refresh();
        Vec::new()
    }

    fn keep_search(&mut self) {
        self.filters.search = self.searching.take().map(|e| e.text()).unwrap_or_default();
    }
}
