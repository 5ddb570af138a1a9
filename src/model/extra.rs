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
