//! The help popup, generated from the key table.

use super::{block, popup_area, text::pad, Theme};
use crate::app::App;
use crate::keymap::{help_rows, FORM_KEYS};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Draws every key of the board and of forms, scrolled by `scroll` lines.
///
/// On wide screens the form keys go in a second column so everything shows without scrolling.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, scroll: u16) {
    let lang = app.lang();
    let rows = help_rows(lang);
    let key_w = rows
        .iter()
        .map(|(k, _)| super::text::width(k))
        .max()
        .unwrap_or(8)
        + 2;
    let form_key_w = FORM_KEYS
        .iter()
        .map(|(k, _, _)| super::text::width(k))
        .max()
        .unwrap_or(8)
        + 2;
    let row = |k: &str, what: &str, w: usize| {
        Line::from(vec![
            Span::styled(pad(k, w), theme.key()),
            Span::raw(what.to_string()),
        ])
    };
    let board: Vec<Line> = rows
        .into_iter()
        .map(|(k, what)| row(k, what, key_w))
        .collect();
    let mut form = vec![Line::styled(
        lang.pick("表单和输入框中：", "In forms and prompts:"),
        theme.title(),
    )];
    form.extend(
        FORM_KEYS
            .iter()
            .map(|(k, zh, en)| row(k, lang.pick(zh, en), form_key_w)),
    );
    let title = lang
        .pick("帮助（Esc 关闭）", "Help (Esc closes)")
        .to_string();
    let widest = |lines: &[Line]| lines.iter().map(Line::width).max().unwrap_or(0) as u16;
    let (left_w, right_w) = (widest(&board) + 2, widest(&form));
    if area.width >= left_w + right_w + 4 {
        let h = board.len().max(form.len()) as u16 + 2;
        let r = popup_area(frame, area, left_w + right_w + 2, h);
        let b = block(theme, title);
        let inner = b.inner(r);
        frame.render_widget(b, r);
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_w), Constraint::Fill(1)]).areas(inner);
        frame.render_widget(Paragraph::new(board).scroll((scroll, 0)), left);
        frame.render_widget(Paragraph::new(form).scroll((scroll, 0)), right);
    } else {
        let mut lines = board;
        lines.push(Line::raw(""));
        lines.extend(form);
        let r = popup_area(frame, area, 70, lines.len() as u16 + 2);
        frame.render_widget(
            Paragraph::new(lines)
                .block(block(theme, title))
                .scroll((scroll, 0)),
            r,
        );
    }
}
