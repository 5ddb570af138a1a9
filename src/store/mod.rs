//! Board files in and out: the only module that knows about YAML.

mod aliases;
mod build;
mod cache;
mod emit;
mod event;
mod events;
mod file;
mod halves;
mod journal;
mod lock;
mod lossy;
mod mark;
mod messages;
mod patch;
mod quick;
mod read;
mod reader;
mod recovery;
mod save;
mod scan;
mod spans;
#[cfg(test)]
mod testing;

pub use aliases::MAX_ALIAS_BYTES;
pub use build::parse_date;
pub use cache::SnapshotDue;
pub use emit::{to_yaml, write_yaml};
pub use lock::{clean_leftovers, lock, lock_path, BoardLock};
pub use recovery::{
    append_recovery, pending_recovery, recovery_path, remove_file_if_there, write_recovery, Pending,
};
pub use save::{
    backup_path, save, save_merging, save_with, writable, write_atomic, write_beside,
    write_new_beside, Comments, SaveError, SaveOutcome,
};
pub use scan::{MAX_DEPTH, MAX_NODES};

use crate::model::validate::{validate, Diagnostic, Severity};
use crate::model::{Board, Lang};
use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

/// Files larger than this are refused rather than read into memory (64 MiB: a board of 100,000
/// tasks, a city's years of 台账, takes about 33 MiB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The identity of a file's content, to notice that someone else saved it meanwhile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    hash: [u8; 32],
}

impl DiskStamp {
    /// The stamp of some bytes: their length and BLAKE3 hash, which also names their snapshot.
    pub fn of(bytes: &[u8]) -> DiskStamp {
        DiskStamp {
            len: bytes.len() as u64,
            hash: *blake3::hash(bytes).as_bytes(),
        }
    }

    /// The hash in hexadecimal.
    pub fn hex(&self) -> String {
        self.hash.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The stamp written as `len:hex` by [`DiskStamp::written`].
    fn read(s: &str) -> Option<DiskStamp> {
        let (len, hex) = s.split_once(':')?;
        if hex.len() != 64 || !hex.is_ascii() {
            return None;
        }
        let mut hash = [0u8; 32];
        for (i, b) in hash.iter_mut().enumerate() {
            *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(DiskStamp {
            len: len.parse().ok()?,
            hash,
        })
    }

    /// The stamp as one word, for a file header.
    fn written(&self) -> String {
        format!("{}:{}", self.len, self.hex())
    }
}

/// A board read from text, with every problem found in it.
#[derive(Debug)]
pub struct Parsed {
    /// The board (usable only when `diagnostics` holds no error).
    pub board: Board,
    /// Errors and warnings, with positions.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the text has YAML comments, which saving drops.
    pub has_comments: bool,
}

/// A board read from a file.
#[derive(Debug)]
pub struct Loaded {
    /// The board and its problems.
    pub parsed: Parsed,
    /// What the file held when it was read.
    pub disk: DiskStamp,
}

/// Why a file could not be read as a board at all.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be opened or read.
    Io(PathBuf, std::io::Error),
    /// The path is a directory.
    IsDir(PathBuf),
    /// The path is a FIFO, a device or a socket, not a regular file.
    NotRegular(PathBuf),
    /// The file holds nothing but white space.
    Empty(PathBuf),
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge(PathBuf, u64),
    /// The bytes are not UTF-8; the line of the first bad byte.
    NotUtf8(PathBuf, usize),
    /// The bytes look like UTF-16 (or UTF-32) text.
    Utf16(PathBuf),
    /// Malformed YAML, or a document that is not a mapping; in the language the file seems to use.
    Syntax(PathBuf, Diagnostic, Lang),
}

impl LoadError {
    /// The message in the given language, naming the file (and line when known); printable as
    /// it is (see [`crate::model::text::printable`]).
    pub fn message(&self, lang: Lang) -> String {
        crate::model::text::printable(&self.message_raw(lang)).into_owned()
    }

