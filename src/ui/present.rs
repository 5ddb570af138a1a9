//! Presentation mode: big key figures and slides that page through everything, for the projector.

use super::kanban::{columns, Showing};
use super::overview::{gauges, task_lines, timeline};
use super::text::{fit, pad, width};
use super::units::table;
use super::Theme;
use crate::app::{figure_rows, slide_capacity, sort_units, App, Slide, UnitSort};
use crate::model::facts::{tasks_with_light, Light, Summary};
use crate::model::since::Changes;
use crate::report::percent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use tui_big_text::{BigText, PixelSize};

/// Draws the current slide.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let Some(p) = &app.present else {
        return;
    };
    let area = frame.area();
    let lang = app.lang();
    let slides = app.slides();
    let n = slides.len();
    let index = p.slide.min(n - 1);
    let slide = slides[index];
    let pages = app.slide_pages(slide);
    let page = p.page.min(pages - 1);
    let [top, heading, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);

    let mut right = format!(
        "{}  {}  {}/{n}",
        app.opts.today,
        app.now.format("%H:%M:%S"),
        index + 1
    );
    if pages > 1 {
        right.push_str(&format!(" ({}{}/{pages})", lang.pick("第", "p."), page + 1));
    }
    if p.paused {
        right.push_str(lang.pick("  [暂停]", "  [paused]"));
    }
    let room = usize::from(top.width).saturating_sub(width(&right) + 2);
    let title = fit(&app.board.title, room);
    let gap = " ".repeat(room.saturating_sub(width(&title)));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {title}{gap} "), theme.title()),
            Span::styled(right, theme.key()),
        ])),
        top,
    );

    let b = &app.board;
    // Only the overdue slide needs the list; it serves both its heading and its body.
    let overdue = if slide == Slide::Overdue {
        tasks_with_light(b, app.opts.today, Light::Red, |_| true)
    } else {
        Vec::new()
    };
    let changes = Changes::of(b, app.since, app.opts.today, |_| true);
    let text = match slide {
        Slide::Overview => lang.pick("总览", "Overview").to_string(),
        Slide::Changes => super::since::slide_heading(&changes, lang),
        Slide::Trend => lang
            .pick(
                "完成趋势：完成率与序时进度，每周完成数",
                "Trend: completion against time elapsed, tasks finished per week",
            )
            .to_string(),
        Slide::Phase(i) => {
            let ph = &b.phases[i];
            let (done, total) = app.counts.phases.get(i).copied().unwrap_or_default();
            format!(
                "{}{}/{}{}{}  {} ~ {}  {}{done}/{total}",
                lang.pick("第", "Phase "),
                i + 1,
                b.phases.len(),
                lang.pick("阶段：", ": "),
                ph.name,
                ph.start,
                ph.end,
                lang.pick("完成 ", "done ")
            )
        }
        Slide::Units => lang
            .pick(
                "各牵头单位（逾期多的在前）",
                "Lead units (most overdue first)",
            )
            .to_string(),
        Slide::Overdue => format!(
            "{}（{}）",
            lang.pick("逾期任务，逾期最久的在前", "Overdue tasks, most late first"),
            overdue.len()
        ),
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(&format!(" {text}"), usize::from(heading.width)),
            theme.title(),
        )),
        heading,
    );

    match slide {
        Slide::Overview => overview(frame, body, app, theme, page),
        Slide::Changes => {
            let cap = slide_capacity(slide, app.size);
            let block = Block::bordered().border_set(theme.border());
            let inner = block.inner(body);
            frame.render_widget(block, body);
            let lines = super::since::slide(b, &changes, theme, usize::from(inner.width));
            let page_lines: Vec<Line> = lines.into_iter().skip(page * cap).take(cap).collect();
            frame.render_widget(Paragraph::new(page_lines), inner);
        }
        Slide::Trend => {
            let block = Block::bordered().border_set(theme.border());
            let inner = block.inner(body);
            frame.render_widget(block, body);
            match crate::model::trend::Trend::of(b, app.opts.today) {
                Some(t) => super::trend::draw(frame.buffer_mut(), inner, &t, lang, theme),
                None => frame.render_widget(Paragraph::new(super::trend::no_history(lang)), inner),
            }
        }
        Slide::Phase(i) => columns(
            frame,
            body,
            app,
            theme,
            &app.phase_columns(i, false),
            Showing::Page(page),
        ),
        Slide::Units => {
            let cap = slide_capacity(slide, app.size);
            let mut rows: Vec<_> = Summary::of(b, app.opts.today, |_| true)
                .units
                .into_iter()
                .filter(|u| u.tally.total > 0)
                .collect();
            sort_units(b, &mut rows, UnitSort::Overdue);
            let block = Block::bordered().border_set(theme.border());
            let inner = block.inner(body);
            frame.render_widget(block, body);
            frame.render_widget(
                Paragraph::new(table(
                    app,
                    theme,
                    &rows,
                    None,
                    page * cap,
                    usize::from(inner.width),
                    cap,
                )),
                inner,
            );
        }
        Slide::Overdue => {
            let cap = slide_capacity(slide, app.size);
            let block = Block::bordered().border_set(theme.border());
            let inner = block.inner(body);
            frame.render_widget(block, body);
            let head = format!(
                "{}{}{}",
                pad(lang.pick("   编号", "   ID"), 11),
                pad(lang.pick("时限  逾期", "Due   Late"), 14),
                lang.pick("任务 · 牵头单位", "Task · lead unit")
            );
            let mut lines = vec![Line::styled(
                fit(&head, usize::from(inner.width)),
                theme.title(),
            )];
            let slice: Vec<usize> = overdue.iter().copied().skip(page * cap).take(cap).collect();
            task_lines(
                &mut lines,
                b,
                &slice,
                app.opts.today,
                lang,
                theme,
                usize::from(inner.width),
            );
            frame.render_widget(Paragraph::new(lines), inner);
        }
    }

    let mut hint = format!(
        " ←/→ {}  {} {}  q {}  ({})",
        lang.pick("翻页", "page"),
        lang.pick("空格", "space"),
        lang.pick("暂停/继续", "pause/resume"),
        lang.pick("退出放映", "leave"),
        match lang {
            crate::model::Lang::Zh => format!("每 {} 秒自动翻页", p.interval),
            crate::model::Lang::En => format!("advances every {} s", p.interval),
        }
    );
    if let Some(m) = &app.message {
        hint = format!(" {m}  |{hint}");
    }
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(&hint, usize::from(bottom.width)),
            theme.key(),
        )),
        bottom,
    );
    // Thin strokes wash out on a projector.
    frame
        .buffer_mut()
        .set_style(area, Style::new().add_modifier(Modifier::BOLD));
}

