//! Values of keys the program does not know, kept so saving loses nothing.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A YAML-like value, owned by the model so it never names the YAML crate.
///
/// What the file wrote is kept as it was written where the meaning alone would lose it: a plain
/// scalar such as `0x1F`, `1.10` or a 20-digit number, a tag, an anchor and an alias.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Raw {
    /// `~` or an empty value.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A whole number too large for `Int`.
    UInt(u64),
    /// A floating-point number.
    Float(f64),
    /// Text.
    Str(String),
    /// A list.
    Seq(Vec<Raw>),
    /// A mapping, in file order.
    Map(Vec<(Raw, Raw)>),
    /// A plain (unquoted) scalar kept exactly as written, because writing its meaning would
    /// spell it differently (`0x1F`, `1.10`, `+12`, `yes`, a number beyond 64 bits).
    Plain(String),
    /// A value with a tag of the file's own, the tag as written (`!mytag`, `!!binary`).
    Tagged(String, Box<Raw>),
    /// A value with an anchor (`&name`) that aliases may repeat.
    Anchored(String, Box<Raw>),
    /// An alias (`*name`), with the value it stands for.
    Alias(String, Arc<Raw>),
}

impl Raw {
    /// The value on one line as a person reads it: `[a, b]`, `{k: v}`, text without quotes.
    pub fn one_line(&self) -> String {
        match self.value() {
            Raw::Null => "~".into(),
            Raw::Bool(b) => b.to_string(),
            Raw::Int(i) => i.to_string(),
            Raw::UInt(u) => u.to_string(),
            Raw::Float(f) => f.to_string(),
            Raw::Str(s) => s.clone(),
            Raw::Seq(items) => format!(
                "[{}]",
                items
                    .iter()
                    .map(Raw::one_line)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Raw::Map(entries) => format!(
                "{{{}}}",
                entries
                    .iter()
                    .map(|(k, v)| format!("{}: {}", k.one_line(), v.one_line()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Raw::Plain(s) => s.clone(),
            // `value()` has looked through these already.
            Raw::Tagged(..) | Raw::Anchored(..) | Raw::Alias(..) => String::new(),
        }
    }

    /// The value itself, looking through tags, anchors and aliases.
    pub fn value(&self) -> &Raw {
        match self {
            Raw::Tagged(_, v) | Raw::Anchored(_, v) => v.value(),
            Raw::Alias(_, v) => v.value(),
            v => v,
        }
    }

    /// The value as text when it is a scalar that reads as text or as a number.
    pub fn as_text(&self) -> Option<std::borrow::Cow<'_, str>> {
        use std::borrow::Cow;
        match self.value() {
            Raw::Str(s) | Raw::Plain(s) => Some(Cow::Borrowed(s)),
            Raw::Int(i) => Some(Cow::Owned(i.to_string())),
            Raw::UInt(u) => Some(Cow::Owned(u.to_string())),
            _ => None,
        }
    }
}

/// Unknown keys of one mapping, in file order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Extra(pub Vec<(String, Raw)>);

impl Extra {
    /// No unknown keys.
    pub fn new() -> Extra {
        Extra(Vec::new())
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
