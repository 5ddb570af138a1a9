//! Hangup and termination: leave within a bounded time, with the recovery file complete and the
//! terminal restored, whatever the main thread is doing.
//!
//! Once the terminal is gone, crossterm's event reader loops for ever on a read that returns
//! nothing, so the program must notice the hangup itself, before asking crossterm for input, and
//! a thread of its own must be able to end the process even while the main thread is stuck.
//! That thread takes no lock the main thread can hold: the main thread marks the stretch from
//! applying an action until its recovery file is written with [`Busy`], and the watcher waits for
//! that mark to clear for at most [`BUSY_GRACE`] before it leaves anyway.

use crossterm::event::{self, Event};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;
use std::os::fd::{AsRawFd, OwnedFd};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Set while the board changes and its recovery file is being written.
static BUSY: AtomicBool = AtomicBool::new(false);
/// Set while another program (an editor) has the terminal.
static HANDED_OVER: AtomicBool = AtomicBool::new(false);
/// Set once the watcher runs.
static WATCHING: AtomicBool = AtomicBool::new(false);
/// How many times the watcher has taken the pending signals.
static PASSES: AtomicU64 = AtomicU64::new(0);
/// How long the end of a hand-over waits for the watcher to take the signals sent during it.
const HAND_BACK_GRACE: Duration = Duration::from_millis(500);
/// Set by the first thread that starts leaving; the other never leaves a second time.
static LEAVING: AtomicBool = AtomicBool::new(false);
/// The descriptor crossterm reads keys from (-1 until known).
static INPUT_FD: AtomicI32 = AtomicI32::new(-1);
/// Keeps `/dev/tty` open when standard input is not the terminal.
static TTY: OnceLock<Option<OwnedFd>> = OnceLock::new();

/// How long the watcher lets the main thread finish writing the recovery file.
pub const BUSY_GRACE: Duration = Duration::from_millis(1500);
/// How long restoring the terminal may take before the process ends regardless.
const RESTORE_GRACE: Duration = Duration::from_millis(300);
/// How often the watcher looks at the terminal and at pending signals.
const WATCH_EVERY: i32 = 100;

/// The exit status after signal `sig`, as shells report it.
pub fn status(sig: i32) -> i32 {
    128 + sig
}

/// The mark that the board is changing: the watcher does not end the process while it is held
/// (up to [`BUSY_GRACE`]).
pub struct Busy(());

impl Busy {
    /// Marks the start of a change.
    pub fn start() -> Busy {
        BUSY.store(true, Ordering::SeqCst);
        Busy(())
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        BUSY.store(false, Ordering::SeqCst);
    }
}

/// The mark that another program (an editor) has the terminal: an interrupt typed there
/// (SIGINT, SIGQUIT) is that program's, as a shell's `system` leaves it, and does not end
/// this one. A hangup or SIGTERM still does.
pub struct HandedOver(());

impl HandedOver {
    /// Marks the start of the other program's turn.
    pub fn start() -> HandedOver {
        HANDED_OVER.store(true, Ordering::SeqCst);
        HandedOver(())
    }
}

