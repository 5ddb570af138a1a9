//! Display-width helpers: cutting and wrapping text by grapheme cluster, the unit the screen
//! buffer draws, so that an emoji ZWJ sequence, a flag or a letter with combining marks is never
//! split and is counted as wide as the buffer will draw it.
//!
//! Every helper shows text as it may reach the terminal: line breaks as spaces, and control,
//! C1 and bidirectional characters escaped visibly (`\u{202e}`), so their width is counted too.

use crate::model::text::printable;
use ratatui::buffer::CellWidth;
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// Text on one line of the screen: a line break is a space, the unshowable is escaped visibly.
pub fn shown(s: &str) -> Cow<'_, str> {
    if s.contains(['\n', '\r']) {
        Cow::Owned(printable(&s.replace("\r\n", " ").replace(['\n', '\r'], " ")).into_owned())
    } else {
        printable(s)
    }
}

/// Columns one grapheme cluster takes, counted as the screen buffer counts it.
fn gw(g: &str) -> usize {
    if g.contains(char::is_control) {
        // The buffer drops these; `shown` has escaped them anyway.
        0
    } else {
        usize::from(g.cell_width())
    }
}

/// Columns the text takes on screen.
pub fn width(s: &str) -> usize {
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_control()) {
        return s.len();
    }
    shown(s).graphemes(true).map(gw).sum()
}

/// Cuts `s` to at most `max` columns, ending with `…` when something was cut.
pub fn fit(s: &str, max: usize) -> String {
    let s = shown(s);
    if width(&s) <= max {
        return s.into_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        if used + gw(g) > max - 1 {
            break;
        }
        out.push_str(g);
        used += gw(g);
    }
    out.push('…');
    out
}

