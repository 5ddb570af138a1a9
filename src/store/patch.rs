//! Saving as an edit of the file's text: only the tasks that changed are rewritten, so comments,
//! blank lines, key order, quoting and the layout of every other task stay byte for byte.
//!
//! The tasks section is cut into one block of lines per task. Each block the save touches is
//! checked twice: its old text must read back as the old task (so the cut was right), and its new
//! text as the new task (so the edit is right). Anything this cannot do with certainty (the
//! board's own fields changed, tasks reordered, an unusual layout) returns `None`, and the caller
//! writes the canonical form instead.

use super::emit;
use crate::model::{Board, Progress, Task};
use std::collections::{HashMap, HashSet};

/// Line ranges of the tasks section: each task's block, and where the section ends.
struct Layout {
    /// Indent of the `- ` that starts each task.
    indent: usize,
    /// (first line, end line exclusive) of each task's own lines.
    blocks: Vec<(usize, usize)>,
    /// The line after the last line of the last task's block.
    end: usize,
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_filler(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// Whether a line starts a top-level key (or a document marker): the end of the tasks section.
fn is_top_level(line: &str) -> bool {
    !line.is_empty() && !line.starts_with([' ', '#', '-', '\t', '\r']) || line.starts_with("---")
}

/// Finds the tasks and their blocks; None when the tasks are not a block list.
fn layout(lines: &[&str]) -> Option<Layout> {
    let start = lines.iter().position(|l| l.trim_end() == "tasks:")? + 1;
    let section_end = lines[start..]
        .iter()
        .position(|l| is_top_level(l))
        .map_or(lines.len(), |i| start + i);
    let first = (start..section_end).find(|&i| !is_filler(lines[i]))?;
    let indent = indent_of(lines[first]);
    let is_item = |l: &str| {
        indent_of(l) == indent && (l[indent..].starts_with("- ") || l[indent..].trim_end() == "-")
    };
    if !is_item(lines[first]) {
        return None;
    }
    let starts: Vec<usize> = (first..section_end)
        .filter(|&i| is_item(lines[i]))
        .collect();
    let mut blocks = Vec::with_capacity(starts.len());
    for (n, &s) in starts.iter().enumerate() {
        let next = starts.get(n + 1).copied().unwrap_or(section_end);
        // Comments and blank lines at or left of the dash before the next task belong between
        // tasks (often a heading for the next group): they are never part of a block.
        let mut e = next;
        while e > s + 1 && is_filler(lines[e - 1]) && indent_of(lines[e - 1]) <= indent {
            e -= 1;
        }
        while e > s + 1 && lines[e - 1].trim().is_empty() {
            e -= 1;
        }
        blocks.push((s, e));
    }
    let end = blocks.last().map_or(first, |b| b.1);
    Some(Layout {
        indent,
        blocks,
        end,
    })
}

/// Reads one task from its block of lines, as a board file holding only it would.
pub(super) fn read_task(block: &str) -> Option<Task> {
    let text = format!("title: x\ntasks:\n{block}");
    let file = super::reader::read_exact(&text)?;
    let (mut board, _) = super::build::build(file);
    (board.tasks.len() == 1).then(|| board.tasks.remove(0))
}

/// The canonical lines of a task, moved to the file's indent.
fn canonical(t: &Task, indent: usize) -> String {
    let mut out = String::new();
    emit::task(&mut out, t);
    // The canonical form puts the dash at two spaces.
    let pad = " ".repeat(indent);
    out.lines()
        .map(|l| format!("{pad}{}\n", l.strip_prefix("  ").unwrap_or(l)))
        .collect()
}

/// New progress entries, written like the block's existing ones when it has a block list.
fn append_progress(block: &str, old: &Task, new: &Task, indent: usize) -> Option<String> {
    if new.progress.len() <= old.progress.len()
        || new.progress[..old.progress.len()] != old.progress
    {
        return None;
    }
    let mut lines: Vec<String> = block.lines().map(str::to_string).collect();
    let key_indent = indent + 2;
    let mut entries = String::new();
    let pos = lines
        .iter()
        .position(|l| indent_of(l) == key_indent && l[key_indent..].trim_end() == "progress:");
    let at = match pos {
        Some(p) => {
            // After the last line of the list: the lines deeper than the key that follow it.
            let mut e = p + 1;
            while e < lines.len()
                && (indent_of(&lines[e]) > key_indent || lines[e].trim().is_empty())
            {
                e += 1;
            }
            while e > p + 1 && lines[e - 1].trim().is_empty() {
                e -= 1;
            }
            let item = lines.get(p + 1).map_or(key_indent + 2, |l| indent_of(l));
            for entry in &new.progress[old.progress.len()..] {
                let mut line = String::new();
                emit::progress(&mut line, entry);
                entries.push_str(&" ".repeat(item));
                entries.push_str(line.trim_start());
            }
            e
        }
        None if old.progress.is_empty() => {
            entries.push_str(&format!("{}progress:\n", " ".repeat(key_indent)));
            for entry in &new.progress {
                let mut line = String::new();
                emit::progress(&mut line, entry);
                entries.push_str(&" ".repeat(key_indent + 2));
                entries.push_str(line.trim_start());
            }
            lines.len()
        }
        None => return None,
    };
    let tail = lines.split_off(at);
    let mut out: String = lines.iter().map(|l| format!("{l}\n")).collect();
    out.push_str(&entries);
    out.extend(tail.iter().map(|l| format!("{l}\n")));
    Some(out)
}

/// The known one-line fields, in canonical order, with their value as written.
fn fields(t: &Task) -> [(&'static str, Option<String>); 9] {
    let text = |s: &str| {
        let mut out = String::new();
        emit::scalar(&mut out, s, false);
        out
    };
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let list = (!t.partners.is_empty()).then(|| {
        let items: Vec<String> = t
            .partners
            .iter()
            .map(|p| {
                let mut out = String::new();
                emit::scalar(&mut out, p, true);
                out
            })
            .collect();
        format!("[{}]", items.join(", "))
    });
    [
        ("title", Some(text(&t.title))),
        ("phase", Some(text(&t.phase))),
        ("lead", Some(text(&t.lead))),
        ("partners", list),
        ("deadline", date(t.deadline)),
        ("status", Some(text(&t.status))),
        ("category", t.category.as_deref().map(text)),
        ("extended_to", date(t.extended_to)),
        ("extension_reason", t.extension_reason.as_deref().map(text)),
    ]
}

/// The line of a task's own key (`key:` at the task's key indent, or after the dash), if any.
fn key_line(lines: &[String], indent: usize, key: &str) -> Option<usize> {
    let prefix = format!("{key}:");
    lines.iter().enumerate().position(|(n, l)| {
        let own = n == 0 || indent_of(l) == indent + 2;
        own && l.get(indent + 2..).is_some_and(|b| b.starts_with(&prefix))
    })
}

/// Whether line `n` holds its whole value: no comment, no block scalar, nothing nested below.
fn one_line_value(lines: &[String], n: usize, key: &str, indent: usize) -> Option<usize> {
    let l = &lines[n];
    let at = l.find(&format!("{key}:"))? + key.len() + 1;
    let rest = &l[at..];
    if rest.contains(" #") || rest.trim().starts_with(['|', '>', '&', '!', '*']) {
        return None;
    }
    let nested = lines
        .get(n + 1)
        .is_some_and(|nl| indent_of(nl) > indent + 2 && !nl.trim().is_empty());
    (!nested).then_some(at)
}

/// Rewrites, adds or removes the one-line fields that differ, keeping every other line.
fn set_fields(block: &str, old: &Task, new: &Task, indent: usize) -> Option<String> {
    let mut lines: Vec<String> = block.lines().map(str::to_string).collect();
    let pad = " ".repeat(indent + 2);
    for ((key, was), (_, now)) in fields(old).into_iter().zip(fields(new)) {
        if was == now {
            continue;
        }
        match (key_line(&lines, indent, key), now) {
            (Some(n), Some(v)) => {
                let at = one_line_value(&lines, n, key, indent)?;
                lines[n] = format!("{} {v}", &lines[n][..at]);
            }
            (Some(n), None) => {
                one_line_value(&lines, n, key, indent)?;
                if n == 0 {
                    return None;
                }
                lines.remove(n);
            }
            (None, Some(v)) => {
                // After the last known field present, as the canonical order would have it.
                let after = fields(new)
                    .iter()
                    .filter_map(|(k, _)| key_line(&lines, indent, k))
                    .max()?;
                lines.insert(after + 1, format!("{pad}{key}: {v}"));
            }
            (None, None) => {}
        }
    }
    Some(lines.iter().map(|l| format!("{l}\n")).collect())
}

/// The new text of one task's block, or None to rewrite it canonically.
fn edit_block(block: &str, old: &Task, new: &Task, indent: usize) -> Option<String> {
    // Only one-line fields and appended progress can be edited in place.
    if old.id != new.id || old.extra != new.extra {
        return None;
    }
    let mut out = block.to_string();
    if fields(old) != fields(new) {
        out = set_fields(&out, old, new, indent)?;
    }
    if new.progress != old.progress {
        out = append_progress(&out, old, new, indent)?;
    }
    Some(out)
}

/// `old_text` (which reads as `old`) edited to read as `new`; None when that cannot be done
/// with certainty.
pub fn patch(old_text: &str, old: &Board, new: &Board) -> Option<String> {
    if !same_outside_tasks(old, new) || !new.log.starts_with(&old.log) {
        return None;
    }
    let lines: Vec<&str> = old_text.split_inclusive('\n').collect();
    let bare: Vec<&str> = lines
        .iter()
        .map(|l| l.trim_end_matches(['\n', '\r']))
        .collect();
    let lay = layout(&bare)?;
    if lay.blocks.len() != old.tasks.len() {
        return None;
    }
    let new_by_id: HashMap<&str, &Task> = new.tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let old_ids: HashSet<&str> = old.tasks.iter().map(|t| t.id.as_str()).collect();
    // Kept tasks must stay in their order, first; new ones come after them.
    let kept = new
        .tasks
        .iter()
        .take_while(|t| old_ids.contains(t.id.as_str()))
        .count();
    let in_order = old
        .tasks
        .iter()
        .filter(|o| new_by_id.contains_key(o.id.as_str()))
        .map(|o| o.id.as_str())
        .eq(new.tasks[..kept].iter().map(|t| t.id.as_str()));
    if !in_order
        || new.tasks[kept..]
            .iter()
            .any(|t| old_ids.contains(t.id.as_str()))
    {
        return None;
    }
    let mut out = String::with_capacity(old_text.len() + 256);
    let mut line = 0;
    for (o, &(s, e)) in old.tasks.iter().zip(&lay.blocks) {
        out.extend(lines[line..s].iter().copied());
        line = e;
        let Some(&n) = new_by_id.get(o.id.as_str()) else {
            continue;
        };
        let block: String = lines[s..e].concat();
        if n == o {
            out.push_str(&block);
            continue;
        }
        if read_task(&block).as_ref() != Some(o) {
            return None;
        }
        let edited = edit_block(&block, o, n, lay.indent)
            .filter(|t| read_task(t).as_ref() == Some(n))
            .unwrap_or_else(|| canonical(n, lay.indent));
        if read_task(&edited).as_ref() != Some(n) {
            return None;
        }
        out.push_str(&edited);
    }
    out.extend(lines[line..lay.end].iter().copied());
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    for n in &new.tasks[kept..] {
        let text = canonical(n, lay.indent);
        if read_task(&text).as_ref() != Some(n) {
            return None;
        }
        out.push_str(&text);
    }
    out.extend(lines[lay.end..].iter().copied());
    let out = append_log(out, &old.log, &new.log[old.log.len()..])?;
    // A file saved on Windows keeps its line ends in the lines written anew.
    Some(if windows_line_ends(old_text) {
        out.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        out
    })
}

/// Whether every line of the text ends with CR LF.
fn windows_line_ends(text: &str) -> bool {
    let b = text.as_bytes();
    let breaks = memchr::memchr_iter(b'\n', b);
    let mut any = false;
    for i in breaks {
        if i == 0 || b[i - 1] != b'\r' {
            return false;
        }
        any = true;
    }
    any
}

/// Whether the boards agree on everything but their tasks and log.
fn same_outside_tasks(a: &Board, b: &Board) -> bool {
    // Spelled out so that a new field of the board cannot be forgotten here.
    let Board {
        title,
        lang,
        warn_days,
        statuses,
        statuses_given,
        phases,
        units,
        tasks: _,
        log: _,
        extra,
    } = a;
    *title == b.title
        && *lang == b.lang
        && *warn_days == b.warn_days
        && *statuses == b.statuses
        && *statuses_given == b.statuses_given
        && *phases == b.phases
        && *units == b.units
        && *extra == b.extra
}

/// Adds entries at the end of the board's log (creating it at the end of the file).
fn append_log(text: String, old: &[Progress], added: &[Progress]) -> Option<String> {
    if added.is_empty() {
        return Some(text);
    }
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let start = lines.iter().position(|l| l.trim_end() == "log:");
    let (at, indent) = match start {
        Some(s) => {
            let end = lines[s + 1..]
                .iter()
                .position(|l| is_top_level(l))
                .map_or(lines.len(), |i| s + 1 + i);
            let mut e = end;
            while e > s + 1 && is_filler(&lines[e - 1]) {
                e -= 1;
            }
            let indent = lines.get(s + 1).map_or(2, |l| indent_of(l));
            (e, indent)
        }
        None if old.is_empty() => {
            lines.push("log:".into());
            (lines.len(), 2)
        }
        None => return None,
    };
    let entries: Vec<String> = added
        .iter()
        .map(|p| {
            let mut line = String::new();
            emit::progress(&mut line, p);
            format!("{}{}", " ".repeat(indent), line.trim())
        })
        .collect();
    lines.splice(at..at, entries);
    let out: String = lines.iter().map(|l| format!("{l}\n")).collect();
    // The log is read back whole: it must be exactly the new one.
    let file = super::reader::read_exact(&out)?;
    let (board, _) = super::build::build(file);
    (board.log.len() == old.len() + added.len()
        && board.log[..old.len()] == *old
        && board.log[old.len()..] == *added)
        .then_some(out)
}
