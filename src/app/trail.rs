//! What the trail (留痕) says about a change: the note of a task's progress entry, the line of
//! the board's log.
//!
//! Notes are written in the board's language, not the viewer's, because the file is shared; and
//! with names rather than ids, because people read them.

use crate::model::merge::{TaskField, FIELDS};
use crate::model::{Board, Lang, Task};
use chrono::NaiveDate;

/// The fields a note lists one by one, in the order of the form; the extension (the deadline
/// in force and its reason) has a wording of its own.
fn noted() -> impl Iterator<Item = &'static TaskField> {
    FIELDS
        .iter()
        .filter(|f| !matches!(f, TaskField::ExtendedTo | TaskField::ExtensionReason))
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
    let mut out: Vec<String> = noted()
        .filter(|f| !f.same(before, after))
        .map(|f| {
            let (old, new) = (f.show(Some(before), board), f.show(Some(after), board));
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
    let parts: Vec<String> = noted()
        .filter_map(|f| {
            let v = f.show(Some(t), board);
            // Only what the task starts with: an absent value shows as a dash.
            (!v.is_empty() && v != "—").then(|| format!("{}{}{v}", f.label(lang), colon(lang)))
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
