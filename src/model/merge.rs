//! Three-way merge of boards: my changes since `base`, replayed onto `theirs`.
//!
//! The unit is one field of one task (or one part of the board: title, phases, units…). A field
//! only I changed takes my value; one only they changed keeps theirs; one both changed to the same
//! value is no news. Both changed to different values is a [`Clash`]: the merged board holds my
//! value and the clash says what theirs was, so the caller can ask. Progress entries and the
//! board's log are append-only and merge as a union. Nothing is dropped without a clash to say so.

use super::{Board, Progress, Task};
use std::collections::{HashMap, HashSet};

/// A field of a task that merges on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskField {
    /// The title.
    Title,
    /// The phase.
    Phase,
    /// The lead unit.
    Lead,
    /// The co-units.
    Partners,
    /// The original deadline.
    Deadline,
    /// The status.
    Status,
    /// The category.
    Category,
    /// The extended deadline.
    ExtendedTo,
    /// The reason for the extension.
    ExtensionReason,
    /// A key the program does not know.
    Extra(String),
    /// The task as a whole: removed on one side, changed on the other.
    Existence,
}

/// The fixed fields, in the order of the task form (and of the canonical file).
pub const FIELDS: [TaskField; 9] = [
    TaskField::Title,
    TaskField::Phase,
    TaskField::Lead,
    TaskField::Partners,
    TaskField::Deadline,
    TaskField::Status,
    TaskField::Category,
    TaskField::ExtendedTo,
    TaskField::ExtensionReason,
];

impl TaskField {
    /// The field's name as the form shows it, in the board's language.
    pub fn label(&self, lang: crate::model::Lang) -> String {
        let (zh, en) = match self {
            TaskField::Title => ("任务名称", "title"),
            TaskField::Phase => ("阶段", "phase"),
            TaskField::Lead => ("牵头单位", "lead unit"),
            TaskField::Partners => ("责任单位", "co-units"),
            TaskField::Deadline => ("完成时限", "deadline"),
            TaskField::Status => ("状态", "status"),
            TaskField::Category => ("类别", "category"),
            TaskField::ExtendedTo => ("延期至", "extended to"),
            TaskField::ExtensionReason => ("延期原因", "extension reason"),
            TaskField::Extra(k) => return k.clone(),
            TaskField::Existence => (
                "整项任务（一方删除，另一方修改）",
                "the whole task (removed on one side, changed on the other)",
            ),
        };
        lang.pick(zh, en).to_string()
    }

    /// Whether the field holds the same value in both tasks.
    pub fn same(&self, a: &Task, b: &Task) -> bool {
        match self {
            TaskField::Title => a.title == b.title,
            TaskField::Phase => a.phase == b.phase,
            TaskField::Lead => a.lead == b.lead,
            TaskField::Partners => a.partners == b.partners,
            TaskField::Deadline => a.deadline == b.deadline,
            TaskField::Status => a.status == b.status,
            TaskField::Category => a.category == b.category,
            TaskField::ExtendedTo => a.extended_to == b.extended_to,
            TaskField::ExtensionReason => a.extension_reason == b.extension_reason,
            TaskField::Extra(k) => extra_of(a, k) == extra_of(b, k),
            TaskField::Existence => a == b,
        }
    }

    /// Copies the field's value from `from` into `to`.
    pub fn copy(&self, from: &Task, to: &mut Task) {
        match self {
            TaskField::Title => to.title.clone_from(&from.title),
            TaskField::Phase => to.phase.clone_from(&from.phase),
            TaskField::Lead => to.lead.clone_from(&from.lead),
            TaskField::Partners => to.partners.clone_from(&from.partners),
            TaskField::Deadline => to.deadline = from.deadline,
            TaskField::Status => to.status.clone_from(&from.status),
            TaskField::Category => to.category.clone_from(&from.category),
            TaskField::ExtendedTo => to.extended_to = from.extended_to,
            TaskField::ExtensionReason => to.extension_reason.clone_from(&from.extension_reason),
            TaskField::Extra(k) => {
                let value = extra_of(from, k).cloned();
                to.extra.0.retain(|(key, _)| key != k);
                if let Some(v) = value {
                    to.extra.0.push((k.clone(), v));
                }
            }
            TaskField::Existence => *to = from.clone(),
        }
    }

