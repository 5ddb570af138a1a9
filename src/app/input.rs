//! A text input that is right for Chinese: moves and deletes by grapheme cluster (what
//! a reader sees as one character: a Chinese character, a letter with its accents, an emoji ZWJ
//! sequence), measures by display width.
//!
//! Hand-written rather than a textarea crate because every field but the note is one line (and
//! the note's lines are short), and the input must go through the app's `Action`s, so key
//! sequences can be tested without a terminal.

use super::Key;
use crate::model::text::sanitize_line;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Text with a caret, which always stands between two grapheme clusters. One line, except in
/// a note, where [`LineEdit::newline`] and [`LineEdit::insert_lines`] add line breaks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    /// Byte offset of the caret.
    caret: usize,
}

/// Columns one grapheme cluster takes.
fn columns(g: &str) -> usize {
    g.width()
}

impl LineEdit {
    /// An input holding `s`, caret at the end.
    pub fn new(s: &str) -> LineEdit {
        LineEdit {
            text: s.to_string(),
            caret: s.len(),
        }
    }

    /// The text.
    pub fn text(&self) -> String {
        self.text.clone()
    }

    /// Whether there is no text.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Where the cluster before the caret starts.
    fn before(&self) -> Option<usize> {
        self.text[..self.caret]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }

    /// Where the cluster after the caret ends.
    fn after(&self) -> Option<usize> {
        self.text[self.caret..]
            .graphemes(true)
            .next()
            .map(|g| self.caret + g.len())
    }

    /// Inserts typed or pasted text at the caret; control characters are dropped, newlines become spaces.
    pub fn insert(&mut self, s: &str) {
        let clean: String = sanitize_line(s)
            .chars()
            .filter(|c| *c != '\u{FFFD}')
            .collect();
        self.text.insert_str(self.caret, &clean);
        self.caret += clean.len();
    }

    /// Inserts pasted text keeping its line breaks, whether the terminal sent them as CR, LF
    /// or CRLF (bracketed paste often turns every line end into CR); other control characters
    /// are dropped.
    pub fn insert_lines(&mut self, s: &str) {
        let unified = s.replace("\r\n", "\n").replace('\r', "\n");
        let clean: String = crate::model::text::sanitize(&unified)
            .chars()
            .filter(|c| *c != '\u{FFFD}')
            .collect();
        self.text.insert_str(self.caret, &clean);
        self.caret += clean.len();
    }

    /// Starts a new line at the caret.
    pub fn newline(&mut self) {
        self.text.insert(self.caret, '\n');
        self.caret += 1;
    }

    /// The lines of a box `width` columns wide and `height` lines high, scrolled so that the
    /// caret's line shows, and the caret's column and line in the box.
    pub fn view_lines(&self, width: usize, height: usize) -> (Vec<String>, (usize, usize)) {
        let before = &self.text[..self.caret];
        let row = before.matches('\n').count();
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let top = (row + 1).saturating_sub(height.max(1));
        let mut caret = (0, row - top);
        let mut out = Vec::new();
        for (k, line) in self
            .text
            .split('\n')
            .enumerate()
            .skip(top)
            .take(height.max(1))
        {
            let at = if k == row { self.caret - start } else { 0 };
            let (shown, col) = LineEdit {
                text: line.to_string(),
                caret: at,
            }
            .view(width);
            if k == row {
                caret.0 = col;
            }
            out.push(shown);
        }
        (out, caret)
    }

    /// Deletes the cluster before the caret.
    pub fn backspace(&mut self) {
        if let Some(start) = self.before() {
            self.text.drain(start..self.caret);
            self.caret = start;
        }
    }

    /// Deletes the cluster under the caret.
    pub fn delete(&mut self) {
        if let Some(end) = self.after() {
            self.text.drain(self.caret..end);
        }
    }

    /// Moves the caret one cluster left.
    pub fn left(&mut self) {
        if let Some(start) = self.before() {
            self.caret = start;
        }
    }

    /// Moves the caret one cluster right.
    pub fn right(&mut self) {
        if let Some(end) = self.after() {
            self.caret = end;
        }
    }

