//! Terminal setup and restore: raw mode, alternate screen, bracketed paste; restored on every exit path.

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste};
use crossterm::execute;
use ratatui::DefaultTerminal;
use std::io::stdout;

/// Enters the full-screen mode and installs a panic hook that leaves it first.
pub fn init() -> std::io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    execute!(stdout(), EnableBracketedPaste)?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    Ok(terminal)
}

/// Leaves the full-screen mode; errors are ignored because the terminal may already be gone.
pub fn restore() {
    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
    let _ = ratatui::try_restore();
}
