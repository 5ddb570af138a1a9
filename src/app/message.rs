//! What the footer says after an action: typed here, put into words (and the current keys) by
//! the ui, so the app builds no sentences.

use super::{Batch, ListColumn, Skip, UnitSort};
use chrono::NaiveDate;
use std::path::PathBuf;

/// A message for the footer.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Words made elsewhere: a store or file-system error, already in the interface language.
    Text(String),
    /// Editing is disabled (`--read-only`, or presenting).
    ReadOnly,
    /// Opened read-only because this user may not write the file.
    OpenedReadOnly,
    /// An action needs a selected task and there is none.
    NoTaskSelected,
    /// Saved to this path; `elsewhere` when it is a new file.
    Saved {
        /// Where.
        path: PathBuf,
        /// Saved under another name.
        elsewhere: bool,
    },
    /// Saved, with others' changes to this many tasks merged in.
    SavedMerged(usize),
    /// Reloaded from disk; the unsaved version is kept at this path.
    Reloaded(PathBuf),
    /// A card moved to the status named.
    Moved {
        /// The task's id.
        id: String,
        /// The new status's name.
        to: String,
    },
    /// A card cannot move further: in the last (true) or first column.
    AtEnd(bool),
    /// A task was created.
    Created(String),
    /// A task was changed in the form.
    Updated(String),
    /// The form was accepted without a change.
    Unchanged(String),
    /// A task was deleted.
    Deleted(String),
    /// A progress note was added.
    NoteAdded(String),
    /// A deadline was extended.
    Extended {
        /// The task's id.
        id: String,
        /// The new deadline.
        to: NaiveDate,
    },
    /// A change was undone.
    Undone,
    /// A change was redone.
    Redone,
    /// Nothing to undo.
    NothingToUndo,
    /// Nothing to redo.
    NothingToRedo,
    /// The by-unit table is now in this order.
    Sorted(UnitSort),
    /// The task list is now sorted by this column, descending when true.
    ListSorted(ListColumn, bool),
    /// This many tasks are marked now.
    Marked(usize),
    /// The marks were cleared.
    MarksCleared,
    /// A batch change was made to `done` marked tasks; the others were skipped, counted by
    /// reason.
    Batch {
        /// Tasks changed.
        done: usize,
        /// What was done to them.
        what: Batch,
        /// Tasks skipped, per reason.
        skipped: Vec<(Skip, usize)>,
    },
    /// The search and filters were cleared.
    FiltersCleared,
    /// No task of the phase passes the search and filters.
    NothingMatches,
    /// Changes are now counted from this date.
    SinceSet(NaiveDate),
    /// No unit has overdue or due-soon tasks to chase.
    NoOneToChase,
    /// Reminder notices were written into this folder.
    NoticesWritten {
        /// How many.
        count: usize,
        /// Where.
        dir: PathBuf,
    },
    /// Reminder notices could not be written.
    NoticesFailed {
        /// Where they were to go.
        dir: PathBuf,
        /// Why not.
        error: String,
    },
    /// The recovery file was discarded.
    RecoveryDiscarded,
    /// Unsaved changes were restored from a recovery file.
    Restored,
    /// An unreadable recovery file was moved to this path.
    RecoveryMovedAside(PathBuf),
    /// A save was left with clashes unanswered.
    ClashesUnanswered,
    /// Their value is in the form, to edit before saving.
    EditFromTheirs,
    /// Someone else saved the board, which was taken as it is.
    OthersSaved {
        /// Who, when the trail says.
        who: Option<String>,
        /// Tasks they changed.
        tasks: usize,
    },
    /// Someone else saved, and their changes were merged into my unsaved ones.
    OthersMerged {
        /// Who.
        who: Option<String>,
        /// Tasks they changed.
        tasks: usize,
    },
    /// Someone else saved changes that clash with my unsaved ones; asked at the next save.
    OthersClash {
        /// Who.
        who: Option<String>,
        /// How many clashes.
        clashes: usize,
    },
    /// The file was changed by someone else and cannot be merged until saving.
    OthersUnknownBase,
    /// The editor could not edit the text, which is left as it was.
    EditorFailed(super::EditorFailure),
    /// keys.toml could not be used: what is wrong, in words, the defaults being in force.
    Keys(String),
}
