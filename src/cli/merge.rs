//! `ducha merge BASE OURS THEIRS`: a three-way merge of board files, usable as a git merge driver
//! (`ducha merge %O %A %B`).
//!
//! Git hands the driver three temporary files and reads the result back from OURS, so the result
//! must be a whole board even when the two sides clash: instead of conflict markers, which would
//! make the file unreadable YAML, OURS keeps our value of each clashing field and lists every
//! clash under the top-level key `clashes`, which `ducha check` reports as an error until someone
//! resolves it and removes the entry.

use crate::model::merge::{merge, BoardPart, Clash, TaskField};
use crate::model::validate::{has_errors, is_clash_path, Severity, CLASHES_KEY};
use crate::model::{Board, Lang, Raw, Task};
use crate::store;
use std::path::Path;
use std::process::ExitCode;

/// Merges THEIRS into OURS against BASE; 0 clean, 1 clashes (recorded in OURS), 2 unusable input.
pub fn run(base: &Path, ours: &Path, theirs: &Path) -> ExitCode {
    let (Some(base_board), Some(our_board), Some(their_board)) =
        (usable(base), usable(ours), usable(theirs))
    else {
        return ExitCode::from(2);
    };
    let merged = merge(&base_board, &our_board, &their_board);
    let mut board = merged.board;
    let lang = board.lang();
    let mut labels = Vec::new();
    if !merged.clashes.is_empty() {
        let mut records = Vec::new();
        for clash in &merged.clashes {
            let (label, record) = record(clash, &board, lang);
            labels.push(label);
            records.push(record);
        }
        // A `clashes: []` left by an earlier, resolved merge is replaced, never repeated.
        board.extra.0.retain(|(k, _)| k != CLASHES_KEY);
        board
            .extra
            .0
            .push((CLASHES_KEY.to_string(), Raw::Seq(records)));
    }
    let text = store::to_yaml(&board);
    if let Err(e) = store::write_atomic(ours, text.as_bytes()) {
        super::say::err(&format!(
            "{}: {}: {e}",
            ours.display(),
            lang.pick(
                "无法写入合并结果，文件未改动",
                "cannot write the merge; the file is unchanged"
            )
        ));
        return ExitCode::from(2);
    }
    // The sides may be fine alone and wrong together (a unit removed on one side, used by a new
    // task on the other): such a result must not pass as a clean merge.
    let others: Vec<String> = match store::parse(&text) {
        Ok(p) => p
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && !is_clash_path(&d.path))
            .map(|d| format!("{}: {}", d.path, d.message))
            .collect(),
        Err(d) => vec![d.message],
    };
    super::say::err(&summary(
        lang,
        &labels,
        &merged.renamed,
        others.first(),
        others.len(),
    ));
    if labels.is_empty() && others.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Loads a board that can take part in a merge, or says on stderr why not.
fn usable(path: &Path) -> Option<Board> {
    let name = path.display().to_string();
    let loaded = match store::load(path) {
        Ok(l) => l,
        Err(e) => {
            super::say::err(&e.message(Lang::default()));
            return None;
        }
    };
    let p = loaded.parsed;
    if !has_errors(&p.diagnostics) {
        return Some(p.board);
    }
    let lang = p.board.lang();
    for d in p
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
    {
        super::say::err(&d.render(&name, lang));
    }
    super::say::err(&format!(
        "{name}: {}",
        lang.pick(
            "有错误，无法合并（文件未改动）",
            "has errors; not merged (nothing changed)"
        )
    ));
    None
}

/// The one-line account of a merge: clashes, renamed tasks, errors of the result.
fn summary(
    lang: Lang,
    clashes: &[String],
    renamed: &[(String, String)],
    first_error: Option<&String>,
    errors: usize,
) -> String {
    let mut out = match (lang, clashes.len()) {
        (Lang::Zh, 0) => "合并完成：无冲突".to_string(),
        (Lang::Zh, n) => format!("合并完成：{n} 处冲突（{}）", clashes.join("、")),
        (Lang::En, 0) => "merged: no clashes".to_string(),
        (Lang::En, 1) => format!("merged: 1 clash ({})", clashes[0]),
        (Lang::En, n) => format!("merged: {n} clashes ({})", clashes.join(", ")),
    };
    for (mine, now) in renamed {
        out += &match lang {
            Lang::Zh => format!("；我方新任务 {mine} 与对方编号相同，改为 {now}"),
            Lang::En => format!("; our new task {mine} is now {now} (they used the id)"),
        };
    }
    if let Some(first) = first_error {
        out += &match (lang, errors) {
            (Lang::Zh, n) => format!("；合并结果有 {n} 个错误：{first}"),
            (Lang::En, 1) => format!("; the result has 1 error: {first}"),
            (Lang::En, n) => format!("; the result has {n} errors, the first: {first}"),
        };
    }
    out
}

