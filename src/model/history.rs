//! What a task's trail (留痕) says happened, read back from the notes the interactive board
//! writes (`app::trail`): status changes, extensions and creation.
//!
//! Notes are read in both languages, because a board's `lang` may change after they were written.

use super::{Board, Progress, Task};
use chrono::NaiveDate;

/// What separates the fields of one change note.
const SEPARATORS: [&str; 2] = ["；", "; "];
/// How a status change starts, in each language.
const STATUS: [&str; 2] = ["状态：", "status: "];
/// How a deadline change starts.
const DEADLINE: [&str; 2] = ["完成时限：", "deadline: "];
/// How the reason of an extension starts, and what ends it.
const REASON: [(&str, &str); 2] = [("（延期原因：", "）"), (" (extension reason: ", ")")];
/// How the note of a new task starts, and what ends it.
const CREATED: [(&str, &str); 2] = [("新建任务（", "）"), ("created (", ")")];
/// Between the old and the new value.
const ARROW: &str = " → ";

/// A deadline extension as its trail entry records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extension {
    /// The deadline in force before (none for a standing task).
    pub from: Option<NaiveDate>,
    /// The new deadline.
    pub to: Option<NaiveDate>,
    /// Why.
    pub reason: String,
}

/// The fields of a change note, whatever their separator.
fn parts(note: &str) -> Vec<&str> {
    let mut out = vec![note];
    for sep in SEPARATORS {
        out = out.iter().flat_map(|p| p.split(sep)).collect();
    }
    out
}

/// `label：old → new` read as (old, new), for any of the labels.
fn change<'a>(part: &'a str, labels: &[&str]) -> Option<(&'a str, &'a str)> {
    let rest = labels.iter().find_map(|l| part.strip_prefix(l))?;
    rest.split_once(ARROW)
}

/// The status name a change note moved the task to, if it changed the status.
pub fn status_target(note: &str) -> Option<&str> {
    if let Some(fields) = creation_fields(note) {
        return parts(fields)
            .into_iter()
            .find_map(|p| STATUS.iter().find_map(|l| p.strip_prefix(l)));
    }
    parts(note)
        .into_iter()
        .find_map(|p| change(p, &STATUS))
        .map(|(_, new)| new.trim())
}

/// The extension a change note records, if it is one (a deadline change with a reason).
pub fn extension(note: &str) -> Option<Extension> {
    parts(note).into_iter().find_map(|p| {
        let (old, rest) = change(p, &DEADLINE)?;
        let (new, reason) = REASON.iter().find_map(|(open, close)| {
            let (new, why) = rest.split_once(open)?;
            Some((new, why.strip_suffix(close).unwrap_or(why)))
        })?;
        Some(Extension {
            from: crate::store::parse_date(old.trim()),
            to: crate::store::parse_date(new.trim()),
            reason: if reason == "—" { "" } else { reason }.to_string(),
        })
    })
}

/// The fields inside a creation note, if the note is one.
fn creation_fields(note: &str) -> Option<&str> {
    CREATED.iter().find_map(|(open, close)| {
        let rest = note.strip_prefix(open)?;
        Some(rest.strip_suffix(close).unwrap_or(rest))
    })
}

/// Whether the note records the creation of its task.
pub fn is_creation(note: &str) -> bool {
    creation_fields(note).is_some()
}

/// Whether an entry reports on the work rather than recording the office's own act (a 催办, or
/// the task's creation): only such entries show that a unit is not silent.
pub fn is_report(p: &Progress) -> bool {
    !p.is_chase() && !is_creation(&p.note)
}

impl Board {
    /// Whether a status name (or id) written in a note is a done status.
    fn names_done(&self, name: &str) -> Option<bool> {
        self.statuses
            .iter()
            .find(|s| s.name == name || s.id == name)
            .map(|s| s.done)
    }

    /// When a done task was finished: the day of the entry that moved it to a done status, else
    /// of its latest entry that is not a 催办; `None` when not done or nothing says.
    pub fn finished_on(&self, t: &Task) -> Option<NaiveDate> {
        if !self.is_done(t) {
            return None;
        }
        let made_done = t.progress.iter().rev().find(|p| {
            status_target(&p.note).and_then(|s| self.names_done(s)) == Some(true)
                && !is_creation(&p.note)
        });
        made_done
            .or_else(|| t.progress.iter().rev().find(|p| !p.is_chase()))
            .map(|p| p.at.time.date())
    }

    /// The day the task was added, from its creation entry; `None` when the trail does not say.
    pub fn created_on(&self, t: &Task) -> Option<NaiveDate> {
        t.progress
            .iter()
            .find(|p| is_creation(&p.note))
            .map(|p| p.at.time.date())
    }

    /// Every change of the task between not done and done that its trail records, oldest first:
    /// the day and whether it was done after it.
    pub fn done_changes(&self, t: &Task) -> Vec<(NaiveDate, bool)> {
        let mut out: Vec<(NaiveDate, bool)> = t
            .progress
            .iter()
            .filter_map(|p| {
                let done = self.names_done(status_target(&p.note)?)?;
                Some((p.at.time.date(), done))
            })
            .collect();
        out.sort_by_key(|(d, _)| *d);
        out
    }

    /// Whether any task's trail has a status change, so that completion over time can be told.
    pub fn has_status_history(&self) -> bool {
        self.tasks
            .iter()
            .any(|t| t.progress.iter().any(|p| status_target(&p.note).is_some()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<NaiveDate> {
        crate::store::parse_date(s)
    }

    #[test]
    fn status_changes_are_read_in_either_language() {
        assert_eq!(status_target("状态：未启动 → 推进中"), Some("推进中"));
        assert_eq!(
            status_target("任务名称：甲 → 乙；状态：推进中 → 已完成"),
            Some("已完成")
        );
        assert_eq!(status_target("status: In progress → Done"), Some("Done"));
        assert_eq!(
            status_target("新建任务（任务名称：甲；状态：未启动）"),
            Some("未启动")
        );
        assert_eq!(status_target("已召开，状态良好"), None);
    }

    #[test]
    fn extensions_carry_both_dates_and_the_reason() {
        let e = extension("完成时限：2017-06-30 → 2017-07-31（延期原因：等待上级文件）");
        assert_eq!(
            e,
            Some(Extension {
                from: day("2017-06-30"),
                to: day("2017-07-31"),
                reason: "等待上级文件".into()
            })
        );
        let e = extension("deadline: 2024-05-31 → 2024-06-28 (extension reason: indicators)");
        assert_eq!(e.map(|e| e.reason), Some("indicators".to_string()));
        assert_eq!(
            extension("完成时限：— → 2024-06-30"),
            None,
            "a first deadline"
        );
    }

    #[test]
    fn creation_notes_are_recognised() {
        assert!(is_creation("新建任务（任务名称：甲；状态：未启动）"));
        assert!(is_creation("created (title: A; status: Not started)"));
        assert!(!is_creation("状态：未启动 → 推进中"));
    }
}
