//! One pass over the YAML event stream into the file-shaped types.
//!
//! Every value of the wrong type is reported with its place and read as absent, and reading
//! goes on, so one `check` lists them all. Values of unknown keys are kept as written.

use super::emit::{self, plain_ok};
use super::event::Event;
use super::events::Source;
use super::file::{FileBoard, FileTask, Text, TextList};
use super::mark::{Mark, SyntaxError};
use super::messages::{self, Limit};
use super::scan::{MAX_DEPTH, MAX_NODES};
use crate::model::validate::Diagnostic;
use crate::model::{Lang, Raw, Short};
use std::borrow::Cow;
use yaml_rust2::parser::Tag;
use yaml_rust2::scanner::TScalarStyle;

/// After this many wrong values the file is clearly not a board; stop reading it.
const MAX_TYPE_ERRORS: usize = 100;

/// Values may nest at most this deep by indentation (brackets: [`MAX_DEPTH`]).
const MAX_NESTING: usize = 128;

/// Why reading stopped before the end.
pub(super) enum Fatal {
    /// Malformed YAML or a limit, at its position.
    Syntax(Diagnostic),
    /// Too many values of the wrong type.
    TooMany,
}

/// A type read from one node of the stream.
pub(super) trait Read: Sized {
    /// What a wrong value is told it should have been (serde's words, which `messages` knows).
    const EXPECTED: &'static str;
    /// Reads the node that starts with `ev`; `None` (after reporting it) when it is of the wrong
    /// type.
    fn read<'a>(r: &mut Reader<'a, '_>, ev: Event<'a>, at: Mark) -> Result<Option<Self>, Fatal>;
}

/// One step of a field path (`tasks[3].deadline`).
enum Step {
    Key(&'static str),
    Index(usize),
}

/// Called now and then with how many bytes of how many have been read.
pub(super) type Progress<'p> = &'p mut dyn FnMut(usize, usize);

/// The reading state: the events, where in the board they are, and what went wrong.
pub(super) struct Reader<'a, 'p> {
    src: Source<'a>,
    text: &'a str,
    lang: Lang,
    path: Vec<Step>,
    errors: Vec<Diagnostic>,
    /// Tags on values of known keys, which a rewrite does not keep, and where.
    tags: Vec<(String, usize, usize)>,
    /// The lists and mappings being read, outermost first: whether each is in brackets. Kept
    /// rather than looked up again on leaving, which would step back over the whole value.
    open: Vec<bool>,
    /// How many of them are in brackets.
    brackets: usize,
    /// Where the node last handed to typed reading starts.
    node_at: Option<Mark>,
    events: usize,
    progress: Option<Progress<'p>>,
    /// How many items the task list holds, when counted ahead, so it is read into a list of
    /// that size rather than one grown by doubling.
    task_capacity: usize,
}

/// What was read of a board file.
pub(super) struct Reading {
    /// The file; `None` when reading gave up on too many wrong values.
    pub file: Option<FileBoard>,
    /// One error per wrong value, with positions.
    pub errors: Vec<Diagnostic>,
    /// Tags on values of known keys, with line and column.
    pub tags: Vec<(String, usize, usize)>,
}

fn pos(at: Mark) -> (usize, usize) {
    (at.line(), at.col() + 1)
}

fn is_null(ev: &Event<'_>) -> bool {
    matches!(ev, Event::Scalar(v, TScalarStyle::Plain, ..) if matches!(v.as_ref(), "" | "~" | "null" | "Null" | "NULL"))
}

/// A whole number as YAML writes it: decimal, `0x`, `0o`, with a sign.
fn integer(s: &str) -> Option<i128> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let v = if let Some(h) = body.strip_prefix("0x") {
        i128::from_str_radix(h, 16).ok()?
    } else if let Some(o) = body.strip_prefix("0o") {
        i128::from_str_radix(o, 8).ok()?
    } else if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) {
        body.parse().ok()?
    } else {
        return None;
    };
    Some(if neg { -v } else { v })
}

