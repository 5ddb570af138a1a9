//! The overview: completion against time elapsed, a timeline of the phases with today marked,
//! per-phase progress, and the overdue and due-this-week lists.

use super::text::{fit, pad, width};
use super::units::bar;
use super::{days_text, Theme};
use crate::app::App;
use crate::model::facts::{due_this_week, tasks_with_light, Light, Summary};
use crate::model::since::Changes;
use crate::model::{Board, Lang};
use crate::report::percent;
use chrono::NaiveDate;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

/// "ahead by 3.2 points" / "behind by 3.2 points": completion against time elapsed.
pub fn pace(lang: Lang, rate: f64, elapsed: f64) -> String {
    let diff = (rate - elapsed) * 100.0;
    match (lang, diff >= 0.0) {
        (Lang::Zh, true) => format!("快于序时进度 {diff:.1} 个百分点"),
        (Lang::Zh, false) => format!("落后序时进度 {:.1} 个百分点", -diff),
        (Lang::En, true) => format!("ahead of schedule by {diff:.1} points"),
        (Lang::En, false) => format!("behind schedule by {:.1} points", -diff),
    }
}

/// Completion and time-elapsed bars, and how far ahead or behind schedule the campaign is.
pub fn gauges(s: &Summary, lang: Lang, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let t = &s.tally;
    let mut out = Vec::new();
    let label_w = 10;
    let gauge_w = w.saturating_sub(label_w + 10).clamp(10, 60);
    out.push(Line::from(vec![
        Span::styled(pad(lang.pick(" 完成率", " Done"), label_w), theme.key()),
        Span::raw(bar(theme, t.rate(), gauge_w)),
        Span::styled(
            format!(" {} ({}/{})", percent(t.rate()), t.done, t.total),
            theme.title(),
        ),
    ]));
    out.push(Line::from(vec![
        Span::styled(
            pad(lang.pick(" 序时进度", " Elapsed"), label_w),
            theme.key(),
        ),
        Span::raw(bar(theme, s.elapsed, gauge_w)),
        Span::raw(format!(" {}", percent(s.elapsed))),
    ]));
    let behind = t.rate() < s.elapsed;
    let pace_style = if behind {
        theme.light(Light::Red)
    } else {
        theme.light(Light::Green)
    };
    out.push(Line::from(vec![
        Span::raw(" ".repeat(label_w)),
        Span::styled(pace(lang, t.rate(), s.elapsed), pace_style),
        Span::raw(format!(
            "  {} {}  {} {}",
            lang.pick("逾期", "overdue"),
            t.overdue,
            lang.pick("即将到期", "due soon"),
            t.due_soon
        )),
    ]));
    out
}

/// The overview's lines for a width: shared by the overview view and the presentation slide.
pub fn lines(
    board: &Board,
    (today, since): (NaiveDate, NaiveDate),
    lang: Lang,
    theme: &Theme,
    w: usize,
) -> Vec<Line<'static>> {
    let s = Summary::of(board, today, |_| true);
    let mut out = gauges(&s, lang, theme, w);
    out.push(Line::raw(""));
    out.extend(timeline(
        board,
        &s,
        0..board.phases.len(),
        today,
        lang,
        theme,
        w,
    ));
    out.push(Line::raw(""));
    let changes = Changes::of(board, since, today, |_| true);
    out.extend(super::since::overview(board, &changes, lang, theme, w));
    out.push(Line::raw(""));
    let overdue = tasks_with_light(board, today, Light::Red, |_| true);
    let title = lang.pick("逾期任务，逾期最久的在前", "Overdue, most late first");
    section(&mut out, title, board, &overdue, today, lang, theme, w);
    out.push(Line::raw(""));
    let week = due_this_week(board, today);
    section(
        &mut out,
        lang.pick("本周到期", "Due this week"),
        board,
        &week,
        today,
        lang,
        theme,
        w,
    );
    out.push(Line::raw(""));
    let chart_w = u16::try_from(w).unwrap_or(u16::MAX);
    out.extend(super::trend::lines(board, today, lang, theme, chart_w));
    out
}

