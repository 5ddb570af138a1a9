//! The task form: one line per field, the focused list below, the caret where the input is.

use super::text::{fit, pad, width};
use super::words::list_sep;
use super::{block, popup_area, Theme};
use crate::app::form_labels as labels;
use crate::app::{App, Choice, Form, FormField};
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

fn options(lines: &mut Vec<Line<'static>>, c: &Choice, theme: &Theme, w: usize, rows: usize) {
    let visible = c.visible();
    let start = c.highlight.saturating_sub(rows.saturating_sub(1));
    for (n, &i) in visible.iter().enumerate().skip(start).take(rows) {
        let (id, label) = &c.options[i];
        let tick = match (c.multi, c.chosen.contains(id), theme.ascii) {
            (false, _, _) => "",
            (true, true, false) => "☑ ",
            (true, false, false) => "☐ ",
            (true, true, true) => "[x] ",
            (true, false, true) => "[ ] ",
        };
        let style = if n == c.highlight {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(pad(&format!("  {tick}{label}"), w), style));
    }
    if visible.is_empty() {
        lines.push(Line::raw("  —"));
    }
}

/// Draws the form and puts the terminal cursor at the caret of the focused input.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, form: &Form) {
    let lang = app.lang();
    let names = labels(lang);
    let label_w = names.iter().map(|n| width(n)).max().unwrap_or(8) + 2;
    let r = popup_area(frame, area, 76, area.height.saturating_sub(2).min(22));
    let title = match form.task {
        Some(i) => format!(
            "{} {}",
            lang.pick("编辑任务", "Edit task"),
            app.board.tasks[i].id
        ),
        None => lang.pick("新建任务", "New task").to_string(),
    };
    let inner_w = usize::from(r.width.saturating_sub(2));
    let field_w = inner_w.saturating_sub(label_w + 1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut cursor = None;
    for (k, f) in form.fields.iter().enumerate() {
        let focused = k == form.focus;
        let label = Span::styled(
            pad(names[k], label_w),
            if focused {
                theme.selected()
            } else {
                theme.key()
            },
        );
        let value = match f {
            FormField::Text(e) | FormField::Date(e) => {
                let (shown, caret) = e.view(field_w);
                if focused {
                    // The value starts after the label and one space.
                    cursor = Some((label_w + 1 + caret, lines.len()));
                }
                shown
            }
            FormField::Pick(c) => {
                let chosen = c.chosen_labels(list_sep(lang));
                if focused {
                    let (typed, caret) = c.filter.view(field_w / 2);
                    // After the label, a space and the opening bracket.
                    cursor = Some((label_w + 2 + caret, lines.len()));
                    format!(
                        "[{typed}] {}",
                        fit(&chosen, field_w.saturating_sub(width(&typed) + 3))
                    )
                } else {
                    fit(&chosen, field_w)
                }
            }
        };
        lines.push(Line::from(vec![label, Span::raw(" "), Span::raw(value)]));
        if let FormField::Date(e) = f {
            // A bad date while typing it; otherwise what moving the deadline means.
            let err = focused
                .then(|| crate::app::date_error(lang, &e.text()))
                .flatten();
            if let Some(note) = err.or_else(|| form.deadline_note(&app.board, lang)) {
                lines.push(Line::styled(
                    fit(&format!("{}{note}", " ".repeat(label_w + 1)), inner_w),
                    theme.alert(),
                ));
            }
        }
    }
    lines.push(Line::raw(""));
    if let FormField::Pick(c) = &form.fields[form.focus] {
        let hint = lang.pick("输入文字缩小范围；选项：", "type to narrow; the options:");
        lines.push(Line::styled(hint, theme.title()));
        let rows = usize::from(r.height).saturating_sub(lines.len() + 4).max(1);
        options(&mut lines, c, theme, inner_w, rows);
    }
    let bottom = usize::from(r.height.saturating_sub(3));
    while lines.len() < bottom {
        lines.push(Line::raw(""));
    }
    lines.truncate(bottom);
    if let Some(e) = &form.error {
        lines.push(Line::styled(fit(e, inner_w), theme.alert()));
    } else {
        // The keys of the focused field's mode, which differ between text and lists.
        let hints = super::hints::fitting(super::hints::footer(app, theme.ascii), 2, inner_w);
        lines.push(Line::from(super::footer::spans(&hints, theme)));
    }
    frame.render_widget(Paragraph::new(lines).block(block(theme, title)), r);
    if let Some((x, y)) = cursor {
        frame.set_cursor_position(Position {
            x: r.x + 1 + x as u16,
            y: r.y + 1 + y as u16,
        });
    }
}