    /// The field's value as a user reads it.
    pub fn show(&self, t: Option<&Task>, board: &Board) -> String {
        let Some(t) = t else {
            return "—".into();
        };
        let date = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "—".into(), |d| d.to_string());
        match self {
            TaskField::Title => t.title.clone(),
            TaskField::Phase => board
                .phases
                .iter()
                .find(|p| p.id == t.phase)
                .map_or_else(|| t.phase.to_string(), |p| p.name.clone()),
            TaskField::Lead => board.unit_name(&t.lead).to_string(),
            TaskField::Partners => t
                .partners
                .iter()
                .map(|p| board.unit_name(p))
                .collect::<Vec<_>>()
                .join(board.lang().pick("、", ", ")),
            TaskField::Deadline => date(t.deadline),
            TaskField::Status => board
                .statuses
                .iter()
                .find(|s| s.id == t.status)
                .map_or_else(|| t.status.to_string(), |s| s.name.clone()),
            TaskField::Category => t.category.as_deref().unwrap_or("—").to_string(),
            TaskField::ExtendedTo => date(t.extended_to),
            TaskField::ExtensionReason => t.extension_reason.clone().unwrap_or_else(|| "—".into()),
            TaskField::Extra(k) => extra_of(t, k).map_or_else(|| "—".into(), |v| format!("{v:?}")),
            TaskField::Existence => t.title.clone(),
        }
    }
}

fn extra_of<'a>(t: &'a Task, key: &str) -> Option<&'a super::Raw> {
    t.extra.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// A part of the board outside its tasks, merged as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardPart {
    /// The title.
    Title,
    /// The language, the warning window and the statuses.
    Settings,
    /// The phases.
    Phases,
    /// The units.
    Units,
    /// Top-level keys the program does not know.
    Extra,
}

const PARTS: [BoardPart; 5] = [
    BoardPart::Title,
    BoardPart::Settings,
    BoardPart::Phases,
    BoardPart::Units,
    BoardPart::Extra,
];

impl BoardPart {
    fn same(self, a: &Board, b: &Board) -> bool {
        match self {
            BoardPart::Title => a.title == b.title,
            BoardPart::Settings => {
                a.lang == b.lang
                    && a.warn_days == b.warn_days
                    && a.statuses == b.statuses
                    && a.statuses_given == b.statuses_given
            }
            BoardPart::Phases => a.phases == b.phases,
            BoardPart::Units => a.units == b.units,
            BoardPart::Extra => a.extra == b.extra,
        }
    }

    /// Copies the part from `from` into `to`.
    pub fn copy(self, from: &Board, to: &mut Board) {
        match self {
            BoardPart::Title => to.title.clone_from(&from.title),
            BoardPart::Settings => {
                to.lang = from.lang;
                to.warn_days = from.warn_days;
                to.statuses.clone_from(&from.statuses);
                to.statuses_given = from.statuses_given;
            }
            BoardPart::Phases => to.phases.clone_from(&from.phases),
            BoardPart::Units => to.units.clone_from(&from.units),
            BoardPart::Extra => to.extra.clone_from(&from.extra),
        }
    }
}

/// Where two sides disagree.
#[derive(Debug, Clone, PartialEq)]
pub enum Clash {
    /// A task's field: its id, the field, and their version of the task (None: they removed it).
    Task {
        /// The task's id.
        id: String,
        /// The field.
        field: TaskField,
        /// Their task, None when they removed it.
        theirs: Option<Box<Task>>,
    },
    /// A part of the board, with their board's version of it.
    Board {
        /// The part.
        part: BoardPart,
        /// Their board (only this part is read from it).
        theirs: Box<Board>,
    },
}

impl Clash {
    /// Gives up my value for theirs in the merged board.
    pub fn take_theirs(&self, merged: &mut Board) {
        match self {
            Clash::Board { part, theirs } => part.copy(theirs, merged),
            Clash::Task { id, field, theirs } => {
                let at = merged.tasks.iter().position(|t| t.id == id);
                match (theirs, at) {
                    (Some(t), Some(i)) => field.copy(t, &mut merged.tasks[i]),
                    (Some(t), None) => merged.tasks.push((**t).clone()),
                    (None, Some(i)) => {
                        merged.tasks.remove(i);
                    }
                    (None, None) => {}
                }
            }
        }
    }
}

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// Their board with my changes replayed; on a clash, my value.
    pub board: Board,
    /// Fields both sides changed differently.
    pub clashes: Vec<Clash>,
    /// Ids of my new tasks that had to take another id because theirs used it: (mine, now).
    pub renamed: Vec<(String, String)>,
}

