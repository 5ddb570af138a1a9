//! Writing values the program does not know (unknown keys), as they were read.

use super::scalar;
use crate::model::{Extra, Raw};
use std::fmt::Write;

fn float(f: f64) -> String {
    if f.is_nan() {
        ".nan".into()
    } else if f.is_infinite() {
        if f > 0.0 { ".inf" } else { "-.inf" }.into()
    } else {
        format!("{f:?}")
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
                flow(out, k);
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
fn block_entry(out: &mut String, indent: usize, key: &Raw, v: &Raw) {
    pad(out, indent);
    match key {
        Raw::Str(k) => scalar(out, k, false),
        k => flow(out, k),
    }
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
