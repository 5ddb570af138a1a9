//! Saving when a colleague changed the same fields: one question per clash, then save again.

use super::popup::Popup;
use super::{App, Effect, Key};
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

/// What the user answers to one clash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    Mine,
    Theirs,
    /// Start from their value and edit the task before saving.
    Edit,
    Cancel,
}

fn answer(key: &Key) -> Option<Answer> {
    match key {
        Key::Char('m') | Key::Char('M') => Some(Answer::Mine),
        Key::Char('t') | Key::Char('T') => Some(Answer::Theirs),
        Key::Char('e') | Key::Char('E') => Some(Answer::Edit),
        Key::Esc => Some(Answer::Cancel),
        _ => None,
    }
}

impl App {
    /// Asks about the clashes of a save; nothing is written until every one is answered.
    pub(super) fn ask_clashes(&mut self, ask: ClashAsk) {
        self.quit_after_save = self.quit_after_save && ask.merged.clashes.is_empty();
        self.popup = Some(Popup::Clash(Box::new(ask)));
    }

    pub(super) fn clash_key(&mut self, mut ask: ClashAsk, key: Key) -> Vec<Effect> {
        let Some(a) = answer(&key) else {
            self.popup = Some(Popup::Clash(Box::new(ask)));
            return Vec::new();
        };
        match a {
            Answer::Cancel => {
                self.say(
                    "未保存：冲突尚未处理，你的修改仍在（再按 s 保存）",
                    "not saved: the clashes are unanswered; your changes are kept (s to save)",
                );
                return Vec::new();
            }
            Answer::Theirs | Answer::Edit => {
                if let Some(c) = ask.merged.clashes.get(ask.at).cloned() {
                    c.take_theirs(&mut ask.merged.board);
                    if let (Answer::Edit, None, Clash::Task { id, .. }) = (a, &ask.edit, &c) {
                        ask.edit = Some(id.clone());
                    }
                }
            }
            Answer::Mine => {}
        }
        ask.at += 1;
        if ask.at < ask.merged.clashes.len() {
            self.popup = Some(Popup::Clash(Box::new(ask)));
            return Vec::new();
        }
        // Every clash answered: the merged board is my work on top of theirs; save it over theirs.
        self.board = ask.merged.board;
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
        self.say(
            "已采用他人的值，修改后按 Enter 确定，再按 s 保存",
            "their value is in the form: edit it, press Enter, then s to save",
        );
        Vec::new()
    }
}
