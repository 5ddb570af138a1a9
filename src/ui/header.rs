//! The header line and the phase tabs.

use super::text::{fit, pieces, width};
use super::Theme;
use crate::app::{Action, App, View};
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
    let (done, total) = (app.counts.done, app.counts.total);
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
    let counts = &app.counts.phases;
    let n = b.phases.len().max(1);
    // Room for the markers of hidden tabs at both ends; a tab never so narrow its name vanishes.
    let each = (usize::from(area.width).saturating_sub(2) / n).max(14);
    let today_mark = if theme.ascii { "*" } else { "◆" };
    let labels: Vec<String> = b
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mark = if Some(i) == today_phase {
                today_mark
            } else {
                ""
            };
            let (d, t) = counts.get(i).copied().unwrap_or_default();
            let tail = format!(" {d}/{t}");
            let head = format!("{}{mark}", i + 1);
            let name = fit(
                &p.name,
                each.saturating_sub(width(&head) + width(&tail) + 2),
            );
            format!(" {head} {name}{tail} ")
        })
        .collect();
    // With more phases than fit, a window of tabs around the current one, arrows for the rest.
    let (left, right) = if theme.ascii {
        ("<", ">")
    } else {
        ("‹", "›")
    };
    let room = usize::from(area.width).saturating_sub(2);
    let (mut lo, mut hi) = (app.phase.min(labels.len().saturating_sub(1)), app.phase + 1);
    let mut used = labels.get(lo).map_or(0, |l| width(l));
    loop {
        let grew_right = hi < labels.len() && used + width(&labels[hi]) <= room;
        if grew_right {
            used += width(&labels[hi]);
            hi += 1;
        }
        let grew_left = lo > 0 && used + width(&labels[lo - 1]) <= room;
        if grew_left {
            lo -= 1;
            used += width(&labels[lo]);
        }
        if !grew_right && !grew_left {
            break;
        }
    }
    let mut spans = vec![Span::raw(if lo > 0 { left } else { " " })];
    for (i, label) in labels.iter().enumerate().take(hi).skip(lo) {
        let style = if i == app.phase {
            theme.selected()
        } else {
            Style::new()
        };
        spans.push(Span::styled(label.clone(), style));
    }
    if hi < labels.len() {
        spans.push(Span::raw(right));
    }
    let mut lines = vec![Line::from(spans)];
    if let Some(p) = b.phases.get(app.phase) {
        let (d, t) = counts.get(app.phase).copied().unwrap_or_default();
        let now = if Some(app.phase) == today_phase {
            format!("{today_mark}{}", lang.pick("当前阶段", "current phase"))
        } else {
            String::new()
        };
        // The name gives way to the figures, and the dates go before the counts.
        let w = usize::from(area.width);
        let done = format!("{}{d}/{t}", lang.pick("完成 ", "done "));
        let dates = format!("{} ~ {}", p.start, p.end);
        let number = format!(" {}/{n}", app.phase + 1);
        // At least a dozen columns of the name stay before the dates are shown.
        let room = w.saturating_sub(width(&number) + 4 + 12);
        let rest = pieces(&[(dates, 3), (done, 1), (now, 2)], "  ", room);
        let name = fit(&p.name, w.saturating_sub(width(&number) + width(&rest) + 3));
        lines.push(Line::styled(
            format!("{number} {name}  {rest}"),
            theme.title(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The names of the views with the current one highlighted, and what the view shows.
pub fn views(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let names = [
        (View::Kanban, lang.pick("看板", "Kanban")),
        (View::Units, lang.pick("按单位", "By unit")),
        (View::Overview, lang.pick("总览", "Overview")),
        (View::List, lang.pick("列表", "List")),
    ];
    let mut spans = Vec::new();
    for (v, name) in names {
        let style = if v == app.view {
            theme.selected()
        } else {
            Style::new()
        };
        spans.push(Span::styled(format!(" {name} "), style));
        spans.push(Span::raw(" "));
    }
    // The view's key, also while a popup over it has the keys.
    let mode = match app.view {
        View::Kanban => crate::keymap::Mode::Board,
        View::Units => crate::keymap::Mode::Units,
        View::Overview => crate::keymap::Mode::Overview,
        View::List => crate::keymap::Mode::List,
    };
    let key = super::hints::key(app, mode, Action::NextView);
    spans.push(Span::raw(match lang {
        crate::model::Lang::Zh => format!("  {key} 切换视图"),
        crate::model::Lang::En => format!("  {key} switches view"),
    }));
    // What the view shows; its keys are on the footer.
    let hint = match app.view {
        View::Units if app.units.open.is_some() => lang.pick(
            " 该单位牵头的任务，最紧急的在前",
            " The tasks this unit leads, most urgent first",
        ),
        View::Units => lang.pick(
            " 各牵头单位的任务完成情况",
            " How far each lead unit has got with its tasks",
        ),
        View::List => lang.pick(
            " 全部阶段的任务，可排序，与看板共用搜索和筛选",
            " Every task of every phase, sortable; the board's search and filters apply",
        ),
        _ => lang.pick(
            " 完成率、序时进度、各阶段、近期变化和趋势",
            " Completion against time, phases, changes, the trend",
        ),
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(spans),
            Line::styled(fit(hint, usize::from(area.width)), theme.key()),
        ]),
        area,
    );
}
