//! Marks, and the changes made to every marked task at once after a meeting: move, extend, note.
//!
//! A batch is one undo step (an [`Edit::Group`]), yet each task gets its own progress entry, as
//! if it had been changed alone, because the trail (留痕) is read task by task. Tasks that cannot
//! take the change are skipped and counted by reason for the footer.

use super::edit::Edit;
use super::{trail, App, Effect, Message, View};
use crate::model::{Board, Short, Task};
use chrono::NaiveDate;
use std::collections::HashSet;

/// Why a marked task was left out of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skip {
    /// Already in the last (true) or first status.
    AtEnd(bool),
    /// Done: a done task is not extended.
    Done,
    /// No deadline to extend.
    NoDeadline,
    /// The new date is not after its deadline.
    NotLater,
}

/// What a batch did to each task it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Batch {
    /// Moved one status forward (true) or back.
    Moved(bool),
    /// Extended to this date.
    Extended(NaiveDate),
    /// Got a progress note.
    Noted,
}

/// How many tasks were skipped for each reason, reasons in a fixed order.
fn tally(skips: &[Skip]) -> Vec<(Skip, usize)> {
    let mut out: Vec<(Skip, usize)> = Vec::new();
    let mut sorted = skips.to_vec();
    sorted.sort();
    for s in sorted {
        match out.last_mut() {
            Some((last, n)) if *last == s => *n += 1,
            _ => out.push((s, 1)),
        }
    }
    out
}

/// Task `task` extended to `to` for `reason`, or why it cannot be.
pub(super) fn extend_one(
    board: &Board,
    task: &Task,
    to: NaiveDate,
    reason: &str,
) -> Result<Task, Skip> {
    if board.is_done_status(&task.status) {
        return Err(Skip::Done);
    }
    let Some(now) = task.effective_deadline() else {
        return Err(Skip::NoDeadline);
    };
    if now == to || task.deadline.is_some_and(|d| to <= d) {
        return Err(Skip::NotLater);
    }
    Ok(super::extend::extended(task, to, reason.to_string()))
}

impl App {
    /// Whether task `i` is marked.
    pub fn is_marked(&self, i: usize) -> bool {
        !self.marks.is_empty()
            && self
                .board
                .tasks
                .get(i)
                .is_some_and(|t| self.marks.contains(&t.id))
    }

    /// The marked tasks' indices, in file order.
    pub fn marked(&self) -> Vec<usize> {
        if self.marks.is_empty() {
            return Vec::new();
        }
        // Hashing the few marks and looking each task up once is far cheaper than the ordered
        // set's string comparisons for every task of a large board.
        let marks: foldhash::HashSet<&str> = self.marks.iter().map(Short::as_str).collect();
        let b = &self.board;
        let mut found = Vec::with_capacity(marks.len());
        for (i, t) in b.tasks.iter().enumerate() {
            if marks.contains(t.id.as_str()) {
                found.push(i);
                // Ids are unique: once every mark is found, the rest of a large board is not read.
                if found.len() == marks.len() {
                    break;
                }
            }
        }
        found
    }

    /// Forgets marks of tasks that no longer exist (deleted, or undone creations).
    pub(super) fn prune_marks(&mut self) {
        if self.marks.is_empty() {
            return;
        }
        let found = self.marked();
        if found.len() == self.marks.len() {
            return;
        }
        let ids: HashSet<&str> = found
            .iter()
            .map(|&i| self.board.tasks[i].id.as_str())
            .collect();
        self.marks.retain(|id| ids.contains(id.as_str()));
    }

    /// The tasks the view shows: the phase's cards, or the list.
    fn visible(&self) -> Vec<usize> {
        match self.view {
            View::Kanban => self.columns.concat(),
            View::List => self.list.tasks.clone(),
            View::Units => self.units.tasks.clone(),
            View::Overview => Vec::new(),
        }
    }

    /// Marks or unmarks the selected task, then selects the next, so that a run of tasks is
    /// marked by pressing the key again and again.
    pub(super) fn toggle_mark(&mut self) {
        let Some(i) = self.selected() else {
            self.message = Some(Message::NoTaskSelected);
            return;
        };
        let id = self.board.tasks[i].id.clone();
        if !self.marks.remove(&id) {
            self.marks.insert(id);
        }
        match self.view {
            View::List => {
                self.list.row = (self.list.row + 1).min(self.list.tasks.len().saturating_sub(1))
            }
            View::Kanban => {
                let n = self.columns.get(self.col).map_or(0, Vec::len);
                if let Some(r) = self.rows.get_mut(self.col) {
                    *r = (*r + 1).min(n.saturating_sub(1));
                }
            }
            View::Units | View::Overview => {}
        }
        self.message = Some(Message::Marked(self.marks.len()));
    }

