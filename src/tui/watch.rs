//! Noticing that someone else saved the board, by looking at the file's size and modification time.
//!
//! Polling the metadata works on network file systems, where change notifications may never come.

use crate::app::{Action, App};
use crate::model::validate::has_errors;
use crate::store;
use std::time::{Duration, Instant, SystemTime};

/// What the board file looked like when last checked.
pub struct FileWatch {
    seen: Option<(SystemTime, u64)>,
    checked: Option<Instant>,
    every: Duration,
}

impl FileWatch {
    /// A watch that looks at most once per `every`.
    pub fn new(every: Duration) -> FileWatch {
        FileWatch {
            seen: None,
            checked: None,
            every,
        }
    }

    /// The freshly read board when the file changed since the last look (and reads as a valid board).
    pub fn changed(&mut self, app: &App) -> Option<Action> {
        // An open dialog may point at a task by position: the board waits until it is closed.
        let busy = app.popup.is_some() || app.searching.is_some();
        if busy || self.checked.is_some_and(|t| t.elapsed() < self.every) {
            return None;
        }
        self.checked = Some(Instant::now());
        let path = app.path.as_ref()?;
        let meta = std::fs::metadata(path).ok()?;
        let now = (meta.modified().ok()?, meta.len());
        let first = self.seen.is_none();
        if self.seen.replace(now) == Some(now) || first {
            return None;
        }
        let loaded = store::load(path).ok()?;
        if has_errors(&loaded.parsed.diagnostics) || Some(loaded.disk) == app.disk {
            return None;
        }
        let has_comments = loaded.parsed.has_comments;
        Some(Action::BoardChanged(
            Box::new(loaded.parsed.board),
            loaded.disk,
            has_comments,
        ))
    }
}
