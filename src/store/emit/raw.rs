//! Writing values the program does not know (unknown keys), as they were read.

use super::scalar;
use crate::model::{Extra, Raw};
use std::cell::RefCell;
use std::fmt::Write;

thread_local! {
    /// Anchors written so far in the document being written on this thread. An alias is written
    /// as `*name` only when its anchor, with the same value, is already above it: the canonical
    /// order of keys may differ from the file's, and an alias before its anchor is an error.
    static ANCHORS: RefCell<Option<Vec<(String, Raw)>>> = const { RefCell::new(None) };
}

/// While alive, anchors written are remembered so that later aliases can refer to them; outside
/// a document (one task rewritten in place) every alias is written out as its value.
pub(crate) struct Document;

impl Document {
    /// Starts a document with no anchors written yet.
    pub(crate) fn begin() -> Document {
        ANCHORS.with(|a| *a.borrow_mut() = Some(Vec::new()));
        Document
    }
}

impl Drop for Document {
    fn drop(&mut self) {
        ANCHORS.with(|a| *a.borrow_mut() = None);
    }
}

fn note_anchor(name: &str, v: &Raw) {
    ANCHORS.with(|a| {
        if let Some(list) = a.borrow_mut().as_mut() {
            list.push((name.to_string(), v.clone()));
        }
    });
}

/// Whether `*name` written here reads back as `v`: the latest anchor of that name holds it.
fn anchor_above(name: &str, v: &Raw) -> bool {
    ANCHORS.with(|a| {
        a.borrow()
            .as_ref()
            .and_then(|list| list.iter().rev().find(|(n, _)| n == name))
            .is_some_and(|(_, held)| held == v)
    })
}

/// Whether a plain scalar kept as written can stand here: inside brackets a reader stops at
/// the flow indicators, which a block value may hold.
fn plain_fits(s: &str, flow: bool) -> bool {
    !(flow && (s.contains([',', '[', ']', '{', '}']) || super::ends_in_dash(s)))
}

/// Writes the properties of a value (`&name`, `!tag`, each followed by a space) and returns the
/// value under them; an alias that can be written as `*name` is returned as it is.
fn properties<'v>(out: &mut String, mut v: &'v Raw) -> &'v Raw {
    loop {
        match v {
            Raw::Anchored(name, inner) => {
                note_anchor(name, inner);
                out.push('&');
                out.push_str(name);
                out.push(' ');
                v = inner;
            }
            Raw::Tagged(tag, inner) => {
                out.push_str(tag);
                out.push(' ');
                v = inner;
            }
            Raw::Alias(name, target) if !anchor_above(name, target) => v = target,
            v => return v,
        }
    }
}

/// A float as every reader reads it back: YAML 1.1 readers (PyYAML) need a `.` in the mantissa
/// and a sign in the exponent (`1.0e+20`, not Rust's `1e20`, which they take for text).
pub(crate) fn float(f: f64) -> String {
    if f.is_nan() {
        return ".nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { ".inf" } else { "-.inf" }.into();
    }
    let s = format!("{f:?}");
    let Some((mantissa, exp)) = s.split_once('e') else {
        return s;
    };
    let dot = if mantissa.contains('.') { "" } else { ".0" };
    let sign = if exp.starts_with('-') { "" } else { "+" };
    format!("{mantissa}{dot}e{sign}{exp}")
}

/// Longer keys than this are written as explicit keys (`? key`): readers refuse a plain one of
/// 1024 characters or more.
const SIMPLE_KEY_MAX: usize = 1000;

/// Whether a `<<` key with this value is a merge key, as readers that apply merges expect.
fn merges(v: &Raw) -> bool {
    match v.value() {
        Raw::Map(_) => true,
        Raw::Seq(items) => {
            !items.is_empty() && items.iter().all(|i| matches!(i.value(), Raw::Map(_)))
        }
        _ => false,
    }
}

