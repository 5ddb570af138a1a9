//! A crossterm backend that does not move the cursor after every wide character.
//!
//! ratatui's crossterm backend moves the cursor whenever the next changed cell is not the one
//! right after the previous; after a wide (Chinese) character the next cell is two columns on,
//! so nearly every character of Chinese text costs an extra cursor move on the wire. Feeding it an
//! empty filler cell for the covered column keeps the run contiguous: the filler prints nothing
//! and the terminal's cursor is already where the next character goes.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::buffer::CellWidth;
use ratatui::layout::{Position, Size};

/// Wraps a backend, passing contiguous runs across wide characters.
pub struct WideAware<B>(pub B);

impl<B: Backend> Backend for WideAware<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut cells: Vec<(u16, u16, Cell)> = Vec::new();
        let mut prev: Option<(u16, u16, &Cell)> = None;
        for (x, y, cell) in content {
            if let Some((px, py, pc)) = prev {
                // Measured as the buffer measures it, so an emoji sequence gets its columns too.
                let w = pc.symbol().cell_width();
                if py == y && w >= 2 && x == px.saturating_add(w) {
                    for covered in px + 1..x {
                        let mut filler = pc.clone();
                        filler.set_symbol("");
                        cells.push((covered, y, filler));
                    }
                }
            }
            cells.push((x, y, cell.clone()));
            prev = Some((x, y, cell));
        }
        self.0.draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.0.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.0.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::text::Line;
    use ratatui::Terminal;

    /// Bytes a redraw of `after` over `before` sends.
    fn bytes(wrap: bool, before: &str, after: &str) -> Vec<u8> {
        fn run<B: Backend>(t: &mut Terminal<B>, before: &str, after: &str) {
            t.draw(|f| f.render_widget(Line::raw(before.to_string()), f.area()))
                .ok();
            t.draw(|f| f.render_widget(Line::raw(after.to_string()), f.area()))
                .ok();
        }
        let mut out = Vec::new();
        {
            let backend = CrosstermBackend::new(&mut out);
            if wrap {
                let mut t = Terminal::with_options(
                    WideAware(backend),
                    ratatui::TerminalOptions {
                        viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 20, 1)),
                    },
                )
                .unwrap();
                run(&mut t, before, after);
            } else {
                let mut t = Terminal::with_options(
                    backend,
                    ratatui::TerminalOptions {
                        viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 20, 1)),
                    },
                )
                .unwrap();
                run(&mut t, before, after);
            }
        }
        out
    }

    #[test]
    fn wide_text_is_sent_without_a_cursor_move_per_character() {
        let plain = bytes(false, "", "作风建设年活动");
        let wide = bytes(true, "", "作风建设年活动");
        assert!(
            wide.len() < plain.len(),
            "{} vs {}",
            wide.len(),
            plain.len()
        );
        let text = String::from_utf8_lossy(&wide);
        assert!(
            text.contains("作风建设年活动"),
            "the characters go out in one run: {text:?}"
        );
    }

    #[test]
    fn an_emoji_sequence_is_followed_by_the_next_character_in_the_same_run() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let after = format!("督{family}查");
        let text = String::from_utf8_lossy(&bytes(true, "", &after)).into_owned();
        assert!(text.contains(&after), "one run, nothing skipped: {text:?}");
    }
}
