//! Changes to the board, each undoable, and the progress trail they leave (留痕).

use super::{trail, App, Effect, Message};
use crate::model::{Board, Extra, Progress, Stamp, Task};
use std::sync::Arc;

/// Whether a task enters the board or leaves it, for counts that follow edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// Put in (inserted, or the new version of a changed task).
    Added,
    /// Taken away (removed, or the old version of a changed task).
    Removed,
}

/// One change to the board, holding what is needed to undo it.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A task changed.
    Replace {
        /// Its index.
        index: usize,
        /// Before.
        before: Box<Task>,
        /// After.
        after: Box<Task>,
    },
    /// A task was added.
    Insert {
        /// Its index.
        index: usize,
        /// The task.
        task: Box<Task>,
    },
    /// A task was removed.
    Remove {
        /// Its former index.
        index: usize,
        /// The task.
        task: Box<Task>,
    },
    /// Several changes made as one, so that one undo takes them all back.
    Group(Vec<Edit>),
    /// An entry added at the end of the board's log.
    Log(Box<Progress>),
    /// That entry taken off again: the undoing of [`Edit::Log`].
    Unlog(Box<Progress>),
}

impl Edit {
    fn inverse(&self) -> Edit {
        match self.clone() {
            Edit::Replace {
                index,
                before,
                after,
            } => Edit::Replace {
                index,
                before: after,
                after: before,
            },
            Edit::Insert { index, task } => Edit::Remove { index, task },
            Edit::Remove { index, task } => Edit::Insert { index, task },
            Edit::Group(edits) => Edit::Group(edits.iter().rev().map(Edit::inverse).collect()),
            Edit::Log(entry) => Edit::Unlog(entry),
            Edit::Unlog(entry) => Edit::Log(entry),
        }
    }

    /// The ids of the tasks the edit touches.
    fn touched<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Edit::Replace { before, after, .. } => out.extend([&*before.id, &*after.id]),
            Edit::Insert { task, .. } | Edit::Remove { task, .. } => out.push(&task.id),
            Edit::Group(edits) => edits.iter().for_each(|e| e.touched(out)),
            Edit::Log(_) | Edit::Unlog(_) => {}
        }
    }

    /// The tasks the edit takes away and puts in, for counts that follow it.
    pub(super) fn tasks_changed(&self) -> Vec<(&Task, Count)> {
        let mut out = Vec::new();
        self.collect_changed(&mut out);
        out
    }

    fn collect_changed<'a>(&'a self, out: &mut Vec<(&'a Task, Count)>) {
        match self {
            Edit::Replace { before, after, .. } => {
                out.push((before, Count::Removed));
                out.push((after, Count::Added));
            }
            Edit::Insert { task, .. } => out.push((task, Count::Added)),
            Edit::Remove { task, .. } => out.push((task, Count::Removed)),
            Edit::Group(edits) => edits.iter().for_each(|e| e.collect_changed(out)),
            Edit::Log(_) | Edit::Unlog(_) => {}
        }
    }

    /// Whether the edit takes any task off the board.
    fn removes_tasks(&self) -> bool {
        match self {
            Edit::Remove { .. } => true,
            Edit::Group(edits) => edits.iter().any(Edit::removes_tasks),
            Edit::Replace { .. } | Edit::Insert { .. } | Edit::Log(_) | Edit::Unlog(_) => false,
        }
    }

    /// The task index to select after the edit is applied, if it still exists.
    fn focus(&self) -> Option<usize> {
        match self {
            Edit::Replace { index, .. } | Edit::Insert { index, .. } => Some(*index),
            Edit::Group(edits) => edits.iter().find_map(Edit::focus),
            Edit::Remove { .. } | Edit::Log(_) | Edit::Unlog(_) => None,
        }
    }

    fn apply_to(&self, board: &mut Board) {
        match self {
            Edit::Replace { index, after, .. } => board.tasks[*index] = (**after).clone(),
            Edit::Insert { index, task } => board.tasks.insert(*index, (**task).clone()),
            Edit::Remove { index, .. } => {
                board.tasks.remove(*index);
            }
            Edit::Group(edits) => edits.iter().for_each(|e| e.apply_to(board)),
            Edit::Log(entry) => board.log.push((**entry).clone()),
            Edit::Unlog(entry) => {
                // Undo goes newest first, so this is the last entry; searching from the end only
                // guards against a log changed under the history.
                if let Some(i) = board.log.iter().rposition(|e| e == &**entry) {
                    board.log.remove(i);
                }
            }
        }
    }
}

