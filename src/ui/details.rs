//! Task details: every field, the extension and the whole progress log.

use super::text::{width, wrap};
use super::words::{colon, list_sep, paren};
use super::{days_text, light_name, popup_area, Theme};
use crate::app::{App, Details};
use crate::keymap::Mode;
use crate::model::facts::Light;
use crate::model::{Board, Lang, Task};
use chrono::NaiveDate;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::Frame;

/// The light in words, saying each thing once: `✓ 已完成`, `● 逾期3天`, `▲ 即将到期（剩1天）`.
pub fn light_text(lang: Lang, light: Light, task: &Task, today: NaiveDate) -> String {
    let days = days_text(lang, light, task, today);
    match light {
        // The days already say it.
        Light::Done | Light::Red => days,
        Light::Yellow | Light::Green => {
            format!("{}{}", light_name(lang, light), paren(lang, &days))
        }
    }
}

/// `label：value` lines, the value wrapped under itself (a hanging indent) at `w` columns.
fn field(
    out: &mut Vec<Line<'static>>,
    (label, lang): (&str, Lang),
    value: &str,
    theme: &Theme,
    w: usize,
) {
    let head = format!("{label}{}", colon(lang));
    let indent = width(&head);
    let parts = wrap(value, w.saturating_sub(indent).max(8), usize::MAX);
    for (i, part) in parts.into_iter().enumerate() {
        let lead = if i == 0 {
            Span::styled(head.clone(), theme.key())
        } else {
            Span::raw(" ".repeat(indent))
        };
        out.push(Line::from(vec![lead, Span::raw(part)]));
    }
}

/// The fields of a task, each a (label, value).
fn fields(b: &Board, t: &Task, lang: Lang) -> Vec<(String, String)> {
    let phase = b
        .phases
        .iter()
        .find(|p| p.id == t.phase)
        .map_or(t.phase.to_string(), |p| {
            format!(
                "{}{}",
                p.name,
                paren(lang, &format!("{} ~ {}", p.start, p.end))
            )
        });
    let status = b
        .statuses
        .iter()
        .find(|s| s.id == t.status)
        .map_or(t.status.to_string(), |s| s.name.clone());
    let partners: Vec<&str> = t.partners.iter().map(|p| b.unit_name(p)).collect();
    let none = lang.pick("无", "none").to_string();
    let l = |zh: &str, en: &str| lang.pick(zh, en).to_string();
    let mut out = vec![
        (l("编号", "ID"), t.id.to_string()),
        (l("标题", "Title"), t.title.clone()),
        (l("阶段", "Phase"), phase),
        (l("状态", "Status"), status),
        (l("牵头单位", "Lead unit"), b.unit_name(&t.lead).to_string()),
        (
            l("责任单位", "Partners"),
            if partners.is_empty() {
                none.clone()
            } else {
                partners.join(list_sep(lang))
            },
        ),
        (
            l("完成时限", "Deadline"),
            t.deadline.map_or(l("长期", "none"), |d| d.to_string()),
        ),
    ];
    if let Some(e) = t.extended_to {
        let why = t
            .extension_reason
            .as_deref()
            .map(|r| paren(lang, r))
            .unwrap_or_default();
        out.push((l("延期至", "Extended to"), format!("{e}{why}")));
    }
    out
}

/// Draws the details; returns how many lines show at once and how far they scroll.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, d: &Details) -> (u16, u16) {
    let lang = app.lang();
    let Some(t) = app.board.tasks.get(d.task) else {
        return (1, 0);
    };
    let r = popup_area(
        frame,
        area,
        area.width.saturating_sub(8).max(60),
        area.height.saturating_sub(4),
    );
    let lines = lines(app, t, theme, usize::from(r.width.saturating_sub(2)));
    let head = format!("{} {}", lang.pick("任务详情", "Task"), t.id);
    super::scrolled(
        frame,
        r,
        (app, theme),
        (Mode::Details, head),
        lines,
        d.scroll,
    )
}

/// The details' lines at `w` columns: the fields, the light, then the progress log.
fn lines(app: &App, t: &Task, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let lang = app.lang();
    let b = &app.board;
    let today = app.opts.today;
    let light = b.light(t, today);
    let mut lines = Vec::new();
    for (label, value) in fields(b, t, lang) {
        field(&mut lines, (&label, lang), &value, theme, w);
    }
    lines.push(Line::from(vec![
        Span::styled(
            format!("{}{}", lang.pick("亮灯", "Light"), colon(lang)),
            theme.key(),
        ),
        Span::styled(
            format!(
                "{} {}",
                theme.symbol(light),
                light_text(lang, light, t, today)
            ),
            theme.light(light),
        ),
    ]));
    let none = lang.pick("无", "none");
    let category = t.category.as_deref().unwrap_or(none);
    field(
        &mut lines,
        (lang.pick("类别", "Category"), lang),
        category,
        theme,
        w,
    );
    if let Some(last) = t
        .progress
        .iter()
        .filter(|p| p.is_chase())
        .map(|p| p.at.time)
        .max()
    {
        let n = t.chase_count();
        let value = match lang {
            Lang::Zh => format!("{n} 次（最近 {}）", last.format("%Y-%m-%d")),
            Lang::En => format!("{n} time(s) (last {})", last.format("%Y-%m-%d")),
        };
        field(
            &mut lines,
            (lang.pick("催办", "Chased"), lang),
            &value,
            theme,
            w,
        );
    }
    for (k, v) in &t.extra.0 {
        let value = super::text::shown(&v.one_line()).into_owned();
        field(&mut lines, (&super::text::shown(k), lang), &value, theme, w);
    }
    lines.push(Line::raw(""));
    log(&mut lines, t, (lang, theme), w);
    lines
}

/// The progress log: each entry's time and author, then its note wrapped under its indent.
fn log(lines: &mut Vec<Line<'static>>, t: &Task, (lang, theme): (Lang, &Theme), w: usize) {
    lines.push(Line::styled(
        format!(
            "{}{}",
            lang.pick("进展情况", "Progress"),
            paren(lang, &t.progress.len().to_string())
        ),
        theme.title(),
    ));
    if t.progress.is_empty() {
        lines.push(Line::raw(lang.pick("  暂无进展记录", "  no entries yet")));
    }
    for p in &t.progress {
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {}  ", p.at.time.format("%Y-%m-%d %H:%M")),
                theme.key(),
            ),
            Span::styled(p.by.clone(), Style::new().add_modifier(Modifier::BOLD)),
        ]));
        // Every line of the note, wrapped, keeps the note's indent.
        for note_line in p.note.lines() {
            for part in wrap(note_line, w.saturating_sub(4).max(8), usize::MAX) {
                lines.push(Line::raw(format!("    {part}")));
            }
        }
    }
}
