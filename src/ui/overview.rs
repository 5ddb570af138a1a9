//! The overview: completion against time elapsed, a timeline of the phases with today marked,
//! per-phase progress, and the overdue and due-this-week lists.

use super::text::{fit, pad, pieces, width};
use super::units::bar;
use super::words::paren;
use super::{days_text, Theme};
use crate::app::{App, Figures};
use crate::model::facts::{Light, Summary};
use crate::model::{Board, Lang};
use crate::report::percent;
use chrono::NaiveDate;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use std::ops::Range;

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
///
/// The figures keep their room and the bars take what is left; on a narrow screen the count
/// after the rate (`(15/43)`) goes, whole, before anything is cut.
pub fn gauges(s: &Summary, lang: Lang, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let t = &s.tally;
    let label_w = 10;
    let room = w.saturating_sub(label_w);
    let full = format!(" {} ({}/{})", percent(t.rate()), t.done, t.total);
    let rate = if room >= 10 + width(&full) {
        full
    } else {
        format!(" {}", percent(t.rate()))
    };
    let gauge_w = room.saturating_sub(width(&rate)).min(60);
    let mut out = vec![Line::from(vec![
        Span::styled(pad(lang.pick(" 完成率", " Done"), label_w), theme.key()),
        Span::raw(bar(theme, t.rate(), gauge_w)),
        Span::styled(rate, theme.title()),
    ])];
    out.push(Line::from(vec![
        Span::styled(
            pad(lang.pick(" 序时进度", " Elapsed"), label_w),
            theme.key(),
        ),
        Span::raw(bar(theme, s.elapsed, gauge_w)),
        Span::raw(format!(" {}", percent(s.elapsed))),
    ]));
    let pace_style = if t.rate() < s.elapsed {
        theme.light(Light::Red)
    } else {
        theme.light(Light::Green)
    };
    let counts = pieces(
        &[
            (format!("{} {}", lang.pick("逾期", "overdue"), t.overdue), 2),
            (
                format!("{} {}", lang.pick("即将到期", "due soon"), t.due_soon),
                3,
            ),
        ],
        "  ",
        room.saturating_sub(width(&pace(lang, t.rate(), s.elapsed)) + 2),
    );
    out.push(Line::from(vec![
        Span::raw(" ".repeat(label_w)),
        Span::styled(pace(lang, t.rate(), s.elapsed), pace_style),
        Span::raw(format!("  {counts}")),
    ]));
    out
}

/// The overview's lines for a width; `since_key` is the key that changes the date changes are
/// counted from. Task lines outside `shown` (the rows on screen) are left empty: there may be
/// thousands, and only their number matters off screen.
pub fn lines(
    (board, f): (&Board, &Figures),
    (today, since): (NaiveDate, NaiveDate),
    (lang, since_key): (Lang, &str),
    theme: &Theme,
    (w, shown): (usize, Range<usize>),
) -> Vec<Line<'static>> {
    let s = &f.summary;
    let mut out = gauges(s, lang, theme, w);
    out.push(Line::raw(""));
    out.extend(timeline(
        board,
        s,
        0..board.phases.len(),
        today,
        lang,
        theme,
        w,
    ));
    out.push(Line::raw(""));
    debug_assert_eq!(f.changes.from, since);
    out.extend(super::since::overview(
        board,
        &f.changes,
        (lang, since_key),
        theme,
        w,
    ));
    out.push(Line::raw(""));
    let title = lang.pick("逾期任务，逾期最久的在前", "Overdue, most late first");
    let at = (w, shown.clone());
    section(&mut out, title, (board, &f.overdue), today, lang, theme, at);
    out.push(Line::raw(""));
    section(
        &mut out,
        lang.pick("本周到期", "Due this week"),
        (board, &f.week),
        today,
        lang,
        theme,
        (w, shown),
    );
    out.push(Line::raw(""));
    let chart_w = u16::try_from(w).unwrap_or(u16::MAX);
    out.extend(super::trend::lines(f.trend.as_ref(), lang, theme, chart_w));
    out
}

/// The figures after a phase's bar: done/total, the rate, and its overdue and due-soon counts
/// (with their words, or symbols only when room is short).
struct Tail {
    count: String,
    rate: String,
    words: Vec<(String, Light)>,
    symbols: Vec<(String, Light)>,
}

/// Columns a list of lights takes, one space between.
fn lights_width(l: &[(String, Light)]) -> usize {
    l.iter()
        .map(|(s, _)| width(s) + 1)
        .sum::<usize>()
        .saturating_sub(1)
}

