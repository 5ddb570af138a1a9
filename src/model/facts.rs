//! Derived facts for a date: lights, days left, counts per phase, status and unit.

use super::{Board, Task};
use chrono::NaiveDate;

/// A task's traffic light (亮灯) on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Light {
    /// Past its effective deadline and not done (红灯).
    Red,
    /// Due within the warning window, today included (黄灯).
    Yellow,
    /// On track, or no deadline (绿灯).
    Green,
    /// In a done status.
    Done,
}

impl Light {
    /// A symbol that carries the meaning without colour.
    pub fn symbol(self, ascii: bool) -> &'static str {
        match (self, ascii) {
            (Light::Red, false) => "●",
            (Light::Yellow, false) => "▲",
            (Light::Green, false) => "○",
            (Light::Done, false) => "✓",
            (Light::Red, true) => "!",
            (Light::Yellow, true) => "^",
            (Light::Green, true) => "o",
            (Light::Done, true) => "v",
        }
    }
}

/// Days from `today` to the effective deadline: positive left, negative late.
pub fn days_left(task: &Task, today: NaiveDate) -> Option<i64> {
    task.effective_deadline().map(|d| (d - today).num_days())
}

impl Board {
    /// Whether the task is in a done status.
    pub fn is_done(&self, task: &Task) -> bool {
        self.is_done_status(&task.status)
    }

    /// The task's light on `today`.
    pub fn light(&self, task: &Task, today: NaiveDate) -> Light {
        if self.is_done(task) {
            return Light::Done;
        }
        match days_left(task, today) {
            Some(d) if d < 0 => Light::Red,
            Some(d) if d < i64::from(self.warn_days()) => Light::Yellow,
            _ => Light::Green,
        }
    }

    /// First and last day of the campaign (over all phases).
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let start = self.phases.iter().map(|p| p.start).min()?;
        let end = self.phases.iter().map(|p| p.end).max()?;
        Some((start, end))
    }

    /// Share of the campaign's time elapsed by the end of `today` (序时进度), 0.0 to 1.0.
    pub fn time_elapsed(&self, today: NaiveDate) -> f64 {
        let Some((start, end)) = self.span() else {
            return 0.0;
        };
        let total = (end - start).num_days() + 1;
        let gone = (today - start).num_days() + 1;
        (gone as f64 / total as f64).clamp(0.0, 1.0)
    }
}

/// Counts for a set of tasks on one day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// All tasks.
    pub total: usize,
    /// In a done status.
    pub done: usize,
    /// Not done and not in the first status.
    pub doing: usize,
    /// In the first status and not done.
    pub todo: usize,
    /// Red light.
    pub overdue: usize,
    /// Yellow light.
    pub due_soon: usize,
}

impl Tally {
    /// Adds one task.
    pub fn add(&mut self, board: &Board, task: &Task, today: NaiveDate) {
        self.total += 1;
        match board.light(task, today) {
            Light::Done => self.done += 1,
            Light::Red => self.overdue += 1,
            Light::Yellow => self.due_soon += 1,
            Light::Green => {}
        }
        if !board.is_done(task) {
            if task.status == board.first_status() {
                self.todo += 1;
            } else {
                self.doing += 1;
            }
        }
    }

    /// Done over total, 0.0 for no tasks.
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.done as f64 / self.total as f64
        }
    }
}

/// One phase's counts.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseTally {
    /// Index into `board.phases`.
    pub phase: usize,
    /// Lights and totals.
    pub tally: Tally,
    /// Number of tasks per status, in `board.statuses` order.
    pub by_status: Vec<usize>,
}

/// One lead unit's counts.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitTally {
    /// The unit id as used by tasks.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// Lights and totals of the tasks it leads.
    pub tally: Tally,
}

/// Everything a report or overview needs, computed in one pass.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The day the facts hold for.
    pub today: NaiveDate,
    /// All tasks together.
    pub tally: Tally,
    /// Per phase, in board order.
    pub phases: Vec<PhaseTally>,
    /// Per lead unit, in board unit order then first use.
    pub units: Vec<UnitTally>,
    /// Share of the campaign's time elapsed.
    pub elapsed: f64,
}

impl Summary {
    /// Counts the tasks for which `keep` holds.
    pub fn of(board: &Board, today: NaiveDate, keep: impl Fn(&Task) -> bool) -> Summary {
        let mut phases: Vec<PhaseTally> = (0..board.phases.len())
            .map(|phase| PhaseTally {
                phase,
                tally: Tally::default(),
                by_status: vec![0; board.statuses.len()],
            })
            .collect();
        let mut units: Vec<UnitTally> = board
            .units
            .iter()
            .map(|u| UnitTally {
                id: u.id.clone(),
                name: u.name.clone(),
                tally: Tally::default(),
            })
            .collect();
        let mut unit_pos: std::collections::HashMap<&str, usize> = board
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.as_str(), i))
            .collect();
        let mut tally = Tally::default();
        for task in board.tasks.iter().filter(|t| keep(t)) {
            tally.add(board, task, today);
            if let Some(p) = board.phase_index(&task.phase) {
                phases[p].tally.add(board, task, today);
                if let Some(s) = board.status_index(&task.status) {
                    phases[p].by_status[s] += 1;
                }
            }
            let u = *unit_pos.entry(task.lead.as_str()).or_insert_with(|| {
                units.push(UnitTally {
                    id: task.lead.to_string(),
                    name: task.lead.to_string(),
                    tally: Tally::default(),
                });
                units.len() - 1
            });
            units[u].tally.add(board, task, today);
        }
        Summary {
            today,
            tally,
            phases,
            units,
            elapsed: board.time_elapsed(today),
        }
    }

    /// Lead units that lead at least one task, in the ranking order of [`super::rank`] (ties
    /// in board unit order).
    pub fn ranked_units(&self) -> Vec<&UnitTally> {
        let mut v: Vec<&UnitTally> = self.units.iter().filter(|u| u.tally.total > 0).collect();
        v.sort_by(|a, b| super::rank::compare(&a.tally, &b.tally));
        v
    }
}

/// Indices of tasks with the given light, most urgent first (most late, or soonest due), then file order.
pub fn tasks_with_light(
    board: &Board,
    today: NaiveDate,
    light: Light,
    keep: impl Fn(&Task) -> bool,
) -> Vec<usize> {
    let mut v: Vec<usize> = board
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| keep(t) && board.light(t, today) == light)
        .map(|(i, _)| i)
        .collect();
    v.sort_by_key(|&i| (board.tasks[i].effective_deadline(), i));
    v
}

/// Days within which a task counts as "due this week".
const WEEK: i64 = 7;

/// Tasks not done that are due within the coming week (today included), soonest first.
pub fn due_this_week(board: &Board, today: NaiveDate) -> Vec<usize> {
    let mut v: Vec<usize> = board
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            !board.is_done(t) && days_left(t, today).is_some_and(|d| (0..WEEK).contains(&d))
        })
        .map(|(i, _)| i)
        .collect();
    v.sort_by_key(|&i| (board.tasks[i].effective_deadline(), i));
    v
}
