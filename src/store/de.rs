//! File-shaped types read by serde: every known key optional, every unknown key kept.

use crate::model::{Extra, Raw};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Text written as any scalar: `id: 001` stays "001", `title: 2017` is "2017".
pub(super) struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        d.deserialize_str(V)
    }
}

/// A list of unit ids: a YAML list, or one string separated by commas or 、.
pub(super) struct TextList(pub Vec<String>);

impl<'de> Deserialize<'de> for TextList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TextList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of ids")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TextList, E> {
                Ok(TextList(
                    v.split([',', '，', '、', ';', '；'])
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect(),
                ))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TextList, A::Error> {
                let mut out = Vec::new();
                while let Some(Text(s)) = seq.next_element()? {
                    out.push(s);
                }
                Ok(TextList(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Raw, E> {
                Ok(Raw::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw, E> {
                Ok(Raw::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
                Ok(i64::try_from(v).map_or(Raw::UInt(v), Raw::Int))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw, E> {
                Ok(Raw::Float(v))
            }
            // Whole numbers beyond 64 bits: kept as their digits, which a number cannot hold.
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Raw, E> {
                Ok(Raw::Str(big_int(v.to_string())))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Raw, E> {
                Ok(Raw::Str(big_int(v.to_string())))
            }
            // A value with a tag of its own (`!mytag {a: 1}`): the value is kept, the tag is not
            // (the pre-scan notes every tag, with its position, for a warning).
            fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Raw, A::Error> {
                let (_tag, content): (String, _) = data.variant()?;
                de::VariantAccess::newtype_variant::<Raw>(content)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
                Ok(Raw::Str(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Raw, E> {
                Ok(Raw::Str(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element()? {
                    out.push(v);
                }
                Ok(Raw::Seq(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry()? {
                    out.push((k, v));
                }
                Ok(Raw::Map(out))
            }
        }
        d.deserialize_any(V)
    }
}

thread_local! {
    /// Whole numbers beyond 64 bits the reader on this thread met, which are held as text.
    static BIG_INTS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Notes a whole number too big to hold as a number, and returns its digits.
fn big_int(digits: String) -> String {
    BIG_INTS.with(|l| {
        let mut l = l.borrow_mut();
        // A value read again (the lenient reader re-reads) or repeated by aliases is noted once.
        if l.len() < 100 && !l.contains(&digits) {
            l.push(digits.clone());
        }
    });
    digits
}

/// Takes the big whole numbers the last reading on this thread met.
pub(super) fn take_big_ints() -> Vec<String> {
    BIG_INTS.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

/// Declares a file-shaped mapping: known keys as optional fields, the rest kept in `extra`.
macro_rules! file_struct {
    ($name:ident { $($field:ident : $ty:ty),* $(,)? }) => {
        #[derive(Default)]
        pub(super) struct $name {
            $(pub $field: Option<$ty>,)*
            pub extra: Extra,
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str("a mapping")
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        let mut out = $name::default();
                        while let Some(Text(key)) = map.next_key()? {
                            match key.as_str() {
                                $(stringify!($field) => {
                                    if out.$field.is_some() {
                                        return Err(de::Error::custom(format_args!(
                                            "duplicate key `{}`", stringify!($field)
                                        )));
                                    }
                                    out.$field = map.next_value::<Option<$ty>>()?;
                                })*
                                _ => {
                                    let value = map.next_value::<Raw>()?;
                                    out.extra.0.push((key, value));
                                }
                            }
                        }
                        Ok(out)
                    }
                }
                d.deserialize_map(V)
            }
        }
    };
}

file_struct!(FileBoard {
    title: Text,
    lang: Text,
    warn_days: u32,
    statuses: Vec<FileStatus>,
    phases: Vec<FilePhase>,
    units: Vec<FileUnit>,
    tasks: Vec<FileTask>,
    log: Vec<FileProgress>,
});

file_struct!(FileStatus {
    id: Text,
    name: Text,
    done: bool,
});

file_struct!(FilePhase {
    id: Text,
    name: Text,
    start: Text,
    end: Text,
});

file_struct!(FileUnit {
    id: Text,
    name: Text
});

file_struct!(FileTask {
    id: Text,
    title: Text,
    phase: Text,
    lead: Text,
    partners: TextList,
    deadline: Text,
    status: Text,
    category: Text,
    extended_to: Text,
    extension_reason: Text,
    progress: Vec<FileProgress>,
});

file_struct!(FileProgress {
    at: Text,
    by: Text,
    note: Text,
});
