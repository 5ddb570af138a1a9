//! The header line and the phase tabs.

use super::text::{fit, width};
use super::Theme;
use crate::app::App;
use crate::report::percent;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Title, date, overall progress and the unsaved marker.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let b = &app.board;
    let total = b.tasks.len();
    let done = b.tasks.iter().filter(|t| b.is_done(t)).count();
    let rate = if total == 0 {
        0.0
    } else {
        done as f64 / total as f64
    };
    let mut right = format!(
        " {}  {}{done}/{total} {}",
        app.opts.today,
        lang.pick("完成 ", "done "),
        percent(rate)
    );
    if app.opts.read_only {
        right.push_str(lang.pick("  [只读]", "  [read-only]"));
    }
    let unsaved = if app.dirty() {
        lang.pick(" [*未保存]", " [*unsaved]")
    } else {
        ""
    };
    let room = usize::from(area.width).saturating_sub(width(&right) + width(unsaved) + 1);
    let title = fit(&b.title, room);
    let gap = " ".repeat(room.saturating_sub(width(&title)));
    let line = Line::from(vec![
        Span::styled(format!(" {title}"), theme.title()),
        Span::raw(gap),
        Span::raw(right),
        Span::styled(unsaved, theme.alert()),
    ]);
    frame.render_widget(
        Paragraph::new(line).style(Style::new().add_modifier(Modifier::BOLD)),
        area,
    );
}

/// One tab per phase (number, name, done/total), and a line describing the current phase.
pub fn tabs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let b = &app.board;
    let today_phase = b.phase_on(app.opts.today);
    let counts: Vec<(usize, usize)> = b
        .phases
        .iter()
        .map(|p| {
            let tasks = b.tasks.iter().filter(|t| t.phase == p.id);
            tasks.fold((0, 0), |(d, n), t| (d + usize::from(b.is_done(t)), n + 1))
        })
        .collect();
    let n = b.phases.len().max(1);
    let each = (usize::from(area.width) / n).max(8);
    let today_mark = if theme.ascii { "*" } else { "◆" };
    let mut spans = Vec::new();
    for (i, p) in b.phases.iter().enumerate() {
        let mark = if Some(i) == today_phase {
            today_mark
        } else {
            ""
        };
        let (d, t) = counts[i];
        let tail = format!(" {d}/{t}");
        let head = format!("{}{mark}", i + 1);
        let name = fit(
            &p.name,
            each.saturating_sub(width(&head) + width(&tail) + 2),
        );
        let label = format!("{head} {name}{tail}");
        let style = if i == app.phase {
            theme.selected()
        } else {
            Style::new()
        };
        spans.push(Span::styled(format!(" {label} "), style));
    }
    let mut lines = vec![Line::from(spans)];
    if let Some(p) = b.phases.get(app.phase) {
        let (d, t) = counts[app.phase];
        let now = if Some(app.phase) == today_phase {
            format!("  {today_mark}{}", lang.pick("当前阶段", "current phase"))
        } else {
            String::new()
        };
        let text = format!(
            " {}/{n} {}  {} ~ {}  {}{d}/{t}{now}",
            app.phase + 1,
            p.name,
            p.start,
            p.end,
            lang.pick("完成 ", "done ")
        );
        lines.push(Line::styled(
            fit(&text, usize::from(area.width)),
            theme.title(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
