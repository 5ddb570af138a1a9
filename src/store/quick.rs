//! A quick lexer for the plain block YAML that boards are written in: the same events, at the
//! same places, as the full parser gives, several times faster.
//!
//! The full parser reads a character at a time through a look-ahead buffer, which makes it the
//! larger part of opening a large board. The files ducha writes, and most written by hand, use
//! a small part of YAML: mappings and lists by indentation, scalars on one line, bracketed
//! lists and mappings of scalars on one line, comments. This lexer reads that part a line at a
//! time and stops ([`Unknown`]) at anything else (anchors, tags, block scalars, a value over
//! several lines, tabs, a second document, an error) without handing out that line's events;
//! [`super::events::Source`] then goes on with the full parser. Tests compare the two on many
//! generated texts, valid and not.

mod lines;
mod scalars;
#[cfg(test)]
mod tests;

use super::event::{Event, Props};
use super::mark::Mark;
use scalars::{Piece, Scalar};
use std::borrow::Cow;
use std::collections::VecDeque;
use yaml_rust2::scanner::TScalarStyle;

/// The text holds something the quick lexer does not read; the full parser must.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Unknown;

/// A list or mapping written by indentation, and the column of its items or keys.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Block {
    indent: usize,
    map: bool,
}

impl Block {
    /// A list whose dashes are at column `indent`.
    fn list(indent: usize) -> Block {
        Block { indent, map: false }
    }

    /// A mapping whose keys are at column `indent`.
    fn mapping(indent: usize) -> Block {
        Block { indent, map: true }
    }
}

/// Where a line starts: byte offset, character index and line number (from 1).
#[derive(Clone, Copy, Debug)]
struct LineStart {
    byte: usize,
    index: usize,
    number: usize,
}

/// One line being read, and the places on it.
struct Line<'a> {
    text: &'a str,
    start: LineStart,
    /// A byte on the line and its column, so that places are counted forwards once.
    cursor: (usize, usize),
}

impl Line<'_> {
    /// The place of byte `b` of the line.
    fn mark(&mut self, b: usize) -> Mark {
        let (mut byte, mut col) = self.cursor;
        if b < byte {
            (byte, col) = (0, 0);
        }
        col += chars(&self.text.as_bytes()[byte..b]);
        self.cursor = (b, col);
        Mark::new(self.start.index + col, self.start.number, col)
    }
}

/// How many characters the UTF-8 bytes hold: the bytes that do not continue a character.
fn chars(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x as i8) >= -0x40).count()
}

/// The event stream of a text in the quick lexer's part of YAML.
pub(super) struct Quick<'a> {
    text: &'a str,
    next: LineStart,
    blocks: Vec<Block>,
    /// The block whose last key or item has its value on a later line, or none.
    pending: Option<Block>,
    out: VecDeque<(Event<'a>, Mark)>,
    /// Room for the pieces of a bracketed value, kept from line to line.
    pieces: Vec<Piece<'a>>,
    /// Whether the document has begun (its first block opened).
    document: bool,
    /// Whether the end was read, or the lexer stopped: no event is handed out after it.
    done: bool,
}