    /// Where the line holding byte `at` starts.
    fn line_start(&self, at: usize) -> usize {
        self.text[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    /// Where the line starting at `start` ends (before its line break, or at the end).
    fn line_end(&self, start: usize) -> usize {
        self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i)
    }

    /// The cluster boundary of the line `start..end` nearest to display column `col` (wide
    /// characters count two; between two equally near, the one before).
    fn at_column(&self, start: usize, end: usize, col: usize) -> usize {
        let (mut at, mut used) = (start, 0);
        for (i, g) in self.text[start..end].grapheme_indices(true) {
            let next = used + columns(g);
            if next > col {
                return if next - col < col - used {
                    start + i + g.len()
                } else {
                    at
                };
            }
            (at, used) = (start + i + g.len(), next);
        }
        at
    }

    /// Moves the caret to the line above, at the same display column as near as a cluster
    /// boundary allows; on the first line, to the start.
    pub fn up(&mut self) {
        let start = self.line_start(self.caret);
        if start == 0 {
            self.caret = 0;
            return;
        }
        let col = columns(&self.text[start..self.caret]);
        let above = self.line_start(start - 1);
        self.caret = self.at_column(above, start - 1, col);
    }

    /// Moves the caret to the line below, at the same display column as near as a cluster
    /// boundary allows; on the last line, to the end.
    pub fn down(&mut self) {
        let end = self.line_end(self.caret);
        if end == self.text.len() {
            self.caret = end;
            return;
        }
        let col = columns(&self.text[self.line_start(self.caret)..self.caret]);
        let below = end + 1;
        self.caret = self.at_column(below, self.line_end(below), col);
    }

    /// Moves the caret to the start.
    pub fn home(&mut self) {
        self.caret = 0;
    }

    /// Moves the caret to the end.
    pub fn end(&mut self) {
        self.caret = self.text.len();
    }

    /// Clears the text.
    pub fn clear(&mut self) {
        self.text.clear();
        self.caret = 0;
    }

    /// Deletes from the caret back to the start (Ctrl-U, as in a shell).
    pub fn kill_to_start(&mut self) {
        self.text.drain(..self.caret);
        self.caret = 0;
    }

    /// Applies a key of the text input; false when it is not one (it changes nothing then).
    pub fn edit(&mut self, key: &Key) -> bool {
        match key {
            Key::Char(c) => self.insert(&c.to_string()),
            Key::Backspace => self.backspace(),
            Key::Delete => self.delete(),
            Key::Left => self.left(),
            Key::Right => self.right(),
            Key::Home => self.home(),
            Key::End => self.end(),
            Key::KillLine => self.kill_to_start(),
            _ => return false,
        }
        true
    }

    /// The visible slice for a field `width` columns wide, and the caret's column within it.
    pub fn view(&self, width: usize) -> (String, usize) {
        let clusters: Vec<(usize, &str)> = self.text.grapheme_indices(true).collect();
        let at_caret = clusters.partition_point(|(i, _)| *i < self.caret);
        let caret_col: usize = clusters[..at_caret].iter().map(|(_, g)| columns(g)).sum();
        // Scroll so the caret stays visible, keeping one column for it at the end.
        let mut start = 0;
        let mut skipped = 0;
        while caret_col - skipped + 1 > width.max(1) && start < at_caret {
            skipped += columns(clusters[start].1);
            start += 1;
        }
        let mut out = String::new();
        let mut used = 0;
        for (_, g) in &clusters[start..] {
            let cw = columns(g);
            if used + cw > width {
                break;
            }
            out.push_str(g);
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
    fn pasted_lines_keep_their_breaks_whatever_the_line_end() {
        for sep in ["\r", "\n", "\r\n"] {
            let mut e = LineEdit::default();
            e.insert_lines(&format!("第一行{sep}第二行{sep}第三行"));
            assert_eq!(e.text(), "第一行\n第二行\n第三行", "{sep:?}");
            let (lines, caret) = e.view_lines(20, 2);
            assert_eq!(lines, ["第二行", "第三行"]);
            assert_eq!(caret, (6, 1));
        }
        let mut e = LineEdit::new("甲");
        e.newline();
        e.insert("乙");
        assert_eq!(e.text(), "甲\n乙");
    }

    /// The caret's line and display column.
    fn place(e: &LineEdit) -> (usize, usize) {
        let before = &e.text[..e.caret];
        let line = before.matches('\n').count();
        (line, columns(&before[e.line_start(e.caret)..]))
    }

    #[test]
    fn up_and_down_keep_the_display_column_counting_chinese_as_two() {
        let mut e = LineEdit::new("第一行进展\nab\n第三行较长的内容\nabcdefgh");
        e.up();
        assert_eq!(place(&e), (2, 8), "from column 8 of the last line");
        e.up();
        assert_eq!(place(&e), (1, 2), "a shorter line: its end");
        e.up();
        assert_eq!(place(&e), (0, 2), "column 2 is after 第");
        e.up();
        assert_eq!(place(&e), (0, 0), "the first line: its start");
        e.down();
        assert_eq!(place(&e), (1, 0));
        e.right();
        e.down();
        assert_eq!(
            place(&e),
            (2, 0),
            "column 1 is inside 第: the nearer boundary before it"
        );
        e.end();
        e.down();
        assert_eq!(place(&e), (3, 8));
        e.left();
        e.up();
        assert_eq!(
            place(&e),
            (2, 6),
            "column 7 is inside 的: the boundary before it"
        );
        e.down();
        e.down();
        assert_eq!(place(&e), (3, 8), "the last line: its end");
        assert_eq!(e.caret, e.text.len());
    }

    #[test]
    fn up_and_down_step_over_emoji_and_accents_whole() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let mut e = LineEdit::new(&format!("x{family}y\nabcd"));
        e.home();
        e.down();
        e.end();
        e.left();
        e.up();
        assert_eq!(
            &e.text[..e.caret],
            format!("x{family}"),
            "column 3: after the emoji"
        );
        e.down();
        e.left();
        e.up();
        assert_eq!(&e.text[..e.caret], "x", "column 2 lies in the emoji");
        let mut e = LineEdit::new("cafe\u{301}s\nabcdef");
        e.up();
        assert_eq!(&e.text[..e.caret], "cafe\u{301}s");
        e.left();
        e.down();
        assert_eq!(place(&e), (1, 4));
    }

    #[test]
    fn long_text_scrolls_to_keep_the_caret_visible() {
        let e = LineEdit::new("一二三四五六七八九十");
        let (shown, col) = e.view(8);
        assert!(shown.ends_with('十'));
        assert!(col <= 8);
    }

    #[test]
    fn an_emoji_sequence_or_an_accented_letter_is_one_step_and_one_deletion() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let mut e = LineEdit::new(&format!("a{family}b"));
        e.left();
        assert_eq!(
            e.view(20).1,
            3,
            "the caret is after the emoji, two columns wide"
        );
        e.backspace();
        assert_eq!(e.text(), "ab");
        let mut e = LineEdit::new("cafe\u{301}!");
        e.left();
        e.left();
        e.delete();
        assert_eq!(e.text(), "caf!");
        // A combining mark typed after a letter joins it.
        let mut e = LineEdit::new("e");
        e.insert("\u{301}");
        e.backspace();
        assert_eq!(e.text(), "");
    }
}
