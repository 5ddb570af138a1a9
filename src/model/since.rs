//! What changed since a date (the last dispatch meeting): finished, newly overdue, extended,
//! silent units and new tasks. The definitions are those of docs/FORMAT.md ("Changes since a date").

use super::history::{extension, is_report, Extension};
use super::{Board, Task};
use chrono::NaiveDate;

/// An extension recorded on or after the date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extended {
    /// Index of the task.
    pub task: usize,
    /// The day of the entry.
    pub on: NaiveDate,
    /// Old and new deadline and the reason.
    pub extension: Extension,
}

/// A lead unit that reported no progress, with its open tasks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Silent {
    /// The unit id.
    pub unit: String,
    /// Indices of the open tasks it leads.
    pub open: Vec<usize>,
}

/// The five lists of changes since a date, each in a fixed order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes {
    /// The date the changes are counted from (included).
    pub from: NaiveDate,
    /// The day they are counted up to (excluded for the newly overdue).
    pub today: NaiveDate,
    /// Done tasks whose finishing entry is dated on or after `from`, in the order finished.
    pub finished: Vec<usize>,
    /// Not done, effective deadline on or after `from` and before today; most late first.
    pub newly_overdue: Vec<usize>,
    /// Extensions recorded on or after `from`, oldest first.
    pub extended: Vec<Extended>,
    /// Lead units of open tasks with no progress on any of them on or after `from`, in board order.
    pub silent: Vec<Silent>,
    /// Tasks created on or after `from`, in the order created.
    pub new_tasks: Vec<usize>,
}

impl Changes {
    /// The changes among the tasks for which `keep` holds, from `from` up to `today`.
    pub fn of(
        board: &Board,
        from: NaiveDate,
        today: NaiveDate,
        keep: impl Fn(&Task) -> bool,
    ) -> Changes {
        let kept: Vec<usize> = (0..board.tasks.len())
            .filter(|&i| keep(&board.tasks[i]))
            .collect();
        let dated = |f: &dyn Fn(&Task) -> Option<NaiveDate>| -> Vec<usize> {
            let mut v: Vec<(NaiveDate, usize)> = kept
                .iter()
                .filter_map(|&i| f(&board.tasks[i]).filter(|d| *d >= from).map(|d| (d, i)))
                .collect();
            v.sort();
            v.into_iter().map(|(_, i)| i).collect()
        };
        Changes {
            from,
            today,
            finished: dated(&|t| board.finished_on(t)),
            newly_overdue: newly_overdue(board, &kept, from, today),
            extended: extended(board, &kept, from),
            silent: silent(board, &kept, from),
            new_tasks: dated(&|t| board.created_on(t)),
        }
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.finished.is_empty()
            && self.newly_overdue.is_empty()
            && self.extended.is_empty()
            && self.silent.is_empty()
            && self.new_tasks.is_empty()
    }
}

fn newly_overdue(board: &Board, kept: &[usize], from: NaiveDate, today: NaiveDate) -> Vec<usize> {
    let mut v: Vec<(NaiveDate, usize)> = kept
        .iter()
        .filter_map(|&i| {
            let t = &board.tasks[i];
            let due = t.effective_deadline()?;
            (!board.is_done(t) && due >= from && due < today).then_some((due, i))
        })
        .collect();
    v.sort();
    v.into_iter().map(|(_, i)| i).collect()
}

fn extended(board: &Board, kept: &[usize], from: NaiveDate) -> Vec<Extended> {
    let mut v: Vec<Extended> = kept
        .iter()
        .flat_map(|&i| {
            board.tasks[i].progress.iter().filter_map(move |p| {
                let on = p.at.time.date();
                (on >= from).then_some(())?;
                Some(Extended {
                    task: i,
                    on,
                    extension: extension(&p.note)?,
                })
            })
        })
        .collect();
    v.sort_by_key(|e| (e.on, e.task));
    v
}

fn silent(board: &Board, kept: &[usize], from: NaiveDate) -> Vec<Silent> {
    let mut leads: Vec<(Silent, bool)> = Vec::new();
    for &i in kept {
        let t = &board.tasks[i];
        if board.is_done(t) {
            continue;
        }
        let heard = t
            .progress
            .iter()
            .any(|p| is_report(p) && p.at.time.date() >= from);
        match leads.iter_mut().find(|(s, _)| s.unit == t.lead) {
            Some((s, h)) => {
                s.open.push(i);
                *h |= heard;
            }
            None => leads.push((
                Silent {
                    unit: t.lead.to_string(),
                    open: vec![i],
                },
                heard,
            )),
        }
    }
    let mut v: Vec<Silent> = leads
        .into_iter()
        .filter(|(_, heard)| !heard)
        .map(|(s, _)| s)
        .collect();
    v.sort_by_key(|s| board.unit_order(&s.unit));
    v
}