impl Tail {
    fn of(p: &crate::model::facts::PhaseTally, lang: Lang, theme: &Theme) -> Tail {
        let t = &p.tally;
        let lights = |words: bool| {
            let mut parts = Vec::new();
            for (n, light, word) in [
                (t.overdue, Light::Red, lang.pick("逾期", "late ")),
                (t.due_soon, Light::Yellow, lang.pick("临期", "soon ")),
            ] {
                if n > 0 {
                    let word = if words { word } else { "" };
                    parts.push((format!("{}{word}{n}", theme.symbol(light)), light));
                }
            }
            parts
        };
        Tail {
            count: format!("{}/{}", t.done, t.total),
            rate: percent(t.rate()),
            words: lights(true),
            symbols: lights(false),
        }
    }
}

/// One line per phase: its span on the campaign's time axis, filled by completion, today marked.
///
/// The figures after the bars keep their room (the names and the axis give way), so nothing is
/// cut inside a figure; on a narrow screen the lights lose their words first.
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
    let shown: Vec<_> = s
        .phases
        .iter()
        .skip(phases.start)
        .take(phases.len())
        .collect();
    let tails: Vec<Tail> = shown.iter().map(|p| Tail::of(p, lang, theme)).collect();
    let Widths {
        name_w,
        axis,
        count_w,
        rate_w,
        words,
    } = Widths::of(&tails, w);
    let days = ((end - start).num_days() + 1).max(1) as f64;
    let col = |d: NaiveDate| {
        ((((d - start).num_days()) as f64 / days) * axis as f64)
            .floor()
            .clamp(0.0, (axis - 1) as f64) as usize
    };
    let today_col = (start..=end).contains(&today).then(|| col(today));
    let (full, empty) = theme.bar_cells();
    let mark = if theme.ascii { "|" } else { "┃" };
    let mut out = vec![Line::styled(
        format!("{}{}", " ".repeat(name_w + 2), axis_dates(start, end, axis)),
        theme.key(),
    )];
    for (p, tail) in shown.iter().zip(&tails) {
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
        spans.push(Span::raw(format!(
            " {}{} {}",
            " ".repeat(count_w - width(&tail.count)),
            tail.count,
            pad(&tail.rate, rate_w)
        )));
        for (text, light) in if words { &tail.words } else { &tail.symbols } {
            spans.push(Span::styled(format!(" {text}"), theme.light(*light)));
        }
        out.push(Line::from(spans));
    }
    if let Some(c) = today_col {
        let label = format!("{}{}", lang.pick("今天 ", "today "), today.format("%m-%d"));
        out.push(Line::styled(
            marked(name_w + 2 + c, mark, &label, w),
            theme.alert(),
        ));
    }
    out
}

/// Today's mark at column `at` with its label right of it when it fits, else left of it.
fn marked(at: usize, mark: &str, label: &str, w: usize) -> String {
    if at + 2 + width(label) <= w {
        format!("{}{mark} {label}", " ".repeat(at))
    } else {
        let lead = (at + 1).saturating_sub(width(label) + 2);
        format!("{}{label} {mark}", " ".repeat(lead))
    }
}

/// The timeline's columns: the names, the axis, the figures; the figures keep their room, the
/// lights lose their words first, then the names shrink (to 8), and the axis takes the rest.
struct Widths {
    name_w: usize,
    axis: usize,
    count_w: usize,
    rate_w: usize,
    words: bool,
}

impl Widths {
    fn of(tails: &[Tail], w: usize) -> Widths {
        let most = |f: &dyn Fn(&Tail) -> usize| tails.iter().map(f).max().unwrap_or(0);
        let count_w = most(&|t| width(&t.count));
        let rate_w = most(&|t| width(&t.rate));
        let tail_w = |words: bool| {
            let l = most(&|t| lights_width(if words { &t.words } else { &t.symbols }));
            1 + count_w + 1 + rate_w + if l > 0 { l + 1 } else { 0 }
        };
        let axis_for = |name_w: usize, words: bool| w.saturating_sub(name_w + 2 + tail_w(words));
        let mut name_w = (w / 4).clamp(8, 24);
        let words = axis_for(name_w, true) >= 12;
        while axis_for(name_w, words) < 12 && name_w > 8 {
            name_w -= 1;
        }
        Widths {
            name_w,
            axis: axis_for(name_w, words).max(4),
            count_w,
            rate_w,
            words,
        }
    }
}

