//! What the app needs to know of the overview: how long it is, so scrolling stops at its end.

use super::App;
use crate::model::facts::{due_this_week, tasks_with_light, Light};
use crate::model::trend::Trend;

/// Rows the trend's charts take in the overview (a heading comes on top).
pub const TREND_ROWS: u16 = 12;
/// Rows of the changes since the last meeting: a heading and one line per list.
pub const SINCE_ROWS: usize = 6;

impl App {
    /// Lines the overview takes: gauges, the phase timeline, the changes since the last
    /// meeting, the overdue and due-this-week lists, the trend.
    ///
    /// Kept in step with `ui::overview::lines` (a test scrolls to the end to check).
    pub fn overview_rows(&self) -> usize {
        let b = &self.board;
        let today = self.opts.today;
        let timeline = b.span().map_or(0, |(start, end)| {
            1 + b.phases.len() + usize::from((start..=end).contains(&today))
        });
        let overdue = tasks_with_light(b, today, Light::Red, |_| true).len();
        let week = due_this_week(b, today).len();
        let trend = 1 + Trend::of(b, today).map_or(1, |_| usize::from(TREND_ROWS));
        3 + 1 + timeline + 1 + SINCE_ROWS + 1 + 1 + overdue.max(1) + 1 + 1 + week.max(1) + 1 + trend
    }
}
