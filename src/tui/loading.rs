//! A progress line while a large board is read, so the terminal never looks frozen.
//!
//! Drawn on the normal screen, before the full-screen board starts: a board that cannot be
//! opened then says why on the same screen, with nothing to clean up.

use crate::model::Lang;
use crate::ui::text::{fit, width};
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Nothing is shown for loads shorter than this.
const QUIET_FOR: Duration = Duration::from_millis(200);

/// The line is redrawn at most this often.
const EVERY: Duration = Duration::from_millis(50);

/// Cells of the bar.
const BAR: usize = 30;

/// The progress line of one load.
pub(super) struct Meter {
    name: String,
    lang: Lang,
    started: Instant,
    drawn: Option<Instant>,
    on_terminal: bool,
}

impl Meter {
    /// A meter for reading the file `name`, worded in `lang`.
    pub fn new(name: String, lang: Lang) -> Meter {
        Meter {
            name,
            lang,
            started: Instant::now(),
            drawn: None,
            on_terminal: std::io::stderr().is_terminal(),
        }
    }

    /// Notes that `done` of `total` bytes have been read.
    pub fn tick(&mut self, done: usize, total: usize) {
        let now = Instant::now();
        if !self.on_terminal || now.duration_since(self.started) < QUIET_FOR {
            return;
        }
        if self.drawn.is_some_and(|t| now.duration_since(t) < EVERY) {
            return;
        }
        self.drawn = Some(now);
        // One column spare: a line that reaches the last column wraps on some terminals, and a
        // wrapped line is not cleared by the next redraw.
        // Some pseudo-terminals report no size at all.
        let columns = crossterm::terminal::size()
            .ok()
            .filter(|&(w, _)| w > 0)
            .map_or(80, |(w, _)| usize::from(w));
        let line = line(
            &self.name,
            self.lang,
            done,
            total,
            columns.saturating_sub(1),
        );
        // The terminal may be gone; the hangup watcher deals with that.
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
    }

    /// Clears the line, if one was drawn.
    pub fn finish(&mut self) {
        if self.drawn.take().is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

impl Drop for Meter {
    fn drop(&mut self) {
        self.finish();
    }
}

/// `正在读取 board.yaml  [██████░░░░]  62%  20.4/32.9 MB`, with `#` and `-` where the
/// terminal has no block characters, in at most `columns` columns: the folders of the name go
/// first, then the bar and the sizes.
fn line(name: &str, lang: Lang, done: usize, total: usize, columns: usize) -> String {
    let total = total.max(1);
    let done = done.min(total);
    let filled = done * BAR / total;
    let ascii = !super::utf8_locale();
    let (full, empty) = if ascii { ('#', '-') } else { ('█', '░') };
    let bar: String = std::iter::repeat_n(full, filled)
        .chain(std::iter::repeat_n(empty, BAR - filled))
        .collect();
    let mb = |b: usize| b as f64 / 1_000_000.0;
    let share = done * 100 / total;
    let head = lang.pick("正在读取", "reading");
    let name = crate::model::text::printable(name);
    let file = std::path::Path::new(name.as_ref())
        .file_name()
        .map_or(name.to_string(), |f| f.to_string_lossy().into_owned());
    let full_tail = format!("  [{bar}] {share:>3}%  {:.1}/{:.1} MB", mb(done), mb(total));
    let short_tail = format!("  {share:>3}%");
    for tail in [&full_tail, &short_tail] {
        let room = columns.saturating_sub(width(head) + 1 + width(tail));
        for shown in [name.as_ref(), file.as_str()] {
            if width(shown) <= room {
                return format!("{head} {shown}{tail}");
            }
        }
    }
    let room = columns.saturating_sub(width(head) + 1 + width(&short_tail));
    format!("{head} {}{short_tail}", fit(&file, room))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_shows_the_share_read() {
        let l = line("b.yaml", Lang::En, 50, 200, 80);
        assert!(l.starts_with("reading b.yaml  ["), "{l}");
        assert!(l.contains(" 25%  0.0/0.0 MB"), "{l}");
    }

    #[test]
    fn the_line_fits_the_terminal_dropping_folders_then_the_bar() {
        let long = "/srv/督查室/2026年/各县区台账/city-100000.yaml";
        let wide = line(long, Lang::Zh, 50, 200, 119);
        assert!(wide.contains(long) && wide.contains('['), "{wide}");
        let narrow = line(long, Lang::Zh, 50, 200, 79);
        assert!(width(&narrow) <= 79, "{narrow}");
        assert!(
            narrow.contains(" city-100000.yaml  [") && !narrow.contains("/srv"),
            "{narrow}"
        );
        let tiny = line(long, Lang::Zh, 50, 200, 30);
        assert!(width(&tiny) <= 30, "{tiny}");
        assert!(tiny.ends_with(" 25%") && !tiny.contains('['), "{tiny}");
        assert!(width(&line(long, Lang::Zh, 50, 200, 20)) <= 20);
    }
}
