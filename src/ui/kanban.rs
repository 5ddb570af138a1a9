//! The kanban of a phase: one column per status, cards paged to fit.

use super::text::{fit, fit_figures, pad, pieces, width, wrap};
use super::{days_text, Theme};
use crate::app::App;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

/// Lines one card takes.
pub const CARD_ROWS: u16 = 4;

/// Cards of `rows` lines each that fit in a column whose inner height is `h` (one line above
/// and below for scroll markers).
fn fitting(h: u16, rows: u16) -> usize {
    usize::from(h.saturating_sub(2) / rows.max(1)).max(1)
}

/// Lines a card takes as shown: one in compact mode (on the board only; slides keep four).
fn card_rows(app: &App, showing: Showing) -> u16 {
    match showing {
        Showing::Selection { .. } if app.compact => 1,
        _ => CARD_ROWS,
    }
}

/// Which card is selected and which page shows.
#[derive(Debug, Clone, Copy)]
pub enum Showing {
    /// The board: the page holding each column's selected row.
    Selection {
        /// The current column, whose selected card is marked.
        current: usize,
        /// Whether it is highlighted (not while a popup is open).
        focused: bool,
    },
    /// A slide: this page of every column, nothing selected.
    Page(usize),
}

/// Draws the current phase of the board; returns how many cards a column shows.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> usize {
    let showing = Showing::Selection {
        current: app.col,
        focused: app.popup.is_none(),
    };
    columns(frame, area, app, theme, &app.columns, showing)
}

/// The first card shown of `len` when `sel` is selected and `cap` fit: the page holding the
/// selection, moved up so that the column stays filled (a card moved in last must not show
/// alone above empty space).
pub fn first_shown(sel: usize, cap: usize, len: usize) -> usize {
    let cap = cap.max(1);
    ((sel / cap) * cap).min(len.saturating_sub(cap))
}

/// Draws the given columns of task indices (one per status); returns how many cards a column
/// shows.
pub fn columns(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    cols: &[Vec<usize>],
    showing: Showing,
) -> usize {
    let n = app.board.statuses.len().max(1);
    let rects = Layout::horizontal(vec![Constraint::Ratio(1, n as u32); n]).split(area);
    for (c, rect) in rects.iter().enumerate() {
        let cards = cols.get(c).map_or(&[][..], Vec::as_slice);
        column(frame, *rect, app, theme, c, cards, showing);
    }
    fitting(area.height.saturating_sub(2), card_rows(app, showing))
}

