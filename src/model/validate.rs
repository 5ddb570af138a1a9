//! Semantic checks of a board: everything that is wrong even when the file parses.

use super::{Board, Lang};
use std::collections::{HashMap, HashSet};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The board cannot be used until it is fixed.
    Error,
    /// Worth a look; the board still works.
    Warning,
}

/// One problem found in a board, located by its field path (e.g. `tasks[3].deadline`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The field path, as in the file.
    pub path: String,
    /// What is wrong, in the board's language.
    pub message: String,
    /// Line and column (1-based) in the file, when known.
    pub pos: Option<(usize, usize)>,
}

impl Diagnostic {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
            pos: None,
        }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }
}

/// Whether any of the diagnostics is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// Reports duplicate ids within one list.
fn duplicates<'a>(
    lang: Lang,
    list: &str,
    ids: impl Iterator<Item = &'a str>,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, id) in ids.enumerate() {
        if let Some(first) = seen.insert(id, i) {
            seen.insert(id, first);
            out.push(Diagnostic::error(
                format!("{list}[{i}].id"),
                match lang {
                    Lang::Zh => format!("编号 {id} 重复（与 {list}[{first}] 相同）"),
                    Lang::En => format!("duplicate id {id} (also {list}[{first}])"),
                },
            ));
        }
    }
}

/// Checks references, uniqueness, dates and titles; returns every problem found.
pub fn validate(board: &Board) -> Vec<Diagnostic> {
    let lang = board.lang();
    let mut out = Vec::new();
    let t = |zh: String, en: String| match lang {
        Lang::Zh => zh,
        Lang::En => en,
    };
    if board.title.trim().is_empty() {
        out.push(Diagnostic::error(
            "title",
            t("标题不能为空".into(), "the title is empty".into()),
        ));
    }
    if board.statuses.is_empty() {
        out.push(Diagnostic::error(
            "statuses",
            t(
                "至少需要一个状态".into(),
                "at least one status is needed".into(),
            ),
        ));
    } else if !board.statuses.iter().any(|s| s.done) {
        out.push(Diagnostic::warning(
            "statuses",
            t(
                "没有标记 done: true 的状态，任务永远不会算作完成".into(),
                "no status has done: true, so no task ever counts as done".into(),
            ),
        ));
    }
    if board.phases.is_empty() {
        out.push(Diagnostic::error(
            "phases",
            t(
                "至少需要一个阶段".into(),
                "at least one phase is needed".into(),
            ),
        ));
    }
    duplicates(
        lang,
        "statuses",
        board.statuses.iter().map(|s| s.id.as_str()),
        &mut out,
    );
    duplicates(
        lang,
        "phases",
        board.phases.iter().map(|s| s.id.as_str()),
        &mut out,
    );
    duplicates(
        lang,
        "units",
        board.units.iter().map(|s| s.id.as_str()),
        &mut out,
    );
    duplicates(
        lang,
        "tasks",
        board.tasks.iter().map(|s| s.id.as_str()),
        &mut out,
    );
    for (i, p) in board.phases.iter().enumerate() {
        if p.end < p.start {
            out.push(Diagnostic::error(
                format!("phases[{i}].end"),
                t(
                    format!(
                        "阶段 {} 的结束日期 {} 早于开始日期 {}",
                        p.id, p.end, p.start
                    ),
                    format!(
                        "phase {} ends ({}) before it starts ({})",
                        p.id, p.end, p.start
                    ),
                ),
            ));
        }
    }
    let phases: HashSet<&str> = board.phases.iter().map(|p| p.id.as_str()).collect();
    let statuses: HashSet<&str> = board.statuses.iter().map(|s| s.id.as_str()).collect();
    let units: HashSet<&str> = board.units.iter().map(|u| u.id.as_str()).collect();
    let check_units = !board.units.is_empty();
    for (i, task) in board.tasks.iter().enumerate() {
        let at = |field: &str| format!("tasks[{i}].{field}");
        if task.id.trim().is_empty() {
            out.push(Diagnostic::error(
                at("id"),
                t("任务编号不能为空".into(), "the task id is empty".into()),
            ));
        }
        if task.title.trim().is_empty() {
            out.push(Diagnostic::error(
                at("title"),
                t(
                    format!("任务 {} 的标题为空", task.id),
                    format!("task {} has an empty title", task.id),
                ),
            ));
        }
        if !phases.contains(task.phase.as_str()) {
            out.push(Diagnostic::error(
                at("phase"),
                t(
                    format!("未知阶段 {}", task.phase),
                    format!("unknown phase {}", task.phase),
                ),
            ));
        }
        if !statuses.contains(task.status.as_str()) {
            out.push(Diagnostic::error(
                at("status"),
                t(
                    format!("未知状态 {}", task.status),
                    format!("unknown status {}", task.status),
                ),
            ));
        }
        if task.lead.trim().is_empty() {
            out.push(Diagnostic::error(
                at("lead"),
                t(
                    format!("任务 {} 没有牵头单位", task.id),
                    format!("task {} has no lead unit", task.id),
                ),
            ));
        } else if check_units && !units.contains(task.lead.as_str()) {
            out.push(Diagnostic::error(
                at("lead"),
                t(
                    format!("未知单位 {}", task.lead),
                    format!("unknown unit {}", task.lead),
                ),
            ));
        }
        for (j, p) in task.partners.iter().enumerate() {
            if check_units && !units.contains(p.as_str()) {
                out.push(Diagnostic::error(
                    format!("tasks[{i}].partners[{j}]"),
                    t(format!("未知单位 {p}"), format!("unknown unit {p}")),
                ));
            }
        }
        if let (Some(deadline), Some(phase)) = (
            task.deadline,
            board.phases.iter().find(|p| p.id == task.phase),
        ) {
            if !phase.contains(deadline) {
                out.push(Diagnostic::warning(
                    at("deadline"),
                    t(
                        format!(
                            "完成时限 {deadline} 不在阶段 {}（{} 至 {}）之内",
                            phase.id, phase.start, phase.end
                        ),
                        format!(
                            "deadline {deadline} is outside phase {} ({} to {})",
                            phase.id, phase.start, phase.end
                        ),
                    ),
                ));
            }
        }
        match (task.deadline, task.extended_to) {
            (Some(d), Some(e)) if e <= d => out.push(Diagnostic::warning(
                at("extended_to"),
                t(
                    format!("延期至 {e} 不晚于原时限 {d}"),
                    format!("extended_to {e} is not after the deadline {d}"),
                ),
            )),
            _ => {}
        }
        if task.extension_reason.is_some() && task.extended_to.is_none() {
            out.push(Diagnostic::warning(
                at("extension_reason"),
                t(
                    "有延期理由但没有 extended_to".into(),
                    "extension_reason without extended_to".into(),
                ),
            ));
        }
    }
    out
}

impl Diagnostic {
    /// `file:line:col: error: path: message`, the form editors and terminals link to.
    pub fn render(&self, file: &str, lang: Lang) -> String {
        let loc = match self.pos {
            Some((l, c)) => format!("{file}:{l}:{c}"),
            None => file.to_string(),
        };
        let sev = match (self.severity, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        };
        if self.path.is_empty() {
            format!("{loc}: {sev}: {}", self.message)
        } else {
            format!("{loc}: {sev}: {}: {}", self.path, self.message)
        }
    }
}
