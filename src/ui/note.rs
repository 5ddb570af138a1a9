//! The progress-note prompt: a note of several lines, as clerks write them, for one task or
//! for every marked one; the keys that accept it are named from the table, plain one included.

use super::dialogs::{label, Body, Ctx};
use super::text::{fit, list, width};
use super::words::list_sep;
use crate::app::{Action, NotePrompt};
use crate::keymap::Mode;
use crate::model::Lang;
use ratatui::text::Line;

/// Lines of the note shown at most; a longer note scrolls with the caret.
const NOTE_LINES: usize = 6;

/// The marked tasks a batch prompt is for: how many, and as many ids as fit.
pub(super) fn batch_names(c: &Ctx, batch: &[usize]) -> Line<'static> {
    let ids: Vec<String> = batch
        .iter()
        .filter_map(|&i| c.app.board.tasks.get(i).map(|t| t.id.to_string()))
        .collect();
    let lang = c.lang();
    let head = match lang {
        Lang::Zh => format!("已标记 {} 项：", ids.len()),
        Lang::En => format!("{} marked: ", ids.len()),
    };
    let more = |n| match lang {
        Lang::Zh => format!(" 等{n}项"),
        Lang::En => format!(" +{n}"),
    };
    let room = c.inner.saturating_sub(width(&head));
    let ids = list(&ids, list_sep(lang), room, more);
    Line::raw(fit(&format!("{head}{ids}"), c.inner))
}

/// Every key that accepts a note, as help names them ("Ctrl-S、Alt-Enter、Tab").
fn accept_keys(c: &Ctx) -> String {
    let lang = c.lang();
    c.app
        .keys
        .entry(Mode::Note, &Action::Accept)
        .map(|e| {
            let keys: Vec<String> = e
                .keys
                .iter()
                .map(|k| k.label(lang, c.theme.ascii))
                .collect();
            keys.join(list_sep(lang))
        })
        .unwrap_or_default()
}

/// The note prompt's title, lines and caret.
pub(super) fn body(c: &Ctx, n: &NotePrompt) -> Body {
    let lang = c.lang();
    let first = if n.batch.is_empty() {
        c.task_name(n.task)
    } else {
        batch_names(c, &n.batch)
    };
    let tag = label(lang, "进展", "Note");
    let indent = width(&tag) + 1;
    let rows = (n.input.text().matches('\n').count() + 1).min(NOTE_LINES);
    let (shown, (col, row)) = n.input.view_lines(c.inner.saturating_sub(indent + 1), rows);
    let mut lines = vec![first, Line::raw("")];
    for (k, text) in shown.into_iter().enumerate() {
        let head = if k == 0 { tag.clone() } else { String::new() };
        let head = format!("{head}{}", " ".repeat(indent - width(&head)));
        lines.push(Line::from(vec![
            ratatui::text::Span::styled(head, c.theme.selected()),
            ratatui::text::Span::raw(text),
        ]));
    }
    let how = format!("{}{}", lang.pick("确定：", "accept: "), accept_keys(c));
    lines.push(Line::raw(fit(&how, c.inner)));
    lines.push(c.keys(Mode::Note));
    Body {
        title: lang.pick("添加进展", "Add progress").into(),
        lines,
        cursor: Some((indent + col, 2 + row)),
    }
}
