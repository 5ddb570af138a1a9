//! Semantic checks of a board: everything that is wrong even when the file parses.

use super::{Board, Lang, Raw};
use serde::{Deserialize, Serialize};
// Every task is looked up several times: foldhash is several times faster than SipHash on short ids.
use foldhash::{HashMap, HashSet};

/// The top-level key where `ducha merge` lists the clashes it left for a person to resolve.
pub const CLASHES_KEY: &str = "clashes";

/// Whether a diagnostic's path is the clash list or one of its entries.
pub fn is_clash_path(path: &str) -> bool {
    path.strip_prefix(CLASHES_KEY)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('['))
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    /// The board cannot be used until it is fixed.
    Error,
    /// Worth a look; the board still works.
    Warning,
}

/// One problem found in a board, located by its field path (e.g. `tasks[3].deadline`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    let mut seen: HashMap<&str, usize> = HashMap::default();
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
    clash_records(board, lang, &mut out);
    out
}

/// Text of a clash record's value as a person reads it.
fn shown(v: Option<&Raw>, lang: Lang) -> String {
    match v.map(Raw::value) {
        None | Some(Raw::Null) => lang.pick("（无）", "(none)").into(),
        Some(Raw::Str(s) | Raw::Plain(s)) => s.clone(),
        Some(Raw::Bool(b)) => b.to_string(),
        Some(Raw::Int(i)) => i.to_string(),
        Some(Raw::UInt(u)) => u.to_string(),
        Some(Raw::Float(f)) => f.to_string(),
        // `ducha merge` writes text; a list or mapping can only come from a hand edit.
        Some(Raw::Seq(_) | Raw::Map(_)) => "…".into(),
        Some(v) => v.one_line(),
    }
}

/// The Chinese name of a field or board part named in a clash record, for Chinese boards.
fn zh_label(key: &str) -> Option<&'static str> {
    Some(match key {
        "title" => "名称",
        "phase" => "阶段",
        "lead" => "牵头单位",
        "partners" => "责任单位",
        "deadline" => "完成时限",
        "status" => "状态",
        "category" => "类别",
        "extended_to" => "延期至",
        "extension_reason" => "延期原因",
        "existence" => "整项任务：一方删除，另一方修改",
        "settings" => "设置：语言、状态列、预警天数",
        "phases" => "阶段列表",
        "units" => "单位列表",
        "extra" => "其他字段",
        _ => return None,
    })
}

/// Every clash left by `ducha merge` is an error until a person resolves it and removes its entry:
/// the board then holds our value, which may not be the right one.
fn clash_records(board: &Board, lang: Lang, out: &mut Vec<Diagnostic>) {
    let Some((_, list)) = board.extra.0.iter().find(|(k, _)| k == CLASHES_KEY) else {
        return;
    };
    let entries = match list.value() {
        Raw::Null => return,
        Raw::Seq(entries) => entries,
        _ => {
            out.push(Diagnostic::error(
                CLASHES_KEY,
                lang.pick(
                    "合并冲突记录无法识别；请解决冲突后删除 clashes",
                    "unreadable merge clash record; resolve the clash, then remove clashes",
                ),
            ));
            return;
        }
    };
    for (i, entry) in entries.iter().enumerate() {
        let get = |key: &str| match entry.value() {
            Raw::Map(m) => m
                .iter()
                .find(|(k, _)| k.as_text().is_some_and(|k| k == key))
                .map(|(_, v)| v),
            _ => None,
        };
        let name = |key: &str| {
            let key = shown(get(key), lang);
            match (lang, zh_label(&key)) {
                (Lang::Zh, Some(label)) => format!("{key}（{label}）"),
                // A space between Latin and Chinese text, as elsewhere; none after a bracket.
                (Lang::Zh, None) => format!("{key} "),
                (Lang::En, _) => key,
            }
        };
        // Quoted, because values may hold spaces and commas; "none" is not a value.
        let value = |key: &str| match get(key) {
            None => shown(None, lang),
            Some(v) if *v.value() == Raw::Null => shown(None, lang),
            v => match lang {
                Lang::Zh => format!("“{}”", shown(v, lang)),
                Lang::En => format!("\"{}\"", shown(v, lang)),
            },
        };
        let (ours, theirs) = (value("ours"), value("theirs"));
        let message = match (lang, get("task").is_some()) {
            (Lang::Zh, true) => format!(
                "任务 {} 的 {}合并冲突未解决：我方为{ours}，对方为{theirs}；请在任务中改成正确的值，然后删除这条记录",
                shown(get("task"), lang),
                name("field")
            ),
            (Lang::Zh, false) => format!(
                "看板的 {}合并冲突未解决：我方为{ours}，对方为{theirs}；请改成正确的内容，然后删除这条记录",
                name("part")
            ),
            (Lang::En, true) => format!(
                "unresolved merge clash in task {}, field {}: ours {ours}, theirs {theirs}; put the right value in the task, then remove this entry",
                shown(get("task"), lang),
                name("field")
            ),
            (Lang::En, false) => format!(
                "unresolved merge clash in the board's {}: ours {ours}, theirs {theirs}; make it right, then remove this entry",
                name("part")
            ),
        };
        out.push(Diagnostic::error(format!("{CLASHES_KEY}[{i}]"), message));
    }
}

impl Diagnostic {
    /// `file:line:col: error: path: message`, the form editors and terminals link to.
    ///
    /// Printable as it is: file names, paths and values quoted in messages come from outside,
    /// so everything unshowable in them is escaped visibly (see [`super::text::printable`]).
    pub fn render(&self, file: &str, lang: Lang) -> String {
        super::text::printable(&self.render_raw(file, lang)).into_owned()
    }

    fn render_raw(&self, file: &str, lang: Lang) -> String {
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
