//! Presentation mode: big key figures and slides that page through everything, for the projector.

use super::kanban::{columns, Showing, CARD_ROWS};
use super::overview::{gauges, task_lines, timeline};
use super::text::{fit, pad, pieces, width};
use super::units::table;
use super::words::paren;
use super::Theme;
use crate::app::{sort_units, App, Slide, UnitSort};
use crate::model::facts::{tasks_with_light, Light, Summary};
use crate::model::since::Changes;
use crate::report::percent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use tui_big_text::{BigText, PixelSize};

/// Rows above the slide body (title bar, slide heading) and below it (keys).
const CHROME_ROWS: u16 = 3;

/// Rows of the key-figure boxes on the overview slide for a screen size.
fn figure_rows(size: Rect) -> u16 {
    if size.height >= 40 && size.width >= 150 {
        10
    } else {
        6
    }
}

/// Items per page of a slide on a screen.
fn capacity(slide: Slide, size: Rect) -> usize {
    let body = size.height.saturating_sub(CHROME_ROWS);
    let n = match slide {
        // Figures, three gauge lines, a blank, the axis line and today's marker line.
        Slide::Overview => body.saturating_sub(figure_rows(size) + 6),
        // Column borders and the two scroll-marker lines, then cards.
        Slide::Phase(_) => body.saturating_sub(4) / CARD_ROWS,
        // Borders and a header row.
        Slide::Units | Slide::Overdue => body.saturating_sub(3),
        // Borders, then one line each.
        Slide::Changes | Slide::Trend => body.saturating_sub(2),
    };
    usize::from(n).max(1)
}

/// How many items a slide shows in all.
fn items(app: &App, slide: Slide) -> usize {
    let b = &app.board;
    let today = app.opts.today;
    match slide {
        Slide::Overview => b.phases.len(),
        Slide::Phase(p) => app
            .phase_columns(p, false)
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0),
        Slide::Units => Summary::of(b, today, |_| true)
            .units
            .iter()
            .filter(|u| u.tally.total > 0)
            .count(),
        Slide::Overdue => tasks_with_light(b, today, Light::Red, |_| true).len(),
        // A heading per list, then one line per entry.
        Slide::Changes => {
            let c = Changes::of(b, app.since, today, |_| true);
            5 + c.finished.len()
                + c.newly_overdue.len()
                + c.extended.len()
                + c.silent.len()
                + c.new_tasks.len()
        }
        Slide::Trend => 1,
    }
}

/// The keys line: the presentation's keys from the table and the interval, as many as fit.
fn keys_line(app: &App, theme: &Theme, interval: u64, w: usize) -> String {
    let lang = app.lang();
    let hints = super::hints::of(
        &app.keys,
        crate::keymap::Mode::Present,
        lang,
        theme.ascii,
        &|_| true,
        &|_| None,
    );
    let mut parts: Vec<(String, u8)> = hints
        .into_iter()
        .map(|h| (format!("{} {}", h.key, h.word), h.rank))
        .collect();
    let every = match lang {
        crate::model::Lang::Zh => format!("(每 {interval} 秒自动翻页)"),
        crate::model::Lang::En => format!("(advances every {interval} s)"),
    };
    parts.push((every, 5));
    format!(" {}", pieces(&parts, "  ", w.saturating_sub(1)))
}

/// Draws the current slide; returns its index and how many pages it has at this size.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) -> Option<(usize, usize)> {
    let p = app.present.as_ref()?;
    let area = frame.area();
    let slides = app.slides();
    let index = p.slide.min(slides.len() - 1);
    let slide = slides[index];
    let pages = items(app, slide).div_ceil(capacity(slide, area)).max(1);
    let page = p.page.min(pages - 1);
    let [top, heading, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let place = (index, slides.len(), page, pages);
    frame.render_widget(
        Paragraph::new(title_line(app, theme, place, top.width)),
        top,
    );
    let text = heading_text(app, slide, usize::from(heading.width));
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(&format!(" {text}"), usize::from(heading.width)),
            theme.title(),
        )),
        heading,
    );
    slide_body(frame, (body, area), app, theme, (slide, page));
    let mut hint = keys_line(app, theme, p.interval, usize::from(bottom.width));
    if let Some(m) = &app.message {
        let m = super::words::message(m, app.lang(), &app.keys);
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
    Some((index, pages))
}

/// The title bar: the board's title (which gives way), the date and time, where we are.
fn title_line(
    app: &App,
    theme: &Theme,
    (index, n, page, pages): (usize, usize, usize, usize),
    w: u16,
) -> Line<'static> {
    let lang = app.lang();
    let mut right = format!(
        "{}  {}  {}/{n}",
        app.opts.today,
        app.now.format("%H:%M:%S"),
        index + 1
    );
    if pages > 1 {
        right.push_str(&format!(" ({}{}/{pages})", lang.pick("第", "p."), page + 1));
    }
    if app.present.as_ref().is_some_and(|p| p.paused) {
        right.push_str(lang.pick("  [暂停]", "  [paused]"));
    }
    let room = usize::from(w).saturating_sub(width(&right) + 2);
    let title = fit(&app.board.title, room);
    let gap = " ".repeat(room.saturating_sub(width(&title)));
    Line::from(vec![
        Span::styled(format!(" {title}{gap} "), theme.title()),
        Span::styled(right, theme.key()),
    ])
}

