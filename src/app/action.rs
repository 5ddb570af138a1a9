//! What can happen to the app (actions) and what the app asks the outside world to do (effects).

use crate::store::DiskStamp;
use std::path::PathBuf;

/// A key for the text input of a popup or prompt, independent of the terminal library.
///
/// Typing and moving the caret are the text input's own; a key the current mode binds in the
/// key table (Enter, Esc, Tab, Up …) is looked up there and runs its action instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// A printable character.
    Char(char),
    /// Delete before the caret.
    Backspace,
    /// Delete under the caret.
    Delete,
    /// Caret or selection left.
    Left,
    /// Caret or selection right.
    Right,
    /// Selection up.
    Up,
    /// Selection down.
    Down,
    /// Start of line.
    Home,
    /// End of line.
    End,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Confirm.
    Enter,
    /// Next field.
    Tab,
    /// Previous field.
    BackTab,
    /// Cancel.
    Esc,
    /// Erase to the start of the input (Ctrl-U).
    KillLine,
    /// Submit from anywhere in a form (Ctrl-S).
    Submit,
}

/// Everything the user or the outside world can do to the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Previous column.
    Left,
    /// Next column.
    Right,
    /// Previous card.
    Up,
    /// Next card.
    Down,
    /// A page of cards up.
    PageUp,
    /// A page of cards down.
    PageDown,
    /// First card of the column.
    First,
    /// Last card of the column.
    Last,
    /// Next phase tab.
    NextPhase,
    /// Previous phase tab.
    PrevPhase,
    /// Phase N (0-based).
    GotoPhase(usize),
    /// Move the selected card to the next status.
    MoveNext,
    /// Move the selected card to the previous status.
    MovePrev,
    /// Show every field of the selected task.
    Details,
    /// Edit the selected task in a form.
    Edit,
    /// New task in the current phase and column.
    New,
    /// Delete the selected task (asks first).
    Delete,
    /// Add a progress note.
    Note,
    /// Extend the deadline.
    Extend,
    /// Search as you type.
    Search,
    /// Filter by unit, light or category.
    Filter,
    /// Next view.
    NextView,
    /// Next row order of the by-unit table; the next sort column of the task list.
    Sort,
    /// Reverse the task list's order.
    Reverse,
    /// Mark or unmark the selected task for a batch change.
    Mark,
    /// Mark every task shown, or unmark them when all already are.
    MarkAll,
    /// One line per card on the kanban, or four.
    Compact,
    /// Set the date changes are counted from.
    Since,
    /// Issue reminder notices (催办单) and record them (asks first).
    Notices,
    /// Start presenting (read-only slides for the projector).
    Present,
    /// About a second has passed (presentation timing).
    Tick,
    /// The board file changed on disk and was read again (presentation follows it); the flag
    /// says whether the file has comments.
    BoardChanged(Box<crate::model::Board>, DiskStamp, bool),
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Save to the board file.
    Save,
    /// Show the keys.
    Help,
    /// Quit (asks when there are unsaved changes).
    Quit,
    /// Close the unit's task list, or clear the search and filters.
    Escape,
    /// Accept what the popup or prompt holds (a form, a note, a date, a filter).
    Accept,
    /// Close the popup or prompt without doing anything.
    Cancel,
    /// Close a popup that only shows something (details, help).
    Close,
    /// The next field of a form or prompt.
    NextField,
    /// The previous field.
    PrevField,
    /// Start a new line in a note.
    NewLine,
    /// Edit the text being typed (a note, a form's text field) in the user's editor.
    OpenEditor,
    /// The editor ended: the text it left in its file, or why there is none.
    TextEdited(Result<String, EditorFailure>),
    /// Choose or unchoose the highlighted entry of a list of several choices.
    Toggle,
    /// Yes to a question.
    Yes,
    /// No to a question.
    No,
    /// Save, then quit.
    SaveAndQuit,
    /// Quit, discarding the unsaved changes.
    QuitDiscarding,
    /// Save under another name (the file changed on disk).
    SaveElsewhere,
    /// Read the file again, keeping a copy of the unsaved board.
    Reload,
    /// Restore the unsaved changes of a recovery file.
    Restore,
    /// Discard a recovery file.
    DiscardRecovery,
    /// In a clash, keep my value.
    KeepMine,
    /// In a clash, take their value.
    TakeTheirs,
    /// In a clash, take their value and edit the task.
    EditTheirs,
    /// The next page or slide of the presentation.
    NextSlide,
    /// The previous page or slide.
    PrevSlide,
    /// Pause or resume the presentation.
    Pause,
    /// Leave the presentation.
    Leave,
    /// Open the chosen board (picker, roll-up).
    Open,
    /// Read every source again (roll-up).
    Refresh,
    /// A key for the open text input (typing, moving the caret).
    Input(Key),
    /// What the last frame drew, for paging and scrolling.
    Layout(super::Layout),
    /// Pasted text.
    Paste(String),
    /// The terminal's size changed.
    Resize(u16, u16),
    /// A save to this path finished.
    Saved(PathBuf, Result<SaveDone, SaveFailure>),
    /// The board was reloaded from disk (with or without comments); the unsaved version was kept
    /// at this path.
    Reloaded(Box<crate::model::Board>, DiskStamp, bool, PathBuf),
}

/// A save that happened.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveDone {
    /// What the file holds now.
    pub stamp: DiskStamp,
    /// When others' changes were merged in: the board now on disk, and how many tasks they changed.
    pub merged: Option<(Box<crate::model::Board>, usize)>,
}

/// Why a save failed, as far as the app needs to know.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveFailure {
    /// The file changed on disk since it was loaded, and what it was based on is unknown.
    Conflict,
    /// Someone else changed the same fields differently: ask, then save again.
    Clashes(Box<super::ClashAsk>),
    /// The change can only be written by rewriting the file, which drops its comments: ask.
    WouldDropComments,
    /// Any other failure, with its message.
    Other(String),
}

/// Why text could not be edited in the user's editor; the text is then left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorFailure {
    /// The editor could not be started (no such program, not executable).
    NotStarted {
        /// The command, as `$VISUAL` or `$EDITOR` gave it.
        command: String,
        /// Why not, as the system says.
        error: String,
    },
    /// The editor ended with a failure status, or was killed by a signal (`None`).
    Failed {
        /// The command.
        command: String,
        /// Its exit status.
        status: Option<i32>,
    },
    /// The temporary file could not be made or read back, as the system says.
    File(String),
}

/// Work the app asks the event loop to do; the loop reports back with actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the board to `path`, refusing if the file is not `expected`.
    Save {
        /// Where.
        path: PathBuf,
        /// What the file must still hold (None: write regardless of its content).
        expected: Option<DiskStamp>,
        /// Refuse if the file exists (saving under a new name).
        new_file: bool,
    },
    /// Write the unsaved board to the recovery file.
    WriteRecovery,
    /// Remove the session's recovery file (changes saved or deliberately discarded).
    RemoveRecovery,
    /// Remove a recovery file an ended session left (restored into this one, or discarded).
    DropRecovery(PathBuf),
    /// Reload the board from disk, keeping a copy of the unsaved board beside it.
    ReloadKeepingCopy,
    /// Write files (reminder notices) into a folder, creating it.
    WriteFiles {
        /// The folder.
        dir: PathBuf,
        /// File names and contents.
        files: Vec<(String, Vec<u8>)>,
    },
    /// Let the user edit `text` in their editor, the terminal handed over meanwhile; the loop
    /// reports back with [`Action::TextEdited`].
    EditText {
        /// The text the editor starts with.
        text: String,
    },
    /// Leave the program.
    Quit,
}
