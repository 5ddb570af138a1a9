//! One line of block YAML: the blocks it closes, then its key or item and the value after it.

use super::scalars::{self, Piece, Scalar, Then};
use super::{close, empty, scalar_event, Block, Line, Quick, Unknown};
use crate::store::event::{Event, Props};
use crate::store::mark::Mark;
use std::collections::VecDeque;

/// Whether a key opens its mapping.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    First,
    Next,
}

/// Where the events of a line go; none is handed out before the whole line is read.
type Out<'a> = VecDeque<(Event<'a>, Mark)>;

impl<'a> Quick<'a> {
    /// Reads a line that holds something.
    pub(super) fn line(&mut self, line: &mut Line<'a>, out: &mut Out<'a>) -> Result<(), Unknown> {
        let b = line.text.as_bytes();
        let c = b.iter().position(|&x| x != b' ').ok_or(Unknown)?;
        if c == 0 && (b.starts_with(b"---") || b.starts_with(b"...") || b[0] == b'%') {
            return Err(Unknown);
        }
        let item = is_dash(b, c);
        let at = line.mark(c);
        if let Some(p) = self.pending.take() {
            if self.value_below(p, line, c, item, out)? {
                return Ok(());
            }
        }
        while let Some(&top) = self.blocks.last() {
            // A list at its mapping's own column ends where the mapping's next key is.
            let unindented = !top.map && top.indent == c && !item && self.parent_map_at(c);
            if top.indent <= c && !unindented {
                break;
            }
            self.blocks.pop();
            out.push_back((close(top), at));
        }
        match self.blocks.last() {
            Some(top) if top.indent == c && top.map != item => {
                if item {
                    self.item(line, c, out)
                } else {
                    self.key(line, c, Key::Next, out)
                }
            }
            None if !self.document && item => {
                self.open(Block::list(c), at, out)?;
                self.item(line, c, out)
            }
            None if !self.document => self.key(line, c, Key::First, out),
            _ => Err(Unknown),
        }
    }

    /// The value of key or item `p`, left empty on its own line, when the line at column `c`
    /// holds it (a list or mapping indented deeper; a list at a key's own column): `true` once
    /// the line is read. Otherwise the value is empty, and the line is read as usual.
    fn value_below(
        &mut self,
        p: Block,
        line: &mut Line<'a>,
        c: usize,
        item: bool,
        out: &mut Out<'a>,
    ) -> Result<bool, Unknown> {
        let at = line.mark(c);
        if item && (c > p.indent || (c == p.indent && p.map)) {
            // A list at its key's column starts, for the parser, after its first dash.
            let at = if c == p.indent {
                after_dash(line, c)
            } else {
                at
            };
            self.open(Block::list(c), at, out)?;
            self.item(line, c, out)?;
            return Ok(true);
        }
        if !item && c > p.indent {
            self.key(line, c, Key::First, out)?;
            return Ok(true);
        }
        // The parser places an empty value at the next token: a dash of the same list counts
        // from after the dash.
        let null_at = if !p.map && item && c == p.indent {
            after_dash(line, c)
        } else {
            at
        };
        out.push_back((empty(), null_at));
        Ok(false)
    }

    /// Whether the block under the top one is a mapping at column `c`.
    fn parent_map_at(&self, c: usize) -> bool {
        let n = self.blocks.len();
        n >= 2 && self.blocks[n - 2].map && self.blocks[n - 2].indent == c
    }

    /// Opens a block at `at`; the first one opens the document.
    fn open(&mut self, block: Block, at: Mark, out: &mut Out<'a>) -> Result<(), Unknown> {
        if self.blocks.is_empty() {
            if self.document {
                return Err(Unknown);
            }
            self.document = true;
            out.push_back((Event::DocumentStart, at));
        }
        self.blocks.push(block);
        let ev = if block.map {
            Event::MappingStart(Props::default())
        } else {
            Event::SequenceStart(Props::default())
        };
        out.push_back((ev, at));
        Ok(())
    }

    /// A key at byte `c` and its value.
    fn key(
        &mut self,
        line: &mut Line<'a>,
        c: usize,
        which: Key,
        out: &mut Out<'a>,
    ) -> Result<(), Unknown> {
        let (key, colon) = split_key(line.text, c).ok_or(Unknown)?;
        let key_at = line.mark(c);
        if which == Key::First {
            // The parser opens a mapping where its first key's colon is.
            let colon_at = line.mark(colon);
            self.open(Block::mapping(c), colon_at, out)?;
        }
        out.push_back((scalar_event(key), key_at));
        self.value(line, colon + 1, Block::mapping(c), out)
    }

    /// An item at byte `c` (its dash) and what follows on the line.
    fn item(&mut self, line: &mut Line<'a>, c: usize, out: &mut Out<'a>) -> Result<(), Unknown> {
        let b = line.text.as_bytes();
        let i = scalars::skip_spaces(b, c + 1);
        if i < b.len() && b[i] != b'#' {
            if is_dash(b, i) {
                return Err(Unknown);
            }
            if split_key(line.text, i).is_some() {
                return self.key(line, i, Key::First, out);
            }
        }
        self.value(line, c + 1, Block::list(c), out)
    }

