//! The by-unit view's state: one row per lead unit, sortable, and a unit's tasks across phases.

use super::App;
use crate::model::facts::{Summary, UnitTally};
use crate::model::{Board, Lang};

/// Orders of the by-unit table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnitSort {
    /// The ranking of every report: highest completion first, then fewer overdue and due soon.
    #[default]
    Completion,
    /// Most overdue first: who is behind.
    Overdue,
    /// The board's unit order.
    Name,
}

impl UnitSort {
    /// The next order in the cycle.
    pub fn next(self) -> UnitSort {
        match self {
            UnitSort::Completion => UnitSort::Overdue,
            UnitSort::Overdue => UnitSort::Name,
            UnitSort::Name => UnitSort::Completion,
        }
    }

    /// The order's name.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            UnitSort::Overdue => lang.pick("按逾期数", "by overdue"),
            UnitSort::Completion => lang.pick("按排名", "by rank"),
            UnitSort::Name => lang.pick("按单位", "by unit"),
        }
    }
}

/// What the by-unit view shows and where its selection is.
#[derive(Debug, Clone, Default)]
pub struct UnitsState {
    /// Row order.
    pub sort: UnitSort,
    /// Selected unit row.
    pub row: usize,
    /// The unit whose tasks are listed, if one is open.
    pub open: Option<String>,
    /// Selected row in the open unit's task list.
    pub task_row: usize,
    /// Lead units with their counts, in `sort` order (kept up to date by `refresh`).
    pub rows: Vec<UnitTally>,
    /// The open unit's tasks, most urgent first (kept up to date by `refresh`).
    pub tasks: Vec<usize>,
}

/// Orders unit rows: by rank (as reports do), by overdue (then due soon, then lower
/// completion), or by the board's unit order.
pub fn sort_units(board: &Board, rows: &mut [UnitTally], sort: UnitSort) {
    let order = |id: &str| board.unit_order(id);
    match sort {
        UnitSort::Overdue => rows.sort_by(|a, b| {
            (b.tally.overdue, b.tally.due_soon)
                .cmp(&(a.tally.overdue, a.tally.due_soon))
                .then(a.tally.rate().total_cmp(&b.tally.rate()))
                .then(order(&a.id).cmp(&order(&b.id)))
        }),
        UnitSort::Completion => crate::model::rank::sort(board, rows),
        UnitSort::Name => rows.sort_by_key(|u| (order(&u.id), u.name.clone())),
    }
}

impl App {
    /// Recomputes the by-unit rows and the open unit's tasks.
    pub(super) fn refresh_units(&mut self) {
        let today = self.opts.today;
        let matcher = self.matcher();
        let summary = Summary::of(&self.board, today, |t| matcher.keeps(t));
        let mut rows: Vec<UnitTally> = summary
            .units
            .into_iter()
            .filter(|u| u.tally.total > 0)
            .collect();
        sort_units(&self.board, &mut rows, self.units.sort);
        let tasks = match &self.units.open {
            Some(id) => {
                let b = &self.board;
                let mut v: Vec<usize> = b
                    .tasks
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.lead == id && matcher.keeps(t))
                    .map(|(i, _)| i)
                    .collect();
                v.sort_by_key(|&i| {
                    (
                        b.light(&b.tasks[i], today),
                        b.tasks[i].effective_deadline().is_none(),
                        b.tasks[i].effective_deadline(),
                        i,
                    )
                });
                v
            }
            None => Vec::new(),
        };
        self.units.row = self.units.row.min(rows.len().saturating_sub(1));
        self.units.task_row = self.units.task_row.min(tasks.len().saturating_sub(1));
        self.units.rows = rows;
        self.units.tasks = tasks;
    }

    /// Opens the selected unit's task list.
    pub(super) fn open_unit(&mut self) {
        if let Some(u) = self.units.rows.get(self.units.row) {
            self.units.open = Some(u.id.clone());
            self.units.task_row = 0;
            self.refresh_units();
        }
    }
}
