//! The popups that only show something: a task's details and the keys. Both scroll; the
//! details also lead to the task's form, note and extension prompts.

use super::popup::Reply;
use super::requests::Request;
use super::{Action, App};
use crate::keymap::Mode;

/// Every field of a task, scrolled.
#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    /// Task index.
    pub task: usize,
    /// Lines scrolled.
    pub scroll: u16,
}

/// The keys of every mode, scrolled.
#[derive(Debug, Clone, PartialEq)]
pub struct Help {
    /// Lines scrolled.
    pub scroll: u16,
    /// The mode it was opened from, whose keys come first.
    pub from: Mode,
}

/// The scroll position after a scrolling action, or `None` for another action; the end and
/// the page are those of the last frame.
fn scrolled(scroll: u16, action: &Action, app: &App) -> Option<u16> {
    let end = app.layout.popup_end.unwrap_or(u16::MAX);
    let page = app.layout.popup_page.max(1);
    let to = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::First => 0,
        Action::Last => end,
        _ => return None,
    };
    Some(to.min(end))
}

impl Details {
    /// Runs an action of the details mode.
    pub(super) fn handle(&mut self, action: &Action, app: &App) -> Reply {
        if let Some(s) = scrolled(self.scroll, action, app) {
            self.scroll = s;
            return Reply::Stay;
        }
        match action {
            Action::Close => Reply::Close,
            // The task's own prompts replace the details, as the board's keys would open them.
            Action::Edit | Action::Note | Action::Extend => {
                Reply::Then(Request::Command(action.clone()))
            }
            _ => Reply::Stay,
        }
    }
}

impl Help {
    /// Runs an action of the help mode.
    pub(super) fn handle(&mut self, action: &Action, app: &App) -> Reply {
        match scrolled(self.scroll, action, app) {
            Some(s) => {
                self.scroll = s;
                Reply::Stay
            }
            None if *action == Action::Close => Reply::Close,
            None => Reply::Stay,
        }
    }
}
