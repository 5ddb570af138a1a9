//! The help popup, generated from the key table.

use super::{block, popup_area, text::pad, Theme};
use crate::app::App;
use crate::keymap::{help_rows, FORM_KEYS};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Draws every key of the board and of forms, scrolled by `scroll` lines.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, scroll: u16) {
    let lang = app.lang();
    let rows = help_rows(lang);
    let key_w = rows
        .iter()
        .map(|(k, _)| super::text::width(k))
        .chain(FORM_KEYS.iter().map(|(k, _, _)| super::text::width(k)))
        .max()
        .unwrap_or(8)
        + 2;
    let mut lines: Vec<Line> = rows
        .into_iter()
        .map(|(k, what)| {
            Line::from(vec![
                Span::styled(pad(k, key_w), theme.key()),
                Span::raw(what),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        lang.pick("表单和输入框中：", "In forms and prompts:"),
        theme.title(),
    ));
    for (k, zh, en) in FORM_KEYS {
        lines.push(Line::from(vec![
            Span::styled(pad(k, key_w), theme.key()),
            Span::raw(lang.pick(zh, en)),
        ]));
    }
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let r = popup_area(frame, area, 70, h);
    let title = lang
        .pick("帮助（Esc 关闭）", "Help (Esc closes)")
        .to_string();
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(theme, title))
            .scroll((scroll, 0)),
        r,
    );
}