    /// The value of a key or item from byte `from` on, or a note that it is on a later line.
    fn value(
        &mut self,
        line: &mut Line<'a>,
        from: usize,
        block: Block,
        out: &mut Out<'a>,
    ) -> Result<(), Unknown> {
        let b = line.text.as_bytes();
        let i = scalars::skip_spaces(b, from);
        if i == b.len() || b[i] == b'#' {
            self.pending = Some(block);
            return Ok(());
        }
        let end = self.value_at(line, i, block.indent, out)?;
        end_of_line(line.text, end)
    }

    /// The scalar or bracketed value at byte `i` in the block at column `indent`, and the byte
    /// after it.
    fn value_at(
        &mut self,
        line: &mut Line<'a>,
        i: usize,
        indent: usize,
        out: &mut Out<'a>,
    ) -> Result<usize, Unknown> {
        match line.text.as_bytes()[i] {
            b'[' | b'{' => {
                let mut pieces = std::mem::take(&mut self.pieces);
                let end = scalars::flow(line.text, i, &mut pieces);
                for p in pieces.drain(..) {
                    out.push_back(match p {
                        Piece::Open { map: true, at } => {
                            (Event::MappingStart(Props::default()), line.mark(at))
                        }
                        Piece::Open { map: false, at } => {
                            (Event::SequenceStart(Props::default()), line.mark(at))
                        }
                        Piece::Close { map: true, at } => (Event::MappingEnd, line.mark(at)),
                        Piece::Close { map: false, at } => (Event::SequenceEnd, line.mark(at)),
                        Piece::Scalar(s) => {
                            let at = line.mark(s.start);
                            (scalar_event(s), at)
                        }
                    });
                }
                self.pieces = pieces;
                end.ok_or(Unknown)
            }
            b'\'' | b'"' => {
                let s = scalars::quoted(line.text, i).ok_or(Unknown)?;
                let end = s.end;
                out.push_back((scalar_event(s), line.mark(i)));
                Ok(end)
            }
            _ => match scalars::plain(line.text, i) {
                // A plain scalar goes on over the lines after it that are indented deeper.
                Some((s, Then::End)) if !self.continued(indent) => {
                    let end = s.end;
                    out.push_back((scalar_event(s), line.mark(i)));
                    Ok(end)
                }
                _ => Err(Unknown),
            },
        }
    }

    /// Whether the next line that is not blank is indented deeper than column `indent` (and is
    /// not a comment, which ends a plain scalar).
    fn continued(&self, indent: usize) -> bool {
        let b = &self.text.as_bytes()[self.next.byte.min(self.text.len())..];
        let mut i = 0;
        let mut col = 0;
        while let Some(&x) = b.get(i) {
            match x {
                b' ' => col += 1,
                b'\n' => col = 0,
                // The first half of a Windows line end: the line is blank so far.
                b'\r' => {}
                b'#' => return false,
                _ => return col > indent,
            }
            i += 1;
        }
        false
    }
}

/// Whether byte `i` is the dash of a list item: a `-` before a blank or the line's end.
fn is_dash(b: &[u8], i: usize) -> bool {
    b.get(i) == Some(&b'-') && matches!(b.get(i + 1), None | Some(b' '))
}

/// Where the parser places the dash at byte `c`: after it and its blanks, or at the line's end
/// when only a comment follows.
fn after_dash(line: &mut Line<'_>, c: usize) -> Mark {
    let b = line.text.as_bytes();
    let i = scalars::skip_spaces(b, c + 1);
    line.mark(if b.get(i) == Some(&b'#') { b.len() } else { i })
}

/// The key at byte `i` and the byte of its colon, if a key starts there. Keys longer than the
/// parser allows are left to it.
fn split_key(text: &str, i: usize) -> Option<(Scalar<'_>, usize)> {
    let b = text.as_bytes();
    let (key, colon) = match b[i] {
        b'\'' | b'"' => {
            let s = scalars::quoted(text, i)?;
            let colon = scalars::skip_spaces(b, s.end);
            (b.get(colon) == Some(&b':') && matches!(b.get(colon + 1), None | Some(b' ')))
                .then_some((s, colon))?
        }
        b'[' | b'{' => return None,
        _ => match scalars::plain(text, i)? {
            (s, Then::Colon(colon)) => (s, colon),
            (_, Then::End) => return None,
        },
    };
    (colon - i <= 1000).then_some((key, colon))
}

/// Nothing but blanks and a comment may follow a value.
fn end_of_line(text: &str, end: usize) -> Result<(), Unknown> {
    if scalars::rest_is_empty(text, end, false) {
        Ok(())
    } else {
        Err(Unknown)
    }
}