impl<'a> Quick<'a> {
    /// The lexer for `text`, or `None` when the text holds a character it leaves to the parser
    /// (a tab, a carriage return not followed by a line feed, another control character, a
    /// byte-order mark).
    pub fn new(text: &'a str) -> Option<Quick<'a>> {
        let controls = text.as_bytes().chunks(256).any(|c| {
            c.iter()
                .fold(false, |a, &b| a | (b < 0x20 && b != b'\n' && b != b'\r'))
        });
        // A carriage return is read only as the first half of a Windows line end.
        let bom = memchr::memmem::find(text.as_bytes(), "\u{FEFF}".as_bytes()).is_some();
        if controls || bom || super::halves::lone_return(text) {
            return None;
        }
        Some(Quick {
            text,
            next: LineStart {
                byte: 0,
                index: 0,
                number: 1,
            },
            blocks: Vec::new(),
            pending: None,
            out: VecDeque::from([(Event::StreamStart, Mark::new(0, 1, 0))]),
            pieces: Vec::new(),
            document: false,
            done: false,
        })
    }

    /// The next event and where it starts.
    pub fn next(&mut self) -> Result<(Event<'a>, Mark), Unknown> {
        loop {
            if let Some(ev) = self.out.pop_front() {
                return Ok(ev);
            }
            if self.done {
                return Err(Unknown);
            }
            self.step()?;
        }
    }

    /// Reads the next line that holds something, or the end.
    fn step(&mut self) -> Result<(), Unknown> {
        match self.significant(self.next) {
            Some((line, after)) => {
                self.next = after;
                let mut line = line;
                // Events of a line that turns out unknown are never handed out: the lexer stops.
                let mut out = std::mem::take(&mut self.out);
                let read = self.line(&mut line, &mut out);
                self.out = out;
                if read.is_err() {
                    self.out.clear();
                    self.done = true;
                }
                read
            }
            None => self.finish(),
        }
    }

    /// The first line from `at` on that holds more than blanks and a comment, and where the
    /// line after it starts; `None` at the end of the text.
    fn significant(&self, mut at: LineStart) -> Option<(Line<'a>, LineStart)> {
        let t = self.text;
        while at.byte < t.len() {
            let end =
                memchr::memchr(b'\n', &t.as_bytes()[at.byte..]).map_or(t.len(), |n| at.byte + n);
            let whole = &t[at.byte..end];
            let text = whole.strip_suffix('\r').unwrap_or(whole);
            let line = Line {
                text,
                start: at,
                cursor: (0, 0),
            };
            at = LineStart {
                byte: end + 1,
                index: at.index + chars(whole.as_bytes()) + 1,
                number: at.number + 1,
            };
            let first = text.bytes().position(|b| b != b' ');
            if first.is_some_and(|i| text.as_bytes()[i] != b'#') {
                return Some((line, at));
            }
        }
        None
    }

    /// Where the text ends, and where the parser goes on from there: after a last line
    /// without a line break it counts one more line, at column 0.
    fn end_marks(&self) -> (Mark, Mark) {
        let b = self.text.as_bytes();
        let lines = memchr::memchr_iter(b'\n', b).count();
        let last = memchr::memrchr(b'\n', b).map_or(0, |n| n + 1);
        let (index, col) = (chars(b), chars(&b[last..]));
        let end = Mark::new(index, lines + 1, col);
        let forced = if col == 0 {
            end
        } else {
            Mark::new(index, lines + 2, 0)
        };
        (end, forced)
    }

    /// The end of the text: what is left open closes, deeper blocks before the parser's forced
    /// line break, the others after it.
    fn finish(&mut self) -> Result<(), Unknown> {
        if !self.document {
            return Err(Unknown);
        }
        let (end, forced) = self.end_marks();
        let at = |b: Option<&Block>| match b {
            Some(b) if b.indent > end.col() => end,
            _ => forced,
        };
        if self.pending.take().is_some() {
            self.out.push_back((empty(), at(self.blocks.last())));
        }
        while let Some(b) = self.blocks.pop() {
            self.out.push_back((close(b), at(Some(&b))));
        }
        self.out.push_back((Event::DocumentEnd, forced));
        self.out.push_back((Event::StreamEnd, forced));
        self.done = true;
        Ok(())
    }
}

fn empty() -> Event<'static> {
    Event::Scalar(Cow::Borrowed(""), TScalarStyle::Plain, Props::default())
}

fn close(b: Block) -> Event<'static> {
    if b.map {
        Event::MappingEnd
    } else {
        Event::SequenceEnd
    }
}

fn scalar_event(s: Scalar<'_>) -> Event<'_> {
    Event::Scalar(s.value, s.style, Props::default())
}
