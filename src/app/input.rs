//! A one-line text input that is right for Chinese: moves and deletes by character, measures by display width.
//!
//! Hand-written rather than a textarea crate because every field here is one line and the
//! input must go through the app's `Action`s, so key sequences can be tested without a terminal.

use crate::model::text::sanitize_line;
use unicode_width::UnicodeWidthChar;

/// Text with a caret, counted in characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    chars: Vec<char>,
    caret: usize,
}

impl LineEdit {
    /// An input holding `s`, caret at the end.
    pub fn new(s: &str) -> LineEdit {
        let chars: Vec<char> = s.chars().collect();
        LineEdit {
            caret: chars.len(),
            chars,
        }
    }

    /// The text.
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// Whether there is no text.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Inserts typed or pasted text at the caret; control characters are dropped, newlines become spaces.
    pub fn insert(&mut self, s: &str) {
        let clean = sanitize_line(s);
        for c in clean.chars().filter(|c| *c != '\u{FFFD}') {
            self.chars.insert(self.caret, c);
            self.caret += 1;
        }
    }

    /// Deletes the character before the caret.
    pub fn backspace(&mut self) {
        if self.caret > 0 {
            self.caret -= 1;
            self.chars.remove(self.caret);
        }
    }

    /// Deletes the character under the caret.
    pub fn delete(&mut self) {
        if self.caret < self.chars.len() {
            self.chars.remove(self.caret);
        }
    }

    /// Moves the caret one character left.
    pub fn left(&mut self) {
        self.caret = self.caret.saturating_sub(1);
    }

    /// Moves the caret one character right.
    pub fn right(&mut self) {
        self.caret = (self.caret + 1).min(self.chars.len());
    }

    /// Moves the caret to the start.
    pub fn home(&mut self) {
        self.caret = 0;
    }

    /// Moves the caret to the end.
    pub fn end(&mut self) {
        self.caret = self.chars.len();
    }

    /// Clears the text.
    pub fn clear(&mut self) {
        self.chars.clear();
        self.caret = 0;
    }

    /// Deletes from the caret back to the start (Ctrl-U, as in a shell).
    pub fn kill_to_start(&mut self) {
        self.chars.drain(..self.caret);
        self.caret = 0;
    }

    /// The visible slice for a field `width` columns wide, and the caret's column within it.
    pub fn view(&self, width: usize) -> (String, usize) {
        let w = |c: &char| c.width().unwrap_or(0);
        let caret_col: usize = self.chars[..self.caret].iter().map(w).sum();
        // Scroll so the caret stays visible, keeping one column for it at the end.
        let mut start = 0;
        let mut skipped = 0;
        while caret_col - skipped + 1 > width.max(1) && start < self.caret {
            skipped += w(&self.chars[start]);
            start += 1;
        }
        let mut out = String::new();
        let mut used = 0;
        for c in &self.chars[start..] {
            let cw = w(c);
            if used + cw > width {
                break;
            }
            out.push(*c);
            used += cw;
        }
        (out, caret_col - skipped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_character_and_places_caret_by_width() {
        let mut e = LineEdit::new("作风");
        e.insert("建设");
        assert_eq!(e.text(), "作风建设");
        e.left();
        e.backspace();
        assert_eq!(e.text(), "作风设");
        assert_eq!(e.view(20), ("作风设".to_string(), 4));
        e.home();
        e.delete();
        assert_eq!(e.text(), "风设");
    }

    #[test]
    fn paste_drops_control_characters() {
        let mut e = LineEdit::default();
        e.insert("a\u{1b}[2Jb\nc\u{202e}d");
        assert_eq!(e.text(), "a[2Jb cd");
    }

    #[test]
    fn long_text_scrolls_to_keep_the_caret_visible() {
        let e = LineEdit::new("一二三四五六七八九十");
        let (shown, col) = e.view(8);
        assert!(shown.ends_with('十'));
        assert!(col <= 8);
    }
}
