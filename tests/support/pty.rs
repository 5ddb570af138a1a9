//! The real binary on a pseudo-terminal of its own, which a test can hang up by closing its side.
#![allow(dead_code)]

use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The file in a run's folder where the program writes a panic's message and backtrace.
pub const PANIC_LOG: &str = "panic.log";

/// What the program wrote of a panic in `dir`, if it panicked.
#[allow(dead_code)]
pub fn panic_log(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(PANIC_LOG)).unwrap_or_default()
}
/// How the terminal's end reaches the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hangup {
    /// The terminal is the program's controlling terminal: closing it sends SIGHUP as well.
    WithSignal,
    /// No controlling terminal: the program only sees its input end.
    InputOnly,
}

/// `ducha` running on a pseudo-terminal.
pub struct PtyRun {
    /// The terminal's side, owned by the reader thread, which closes it when told to stop.
    master: RawFd,
    stop: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    child: Child,
    screen: Arc<Mutex<Vec<u8>>>,
}

/// Opens a terminal pair; neither side is inherited by other programs (tests spawn in parallel,
/// and a child holding another test's terminal side would keep that terminal from hanging up).
fn openpty(cols: u16, rows: u16) -> (OwnedFd, OwnedFd) {
    let check = |r: libc::c_int, what: &str| {
        assert!(r >= 0, "{what}: {}", std::io::Error::last_os_error());
        r
    };
    // SAFETY: plain calls on descriptors owned here; ptsname_r writes within the buffer given.
    unsafe {
        let master = check(
            libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC),
            "posix_openpt",
        );
        let master = OwnedFd::from_raw_fd(master);
        check(libc::grantpt(master.as_raw_fd()), "grantpt");
        check(libc::unlockpt(master.as_raw_fd()), "unlockpt");
        let mut name = [0 as libc::c_char; 128];
        check(
            libc::ptsname_r(master.as_raw_fd(), name.as_mut_ptr(), name.len()),
            "ptsname_r",
        );
        let slave = check(
            libc::open(
                name.as_ptr(),
                libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC,
            ),
            "open pts",
        );
        let slave = OwnedFd::from_raw_fd(slave);
        let size = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        check(
            libc::ioctl(slave.as_raw_fd(), libc::TIOCSWINSZ, &size),
            "TIOCSWINSZ",
        );
        (master, slave)
    }
}

impl PtyRun {
    /// Starts `ducha ARGS` in `dir` on an 80x24 terminal.
    pub fn start(dir: &Path, args: &[&str], hangup: Hangup) -> PtyRun {
        PtyRun::start_program(dir, env!("CARGO_BIN_EXE_ducha"), args, hangup)
    }

    /// Starts `PROGRAM ARGS` (such as ducha under `setpriv`) in `dir` on an 80x24 terminal.
    pub fn start_program(dir: &Path, program: &str, args: &[&str], hangup: Hangup) -> PtyRun {
        let (master, slave) = openpty(80, 24);
        let mut cmd = Command::new(program);
        cmd.args(args)
            .current_dir(dir)
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .env_remove("DUCHA_USER")
            // A panic's message would go to the terminal, which a hangup closes: keep it here.
            .env("DUCHA_PANIC_LOG", dir.join(PANIC_LOG))
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        let with_signal = hangup == Hangup::WithSignal;
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if with_signal && libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().unwrap();
        let fd = master.as_raw_fd();
        let mut master = std::fs::File::from(master);
        let screen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        // The program blocks once the terminal's buffer is full, so its output is always drained.
        // This thread holds the only descriptor of the terminal's side: closing it is the hangup.
        let (sink, stopped) = (Arc::clone(&screen), Arc::clone(&stop));
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while !stopped.load(Ordering::SeqCst) {
                let mut p = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd.
                if unsafe { libc::poll(&mut p, 1, 10) } <= 0 {
                    continue;
                }
                match master.read(&mut buf) {
                    Ok(n) if n > 0 => sink.lock().unwrap().extend_from_slice(&buf[..n]),
                    _ => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        PtyRun {
            master: fd,
            stop,
            reader: Some(reader),
            child,
            screen,
        }
    }

    /// The program's pid.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Types bytes as a user would.
    pub fn send(&mut self, bytes: &[u8]) {
        if self.reader.is_some() {
            // SAFETY: the descriptor stays open until the reader is stopped, which has not happened.
            let n = unsafe { libc::write(self.master, bytes.as_ptr().cast(), bytes.len()) };
            assert_eq!(n, bytes.len() as isize, "typing into the terminal");
        }
    }

    /// Waits until the output holds `text`; false after `limit`.
    pub fn wait_for_output(&self, text: &str, limit: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            if String::from_utf8_lossy(&self.screen.lock().unwrap()).contains(text) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        false
    }

    /// Closes the terminal, as a dropped SSH connection does.
    pub fn hang_up(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
    }

    /// Waits for the program to end; its status and how long it took, or None after `limit`.
    pub fn wait(&mut self, limit: Duration) -> Option<(std::process::ExitStatus, Duration)> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some((status, start.elapsed()));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        None
    }
}

impl Drop for PtyRun {
    fn drop(&mut self) {
        self.hang_up();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
