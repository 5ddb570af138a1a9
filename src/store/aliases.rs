//! A budget on what aliases expand to, checked before the YAML reader expands them.
//!
//! An alias (`*s`) stands for a copy of the value its anchor (`&s`) marks, and the reader makes
//! every copy: a 1 MB value repeated 3,000 times is 3 GB. Here the size of every anchored value,
//! aliases inside it included, is summed up from the parser's events without copying anything,
//! so a file whose aliases would add more than [`MAX_ALIAS_BYTES`] is refused at the alias that
//! crosses the line. Only files with an `&` come here: without anchors there are no aliases.

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::Marker;

/// Values repeated through aliases may add at most this much to a board (text plus
/// [`NODE_BYTES`] per value).
pub const MAX_ALIAS_BYTES: usize = 16 * 1024 * 1024;

/// What one value costs besides its text: about its size in memory once read.
const NODE_BYTES: usize = 32;

/// The YAML reader refuses a document whose aliases are followed more than this many times
/// per event of the document; the same rule here gives its error a position.
const REPEATS_PER_EVENT: usize = 100;

/// Why the aliases of a file are refused, and where (1-based line and column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The copies would add more than [`MAX_ALIAS_BYTES`].
    TooBig(usize, usize),
    /// Aliases inside anchored values are followed too many times.
    TooMany(usize, usize),
    /// An alias inside the value its anchor marks: its copy would never end.
    Recursive(usize, usize),
}

/// Size of a value once every alias in it is copied: bytes and aliases followed.
#[derive(Debug, Clone, Copy, Default)]
struct Size {
    bytes: usize,
    aliases: usize,
}

impl Size {
    fn add(&mut self, other: Size) {
        self.bytes = self.bytes.saturating_add(other.bytes);
        self.aliases = self.aliases.saturating_add(other.aliases);
    }
}

struct Open {
    anchor: usize,
    size: Size,
}

fn at(mark: Marker) -> (usize, usize) {
    (mark.line(), mark.col() + 1)
}

#[derive(Default)]
struct Tally {
    /// Sizes of finished anchored values, by anchor id (0 = no anchor).
    anchored: Vec<Option<Size>>,
    open: Vec<Open>,
    /// What the aliases have added so far.
    added: Size,
    events: usize,
    /// Where each alias was, with the aliases followed up to and including it.
    followed: Vec<(usize, Marker)>,
}

impl Tally {
    fn set_anchor(&mut self, id: usize, size: Size) {
        if id == 0 {
            return;
        }
        if self.anchored.len() <= id {
            self.anchored.resize(id + 1, None);
        }
        self.anchored[id] = Some(size);
    }

    fn add_to_parent(&mut self, size: Size) {
        if let Some(top) = self.open.last_mut() {
            top.size.add(size);
        }
    }

    fn alias(&mut self, id: usize, mark: Marker) -> Result<(), Refused> {
        let Some(Some(size)) = self.anchored.get(id).copied() else {
            return Err(Refused::Recursive(at(mark).0, at(mark).1));
        };
        let copy = Size {
            bytes: size.bytes,
            aliases: size.aliases.saturating_add(1),
        };
        self.added.add(copy);
        self.followed.push((self.added.aliases, mark));
        if self.added.bytes > MAX_ALIAS_BYTES {
            let (l, c) = at(mark);
            return Err(Refused::TooBig(l, c));
        }
        self.add_to_parent(copy);
        Ok(())
    }

    fn event(&mut self, ev: Event, mark: Marker) -> Result<(), Refused> {
        self.events += 1;
        match ev {
            Event::Scalar(text, _, anchor, _) => {
                let size = Size {
                    bytes: NODE_BYTES + text.len(),
                    aliases: 0,
                };
                self.set_anchor(anchor, size);
                self.add_to_parent(size);
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                self.open.push(Open {
                    anchor,
                    size: Size {
                        bytes: NODE_BYTES,
                        aliases: 0,
                    },
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(done) = self.open.pop() {
                    self.set_anchor(done.anchor, done.size);
                    self.add_to_parent(done.size);
                }
            }
            Event::Alias(id) => self.alias(id, mark)?,
            _ => self.events -= 1,
        }
        Ok(())
    }

    /// The reader's own rule on aliases followed, located at the alias that broke it.
    fn repeats(&self) -> Result<(), Refused> {
        let limit = self.events.saturating_mul(REPEATS_PER_EVENT);
        match self.followed.iter().find(|(n, _)| *n > limit) {
            Some((_, mark)) => Err(Refused::TooMany(at(*mark).0, at(*mark).1)),
            None => Ok(()),
        }
    }
}

/// Checks what the aliases of `text` expand to; bad YAML is left for the reader to report.
pub fn check(text: &str) -> Result<(), Refused> {
    let mut parser = Parser::new_from_str(text);
    let mut tally = Tally::default();
    loop {
        match parser.next_token() {
            Ok((Event::StreamEnd, _)) | Err(_) => break,
            // A second document is refused by the reader; its aliases do not matter.
            Ok((Event::DocumentEnd, _)) => break,
            Ok((ev, mark)) => tally.event(ev, mark)?,
        }
    }
    tally.repeats()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_big_value_repeated_is_refused_at_the_alias_that_crosses_the_budget() {
        let big = "x".repeat(1024 * 1024);
        let text = format!("big: &s \"{big}\"\nextra: [{}]\n", ["*s"; 40].join(", "));
        // 15 copies fit; the 16th, at column 9 + 4 * 15, does not.
        assert_eq!(check(&text), Err(Refused::TooBig(2, 69)));
    }

    #[test]
    fn nested_repetition_is_refused() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (name, prev) in [("b", "a"), ("c", "b"), ("d", "c"), ("e", "d")] {
            let refs = vec![format!("*{prev}"); 10].join(", ");
            text.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        assert!(matches!(check(&text), Err(Refused::TooMany(..))));
    }

    #[test]
    fn ordinary_anchors_pass() {
        let text =
            "d: &d {phase: p1, lead: swb}\ntasks:\n  - {<<: *d, id: T1}\n  - {<<: *d, id: T2}\n";
        assert_eq!(check(text), Ok(()));
        assert_eq!(check("a: [unclosed\n"), Ok(()));
    }
}
