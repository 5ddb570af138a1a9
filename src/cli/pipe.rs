//! Output into a pipe whose reader has gone (`ducha report FILE | head -1`).
//!
//! Rust ignores SIGPIPE, so `println!` into a closed pipe panics. Command-line tools instead end
//! quietly, killed by the signal, which shells report as status 141; the printing commands do the
//! same. The interactive board ignores it again: a terminal that goes away is a hangup, which it
//! handles itself.

/// Lets a write into a closed pipe end the process quietly, as in other command-line tools.
pub fn die_on_broken_pipe() {
    #[cfg(unix)]
    // SAFETY: restores the default disposition; no handler runs in this process for it.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Turns a write into a closed pipe back into an error the program handles.
pub fn ignore_broken_pipe() {
    #[cfg(unix)]
    // SAFETY: as above.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
}