    fn message_raw(&self, lang: Lang) -> String {
        match self {
            LoadError::Io(p, e) => match lang {
                Lang::Zh => format!("{}: 无法读取: {e}", p.display()),
                Lang::En => format!("{}: cannot read: {e}", p.display()),
            },
            LoadError::IsDir(p) => match lang {
                Lang::Zh => format!("{}: 这是一个目录，不是看板文件", p.display()),
                Lang::En => format!("{}: is a directory, not a board file", p.display()),
            },
            LoadError::Empty(p) => match lang {
                Lang::Zh => format!("{}: 文件为空，不是看板文件", p.display()),
                Lang::En => format!("{}: the file is empty, not a board file", p.display()),
            },
            LoadError::NotRegular(p) => match lang {
                Lang::Zh => format!("{}: 不是普通文件（管道、设备或套接字），不是看板文件", p.display()),
                Lang::En => format!("{}: not a regular file (a pipe, a device or a socket), not a board file", p.display()),
            },
            LoadError::TooLarge(p, n) => match lang {
                Lang::Zh => format!("{}: 文件过大（{n} 字节，上限 {} MiB）", p.display(), MAX_FILE_BYTES >> 20),
                Lang::En => format!("{}: file too large ({n} bytes; the limit is {} MiB)", p.display(), MAX_FILE_BYTES >> 20),
            },
            LoadError::Utf16(p) => match lang {
                Lang::Zh => format!("{}: 文件是 UTF-16 编码，不是 UTF-8（请先转换：iconv -f UTF-16 -t UTF-8）", p.display()),
                Lang::En => format!("{}: the file is UTF-16, not UTF-8 (convert it: iconv -f UTF-16 -t UTF-8)", p.display()),
            },
            LoadError::NotUtf8(p, line) => match lang {
                Lang::Zh => format!("{}:{line}: 文件不是 UTF-8 编码（如为 GBK，请先转换：iconv -f GBK -t UTF-8）", p.display()),
                Lang::En => format!("{}:{line}: the file is not UTF-8 (if it is GBK, convert it: iconv -f GBK -t UTF-8)", p.display()),
            },
            // The message was written in the file's language; the rest of its line follows it.
            LoadError::Syntax(p, d, file_lang) => d.render(&p.display().to_string(), *file_lang),
        }
    }

    /// Whether the file could not be read at all (as opposed to read but not understood).
    pub fn is_unreadable(&self) -> bool {
        !matches!(self, LoadError::Syntax(..))
    }
}

/// Cheap guess at the language of a text that failed to parse, for its error message.
fn guess_lang(text: &str) -> Lang {
    text.lines()
        .find_map(|l| {
            let v = l.strip_prefix("lang:")?;
            let v = v.split(" #").next().unwrap_or(v);
            Lang::parse(v.trim().trim_matches(['"', '\'']))
        })
        .unwrap_or_default()
}

/// Whether the text has YAML comments (a `#` at the start or after a blank, outside quotes and
/// block text); a text over the limits of the pre-scan is said to have some.
pub(crate) fn has_comments(text: &str) -> bool {
    scan::scan(text).map_or(true, |s| s.comments)
}

/// The error for a limit of the pre-scan, or of the aliases, at its position.
pub(super) fn limit_diagnostic(limit: messages::Limit, lang: Lang) -> Diagnostic {
    let mut d = Diagnostic::error("", messages::limit(limit, lang));
    d.pos = Some(limit.pos());
    d
}

/// Refuses text over the limits, before the YAML reader spends time and memory on it.
///
/// The reader bounds nesting and the number of values itself, as it goes; the pre-scan is what
/// tells comments apart from a `#` inside text, so a text without `#` needs none.
fn within_limits(text: &str, lang: Lang) -> Result<scan::Shape, Diagnostic> {
    let shape = if text.as_bytes().contains(&b'#') || may_hold_too_many(text) {
        scan::scan(text).map_err(|e| limit_diagnostic(e.into(), lang))?
    } else {
        scan::Shape::default()
    };
    // Without an anchor there is no alias, and nothing to expand.
    if text.as_bytes().contains(&b'&') {
        aliases::check(text).map_err(|e| limit_diagnostic(e.into(), lang))?;
    }
    Ok(shape)
}

/// Whether the text could hold more than [`MAX_NODES`] values: a value takes a line, a comma or
/// a bracket of its own, but a key and its value may share one.
fn may_hold_too_many(text: &str) -> bool {
    // Not even one value a byte: too short to count.
    if text.len() < MAX_NODES / 2 {
        return false;
    }
    let b = text.as_bytes();
    let separators =
        memchr::memchr_iter(b'\n', b).count() + memchr::memchr3_iter(b',', b'[', b'{', b).count();
    2 * (separators + 1) > MAX_NODES
}

/// Whether `path` is `under` itself or a field or item inside it.
fn is_within(path: &str, under: &str) -> bool {
    path.strip_prefix(under)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// Parses and checks board text.
pub fn parse(text: &str) -> Result<Parsed, Diagnostic> {
    parse_with(text, None)
}

/// [`parse`], telling `progress` now and then how many bytes of how many have been read.
pub fn parse_with(
    text: &str,
    progress: Option<&mut dyn FnMut(usize, usize)>,
) -> Result<Parsed, Diagnostic> {
    let read = read_text(text, progress)?;
    Ok(finish(read, || Some(Cow::Borrowed(text))))
}

/// What reading a board's text gave, before the board is built from it.
struct ReadText {
    reading: reader::Reading,
    has_comments: bool,
}

/// Reads board text: the limits, then the YAML.
fn read_text(
    text: &str,
    progress: Option<&mut dyn FnMut(usize, usize)>,
) -> Result<ReadText, Diagnostic> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        let lang = Lang::default();
        return Err(Diagnostic::error(
            "",
            lang.pick("文件为空", "the file is empty"),
        ));
    }
    let lang = guess_lang(text);
    let shape = within_limits(text, lang)?;
    let reading = halves::read(text, lang, progress)?;
    Ok(ReadText {
        reading,
        has_comments: shape.comments,
    })
}

