//! The footer: a message, the search prompt or the active filters, and the keys of the mode,
//! generated from the key table. Help always shows; less important keys give way first.

use super::hints::{self, Hint};
use super::text::{fit, width};
use super::words::{self, colon, paren};
use super::{light_name, Theme};
use crate::app::{Action, App};
use crate::keymap::Mode;
use crate::model::Lang;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

fn filter_text(app: &App) -> Option<String> {
    let l = app.lang();
    let f = &app.filters;
    if !f.active() {
        return None;
    }
    let mut parts = Vec::new();
    if !f.search.is_empty() {
        parts.push(format!("{}{}", l.pick("搜索=", "search="), f.search));
    }
    if let Some(u) = &f.lead {
        parts.push(format!(
            "{}{}",
            l.pick("单位=", "lead="),
            app.board.unit_name(u)
        ));
    }
    if let Some(x) = f.light {
        parts.push(format!("{}{}", l.pick("亮灯=", "light="), light_name(l, x)));
    }
    if let Some(c) = &f.category {
        parts.push(format!("{}{c}", l.pick("类别=", "category=")));
    }
    let clear = hints::key(app, Mode::Board, Action::Escape);
    let how = match l {
        Lang::Zh => format!("{clear} 清除"),
        Lang::En => format!("{clear} clears"),
    };
    Some(format!(
        "{}{}{}  {}",
        l.pick("筛选", "filter"),
        colon(l),
        parts.join(" "),
        paren(l, &how).trim_start()
    ))
}

/// The footer's first line: the search prompt, a warning, the message, or the filters.
fn first_line(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Line<'static> {
    let w = usize::from(area.width);
    let lang = app.lang();
    if let Some(input) = &app.searching {
        let label = format!(" {}{}", lang.pick("搜索", "Search"), colon(lang));
        let (shown, caret) = input.view(w.saturating_sub(width(&label) + 1));
        let x = area.x + (width(&label) + caret) as u16;
        frame.set_cursor_position(Position { x, y: area.y });
        return Line::from(vec![Span::styled(label, theme.key()), Span::raw(shown)]);
    }
    let said = |m| words::message(m, lang, &app.keys);
    if let Some(e) = &app.recovery.error {
        // Until a write succeeds: the user must know the work is in no file.
        return Line::styled(fit(&format!(" !! {e}"), w), theme.alert());
    }
    if let Some(m) = app.message.as_ref().or(app.warning.as_ref()) {
        return Line::styled(fit(&format!(" {}", said(m)), w), theme.alert());
    }
    // Marks change what the next keys do, so they are said before the filters.
    let marks =
        (!app.marks.is_empty()).then(|| words::marks_text(app.marks.len(), lang, &app.keys));
    let text: Vec<String> = marks.into_iter().chain(filter_text(app)).collect();
    if text.is_empty() {
        return Line::raw("");
    }
    Line::styled(fit(&format!(" {}", text.join("  ")), w), theme.key())
}

/// The hints as spans: ` key word ` each.
pub fn spans(hints: &[Hint], theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for h in hints {
        spans.push(Span::styled(format!(" {}", h.key), theme.key()));
        spans.push(Span::raw(format!(" {} ", h.word)));
    }
    spans
}

/// Draws the two footer lines and places the cursor in the search prompt.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let first = first_line(frame, area, app, theme);
    let shown = hints::fitting(hints::footer(app, theme.ascii), 2, usize::from(area.width));
    frame.render_widget(
        Paragraph::new(vec![first, Line::from(spans(&shown, theme))]),
        area,
    );
}
