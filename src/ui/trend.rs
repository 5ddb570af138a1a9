//! The trend: completion over time against the time-elapsed line (序时进度), drawn with
//! ratatui's `Chart`, beside a bar chart of the tasks finished each week. The overview takes it
//! as lines, so it scrolls with the rest; the slide draws it straight into its area.

use super::Theme;
use crate::model::facts::Light;
use crate::model::trend::Trend;
use crate::model::Lang;
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::{self, Marker};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Block, Chart, Dataset, GraphType, LegendPosition, Widget,
};

/// Rows the trend's charts take in the overview (a heading comes on top).
pub const TREND_ROWS: u16 = 12;
/// Columns of one week's bar and the gap after it.
const BAR_W: u16 = 5;

/// "完成趋势" heading, then the charts of a trend worked out before, or one line saying why
/// there are none (`None`: the board has no history for one).
pub fn lines(trend: Option<&Trend>, lang: Lang, theme: &Theme, w: u16) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(
        format!(
            " {}",
            lang.pick(
                "完成趋势（完成率与序时进度，每周完成数）",
                "Trend (completion against time elapsed, tasks finished per week)"
            )
        ),
        theme.title(),
    )];
    let Some(trend) = trend else {
        out.push(Line::raw(no_history(lang)));
        return out;
    };
    let area = Rect::new(0, 0, w.max(1), TREND_ROWS);
    let mut buf = Buffer::empty(area);
    draw(&mut buf, area, trend, lang, theme);
    out.extend(to_lines(&buf));
    out
}

/// Why there is no chart.
pub fn no_history(lang: Lang) -> &'static str {
    lang.pick(
        "   尚无进展记录，无法绘制趋势：在看板中移动卡片（状态变更）会留下记录",
        "   no history yet to draw a trend from: moving cards on the board records status changes",
    )
}

/// Draws both charts into `area` of `buf`.
pub fn draw(buf: &mut Buffer, area: Rect, trend: &Trend, lang: Lang, theme: &Theme) {
    let weeks_w = (area.width / 3).clamp(BAR_W * 3 + 2, BAR_W * 12 + 2);
    let [line, bars] = Layout::horizontal([Constraint::Min(20), Constraint::Length(weeks_w)])
        .spacing(2)
        .areas(area);
    completion(buf, line, trend, lang, theme);
    weekly(buf, bars, trend, lang, theme);
    if theme.ascii {
        asciify(buf, area);
    }
}

fn completion(buf: &mut Buffer, area: Rect, t: &Trend, lang: Lang, theme: &Theme) {
    let span = ((t.campaign_end - t.start).num_days() + 1).max(1) as f64;
    let rates = t.rates();
    // The axis runs from the start to today, so the curve uses the whole width.
    let last = rates.len().saturating_sub(1).max(1) as f64;
    let done: Vec<(f64, f64)> = rates
        .iter()
        .enumerate()
        .map(|(k, r)| (k as f64, r * 100.0))
        .collect();
    // The share of time gone by the end of day k is (k + 1) / span: a straight line.
    let elapsed = [(0.0, 100.0 / span), (last, 100.0 * (last + 1.0) / span)];
    let top = done
        .iter()
        .map(|(_, y)| *y)
        .chain([elapsed[1].1])
        .fold(0.0_f64, f64::max);
    // Room above the higher line, in whole tens, at most 100%.
    let top = ((top / 10.0).floor() * 10.0 + 10.0).min(100.0);
    let marker = if theme.ascii {
        Marker::Dot
    } else {
        Marker::Braille
    };
    let datasets = vec![
        Dataset::default()
            .name(lang.pick("完成率", "done"))
            .marker(marker)
            .graph_type(GraphType::Line)
            .style(theme.light(Light::Green))
            .data(&done),
        Dataset::default()
            .name(lang.pick("序时进度", "elapsed"))
            .marker(marker)
            .graph_type(GraphType::Line)
            .style(theme.key())
            .data(&elapsed),
    ];
    let day = |d: NaiveDate| d.format("%m-%d").to_string();
    let middle = t.start + chrono::Days::new((last / 2.0) as u64);
    let x_labels = vec![
        Span::raw(day(t.start)),
        Span::raw(day(middle)),
        Span::raw(day(t.end)),
    ];
    let y_labels = vec![
        Span::raw("0%"),
        Span::raw(format!("{:.0}%", top / 2.0)),
        Span::raw(format!("{top:.0}%")),
    ];
    Chart::new(datasets)
        .x_axis(Axis::default().bounds([0.0, last]).labels(x_labels))
        .y_axis(Axis::default().bounds([0.0, top]).labels(y_labels))
        .legend_position(Some(LegendPosition::TopLeft))
        .hidden_legend_constraints((Constraint::Percentage(60), Constraint::Percentage(60)))
        .render(area, buf);
}

fn weekly(buf: &mut Buffer, area: Rect, t: &Trend, lang: Lang, theme: &Theme) {
    let block = Block::new().title(Span::styled(
        lang.pick(" 每周完成数", " Finished per week"),
        theme.key(),
    ));
    let fit = usize::from(area.width / (BAR_W + 1)).max(1);
    let shown = &t.weeks[t.weeks.len().saturating_sub(fit)..];
    let bars: Vec<Bar> = shown
        .iter()
        .map(|(monday, n)| {
            Bar::default()
                .value(*n as u64)
                .label(Line::raw(monday.format("%m-%d").to_string()))
        })
        .collect();
    let set = if theme.ascii {
        ASCII_BARS
    } else {
        symbols::bar::NINE_LEVELS
    };
    BarChart::default()
        .block(block)
        .bar_width(BAR_W)
        .bar_gap(1)
        .bar_set(set)
        .bar_style(theme.light(Light::Green))
        .data(BarGroup::default().bars(&bars))
        .render(area, buf);
}

/// Bars of `#` for terminals that draw block characters double wide.
const ASCII_BARS: symbols::bar::Set<'static> = symbols::bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "#",
    five_eighths: "#",
    half: "#",
    three_eighths: "#",
    one_quarter: "#",
    one_eighth: "#",
    empty: " ",
};

/// Plain ASCII for the chart's dots and axes.
fn asciify(buf: &mut Buffer, area: Rect) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(cell) = buf.cell_mut((x, y)) else {
                continue;
            };
            let plain = match cell.symbol() {
                "•" => "*",
                "│" | "┃" => "|",
                "─" | "━" => "-",
                "┌" | "┐" | "└" | "┘" | "├" | "┤" | "┬" | "┴" | "┼" => "+",
                _ => continue,
            };
            cell.set_symbol(plain);
        }
    }
}

/// A buffer's rows as lines of styled spans (a wide character's second cell left out).
fn to_lines(buf: &Buffer) -> Vec<Line<'static>> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            let mut skip = 0usize;
            for x in area.left()..area.right() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let cell = &buf[(x, y)];
                let sym = cell.symbol();
                skip = super::text::width(sym).saturating_sub(1);
                let style = Style::new()
                    .fg(cell.fg)
                    .bg(cell.bg)
                    .add_modifier(cell.modifier);
                match spans.last_mut() {
                    Some(last) if last.style == style => last.content.to_mut().push_str(sym),
                    _ => spans.push(Span::styled(sym.to_string(), style)),
                }
            }
            Line::from(spans)
        })
        .collect()
}
