//! Task details: every field, the extension and the whole progress log.

use super::{block, days_text, light_name, popup_area, Theme};
use crate::app::App;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// Draws the details of task `i`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, i: usize, scroll: u16) {
    let lang = app.lang();
    let b = &app.board;
    let Some(t) = b.tasks.get(i) else {
        return;
    };
    let today = app.opts.today;
    let light = b.light(t, today);
    let field = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{label}："), theme.key()),
            Span::raw(value),
        ])
    };
    let phase = b
        .phases
        .iter()
        .find(|p| p.id == t.phase)
        .map_or(t.phase.clone(), |p| {
            format!("{}（{} ~ {}）", p.name, p.start, p.end)
        });
    let status = b
        .statuses
        .iter()
        .find(|s| s.id == t.status)
        .map_or(t.status.clone(), |s| s.name.clone());
    let partners: Vec<&str> = t.partners.iter().map(|p| b.unit_name(p)).collect();
    let none = lang.pick("无", "none").to_string();
    let mut lines = vec![
        field(lang.pick("编号", "ID"), t.id.clone()),
        field(lang.pick("标题", "Title"), t.title.clone()),
        field(lang.pick("阶段", "Phase"), phase),
        field(lang.pick("状态", "Status"), status),
        field(
            lang.pick("牵头单位", "Lead unit"),
            b.unit_name(&t.lead).to_string(),
        ),
        field(
            lang.pick("责任单位", "Partners"),
            if partners.is_empty() {
                none.clone()
            } else {
                partners.join("、")
            },
        ),
        field(
            lang.pick("完成时限", "Deadline"),
            t.deadline
                .map_or(lang.pick("长期", "none").to_string(), |d| d.to_string()),
        ),
    ];
    if let Some(e) = t.extended_to {
        let why = t
            .extension_reason
            .clone()
            .map(|r| format!("（{r}）"))
            .unwrap_or_default();
        lines.push(field(
            lang.pick("延期至", "Extended to"),
            format!("{e}{why}"),
        ));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{}：", lang.pick("亮灯", "Light")), theme.key()),
        Span::styled(
            format!(
                "{} {} {}",
                theme.symbol(light),
                light_name(lang, light),
                days_text(lang, light, t, today)
            ),
            theme.light(light),
        ),
    ]));
    lines.push(field(
        lang.pick("类别", "Category"),
        t.category.clone().unwrap_or(none),
    ));
    if let Some(last) = t
        .progress
        .iter()
        .filter(|p| p.is_chase())
        .map(|p| p.at.time)
        .max()
    {
        let n = t.chase_count();
        let value = match lang {
            crate::model::Lang::Zh => format!("{n} 次（最近 {}）", last.format("%Y-%m-%d")),
            crate::model::Lang::En => format!("{n} time(s) (last {})", last.format("%Y-%m-%d")),
        };
        lines.push(field(lang.pick("催办", "Chased"), value));
    }
    for (k, v) in &t.extra.0 {
        lines.push(field(
            &super::text::shown(k),
            super::text::shown(&v.one_line()).into_owned(),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "{}（{}）",
            lang.pick("进展情况", "Progress"),
            t.progress.len()
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
        for note_line in p.note.lines() {
            lines.push(Line::raw(format!("    {note_line}")));
        }
    }
    let r = popup_area(
        frame,
        area,
        area.width.saturating_sub(8).max(60),
        area.height.saturating_sub(4),
    );
    let title = format!(
        "{} {}（Esc {}）",
        lang.pick("任务详情", "Task"),
        t.id,
        lang.pick("关闭", "closes")
    );
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(theme, title))
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        r,
    );
}