/// The slide's heading, `w` columns at most without cutting a figure.
fn heading_text(app: &App, slide: Slide, w: usize) -> String {
    let lang = app.lang();
    let b = &app.board;
    match slide {
        Slide::Overview => lang.pick("总览", "Overview").to_string(),
        Slide::Changes => {
            let changes = Changes::of(b, app.since, app.opts.today, |_| true);
            super::since::slide_heading(&changes, lang)
        }
        Slide::Trend => lang
            .pick(
                "完成趋势：完成率与序时进度，每周完成数",
                "Trend: completion against time elapsed, tasks finished per week",
            )
            .to_string(),
        Slide::Phase(i) => {
            let ph = &b.phases[i];
            let (done, total) = app.counts.phases.get(i).copied().unwrap_or_default();
            let number = format!(
                "{}{}/{}{}",
                lang.pick("第", "Phase "),
                i + 1,
                b.phases.len(),
                lang.pick("阶段：", ": "),
            );
            // The name gives way to the figures; the dates go before the count.
            let w = w.saturating_sub(width(&number) + 2);
            let done = format!("{}{done}/{total}", lang.pick("完成 ", "done "));
            let dates = format!("{} ~ {}", ph.start, ph.end);
            let rest = pieces(&[(dates, 3), (done, 1)], "  ", w.saturating_sub(4));
            let name = fit(&ph.name, w.saturating_sub(width(&rest) + 2));
            format!("{number}{name}  {rest}")
        }
        Slide::Units => lang
            .pick(
                "各牵头单位（逾期多的在前）",
                "Lead units (most overdue first)",
            )
            .to_string(),
        Slide::Overdue => {
            let n = tasks_with_light(b, app.opts.today, Light::Red, |_| true).len();
            format!(
                "{}{}",
                lang.pick("逾期任务，逾期最久的在前", "Overdue tasks, most late first"),
                paren(lang, &n.to_string())
            )
        }
    }
}

/// A bordered box over `area`; returns its inside.
fn boxed(frame: &mut Frame, area: Rect, theme: &Theme) -> Rect {
    let block = Block::bordered().border_set(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// The page `page` of the slide's body in `body` (of the screen `area`).
fn slide_body(
    frame: &mut Frame,
    (body, area): (Rect, Rect),
    app: &App,
    theme: &Theme,
    (slide, page): (Slide, usize),
) {
    let (b, lang, today) = (&app.board, app.lang(), app.opts.today);
    let cap = capacity(slide, area);
    match slide {
        Slide::Overview => overview(frame, body, app, theme, page),
        Slide::Changes => {
            let inner = boxed(frame, body, theme);
            let changes = Changes::of(b, app.since, today, |_| true);
            let lines = super::since::slide(b, &changes, theme, usize::from(inner.width));
            let page_lines: Vec<Line> = lines.into_iter().skip(page * cap).take(cap).collect();
            frame.render_widget(Paragraph::new(page_lines), inner);
        }
        Slide::Trend => {
            let inner = boxed(frame, body, theme);
            match crate::model::trend::Trend::of(b, today) {
                Some(t) => super::trend::draw(frame.buffer_mut(), inner, &t, lang, theme),
                None => frame.render_widget(Paragraph::new(super::trend::no_history(lang)), inner),
            }
        }
        Slide::Phase(i) => {
            let cols = app.phase_columns(i, false);
            columns(frame, body, app, theme, &cols, Showing::Page(page));
        }
        Slide::Units => {
            let mut rows: Vec<_> = Summary::of(b, today, |_| true)
                .units
                .into_iter()
                .filter(|u| u.tally.total > 0)
                .collect();
            sort_units(b, &mut rows, UnitSort::Overdue);
            let inner = boxed(frame, body, theme);
            let w = usize::from(inner.width);
            let lines = table(app, theme, &rows, None, page * cap, w, cap);
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Slide::Overdue => {
            let inner = boxed(frame, body, theme);
            let w = usize::from(inner.width);
            let head = format!(
                "{}{}{}",
                pad(lang.pick("   编号", "   ID"), 11),
                pad(lang.pick("时限  逾期", "Due   Late"), 14),
                lang.pick("任务 · 牵头单位", "Task · lead unit")
            );
            let mut lines = vec![Line::styled(fit(&head, w), theme.title())];
            let overdue = tasks_with_light(b, today, Light::Red, |_| true);
            let slice: Vec<usize> = overdue.into_iter().skip(page * cap).take(cap).collect();
            task_lines(
                &mut lines,
                (b, &slice),
                today,
                lang,
                theme,
                (w, 0..usize::MAX),
            );
            frame.render_widget(Paragraph::new(lines), inner);
        }
    }
}

/// The overview slide: three key figures in big digits, then the gauges and the phase timeline.
fn overview(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, page: usize) {
    let lang = app.lang();
    let b = &app.board;
    let s = Summary::of(b, app.opts.today, |_| true);
    let rows = figure_rows(frame.area()).min(area.height);
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
    let cap = capacity(Slide::Overview, frame.area());
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
