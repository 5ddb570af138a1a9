//! Saving when a colleague changed the same fields: one question per clash, then save again.

use super::popup::{Popup, Reply};
use super::requests::Request;
use super::{Action, App, Effect, Message};
use crate::model::merge::{Clash, Merged};
use crate::model::Board;
use crate::store::DiskStamp;
use std::sync::Arc;

/// A save that met clashes: the merge so far, their board and its stamp, and the next question.
#[derive(Debug, Clone, PartialEq)]
pub struct ClashAsk {
    /// Their board with my changes replayed; clashes hold my value until answered.
    pub merged: Merged,
    /// The board on disk the clashes were found against.
    pub theirs: Board,
    /// Its stamp: the next save expects it.
    pub stamp: DiskStamp,
    /// Index of the clash being asked.
    pub at: usize,
    /// The first task answered with "edit": its form opens once every clash is answered.
    pub edit: Option<String>,
}

impl ClashAsk {
    /// The clash being asked.
    pub fn current(&self) -> Option<&Clash> {
        self.merged.clashes.get(self.at)
    }
}

impl ClashAsk {
    /// Runs an answer to the clash asked; the last answer hands the merge to the app.
    pub(super) fn handle(&mut self, action: &Action) -> Reply {
        let edit = match action {
            Action::KeepMine | Action::TakeTheirs => false,
            Action::EditTheirs => true,
            Action::Cancel => return Reply::Then(Request::ClashesLeft),
            _ => return Reply::Stay,
        };
        if *action != Action::KeepMine {
            if let Some(c) = self.merged.clashes.get(self.at).cloned() {
                c.take_theirs(&mut self.merged.board);
                if let (true, None, Clash::Task { id, .. }) = (edit, &self.edit, &c) {
                    self.edit = Some(id.clone());
                }
            }
        }
        self.at += 1;
        if self.at < self.merged.clashes.len() {
            Reply::Stay
        } else {
            Reply::Then(Request::ClashesDone)
        }
    }
}

impl App {
    /// Asks about the clashes of a save; nothing is written until every one is answered.
    pub(super) fn ask_clashes(&mut self, ask: ClashAsk) {
        self.quit_after_save = self.quit_after_save && ask.merged.clashes.is_empty();
        self.popup = Some(Popup::Clash(Box::new(ask)));
    }

    /// Every clash answered: the merged board is my work on top of theirs; it is saved over
    /// theirs, or first edited when a clash was answered with "edit".
    pub(super) fn clashes_done(&mut self, ask: ClashAsk) -> Vec<Effect> {
        self.board = Arc::new(ask.merged.board);
        self.recovery.restart();
        self.base = Some(Arc::new(ask.theirs));
        self.disk = Some(ask.stamp);
        self.undo.clear();
        self.redo.clear();
        self.clean = u64::MAX;
        self.board_changed();
        let Some(i) = ask.edit.and_then(|id| self.board.task_index(&id)) else {
            return self.save_then(self.quit_after_save);
        };
        // Their value is in the form to start from; the save comes after the edit, on `s`.
        self.quit_after_save = false;
        self.select_task(i);
        self.popup = Some(Popup::Form(Box::new(super::Form::new(
            &self.board,
            Some(i),
            self.phase,
            String::new(),
        ))));
        self.message = Some(Message::EditFromTheirs);
        Vec::new()
    }
}
