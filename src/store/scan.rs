//! A linear pre-scan of board text, before the YAML reader sees it.
//!
//! The reader needs time quadratic in the nesting depth of bracketed collections (`[[[…]]]` on
//! one line), and memory in proportion to the number of values; both are bounded here first, in
//! one pass over the bytes. The same pass notices YAML comments, which saving drops.
//!
//! The scan follows YAML's lexical rules only as far as needed: quotes, comments, plain scalars,
//! block scalars (`|`, `>`) and where a bracket may open a collection. Where it cannot be sure
//! it counts a bracket as an opening one: counting too many only matters for a file with a
//! hundred brackets left open, while counting too few would let such a file through.

/// Brackets (`[`, `{`) may nest at most this deep.
pub const MAX_DEPTH: usize = 100;

/// At most this many values (scalars, collections, aliases) in one file.
pub const MAX_NODES: usize = 8_000_000;

/// What the scan found in a file within the limits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shape {
    /// Whether the text has YAML comments.
    pub comments: bool,
    /// About how many values the file holds.
    pub nodes: usize,
    /// Tags that say more than how a value is written (`!mytag`, `!!binary`), with their line
    /// and column: the canonical form cannot keep them. At most [`MAX_TAGS`].
    pub tags: Vec<(String, usize, usize)>,
}

/// At most this many tags are listed in a [`Shape`].
pub const MAX_TAGS: usize = 20;

/// Tags whose meaning the canonical form keeps without them (`!!str 2017` is written `"2017"`).
const PLAIN_TAGS: &[&str] = &[
    "!",
    "!!str",
    "!!int",
    "!!float",
    "!!bool",
    "!!null",
    "!!seq",
    "!!map",
    "!!timestamp",
];

/// A limit the file goes over, and where (1-based line and column, in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// Brackets nested deeper than [`MAX_DEPTH`].
    Depth(usize, usize),
    /// More than [`MAX_NODES`] values.
    Nodes(usize, usize),
}

/// How the scan is placed on the current line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quote {
    None,
    Double,
    Single,
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    line: usize,
    line_start: usize,
    /// Spaces before the first character of the current line.
    line_indent: usize,
    depth: usize,
    nodes: usize,
    comments: bool,
    tags: Vec<(String, usize, usize)>,
    /// Whether a new value may start here (after `- `, `: `, `,`, `[`, a line start …).
    token_start: bool,
    /// Inside a plain scalar within brackets (which may go on over lines).
    in_plain: bool,
    quote: Quote,
    /// Column where the last key or `-` of this line started: a block scalar's parent indent.
    node_col: Option<usize>,
    /// Column where the current scalar started, in case it turns out to be a key.
    key_col: usize,
    /// A block scalar being skipped: its parent indent and, once known, its content indent.
    block: Option<(isize, Option<usize>)>,
    /// Where each bracket still open was opened (line, column, bracket).
    open_at: Vec<(usize, usize, char)>,
    /// The scan stops at the start of this line.
    stop_line: usize,
}

/// The length of the line break at `i` (YAML's: LF, CR, CRLF, NEL, LS, PS), if there is one.
fn line_break(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..)? {
        [b'\r', b'\n', ..] => Some(2),
        [b'\n' | b'\r', ..] => Some(1),
        [0xC2, 0x85, ..] => Some(2),
        [0xE2, 0x80, 0xA8 | 0xA9, ..] => Some(3),
        _ => None,
    }
}

