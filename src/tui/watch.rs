//! Noticing that someone else saved the board, by looking at the file's size and modification time.
//!
//! Polling the metadata works on network file systems, where change notifications may never come.

use crate::app::{Action, App};
use crate::model::validate::has_errors;
use crate::store;
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

/// Files at least this large are read again on a thread of their own: a city's board takes most
/// of a second to read, and keys must not wait for it. Smaller ones are read at once.
const READ_APART: u64 = 128 * 1024;

/// What the board file looked like when last checked.
pub struct FileWatch {
    seen: Option<(SystemTime, u64)>,
    checked: Option<Instant>,
    every: Duration,
    /// A large board being read again after someone else saved it.
    reading: Option<JoinHandle<Option<store::Loaded>>>,
}

impl FileWatch {
    /// A watch that looks at most once per `every`.
    pub fn new(every: Duration) -> FileWatch {
        FileWatch {
            seen: None,
            checked: None,
            every,
            reading: None,
        }
    }

    /// The freshly read board when the file changed since the last look (and reads as a valid
    /// board). A large board is read on another thread: a later call hands it over.
    pub fn changed(&mut self, app: &App) -> Option<Action> {
        // An open dialog may point at a task by position: the board waits until it is closed.
        let busy = app.popup.is_some() || app.searching.is_some();
        if busy {
            return None;
        }
        if let Some(reading) = self.reading.take() {
            if !reading.is_finished() {
                self.reading = Some(reading);
                return None;
            }
            // Saved again since the read began (by this window, perhaps): what was read may be
            // older than what the app has. The next look finds the file changed from what it was
            // when the read began, and reads it as it is now.
            if self.seen != app.path.as_ref().and_then(|p| stat(p)) {
                return None;
            }
            // A panic while reading: the next change is read again.
            return offer(app, reading.join().ok()??);
        }
        if self.checked.is_some_and(|t| t.elapsed() < self.every) {
            return None;
        }
        self.checked = Some(Instant::now());
        let path = app.path.as_ref()?;
        let now = stat(path)?;
        let first = self.seen.is_none();
        if self.seen.replace(now) == Some(now) || first {
            return None;
        }
        if now.1 >= READ_APART {
            let (apart, have) = (path.clone(), app.disk);
            let spawned = std::thread::Builder::new()
                .name("ducha-reload".into())
                .spawn(move || read_new(&apart, have));
            if let Ok(handle) = spawned {
                self.reading = Some(handle);
                return None;
            }
        }
        offer(app, read_new(path, app.disk)?)
    }
}

/// The board as the file holds it now, unless its bytes are the ones the app has: after the
/// app's own save, hashing the file is enough, where reading a city's board takes a second.
fn read_new(path: &std::path::Path, have: Option<store::DiskStamp>) -> Option<store::Loaded> {
    let bytes = store::read_bytes(path).ok()?;
    if Some(store::DiskStamp::of(&bytes)) == have {
        return None;
    }
    drop(bytes);
    store::load(path).ok()
}

/// The file's modification time and size.
fn stat(path: &std::path::Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The board read, for the app to take in, unless it has errors or is what the app has already.
fn offer(app: &App, loaded: store::Loaded) -> Option<Action> {
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