    /// Marks every task shown; when all of them already are, unmarks them.
    pub(super) fn mark_all(&mut self) {
        let shown = self.visible();
        let ids: Vec<Short> = shown
            .iter()
            .map(|&i| self.board.tasks[i].id.clone())
            .collect();
        if !ids.is_empty() && ids.iter().all(|id| self.marks.contains(id)) {
            ids.iter().for_each(|id| {
                self.marks.remove(id);
            });
        } else {
            self.marks.extend(ids);
        }
        self.message = Some(Message::Marked(self.marks.len()));
    }

    /// Applies a batch: each task replaced and given its own progress entry (its note, or the
    /// trail of what changed), all as one undoable change; the footer says what was done and
    /// what was skipped.
    pub(super) fn apply_batch(
        &mut self,
        changes: Vec<(usize, Task)>,
        note: Option<&str>,
        what: Batch,
        skipped: &[Skip],
    ) -> Vec<Effect> {
        let mut edits = Vec::new();
        let at = crate::model::Stamp::from_datetime(self.now);
        for (index, mut after) in changes {
            let before = &self.board.tasks[index];
            let text = match note {
                Some(n) => n.to_string(),
                None => match trail::change_note(&self.board, before, &after) {
                    Some(t) => t,
                    None => continue,
                },
            };
            after.progress.push(self.entry_at(at.clone(), text));
            edits.push(Edit::Replace {
                index,
                before: Box::new(before.clone()),
                after: Box::new(after),
            });
        }
        self.message = Some(Message::Batch {
            done: edits.len(),
            what,
            skipped: tally(skipped),
        });
        if edits.is_empty() {
            return Vec::new();
        }
        self.apply(Edit::Group(edits))
    }

    /// Moves every marked task one status along.
    pub(super) fn move_marked(&mut self, forward: bool) -> Vec<Effect> {
        let mut changes = Vec::new();
        let mut skipped = Vec::new();
        for i in self.marked() {
            let t = &self.board.tasks[i];
            let s = self.board.status_index(&t.status);
            let to = s.and_then(|s| {
                if forward {
                    s.checked_add(1)
                } else {
                    s.checked_sub(1)
                }
            });
            match to.and_then(|to| self.board.statuses.get(to)) {
                Some(target) => {
                    let mut after = t.clone();
                    after.status = target.id.as_str().into();
                    changes.push((i, after));
                }
                None => skipped.push(Skip::AtEnd(forward)),
            }
        }
        self.apply_batch(changes, None, Batch::Moved(forward), &skipped)
    }

    /// Extends every task of `tasks` that can be to `to`, for `reason`.
    pub(super) fn extend_all(
        &mut self,
        tasks: &[usize],
        to: NaiveDate,
        reason: &str,
    ) -> Vec<Effect> {
        let (changes, skipped) = extensions(&self.board, tasks, to, reason);
        self.apply_batch(changes, None, Batch::Extended(to), &skipped)
    }

    /// Adds the same progress note to every task of `tasks`.
    pub(super) fn note_all(&mut self, tasks: &[usize], note: &str) -> Vec<Effect> {
        let changes = tasks
            .iter()
            .map(|&i| (i, self.board.tasks[i].clone()))
            .collect();
        self.apply_batch(changes, Some(note), Batch::Noted, &[])
    }
}

/// The extensions of `tasks` to `to`, and the reasons of those that cannot take it.
pub(super) fn extensions(
    board: &Board,
    tasks: &[usize],
    to: NaiveDate,
    reason: &str,
) -> (Vec<(usize, Task)>, Vec<Skip>) {
    let mut changes = Vec::new();
    let mut skipped = Vec::new();
    for &i in tasks {
        match extend_one(board, &board.tasks[i], to, reason) {
            Ok(t) => changes.push((i, t)),
            Err(s) => skipped.push(s),
        }
    }
    (changes, skipped)
}