/// Builds and checks the board read. The text is not needed for that, so a large board's text
/// need not be held while its board is built: `text` gives it again when a problem found after
/// reading must be placed (`None` when it cannot, and the problem keeps its field path only).
fn finish<'t>(read: ReadText, text: impl FnOnce() -> Option<Cow<'t, str>>) -> Parsed {
    let ReadText {
        reading,
        has_comments,
    } = read;
    let (file, mut diagnostics) = (reading.file, reading.errors);
    let board = match file {
        Some(file) => {
            let (board, built) = build::build(file);
            // A value of the wrong type was read as absent: what follows from that is not news.
            let wrong: Vec<String> = diagnostics.iter().map(|d| d.path.clone()).collect();
            let follows = |d: &Diagnostic| wrong.iter().any(|w| is_within(&d.path, w));
            diagnostics.extend(built.into_iter().filter(|d| !follows(d)));
            // Nor is a field reported twice in other words ("missing" and then "empty").
            let reported: std::collections::HashSet<String> = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| d.path.clone())
                .collect();
            diagnostics.extend(
                validate(&board)
                    .into_iter()
                    .filter(|d| !follows(d) && !reported.contains(&d.path)),
            );
            board
        }
        // So many wrong values that the rest would only be noise: those are the report.
        None => Board::default(),
    };
    // Problems found after reading are placed by a second, rarer pass over the text.
    if diagnostics.iter().any(|d| d.pos.is_none()) {
        if let Some(text) = text() {
            let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
            let at = spans::positions(text);
            for d in diagnostics.iter_mut().filter(|d| d.pos.is_none()) {
                d.pos = spans::locate(&at, &d.path);
            }
        }
    }
    diagnostics.extend(lossy::warnings(&reading.tags, board.lang()));
    if !diagnostics.is_empty() {
        // In file order, as an editor walks them; problems of the whole file first.
        diagnostics.sort_by_key(|d| d.pos);
    }
    Parsed {
        board,
        diagnostics,
        has_comments,
    }
}

/// Reads a board file, refusing directories, huge files and non-UTF-8 text with a clear error.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    load_with(path, None)
}

/// [`load`], telling `progress` now and then how many bytes of how many have been read, so a
/// large board can show how far it has got.
pub fn load_with(
    path: &Path,
    progress: Option<&mut dyn FnMut(usize, usize)>,
) -> Result<Loaded, LoadError> {
    let (loaded, due) = load_deferring(path, progress)?;
    if let Some(due) = due {
        due.write(&loaded.parsed.board);
    }
    Ok(loaded)
}