/// The axis's first and last day, at its two ends: in full, or as month-day when the axis is
/// short, or the first alone; never run together.
fn axis_dates(start: NaiveDate, end: NaiveDate, axis: usize) -> String {
    for fmt in ["%Y-%m-%d", "%m-%d"] {
        let (a, b) = (start.format(fmt).to_string(), end.format(fmt).to_string());
        if width(&a) + 1 + width(&b) <= axis {
            let gap = axis - width(&a) - width(&b);
            return format!("{a}{}{b}", " ".repeat(gap));
        }
    }
    start.format("%m-%d").to_string()
}

/// A titled list of tasks with its count.
#[allow(clippy::too_many_arguments)]
fn section(
    out: &mut Vec<Line<'static>>,
    title: &str,
    (board, tasks): (&Board, &[usize]),
    today: NaiveDate,
    lang: Lang,
    theme: &Theme,
    (w, shown): (usize, Range<usize>),
) {
    out.push(Line::styled(
        format!(" {title}{}", paren(lang, &tasks.len().to_string())),
        theme.title(),
    ));
    task_lines(out, (board, tasks), today, lang, theme, (w, shown));
}

/// One line per task: light, id, deadline, days, title and lead unit; a line whose place in
/// `out` is outside `shown` is left empty.
pub fn task_lines(
    out: &mut Vec<Line<'static>>,
    (board, tasks): (&Board, &[usize]),
    today: NaiveDate,
    lang: Lang,
    theme: &Theme,
    (w, shown): (usize, Range<usize>),
) {
    if tasks.is_empty() {
        out.push(Line::raw(lang.pick("   无", "   none")));
    }
    for &i in tasks {
        if !shown.contains(&out.len()) {
            out.push(Line::default());
            continue;
        }
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

/// Draws the overview, scrolled by the app's overview scroll; returns how many lines show at
/// once and how far it scrolls before its last line is on screen.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> (u16, u16) {
    let lang = app.lang();
    let title = format!(" {}  ·  {} ", lang.pick("总览", "Overview"), app.opts.today);
    let block = Block::bordered()
        .border_set(theme.border_focus())
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let since_key = super::hints::key(
        app,
        crate::keymap::Mode::Overview,
        crate::app::Action::Since,
    );
    let (today, since) = (app.opts.today, app.since);
    // Kept by the app for the board as it is; worked out here only when drawn without it.
    let fresh;
    let figures = match app.derived.get(app.generation, today, since) {
        Some(f) => f,
        None => {
            fresh = Figures::of(&app.board, today, since);
            &fresh
        }
    };
    let build = |from: u16| {
        let from = usize::from(from);
        let shown = from..from + usize::from(inner.height);
        let w = usize::from(inner.width);
        let of = (&*app.board, figures);
        lines(of, (today, since), (lang, &since_key), theme, (w, shown))
    };
    let mut lines = build(app.overview_scroll);
    let max = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(inner.height);
    if app.overview_scroll > max {
        // Scrolled past the end (the window grew): the lines shown are the last ones.
        lines = build(max);
    }
    frame.render_widget(
        Paragraph::new(lines).scroll((app.overview_scroll.min(max), 0)),
        inner,
    );
    (inner.height, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever the overview is scrolled to, the lines built for the screen are those of the
    /// whole overview there, and their number (so how far it scrolls) is the same.
    #[test]
    fn the_lines_on_screen_are_those_of_the_whole_overview() {
        let board = crate::cli::gen::board(600, 3, crate::cli::gen::default_center());
        let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap_or_default();
        let since = NaiveDate::from_ymd_opt(2024, 5, 1).unwrap_or_default();
        let theme = Theme {
            color: true,
            ascii: false,
        };
        let at = (today, since);
        let (w, h) = (78, 20);
        let f = Figures::of(&board, today, since);
        let all = lines(
            (&board, &f),
            at,
            (Lang::Zh, "S"),
            &theme,
            (w, 0..usize::MAX),
        );
        assert!(all.len() > 100, "lines to scroll through: {}", all.len());
        for from in 0..all.len() {
            let part = lines(
                (&board, &f),
                at,
                (Lang::Zh, "S"),
                &theme,
                (w, from..from + h),
            );
            assert_eq!(part.len(), all.len());
            let end = (from + h).min(all.len());
            assert_eq!(part[from..end], all[from..end], "scrolled to {from}");
        }
    }
}
