//! The YAML event stream of a board file, with anchors remembered and aliases replayed.
//!
//! The parser numbers anchors; the file's own names are read back from the text so that a
//! rewrite can keep them (`&defaults`, `*defaults`).

use super::event::{Event, Props};
use super::mark::{Mark, SyntaxError};
use super::quick::{Quick, Unknown};
use crate::model::Raw;
use std::collections::HashMap;
use std::sync::Arc;
use yaml_rust2::parser::Parser;
use yaml_rust2::scanner::TScalarStyle;

/// Where events come from: the quick lexer while the text stays in its part of YAML, then the
/// full parser.
enum Lexer<'a> {
    Quick {
        quick: Quick<'a>,
        /// How many events it has handed out, which the parser skips when it takes over.
        given: usize,
    },
    Full(Box<Parser<std::str::Chars<'a>>>),
}

/// Events of one text, in order, with aliases expanded on request.
pub(super) struct Source<'a> {
    lexer: Lexer<'a>,
    /// In debug builds, the parser runs beside the quick lexer and every event is compared.
    #[cfg(debug_assertions)]
    shadow: Option<Parser<std::str::Chars<'a>>>,
    text: &'a str,
    /// Events of an expanded alias still to come, last first.
    replay: Vec<(Event<'a>, Mark)>,
    /// The value of each anchor by the parser's number.
    anchors: HashMap<usize, Arc<Raw>>,
    /// Where the previous and the current event of the parser start.
    prev: Option<Mark>,
    cur: Option<Mark>,
    /// A character index and its byte offset, moved forward as the text is looked up.
    cursor: (usize, usize),
}

impl<'a> Source<'a> {
    /// The events of `text`.
    pub fn new(text: &'a str) -> Source<'a> {
        let lexer = match Quick::new(text) {
            Some(quick) => Lexer::Quick { quick, given: 0 },
            None => Lexer::Full(Box::new(Parser::new_from_str(text))),
        };
        Source {
            lexer,
            #[cfg(debug_assertions)]
            shadow: Some(Parser::new_from_str(text)),
            text,
            replay: Vec::new(),
            anchors: HashMap::new(),
            prev: None,
            cur: None,
            cursor: (0, 0),
        }
    }

    /// The next event and where it starts.
    pub fn next(&mut self) -> Result<(Event<'a>, Mark), SyntaxError> {
        if let Some(ev) = self.replay.pop() {
            return Ok(ev);
        }
        let (ev, at) = self.lex()?;
        self.prev = self.cur;
        self.cur = Some(at);
        Ok((ev, at))
    }

    /// The next event of the text.
    fn lex(&mut self) -> Result<(Event<'a>, Mark), SyntaxError> {
        loop {
            match &mut self.lexer {
                Lexer::Quick { quick, given } => match quick.next() {
                    Ok(ev) => {
                        *given += 1;
                        #[cfg(debug_assertions)]
                        self.compare(&ev);
                        return Ok(ev);
                    }
                    Err(Unknown) => {
                        // The events handed out are the parser's first ones: skip them.
                        let mut parser = Parser::new_from_str(self.text);
                        for _ in 0..*given {
                            parser.next_token()?;
                        }
                        self.lexer = Lexer::Full(Box::new(parser));
                    }
                },
                Lexer::Full(parser) => {
                    let (ev, at) = parser.next_token()?;
                    return Ok((ev.into(), at.into()));
                }
            }
        }
    }

    /// Checks an event of the quick lexer against the parser's (debug builds only). The parser
    /// may fail a line early, reading ahead: then the quick lexer stops on that line too.
    #[cfg(debug_assertions)]
    fn compare(&mut self, ev: &(Event<'a>, Mark)) {
        if let Some(shadow) = self.shadow.as_mut() {
            match shadow.next_token() {
                Ok((e, m)) => {
                    let (e, m) = (Event::from(e), Mark::from(m));
                    if (&e, m) != (&ev.0, ev.1) {
                        let from = m.index().saturating_sub(80);
                        let near: String = self
                            .text
                            .chars()
                            .skip(from)
                            .take(m.index() - from)
                            .collect();
                        panic!("quick lexer gave {ev:?}, parser {e:?} at {m:?}, after {near:?}");
                    }
                }
                Err(_) => self.shadow = None,
            }
        }
    }

    /// Where the parser's current event starts.
    pub fn current(&self) -> Option<Mark> {
        self.cur
    }

    /// Whether the list or mapping that starts at `at` is written in brackets.
    pub fn opens_bracket(&mut self, at: Mark) -> bool {
        let b = self.byte_at(at.index());
        matches!(self.text.as_bytes().get(b), Some(b'[' | b'{'))
    }

    /// How many bytes of the text the parser has read.
    pub fn bytes_read(&mut self) -> usize {
        let index = self.cur.map_or(0, |m| m.index());
        self.byte_at(index)
    }

    /// Remembers the value of anchor `id`.
    pub fn set_anchor(&mut self, id: usize, v: &Raw) {
        self.anchors.insert(id, Arc::new(v.clone()));
    }

    /// The value of anchor `id`; the parser has refused aliases to unknown anchors already, so
    /// a missing one can only be an anchor on a value still being read (an alias inside it).
    pub fn anchor(&self, id: usize, at: Mark) -> Result<Arc<Raw>, SyntaxError> {
        self.anchors
            .get(&id)
            .cloned()
            .ok_or_else(|| SyntaxError::new(at, "an alias inside the value it refers to"))
    }

    /// Makes the next events those of `v`, as if it were written at `at`.
    pub fn replay(&mut self, v: &Raw, at: Mark) {
        let mut events = Vec::new();
        flatten(v, at, &mut events);
        self.replay.extend(events.into_iter().rev());
    }

    /// The byte offset of character `index`.
    fn byte_at(&mut self, index: usize) -> usize {
        let (mut ci, mut bi) = self.cursor;
        // Places are asked for in nearly increasing order, but the parser reads ahead of the
        // events: step back from where the cursor is rather than from the start.
        if index < ci {
            for (b, _) in self.text[..bi].char_indices().rev() {
                bi = b;
                ci -= 1;
                if ci == index {
                    break;
                }
            }
            self.cursor = (ci, bi);
            return bi;
        }
        // Forwards: `index - ci` characters take at least as many bytes, so count the characters
        // in that many bytes (rounded up to a whole character) and repeat for what is left.
        let t = self.text;
        while ci < index && bi < t.len() {
            let mut end = (bi + (index - ci)).min(t.len());
            while !t.is_char_boundary(end) {
                end += 1;
            }
            ci += t[bi..end].chars().count();
            bi = end;
        }
        self.cursor = (ci, bi);
        bi
    }

    /// The name an alias at `at` is written with (`*name`).
    pub fn alias_name(&mut self, at: Mark) -> String {
        let b = self.byte_at(at.index());
        name_at(self.text[b..].strip_prefix('*').unwrap_or(""))
    }

    /// The name of the anchor on the node that starts at `at` (the parser's current event): the
    /// last `&name` between the previous event and this one, outside comments.
    pub fn anchor_name(&mut self, id: usize, at: Mark) -> String {
        let from = self.prev.map_or(0, |m| m.index()).min(at.index());
        let from = self.byte_at(from);
        let to = self.byte_at(at.index());
        let gap = &self.text[from..to];
        let found = gap.lines().rev().find_map(|line| {
            let line = cut_comment(line);
            let amp = line
                .char_indices()
                .rev()
                .find(|&(i, c)| {
                    c == '&'
                        && (i == 0 || line[..i].ends_with([' ', '\t', '[', '{', ',', '-', ':']))
                })?
                .0;
            Some(name_at(&line[amp + 1..]))
        });
        found
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("a{id}"))
    }
}

/// What follows `&` or `*`: up to a blank or a flow indicator.
fn name_at(s: &str) -> String {
    s.chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}'))
        .collect()
}

