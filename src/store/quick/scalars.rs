//! Scalars and one-line bracketed lists and mappings, as the quick lexer reads them off a line.
//!
//! Each function reads what it knows for certain and answers `None` for anything else, so the
//! full parser reads that file instead.

use std::borrow::Cow;
use yaml_rust2::scanner::TScalarStyle;

/// A scalar on a line: its value, its style, and the bytes of the line it takes.
pub(super) struct Scalar<'a> {
    pub value: Cow<'a, str>,
    pub style: TScalarStyle,
    pub start: usize,
    pub end: usize,
}

/// What follows a scalar read in block context.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Then {
    /// A `:` and a blank or the line's end, at this byte: the scalar is a key.
    Colon(usize),
    /// The line's end, or a comment.
    End,
}

/// One piece of a bracketed list or mapping: where it starts, and what it is.
pub(super) enum Piece<'a> {
    Open { map: bool, at: usize },
    Close { map: bool, at: usize },
    Scalar(Scalar<'a>),
}

/// Whether the byte is a bracket or a comma: what ends a plain scalar inside brackets.
fn is_flow(b: u8) -> bool {
    matches!(b, b',' | b'[' | b']' | b'{' | b'}')
}

/// Whether a plain scalar may start with the byte at `at` (the parser's rules, narrowed: an
/// indicator that would start something else, or might, is left to the parser).
fn plain_may_start(line: &[u8], at: usize, in_flow: bool) -> bool {
    let next = line.get(at + 1).copied();
    match line[at] {
        b'-' => !(matches!(next, None | Some(b' ')) || in_flow && next.is_some_and(is_flow)),
        b'?' | b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|'
        | b'>' | b'\'' | b'"' | b'%' | b'@' | b'`' | b' ' => false,
        _ => true,
    }
}

/// The plain scalar at `at` in block context, and whether a key's colon follows it.
pub(super) fn plain(line: &str, at: usize) -> Option<(Scalar<'_>, Then)> {
    let b = line.as_bytes();
    if !plain_may_start(b, at, false) {
        return None;
    }
    let (mut i, mut end) = (at, at);
    let then = loop {
        match b.get(i) {
            None => break Then::End,
            Some(b' ') => {
                i += 1;
                if b.get(i) == Some(&b'#') {
                    break Then::End;
                }
            }
            Some(b':') if matches!(b.get(i + 1), None | Some(b' ')) => break Then::Colon(i),
            Some(_) => {
                i += 1;
                end = i;
            }
        }
    };
    let s = scalar(Cow::Borrowed(&line[at..end]), TScalarStyle::Plain, at, end);
    Some((s, then))
}

/// The quoted scalar at `at` (which holds the quote), if it closes on this line and holds only
/// escapes the quick lexer knows.
pub(super) fn quoted(line: &str, at: usize) -> Option<Scalar<'_>> {
    match line.as_bytes()[at] {
        b'\'' => single(line, at),
        b'"' => double(line, at),
        _ => None,
    }
}

fn scalar(value: Cow<'_, str>, style: TScalarStyle, start: usize, end: usize) -> Scalar<'_> {
    Scalar {
        value,
        style,
        start,
        end,
    }
}

fn single(line: &str, at: usize) -> Option<Scalar<'_>> {
    let mut value = Cow::Borrowed("");
    let mut i = at + 1;
    loop {
        let q = i + line[i..].find('\'')?;
        add(&mut value, &line[i..q]);
        if line.as_bytes().get(q + 1) == Some(&b'\'') {
            value.to_mut().push('\'');
            i = q + 2;
        } else {
            return Some(scalar(value, TScalarStyle::SingleQuoted, at, q + 1));
        }
    }
}

/// Adds a piece of the line to a value: borrowed while it is the only piece.
fn add<'a>(value: &mut Cow<'a, str>, piece: &'a str) {
    if value.is_empty() {
        *value = Cow::Borrowed(piece);
    } else {
        value.to_mut().push_str(piece);
    }
}

fn double(line: &str, at: usize) -> Option<Scalar<'_>> {
    let mut value = Cow::Borrowed("");
    let mut i = at + 1;
    loop {
        let stop = i + line[i..].find(['"', '\\'])?;
        add(&mut value, &line[i..stop]);
        if line.as_bytes()[stop] == b'"' {
            return Some(scalar(value, TScalarStyle::DoubleQuoted, at, stop + 1));
        }
        let (c, len) = escape(&line[stop + 1..])?;
        value.to_mut().push(c);
        i = stop + 1 + len;
    }
}

