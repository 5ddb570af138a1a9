//! Display-width helpers: cutting and wrapping text without ever splitting a wide character.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns the text takes on screen.
pub fn width(s: &str) -> usize {
    s.width()
}

fn cw(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Cuts `s` to at most `max` columns, ending with `…` when something was cut.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        if used + cw(c) > max - 1 {
            break;
        }
        out.push(c);
        used += cw(c);
    }
    out.push('…');
    out
}

/// Pads `s` with spaces to exactly `w` columns (cutting it first if needed).
pub fn pad(s: &str, w: usize) -> String {
    let s = fit(s, w);
    let n = w.saturating_sub(width(&s));
    format!("{s}{}", " ".repeat(n))
}

/// Wraps `s` into at most `lines` lines of `max` columns; the last is cut with `…` if text remains.
///
/// Breaks after the last space of a line when there is one (English), otherwise between any two
/// characters (Chinese needs no spaces), never inside a wide character.
pub fn wrap(s: &str, max: usize, lines: usize) -> Vec<String> {
    let chars: Vec<char> = s.chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
    let mut out: Vec<String> = Vec::new();
    let mut start = 0;
    while start < chars.len() && out.len() < lines {
        if out.len() + 1 == lines {
            let rest: String = chars[start..].iter().collect();
            out.push(fit(&rest, max));
            return out;
        }
        let (mut end, mut used) = (start, 0);
        while end < chars.len() && used + cw(chars[end]) <= max {
            used += cw(chars[end]);
            end += 1;
        }
        if end < chars.len() && chars[end] != ' ' {
            if let Some(space) = chars[start..end]
                .iter()
                .rposition(|&c| c == ' ')
                .filter(|&p| p > 0)
            {
                end = start + space;
            }
        }
        if end == start {
            end += 1;
        }
        out.push(
            chars[start..end]
                .iter()
                .collect::<String>()
                .trim_end()
                .to_string(),
        );
        start = end;
        while start < chars.len() && chars[start] == ' ' {
            start += 1;
        }
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_by_display_width_without_splitting_wide_characters() {
        assert_eq!(fit("作风建设年活动", 7), "作风建…");
        assert_eq!(width(&fit("作风建设年活动", 8)), 7);
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(pad("作风", 5), "作风 ");
    }

    #[test]
    fn wraps_chinese_and_marks_what_is_cut() {
        assert_eq!(
            wrap("召开全市作风建设年动员大会", 8, 2),
            vec!["召开全市", "作风建…"]
        );
        assert_eq!(wrap("短标题", 8, 2), vec!["短标题"]);
        assert_eq!(wrap("", 8, 2), vec![""]);
    }

    #[test]
    fn wraps_english_at_spaces() {
        assert_eq!(
            wrap("First round of spot checks on key projects", 20, 2),
            vec!["First round of spot", "checks on key proje…"]
        );
        assert_eq!(
            wrap("Supercalifragilistic word", 10, 3),
            vec!["Supercalif", "ragilistic", "word"]
        );
    }
}