/// A line without its comment (a `#` after a blank, outside quotes).
fn cut_comment(line: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '\'' | '"') if prev.is_whitespace() || "[{,:-".contains(prev) => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev.is_whitespace() => return &line[..i],
            _ => {}
        }
        prev = c;
    }
    line
}

/// The events a value reads as, without tags or anchors (which typed reading ignores).
fn flatten<'a>(v: &Raw, at: Mark, out: &mut Vec<(Event<'a>, Mark)>) {
    let scalar = |s: String, style| (Event::Scalar(s.into(), style, Props::default()), at);
    match v {
        Raw::Null => out.push(scalar("~".into(), TScalarStyle::Plain)),
        Raw::Bool(b) => out.push(scalar(b.to_string(), TScalarStyle::Plain)),
        Raw::Int(i) => out.push(scalar(i.to_string(), TScalarStyle::Plain)),
        Raw::UInt(u) => out.push(scalar(u.to_string(), TScalarStyle::Plain)),
        Raw::Float(f) => out.push(scalar(f.to_string(), TScalarStyle::Plain)),
        Raw::Plain(s) => out.push(scalar(s.clone(), TScalarStyle::Plain)),
        Raw::Str(s) => out.push(scalar(s.clone(), TScalarStyle::DoubleQuoted)),
        Raw::Tagged(_, v) | Raw::Anchored(_, v) => flatten(v, at, out),
        Raw::Alias(_, v) => flatten(v, at, out),
        Raw::Seq(items) => {
            out.push((Event::SequenceStart(Props::default()), at));
            for i in items {
                flatten(i, at, out);
            }
            out.push((Event::SequenceEnd, at));
        }
        Raw::Map(entries) => {
            out.push((Event::MappingStart(Props::default()), at));
            for (k, v) in entries {
                flatten(k, at, out);
                flatten(v, at, out);
            }
            out.push((Event::MappingEnd, at));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_found_forwards_and_backwards() {
        let text = "督查: [a, 室]\nb: c\n";
        let mut src = Source::new(text);
        let expect = |i: usize| text.char_indices().nth(i).map_or(text.len(), |(b, _)| b);
        for i in [0, 5, 9, 3, 12, 1, 0, 14] {
            assert_eq!(src.byte_at(i), expect(i), "char {i}");
        }
    }

    #[test]
    fn comments_are_cut_outside_quotes() {
        assert_eq!(cut_comment("a: &x v # &y"), "a: &x v ");
        assert_eq!(cut_comment("a: 'b # c' # d"), "a: 'b # c' ");
        assert_eq!(cut_comment("a: C#"), "a: C#");
    }
}
