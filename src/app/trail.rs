//! What the trail (留痕) says about a change: the note of a task's progress entry, the line of
//! the board's log.
//!
//! Notes are written in the board's language, not the viewer's, because the file is shared; and
//! with names rather than ids, because people read them.

use crate::model::{Board, Lang, Task};
use chrono::NaiveDate;

/// A field a user changes through some screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Phase,
    Lead,
    Partners,
    Deadline,
    Status,
    Category,
}

/// In the order of the form, so that a note reads like the form it came from.
const FIELDS: [Field; 7] = [
    Field::Title,
    Field::Phase,
    Field::Lead,
    Field::Partners,
    Field::Deadline,
    Field::Status,
    Field::Category,
];

impl Field {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Title => lang.pick("任务名称", "title"),
            Field::Phase => lang.pick("阶段", "phase"),
            Field::Lead => lang.pick("牵头单位", "lead unit"),
            Field::Partners => lang.pick("责任单位", "co-units"),
            Field::Deadline => lang.pick("完成时限", "deadline"),
            Field::Status => lang.pick("状态", "status"),
            Field::Category => lang.pick("类别", "category"),
        }
    }

    fn same(self, a: &Task, b: &Task) -> bool {
        match self {
            Field::Title => a.title == b.title,
            Field::Phase => a.phase == b.phase,
            Field::Lead => a.lead == b.lead,
            Field::Partners => a.partners == b.partners,
            Field::Deadline => a.deadline == b.deadline,
            Field::Status => a.status == b.status,
            Field::Category => a.category == b.category,
        }
    }

    /// The value as a user reads it; empty when there is none.
    fn value(self, board: &Board, t: &Task) -> String {
        match self {
            Field::Title => t.title.clone(),
            Field::Phase => board
                .phases
                .iter()
                .find(|p| p.id == t.phase)
                .map_or_else(|| t.phase.clone(), |p| p.name.clone()),
            Field::Lead => board.unit_name(&t.lead).to_string(),
            Field::Partners => t
                .partners
                .iter()
                .map(|p| board.unit_name(p))
                .collect::<Vec<_>>()
                .join(board.lang().pick("、", ", ")),
            Field::Deadline => date(t.deadline),
            Field::Status => board
                .statuses
                .iter()
                .find(|s| s.id == t.status)
                .map_or_else(|| t.status.clone(), |s| s.name.clone()),
            Field::Category => t.category.clone().unwrap_or_default(),
        }
    }
}

/// A date as the file writes it, so that `2017-7-20` typed is `2017-07-20` in the note.
fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// A value in a note, with a dash for none so that "set" and "cleared" can be told apart.
fn shown(s: &str) -> &str {
    if s.is_empty() {
        "—"
    } else {
        s
    }
}

fn colon(lang: Lang) -> &'static str {
    lang.pick("：", ": ")
}

fn joined(parts: &[String], lang: Lang) -> String {
    parts.join(lang.pick("；", "; "))
}

/// The extension part of a change: the deadline in force before and after, and why.
fn extension(before: &Task, after: &Task, lang: Lang) -> Option<String> {
    let reason = after.extension_reason.as_deref().unwrap_or_default();
    if before.extended_to != after.extended_to {
        let old = date(before.effective_deadline());
        let new = date(after.effective_deadline());
        let (old, new, why) = (shown(&old), shown(&new), shown(reason));
        return Some(match lang {
            Lang::Zh => format!("完成时限：{old} → {new}（延期原因：{why}）"),
            Lang::En => format!("deadline: {old} → {new} (extension reason: {why})"),
        });
    }
    let old = before.extension_reason.as_deref().unwrap_or_default();
    (old != reason).then(|| {
        format!(
            "{}{}{} → {}",
            lang.pick("延期原因", "extension reason"),
            colon(lang),
            shown(old),
            shown(reason)
        )
    })
}

/// One `field：old → new` per changed field, the extension last; empty when nothing changed.
pub fn changes(board: &Board, before: &Task, after: &Task) -> Vec<String> {
    let lang = board.lang();
    let mut out: Vec<String> = FIELDS
        .iter()
        .filter(|f| !f.same(before, after))
        .map(|f| {
            let (old, new) = (f.value(board, before), f.value(board, after));
            format!(
                "{}{}{} → {}",
                f.label(lang),
                colon(lang),
                shown(&old),
                shown(&new)
            )
        })
        .collect();
    out.extend(extension(before, after, lang));
    out
}

/// The note of a change, every changed field in one; `None` when nothing a user sees changed.
pub fn change_note(board: &Board, before: &Task, after: &Task) -> Option<String> {
    let parts = changes(board, before, after);
    (!parts.is_empty()).then(|| joined(&parts, board.lang()))
}

/// The note of a new task: every field it starts with.
pub fn creation_note(board: &Board, t: &Task) -> String {
    let lang = board.lang();
    let parts: Vec<String> = FIELDS
        .iter()
        .filter_map(|f| {
            let v = f.value(board, t);
            (!v.is_empty()).then(|| format!("{}{}{v}", f.label(lang), colon(lang)))
        })
        .collect();
    match lang {
        Lang::Zh => format!("新建任务（{}）", joined(&parts, lang)),
        Lang::En => format!("created ({})", joined(&parts, lang)),
    }
}

/// The board log's line for a deleted task.
pub fn deletion_note(board: &Board, t: &Task) -> String {
    match board.lang() {
        Lang::Zh => format!("删除任务 {}《{}》", t.id, t.title),
        Lang::En => format!("deleted task {} \"{}\"", t.id, t.title),
    }
}
