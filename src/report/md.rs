//! The Markdown report, ready to paste into meeting minutes.

use super::{percent, Report, TaskRow};
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

fn task_table(out: &mut String, lang: Lang, rows: &[TaskRow], days_label: &str, none: &str) {
    if rows.is_empty() {
        let _ = writeln!(out, "{none}\n");
        return;
    }
    header(
        out,
        &[
            lang.pick("编号", "ID"),
            lang.pick("任务", "Task"),
            lang.pick("牵头单位", "Lead unit"),
            lang.pick("完成时限", "Deadline"),
            days_label,
            lang.pick("状态", "Status"),
            lang.pick("最新进展", "Latest progress"),
        ],
    );
    for r in rows {
        row(
            out,
            &[
                r.id.clone(),
                r.title.clone(),
                r.lead_name.clone(),
                r.deadline.to_string(),
                r.days.to_string(),
                r.status.clone(),
                r.latest
                    .as_ref()
                    .map_or_else(|| lang.pick("无", "none").to_string(), |l| l.line()),
            ],
        );
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
    let mut cols: Vec<&str> = vec![lang.pick("阶段", "Phase"), lang.pick("时间", "Dates")];
    cols.extend(b.statuses.iter().map(|s| s.name.as_str()));
    cols.extend([
        lang.pick("合计", "Total"),
        lang.pick("逾期", "Overdue"),
        lang.pick("即将到期", "Due soon"),
        lang.pick("完成率", "Done %"),
    ]);
    header(&mut out, &cols);
    for p in r
        .summary
        .phases
        .iter()
        .filter(|p| p.tally.total > 0 || r.scope.phase.is_none())
    {
        let phase = &b.phases[p.phase];
        let mut cells = vec![
            phase.name.clone(),
            format!("{} ~ {}", phase.start, phase.end),
        ];
        cells.extend(p.by_status.iter().map(|n| n.to_string()));
        cells.extend([
            p.tally.total.to_string(),
            p.tally.overdue.to_string(),
            p.tally.due_soon.to_string(),
            percent(p.tally.rate()),
        ]);
        row(&mut out, &cells);
    }
    out.push('\n');

    let _ = writeln!(
        out,
        "## {}\n",
        lang.pick(
            "各牵头单位排名（完成率高的在前，其次逾期少、即将到期少的在前）",
            "Lead units ranked (highest completion first, then fewest overdue, then fewest due soon)"
        )
    );
    header(
        &mut out,
        &[
            lang.pick("排名", "Rank"),
            lang.pick("牵头单位", "Lead unit"),
            lang.pick("任务", "Tasks"),
            lang.pick("已完成", "Done"),
            lang.pick("推进中", "In progress"),
            lang.pick("未启动", "Not started"),
            lang.pick("逾期", "Overdue"),
            lang.pick("即将到期", "Due soon"),
            lang.pick("完成率", "Done %"),
        ],
    );
    for ranked in &r.ranking {
        let (u, u_t) = (&ranked.unit, &ranked.unit.tally);
        row(
            &mut out,
            &[
                crate::model::rank::label(ranked.rank, ranked.tied, lang),
                u.name.clone(),
                u_t.total.to_string(),
                u_t.done.to_string(),
                u_t.doing.to_string(),
                u_t.todo.to_string(),
                u_t.overdue.to_string(),
                u_t.due_soon.to_string(),
                percent(u_t.rate()),
            ],
        );
    }
    out.push('\n');

    let _ = writeln!(
        out,
        "## {}\n",
        counted(lang, lang.pick("逾期任务", "Overdue"), r.overdue.len())
    );
    task_table(
        &mut out,
        lang,
        &r.overdue,
        lang.pick("逾期天数", "Days late"),
        lang.pick("无逾期任务。", "No overdue tasks."),
    );
    let _ = writeln!(
        out,
        "## {}\n",
        counted(lang, lang.pick("即将到期", "Due soon"), r.due_soon.len())
    );
    task_table(
        &mut out,
        lang,
        &r.due_soon,
        lang.pick("剩余天数", "Days left"),
        lang.pick("无即将到期任务。", "No tasks due soon."),
    );
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
