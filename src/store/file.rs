//! File-shaped types: every known key optional, every unknown key kept as written.

use super::event::Event;
use super::mark::Mark;
use super::reader::{Fatal, Read, Reader};
use crate::model::{Extra, Short};

/// Text written as any scalar: `id: 001` stays "001", `title: 2017` is "2017".
pub(super) struct Text(pub Short);

/// A list of unit ids: a YAML list, or one string separated by commas or 、.
pub(super) struct TextList(pub Vec<Short>);

impl TextList {
    /// The ids in one string, split at commas, 、 and semicolons.
    pub fn split(v: &str) -> TextList {
        TextList(
            v.split([',', '，', '、', ';', '；'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(Short::from)
                .collect(),
        )
    }
}

/// The task list, in the pieces it was read in: one, or two when a large board is read on two
/// cores. Kept apart rather than joined, which would hold both pieces and the joined list at once.
pub(super) struct TaskPieces(pub Vec<Vec<FileTask>>);

impl TaskPieces {
    /// How many tasks all pieces hold.
    pub fn len(&self) -> usize {
        self.0.iter().map(Vec::len).sum()
    }
}

impl Read for TaskPieces {
    const EXPECTED: &'static str = <Vec<FileTask>>::EXPECTED;
    fn read<'a>(r: &mut Reader<'a, '_>, ev: Event<'a>, at: Mark) -> Result<Option<Self>, Fatal> {
        Ok(<Vec<FileTask>>::read(r, ev, at)?.map(|list| TaskPieces(vec![list])))
    }
}

/// Declares a file-shaped mapping: known keys as optional fields, the rest kept in `extra`.
macro_rules! file_struct {
    ($name:ident { $($field:ident : $ty:ty),* $(,)? }) => {
        #[derive(Default)]
        pub(super) struct $name {
            $(pub $field: Option<$ty>,)*
            pub extra: Extra,
        }

        impl Read for $name {
            const EXPECTED: &'static str = "a mapping";

            fn read<'a>(r: &mut Reader<'a, '_>, ev: Event<'a>, at: Mark) -> Result<Option<Self>, Fatal> {
                let mut out = $name::default();
                let read = r.mapping(ev, at, |r, key, key_at| {
                    match key.as_ref() {
                        $(stringify!($field) => {
                            if out.$field.is_some() {
                                r.duplicate(stringify!($field), key_at)
                            } else {
                                out.$field = r.field(stringify!($field), key_at)?;
                                Ok(())
                            }
                        })*
                        _ => {
                            let value = r.unknown()?;
                            out.extra.0.push((key.into_owned(), value));
                            Ok(())
                        }
                    }
                })?;
                Ok(read.then_some(out))
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
    tasks: TaskPieces,
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
