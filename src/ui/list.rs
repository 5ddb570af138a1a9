//! The task list: every task across phases, one row each, with a scrollbar.
//!
//! Only the rows on screen are built, from the order the app keeps; columns give way whole on a
//! narrow screen (the least needed first), so a date or a figure is never cut.

use super::kanban::first_shown;
use super::text::{fit, fit_figures, keep, pad, width};
use super::words::paren;
use super::{days_text, Theme};
use crate::app::{latest, App, ListColumn};
use crate::model::Lang;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use ratatui::Frame;

/// Columns of the light's cell: symbol and days (`● 逾期120天`, `○ no deadline`).
const LIGHT_W: usize = 13;
/// Columns of a date.
const DATE_W: usize = 10;
/// The title never gets fewer columns than this.
const TITLE_MIN: usize = 12;

/// Which columns show and how wide, at `w` columns: the title takes what is left.
fn widths(app: &App, lang: Lang, w: usize) -> [usize; 8] {
    let b = &app.board;
    let widest = |it: &mut dyn Iterator<Item = usize>, min: usize| it.max().unwrap_or(0).max(min);
    // Room for the sort arrow after the heading.
    let head = |c: ListColumn| width(c.label(lang)) + 2;
    let id_w = app.list.id_width.max(head(ListColumn::Id));
    let phase_w = widest(
        &mut std::iter::once(b.phases.len().to_string().len()),
        head(ListColumn::Phase),
    );
    let lead_w = widest(
        &mut b.units.iter().map(|u| width(&u.name)),
        head(ListColumn::Lead),
    )
    .min(14);
    let status_w = widest(
        &mut b.statuses.iter().map(|s| width(&s.name)),
        head(ListColumn::Status),
    );
    // id, phase, title, lead, deadline, light, status, latest; with one space after each.
    let all = [
        id_w,
        phase_w,
        TITLE_MIN,
        lead_w,
        DATE_W.max(head(ListColumn::Deadline)),
        LIGHT_W.max(head(ListColumn::Light)),
        status_w,
        DATE_W.max(head(ListColumn::Latest)),
    ];
    let ranks = [1, 3, 1, 3, 2, 1, 2, 4];
    let sizes: Vec<(usize, u8)> = all.iter().zip(ranks).map(|(c, r)| (c + 1, r)).collect();
    let shown = keep(&sizes, 0, w.saturating_sub(2));
    let mut out = [0; 8];
    for (i, (c, s)) in all.iter().zip(shown).enumerate() {
        out[i] = if s { *c } else { 0 };
    }
    let used: usize = out.iter().filter(|c| **c > 0).map(|c| c + 1).sum();
    out[2] += w.saturating_sub(2 + used);
    out
}

/// Draws the list; returns how many rows show at once.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> usize {
    let lang = app.lang();
    let (up, down) = theme.sort_arrows();
    let arrow = if app.list.reverse { down } else { up };
    let column = app.list.column;
    let count = app.list.tasks.len();
    let title = format!(
        " {}{}  ·  {}{} {arrow} ",
        lang.pick("全部任务", "All tasks"),
        paren(lang, &count.to_string()),
        lang.pick("按", "by "),
        column.label(lang),
    );
    let block = Block::bordered()
        .border_set(theme.border_focus())
        .title(Span::styled(
            fit(&title, usize::from(area.width).saturating_sub(2)),
            theme.title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let rows = usize::from(inner.height).saturating_sub(1).max(1);
    let cw = widths(app, lang, w);
    let mut head = String::from("  ");
    for (c, col) in cw.iter().zip(ListColumn::ALL) {
        if *c > 0 {
            let mut label = col.label(lang).to_string();
            if col == column {
                label.push_str(arrow);
            }
            head.push_str(&pad(&label, *c));
            head.push(' ');
        }
    }
    let mut lines = vec![Line::styled(fit(&head, w), theme.title())];
    let sel = app.list.row;
    let start = first_shown(sel, rows, count);
    for (r, &i) in app.list.tasks.iter().enumerate().skip(start).take(rows) {
        lines.push(row(app, theme, i, r == sel && app.popup.is_none(), &cw));
    }
    if count == 0 {
        lines.push(Line::raw(
            lang.pick(" （没有符合条件的任务）", " (no matching tasks)"),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if count > rows {
        // On the right border, below the header, as ratatui's demo draws a table's scrollbar.
        let mut state = ScrollbarState::new(count.saturating_sub(rows)).position(start);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some(if theme.ascii { "|" } else { "│" }))
            .thumb_symbol(if theme.ascii { "#" } else { "█" });
        let track = area.inner(Margin {
            vertical: 1,
            horizontal: 0,
        });
        let track = Rect {
            y: track.y + 1,
            height: track.height.saturating_sub(1),
            ..track
        };
        frame.render_stateful_widget(bar, track, &mut state);
    }
    rows
}

/// One task's row in the columns `cw` (0: not shown).
fn row(app: &App, theme: &Theme, i: usize, selected: bool, cw: &[usize; 8]) -> Line<'static> {
    let lang = app.lang();
    let b = &app.board;
    let t = &b.tasks[i];
    let today = app.opts.today;
    let light = b.light(t, today);
    let base = theme.row(selected);
    let marker = if selected { theme.marker() } else { " " };
    let mark = if app.is_marked(i) { theme.mark() } else { " " };
    let day = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "—".to_string(), |d| d.to_string());
    let phase = b
        .phase_index(&t.phase)
        .map_or("?".into(), |p| (p + 1).to_string());
    let cells = [
        (t.id.to_string(), base),
        (phase, base),
        (t.title.clone(), base),
        (b.unit_name(&t.lead).to_string(), base),
        (day(t.effective_deadline()), base),
        (
            format!(
                "{} {}",
                theme.symbol(light),
                days_text(lang, light, t, today)
            ),
            theme.light(light).patch(base),
        ),
        (b.status_name(&t.status).to_string(), base),
        (day(latest(t)), base),
    ];
    let mut spans = vec![Span::styled(format!("{marker}{mark}"), base)];
    for ((text, style), c) in cells.into_iter().zip(cw) {
        if *c > 0 {
            spans.push(Span::styled(pad(&fit_figures(&text, *c), *c), style));
            spans.push(Span::styled(" ", base));
        }
    }
    Line::from(spans)
}
