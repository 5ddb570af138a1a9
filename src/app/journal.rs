//! What the recovery file still lacks: the changes made since it was last written, or the whole
//! board when it changed wholesale (a merge, a restore, a reload).

use super::Edit;
use crate::model::Change;

/// The recovery file's state, as far as the app knows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Unwritten {
    /// Changes applied since the last write, oldest first.
    pub changes: Vec<Change>,
    /// The next write must start the file afresh from the whole board.
    pub whole: bool,
    /// Why the last write failed; shown until a write succeeds.
    pub error: Option<String>,
}

impl Unwritten {
    /// A file must be started from the whole board at the next write.
    pub fn restart(&mut self) {
        self.changes.clear();
        self.whole = true;
    }
}

impl Edit {
    /// The changes this edit makes, in order, as the journal records them.
    pub(super) fn changes(&self, out: &mut Vec<Change>) {
        match self {
            Edit::Replace { index, after, .. } => out.push(Change::Set(*index, (**after).clone())),
            Edit::Insert { index, task } => out.push(Change::Insert(*index, (**task).clone())),
            Edit::Remove { index, .. } => out.push(Change::Remove(*index)),
            Edit::Group(edits) => edits.iter().for_each(|e| e.changes(out)),
            Edit::Log(entry) => out.push(Change::Log((**entry).clone())),
            Edit::Unlog(_) => out.push(Change::Unlog),
        }
    }
}
