//! Board files in and out: the only module that knows about YAML.

mod build;
mod de;
mod emit;
mod journal;
mod lenient;
mod lock;
mod messages;
mod patch;
mod recovery;
mod save;
mod spans;

pub use build::parse_date;
pub use emit::to_yaml;
pub use lock::{clean_leftovers, lock, lock_path, BoardLock};
pub use recovery::{
    append_recovery, pending_recovery, recovery_path, remove_file_if_there, write_recovery, Pending,
};
pub use save::{
    backup_path, save, save_merging, save_with, writable, write_atomic, write_beside,
    write_new_beside, Comments, SaveError, SaveOutcome,
};

use crate::model::validate::{validate, Diagnostic, Severity};
use crate::model::{Board, Lang};
use std::fmt;
use std::path::{Path, PathBuf};

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The identity of a file's content, to notice that someone else saved it meanwhile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    hash: u64,
}

impl DiskStamp {
    /// The stamp of some bytes (FNV-1a: stable across runs and Rust versions).
    pub fn of(bytes: &[u8]) -> DiskStamp {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        DiskStamp {
            len: bytes.len() as u64,
            hash: h,
        }
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
    /// The file holds nothing but white space.
    Empty(PathBuf),
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge(PathBuf, u64),
    /// The bytes are not UTF-8; the line of the first bad byte.
    NotUtf8(PathBuf, usize),
    /// Malformed YAML, or a document that is not a mapping; in the language the file seems to use.
    Syntax(PathBuf, Diagnostic, Lang),
}

impl LoadError {
    /// The message in the given language, naming the file (and line when known).
    pub fn message(&self, lang: Lang) -> String {
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
            LoadError::TooLarge(p, n) => match lang {
                Lang::Zh => format!("{}: 文件过大（{n} 字节，上限 {MAX_FILE_BYTES}）", p.display()),
                Lang::En => format!("{}: file too large ({n} bytes, limit {MAX_FILE_BYTES})", p.display()),
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

/// Whether the text has YAML comments (a `#` at the start or after a space, outside quotes).
pub(crate) fn has_comments(text: &str) -> bool {
    text.lines().any(|line| {
        let (mut single, mut double, mut prev) = (false, false, ' ');
        for c in line.chars() {
            match c {
                '\'' if !double => single = !single,
                '"' if !single && prev != '\\' => double = !double,
                '#' if !single && !double && (prev == ' ' || prev == '\t') => return true,
                _ => {}
            }
            prev = c;
        }
        false
    })
}

/// Splits serde_yaml's "path: message at line L column C" into its parts.
///
/// Only the position that is reported separately is cut out of the message: a syntax error may
/// name a second one ("while parsing a flow mapping at line 3 column 5"), which says where the
/// unclosed bracket was opened.
fn syntax_diagnostic(err: &serde_yaml::Error, lang: Lang) -> Diagnostic {
    let full = err.to_string();
    let at = err
        .location()
        .map(|l| format!(" at line {} column {}", l.line(), l.column()));
    let msg = match at
        .as_deref()
        .and_then(|a| full.find(a).map(|i| (i, a.len())))
    {
        Some((i, n)) => format!("{}{}", &full[..i], &full[i + n..]),
        None => full,
    };
    let (path, detail) = match msg.split_once(": ") {
        Some((p, rest)) if !p.is_empty() && !p.contains(char::is_whitespace) => (p, rest),
        _ => ("", msg.as_str()),
    };
    let mut d = Diagnostic::error(path, messages::localize(detail, lang));
    d.pos = err.location().map(|l| (l.line(), l.column()));
    d
}

/// Whether `path` is `under` itself or a field or item inside it.
fn is_within(path: &str, under: &str) -> bool {
    path.strip_prefix(under)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// Parses and checks board text.
pub fn parse(text: &str) -> Result<Parsed, Diagnostic> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        let lang = Lang::default();
        return Err(Diagnostic::error(
            "",
            lang.pick("文件为空", "the file is empty"),
        ));
    }
    let (file, mut diagnostics) = match serde_yaml::from_str::<de::FileBoard>(text) {
        Ok(file) => (Some(file), Vec::new()),
        Err(e) => {
            let read = lenient::read(text, &e, guess_lang(text))?;
            (read.file, read.errors)
        }
    };
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
    if !diagnostics.is_empty() {
        let at = spans::positions(text);
        for d in &mut diagnostics {
            d.pos = spans::locate(&at, &d.path);
        }
        // In file order, as an editor walks them; problems of the whole file first.
        diagnostics.sort_by_key(|d| d.pos);
    }
    Ok(Parsed {
        board,
        diagnostics,
        has_comments: has_comments(text),
    })
}

/// Reads a board file, refusing directories, huge files and non-UTF-8 text with a clear error.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = read_bytes(path)?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        LoadError::NotUtf8(path.to_path_buf(), line)
    })?;
    if text.trim_start_matches('\u{FEFF}').trim().is_empty() {
        return Err(LoadError::Empty(path.to_path_buf()));
    }
    let parsed =
        parse(text).map_err(|d| LoadError::Syntax(path.to_path_buf(), d, guess_lang(text)))?;
    Ok(Loaded {
        parsed,
        disk: DiskStamp::of(&bytes),
    })
}

/// Reads a file's bytes with the size and directory checks of [`load`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
    if meta.is_dir() {
        return Err(LoadError::IsDir(path.to_path_buf()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge(path.to_path_buf(), meta.len()));
    }
    std::fs::read(path).map_err(|e| LoadError::Io(path.to_path_buf(), e))
}

/// Parses text into a generic YAML tree and drops it: the baseline the benchmarks compare with.
pub fn bare_parse(text: &str) -> bool {
    serde_yaml::from_str::<serde_yaml::Value>(text).is_ok()
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
}
