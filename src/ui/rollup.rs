//! The interactive roll-up: one row per board, totals above, keys below.

use super::text::{fit, pad, width};
use super::{block, Theme};
use crate::report::percent;
use crate::rollup::{BoardRow, Rollup};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// The rows in the order shown: readable boards as sorted, then those left out.
pub fn rows_in_order<'a>(r: &'a Rollup, order: &[usize]) -> Vec<&'a BoardRow> {
    order.iter().filter_map(|&i| r.boards.get(i)).collect()
}

/// Right-aligns `s` in `w` columns.
fn right(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

/// One table line: the title column takes what the figures leave.
fn line(cells: [&str; 8], w: usize, wide: bool) -> String {
    let [mark, title, total, done, rate, elapsed, overdue, as_of] = cells;
    let figures = format!(
        "{}{}{}{}{}",
        right(total, 6),
        right(done, 6),
        right(rate, 8),
        right(elapsed, 8),
        right(overdue, 6)
    );
    let tail = if wide {
        format!("  {}", pad(as_of, 25))
    } else {
        String::new()
    };
    let title_w = w.saturating_sub(width(mark) + 1 + width(&figures) + width(&tail));
    format!(
        "{mark} {}{figures}{tail}",
        pad(&fit(title, title_w), title_w)
    )
}

/// Draws the roll-up table with row `sel` (in `order`) selected.
pub fn draw(
    frame: &mut Frame,
    r: &Rollup,
    order: &[usize],
    sel: usize,
    sort: &str,
    theme: &Theme,
    keys: &crate::keymap::Keymap,
) {
    let lang = r.lang();
    let p = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let area = frame.area();
    let w = usize::from(area.width.saturating_sub(2));
    let wide = w >= 100;
    let t = &r.total;
    let readable = r.boards.iter().filter(|b| b.figures.is_ok()).count();
    let mut lines = vec![
        Line::raw(fit(
            &format!(
                " {} {}/{}  {} {}  {} {} ({})  {} {}  {} {}  {}{sort}",
                p("看板", "boards"),
                readable,
                r.boards.len(),
                p("任务", "tasks"),
                t.total,
                p("完成", "done"),
                t.done,
                percent(t.rate()),
                p("逾期", "overdue"),
                t.overdue,
                p("即将到期", "due soon"),
                t.due_soon,
                p("排序：", "sort: "),
            ),
            w,
        )),
        Line::styled(
            line(
                [
                    " ",
                    p("看板", "Board"),
                    p("任务", "Tasks"),
                    p("完成", "Done"),
                    p("完成率", "Rate"),
                    p("序时", "Elapsed"),
                    p("逾期", "Late"),
                    p("数据时间", "As of"),
                ],
                w,
                wide,
            ),
            theme.key(),
        ),
    ];
    let rows = rows_in_order(r, order);
    let room = usize::from(area.height.saturating_sub(6)).max(1);
    let first = sel.saturating_sub(room - 1);
    for (n, b) in rows.iter().enumerate().skip(first).take(room) {
        let mark = if n == sel { theme.marker() } else { " " };
        let as_of = match (&b.fetched_at, &b.stale) {
            (Some(at), Some(_)) => format!("!{}", at.get(..16).unwrap_or(at)),
            (Some(at), None) => at.get(..16).unwrap_or(at).to_string(),
            _ => p("本地", "local").to_string(),
        };
        let text = match &b.figures {
            Ok(f) => line(
                [
                    mark,
                    &b.title,
                    &f.tally.total.to_string(),
                    &f.tally.done.to_string(),
                    &percent(f.tally.rate()),
                    &percent(f.elapsed),
                    &f.tally.overdue.to_string(),
                    &as_of,
                ],
                w,
                wide,
            ),
            Err(e) => fit(
                &format!("{mark} {}  {}{e}", b.title, p("未计入：", "left out: ")),
                w,
            ),
        };
        let style = match (&b.figures, n == sel) {
            (_, true) => theme.selected(),
            (Err(_), false) => theme.alert(),
            _ => ratatui::style::Style::new(),
        };
        lines.push(Line::styled(pad(&text, w), style));
    }
    let hints = super::hints::of(
        keys,
        crate::keymap::Mode::Rollup,
        lang,
        theme.ascii,
        &|_| true,
        &|_| None,
    );
    let keys = super::picker::line_of(&super::hints::fitting(hints, 2, w));
    let used = lines.len() + 2;
    lines.extend((used..usize::from(area.height)).map(|_| Line::raw("")));
    lines.truncate(usize::from(area.height.saturating_sub(3)));
    lines.push(Line::styled(fit(&keys, w), theme.key()));
    let title = format!("{} {}", p("汇总", "Roll-up"), r.today.format("%Y-%m-%d"));
    frame.render_widget(Paragraph::new(lines).block(block(theme, title)), area);
    super::scrub(frame.buffer_mut());
}
