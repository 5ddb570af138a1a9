//! Values of keys the program does not know, kept so saving loses nothing.

/// A YAML-like value, owned by the model so it never names the YAML crate.
#[derive(Debug, Clone, PartialEq)]
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
}

impl Raw {
    /// The value on one line as a person reads it: `[a, b]`, `{k: v}`, text without quotes.
    pub fn one_line(&self) -> String {
        match self {
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
        }
    }
}

/// Unknown keys of one mapping, in file order.
#[derive(Debug, Clone, PartialEq, Default)]
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