impl App {
    /// A progress entry by the current user, now.
    pub fn entry(&self, note: String) -> Progress {
        self.entry_at(Stamp::from_datetime(self.now), note)
    }

    /// A progress entry by the current user at `at`: a batch formats its moment once.
    pub(super) fn entry_at(&self, at: Stamp, note: String) -> Progress {
        Progress {
            at,
            by: self.opts.user.as_str().into(),
            note,
            extra: Extra::new(),
        }
    }

    /// Applies `edit` to the board and brings the counts and marks along, without going over
    /// every task of a large board again.
    fn apply_edit(&mut self, edit: &Edit) {
        edit.apply_to(Arc::make_mut(&mut self.board));
        edit.changes(&mut self.recovery.changes);
        let changed = edit.tasks_changed();
        // No edit changes a task's id: marks and the widest id go stale only when tasks go.
        if edit.removes_tasks() {
            self.prune_marks();
            self.measure_ids();
        } else {
            self.widen_ids(&changed);
        }
        self.counts.follow(&self.board, &changed);
        debug_assert_eq!(self.counts, super::Counts::of(&self.board));
        debug_assert_eq!(self.list.id_width, super::list::widest_id(&self.board));
    }

    /// Shows the result of an edit already applied: reselects the task and recomputes columns.
    fn after_edit(&mut self, focus: Option<usize>) -> Vec<Effect> {
        self.netted = self.nets_out();
        self.refresh();
        if let Some(i) = focus {
            if let Some(t) = self.board.tasks.get(i) {
                if let Some(p) = self
                    .board
                    .phase_index(&t.phase)
                    .filter(|_| self.view == super::View::Kanban)
                {
                    if p != self.phase {
                        self.phase = p;
                        self.refresh();
                    }
                }
                self.select_task(i);
            }
        }
        vec![if self.dirty() {
            Effect::WriteRecovery
        } else {
            Effect::RemoveRecovery
        }]
    }

    /// Applies a new change: recorded for undo, redo cleared.
    pub fn apply(&mut self, edit: Edit) -> Vec<Effect> {
        self.apply_edit(&edit);
        self.serial += 1;
        let focus = edit.focus();
        self.undo.push((self.serial, edit));
        self.redo.clear();
        self.after_edit(focus)
    }

    /// Undoes the newest change.
    pub fn undo(&mut self) -> Vec<Effect> {
        let Some((serial, edit)) = self.undo.pop() else {
            self.message = Some(Message::NothingToUndo);
            return Vec::new();
        };
        let inv = edit.inverse();
        self.apply_edit(&inv);
        self.redo.push((serial, edit));
        self.message = Some(Message::Undone);
        self.after_edit(inv.focus())
    }

    /// Redoes the newest undone change.
    pub fn redo(&mut self) -> Vec<Effect> {
        let Some((serial, edit)) = self.redo.pop() else {
            self.message = Some(Message::NothingToRedo);
            return Vec::new();
        };
        self.apply_edit(&edit);
        let focus = edit.focus();
        self.undo.push((serial, edit));
        self.message = Some(Message::Redone);
        self.after_edit(focus)
    }

    /// Replaces task `index` with `after` as one undoable change.
    pub fn replace_task(&mut self, index: usize, after: Task) -> Vec<Effect> {
        let before = Box::new(self.board.tasks[index].clone());
        self.apply(Edit::Replace {
            index,
            before,
            after: Box::new(after),
        })
    }