fn column(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    c: usize,
    cards: &[usize],
    showing: Showing,
) {
    let lang = app.lang();
    let Some(status) = app.board.statuses.get(c) else {
        return;
    };
    let (current, focused) = match showing {
        Showing::Selection { current, focused } => (current == c, current == c && focused),
        Showing::Page(_) => (false, false),
    };
    // The count is a figure: the name gives way to it.
    let count = cards.len().to_string();
    let room = usize::from(area.width).saturating_sub(width(&count) + 5);
    let title = format!(" {} {count} ", fit(&status.name, room));
    let block = Block::bordered()
        // Focus shows in the reversed title and the card marker, not a heavier border: repainting
        // two whole borders on every column change would double what goes over the wire.
        .border_set(theme.border())
        .title(Span::styled(
            title,
            if focused {
                theme.selected()
            } else {
                theme.title()
            },
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    if w == 0 || inner.height == 0 {
        return;
    }
    let cap = fitting(inner.height, card_rows(app, showing));
    let (start, sel) = match showing {
        Showing::Selection { .. } => {
            let sel = app.rows.get(c).copied().unwrap_or(0);
            (first_shown(sel, cap, cards.len()), Some(sel))
        }
        Showing::Page(p) => (
            (p * cap).min(cards.len().saturating_sub(1) / cap * cap),
            None,
        ),
    };
    let end = (start + cap).min(cards.len());
    let (up, down) = theme.arrows();
    let mut lines: Vec<Line> = Vec::new();
    lines.push(if start > 0 {
        Line::from(format!("{up} {}{start}", lang.pick("上方 ", "above: ")))
    } else {
        Line::raw("")
    });
    for (r, &i) in cards.iter().enumerate().take(end).skip(start) {
        let marked = current && sel == Some(r);
        if card_rows(app, showing) == 1 {
            lines.push(compact(app, theme, i, w, focused && marked, marked));
        } else {
            card(&mut lines, app, theme, i, w, focused && marked, marked);
        }
    }
    while lines.len() < usize::from(inner.height).saturating_sub(1) {
        lines.push(Line::raw(""));
    }
    let below = cards.len() - end;
    lines.truncate(usize::from(inner.height).saturating_sub(1));
    if below > 0 {
        lines.push(Line::from(format!(
            "{down} {}{below}",
            lang.pick("下方 ", "below: ")
        )));
    }
    if cards.is_empty() {
        lines[0] = Line::raw(fit(lang.pick("（无）", "(none)"), w));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A card's first cells: the selection marker, the batch mark and the id, cut to `w`.
fn head(app: &App, theme: &Theme, i: usize, w: usize, marked: bool) -> String {
    let marker = if marked { theme.marker() } else { " " };
    let mark = if app.is_marked(i) { theme.mark() } else { "" };
    fit(&format!("{marker}{mark}{} ", app.board.tasks[i].id), w)
}

/// Appends the four lines of one card: marker, id, light and deadline; title (two lines); lead unit.
fn card(
    lines: &mut Vec<Line>,
    app: &App,
    theme: &Theme,
    i: usize,
    w: usize,
    selected: bool,
    marked: bool,
) {
    let b = &app.board;
    let t = &b.tasks[i];
    let today = app.opts.today;
    let light = b.light(t, today);
    let base = theme.row(selected);
    let deadline = t
        .effective_deadline()
        .map(|d| d.format("%m-%d").to_string())
        .unwrap_or_default();
    let ext = if t.extended_to.is_some() {
        app.lang().pick("延", "ext")
    } else {
        ""
    };
    let head = head(app, theme, i, w, marked);
    // Light, deadline and days, each whole: the deadline goes first when room is short, then
    // the days; the light's symbol always stays.
    let tail = pieces(
        &[
            (theme.symbol(light).to_string(), 1),
            (format!("{deadline}{ext}"), 3),
            (days_text(app.lang(), light, t, today), 2),
        ],
        " ",
        w.saturating_sub(width(&head)),
    );
    let gap = w.saturating_sub(width(&head) + width(&tail));
    lines.push(Line::from(vec![
        Span::styled(head, base.add_modifier(Modifier::BOLD)),
        Span::styled(" ".repeat(gap), base),
        Span::styled(tail, theme.light(light).patch(base)),
    ]));
    let title = wrap(&t.title, w.saturating_sub(1), 2);
    for k in 0..2 {
        let s = title.get(k).map_or("", String::as_str);
        lines.push(Line::styled(pad(&format!(" {s}"), w), base));
    }
    let mut lead = b.unit_name(&t.lead).to_string();
    if !t.partners.is_empty() {
        lead.push_str(&format!(" +{}", t.partners.len()));
    }
    let chased = super::chased_text(app.lang(), t.chase_count());
    let lead = fit(&format!(" {lead}"), w.saturating_sub(width(&chased)));
    let gap = w.saturating_sub(width(&lead) + width(&chased));
    lines.push(Line::from(vec![
        Span::styled(
            format!("{lead}{}", " ".repeat(gap)),
            base.add_modifier(Modifier::UNDERLINED),
        ),
        Span::styled(
            chased,
            theme.light(crate::model::facts::Light::Yellow).patch(base),
        ),
    ]));
}

/// One card on one line: marker, id, light, title, deadline; the title gives way first.
fn compact(
    app: &App,
    theme: &Theme,
    i: usize,
    w: usize,
    selected: bool,
    marked: bool,
) -> Line<'static> {
    let t = &app.board.tasks[i];
    let light = app.board.light(t, app.opts.today);
    let base = theme.row(selected);
    let head = head(app, theme, i, w, marked);
    let deadline = t
        .effective_deadline()
        .map(|d| format!(" {}", d.format("%m-%d")))
        .unwrap_or_default();
    let symbol = format!("{} ", theme.symbol(light));
    // The light's symbol stays; the deadline goes before the title is cut to nothing.
    let room = w.saturating_sub(width(&head) + width(&symbol));
    let deadline = if room >= width(&deadline) + 4 {
        deadline
    } else {
        String::new()
    };
    let title = pad(
        &fit_figures(&t.title, room.saturating_sub(width(&deadline))),
        room.saturating_sub(width(&deadline)),
    );
    Line::from(vec![
        Span::styled(head, base.add_modifier(Modifier::BOLD)),
        Span::styled(symbol, theme.light(light).patch(base)),
        Span::styled(title, base),
        Span::styled(deadline, theme.light(light).patch(base)),
    ])
}
