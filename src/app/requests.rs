//! What a popup asks of the board once it closes: the app's side of each answer (gitui's queue
//! of internal events, in the small).

use super::popup::Popup;
use super::{Action, App, Confirm, Effect, FilterItem, Filters, Message};
use crate::model::Task;
use chrono::NaiveDate;
use std::sync::Arc;

/// A request from a popup that has closed.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Request {
    /// Run a command of the board (the details lead to the task's prompts).
    Command(Action),
    /// Delete a task.
    Delete(usize),
    /// Add a progress note to a task.
    Note {
        /// Task index.
        task: usize,
        /// The note.
        note: String,
    },
    /// Add one progress note to each of these tasks, as one change.
    NoteAll {
        /// Task indices.
        tasks: Vec<usize>,
        /// The note.
        note: String,
    },
    /// Extend each of these tasks that can be, as one change.
    ExtendAll {
        /// Task indices.
        tasks: Vec<usize>,
        /// The new date.
        to: NaiveDate,
        /// The reason.
        reason: String,
    },
    /// Replace a task (an extension), saying so.
    Change {
        /// Task index.
        index: usize,
        /// The task after.
        after: Box<Task>,
        /// What the footer says.
        said: Message,
    },
    /// What the form made: a new task, or the changes to one.
    Submit {
        /// The task edited, or `None` for a new one.
        index: Option<usize>,
        /// The task.
        task: Box<Task>,
    },
    /// Save a copy under this name, beside the board.
    SaveAs(String),
    /// Count changes from this date.
    Since(NaiveDate),
    /// Apply a filter.
    Filter(FilterItem),
    /// Issue the reminder notices to these units.
    Notices(Vec<String>),
    /// Save, dropping the file's comments.
    SaveDroppingComments,
    /// Save, then quit.
    SaveThenQuit,
    /// Quit without saving.
    QuitDiscarding,
    /// Read the file again, keeping a copy of mine.
    Reload,
    /// Restore the recovery file of the closed question.
    Restore,
    /// Discard the recovery file of the closed question.
    DiscardRecovery,
    /// Every clash of the closed dialog answered.
    ClashesDone,
    /// The clash dialog left with clashes unanswered.
    ClashesLeft,
}

impl App {
    /// Carries out what a closed popup asked; `popup` is that popup, for what it holds.
    pub(super) fn carry_out(&mut self, request: Request, popup: Popup) -> Vec<Effect> {
        match request {
            Request::Command(action) => self.view_command(action),
            Request::Delete(i) => {
                self.message = Some(Message::Deleted(self.board.tasks[i].id.to_string()));
                self.remove_logged(i)
            }
            Request::Note { task, note } => {
                let after = self.board.tasks[task].clone();
                self.message = Some(Message::NoteAdded(after.id.to_string()));
                self.replace_logged(task, after, note)
            }
            Request::NoteAll { tasks, note } => self.note_all(&tasks, &note),
            Request::ExtendAll { tasks, to, reason } => self.extend_all(&tasks, to, &reason),
            Request::Change { index, after, said } => {
                self.message = Some(said);
                self.replace_traced(index, *after).unwrap_or_default()
            }
            Request::Submit { index, task } => self.submit(index, *task),
            Request::SaveAs(name) => {
                let dir = self.path.as_ref().and_then(|p| p.parent());
                let path = dir.map(|d| d.to_path_buf()).unwrap_or_default().join(name);
                vec![Effect::Save {
                    path,
                    expected: None,
                    new_file: true,
                }]
            }
            Request::Since(d) => {
                self.since = d;
                self.message = Some(Message::SinceSet(d));
                Vec::new()
            }
            Request::Filter(item) => {
                self.filter(item);
                Vec::new()
            }
            Request::Notices(units) => self.issue_notices(&units),
            Request::SaveDroppingComments => {
                self.has_comments = false;
                self.save_then(self.quit_after_save)
            }
            Request::SaveThenQuit => self.save_then(true),
            Request::QuitDiscarding => {
                // Leaving without saving on purpose: the changes are discarded, and no
                // recovery file is left to offer them again.
                self.quit = true;
                vec![Effect::RemoveRecovery, Effect::Quit]
            }
            Request::Reload => vec![Effect::ReloadKeepingCopy],
            Request::Restore | Request::DiscardRecovery => self.recovered(request, popup),
            Request::ClashesDone => match popup {
                Popup::Clash(ask) => self.clashes_done(*ask),
                _ => Vec::new(),
            },
            Request::ClashesLeft => {
                self.message = Some(Message::ClashesUnanswered);
                Vec::new()
            }
        }
    }

    fn filter(&mut self, item: FilterItem) {
        match item {
            FilterItem::Clear => {
                let search = std::mem::take(&mut self.filters.search);
                self.filters = Filters {
                    search,
                    ..Default::default()
                };
            }
            FilterItem::Lead(l) => self.filters.lead = Some(l),
            FilterItem::Light(l) => self.filters.light = Some(l),
            FilterItem::Category(c) => self.filters.category = Some(c),
        }
        self.refresh();
    }

    /// Records what the form made: a new task, or the changes to one, each with its entry.
    fn submit(&mut self, index: Option<usize>, task: Task) -> Vec<Effect> {
        let id = task.id.clone();
        let Some(i) = index else {
            self.message = Some(Message::Created(id.to_string()));
            return self.insert_logged(task);
        };
        match self.replace_traced(i, task) {
            Some(effects) => {
                self.message = Some(Message::Updated(id.to_string()));
                effects
            }
            None => {
                self.message = Some(Message::Unchanged(id.to_string()));
                Vec::new()
            }
        }
    }

    /// Restores or discards the recovery file the question was about.
    fn recovered(&mut self, request: Request, popup: Popup) -> Vec<Effect> {
        let Popup::Confirm(Confirm::Restore(board, base, source)) = popup else {
            return Vec::new();
        };
        if request == Request::DiscardRecovery {
            self.message = Some(Message::RecoveryDiscarded);
            return vec![Effect::DropRecovery(source)];
        }
        // Made on top of another version of the file: saving then goes through the conflict
        // question instead of overwriting what someone else saved.
        if base != self.disk {
            self.disk = base;
            // The board it was made from is not kept: a save must not merge against the
            // wrong one, so it refuses a changed file instead.
            self.base = None;
        }
        self.board = Arc::new(*board);
        self.recovery.restart();
        self.undo.clear();
        self.redo.clear();
        self.clean = u64::MAX;
        self.board_changed();
        self.message = Some(Message::Restored);
        // This session's own file takes over before the ended session's goes.
        vec![Effect::WriteRecovery, Effect::DropRecovery(source)]
    }
}
