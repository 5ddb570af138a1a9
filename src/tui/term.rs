//! Terminal setup and restore: raw mode, alternate screen, bracketed paste; restored on every exit path.

use super::backend::WideAware;
use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use std::io::{stdout, Stdout};

/// The terminal the program draws on.
pub type Term = Terminal<WideAware<CrosstermBackend<Stdout>>>;

/// Enters the full-screen mode and installs a panic hook that leaves it first.
pub fn init() -> std::io::Result<Term> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(p) = std::env::var("DUCHA_PANIC_LOG") {
            use std::io::Write;
            if let Ok(mut f) = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(p)
            {
                let _ = writeln!(f, "{info}\n{}", std::backtrace::Backtrace::force_capture());
            }
        }
        restore();
        previous(info);
    }));
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    Terminal::new(WideAware(CrosstermBackend::new(stdout())))
}

/// Leaves the full-screen mode; errors are ignored because the terminal may already be gone.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Hands the terminal to another program (an editor): cooked mode, the main screen, the cursor
/// shown, as a shell leaves it.
pub fn suspend() -> std::io::Result<()> {
    disable_raw_mode()?;
    execute!(
        stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    )
}

/// Takes the terminal back after [`suspend`]; the caller redraws every cell.
pub fn resume() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)
}
