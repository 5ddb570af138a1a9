//! The recovery file's journal: after the board as it was when the file was started, one record
//! per change, appended and flushed to disk as the change happens.
//!
//! A record is a line `#> KIND [INDEX]` followed by the canonical lines of what it carries. The
//! marker is a YAML comment, so the board before the first record reads as it is; a record cut
//! short by a crash ends the replay there, keeping everything before it.

use super::emit;
use crate::model::{Board, Change, Progress};
use std::io::Write;
use std::path::Path;

const MARK: &str = "#> ";

/// Appends `changes` to an existing recovery file and flushes them to disk.
pub(super) fn append(file: &Path, changes: &[Change]) -> std::io::Result<()> {
    let mut text = String::new();
    for c in changes {
        record(&mut text, c);
    }
    let mut f = std::fs::OpenOptions::new().append(true).open(file)?;
    f.write_all(text.as_bytes())?;
    f.sync_data()
}

fn record(out: &mut String, c: &Change) {
    match c {
        Change::Set(i, t) => {
            out.push_str(&format!("{MARK}set {i}\n"));
            emit::task(out, t);
        }
        Change::Insert(i, t) => {
            out.push_str(&format!("{MARK}insert {i}\n"));
            emit::task(out, t);
        }
        Change::Remove(i) => out.push_str(&format!("{MARK}remove {i}\n")),
        Change::Log(p) => {
            out.push_str(&format!("{MARK}log\n"));
            emit::progress(out, p);
        }
        Change::Unlog => out.push_str(&format!("{MARK}unlog\n")),
    }
}

/// The board part of a recovery file's text, and its records.
pub(super) fn split(text: &str) -> (&str, &str) {
    if text.starts_with(MARK) {
        return ("", text);
    }
    match text.find(&format!("\n{MARK}")) {
        Some(i) => (&text[..=i], &text[i + 1..]),
        None => (text, ""),
    }
}

fn read_entry(block: &str) -> Option<Progress> {
    let text = format!("title: x\ntasks: []\nlog:\n{block}");
    let file = super::reader::read_exact(&text)?;
    let (mut board, _) = super::build::build(file);
    (board.log.len() == 1).then(|| board.log.remove(0))
}

/// One record's change; None when it is damaged.
fn change(head: &str, body: &str) -> Option<Change> {
    let mut words = head.split_whitespace();
    let kind = words.next()?;
    let index = || words.clone().next().and_then(|w| w.parse::<usize>().ok());
    Some(match kind {
        "set" => Change::Set(index()?, super::patch::read_task(body)?),
        "insert" => Change::Insert(index()?, super::patch::read_task(body)?),
        "remove" => Change::Remove(index()?),
        "log" => Change::Log(read_entry(body)?),
        "unlog" => Change::Unlog,
        _ => return None,
    })
}

/// Applies the records to `board`, stopping at the first that is damaged or does not fit.
pub(super) fn replay(board: &mut Board, records: &str) {
    let mut rest = records;
    while let Some(r) = rest.strip_prefix(MARK) {
        let (head, after) = r.split_once('\n').unwrap_or((r, ""));
        let end = after
            .find(&format!("\n{MARK}"))
            .map_or(after.len(), |i| i + 1);
        let end = if after.starts_with(MARK) { 0 } else { end };
        let body = &after[..end];
        match change(head, body) {
            Some(c) if c.apply(board) => {}
            _ => return,
        }
        rest = &after[end..];
    }
}