/// Cuts `s` as [`fit`] does, but never inside a number: a figure cut short reads as another
/// figure ("制定20…" for 2017), so the cut moves back before it.
pub fn fit_figures(s: &str, max: usize) -> String {
    let cut = fit(s, max);
    match cut.strip_suffix('…') {
        Some(kept) if kept.ends_with(|c: char| c.is_ascii_digit()) => {
            format!(
                "{}…",
                kept.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
            )
        }
        _ => cut,
    }
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
/// grapheme clusters (Chinese needs no spaces), never inside one.
pub fn wrap(s: &str, max: usize, lines: usize) -> Vec<String> {
    let s = shown(s);
    let gs: Vec<&str> = s.graphemes(true).collect();
    let mut out: Vec<String> = Vec::new();
    let mut start = 0;
    while start < gs.len() && out.len() < lines {
        if out.len() + 1 == lines {
            out.push(fit(&gs[start..].concat(), max));
            return out;
        }
        let (mut end, mut used) = (start, 0);
        while end < gs.len() && used + gw(gs[end]) <= max {
            used += gw(gs[end]);
            end += 1;
        }
        if end < gs.len() && gs[end] != " " {
            if let Some(space) = gs[start..end]
                .iter()
                .rposition(|&g| g == " ")
                .filter(|&p| p > 0)
            {
                end = start + space;
            }
        }
        if end == start {
            end += 1;
        }
        out.push(gs[start..end].concat().trim_end().to_string());
        start = end;
        while start < gs.len() && gs[start] == " " {
            start += 1;
        }
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// Which pieces of a line to keep so that they fit `w` columns with `sep` columns between
/// them: each piece is kept whole or dropped whole (a figure is never cut), the highest `rank`
/// first and, among equals, the last; rank 1 is never dropped.
pub fn keep(pieces: &[(usize, u8)], sep: usize, w: usize) -> Vec<bool> {
    let mut kept = vec![true; pieces.len()];
    let total = |kept: &[bool]| {
        let (n, sum) = pieces
            .iter()
            .zip(kept)
            .filter(|(_, k)| **k)
            .fold((0usize, 0usize), |(n, s), ((pw, _), _)| (n + 1, s + pw));
        sum + sep * n.saturating_sub(1)
    };
    while total(&kept) > w {
        let worst = (0..pieces.len())
            .filter(|&i| kept[i] && pieces[i].1 > 1)
            .max_by_key(|&i| (pieces[i].1, i));
        match worst {
            Some(i) => kept[i] = false,
            None => break,
        }
    }
    kept
}

/// The pieces that fit, joined by `sep` (see [`keep`]); empty pieces are left out.
pub fn pieces(pieces: &[(String, u8)], sep: &str, w: usize) -> String {
    let pieces: Vec<&(String, u8)> = pieces.iter().filter(|(s, _)| !s.is_empty()).collect();
    let sizes: Vec<(usize, u8)> = pieces.iter().map(|(s, r)| (width(s), *r)).collect();
    let kept = keep(&sizes, width(sep), w);
    pieces
        .iter()
        .zip(kept)
        .filter(|(_, k)| *k)
        .map(|((s, _), _)| s.as_str())
        .collect::<Vec<_>>()
        .join(sep)
}

/// As many items of a list as fit `w` columns, joined by `sep`, then how many more there are
/// (`more(n)`): items are never cut.
pub fn list(items: &[String], sep: &str, w: usize, more: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let rest = items.len() - i - 1;
        let next = if i == 0 {
            item.clone()
        } else {
            format!("{out}{sep}{item}")
        };
        let tail = if rest > 0 { width(&more(rest)) } else { 0 };
        if width(&next) + tail > w {
            return format!("{out}{}", more(items.len() - i));
        }
        out = next;
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
    fn figures_are_not_cut_in_the_middle() {
        assert_eq!(fit_figures("制定2017年方案", 8), "制定…");
        assert_eq!(fit_figures("制定方案", 8), "制定方案");
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

    #[test]
    fn grapheme_clusters_are_never_split() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(width(family), 2);
        assert_eq!(width(&format!("a{family}b")), 4);
        assert_eq!(
            fit(&format!("{family}{family}{family}"), 5),
            format!("{family}{family}…")
        );
        assert_eq!(width(&pad(&format!("督查{family}"), 7)), 7);
        // e + combining acute: one column, kept whole.
        assert_eq!(width("e\u{301}te\u{301}"), 3);
        assert_eq!(fit("e\u{301}te\u{301}x", 3), "e\u{301}t…");
        assert_eq!(
            wrap(&format!("{family}{family}"), 2, 3),
            vec![family, family]
        );
    }

    #[test]
    fn pieces_are_dropped_whole_least_important_first() {
        let p = |s: &str, r| (s.to_string(), r);
        let line = [
            p("完成 3/22", 1),
            p("2017-05-21 ~ 2017-12-31", 3),
            p("◆当前阶段", 2),
        ];
        assert_eq!(
            pieces(&line, "  ", 80),
            "完成 3/22  2017-05-21 ~ 2017-12-31  ◆当前阶段"
        );
        assert_eq!(pieces(&line, "  ", 25), "完成 3/22  ◆当前阶段");
        assert_eq!(pieces(&line, "  ", 5), "完成 3/22");
        let ids: Vec<String> = ["T07", "T09", "T11"].map(String::from).to_vec();
        let more = |n| format!(" +{n}");
        assert_eq!(list(&ids, ", ", 20, more), "T07, T09, T11");
        assert_eq!(list(&ids, ", ", 11, more), "T07, T09 +1");
        assert_eq!(list(&ids, ", ", 4, more), " +3");
    }

    #[test]
    fn the_unshowable_is_escaped_and_counted() {
        assert_eq!(fit("a\u{202e}b", 20), "a\\u{202e}b");
        assert_eq!(width("a\u{1b}b"), 8);
        assert_eq!(fit("一\n二", 10), "一 二");
        assert_eq!(width("x\u{2028}"), 9);
    }
}
