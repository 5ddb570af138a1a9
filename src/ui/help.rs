//! The help popup, generated from the key table: the keys of the mode it was opened from
//! first, then every other mode's, then the text fields' own keys.

use super::text::{pad, width};
use super::{popup_area, Theme};
use crate::app::{App, Help};
use crate::keymap::{Keymap, Mode, TEXT_KEYS};
use crate::model::Lang;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

/// One mode's rows: its keys (all of them) and what they do; neighbours that do the same
/// (phase 1, 2, 3 …) share a row.
pub fn rows(keys: &Keymap, mode: Mode, lang: Lang, ascii: bool) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for e in keys.of(mode) {
        let k: Vec<String> = e.keys.iter().map(|p| p.label(lang, ascii)).collect();
        let k = k.join(" ");
        match out.last_mut() {
            Some((prev, what)) if *what == e.help(lang) => {
                prev.push(' ');
                prev.push_str(&k);
            }
            _ => out.push((k, e.help(lang))),
        }
    }
    out
}

/// Every line of the help for the app, `from`'s mode first.
pub fn lines(app: &App, from: Mode, ascii: bool, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang();
    let mut modes = vec![from];
    modes.extend(Mode::ALL.into_iter().filter(|m| *m != from));
    let mut out = Vec::new();
    let row = |k: &str, what: &str, w: usize| {
        Line::from(vec![
            Span::styled(format!("  {}", pad(k, w)), theme.key()),
            Span::raw(format!(" {what}")),
        ])
    };
    for mode in modes {
        let rows = rows(&app.keys, mode, lang, ascii);
        let w = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
        out.push(Line::styled(mode.title(lang).to_string(), theme.title()));
        out.extend(rows.iter().map(|(k, what)| row(k, what, w)));
        out.push(Line::raw(""));
    }
    out.push(Line::styled(
        lang.pick("文字输入框中（不可改）", "In text fields (fixed)")
            .to_string(),
        theme.title(),
    ));
    let w = TEXT_KEYS
        .iter()
        .map(|(k, _, _)| width(k))
        .max()
        .unwrap_or(0);
    out.extend(
        TEXT_KEYS
            .iter()
            .map(|(k, zh, en)| row(k, lang.pick(zh, en), w)),
    );
    out
}

/// Draws the help, scrolled; returns how many lines show at once and how far it scrolls.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, h: &Help) -> (u16, u16) {
    let lang = app.lang();
    let lines = lines(app, h.from, theme.ascii, theme);
    let widest = lines.iter().map(Line::width).max().unwrap_or(40);
    let w = u16::try_from(widest + 2).unwrap_or(u16::MAX).max(40);
    let r = popup_area(frame, area, w, area.height.saturating_sub(4));
    let head = lang.pick("帮助", "Help").to_string();
    super::scrolled(frame, r, (app, theme), (Mode::Help, head), lines, h.scroll)
}