    /// Moves the selected card `step` statuses along, logging the change.
    pub fn move_selected(&mut self, forward: bool) -> Vec<Effect> {
        let Some(i) = self.selected() else {
            return Vec::new();
        };
        let task = &self.board.tasks[i];
        let Some(s) = self.board.status_index(&task.status) else {
            return Vec::new();
        };
        let to = if forward { s + 1 } else { s.wrapping_sub(1) };
        let Some(target) = self.board.statuses.get(to) else {
            self.message = Some(Message::AtEnd(forward));
            return Vec::new();
        };
        let mut after = task.clone();
        after.status = target.id.as_str().into();
        self.message = Some(Message::Moved {
            id: after.id.to_string(),
            to: target.name.clone(),
        });
        self.replace_traced(i, after).unwrap_or_default()
    }

    /// Replaces task `index` with `after` plus a progress entry saying `note`, as one change.
    pub fn replace_logged(&mut self, index: usize, mut after: Task, note: String) -> Vec<Effect> {
        after.progress.push(self.entry(note));
        self.replace_task(index, after)
    }

    /// Replaces task `index` with `after` plus one progress entry naming every field that changed,
    /// old and new, as one change; `None` (and no change) when no field changed.
    pub fn replace_traced(&mut self, index: usize, after: Task) -> Option<Vec<Effect>> {
        let note = trail::change_note(&self.board, &self.board.tasks[index], &after)?;
        Some(self.replace_logged(index, after, note))
    }

    /// Adds `task` at the end, its first progress entry saying what it was created with.
    pub fn insert_logged(&mut self, mut task: Task) -> Vec<Effect> {
        let note = trail::creation_note(&self.board, &task);
        task.progress.push(self.entry(note));
        let index = self.board.tasks.len();
        self.apply(Edit::Insert {
            index,
            task: Box::new(task),
        })
    }

    /// Removes task `index` and records it in the board's log, as one change: the task's own
    /// trail goes with it, so the board keeps the line that says who deleted what. A task the
    /// file never had (created since it was read or saved) leaves no line: there is nothing in
    /// the file to account for, and creating and deleting it nets out.
    pub fn remove_logged(&mut self, index: usize) -> Vec<Effect> {
        let task = self.board.tasks[index].clone();
        let on_disk = self
            .base
            .as_deref()
            .is_none_or(|b| b.tasks.iter().any(|t| t.id == task.id));
        let remove = Edit::Remove {
            index,
            task: Box::new(task.clone()),
        };
        if !on_disk {
            return self.apply(remove);
        }
        let entry = self.entry(trail::deletion_note(&self.board, &task));
        self.apply(Edit::Group(vec![remove, Edit::Log(Box::new(entry))]))
    }

    /// Whether the changes since the last save net out: the board as it was read or saved,
    /// every task they touched back as it was and in its place, the log as it was.
    pub(super) fn nets_out(&self) -> bool {
        let Some(base) = self.base.as_deref() else {
            return false;
        };
        let since = match self.clean {
            0 => &self.undo[..],
            // A merge or a restore changed the board outside the history.
            u64::MAX => return false,
            clean => match self.undo.iter().position(|(s, _)| *s == clean) {
                Some(p) => &self.undo[p + 1..],
                // Undone past the save: the board is not what was saved.
                None => return false,
            },
        };
        if self.board.tasks.len() != base.tasks.len() || self.board.log != base.log {
            return false;
        }
        let mut ids = Vec::new();
        since.iter().for_each(|(_, e)| e.touched(&mut ids));
        let place = |b: &Board, id: &str| b.tasks.iter().position(|t| t.id == id);
        ids.iter().all(|id| {
            let (mine, theirs) = (place(&self.board, id), place(base, id));
            mine == theirs && mine.is_none_or(|i| self.board.tasks[i] == base.tasks[i])
        })
    }
}
