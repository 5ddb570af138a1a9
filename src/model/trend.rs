//! Completion over time, from the trail: the share of today's tasks done on each day of the
//! campaign so far, and how many were finished each week.

use super::{Board, Task};
use chrono::{Datelike, Days, NaiveDate};

/// Completion by day and finished tasks by week, from the campaign's start to today.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// The first day (the campaign's start).
    pub start: NaiveDate,
    /// The last day shown: today, or the campaign's end if that is earlier.
    pub end: NaiveDate,
    /// The campaign's last day, where time elapsed reaches 100%.
    pub campaign_end: NaiveDate,
    /// Tasks counted (all of today's tasks).
    pub total: usize,
    /// Tasks done at the end of each day from `start` to `end`.
    pub done: Vec<usize>,
    /// Per week (starting on Monday) from the week of `start`: its Monday and the tasks that
    /// became done in it.
    pub weeks: Vec<(NaiveDate, usize)>,
}

impl Trend {
    /// The trend on `today`; `None` when the board has no history to draw it from (no status
    /// change in any trail and no finished task with a dated entry) or today is before the start.
    pub fn of(board: &Board, today: NaiveDate) -> Option<Trend> {
        let (start, campaign_end) = board.span()?;
        let end = today.min(campaign_end);
        let dated = board.tasks.iter().any(|t| board.finished_on(t).is_some());
        if end < start || !(board.has_status_history() || dated) {
            return None;
        }
        let days = usize::try_from((end - start).num_days()).ok()? + 1;
        let mut done = vec![0usize; days];
        let monday = |d: NaiveDate| d - Days::new(u64::from(d.weekday().num_days_from_monday()));
        let first_week = monday(start);
        let weeks_n = usize::try_from((monday(end) - first_week).num_days() / 7).ok()? + 1;
        let mut weeks: Vec<(NaiveDate, usize)> = (0..weeks_n)
            .map(|k| (first_week + Days::new(7 * k as u64), 0))
            .collect();
        // Each change adds or takes one from every day from its own on: a running sum of deltas.
        let mut delta = vec![0i64; days + 1];
        for t in &board.tasks {
            let mut was = false;
            for (d, is) in changes(board, t, start, today) {
                if is != was && d <= end {
                    let k = usize::try_from((d - start).num_days()).unwrap_or(0);
                    delta[k] += if is { 1 } else { -1 };
                }
                if is && !was && d >= start && d <= end {
                    let w = ((monday(d) - first_week).num_days() / 7) as usize;
                    if let Some(slot) = weeks.get_mut(w) {
                        slot.1 += 1;
                    }
                }
                was = is;
            }
        }
        let mut running = 0i64;
        for (slot, d) in done.iter_mut().zip(&delta) {
            running += d;
            *slot = usize::try_from(running).unwrap_or(0);
        }
        Some(Trend {
            start,
            end,
            campaign_end,
            total: board.tasks.len(),
            done,
            weeks,
        })
    }

    /// Completion on each day, 0.0 to 1.0.
    pub fn rates(&self) -> Vec<f64> {
        self.done
            .iter()
            .map(|&d| {
                if self.total == 0 {
                    0.0
                } else {
                    d as f64 / self.total as f64
                }
            })
            .collect()
    }
}

/// A task's changes between not done and done, ending in its state today: the trail's status
/// changes, then, if the task's state differs from where they leave it, one more change on the
/// best day known (the day it was finished, its deadline, or the campaign's start).
fn changes(board: &Board, t: &Task, start: NaiveDate, today: NaiveDate) -> Vec<(NaiveDate, bool)> {
    let mut v = board.done_changes(t);
    let now = board.is_done(t);
    if v.last().is_some_and(|(_, is)| *is) != now {
        let guess = if now {
            board
                .finished_on(t)
                .or(t.effective_deadline())
                .unwrap_or(start)
                .min(today)
        } else {
            today
        };
        let after_last = v.last().map_or(guess, |(d, _)| guess.max(*d));
        v.push((after_last, now));
    }
    v
}