/// Writes a mapping key, before its `:`. A `<<` whose value can be merged stays a merge key
/// (`<<: {…}`); a very long key gets a line of its own, and `indent` is where its `:` then
/// goes (`None` inside brackets, where it follows on the same line).
pub(super) fn key(out: &mut String, k: &Raw, v: &Raw, indent: Option<usize>) {
    if matches!(k, Raw::Str(s) if s == "<<") && merges(v) {
        out.push_str("<<");
        return;
    }
    let mut text = String::new();
    match k {
        Raw::Str(s) => scalar(&mut text, s, indent.is_none()),
        k => flow(&mut text, k),
    }
    if text.chars().count() <= SIMPLE_KEY_MAX {
        out.push_str(&text);
        return;
    }
    out.push_str("? ");
    out.push_str(&text);
    match indent {
        Some(n) => {
            out.push('\n');
            pad(out, n);
        }
        None => out.push(' '),
    }
}

/// Writes a value on one line (flow style).
pub(super) fn flow(out: &mut String, v: &Raw) {
    match v {
        Raw::Null => out.push('~'),
        Raw::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Raw::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Raw::UInt(u) => {
            let _ = write!(out, "{u}");
        }
        Raw::Float(f) => out.push_str(&float(*f)),
        Raw::Str(s) => scalar(out, s, true),
        Raw::Plain(s) if plain_fits(s, true) => out.push_str(s),
        Raw::Plain(s) => scalar(out, s, true),
        Raw::Alias(name, target) if anchor_above(name, target) => {
            out.push('*');
            out.push_str(name);
        }
        Raw::Tagged(..) | Raw::Anchored(..) | Raw::Alias(..) => {
            let v = properties(out, v);
            flow(out, v);
        }
        Raw::Seq(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                flow(out, item);
            }
            out.push(']');
        }
        Raw::Map(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                key(out, k, v, None);
                out.push_str(": ");
                flow(out, v);
            }
            out.push('}');
        }
    }
}

fn pad(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn is_nested(v: &Raw) -> bool {
    matches!(v, Raw::Seq(s) if !s.is_empty()) || matches!(v, Raw::Map(m) if !m.is_empty())
}

/// Writes `key: value` at `indent`, nesting block collections below it.
fn block_entry(out: &mut String, indent: usize, k: &Raw, v: &Raw) {
    pad(out, indent);
    key(out, k, v, Some(indent));
    out.push(':');
    match v {
        Raw::Seq(items) if !items.is_empty() => {
            out.push('\n');
            for item in items {
                pad(out, indent + 2);
                out.push_str("- ");
                block_item(out, indent + 4, item);
            }
        }
        Raw::Map(entries) if !entries.is_empty() => {
            out.push('\n');
            for (k, v) in entries {
                block_entry(out, indent + 2, k, v);
            }
        }
        v => {
            out.push(' ');
            block_scalar(out, v);
            out.push('\n');
        }
    }
}

fn block_scalar(out: &mut String, v: &Raw) {
    match v {
        Raw::Str(s) => scalar(out, s, false),
        Raw::Plain(s) => out.push_str(s),
        v => flow(out, v),
    }
}

/// Writes a list item after its `- `, whose continuation lines sit at `indent`.
fn block_item(out: &mut String, indent: usize, v: &Raw) {
    match v {
        Raw::Map(entries) if !entries.is_empty() => {
            for (i, (k, v)) in entries.iter().enumerate() {
                let mut line = String::new();
                block_entry(&mut line, indent, k, v);
                // The first entry goes on the item's own line, after the dash.
                out.push_str(if i == 0 { &line[indent..] } else { &line });
            }
        }
        v if is_nested(v) => {
            flow(out, v);
            out.push('\n');
        }
        v => {
            block_scalar(out, v);
            out.push('\n');
        }
    }
}

pub(super) fn extra_block(out: &mut String, indent: usize, extra: &Extra) {
    for (k, v) in &extra.0 {
        block_entry(out, indent, &Raw::Str(k.clone()), v);
    }
}