/// Replays the changes from `base` to `mine` onto `theirs`.
pub fn merge(base: &Board, mine: &Board, theirs: &Board) -> Merged {
    let mut out = theirs.clone();
    let mut clashes = Vec::new();
    for part in PARTS {
        if !part.same(base, mine) && !part.same(base, theirs) && !part.same(mine, theirs) {
            clashes.push(Clash::Board {
                part,
                theirs: Box::new(theirs.clone()),
            });
            part.copy(mine, &mut out);
        } else if !part.same(base, mine) {
            part.copy(mine, &mut out);
        }
    }
    union(&base.log, &mine.log, &theirs.log, &mut out.log);
    let base_ix: HashMap<&str, &Task> = base.tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let mine_ix: HashMap<&str, &Task> = mine.tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let theirs_ids: HashSet<&str> = theirs.tasks.iter().map(|t| t.id.as_str()).collect();
    // Tasks both have: field by field; tasks I removed: gone unless they changed them.
    let mut removed = Vec::new();
    for (i, t) in theirs.tasks.iter().enumerate() {
        let Some(b) = base_ix.get(t.id.as_str()) else {
            continue;
        };
        match mine_ix.get(t.id.as_str()) {
            Some(m) => merge_task(b, m, t, &mut out.tasks[i], &mut clashes),
            None if *b == t => removed.push(i),
            None => {
                // I removed it, they changed it: my removal stands until answered.
                clashes.push(Clash::Task {
                    id: t.id.to_string(),
                    field: TaskField::Existence,
                    theirs: Some(Box::new(t.clone())),
                });
                removed.push(i);
            }
        }
    }
    for i in removed.into_iter().rev() {
        out.tasks.remove(i);
    }
    // Tasks they removed that I changed come back, with a clash to say so.
    for m in &mine.tasks {
        if let Some(b) = base_ix.get(m.id.as_str()) {
            if !theirs_ids.contains(m.id.as_str()) && *b != m {
                clashes.push(Clash::Task {
                    id: m.id.to_string(),
                    field: TaskField::Existence,
                    theirs: None,
                });
                out.tasks.push(m.clone());
            }
        }
    }
    // My new tasks, renumbered if they took the same id meanwhile.
    let mut renamed = Vec::new();
    for m in mine
        .tasks
        .iter()
        .filter(|m| !base_ix.contains_key(m.id.as_str()))
    {
        match out.tasks.iter().find(|t| t.id == m.id) {
            Some(t) if t == m => {}
            Some(_) => {
                let mut t = m.clone();
                t.id = out.fresh_task_id().into();
                renamed.push((m.id.to_string(), t.id.to_string()));
                out.tasks.push(t);
            }
            None => out.tasks.push(m.clone()),
        }
    }
    Merged {
        board: out,
        clashes,
        renamed,
    }
}

/// Merges one task that all three sides have into `out` (which starts as theirs).
fn merge_task(base: &Task, mine: &Task, theirs: &Task, out: &mut Task, clashes: &mut Vec<Clash>) {
    let mut fields: Vec<TaskField> = FIELDS.to_vec();
    for t in [base, mine, theirs] {
        for (k, _) in &t.extra.0 {
            let f = TaskField::Extra(k.clone());
            if !fields.contains(&f) {
                fields.push(f);
            }
        }
    }
    for f in fields {
        if f.same(base, mine) {
            continue;
        }
        if !f.same(base, theirs) && !f.same(mine, theirs) {
            clashes.push(Clash::Task {
                id: theirs.id.to_string(),
                field: f.clone(),
                theirs: Some(Box::new(theirs.clone())),
            });
        }
        f.copy(mine, out);
    }
    union(
        &base.progress,
        &mine.progress,
        &theirs.progress,
        &mut out.progress,
    );
}

/// Adds to `out` (theirs) the entries I added since base that theirs does not already have:
/// entries are only ever added, so a union loses nobody's. Counted as multisets, so an entry
/// written twice on purpose stays twice whichever side is "mine".
fn union(base: &[Progress], mine: &[Progress], theirs: &[Progress], out: &mut Vec<Progress>) {
    let minus = |a: &[Progress], b: &[Progress]| -> Vec<Progress> {
        let mut rest: Vec<&Progress> = b.iter().collect();
        let mut only = Vec::new();
        for p in a {
            match rest.iter().position(|r| *r == p) {
                Some(i) => {
                    rest.swap_remove(i);
                }
                None => only.push(p.clone()),
            }
        }
        only
    };
    let theirs_added = minus(theirs, base);
    out.extend(minus(&minus(mine, base), &theirs_added));
}
