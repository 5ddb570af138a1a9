//! Places in a board's text and the syntax errors found there, as the YAML parser counts them.
//!
//! Events come from two lexers (the quick one for plain block YAML, the full parser for the
//! rest), and the parser's own marker cannot be made outside it: both give places as these.

use yaml_rust2::scanner::{Marker, ScanError};

/// Where an event starts: character index, line (from 1) and column (from 0, in characters).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(super) struct Mark {
    index: usize,
    line: usize,
    col: usize,
}

impl Mark {
    /// The place at character `index`, on `line` (from 1), column `col` (from 0).
    pub fn new(index: usize, line: usize, col: usize) -> Mark {
        Mark { index, line, col }
    }

    /// The character index in the text.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The line, from 1.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column, from 0, in characters.
    pub fn col(&self) -> usize {
        self.col
    }
}

impl From<Marker> for Mark {
    fn from(m: Marker) -> Mark {
        Mark::new(m.index(), m.line(), m.col())
    }
}

/// Malformed YAML: what is wrong, in the parser's words, and where.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(super) struct SyntaxError {
    /// The parser's description (which `messages` translates).
    pub info: String,
    /// Where it was found.
    pub at: Mark,
}

impl SyntaxError {
    /// The error `info` at `at`.
    pub fn new(at: Mark, info: &str) -> SyntaxError {
        SyntaxError {
            info: info.to_string(),
            at,
        }
    }
}

impl From<ScanError> for SyntaxError {
    fn from(e: ScanError) -> SyntaxError {
        SyntaxError {
            info: e.info().to_string(),
            at: (*e.marker()).into(),
        }
    }
}
