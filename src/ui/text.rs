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

/// Punctuation no line may start with (行首禁则): closing brackets and quotes, and the
/// Chinese marks that follow the text they belong to.
const NO_LINE_START: &str = "，。、：；！？）》」』】〕〗〉”’…‥·%,.:;!?)]}";

/// Punctuation no line may end with (行尾禁则): opening brackets and quotes.
const NO_LINE_END: &str = "（《「『【〔〖〈“‘([{";

/// Whether a break may go before cluster `k` beside a curly quote in Chinese text: before “
/// or after ” with Chinese on both sides (rule LB19a of Unicode 15.1; the tables of the
/// line-breaking crate are of 15.0, which never breaks beside a quote).
fn quote_break(gs: &[(usize, &str)], k: usize) -> bool {
    let wide = |i: usize| gs.get(i).is_some_and(|(_, g)| gw(g) == 2);
    let (prev, next) = (gs[k - 1].1, gs[k].1);
    let opens = next.starts_with(['“', '‘']) && wide(k - 1) && wide(k + 1);
    let closes = prev.ends_with(['”', '’']) && wide(k) && k >= 2 && wide(k - 2);
    opens || closes
}

/// Where a line may break, as a flag before each grapheme cluster of `gs` (the first is never
/// a break): the Unicode line-breaking rules (UAX #14), which already keep closing marks with
/// the text before them, with the rules of Chinese typesetting made sure of on top.
fn break_before(s: &str, gs: &[(usize, &str)]) -> Vec<bool> {
    let mut allowed = vec![false; gs.len()];
    let mut ops = unicode_linebreak::linebreaks(s)
        .map(|(at, _)| at)
        .peekable();
    for (k, (at, g)) in gs.iter().enumerate().skip(1) {
        while ops.next_if(|o| o < at).is_some() {}
        let opportunity = ops.peek() == Some(at) || quote_break(gs, k);
        let prev = gs[k - 1].1;
        allowed[k] = opportunity
            && !g.starts_with(|c| NO_LINE_START.contains(c))
            && !prev.ends_with(|c| NO_LINE_END.contains(c));
    }
    allowed
}

/// Where the line starting at cluster `start` ends: at the last break that leaves it at most
/// `max` columns (spaces at its end not counted), else, for a run with no break that fits,
/// after as many clusters as fit (at least one), stepping back so that punctuation still
/// neither starts the next line nor ends this one when it can.
fn line_end(gs: &[(usize, &str)], allowed: &[bool], start: usize, max: usize) -> usize {
    let (mut used, mut solid, mut best) = (0, 0, None);
    let mut fill = start;
    for (k, (_, g)) in gs.iter().enumerate().skip(start) {
        used += gw(g);
        if *g != " " {
            solid = used;
        }
        if solid > max {
            break;
        }
        if used <= max {
            fill = k + 1;
        }
        if k + 1 == gs.len() || allowed[k + 1] {
            best = Some(k + 1);
        }
    }
    if let Some(end) = best {
        return end;
    }
    let mut end = fill.max(start + 1);
    while end > start + 1
        && end < gs.len()
        && (gs[end].1.starts_with(|c| NO_LINE_START.contains(c))
            || gs[end - 1].1.ends_with(|c| NO_LINE_END.contains(c)))
    {
        end -= 1;
    }
    end
}

/// Wraps `s` into at most `lines` lines of `max` columns; the last is cut with `…` if text remains.
///
/// Lines break where the Unicode line-breaking rules allow: after a space in English, between
/// Chinese characters but never before a closing mark (，。、）》 …) or after an opening one
/// (（《「 …); a run with no such place that is wider than a line (a long address) is broken
/// between grapheme clusters, and a cluster is never split.
pub fn wrap(s: &str, max: usize, lines: usize) -> Vec<String> {
    let s = shown(s);
    let gs: Vec<(usize, &str)> = s.grapheme_indices(true).collect();
    let allowed = break_before(&s, &gs);
    let mut out: Vec<String> = Vec::new();
    let mut start = 0;
    while start < gs.len() && out.len() < lines {
        let from = gs[start].0;
        if out.len() + 1 == lines {
            out.push(fit(&s[from..], max));
            return out;
        }
        let end = line_end(&gs, &allowed, start, max);
        let to = gs.get(end).map_or(s.len(), |(at, _)| *at);
        out.push(s[from..to].trim_end().to_string());
        start = end;
        while start < gs.len() && gs[start].1 == " " {
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

    /// Every line of `lines` obeys the rules of Chinese line breaking.
    fn no_mark_out_of_place(lines: &[String]) {
        for (k, l) in lines.iter().enumerate() {
            if k > 0 {
                assert!(!l.starts_with(|c| NO_LINE_START.contains(c)), "{lines:?}");
            }
            if k + 1 < lines.len() {
                assert!(!l.ends_with(|c| NO_LINE_END.contains(c)), "{lines:?}");
            }
        }
    }

    #[test]
    fn a_comma_or_a_full_stop_never_starts_a_line() {
        // Eight characters fill the line, and the comma after them would start the next.
        let lines = wrap("各单位要高度重视，认真落实。再次强调", 16, 4);
        assert_eq!(lines, ["各单位要高度重", "视，认真落实。再", "次强调"]);
        no_mark_out_of_place(&lines);
        for mark in "，。、：；！？）》」』】”".chars() {
            let text = format!("作风建设{mark}持续推进");
            let lines = wrap(&text, 8, 3);
            assert_eq!(lines[0], "作风建", "{mark}: {lines:?}");
            assert!(lines[1].starts_with(&format!("设{mark}")), "{lines:?}");
            no_mark_out_of_place(&lines);
        }
    }

    #[test]
    fn a_title_in_book_marks_does_not_leave_its_opening_mark_at_a_line_end() {
        assert_eq!(
            wrap("要求学习《意见》全文", 10, 3),
            ["要求学习", "《意见》全", "文"]
        );
        for mark in "（《「『【“".chars() {
            let text = format!("认真学习{mark}通知");
            let lines = wrap(&text, 10, 3);
            assert_eq!(lines[0], "认真学习", "{mark}: {lines:?}");
            no_mark_out_of_place(&lines);
        }
    }

    #[test]
    fn a_long_address_breaks_after_its_slashes_then_between_characters() {
        let url = "https://www.zhucheng.gov.cn/zwgk/tzgg/201707/t20170710_1234567.html";
        let lines = wrap(&format!("详见 {url}"), 20, usize::MAX);
        assert_eq!(
            lines,
            [
                "详见 https://",
                "www.zhucheng.gov.cn/",
                "zwgk/tzgg/201707/",
                "t20170710_1234567.ht",
                "ml"
            ]
        );
        // Cut at the last line with the mark that text remains.
        let cut = wrap(url, 12, 2);
        assert_eq!(cut, ["https://", "www.zhuchen…"]);
    }

    #[test]
    fn quotes_in_chinese_break_outside_them_and_not_inside() {
        let lines = wrap("诸城市“作风建设年”活动", 8, 4);
        assert_eq!(lines, ["诸城市", "“作风建", "设年”活", "动"]);
        no_mark_out_of_place(&lines);
    }

    #[test]
    fn english_in_chinese_keeps_its_words_and_figures_whole() {
        assert_eq!(
            wrap("完成2017年度ERP系统升级", 9, 4),
            ["完成2017", "年度ERP系", "统升级"]
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
