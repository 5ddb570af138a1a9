//! The task list: every task across phases in one table, sorted by a column and narrowed by the
//! search and filters of the board.
//!
//! The sorted, filtered order is kept in the app and recomputed only when the board, the order,
//! the search or the filters change (`refresh`), never on a key that only moves: at 10,000 tasks
//! sorting is what a frame cannot afford.

use super::edit::Count;
use super::App;
use crate::model::{Board, Lang, Task};
use chrono::{Datelike, NaiveDate};

/// The columns of the task list, in the order they are shown and `o` goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListColumn {
    /// The task's id.
    Id,
    /// Its phase, in board order.
    #[default]
    Phase,
    /// Its title.
    Title,
    /// The lead unit, in board order.
    Lead,
    /// The deadline in force; tasks without one last.
    Deadline,
    /// The light: overdue first, done last.
    Light,
    /// The status, in board order.
    Status,
    /// The date of the latest progress entry; tasks without one first (the silent ones).
    Latest,
}

impl ListColumn {
    /// Every column, in the order shown.
    pub const ALL: [ListColumn; 8] = [
        ListColumn::Id,
        ListColumn::Phase,
        ListColumn::Title,
        ListColumn::Lead,
        ListColumn::Deadline,
        ListColumn::Light,
        ListColumn::Status,
        ListColumn::Latest,
    ];

    /// The column `o` sorts by next.
    pub fn next(self) -> ListColumn {
        let i = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// The column's heading.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ListColumn::Id => lang.pick("编号", "ID"),
            ListColumn::Phase => lang.pick("阶段", "Phase"),
            ListColumn::Title => lang.pick("任务", "Task"),
            ListColumn::Lead => lang.pick("牵头单位", "Lead unit"),
            ListColumn::Deadline => lang.pick("时限", "Due"),
            ListColumn::Light => lang.pick("亮灯", "Light"),
            ListColumn::Status => lang.pick("状态", "Status"),
            ListColumn::Latest => lang.pick("最新进展", "Latest"),
        }
    }
}

/// What the task list shows and where its selection is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListState {
    /// The column sorted by.
    pub column: ListColumn,
    /// Descending instead of ascending.
    pub reverse: bool,
    /// Selected row.
    pub row: usize,
    /// Task indices in the order shown, filtered (kept up to date by `refresh`).
    pub tasks: Vec<usize>,
    /// Columns the widest id of the board takes (kept up to date as the board changes), so
    /// that the column does not change width while scrolling or sorting.
    pub id_width: usize,
}

/// Columns task `t`'s id takes. Ids are nearly always ASCII, whose width is their length:
/// measuring each id's characters was a quarter of sorting the list.
fn id_width(t: &Task) -> usize {
    if t.id.is_ascii() {
        t.id.len()
    } else {
        unicode_width::UnicodeWidthStr::width(t.id.as_str())
    }
}

/// Columns the widest id of `board` takes.
pub(super) fn widest_id(board: &Board) -> usize {
    board.tasks.iter().map(id_width).max().unwrap_or(0)
}

/// The date of a task's latest progress entry, if it has one.
pub fn latest(t: &Task) -> Option<NaiveDate> {
    t.progress.iter().map(|p| p.at.time.date()).max()
}

/// One task's place in a column of figures or dates (a number), or `None` for the columns of
/// text, which sort by the text itself.
fn number(board: &Board, t: &Task, column: ListColumn, today: NaiveDate) -> Option<i64> {
    let day = |d: Option<NaiveDate>, none: i64| d.map_or(none, |d| i64::from(d.num_days_from_ce()));
    let order = |o: Option<usize>| o.map_or(i64::MAX, |o| o as i64);
    Some(match column {
        ListColumn::Id | ListColumn::Title => return None,
        ListColumn::Phase => order(board.phase_index(&t.phase)),
        ListColumn::Lead => board.unit_order(&t.lead) as i64,
        ListColumn::Deadline => day(t.effective_deadline(), i64::MAX),
        ListColumn::Light => board.light(t, today) as i64,
        ListColumn::Status => order(board.status_index(&t.status)),
        ListColumn::Latest => day(latest(t), i64::MIN),
    })
}

/// Task indices of `board` that `keep` passes, sorted by `column` (file order among equals),
/// reversed when asked.
pub fn sorted(
    board: &Board,
    column: ListColumn,
    reverse: bool,
    today: NaiveDate,
    keep: impl Fn(&Task) -> bool,
) -> Vec<usize> {
    let kept = board.tasks.iter().enumerate().filter(|(_, t)| keep(t));
    // Keys computed once per task, numbers and text apart: comparing text where every key is
    // a number made sorting 10,000 tasks forty times slower. The index makes every key
    // unique, so an unstable sort gives the order a stable one would.
    let mut v: Vec<usize> = if matches!(column, ListColumn::Id | ListColumn::Title) {
        let id = column == ListColumn::Id;
        let mut keyed: Vec<(&str, usize)> = kept
            .map(|(i, t)| (if id { t.id.as_str() } else { t.title.as_str() }, i))
            .collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, i)| i).collect()
    } else {
        let mut keyed: Vec<(i64, usize)> = kept
            .map(|(i, t)| (number(board, t, column, today).unwrap_or_default(), i))
            .collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, i)| i).collect()
    };
    if reverse {
        v.reverse();
    }
    v
}

impl App {
    /// Recomputes the task list, keeping the selected task selected when it is still listed.
    pub(super) fn refresh_list(&mut self) {
        let was = self.list.tasks.get(self.list.row).copied();
        let matcher = self.matcher();
        let tasks = sorted(
            &self.board,
            self.list.column,
            self.list.reverse,
            self.opts.today,
            |t| matcher.keeps(t),
        );
        if let Some(r) = was.and_then(|w| tasks.iter().position(|&i| i == w)) {
            self.list.row = r;
        }
        self.list.row = self.list.row.min(tasks.len().saturating_sub(1));
        self.list.tasks = tasks;
    }

    /// Measures the widest id of the board again.
    pub(super) fn measure_ids(&mut self) {
        self.list.id_width = widest_id(&self.board);
    }

    /// Widens the id column for the tasks an edit put in; one that takes tasks away measures
    /// every id again instead.
    pub(super) fn widen_ids(&mut self, changed: &[(&Task, Count)]) {
        for (t, c) in changed {
            if *c == Count::Added {
                self.list.id_width = self.list.id_width.max(id_width(t));
            }
        }
    }

    /// Selects task `task` in the list if it is listed.
    pub(super) fn select_in_list(&mut self, task: usize) {
        if let Some(r) = self.list.tasks.iter().position(|&i| i == task) {
            self.list.row = r;
        }
    }

    /// Sorts the list by the next column (`next`) or reverses it, showing it from the top:
    /// whoever sorts wants to see what comes first.
    pub(super) fn resort(&mut self, next: bool) {
        if next {
            self.list.column = self.list.column.next();
            self.list.reverse = false;
            self.refresh();
        } else {
            // The same order backwards: no need to sort again.
            self.list.reverse = !self.list.reverse;
            self.list.tasks.reverse();
        }
        self.list.row = 0;
        self.message = Some(super::Message::ListSorted(
            self.list.column,
            self.list.reverse,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_columns_go_round() {
        let mut c = ListColumn::Id;
        for _ in 0..ListColumn::ALL.len() {
            c = c.next();
        }
        assert_eq!(c, ListColumn::Id);
    }
}