/// The character an escape stands for, and how many bytes after the backslash it takes.
fn escape(s: &str) -> Option<(char, usize)> {
    let c = match *s.as_bytes().first()? {
        b'0' => '\0',
        b'a' => '\u{7}',
        b'b' => '\u{8}',
        b't' => '\t',
        b'n' => '\n',
        b'v' => '\u{b}',
        b'f' => '\u{c}',
        b'r' => '\r',
        b'e' => '\u{1b}',
        b' ' => ' ',
        b'"' => '"',
        b'/' => '/',
        b'\\' => '\\',
        b'N' => '\u{85}',
        b'_' => '\u{a0}',
        b'L' => '\u{2028}',
        b'P' => '\u{2029}',
        b'x' => return hex(s, 2),
        b'u' => return hex(s, 4),
        b'U' => return hex(s, 8),
        _ => return None,
    };
    Some((c, 1))
}

fn hex(s: &str, digits: usize) -> Option<(char, usize)> {
    let h = s.get(1..1 + digits)?;
    if !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(h, 16).ok()?)?;
    Some((c, 1 + digits))
}

/// The bracketed list or mapping at `at`, if it closes on this line and holds only scalars
/// (a mapping: `key: value` pairs); its pieces in order, and the byte after it.
pub(super) fn flow<'a>(line: &'a str, at: usize, out: &mut Vec<Piece<'a>>) -> Option<usize> {
    let b = line.as_bytes();
    let map = match b[at] {
        b'{' => true,
        b'[' => false,
        _ => return None,
    };
    let close = if map { b'}' } else { b']' };
    out.push(Piece::Open { map, at });
    let mut i = skip_spaces(b, at + 1);
    if b.get(i) == Some(&close) {
        out.push(Piece::Close { map, at: i });
        return Some(i + 1);
    }
    loop {
        let (key, after) = flow_scalar(line, i)?;
        out.push(Piece::Scalar(key));
        i = skip_spaces(b, after);
        if map {
            if b.get(i) != Some(&b':') || b.get(i + 1) != Some(&b' ') {
                return None;
            }
            let (value, after) = flow_scalar(line, skip_spaces(b, i + 1))?;
            out.push(Piece::Scalar(value));
            i = skip_spaces(b, after);
        }
        match b.get(i) {
            Some(b',') => i = skip_spaces(b, i + 1),
            Some(&c) if c == close => {
                out.push(Piece::Close { map, at: i });
                return Some(i + 1);
            }
            _ => return None,
        }
    }
}

/// A scalar inside brackets: quoted, or plain up to a comma, a bracket or a `: `.
fn flow_scalar(line: &str, at: usize) -> Option<(Scalar<'_>, usize)> {
    let b = line.as_bytes();
    if matches!(b.get(at), Some(b'\'' | b'"')) {
        let s = quoted(line, at)?;
        // A colon right after a quoted key is a value indicator inside brackets: not handled.
        if b.get(s.end) == Some(&b':') {
            return None;
        }
        let end = s.end;
        return Some((s, end));
    }
    if at >= b.len() || !plain_may_start(b, at, true) {
        return None;
    }
    let (mut i, mut end) = (at, at);
    loop {
        match b.get(i) {
            // Brackets must close on this line.
            None => return None,
            Some(b' ') => {
                i += 1;
                // A comment; or a dash before a comma or bracket after a blank, which the
                // parser refuses wherever it comes in the scalar.
                if b.get(i) == Some(&b'#')
                    || (b.get(i) == Some(&b'-') && b.get(i + 1).is_some_and(|&c| is_flow(c)))
                {
                    return None;
                }
            }
            Some(&c) if is_flow(c) => {
                if matches!(c, b'[' | b'{') {
                    return None;
                }
                break;
            }
            Some(b':') => match b.get(i + 1) {
                Some(b' ') => break,
                Some(&c) if is_flow(c) => return None,
                None => return None,
                _ => {
                    i += 1;
                    end = i;
                }
            },
            Some(_) => {
                i += 1;
                end = i;
            }
        }
    }
    let s = scalar(Cow::Borrowed(&line[at..end]), TScalarStyle::Plain, at, end);
    Some((s, end))
}

/// The first byte at or after `i` that is not a space.
pub(super) fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    i
}

/// Whether the line holds nothing but spaces and perhaps a comment from byte `at` on; `spaced`
/// tells whether a blank came right before `at` (a `#` starts a comment only after one).
pub(super) fn rest_is_empty(line: &str, at: usize, spaced: bool) -> bool {
    let b = line.as_bytes();
    let i = skip_spaces(b, at);
    match b.get(i) {
        None => true,
        Some(b'#') => spaced || i > at,
        Some(_) => false,
    }
}
