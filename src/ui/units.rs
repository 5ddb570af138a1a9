//! The by-unit view: one row per lead unit, or the open unit's tasks across all phases.

use super::kanban::first_shown;
use super::text::{fit, keep, pad, width};
use super::words::paren;
use super::{days_text, Theme};
use crate::app::App;
use crate::model::facts::UnitTally;
use crate::report::percent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

/// Right-aligns `s` in `w` columns.
fn num(s: impl ToString, w: usize) -> String {
    let s = s.to_string();
    format!("{}{s}", " ".repeat(w.saturating_sub(width(&s))))
}

/// A text bar of `w` cells, `rate` of it full.
pub fn bar(theme: &Theme, rate: f64, w: usize) -> String {
    let full = ((rate.clamp(0.0, 1.0) * w as f64).round() as usize).min(w);
    let (f, e) = theme.bar_cells();
    format!("{}{}", f.repeat(full), e.repeat(w - full))
}

/// Draws the table of units, or the open unit's tasks; returns how many rows show at once.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> usize {
    let lang = app.lang();
    let title = match &app.units.open {
        Some(id) => format!(
            " {} {}{} ",
            app.board.unit_name(id),
            lang.pick("牵头的任务", "leads"),
            paren(lang, &app.units.tasks.len().to_string()),
        ),
        None => format!(
            " {}  ·  {} ",
            lang.pick("按牵头单位", "By lead unit"),
            app.units.sort.label(lang),
        ),
    };
    let block = Block::bordered()
        .border_set(theme.border_focus())
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let rows = usize::from(inner.height).saturating_sub(1).max(1);
    let lines = if app.units.open.is_some() {
        tasks(app, theme, w, rows)
    } else {
        let sel = app.units.row;
        let start = first_shown(sel, rows, app.units.rows.len());
        table(app, theme, &app.units.rows, Some(sel), start, w, rows)
    };
    frame.render_widget(Paragraph::new(lines), inner);
    rows
}

/// The table's figure columns: header, the rank that decides which stay on a narrow screen
/// (tasks, overdue, due soon and the rate stay longest), and each row's value.
fn columns(lang: crate::model::Lang) -> [(&'static str, u8); 7] {
    [
        (lang.pick("任务", "Tasks"), 1),
        (lang.pick("已完成", "Done"), 3),
        (lang.pick("推进中", "Doing"), 4),
        (lang.pick("未启动", "To do"), 4),
        (lang.pick("逾期", "Late"), 1),
        (lang.pick("即将到期", "Soon"), 2),
        (lang.pick("完成率", "Done %"), 1),
    ]
}

/// The table's header and the rows of one page: `sel` is the selected row, if any.
pub fn table(
    app: &App,
    theme: &Theme,
    units: &[UnitTally],
    sel: Option<usize>,
    start: usize,
    w: usize,
    rows: usize,
) -> Vec<Line<'static>> {
    let lang = app.lang();
    let cols = columns(lang);
    // Figures are never cut: whole columns give way, the rank and at least 8 columns of name
    // staying, and "100.0%" always fits the rate column.
    let all: Vec<usize> = cols
        .iter()
        .enumerate()
        .map(|(i, (h, _))| width(h).max(if i == 6 { 6 } else { 4 }) + 1)
        .collect();
    let sizes: Vec<(usize, u8)> = all.iter().zip(&cols).map(|(c, (_, r))| (*c, *r)).collect();
    let shown = keep(&sizes, 0, w.saturating_sub(5 + 8 + 1));
    let cw: Vec<usize> = all
        .iter()
        .zip(&shown)
        .map(|(c, s)| if *s { *c } else { 0 })
        .collect();
    let fixed: usize = cw.iter().sum::<usize>() + 5;
    let bar_w = if w > fixed + 40 { 12 } else { 0 };
    let name_w = w.saturating_sub(fixed + bar_w + 1).max(8);
    let mut head = format!(
        "{}{}",
        pad(lang.pick(" 排名", " Rank"), 6),
        pad(lang.pick("牵头单位", "Lead unit"), name_w)
    );
    for ((h, _), c) in cols.iter().zip(&cw) {
        if *c > 0 {
            head.push_str(&num(h, *c));
        }
    }
    let mut lines = vec![Line::styled(fit(&head, w), theme.title())];
    // The rank is the unit's place in the one ranking, whatever order the rows are in.
    let ranks: std::collections::HashMap<String, String> =
        crate::model::rank::rank(&app.board, units)
            .into_iter()
            .map(|r| {
                let shown = if r.tied {
                    format!("{}{}", lang.pick("并", "="), r.rank)
                } else {
                    r.rank.to_string()
                };
                (r.unit.id, shown)
            })
            .collect();
    for (i, u) in units.iter().enumerate().skip(start).take(rows) {
        let t = &u.tally;
        let selected = sel == Some(i) && app.popup.is_none();
        let base = theme.row(selected);
        let marker = if selected { theme.marker() } else { " " };
        let mut spans = vec![
            Span::styled(
                format!(
                    "{marker}{}",
                    pad(ranks.get(&u.id).map_or("", String::as_str), 5)
                ),
                base,
            ),
            Span::styled(pad(&u.name, name_w), base),
        ];
        let cells = [t.total, t.done, t.doing, t.todo];
        for (n, c) in cells.iter().zip(&cw).filter(|(_, c)| **c > 0) {
            spans.push(Span::styled(num(n, *c), base));
        }
        use crate::model::facts::Light;
        for (n, light, c) in [
            (t.overdue, Light::Red, cw[4]),
            (t.due_soon, Light::Yellow, cw[5]),
        ] {
            if c == 0 {
                continue;
            }
            let (text, style) = if n > 0 {
                (
                    format!("{}{n}", theme.symbol(light)),
                    theme.light(light).patch(base),
                )
            } else {
                ("0".into(), base)
            };
            spans.push(Span::styled(num(text, c), style));
        }
        if cw[6] > 0 {
            spans.push(Span::styled(num(percent(t.rate()), cw[6]), base));
        }
        if bar_w > 0 {
            spans.push(Span::styled(
                format!(" {}", bar(theme, t.rate(), bar_w - 1)),
                base,
            ));
        }
        lines.push(Line::from(spans));
    }
    if units.is_empty() {
        lines.push(Line::raw(
            lang.pick(" （没有符合条件的任务）", " (no matching tasks)"),
        ));
    }
    lines
}