impl Drop for HandedOver {
    fn drop(&mut self) {
        // Ctrl-C ends an editor at once, but the watcher takes the signal only on its next
        // pass: the mark stays until a pass has begun since (bounded), so that interrupt is
        // not taken for one meant for this program.
        if WATCHING.load(Ordering::SeqCst) {
            let seen = PASSES.load(Ordering::SeqCst);
            let start = Instant::now();
            while PASSES.load(Ordering::SeqCst) < seen + 2 && start.elapsed() < HAND_BACK_GRACE {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        HANDED_OVER.store(false, Ordering::SeqCst);
    }
}

/// The terminal went away: what the event functions report instead of spinning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gone;

/// Finds the descriptor crossterm reads from: standard input when it is a terminal, else `/dev/tty`.
fn input_fd() -> i32 {
    let fd = INPUT_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        return fd;
    }
    // SAFETY: isatty only inspects the descriptor.
    let fd = if unsafe { libc::isatty(0) } == 1 {
        0
    } else {
        TTY.get_or_init(|| {
            std::fs::File::open("/dev/tty")
                .ok()
                .map(std::convert::Into::into)
        })
        .as_ref()
        .map_or(-1, AsRawFd::as_raw_fd)
    };
    INPUT_FD.store(fd, Ordering::SeqCst);
    fd
}

/// Whether the terminal is gone: hung up, in error, or at end of input.
///
/// A terminal that polls readable with nothing to read is at its end: that is where crossterm
/// would spin. The check consumes no input.
pub fn terminal_gone() -> bool {
    let fd = input_fd();
    if fd < 0 {
        return false;
    }
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, no waiting.
    let n = unsafe { libc::poll(&mut p, 1, 0) };
    if n <= 0 {
        return false;
    }
    if p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        return true;
    }
    if p.revents & libc::POLLIN != 0 {
        let mut queued: libc::c_int = 0;
        // SAFETY: FIONREAD writes one int.
        let r = unsafe { libc::ioctl(fd, libc::FIONREAD, &mut queued) };
        return r != 0 || queued == 0;
    }
    false
}

/// The next terminal event within `timeout`, or [`Gone`] once the terminal has gone.
pub fn next_event(timeout: Duration) -> Result<Option<Event>, Gone> {
    if terminal_gone() {
        return Err(Gone);
    }
    match event::poll(timeout) {
        Ok(true) => event::read().map(Some).map_err(|_| Gone),
        Ok(false) => Ok(None),
        Err(_) => Err(Gone),
    }
}

/// Waits for the next terminal event, looking for a hangup between waits.
pub fn wait_event() -> Result<Event, Gone> {
    loop {
        if let Some(ev) = next_event(Duration::from_millis(250))? {
            return Ok(ev);
        }
    }
}

/// Ends the process with `code` after restoring the terminal, unless another thread is already
/// doing so (then it waits for that). Never returns.
pub fn leave(code: i32) -> ! {
    if LEAVING.swap(true, Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
    // Restoring writes to a terminal that may block for ever (flow control): bounded.
    std::thread::spawn(move || {
        std::thread::sleep(RESTORE_GRACE);
        // SAFETY: _exit ends the process without running anything that could block.
        unsafe { libc::_exit(code) }
    });
    super::term::restore();
    // SAFETY: as above; buffered output has been flushed by the restore.
    unsafe { libc::_exit(code) }
}

/// Waits (bounded) for a change in progress to reach its recovery file, then leaves.
fn leave_after_busy(code: i32) -> ! {
    let start = Instant::now();
    while BUSY.load(Ordering::SeqCst) && start.elapsed() < BUSY_GRACE {
        std::thread::sleep(Duration::from_millis(5));
    }
    leave(code)
}

/// Starts the thread that ends the program on SIGHUP, SIGTERM, SIGINT or SIGQUIT, or when the
/// terminal goes away while the main thread cannot notice.
pub fn watch() -> std::io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])?;
    let fd = input_fd();
    std::thread::Builder::new()
        .name("hangup".into())
        .spawn(move || loop {
            for sig in signals.pending() {
                let typed = matches!(sig, SIGINT | SIGQUIT);
                if !(typed && HANDED_OVER.load(Ordering::SeqCst)) {
                    leave_after_busy(status(sig));
                }
            }
            PASSES.fetch_add(1, Ordering::SeqCst);
            if fd >= 0 {
                // Asking for no events still reports a hangup or an error, without consuming input.
                let mut p = libc::pollfd {
                    fd,
                    events: 0,
                    revents: 0,
                };
                // SAFETY: one valid pollfd.
                let n = unsafe { libc::poll(&mut p, 1, WATCH_EVERY) };
                if n > 0 && p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                    leave_after_busy(status(SIGHUP));
                }
            } else {
                std::thread::sleep(Duration::from_millis(WATCH_EVERY as u64));
            }
        })?;
    WATCHING.store(true, Ordering::SeqCst);
    Ok(())
}
