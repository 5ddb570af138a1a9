//! The ranking of lead units, one order for every screen and report: highest completion first,
//! then fewer overdue, then fewer due soon. Units equal on all three share a rank (并列).

use super::facts::{Tally, UnitTally};
use super::Board;
use std::cmp::Ordering;

/// A unit's place in the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// 1 for the best; units that tie share the rank of the first of them ("1, 2, 2, 4").
    pub rank: usize,
    /// Whether another unit has the same rank.
    pub tied: bool,
    /// The unit and its counts.
    pub unit: UnitTally,
}

/// The ranking order of two tallies; `Equal` means a tie.
pub fn compare(a: &Tally, b: &Tally) -> Ordering {
    b.rate()
        .total_cmp(&a.rate())
        .then(a.overdue.cmp(&b.overdue))
        .then(a.due_soon.cmp(&b.due_soon))
}

/// Sorts units into ranking order; ties stay in the board's unit order.
pub fn sort(board: &Board, units: &mut [UnitTally]) {
    units.sort_by(|a, b| {
        compare(&a.tally, &b.tally).then(board.unit_order(&a.id).cmp(&board.unit_order(&b.id)))
    });
}

/// The units that lead a task, ranked.
pub fn rank(board: &Board, units: &[UnitTally]) -> Vec<Ranked> {
    let mut v: Vec<UnitTally> = units
        .iter()
        .filter(|u| u.tally.total > 0)
        .cloned()
        .collect();
    sort(board, &mut v);
    let mut out: Vec<Ranked> = Vec::with_capacity(v.len());
    for (i, unit) in v.into_iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if compare(&prev.unit.tally, &unit.tally) == Ordering::Equal => prev.rank,
            _ => i + 1,
        };
        out.push(Ranked {
            rank,
            tied: false,
            unit,
        });
    }
    let ranks: Vec<usize> = out.iter().map(|r| r.rank).collect();
    for r in &mut out {
        r.tied = ranks.iter().filter(|&&x| x == r.rank).count() > 1;
    }
    out
}

/// A unit's rank among `units` (by id), with whether it is shared.
pub fn rank_of(board: &Board, units: &[UnitTally], id: &str) -> Option<(usize, bool)> {
    rank(board, units)
        .into_iter()
        .find(|r| r.unit.id == id)
        .map(|r| (r.rank, r.tied))
}

/// A rank as shown: "2", or "2（并列）" / "2 (tied)" when shared.
pub fn label(rank: usize, tied: bool, lang: super::Lang) -> String {
    if tied {
        format!("{rank}{}", lang.pick("（并列）", " (tied)"))
    } else {
        rank.to_string()
    }
}
