//! The Markdown report, ready to paste into meeting minutes.

use super::tables::{self, Section};
use super::Report;
use crate::model::Lang;
use std::fmt::Write;

/// Text placed inside a line of Markdown (a heading or a table cell), kept inside it.
///
/// A line break would end the heading or the row, so that a title could forge headings and
/// rows of its own; it becomes a space. Every character that Markdown reads as markup (links,
/// images, emphasis, HTML, the cell separator, a closing `#`) is escaped with a backslash, so
/// a value shows as the text it is and never as a picture fetched from elsewhere. What could
/// act on a terminal is escaped visibly.
pub fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in crate::model::text::printable(&s.replace(['\r', '\n'], " ")).chars() {
        if "\\`*_[]<>!|#~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a table cell.
fn cell(s: &str) -> String {
    inline(s)
}

/// Appends one table row.
pub fn row(out: &mut String, cells: &[String]) {
    out.push('|');
    for c in cells {
        out.push(' ');
        out.push_str(&cell(c));
        out.push_str(" |");
    }
    out.push('\n');
}

/// Appends a table's header row and its rule.
pub fn header(out: &mut String, cells: &[&str]) {
    row(
        out,
        &cells.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
    );
    out.push('|');
    for _ in cells {
        out.push_str(" --- |");
    }
    out.push('\n');
}

/// Appends a table of the report, or what to say when it has no rows and says something.
pub(super) fn table(out: &mut String, s: &Section) {
    if s.rows.is_empty() && !s.none.is_empty() {
        let _ = writeln!(out, "{}\n", s.none);
        return;
    }
    let head: Vec<&str> = s.head.iter().map(String::as_str).collect();
    header(out, &head);
    for r in &s.rows {
        row(out, r);
    }
    out.push('\n');
}

/// "逾期任务（3）" or "Overdue (3)": full-width brackets belong to Chinese text only.
pub(super) fn counted(lang: Lang, what: &str, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{what}（{n}）"),
        Lang::En => format!("{what} ({n})"),
    }
}

/// Renders the report as Markdown in the board's language.
pub fn render(r: &Report) -> String {
    let lang = r.lang();
    let b = r.board;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}{}{}\n",
        inline(&b.title),
        inline(&r.scope_label()),
        lang.pick(" 工作进展", " progress report")
    );
    let _ = writeln!(out, "{}\n", r.summary_line());

    if let Some(c) = &r.changes {
        super::md_since::render(&mut out, b, c);
    }
    let _ = writeln!(out, "## {}\n", lang.pick("各阶段进展", "By phase"));
    table(&mut out, &tables::phases(r));

    let _ = writeln!(
        out,
        "## {}\n",
        lang.pick(
            "各牵头单位排名（完成率高的在前，其次逾期少、即将到期少的在前）",
            "Lead units ranked (highest completion first, then fewest overdue, then fewest due soon)"
        )
    );
    table(&mut out, &tables::ranking(r));

    for late in [true, false] {
        let section = tables::tasks(r, late);
        let _ = writeln!(out, "## {}\n", counted(lang, &section.title, section.count));
        table(&mut out, &section);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::inline;

    #[test]
    fn values_stay_inside_their_line_as_plain_text() {
        assert_eq!(
            inline("x\n\n## 全部任务已完成\n\n![x](http://e.cn/a.png)"),
            "x  \\#\\# 全部任务已完成  \\!\\[x\\](http://e.cn/a.png)"
        );
        assert_eq!(inline("a|b <img>"), "a\\|b \\<img\\>");
        assert_eq!(inline("作风建设年 2024-06-30"), "作风建设年 2024-06-30");
        assert_eq!(inline("a\u{1b}[2J"), "a\\\\u{1b}\\[2J");
    }
}
