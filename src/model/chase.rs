//! 催办: the office chasing a unit about a task. Each notice issued leaves one progress entry on
//! every task it names, marked with the key `chase` (the units chased), so chases can be counted
//! whatever language the note is in.

use super::{Board, Extra, Lang, Progress, Raw, Stamp, Task};
use chrono::NaiveDate;

/// The progress entry's key that marks a 催办 and lists the units chased.
pub const KEY: &str = "chase";

impl Progress {
    /// The units a 催办 entry chased; `None` when the entry is not a 催办.
    pub fn chased_units(&self) -> Option<Vec<&str>> {
        let (_, v) = self.extra.0.iter().find(|(k, _)| k == KEY)?;
        Some(match v.value() {
            Raw::Str(s) => vec![s.as_str()],
            Raw::Seq(items) => items
                .iter()
                .filter_map(|i| match i.value() {
                    Raw::Str(s) => Some(s.as_str()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        })
    }

    /// Whether the entry records a 催办.
    pub fn is_chase(&self) -> bool {
        self.extra.0.iter().any(|(k, _)| k == KEY)
    }
}

impl Task {
    /// How many times the task has been chased (催办 N 次).
    pub fn chase_count(&self) -> usize {
        self.progress.iter().filter(|p| p.is_chase()).count()
    }

    /// The latest entry that reports on the work (not a 催办 nor the creation).
    pub fn latest_report(&self) -> Option<&Progress> {
        self.progress
            .iter()
            .filter(|p| super::history::is_report(p))
            .max_by_key(|p| p.at.time)
    }
}

impl Board {
    /// The office that issues reports and notices: the board's `office:` key, else a generic name.
    pub fn office(&self) -> String {
        let given = self.extra.0.iter().find_map(|(k, v)| match v.value() {
            Raw::Str(s) if k == "office" && !s.trim().is_empty() => Some(s.trim()),
            _ => None,
        });
        given
            .unwrap_or(self.lang().pick("督查室", "Supervision Office"))
            .to_string()
    }

    /// The 催办 entry recorded when `units` are sent a notice about a task, asked to reply by `reply_by`.
    pub fn chase_entry(
        &self,
        units: &[String],
        at: Stamp,
        by: &str,
        reply_by: NaiveDate,
    ) -> Progress {
        let names: Vec<&str> = units.iter().map(|u| self.unit_name(u)).collect();
        let note = match self.lang() {
            Lang::Zh => format!(
                "催办：向{}发出催办单，请于 {reply_by} 前报送办理情况",
                names.join("、")
            ),
            Lang::En => format!(
                "chased: reminder notice sent to {}; reply by {reply_by}",
                names.join(", ")
            ),
        };
        let ids = units.iter().map(|u| Raw::Str(u.clone())).collect();
        Progress {
            at,
            by: by.into(),
            note,
            extra: Extra(vec![(KEY.to_string(), Raw::Seq(ids))]),
        }
    }
}
