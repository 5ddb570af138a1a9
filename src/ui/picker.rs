//! The board picker shown by `ducha` without a file.

use super::text::{fit, pad};
use super::{block, Theme};
use crate::keymap::{Keymap, Mode};
use crate::model::Lang;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::path::PathBuf;

/// Draws the list of boards with the selected one highlighted.
pub fn picker(
    frame: &mut Frame,
    boards: &[(PathBuf, String)],
    sel: usize,
    lang: Lang,
    theme: &Theme,
    keys: &Keymap,
) {
    let area = frame.area();
    let w = usize::from(area.width.saturating_sub(4));
    let mut lines: Vec<Line> = boards
        .iter()
        .enumerate()
        .map(|(i, (p, title))| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let text = pad(
                &format!(
                    " {} {}  {title}",
                    if i == sel { theme.marker() } else { " " },
                    name
                ),
                w,
            );
            if i == sel {
                Line::styled(text, theme.selected())
            } else {
                Line::raw(text)
            }
        })
        .collect();
    lines.push(Line::raw(""));
    let hints = super::hints::of(keys, Mode::Picker, lang, theme.ascii, &|_| true, &|_| None);
    let hints = super::hints::fitting(hints, 2, w);
    lines.push(Line::raw(fit(&line_of(&hints), w)));
    let title = lang.pick("选择看板", "Choose a board").to_string();
    frame.render_widget(Paragraph::new(lines).block(block(theme, title)), area);
    super::scrub(frame.buffer_mut());
}

/// Hints on one line: `key word  key word`.
pub(super) fn line_of(hints: &[super::hints::Hint]) -> String {
    hints
        .iter()
        .map(|h| format!("{} {}", h.key, h.word))
        .collect::<Vec<_>>()
        .join("  ")
}