fn is_blank(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

fn is_flow_indicator(c: u8) -> bool {
    matches!(c, b',' | b'[' | b']' | b'{' | b'}')
}

impl Scan<'_> {
    /// Whether the byte after `i` ends a token (blank, line break or end of text).
    fn ends_after(&self, i: usize) -> bool {
        self.b
            .get(i + 1)
            .is_none_or(|&c| is_blank(c) || line_break(self.b, i + 1).is_some())
    }

    fn at_line_end(&self) -> bool {
        self.i >= self.b.len() || line_break(self.b, self.i).is_some()
    }

    /// Line and column (in characters) of byte `i` on the current line.
    fn pos(&self, i: usize) -> (usize, usize) {
        let col = String::from_utf8_lossy(&self.b[self.line_start..i.min(self.b.len())])
            .chars()
            .count();
        (self.line, col + 1)
    }

    fn count_node(&mut self) -> Result<(), Exceeded> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            let (l, c) = self.pos(self.i);
            return Err(Exceeded::Nodes(l, c));
        }
        Ok(())
    }

    fn open(&mut self) -> Result<(), Exceeded> {
        self.count_node()?;
        self.depth += 1;
        let (l, c) = self.pos(self.i);
        if self.depth > MAX_DEPTH {
            return Err(Exceeded::Depth(l, c));
        }
        self.open_at.push((l, c, char::from(self.b[self.i])));
        self.token_start = true;
        self.in_plain = false;
        self.i += 1;
        Ok(())
    }

    fn skip_to_line_end(&mut self) {
        while !self.at_line_end() {
            self.i += 1;
        }
    }

    /// Skips an anchor, tag or alias name; notes a tag the canonical form cannot keep.
    fn skip_word(&mut self) {
        let start = self.i;
        self.skip_name();
        if self.b[start] == b'!' && self.tags.len() < MAX_TAGS {
            let tag = String::from_utf8_lossy(&self.b[start..self.i]).into_owned();
            if !PLAIN_TAGS.contains(&tag.as_str()) {
                let (l, c) = self.pos(start);
                self.tags.push((tag, l, c));
            }
        }
    }

    /// Skips what the reader takes for the name: an anchor or alias name is letters, digits,
    /// `_` and `-` only (so `*a: [` is an alias, a `:` and a value); a tag runs to a blank (a
    /// bracket after it is an error to the reader).
    fn skip_name(&mut self) {
        let tag = self.b[self.i] == b'!';
        self.i += 1;
        while !self.at_line_end() {
            let c = self.b[self.i];
            let ends = if tag {
                is_blank(c) || (self.depth > 0 && is_flow_indicator(c))
            } else {
                !(c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
            };
            if ends {
                break;
            }
            self.i += 1;
        }
    }

    fn comment(&mut self) {
        self.comments = true;
        self.in_plain = false;
        self.skip_to_line_end();
    }

    /// Goes past the line break at the current position.
    fn next_line(&mut self) {
        if let Some(n) = line_break(self.b, self.i) {
            self.i += n;
        }
        self.line += 1;
        self.line_start = self.i;
    }

    /// At a line start: skips the lines of a block scalar, and sets up a line in block context.
    /// Returns false when the whole line was skipped.
    fn start_line(&mut self) -> bool {
        let indent = self.b[self.i..].iter().take_while(|&&c| c == b' ').count();
        self.line_indent = indent;
        if let Some((parent, content)) = self.block {
            let mut j = self.i + indent;
            while j < self.b.len() && is_blank(self.b[j]) {
                j += 1;
            }
            let blank = j >= self.b.len() || line_break(self.b, j).is_some();
            // A document marker ends the scalar, however it is indented.
            let rest = &self.b[self.i..];
            let marker = (rest.starts_with(b"---") || rest.starts_with(b"..."))
                && self.ends_after(self.i + 2);
            let inside = match content {
                _ if marker => false,
                _ if blank => true,
                Some(ci) => indent >= ci,
                None if indent as isize > parent => {
                    self.block = Some((parent, Some(indent)));
                    true
                }
                None => false,
            };
            if inside {
                self.skip_to_line_end();
                return false;
            }
            self.block = None;
        }
        if self.depth == 0 {
            // Quotes are taken to end with their line out of brackets: a line that goes on a
            // plain scalar may start with a quote that is only text.
            self.quote = Quote::None;
            self.token_start = true;
            self.in_plain = false;
            self.node_col = None;
            if self.b.get(self.i) == Some(&b'%') {
                self.skip_to_line_end();
                return false;
            }
        }
        self.i += indent;
        true
    }

    /// Inside quotes: finds the closing one.
    fn in_quote(&mut self) {
        let c = self.b[self.i];
        match (self.quote, c) {
            (Quote::Double, b'\\') if line_break(self.b, self.i + 1).is_none() => self.i += 2,
            (Quote::Double, b'"') => self.close_quote(),
            (Quote::Single, b'\'') if self.b.get(self.i + 1) == Some(&b'\'') => self.i += 2,
            (Quote::Single, b'\'') => self.close_quote(),
            _ => self.i += 1,
        }
    }

    fn close_quote(&mut self) {
        self.quote = Quote::None;
        self.token_start = false;
        self.i += 1;
    }

    /// A block scalar header (`|`, `>`, with indicators): its lines are skipped from the next one.
    fn block_scalar(&mut self) -> Result<(), Exceeded> {
        self.count_node()?;
        // Where its parent starts: the key or `-` before it on its line, else the line's own
        // indentation, which is never less than the reader's (so no line the reader parses is
        // skipped here; a top-level `|` only makes some of its text counted as structure).
        let parent = self.node_col.unwrap_or(self.line_indent) as isize;
        self.i += 1;
        let mut explicit = None;
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b'1'..=b'9' => explicit = Some(usize::from(c - b'0')),
                b'+' | b'-' => {}
                _ => break,
            }
            self.i += 1;
        }
        let content = explicit.map(|m| parent.max(0) as usize + m);
        self.block = Some((parent, content));
        // The rest of the header line may only hold a comment.
        while !self.at_line_end() {
            if self.b[self.i] == b'#' && self.b.get(self.i - 1).is_some_and(|&p| is_blank(p)) {
                self.comment();
                break;
            }
            self.i += 1;
        }
        Ok(())
    }

    /// Out of brackets, where a new value may start.
    fn block_token(&mut self, c: u8) -> Result<(), Exceeded> {
        let col = self.i - self.line_start;
        let rest = &self.b[self.i..];
        match c {
            b'[' | b'{' => self.open()?,
            b'"' | b'\'' => {
                self.count_node()?;
                self.quote = if c == b'"' {
                    Quote::Double
                } else {
                    Quote::Single
                };
                self.key_col = col;
                self.i += 1;
            }
            b'|' | b'>' => self.block_scalar()?,
            b'-' if col == 0 && rest.starts_with(b"---") && self.ends_after(self.i + 2) => {
                self.i += 3;
            }
            b'.' if col == 0 && rest.starts_with(b"...") && self.ends_after(self.i + 2) => {
                self.i += 3;
            }
            b'-' | b'?' | b':' if self.ends_after(self.i) => {
                self.node_col = Some(col);
                self.i += 1;
                if c != b'?' && self.rest_is_empty() {
                    self.count_node()?;
                }
            }
            b'&' | b'!' => self.skip_word(),
            b'*' => {
                self.count_node()?;
                self.key_col = col;
                self.skip_word();
                self.token_start = false;
            }
            _ => {
                self.count_node()?;
                self.key_col = col;
                self.token_start = false;
                self.i += 1;
            }
        }
        Ok(())
    }

    /// Whether only blanks or a comment follow on this line (an empty value).
    fn rest_is_empty(&self) -> bool {
        let mut j = self.i;
        while j < self.b.len() && is_blank(self.b[j]) {
            j += 1;
        }
        j >= self.b.len() || line_break(self.b, j).is_some() || self.b[j] == b'#'
    }

    /// One byte out of brackets.
    fn block_char(&mut self, c: u8) -> Result<(), Exceeded> {
        let after_blank = self.i == self.line_start || is_blank(self.b[self.i - 1]);
        match c {
            b' ' | b'\t' => self.i += 1,
            b'#' if after_blank => self.comment(),
            _ if self.token_start => self.block_token(c)?,
            b':' if self.ends_after(self.i) => {
                // The scalar before was a key; its value may start here.
                self.node_col = Some(self.key_col);
                self.token_start = true;
                self.i += 1;
                if self.rest_is_empty() {
                    self.count_node()?;
                }
            }
            _ => self.i += 1,
        }
        Ok(())
    }

    /// One byte inside brackets.
    fn flow_char(&mut self, c: u8) -> Result<(), Exceeded> {
        let after_blank = self.i == self.line_start || is_blank(self.b[self.i - 1]);
        let next = self.b.get(self.i + 1).copied();
        match c {
            b' ' | b'\t' => self.i += 1,
            b'#' if after_blank => self.comment(),
            b'[' | b'{' => self.open()?,
            b']' | b'}' => {
                self.depth -= 1;
                self.open_at.pop();
                self.in_plain = false;
                self.token_start = false;
                self.i += 1;
            }
            b',' => {
                self.token_start = true;
                self.in_plain = false;
                self.i += 1;
            }
            b':' if self.ends_after(self.i)
                || next.is_some_and(is_flow_indicator)
                || !self.in_plain =>
            {
                self.token_start = true;
                self.in_plain = false;
                self.i += 1;
            }
            _ if self.in_plain => self.i += 1,
            b'"' | b'\'' if self.token_start => {
                self.count_node()?;
                self.quote = if c == b'"' {
                    Quote::Double
                } else {
                    Quote::Single
                };
                self.i += 1;
            }
            b'?' if self.token_start && self.ends_after(self.i) => self.i += 1,
            b'&' | b'!' if self.token_start => self.skip_word(),
            b'*' if self.token_start => {
                self.count_node()?;
                self.skip_word();
                self.token_start = false;
            }
            _ => {
                self.count_node()?;
                self.in_plain = true;
                self.token_start = false;
                self.i += 1;
            }
        }
        Ok(())
    }

    /// Skips, in one tight loop, the bytes that cannot change the state: the text of quoted and
    /// plain scalars up to the next byte that might (most of a board is such text).
    fn skip_text(&mut self) {
        let stop: fn(u8) -> bool = match self.quote {
            Quote::Double => |c| matches!(c, b'"' | b'\\'),
            Quote::Single => |c| c == b'\'',
            Quote::None if self.depth == 0 && !self.token_start => |c| matches!(c, b':' | b'#'),
            Quote::None if self.depth > 0 && self.in_plain => {
                |c| matches!(c, b':' | b'#' | b',' | b'[' | b']' | b'{' | b'}')
            }
            Quote::None => return,
        };
        // Line breaks start with one of these bytes (LF, CR, NEL, LS and PS).
        let b = self.b;
        while self.i < b.len()
            && !stop(b[self.i])
            && !matches!(b[self.i], b'\n' | b'\r' | 0xC2 | 0xE2)
        {
            self.i += 1;
        }
    }

    /// Goes over the text up to the stop line.
    fn walk(&mut self) -> Result<(), Exceeded> {
        while self.i < self.b.len() && self.line < self.stop_line {
            if self.start_line() {
                while !self.at_line_end() {
                    self.skip_text();
                    if self.at_line_end() {
                        break;
                    }
                    let c = self.b[self.i];
                    if self.quote != Quote::None {
                        self.in_quote();
                    } else if self.depth == 0 {
                        self.block_char(c)?;
                    } else {
                        self.flow_char(c)?;
                    }
                }
            }
            if self.i < self.b.len() {
                self.next_line();
            }
        }
        Ok(())
    }

    fn run(mut self) -> Result<Shape, Exceeded> {
        self.walk()?;
        Ok(Shape {
            comments: self.comments,
            nodes: self.nodes,
            tags: self.tags,
        })
    }
}

