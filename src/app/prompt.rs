//! Prompts: a progress note (of several lines), the date changes are counted from, a file name
//! to save under. Each is a text input with accept and cancel.

use super::popup::Reply;
use super::requests::Request;
use super::{Action, App, Key, LineEdit};

/// A progress note being typed for a task.
#[derive(Debug, Clone, PartialEq)]
pub struct NotePrompt {
    /// Task index.
    pub task: usize,
    /// The note.
    pub input: LineEdit,
    /// Every task the note is for, when marked tasks get it at once (empty: `task` alone).
    pub batch: Vec<usize>,
}

impl NotePrompt {
    /// Runs an action of the note mode; an empty note is not taken.
    pub(super) fn handle(&mut self, action: &Action) -> Reply {
        match action {
            Action::Accept => {
                let note = self.input.text().trim().to_string();
                if note.is_empty() {
                    return Reply::Stay;
                }
                if !self.batch.is_empty() {
                    return Reply::Then(Request::NoteAll {
                        tasks: self.batch.clone(),
                        note,
                    });
                }
                Reply::Then(Request::Note {
                    task: self.task,
                    note,
                })
            }
            Action::NewLine => {
                self.input.newline();
                Reply::Stay
            }
            Action::Up => {
                self.input.up();
                Reply::Stay
            }
            Action::Down => {
                self.input.down();
                Reply::Stay
            }
            Action::OpenEditor => Reply::Edit(self.input.text()),
            Action::Cancel => Reply::Close,
            _ => Reply::Stay,
        }
    }
}

/// Why the date typed for "changes since" is not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SinceError {
    /// Not a date.
    Format,
    /// After today.
    Future,
}

/// The date changes are counted from, being typed.
#[derive(Debug, Clone, PartialEq)]
pub struct SincePrompt {
    /// The date.
    pub input: LineEdit,
    /// Why it cannot be taken yet.
    pub error: Option<SinceError>,
}

impl SincePrompt {
    /// Runs an action of the since mode.
    pub(super) fn handle(&mut self, action: &Action, app: &App) -> Reply {
        match action {
            Action::Accept => match crate::store::parse_date(self.input.text().trim()) {
                Some(d) if d <= app.opts.today => Reply::Then(Request::Since(d)),
                Some(_) => {
                    self.error = Some(SinceError::Future);
                    Reply::Stay
                }
                None => {
                    self.error = Some(SinceError::Format);
                    Reply::Stay
                }
            },
            Action::Cancel => Reply::Close,
            _ => Reply::Stay,
        }
    }

    /// Types a key; the error goes once the text changes.
    pub(super) fn edit(&mut self, key: &Key) {
        if self.input.edit(key) {
            self.error = None;
        }
    }
}

/// A file name for saving a copy beside the board.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveAsPrompt {
    /// The name.
    pub input: LineEdit,
}

impl SaveAsPrompt {
    /// Runs an action of the save-as mode; an empty name is not taken.
    pub(super) fn handle(&mut self, action: &Action) -> Reply {
        match action {
            Action::Accept => {
                let name = self.input.text().trim().to_string();
                if name.is_empty() {
                    return Reply::Stay;
                }
                Reply::Then(Request::SaveAs(name))
            }
            Action::Cancel => Reply::Close,
            _ => Reply::Stay,
        }
    }
}
