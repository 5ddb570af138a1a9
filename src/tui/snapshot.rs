//! The snapshot of a large board just read from its YAML, written on the other core once the
//! board is on screen: at 10,000 tasks writing it took a fifth of the wait for the first screen,
//! and writing it while the first screen is drawn still slowed that by a sixth.
//!
//! The writer shares the board read. An edit made while it writes copies the board, as the first
//! edit does anyway (the board as read is kept apart from the one being edited).

use crate::model::Board;
use crate::store::SnapshotDue;
use std::sync::mpsc::{channel, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;

/// A snapshot waiting for the first screen, then written beside the running board.
pub(super) struct Writer {
    thread: Option<JoinHandle<()>>,
    /// Dropped to let the thread begin.
    gate: Option<Sender<()>>,
}

impl Writer {
    /// Readies the snapshot `due` of `board`, written once [`Writer::release`] is called (or the
    /// writer dropped); without a thread to write it, the next open parses the YAML again.
    pub fn start(due: Option<SnapshotDue>, board: &Arc<Board>) -> Writer {
        let none = Writer {
            thread: None,
            gate: None,
        };
        let Some(due) = due else {
            return none;
        };
        let shared = Arc::clone(board);
        let (gate, wait) = channel::<()>();
        let spawned = std::thread::Builder::new()
            .name("ducha-snapshot".into())
            .spawn(move || {
                // Nothing is ever sent: the gate opens when its sender is dropped.
                let _ = wait.recv();
                due.write(&shared);
            });
        match spawned {
            Ok(handle) => Writer {
                thread: Some(handle),
                gate: Some(gate),
            },
            Err(_) => none,
        }
    }

    /// Lets the snapshot be written: the first screen is drawn.
    pub fn release(&mut self) {
        self.gate.take();
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
        self.thread.take();
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.release();
        if let Some(handle) = self.thread.take() {
            // A panic while writing costs only the next open a parse.
            let _ = handle.join();
        }
    }
}