/// Scans `text`, stopping at the first limit it goes over.
pub fn scan(text: &str) -> Result<Shape, Exceeded> {
    scanner(text, usize::MAX).run()
}

/// The innermost bracket (`[`, `{`) still open where line `line` starts, and where it was opened:
/// for a syntax error there, the place a clerk should look.
pub fn open_bracket(text: &str, line: usize) -> Option<(usize, usize, char)> {
    let mut s = scanner(text, line);
    s.walk().ok()?;
    s.open_at.last().copied()
}

fn scanner(text: &str, stop_line: usize) -> Scan<'_> {
    Scan {
        b: text.as_bytes(),
        i: 0,
        line: 1,
        line_start: 0,
        line_indent: 0,
        depth: 0,
        nodes: 0,
        comments: false,
        tags: Vec::new(),
        token_start: true,
        in_plain: false,
        quote: Quote::None,
        node_col: None,
        key_col: 0,
        block: None,
        open_at: Vec::new(),
        stop_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comments(t: &str) -> bool {
        scan(t).map(|s| s.comments).unwrap_or(false)
    }

    #[test]
    fn comments_are_noticed_outside_quotes_and_block_text_only() {
        assert!(comments("# top\ntitle: x\n"));
        assert!(comments("title: x # note\n"));
        assert!(comments("path: \"C:\\\\\" # note\n"));
        assert!(comments("a: [x, y] # note\n"));
        assert!(comments("a: 'it''s' # note\n"));
        assert!(!comments("title: \"a # b\"\nnote: 'c # d'\n"));
        assert!(!comments("title: C#语言\n"));
        assert!(comments("title: it's # fine\n"));
        assert!(!comments("note: |\n  第 #3 项\n  # 不是注释\ntitle: x\n"));
        assert!(comments("note: |\n  text\n# a comment\ntitle: x\n"));
    }

    #[test]
    fn bracket_depth_is_bounded_and_located() {
        let deep = format!("title: x\nextra: {}{}\n", "[".repeat(150), "]".repeat(150));
        assert_eq!(scan(&deep), Err(Exceeded::Depth(2, 108)));
        let ok = format!("extra: {}{}\n", "[".repeat(100), "]".repeat(100));
        assert!(scan(&ok).is_ok());
        // Brackets in text are not collections.
        let text = format!(
            "title: a{}\nnote: \"{}\"\n",
            "[".repeat(500),
            "{".repeat(500)
        );
        assert!(scan(&text).is_ok());
        let block = format!("note: |\n  {}\ntitle: x\n", "[".repeat(500));
        assert!(scan(&block).is_ok());
        // An alias name ends where the reader's does: `*a: [` is a key and a value.
        let t = format!("k: &a x\n*a: {}", "[".repeat(200));
        assert!(matches!(scan(&t), Err(Exceeded::Depth(2, _))));
        // A block scalar on a line of its own ends before a line its parent would hold.
        let t = format!("key:\n  |\nx: {}", "[".repeat(200));
        assert!(matches!(scan(&t), Err(Exceeded::Depth(3, _))));
        // A document marker ends a block scalar, even one at the top.
        let t = format!("|\n...\n{}", "[".repeat(200));
        assert!(matches!(scan(&t), Err(Exceeded::Depth(3, _))));
    }

    #[test]
    fn brackets_hidden_after_text_in_brackets_are_still_counted() {
        // A quote inside a plain scalar is text, so what follows the comma is structure.
        let t = format!("a: [x \"b, {}\n", "[".repeat(200));
        assert!(matches!(scan(&t), Err(Exceeded::Depth(..))));
        // A carriage return alone is a line break for the reader.
        let t = format!("a: b\r{}", "[".repeat(200));
        assert!(matches!(scan(&t), Err(Exceeded::Depth(..))));
        // A block scalar ends where its indentation does.
        let t = format!("a: |\n  x\nb: {}\n", "[".repeat(200));
        assert!(matches!(scan(&t), Err(Exceeded::Depth(..))));
    }

    #[test]
    fn tags_the_canonical_form_drops_are_listed() {
        let t = "a: !!binary R0lG\nb: !!str 2017\nc: [!mytag {x: 1}]\nd: \"!no\"\n";
        let tags = scan(t).map(|s| s.tags).unwrap_or_default();
        assert_eq!(
            tags,
            vec![("!!binary".to_string(), 1, 4), ("!mytag".to_string(), 3, 5)]
        );
    }

    #[test]
    fn values_are_counted() {
        let t = "title: x\nphases: [a, b, {id: c}]\nlist:\n  - \n  - ~\n";
        let n = scan(t).map(|s| s.nodes).unwrap_or(0);
        // title x phases [ a b { id c list (empty) (empty) ~
        assert_eq!(n, 13);
    }
}