fn boolean(s: &str) -> Option<bool> {
    match s {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

fn float(s: &str) -> Option<f64> {
    let lower = s.to_ascii_lowercase();
    match lower.trim_start_matches(['+', '-']) {
        ".inf" => {
            return Some(if s.starts_with('-') {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        ".nan" => return Some(f64::NAN),
        _ => {}
    }
    let digits = s.bytes().any(|b| b.is_ascii_digit());
    let shape = s
        .bytes()
        .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b));
    (digits && shape).then(|| s.parse().ok()).flatten()
}

/// How serde names a value it did not expect: `string "x"`, `integer `42``, `sequence` ….
fn describe(ev: &Event<'_>) -> String {
    match ev {
        Event::Scalar(v, TScalarStyle::Plain, ..) => {
            if is_null(ev) {
                "unit value".into()
            } else if let Some(b) = boolean(v) {
                format!("boolean `{b}`")
            } else if let Some(i) = integer(v) {
                format!("integer `{i}`")
            } else if let Some(f) = float(v) {
                format!("floating point `{f}`")
            } else {
                format!("string {v:?}")
            }
        }
        Event::Scalar(v, ..) => format!("string {v:?}"),
        Event::SequenceStart(..) => "sequence".into(),
        Event::MappingStart(..) => "map".into(),
        _ => "alias".into(),
    }
}

/// A tag as the file wrote it.
fn tag_text(t: &Tag) -> String {
    if t.handle == "tag:yaml.org,2002:" {
        format!("!!{}", t.suffix)
    } else if t.handle.is_empty() {
        if t.suffix == "!" {
            "!".into()
        } else {
            format!("!<{}>", t.suffix)
        }
    } else if t.handle.starts_with('!') {
        format!("{}{}", t.handle, t.suffix)
    } else {
        format!("!<{}{}>", t.handle, t.suffix)
    }
}

/// Tags that only say how a value is written, which the canonical form says its own way.
fn plain_tag(t: &Tag) -> bool {
    t.handle == "tag:yaml.org,2002:"
        && matches!(
            t.suffix.as_str(),
            "str" | "int" | "float" | "bool" | "null" | "seq" | "map"
        )
}

/// An unknown key's scalar: text where the canonical form writes it the same way, otherwise a
/// plain scalar kept exactly as written (`0x1F`, `1.10`, `+12`, a 20-digit number).
fn scalar_raw(v: Cow<'_, str>, style: TScalarStyle) -> Raw {
    let v = v.into_owned();
    if style != TScalarStyle::Plain {
        return Raw::Str(v);
    }
    if v.is_empty() || v == "~" {
        return Raw::Null;
    }
    // `<<` is text to this program; the canonical form writes it as a merge key where it is one.
    if plain_ok(&v, false) || v == "<<" {
        return Raw::Str(v);
    }
    // A number or truth value spelled as the canonical form spells it is held as one.
    if let Some(i) = integer(&v).filter(|i| i.to_string() == v) {
        if let Ok(i) = i64::try_from(i) {
            return Raw::Int(i);
        }
        if let Ok(u) = u64::try_from(i) {
            return Raw::UInt(u);
        }
    }
    if let Some(f) = float(&v).filter(|f| emit::float(*f) == v) {
        return Raw::Float(f);
    }
    match v.as_str() {
        "true" => Raw::Bool(true),
        "false" => Raw::Bool(false),
        // Only printable ASCII on one line is kept as written: anything else gets the escapes
        // of a quoted string, which every reader takes the same way.
        _ if v.bytes().all(|b| (b' '..=b'~').contains(&b)) => Raw::Plain(v),
        _ => Raw::Str(v),
    }
}

/// The parser's message said where a clerk should look: an unclosed bracket is named where it
/// was opened, and a tab in the indentation where the tab is (the parser places both later or
/// earlier than they are).
fn plainer(text: &str, info: &str, at: (usize, usize)) -> (String, (usize, usize)) {
    if info.contains("tab") {
        let tab = text
            .lines()
            .enumerate()
            .skip(at.0.saturating_sub(1))
            .find_map(|(i, l)| {
                let indent = &l[..l.len() - l.trim_start().len()];
                indent
                    .find('\t')
                    .map(|c| (i + 1, indent[..c].chars().count() + 1))
            });
        if let Some(tab) = tab {
            return (
                "found a tab character that violates indentation".into(),
                tab,
            );
        }
    }
    if let Some((line, col, bracket)) = super::scan::open_bracket(text, at.0) {
        if line < at.0 {
            let (close, kind) = if bracket == '{' {
                ('}', "mapping")
            } else {
                (']', "sequence")
            };
            return (
                format!("did not find expected ',' or '{close}', while parsing a flow {kind} at line {line} column {col}"),
                at,
            );
        }
    }
    (info.to_string(), at)
}

impl<'a, 'p> Reader<'a, 'p> {
    fn new(text: &'a str, lang: Lang, progress: Option<Progress<'p>>) -> Reader<'a, 'p> {
        Reader {
            src: Source::new(text),
            text,
            lang,
            path: Vec::new(),
            errors: Vec::new(),
            tags: Vec::new(),
            open: Vec::new(),
            brackets: 0,
            node_at: None,
            events: 0,
            progress,
            task_capacity: 0,
        }
    }

    /// The room to make for the list being read: the counted tasks for the task list.
    fn list_capacity(&mut self) -> usize {
        match self.path.as_slice() {
            [Step::Key("tasks")] => std::mem::take(&mut self.task_capacity),
            _ => 0,
        }
    }

    fn syntax(&self, e: &SyntaxError) -> Fatal {
        // The parser may stop inside what the pre-scan would have refused (it runs ahead of the
        // reader in brackets): then the limit is the news.
        if let Err(limit) = super::scan::scan(self.text) {
            return self.limit(limit.into());
        }
        let (message, at) = plainer(self.text, &e.info, pos(e.at));
        let mut d = Diagnostic::error("", messages::localize(&message, self.lang));
        d.pos = Some(at);
        Fatal::Syntax(d)
    }

    fn next(&mut self) -> Result<(Event<'a>, Mark), Fatal> {
        self.events += 1;
        if self.events > MAX_NODES {
            let (line, col) = self.src.current().map_or((1, 1), pos);
            return Err(self.limit(Limit::Nodes(line, col)));
        }
        if self.events.is_multiple_of(8192) {
            if let Some(p) = self.progress.as_mut() {
                let done = self.src.bytes_read();
                p(done, self.text.len());
            }
        }
        self.src.next().map_err(|e| self.syntax(&e))
    }

    /// The next node for typed reading: aliases expanded, anchored values remembered.
    fn node(&mut self) -> Result<(Event<'a>, Mark), Fatal> {
        let (ev, at) = self.next()?;
        self.resolve(ev, at)
    }

    /// The node that starts with `ev`, or with the events it stands for.
    fn resolve(&mut self, ev: Event<'a>, at: Mark) -> Result<(Event<'a>, Mark), Fatal> {
        let (mut ev, mut at) = (ev, at);
        loop {
            match ev {
                Event::Alias(id) => {
                    let v = self.src.anchor(id, at).map_err(|e| self.syntax(&e))?;
                    self.src.replay(&v, at);
                }
                Event::Scalar(_, _, ref p)
                | Event::SequenceStart(ref p)
                | Event::MappingStart(ref p)
                    if p.anchor() != 0 =>
                {
                    let v = self.raw(ev, at)?;
                    self.src.replay(&v, at);
                }
                ev => {
                    self.node_at = Some(at);
                    return Ok((ev, at));
                }
            }
            (ev, at) = self.next()?;
        }
    }

    fn path(&self) -> String {
        let mut out = String::new();
        for s in &self.path {
            match s {
                Step::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Step::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }

    fn error(&mut self, message: &str, at: Mark) -> Result<(), Fatal> {
        if self.errors.len() >= MAX_TYPE_ERRORS {
            return Err(Fatal::TooMany);
        }
        let mut d = Diagnostic::error(self.path(), messages::localize(message, self.lang));
        d.pos = Some(pos(at));
        self.errors.push(d);
        Ok(())
    }

    /// Reports a value of the wrong type and reads past it.
    pub fn wrong(&mut self, ev: Event<'a>, at: Mark, expected: &str) -> Result<(), Fatal> {
        let message = format!("invalid type: {}, expected {expected}", describe(&ev));
        self.error(&message, at)?;
        // `at` may be the key's place, for the message; the value is read from where it starts.
        let start = self.node_at.unwrap_or(at);
        self.raw(ev, start).map(drop)
    }

    /// Reads the value of the known key `name` of the mapping being read.
    /// Problems with the value itself are placed at its key, where the field starts.
    pub fn field<T: Read>(&mut self, name: &'static str, key_at: Mark) -> Result<Option<T>, Fatal> {
        self.path.push(Step::Key(name));
        let (ev, at) = self.next()?;
        if let Some(t) = match &ev {
            Event::Scalar(_, _, p) | Event::SequenceStart(p) | Event::MappingStart(p) => p.tag(),
            _ => None,
        } {
            if !plain_tag(t) && self.tags.len() < 20 {
                let (line, col) = pos(key_at);
                self.tags.push((tag_text(t), line, col));
            }
        }
        let (ev, _) = self.resolve(ev, at)?;
        let v = if is_null(&ev) {
            None
        } else {
            T::read(self, ev, key_at)?
        };
        self.path.pop();
        Ok(v)
    }

    /// Reads the value of an unknown key, as written.
    pub fn unknown(&mut self) -> Result<Raw, Fatal> {
        let (ev, at) = self.next()?;
        self.raw(ev, at)
    }

    /// Reports a known key given twice and reads past its second value.
    pub fn duplicate(&mut self, name: &'static str, at: Mark) -> Result<(), Fatal> {
        self.path.push(Step::Key(name));
        self.error(&format!("duplicate key `{name}`"), at)?;
        self.path.pop();
        self.unknown().map(drop)
    }

    /// Reads a mapping, handing each key to `f`, which reads its value. False when the node is
    /// not a mapping (reported).
    pub fn mapping(
        &mut self,
        ev: Event<'a>,
        at: Mark,
        mut f: impl FnMut(&mut Self, Cow<'a, str>, Mark) -> Result<(), Fatal>,
    ) -> Result<bool, Fatal> {
        if !matches!(ev, Event::MappingStart(..)) {
            self.wrong(ev, at, "a mapping")?;
            return Ok(false);
        }
        let start = self.enter_typed()?;
        loop {
            let (key, key_at) = self.node()?;
            match key {
                Event::MappingEnd => {
                    self.leave_typed(start);
                    return Ok(true);
                }
                Event::Scalar(k, ..) => f(self, k, key_at)?,
                other => {
                    // A list or mapping as a key: not a name any board field has.
                    self.wrong(other, key_at, "text")?;
                    self.unknown()?;
                }
            }
        }
    }

    /// Goes into the list or mapping typed reading was just handed; its start, to leave it.
    fn enter_typed(&mut self) -> Result<Option<Mark>, Fatal> {
        let start = self.node_at;
        if let Some(at) = start {
            self.enter(at)?;
        }
        Ok(start)
    }

    fn leave_typed(&mut self, start: Option<Mark>) {
        if start.is_some() {
            self.leave();
        }
    }

    fn limit(&self, l: Limit) -> Fatal {
        Fatal::Syntax(super::limit_diagnostic(l, self.lang))
    }

    /// Goes one level deeper into a list or mapping that starts at `at`.
    fn enter(&mut self, at: Mark) -> Result<(), Fatal> {
        let bracket = self.src.opens_bracket(at);
        self.open.push(bracket);
        if bracket {
            self.brackets += 1;
            if self.brackets > MAX_DEPTH {
                let (line, col) = pos(at);
                return Err(self.limit(Limit::Depth(line, col)));
            }
        }
        if self.open.len() > MAX_NESTING {
            return Err(self.syntax(&SyntaxError::new(at, "recursion limit exceeded")));
        }
        Ok(())
    }

    fn leave(&mut self) {
        if self.open.pop() == Some(true) {
            self.brackets -= 1;
        }
    }

    /// Reads a value as written: kept for unknown keys, and for anchored values.
    fn raw(&mut self, ev: Event<'a>, at: Mark) -> Result<Raw, Fatal> {
        let (anchor, tag, v) = match ev {
            Event::Alias(id) => {
                let name = self.src.alias_name(at);
                let v = self.src.anchor(id, at).map_err(|e| self.syntax(&e))?;
                return Ok(Raw::Alias(name, v));
            }
            Event::Scalar(v, style, props) => {
                let (anchor, tag) = props.into_parts();
                let name = (anchor != 0).then(|| self.src.anchor_name(anchor, at));
                (name.map(|n| (anchor, n)), tag, scalar_raw(v, style))
            }
            Event::SequenceStart(props) => {
                let (anchor, tag) = props.into_parts();
                let name = (anchor != 0).then(|| self.src.anchor_name(anchor, at));
                self.enter(at)?;
                let mut items = Vec::new();
                loop {
                    let (ev, at) = self.next()?;
                    if matches!(ev, Event::SequenceEnd) {
                        break;
                    }
                    items.push(self.raw(ev, at)?);
                }
                self.leave();
                (name.map(|n| (anchor, n)), tag, Raw::Seq(items))
            }
            Event::MappingStart(props) => {
                let (anchor, tag) = props.into_parts();
                let name = (anchor != 0).then(|| self.src.anchor_name(anchor, at));
                self.enter(at)?;
                let mut entries = Vec::new();
                loop {
                    let (ev, at) = self.next()?;
                    if matches!(ev, Event::MappingEnd) {
                        break;
                    }
                    let k = self.raw(ev, at)?;
                    let (ev, at) = self.next()?;
                    entries.push((k, self.raw(ev, at)?));
                }
                self.leave();
                (name.map(|n| (anchor, n)), tag, Raw::Map(entries))
            }
            _ => {
                return Err(self.syntax(&SyntaxError::new(at, "did not find expected node content")))
            }
        };
        let v = match tag {
            Some(t) => Raw::Tagged(tag_text(&t), Box::new(v)),
            None => v,
        };
        Ok(match anchor {
            Some((id, name)) => {
                self.src.set_anchor(id, &v);
                Raw::Anchored(name, Box::new(v))
            }
            None => v,
        })
    }
}

/// A value's text as a board keeps it: in place when short (most ids and names), else fitted to
/// its size (the parser grows a text as it reads it: a title of 45 bytes has room for 64).
fn snug(v: Cow<'_, str>) -> Short {
    match v {
        Cow::Borrowed(s) => Short::from(s),
        Cow::Owned(mut v) => {
            if v.len() > SHORT_INLINE && v.capacity() - v.len() >= 16 {
                v.shrink_to_fit();
            }
            Short::from(v)
        }
    }
}

/// How many bytes a [`Short`] holds in place.
const SHORT_INLINE: usize = std::mem::size_of::<Short>();

impl Read for Text {
    const EXPECTED: &'static str = "text";
    fn read<'a>(r: &mut Reader<'a, '_>, ev: Event<'a>, at: Mark) -> Result<Option<Self>, Fatal> {
        match ev {
            Event::Scalar(v, ..) => Ok(Some(Text(snug(v)))),
            ev => r.wrong(ev, at, Self::EXPECTED).map(|_| None),
        }
    }
}

impl Read for TextList {
    const EXPECTED: &'static str = "a list of ids";
    fn read<'a>(r: &mut Reader<'a, '_>, ev: Event<'a>, at: Mark) -> Result<Option<Self>, Fatal> {
        match ev {
            Event::Scalar(v, ..) => Ok(Some(TextList::split(&v))),
            Event::SequenceStart(..) => {
                let start = r.enter_typed()?;
                let mut out = Vec::new();
                loop {
                    let (ev, at) = r.node()?;
                    let null = is_null(&ev);
                    match ev {
                        Event::SequenceEnd => {
                            r.leave_typed(start);
                            out.shrink_to_fit();
                            return Ok(Some(TextList(out)));
                        }
                        Event::Scalar(v, ..) if !null => out.push(snug(v)),
                        ev => {
                            r.path.push(Step::Index(out.len()));
                            r.wrong(ev, at, Text::EXPECTED)?;
                            r.path.pop();
                        }
                    }
                }
            }
            ev => r.wrong(ev, at, Self::EXPECTED).map(|_| None),
        }
    }
}

impl Read for u32 {
    const EXPECTED: &'static str = "u32";
    fn read<'a>(r: &mut Reader<'a, '_>, ev: Event<'a>, at: Mark) -> Result<Option<Self>, Fatal> {
        if let Event::Scalar(v, TScalarStyle::Plain, ..) = &ev {
            if let Some(i) = integer(v) {
                return match u32::try_from(i) {
                    Ok(n) => Ok(Some(n)),
                    Err(_) => {
                        let message = format!("invalid value: integer `{i}`, expected u32");
                        r.error(&message, at).map(|_| None)
                    }
                };
            }
        }
        r.wrong(ev, at, Self::EXPECTED).map(|_| None)
    }
}

impl Read for bool {
    const EXPECTED: &'static str = "a boolean";
    fn read<'a>(r: &mut Reader<'a, '_>, ev: Event<'a>, at: Mark) -> Result<Option<Self>, Fatal> {
        if let Event::Scalar(v, TScalarStyle::Plain, ..) = &ev {
            if let Some(b) = boolean(v) {
                return Ok(Some(b));
            }
        }
        r.wrong(ev, at, Self::EXPECTED).map(|_| None)
    }
}

impl<T: Read + Default> Read for Vec<T> {
    const EXPECTED: &'static str = "a sequence";
    fn read<'a>(r: &mut Reader<'a, '_>, ev: Event<'a>, at: Mark) -> Result<Option<Self>, Fatal> {
        if !matches!(ev, Event::SequenceStart(..)) {
            return r.wrong(ev, at, Self::EXPECTED).map(|_| None);
        }
        let start = r.enter_typed()?;
        let mut out = Vec::with_capacity(r.list_capacity());
        loop {
            let (ev, at) = r.node()?;
            if matches!(ev, Event::SequenceEnd) {
                r.leave_typed(start);
                // A list grows by doubling, from four: a task's two progress entries would
                // keep room for four. A board keeps what it reads, so it keeps only that.
                out.shrink_to_fit();
                return Ok(Some(out));
            }
            r.path.push(Step::Index(out.len()));
            // A wrong item stays in the list, empty, so later items keep their places.
            out.push(T::read(r, ev, at)?.unwrap_or_default());
            r.path.pop();
        }
    }
}

/// Reads a board file's text (without a byte-order mark); fails on malformed YAML, a limit, or a
/// document that is not a mapping.
pub(super) fn read(
    text: &str,
    lang: Lang,
    progress: Option<Progress<'_>>,
) -> Result<Reading, Diagnostic> {
    read_sized(text, lang, progress, 0)
}

/// [`read`], making room for `tasks` items in the task list.
pub(super) fn read_sized(
    text: &str,
    lang: Lang,
    progress: Option<Progress<'_>>,
    tasks: usize,
) -> Result<Reading, Diagnostic> {
    let mut r = Reader::new(text, lang, progress);
    r.task_capacity = tasks;
    match read_document(&mut r) {
        Ok(file) => Ok(Reading {
            file: Some(file),
            errors: r.errors,
            tags: r.tags,
        }),
        Err(Fatal::Syntax(d)) => Err(d),
        Err(Fatal::TooMany) => {
            let mut errors = r.errors;
            errors.push(Diagnostic::error(
                "",
                lang.pick(
                    "类型不对的值太多，已停止检查；请先修正以下问题后再检查",
                    "too many values of the wrong type; checking stopped: fix these and check again",
                ),
            ));
            Ok(Reading {
                file: None,
                errors,
                tags: r.tags,
            })
        }
    }
}

/// Reads text the program wrote itself (a task block, a recovery record): `None` unless it is
/// a board without a single wrong value.
pub(super) fn read_exact(text: &str) -> Option<FileBoard> {
    match read(text, Lang::En, None) {
        Ok(Reading {
            file: Some(file),
            errors,
            ..
        }) if errors.is_empty() => Some(file),
        _ => None,
    }
}

/// Reads the rest of a task list cut at an item's first line: a block list of `tasks` items and
/// nothing after it. `None` unless every value is read exactly as in the whole file: no wrong
/// value, no tag on a known key (their places would be the piece's, not the file's).
pub(super) fn read_tasks(text: &str, lang: Lang, tasks: usize) -> Option<Vec<FileTask>> {
    let mut r = Reader::new(text, lang, None);
    r.task_capacity = tasks;
    r.path.push(Step::Key("tasks"));
    // The board's own mapping holds the list in the whole file: nesting is counted from there.
    r.open.push(false);
    let read = (|| {
        loop {
            match r.next()?.0 {
                Event::DocumentStart => break,
                Event::StreamEnd => return Ok(None),
                _ => {}
            }
        }
        let (ev, at) = r.node()?;
        let list = Vec::<FileTask>::read(&mut r, ev, at)?;
        let rest = r.next()?.0;
        Ok::<_, Fatal>(list.filter(|_| matches!(rest, Event::DocumentEnd)))
    })();
    let list = read.ok()??;
    (r.errors.is_empty() && r.tags.is_empty() && matches!(r.next(), Ok((Event::StreamEnd, _))))
        .then_some(list)
}

fn read_document(r: &mut Reader<'_, '_>) -> Result<FileBoard, Fatal> {
    loop {
        match r.next()?.0 {
            Event::DocumentStart => break,
            // Nothing but comments: a board with nothing in it, which checking says.
            Event::StreamEnd => return Ok(FileBoard::default()),
            _ => {}
        }
    }
    let (ev, at) = r.node()?;
    let file = if is_null(&ev) {
        FileBoard::default()
    } else if matches!(ev, Event::MappingStart(..)) {
        FileBoard::read(r, ev, at)?.unwrap_or_default()
    } else {
        let message = format!("invalid type: {}, expected a mapping", describe(&ev));
        // Read through first: a limit it goes over is the better news.
        r.raw(ev, at)?;
        let mut d = Diagnostic::error("", messages::localize(&message, r.lang));
        d.pos = Some(pos(at));
        return Err(Fatal::Syntax(d));
    };
    loop {
        let (ev, at) = r.next()?;
        match ev {
            Event::StreamEnd => return Ok(file),
            Event::DocumentStart => {
                let message =
                    "deserializing from YAML containing more than one document is not supported";
                let mut d = Diagnostic::error("", messages::localize(message, r.lang));
                d.pos = Some(pos(at));
                return Err(Fatal::Syntax(d));
            }
            _ => {}
        }
    }
}
