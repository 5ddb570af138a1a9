//! Questions that need an answer: delete, issue notices, drop comments, quit with unsaved
//! changes, a conflict on save, a recovery file found.

use super::popup::{Popup, Reply};
use super::requests::Request;
use super::{Action, App, LineEdit, SaveAsPrompt};
use crate::keymap::Mode;
use crate::model::Board;
use crate::store::DiskStamp;
use std::path::PathBuf;

/// A question, and what it is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    /// Delete task N?
    Delete(usize),
    /// Issue reminder notices to these units (all units concerned when empty) and record them?
    Notices(Vec<String>),
    /// Quit with unsaved changes?
    Quit,
    /// Save although the file's comments will be dropped?
    DropComments,
    /// The file changed on disk: save as, reload, or cancel?
    Conflict,
    /// A recovery file (the path) holds unsaved changes made on top of the file content given:
    /// restore them?
    Restore(Box<Board>, Option<DiskStamp>, PathBuf),
}

impl Confirm {
    /// The mode keys are read in: the yes-or-no questions share one, the others have their own
    /// answers.
    pub fn mode(&self) -> Mode {
        match self {
            Confirm::Quit => Mode::Quit,
            Confirm::Conflict => Mode::Conflict,
            Confirm::Restore(..) => Mode::Restore,
            Confirm::Delete(_) | Confirm::Notices(_) | Confirm::DropComments => Mode::Confirm,
        }
    }

    /// Runs an answer.
    pub(super) fn handle(&mut self, action: &Action, app: &App) -> Reply {
        match (&*self, action) {
            (Confirm::Delete(i), Action::Yes) => Reply::Then(Request::Delete(*i)),
            (Confirm::Notices(units), Action::Yes) => Reply::Then(Request::Notices(units.clone())),
            (Confirm::DropComments, Action::Yes) => Reply::Then(Request::SaveDroppingComments),
            (Confirm::Quit, Action::SaveAndQuit) => Reply::Then(Request::SaveThenQuit),
            (Confirm::Quit, Action::QuitDiscarding) => Reply::Then(Request::QuitDiscarding),
            (Confirm::Conflict, Action::SaveElsewhere) => {
                Reply::Swap(Popup::SaveAs(SaveAsPrompt {
                    input: LineEdit::new(&copy_name(app)),
                }))
            }
            (Confirm::Conflict, Action::Reload) => Reply::Then(Request::Reload),
            (Confirm::Restore(..), Action::Restore) => Reply::Then(Request::Restore),
            (Confirm::Restore(..), Action::DiscardRecovery) => {
                Reply::Then(Request::DiscardRecovery)
            }
            (_, Action::No | Action::Cancel) => Reply::Close,
            _ => Reply::Stay,
        }
    }
}

/// A name to save my version under when the file changed: the board's, with my name in it.
fn copy_name(app: &App) -> String {
    let stem = app
        .path
        .as_ref()
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "board".into());
    let user: String = app
        .opts
        .user
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    format!("{stem}.{user}.yaml")
}
