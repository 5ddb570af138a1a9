//! One change to a board's tasks or log: what the recovery journal records after each edit, so
//! that writing it costs the size of the change, not of the board.

use super::{Board, Progress, Task};

/// A change, by task position as the board had it when the change was made.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Task `index` becomes this task.
    Set(usize, Task),
    /// This task is inserted at `index`.
    Insert(usize, Task),
    /// Task `index` is removed.
    Remove(usize),
    /// An entry is added at the end of the board's log.
    Log(Progress),
    /// The last entry of the board's log is taken off.
    Unlog,
}

impl Change {
    /// Applies the change; false when it does not fit the board (a damaged journal).
    pub fn apply(&self, board: &mut Board) -> bool {
        match self {
            Change::Set(i, t) if *i < board.tasks.len() => board.tasks[*i] = t.clone(),
            Change::Insert(i, t) if *i <= board.tasks.len() => board.tasks.insert(*i, t.clone()),
            Change::Remove(i) if *i < board.tasks.len() => {
                board.tasks.remove(*i);
            }
            Change::Log(p) => board.log.push(p.clone()),
            Change::Unlog if !board.log.is_empty() => {
                board.log.pop();
            }
            _ => return false,
        }
        true
    }
}
