//! The canonical YAML writer: stable, diff-friendly, Chinese written as-is.
//!
//! Hand-written rather than serde-driven so that small records (phases, units, progress entries)
//! stay on one line each and key order is fixed, which keeps diffs of shared boards small.

mod raw;

use crate::model::{Board, Extra, Progress, Raw, Short, Task};
use chrono::NaiveDate;
pub(super) use raw::float;
use raw::{extra_block, flow};
use std::fmt::Write;

/// Words a YAML reader would take for something other than text.
const RESERVED: &[&str] = &[
    "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", "<<", "=",
];

/// Whether `s` can be written without quotes and read back as the same text.
pub(crate) fn plain_ok(s: &str, flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.trim() != s || s.starts_with("...") {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    // Inside `{...}` a reader stops at these; PyYAML also at a `?` anywhere in a plain scalar
    // (`href: https://e.cn/a?id=3`).
    if flow && (s.contains([',', '[', ']', '{', '}', '?']) || ends_in_dash(s)) {
        return false;
    }
    if !s.chars().all(printable) {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if RESERVED.contains(&lower.as_str()) {
        return false;
    }
    !looks_numeric(s) || is_date(s)
}

/// Whether `s` ends in a dash after a blank (`一 -`): inside brackets yaml-rust2 takes that dash,
/// followed by `,` or `}`, for the start of another value and refuses the file.
pub(crate) fn ends_in_dash(s: &str) -> bool {
    s.strip_suffix('-')
        .is_some_and(|rest| rest.ends_with([' ', '\t']))
}

/// Whether every YAML reader takes `c` as it is: YAML's printable characters, less the
/// byte-order mark and the line breaks of YAML 1.1 (NEL is a C1 control, so not printable).
/// Anything else is written as an escape inside double quotes.
///
/// Bidirectional controls are escaped too, though readers accept them: shown raw by `cat` or
/// an editor, they reorder the text around them.
fn printable(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && !matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}')
        && !crate::model::text::is_unshowable(c)
}

/// Whether a YAML reader might take `s` for a number (decimal, hex, octal, sexagesimal, .inf).
fn looks_numeric(s: &str) -> bool {
    let body = s.trim_start_matches(['+', '-']);
    let Some(c) = body.chars().next() else {
        return false;
    };
    if !(c.is_ascii_digit() || c == '.') {
        return false;
    }
    body.chars().all(|c| {
        c.is_ascii_hexdigit()
            || matches!(
                c,
                '_' | '.' | ':' | 'x' | 'X' | 'o' | 'O' | '+' | '-' | 'n' | 'N' | 'i' | 'I'
            )
    })
}

fn is_date(s: &str) -> bool {
    s.len() == 10 && super::build::parse_date(s).is_some()
}

/// Writes `s` as a scalar: plain when safe, otherwise double-quoted with escapes.
pub(crate) fn scalar(out: &mut String, s: &str, flow: bool) {
    if plain_ok(s, flow) {
        out.push_str(s);
        return;
    }
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if !printable(c) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A one-line record: `{id: p1, name: ..., start: ...}` plus unknown keys.
fn record(out: &mut String, fields: &[(&str, Field<'_>)], extra: &Extra) {
    out.push('{');
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !std::mem::take(&mut first) {
            out.push_str(", ");
        }
    };
    for (k, v) in fields {
        if let Field::Skip = v {
            continue;
        }
        sep(out);
        out.push_str(k);
        out.push_str(": ");
        v.write(out, true);
    }
    for (k, v) in &extra.0 {
        sep(out);
        raw::key(out, &Raw::Str(k.clone()), v, None);
        out.push_str(": ");
        flow(out, v);
    }
    out.push('}');
}

/// A known field's value.
enum Field<'a> {
    Text(&'a str),
    Date(NaiveDate),
    Bool(bool),
    List(&'a [Short]),
    Skip,
}

impl Field<'_> {
    fn write(&self, out: &mut String, in_flow: bool) {
        match self {
            Field::Text(s) => scalar(out, s, in_flow),
            Field::Date(d) => {
                let _ = write!(out, "{}", d.format("%Y-%m-%d"));
            }
            Field::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Field::List(items) => {
                out.push('[');
                for (i, s) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    scalar(out, s, true);
                }
                out.push(']');
            }
            Field::Skip => {}
        }
    }
}

fn opt_text<S: std::ops::Deref<Target = str>>(s: &Option<S>) -> Field<'_> {
    s.as_deref().map_or(Field::Skip, Field::Text)
}

/// An entry of a progress list or of the board's log, as a one-line record.
fn entry(out: &mut String, p: &Progress) {
    record(
        out,
        &[
            ("at", Field::Text(&p.at.text)),
            ("by", Field::Text(&p.by)),
            ("note", Field::Text(&p.note)),
        ],
        &p.extra,
    );
}

/// One progress entry's line, at the canonical indent.
pub(super) fn progress(out: &mut String, p: &Progress) {
    out.push_str("      - ");
    entry(out, p);
    out.push('\n');
}

/// One task's lines, its dash at the canonical indent.
pub(super) fn task(out: &mut String, t: &Task) {
    let fields = [
        ("id", Field::Text(&t.id)),
        ("title", Field::Text(&t.title)),
        ("phase", Field::Text(&t.phase)),
        ("lead", Field::Text(&t.lead)),
        (
            "partners",
            if t.partners.is_empty() {
                Field::Skip
            } else {
                Field::List(&t.partners)
            },
        ),
        ("deadline", t.deadline.map_or(Field::Skip, Field::Date)),
        ("status", Field::Text(&t.status)),
        ("category", opt_text(&t.category)),
        (
            "extended_to",
            t.extended_to.map_or(Field::Skip, Field::Date),
        ),
        ("extension_reason", opt_text(&t.extension_reason)),
    ];
    let mut first = true;
    for (k, v) in &fields {
        if let Field::Skip = v {
            continue;
        }
        out.push_str(if std::mem::take(&mut first) {
            "  - "
        } else {
            "    "
        });
        out.push_str(k);
        out.push_str(": ");
        v.write(out, false);
        out.push('\n');
    }
    if !t.progress.is_empty() {
        out.push_str("    progress:\n");
        for p in &t.progress {
            progress(out, p);
        }
    }
    extra_block(out, 4, &t.extra);
}

/// The board in canonical form.
pub fn to_yaml(b: &Board) -> String {
    let _doc = raw::Document::begin();
    let mut out = String::with_capacity(256 + b.tasks.len() * 320);
    head(&mut out, b);
    tasks_key(&mut out, b.tasks.is_empty());
    for t in &b.tasks {
        task(&mut out, t);
    }
    tail(&mut out, b);
    out
}

/// Writes the board in canonical form with `tasks` in place of its own, one task at a time, so
/// that memory does not grow with the number of tasks (`ducha gen`). The bytes are those
/// [`to_yaml`] gives for the same board.
pub fn write_yaml<W: std::io::Write>(
    w: &mut W,
    b: &Board,
    tasks: impl Iterator<Item = Task>,
) -> std::io::Result<()> {
    let _doc = raw::Document::begin();
    let mut out = String::with_capacity(4096);
    head(&mut out, b);
    let mut tasks = tasks.peekable();
    tasks_key(&mut out, tasks.peek().is_none());
    for t in tasks {
        task(&mut out, &t);
        if out.len() >= 64 * 1024 {
            w.write_all(out.as_bytes())?;
            out.clear();
        }
    }
    tail(&mut out, b);
    w.write_all(out.as_bytes())
}

fn tasks_key(out: &mut String, empty: bool) {
    out.push_str(if empty { "tasks: []\n" } else { "tasks:\n" });
}

/// Everything before the tasks.
fn head(out: &mut String, b: &Board) {
    out.push_str("title: ");
    scalar(out, &b.title, false);
    out.push('\n');
    if let Some(lang) = b.lang {
        let _ = writeln!(out, "lang: {}", lang.code());
    }
    if let Some(w) = b.warn_days {
        let _ = writeln!(out, "warn_days: {w}");
    }
    // An empty list is written `[]`: a bare `key:` reads back as absent, and absent statuses
    // mean the defaults.
    if b.statuses_given && b.statuses.is_empty() {
        out.push_str("statuses: []\n");
    } else if b.statuses_given {
        out.push_str("statuses:\n");
        for s in &b.statuses {
            out.push_str("  - ");
            let done = if s.done {
                Field::Bool(true)
            } else {
                Field::Skip
            };
            record(
                out,
                &[
                    ("id", Field::Text(&s.id)),
                    ("name", Field::Text(&s.name)),
                    ("done", done),
                ],
                &s.extra,
            );
            out.push('\n');
        }
    }
    out.push_str(if b.phases.is_empty() {
        "phases: []\n"
    } else {
        "phases:\n"
    });
    for p in &b.phases {
        out.push_str("  - ");
        let fields = [
            ("id", Field::Text(&p.id)),
            ("name", Field::Text(&p.name)),
            ("start", Field::Date(p.start)),
            ("end", Field::Date(p.end)),
        ];
        record(out, &fields, &p.extra);
        out.push('\n');
    }
    if !b.units.is_empty() {
        out.push_str("units:\n");
        for u in &b.units {
            out.push_str("  - ");
            record(
                out,
                &[("id", Field::Text(&u.id)), ("name", Field::Text(&u.name))],
                &u.extra,
            );
            out.push('\n');
        }
    }
    extra_block(out, 0, &b.extra);
}

/// Everything after the tasks: the board's log, last so that the trail grows at the end of the
/// file, and no key at all while it is empty.
fn tail(out: &mut String, b: &Board) {
    if !b.log.is_empty() {
        out.push_str("log:\n");
        for p in &b.log {
            out.push_str("  - ");
            entry(out, p);
            out.push('\n');
        }
    }
}
