//! The snapshot of a large board just read from its YAML, written on the other core while the
//! board is already on screen: at 10,000 tasks writing it took a fifth of the wait for the first
//! screen.

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

    /// Waits until the snapshot is written, so that leaving never cuts one off halfway.
    pub fn finish(mut self) {
        if let Some(handle) = self.0.take() {
            // A panic while writing costs only the next open a parse.
            let _ = handle.join();
        }
    }
}
