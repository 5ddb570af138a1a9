//! Cleaning text from files and input so nothing can reach the terminal as a control sequence.

use std::borrow::Cow;

/// Whether a character is a bidirectional formatting control that could reorder what is shown.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Whether `c` must not be shown as it is (newline is allowed: notes have several lines).
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n') || is_bidi_control(c)
}

/// Removes bidi controls and replaces other control characters (tab by a space, the rest by U+FFFD).
///
/// Returns the text unchanged (borrowed) in the common case where it is already clean.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_bidi_control(c) {
            continue;
        }
        if c == '\t' {
            out.push(' ');
        } else if c == '\r' {
            // A CRLF line end is a newline; a lone CR is dropped.
        } else if is_unsafe(c) {
            out.push('\u{FFFD}');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Cleans single-line input: like [`sanitize`], and newlines become spaces.
pub fn sanitize_line(s: &str) -> String {
    sanitize(s).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize("作风建设年"), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_and_bidi_are_neutralised() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\u{FFFD}[31mb");
        assert_eq!(sanitize("x\u{202E}y\u{2066}z"), "xyz");
        assert_eq!(sanitize("a\tb\r\nc"), "a b\nc");
        assert_eq!(sanitize("\u{9b}2J"), "\u{FFFD}2J");
        assert_eq!(sanitize_line("一\n二"), "一 二");
    }
}