/// The overview slide: three key figures in big digits, then the gauges and the phase timeline.
fn overview(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, page: usize) {
    let lang = app.lang();
    let b = &app.board;
    let s = Summary::of(b, app.opts.today, |_| true);
    let rows = figure_rows(app.size).min(area.height);
    let [figs, rest] = Layout::vertical([Constraint::Length(rows), Constraint::Min(0)]).areas(area);
    let boxes = Layout::horizontal([Constraint::Ratio(1, 3); 3]).split(figs);
    let figures = [
        (
            lang.pick("完成率", "Done"),
            percent(s.tally.rate()),
            theme.title(),
        ),
        (
            lang.pick("逾期", "Overdue"),
            format!("{}", s.tally.overdue),
            theme.light(Light::Red),
        ),
        (
            lang.pick("即将到期", "Due soon"),
            format!("{}", s.tally.due_soon),
            theme.light(Light::Yellow),
        ),
    ];
    for ((label, value, style), rect) in figures.into_iter().zip(boxes.iter()) {
        let block = Block::bordered()
            .border_set(theme.border_focus())
            .title(Span::styled(format!(" {label} "), theme.key()));
        let inner = block.inner(*rect);
        frame.render_widget(block, *rect);
        let chars = value.chars().count() as u16;
        let size = if inner.height >= 8 && inner.width >= chars * 8 {
            Some(PixelSize::Full)
        } else if inner.height >= 4 && inner.width >= chars * 8 && !theme.ascii {
            Some(PixelSize::HalfHeight)
        } else if inner.height >= 4 && inner.width >= chars * 4 && !theme.ascii {
            Some(PixelSize::Quadrant)
        } else {
            None
        };
        match size {
            Some(px) => {
                let big = BigText::builder()
                    .pixel_size(px)
                    .style(style)
                    .lines(vec![Line::from(value)])
                    .centered()
                    .build();
                frame.render_widget(big, inner);
            }
            // Too small for big digits (or ASCII only): the figure as plain bold text.
            None => {
                frame.render_widget(Paragraph::new(Line::styled(value, style)).centered(), inner)
            }
        }
    }
    let w = usize::from(rest.width);
    let mut lines = gauges(&s, lang, theme, w);
    lines.push(Line::raw(""));
    let cap = slide_capacity(Slide::Overview, app.size);
    lines.extend(timeline(
        b,
        &s,
        page * cap..(page + 1) * cap,
        app.opts.today,
        lang,
        theme,
        w,
    ));
    frame.render_widget(Paragraph::new(lines), rest);
}