/// [`load_with`], leaving the snapshot of a large board just read from its YAML to be written
/// by the caller, once the board is on screen.
pub fn load_deferring(
    path: &Path,
    progress: Option<&mut dyn FnMut(usize, usize)>,
) -> Result<(Loaded, Option<SnapshotDue>), LoadError> {
    let mut bytes = read_bytes(path)?;
    let disk = DiskStamp::of(&bytes);
    let keep = bytes.len() >= cache::MIN_BYTES;
    if keep && cache::has(&disk) {
        // The text is not needed while the snapshot is read: a large board's memory is its board.
        drop(bytes);
        if let Some(parsed) = cache::get(&disk) {
            return Ok((Loaded { parsed, disk }, None));
        }
        bytes = read_bytes(path)?;
        if DiskStamp::of(&bytes) != disk {
            // Saved meanwhile: read what is there now.
            return load_deferring(path, progress);
        }
    }
    let text = read::text(path, &bytes)?;
    if text.trim_start_matches('\u{FEFF}').trim().is_empty() {
        return Err(LoadError::Empty(path.to_path_buf()));
    }
    let read = read_text(text, progress)
        .map_err(|d| LoadError::Syntax(path.to_path_buf(), d, guess_lang(text)))?;
    // The board is built without its text: at 100,000 tasks that is 33 MB less at the peak.
    drop(bytes);
    let parsed = finish(read, || text_again(path, &disk));
    let due = keep.then(|| SnapshotDue::of(disk, &parsed));
    Ok((Loaded { parsed, disk }, due))
}

/// The text of a board file read again to place problems found after reading, when it still
/// has the bytes that were read (`disk`).
fn text_again(path: &Path, disk: &DiskStamp) -> Option<Cow<'static, str>> {
    let bytes = read_bytes(path).ok()?;
    (DiskStamp::of(&bytes) == *disk)
        .then(|| String::from_utf8(bytes).ok().map(Cow::Owned))
        .flatten()
}

/// The language a board file says it is in (`lang:`), read from its first 64 KiB before the
/// board is: what a progress line shown while a large board is read is written in.
pub fn peek_lang(path: &Path) -> Lang {
    use std::io::Read;
    // Only a regular file: opening a FIFO to read would wait for a writer.
    let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file());
    let mut head = Vec::new();
    if regular {
        if let Ok(file) = std::fs::File::open(path) {
            let _ = file.take(64 * 1024).read_to_end(&mut head);
        }
    }
    let text = match std::str::from_utf8(&head) {
        Ok(t) => t,
        // Cut inside a character, or not UTF-8: what comes before.
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default(),
    };
    guess_lang(text.strip_prefix('\u{FEFF}').unwrap_or(text))
}

/// Reads a file's bytes with the checks of [`load`]: regular files only (a FIFO or a device is
/// refused at once), at most [`MAX_FILE_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read::bytes(path)
}

/// Runs the YAML parser over the text and drops its events: the floor the benchmarks compare
/// loading with.
pub fn bare_parse(text: &str) -> bool {
    let mut parser = yaml_rust2::parser::Parser::new_from_str(text);
    loop {
        match parser.next_token() {
            Ok((yaml_rust2::parser::Event::StreamEnd, _)) => return true,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_noticed_outside_quotes_only() {
        assert!(has_comments("# top\ntitle: x\n"));
        assert!(has_comments("title: x # note\n"));
        assert!(!has_comments("title: \"a # b\"\nnote: 'c # d'\n"));
        assert!(!has_comments("title: C#语言\n"));
    }

    /// A board is built after its text is let go; a problem found then is still placed, from
    /// the file read again.
    #[test]
    fn problems_found_after_reading_a_file_keep_their_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.yaml");
        let text = "\u{FEFF}title: 督查\nphases:\n  - {id: p1, name: 一, start: 2024-01-01, end: 2024-02-01}\nunits:\n  - {id: u1, name: 甲}\ntasks:\n  - id: T1\n    title: 一\n    phase: p1\n    lead: nobody\n";
        std::fs::write(&path, text).unwrap();
        let loaded = load(&path).unwrap();
        let lead = loaded
            .parsed
            .diagnostics
            .iter()
            .find(|d| d.path == "tasks[0].lead");
        assert_eq!(
            lead.and_then(|d| d.pos).map(|p| p.0),
            Some(10),
            "{:?}",
            loaded.parsed.diagnostics
        );
        // Changed on disk meanwhile: the place cannot be trusted, so none is given.
        let disk = DiskStamp::of(b"other bytes");
        assert!(text_again(&path, &disk).is_none());
        assert!(text_again(&path, &DiskStamp::of(text.as_bytes())).is_some());
    }
}