/// One line per phase: its span on the campaign's time axis, filled by completion, today marked.
pub fn timeline(
    board: &Board,
    s: &Summary,
    phases: std::ops::Range<usize>,
    today: NaiveDate,
    lang: Lang,
    theme: &Theme,
    w: usize,
) -> Vec<Line<'static>> {
    let Some((start, end)) = board.span() else {
        return Vec::new();
    };
    let name_w = (w / 4).clamp(8, 24);
    let tail_w = 26;
    let axis = w.saturating_sub(name_w + tail_w + 3).max(10);
    let days = ((end - start).num_days() + 1).max(1) as f64;
    let col = |d: NaiveDate| {
        ((((d - start).num_days()) as f64 / days) * axis as f64)
            .floor()
            .clamp(0.0, (axis - 1) as f64) as usize
    };
    let today_col = (start..=end).contains(&today).then(|| col(today));
    let (full, empty) = theme.bar_cells();
    let mark = if theme.ascii { "|" } else { "┃" };
    let mut out = Vec::new();
    let mut head = format!("{}{start}", " ".repeat(name_w + 2));
    let end_s = end.to_string();
    let pad_n = (name_w + 2 + axis).saturating_sub(width(&head) + width(&end_s));
    head.push_str(&" ".repeat(pad_n));
    head.push_str(&end_s);
    out.push(Line::styled(head, theme.key()));
    for p in s.phases.iter().skip(phases.start).take(phases.len()) {
        let phase = &board.phases[p.phase];
        let (a, b) = (col(phase.start), col(phase.end).max(col(phase.start)));
        let filled = ((p.tally.rate() * (b - a + 1) as f64).round() as usize).min(b - a + 1);
        let mut spans = vec![
            Span::raw(pad(&format!(" {} {}", p.phase + 1, phase.name), name_w + 1)),
            Span::raw(" "),
        ];
        for x in 0..axis {
            let cell = if Some(x) == today_col {
                Span::styled(mark, theme.alert())
            } else if x >= a && x <= b {
                Span::raw(if x - a < filled { full } else { empty })
            } else {
                Span::raw(" ")
            };
            spans.push(cell);
        }
        let tail = format!(
            " {}/{} {}",
            p.tally.done,
            p.tally.total,
            percent(p.tally.rate())
        );
        spans.push(Span::raw(pad(&tail, 14)));
        if p.tally.overdue > 0 {
            spans.push(Span::styled(
                format!(
                    "{}{}{} ",
                    theme.symbol(Light::Red),
                    lang.pick("逾期", "late "),
                    p.tally.overdue
                ),
                theme.light(Light::Red),
            ));
        }
        if p.tally.due_soon > 0 {
            spans.push(Span::styled(
                format!(
                    "{}{}{}",
                    theme.symbol(Light::Yellow),
                    lang.pick("临期", "soon "),
                    p.tally.due_soon
                ),
                theme.light(Light::Yellow),
            ));
        }
        out.push(Line::from(spans));
    }
    if let Some(c) = today_col {
        let text = format!(
            "{mark} {}{}",
            lang.pick("今天 ", "today "),
            today.format("%m-%d")
        );
        out.push(Line::styled(
            format!("{}{text}", " ".repeat(name_w + 2 + c)),
            theme.alert(),
        ));
    }
    out
}

/// A titled list of tasks with its count.
#[allow(clippy::too_many_arguments)]
fn section(
    out: &mut Vec<Line<'static>>,
    title: &str,
    board: &Board,
    tasks: &[usize],
    today: NaiveDate,
    lang: Lang,
    theme: &Theme,
    w: usize,
) {
    out.push(Line::styled(
        format!(" {title}（{}）", tasks.len()),
        theme.title(),
    ));
    task_lines(out, board, tasks, today, lang, theme, w);
}

/// One line per task: light, id, deadline, days, title and lead unit.
pub fn task_lines(
    out: &mut Vec<Line<'static>>,
    board: &Board,
    tasks: &[usize],
    today: NaiveDate,
    lang: Lang,
    theme: &Theme,
    w: usize,
) {
    if tasks.is_empty() {
        out.push(Line::raw(lang.pick("   无", "   none")));
    }
    for &i in tasks {
        let t = &board.tasks[i];
        let light = board.light(t, today);
        let days = days_text(lang, light, t, today);
        let unit = board.unit_name(&t.lead).to_string();
        let due = t
            .effective_deadline()
            .map(|d| d.format("%m-%d").to_string())
            .unwrap_or_default();
        let left = format!(" {} {} {due} ", theme.symbol(light), pad(&t.id, 6));
        let right = format!("  {unit}");
        let title_w = w.saturating_sub(width(&left) + 12 + width(&right).min(24));
        out.push(Line::from(vec![
            Span::styled(left, theme.light(light)),
            Span::styled(pad(&days, 12), theme.light(light)),
            Span::raw(pad(&t.title, title_w)),
            Span::styled(fit(&right, 24), Style::new()),
        ]));
    }
}

/// Draws the overview, scrolled by the app's overview scroll.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let title = format!(" {}  ·  {} ", lang.pick("总览", "Overview"), app.opts.today);
    let block = Block::bordered()
        .border_set(theme.border_focus())
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = lines(
        &app.board,
        (app.opts.today, app.since),
        lang,
        theme,
        usize::from(inner.width),
    );
    let max = (lines.len() as u16).saturating_sub(inner.height);
    frame.render_widget(
        Paragraph::new(lines).scroll((app.overview_scroll.min(max), 0)),
        inner,
    );
}
