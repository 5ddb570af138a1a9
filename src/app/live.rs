//! A colleague's save arriving while the board is open: taken in, merged into my unsaved work.

use super::{App, Effect, Message};
use crate::model::merge::merge;
use crate::model::Board;
use crate::store::DiskStamp;
use std::sync::Arc;

/// How many tasks `theirs` changed since `base`, and who made the newest change among them.
fn summary(base: &Board, theirs: &Board) -> (usize, Option<String>) {
    let mut changed = 0;
    let mut newest: Option<&crate::model::Progress> = None;
    for t in &theirs.tasks {
        let before = base.tasks.iter().find(|b| b.id == t.id);
        if before == Some(t) {
            continue;
        }
        changed += 1;
        for p in &t.progress {
            let new = before.is_none_or(|b| !b.progress.contains(p));
            if new && newest.is_none_or(|n| n.at.time < p.at.time) {
                newest = Some(p);
            }
        }
    }
    changed += base
        .tasks
        .iter()
        .filter(|b| !theirs.tasks.iter().any(|t| t.id == b.id))
        .count();
    (changed, newest.map(|p| p.by.to_string()))
}

impl App {
    /// Takes in the board someone else saved: as it is when nothing is unsaved here, merged with
    /// my changes otherwise. A clash waits for my next save, which asks about it.
    pub(super) fn board_saved_elsewhere(
        &mut self,
        theirs: Board,
        disk: DiskStamp,
        has_comments: bool,
    ) -> Vec<Effect> {
        let (n, who) = self
            .base
            .as_deref()
            .map_or((0, None), |b| summary(b, &theirs));
        if !self.dirty() {
            self.replace_board(theirs, disk, has_comments);
            self.message = Some(Message::OthersSaved { who, tasks: n });
            return Vec::new();
        }
        let Some(base) = self.base.clone() else {
            self.message = Some(Message::OthersUnknownBase);
            return Vec::new();
        };
        let merged = merge(&base, &self.board, &theirs);
        if !merged.clashes.is_empty() {
            self.message = Some(Message::OthersClash {
                who,
                clashes: merged.clashes.len(),
            });
            return Vec::new();
        }
        self.board = Arc::new(merged.board);
        self.recovery.restart();
        self.base = Some(Arc::new(theirs));
        self.disk = Some(disk);
        self.has_comments = has_comments && self.has_comments;
        // Task positions may have moved under the undo history.
        self.undo.clear();
        self.redo.clear();
        self.clean = u64::MAX;
        self.board_changed();
        self.message = Some(Message::OthersMerged { who, tasks: n });
        vec![Effect::WriteRecovery]
    }
}
