//! The snapshot of a large board just read from its YAML, written on the other core while the
//! board is already on screen: at 10,000 tasks writing it took a fifth of the wait for the first
//! screen.
//!
//! The writer shares the board read. An edit made while it writes copies the board, as the first
//! edit does anyway (the board as read is kept apart from the one being edited).

use crate::model::Board;
use crate::store::SnapshotDue;
use std::sync::Arc;
use std::thread::JoinHandle;

/// A snapshot being written beside the running board.
pub(super) struct Writer(Option<JoinHandle<()>>);

impl Writer {
    /// Starts writing the snapshot `due` of `board`; without a thread to write it, the next open
    /// parses the YAML again.
    pub fn start(due: Option<SnapshotDue>, board: &Arc<Board>) -> Writer {
        let Some(due) = due else {
            return Writer(None);
        };
        let shared = Arc::clone(board);
        let spawned = std::thread::Builder::new()
            .name("ducha-snapshot".into())
            .spawn(move || due.write(&shared));
        match spawned {
            Ok(handle) => Writer(Some(handle)),
            Err(_) => Writer(None),
        }
    }

    /// Waits until the snapshot is written, so that leaving never cuts one off halfway (as
    /// dropping the writer does, a panic included).
    pub fn finish(self) {
        drop(self);
    }

    /// Leaves the snapshot unwritten when the program must end at once (the terminal hung up).
    /// Its temporary file, if one was begun, is cleared by a later write.
    pub fn abandon(mut self) {
        // A dropped handle lets the thread go; the process ends with it.
        self.0.take();
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if let Some(handle) = self.0.take() {
            // A panic while writing costs only the next open a parse.
            let _ = handle.join();
        }
    }
}