/// The key a task field is written under in the file.
fn field_key(field: &TaskField) -> String {
    match field {
        TaskField::Title => "title",
        TaskField::Phase => "phase",
        TaskField::Lead => "lead",
        TaskField::Partners => "partners",
        TaskField::Deadline => "deadline",
        TaskField::Status => "status",
        TaskField::Category => "category",
        TaskField::ExtendedTo => "extended_to",
        TaskField::ExtensionReason => "extension_reason",
        TaskField::Extra(k) => return k.clone(),
        TaskField::Existence => "existence",
    }
    .to_string()
}

/// The name of a board part in a clash record.
fn part_key(part: BoardPart) -> &'static str {
    match part {
        BoardPart::Title => "title",
        BoardPart::Settings => "settings",
        BoardPart::Phases => "phases",
        BoardPart::Units => "units",
        BoardPart::Extra => "extra",
    }
}

/// A clash as a short label for the summary and as its record for the file.
fn record(clash: &Clash, merged: &Board, lang: Lang) -> (String, Raw) {
    let s = |k: &str, v: Raw| (Raw::Str(k.to_string()), v);
    match clash {
        Clash::Task { id, field, theirs } => {
            let ours = merged.tasks.iter().find(|t| t.id == id);
            let key = field_key(field);
            let fields = vec![
                s("task", Raw::Str(id.clone())),
                s("field", Raw::Str(key.clone())),
                s("ours", field_value(field, ours, lang)),
                s("theirs", field_value(field, theirs.as_deref(), lang)),
            ];
            (format!("{id} {key}"), Raw::Map(fields))
        }
        Clash::Board { part, theirs } => {
            let key = part_key(*part);
            let fields = vec![
                s("part", Raw::Str(key.to_string())),
                s("ours", Raw::Str(part_text(*part, merged))),
                s("theirs", Raw::Str(part_text(*part, theirs))),
            ];
            (key.to_string(), Raw::Map(fields))
        }
    }
}

/// A field's value as it would be written in the task (`~` when the task has none), so that
/// whoever resolves the clash can copy the value they want.
fn field_value(field: &TaskField, task: Option<&Task>, lang: Lang) -> Raw {
    let text = |s: &str| Raw::Str(s.to_string());
    let opt = |s: Option<&str>| s.map_or(Raw::Null, text);
    let date = |d: Option<chrono::NaiveDate>| d.map_or(Raw::Null, |d| Raw::Str(d.to_string()));
    if let TaskField::Existence = field {
        // Only the existence clash is about a task missing on one side.
        return Raw::Str(match task {
            Some(_) => lang.pick("已修改", "changed").to_string(),
            None => lang.pick("已删除", "removed").to_string(),
        });
    }
    let Some(t) = task else {
        return Raw::Null;
    };
    match field {
        TaskField::Title => text(&t.title),
        TaskField::Phase => text(&t.phase),
        TaskField::Lead => text(&t.lead),
        TaskField::Partners if t.partners.is_empty() => Raw::Null,
        TaskField::Partners => Raw::Str(t.partners.join(", ")),
        TaskField::Deadline => date(t.deadline),
        TaskField::Status => text(&t.status),
        TaskField::Category => opt(t.category.as_deref()),
        TaskField::ExtendedTo => date(t.extended_to),
        TaskField::ExtensionReason => opt(t.extension_reason.as_deref()),
        TaskField::Extra(k) => match t.extra.0.iter().find(|(key, _)| key == k) {
            None => Raw::Null,
            Some((_, Raw::Str(s))) => text(s),
            Some((_, v)) => Raw::Str(Raw::one_line(v)),
        },
        TaskField::Existence => Raw::Null,
    }
}

/// A part of a board on one line, enough to tell two versions apart.
fn part_text(part: BoardPart, b: &Board) -> String {
    match part {
        BoardPart::Title => b.title.clone(),
        BoardPart::Settings => {
            let statuses: Vec<String> = b
                .statuses
                .iter()
                .map(|s| format!("{} {}{}", s.id, s.name, if s.done { " (done)" } else { "" }))
                .collect();
            format!(
                "lang: {}; warn_days: {}; statuses: {}",
                b.lang().code(),
                b.warn_days(),
                statuses.join(", ")
            )
        }
        BoardPart::Phases => b
            .phases
            .iter()
            .map(|p| format!("{} {} {}..{}", p.id, p.name, p.start, p.end))
            .collect::<Vec<_>>()
            .join("; "),
        BoardPart::Units => b
            .units
            .iter()
            .map(|u| format!("{} {}", u.id, u.name))
            .collect::<Vec<_>>()
            .join("; "),
        BoardPart::Extra => b
            .extra
            .0
            .iter()
            .filter(|(k, _)| k != CLASHES_KEY)
            .map(|(k, v)| format!("{k}: {}", Raw::one_line(v)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}