fn tasks(app: &App, theme: &Theme, w: usize, rows: usize) -> Vec<Line<'static>> {
    let lang = app.lang();
    let b = &app.board;
    let today = app.opts.today;
    let head = format!(
        "{}{}{}{}{}",
        pad(lang.pick("  编号", "  ID"), 8),
        pad(lang.pick("时限", "Due"), 7),
        pad(lang.pick("亮灯", "Light"), 14),
        pad(lang.pick("状态", "Status"), 9),
        lang.pick("阶段·任务", "Phase · task")
    );
    let mut lines = vec![Line::styled(fit(&head, w), theme.title())];
    let sel = app.units.task_row;
    let start = first_shown(sel, rows, app.units.tasks.len());
    for (r, &i) in app.units.tasks.iter().enumerate().skip(start).take(rows) {
        let t = &b.tasks[i];
        let light = b.light(t, today);
        let selected = r == sel && app.popup.is_none();
        let base = theme.row(selected);
        let marker = if selected { theme.marker() } else { " " };
        let due = t
            .effective_deadline()
            .map(|d| d.format("%m-%d").to_string())
            .unwrap_or_default();
        let status = b
            .statuses
            .iter()
            .find(|s| s.id == t.status)
            .map_or(t.status.as_str(), |s| s.name.as_str());
        let phase = b
            .phase_index(&t.phase)
            .map_or("?".into(), |p| (p + 1).to_string());
        let rest = w.saturating_sub(8 + 7 + 14 + 9);
        lines.push(Line::from(vec![
            Span::styled(format!("{marker} {}", pad(&t.id, 6)), base),
            Span::styled(pad(&due, 7), base),
            Span::styled(
                pad(
                    &format!(
                        "{} {}",
                        theme.symbol(light),
                        days_text(lang, light, t, today)
                    ),
                    14,
                ),
                theme.light(light).patch(base),
            ),
            Span::styled(format!("{} ", pad(status, 8)), base),
            Span::styled(pad(&format!("{phase}·{}", t.title), rest), base),
        ]));
    }
    lines
}
