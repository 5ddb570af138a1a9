//! One event of a board's YAML stream, as the reader takes it from either lexer.
//!
//! Smaller than the parser's own: a scalar's text is borrowed from the file when it is written
//! as it reads (no copy for most of a board's values), and the anchor and tag, which nearly no
//! node has, are kept out of line.

use std::borrow::Cow;
use yaml_rust2::parser::{Event as Parsed, Tag};
use yaml_rust2::scanner::TScalarStyle;

/// A node's anchor (the parser's number; 0 for none) and tag.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(super) struct Props(Option<Box<(usize, Option<Tag>)>>);

impl Props {
    /// The properties of a node with anchor number `anchor` (0: none) and `tag`.
    pub fn new(anchor: usize, tag: Option<Tag>) -> Props {
        if anchor == 0 && tag.is_none() {
            Props(None)
        } else {
            Props(Some(Box::new((anchor, tag))))
        }
    }

    /// The anchor's number, 0 for none.
    pub fn anchor(&self) -> usize {
        self.0.as_ref().map_or(0, |p| p.0)
    }

    /// The tag, if any.
    pub fn tag(&self) -> Option<&Tag> {
        self.0.as_ref().and_then(|p| p.1.as_ref())
    }

    /// The anchor's number and the tag.
    pub fn into_parts(self) -> (usize, Option<Tag>) {
        self.0.map_or((0, None), |p| *p)
    }
}

/// An event of the stream; scalars borrow from the text `'a` when they can.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Event<'a> {
    Nothing,
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias(usize),
    Scalar(Cow<'a, str>, TScalarStyle, Props),
    SequenceStart(Props),
    SequenceEnd,
    MappingStart(Props),
    MappingEnd,
}

impl From<Parsed> for Event<'static> {
    fn from(ev: Parsed) -> Event<'static> {
        match ev {
            Parsed::Nothing => Event::Nothing,
            Parsed::StreamStart => Event::StreamStart,
            Parsed::StreamEnd => Event::StreamEnd,
            Parsed::DocumentStart => Event::DocumentStart,
            Parsed::DocumentEnd => Event::DocumentEnd,
            Parsed::Alias(id) => Event::Alias(id),
            Parsed::Scalar(v, style, anchor, tag) => {
                Event::Scalar(Cow::Owned(v), style, Props::new(anchor, tag))
            }
            Parsed::SequenceStart(anchor, tag) => Event::SequenceStart(Props::new(anchor, tag)),
            Parsed::SequenceEnd => Event::SequenceEnd,
            Parsed::MappingStart(anchor, tag) => Event::MappingStart(Props::new(anchor, tag)),
            Parsed::MappingEnd => Event::MappingEnd,
        }
    }
}
