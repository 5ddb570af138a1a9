//! Cleaning text from files and input so nothing can reach the terminal as a control sequence.

use std::borrow::Cow;
use std::fmt::Write;
use std::path::Path;

/// Whether a character is a bidirectional formatting control that could reorder what is shown.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Whether `c` must not be shown as it is (newline is allowed: notes have several lines).
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n') || is_bidi_control(c)
}

/// Whether byte `b` could begin an unsafe character in UTF-8: a C0 control other than newline,
/// DEL, or the first byte of a C1 control (U+0080-U+009F), of U+061C, or of U+200E-U+2069.
fn may_start_unsafe(b: u8) -> bool {
    (b < 0x20 && b != b'\n') || matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE2)
}

/// Removes bidi controls and replaces other control characters (tab by a space, the rest by U+FFFD).
///
/// Returns the text unchanged (borrowed) in the common case where it is already clean.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    // Bytes first: nearly all text has no byte that could start an unsafe character.
    if !s.bytes().any(may_start_unsafe) || !s.chars().any(is_unsafe) {
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

/// Whether a character must not reach a terminal as it is: C0 and C1 controls, DEL,
/// bidirectional controls, and the line and paragraph separators some terminals act on.
pub fn is_unshowable(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Appends the visible escape of an unshowable character (`\n`, `\u{1b}`, `\u{202e}`).
fn escape_into(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// Text as it may be printed on one line: every unshowable character, newlines included, is
/// written as a visible escape such as `\u{1b}` or `\u{202e}`, so that nothing read from a
/// board, a file name or the environment can act on the terminal or forge another line.
pub fn printable(s: &str) -> Cow<'_, str> {
    escape_where(s, is_unshowable)
}

/// Like [`printable`] but keeps line breaks: for multi-line output such as a report.
pub fn printable_lines(s: &str) -> Cow<'_, str> {
    escape_where(s, |c| c != '\n' && is_unshowable(c))
}

fn escape_where(s: &str, bad: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if bad(c) {
            escape_into(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path as it may be printed (see [`printable`]); bytes that are not UTF-8 show as `�`.
pub fn printable_path(p: &Path) -> String {
    printable(&p.display().to_string()).into_owned()
}

/// A user name as it is recorded in the trail: cleaned like any text read from a board (so
/// that a later `check` finds nothing to warn about), on one line and trimmed.
pub fn user_name(s: &str) -> String {
    sanitize_line(s).trim().to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_byte_look_finds_every_unsafe_character() {
        for c in (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_unsafe(c))
        {
            let mut buf = [0u8; 4];
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(may_start_unsafe(first), "U+{:04X}", c as u32);
        }
    }

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

    #[test]
    fn printable_escapes_what_could_act_on_a_terminal() {
        assert!(matches!(printable("作风建设 ok"), Cow::Borrowed(_)));
        assert_eq!(printable("D\u{1b}]52;c;x\u{7}"), "D\\u{1b}]52;c;x\\u{7}");
        assert_eq!(printable("a\u{9b}2J\u{202e}b"), "a\\u{9b}2J\\u{202e}b");
        assert_eq!(printable("一\n二\u{2028}"), "一\\n二\\u{2028}");
        assert_eq!(printable_lines("一\n二\u{2066}"), "一\n二\\u{2066}");
        assert_eq!(user_name(" 张\u{202e}明\u{1b} "), "张明\u{FFFD}");
    }
}
