//! Hangup and termination: leave with the recovery file complete and the terminal restored.
//!
//! After a hangup crossterm's event poll spins instead of returning, so the signals are handled on
//! a thread of their own that exits the process. The main loop holds [`STATE`] from applying an
//! action until its recovery file is written, so the exit never lands between the two.

use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;
use std::sync::Mutex;

/// Held while the board changes and its recovery file is written.
pub static STATE: Mutex<()> = Mutex::new(());

/// Starts the thread that waits for SIGHUP and SIGTERM.
pub fn watch() -> std::io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            // Waits for a change in progress to reach the recovery file.
            let _guard = STATE.lock().unwrap_or_else(|e| e.into_inner());
            super::term::restore();
            std::process::exit(128 + sig);
        }
    });
    Ok(())
}
