//! A city over its counties: many boards summed, each read from a file, a folder or git.

pub mod git;
mod render;
pub mod source;

pub use render::{json, markdown};
pub use source::Source;

use crate::model::facts::Tally;
use crate::model::{Board, Lang};
use chrono::NaiveDate;
use std::collections::HashMap;

/// One board of the roll-up.
#[derive(Debug, Clone)]
pub struct BoardRow {
    /// Its stable id: the `board_id` key, else the file name without extension.
    pub id: String,
    /// Its title (the file name when it could not be read).
    pub title: String,
    /// The office that keeps it (`office` key), if named.
    pub office: Option<String>,
    /// Where it was read from.
    pub source: String,
    /// A file holding it, to open it read-only (a copy in the cache for git sources).
    pub path: Option<std::path::PathBuf>,
    /// When its git source was last fetched (None for local files).
    pub fetched_at: Option<String>,
    /// Why the git source could not be fetched now (the last fetched state was used).
    pub stale: Option<String>,
    /// Its figures, or why it is left out of the totals.
    pub figures: Result<Figures, String>,
}

/// A readable board's figures on the roll-up's day.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// Task counts and lights.
    pub tally: Tally,
    /// Share of the campaign's time elapsed (序时进度).
    pub elapsed: f64,
    /// The language of the board, for units' names.
    pub lang: Lang,
}

/// One unit across boards, matched by name.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    /// The unit's name.
    pub name: String,
    /// In how many boards it leads tasks.
    pub boards: usize,
    /// Its tasks' counts over all boards.
    pub tally: Tally,
}

/// The whole roll-up.
#[derive(Debug, Clone)]
pub struct Rollup {
    /// The day the figures hold for.
    pub today: NaiveDate,
    /// Every board found, readable or not, in source order.
    pub boards: Vec<BoardRow>,
    /// Readable boards' tasks together.
    pub total: Tally,
    /// Units across boards, best first.
    pub units: Vec<UnitRow>,
}

fn text_key(b: &Board, key: &str) -> Option<String> {
    b.extra
        .0
        .iter()
        .find(|(k, _)| k == key)
        .and_then(|(_, v)| v.as_text().map(|s| s.into_owned()))
}

/// Reads one board's text into its row and its board (when readable).
fn row(name: &str, bytes: &[u8], source: String, today: NaiveDate) -> (BoardRow, Option<Board>) {
    let stem = std::path::Path::new(name)
        .file_stem()
        .map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned());
    let parsed = std::str::from_utf8(bytes)
        .map_err(|_| "not UTF-8".to_string())
        .and_then(|t| crate::store::parse(t).map_err(|d| d.render(name, Lang::default())));
    let mut r = BoardRow {
        id: stem.clone(),
        title: stem,
        office: None,
        source,
        path: None,
        fetched_at: None,
        stale: None,
        figures: Err(String::new()),
    };
    let p = match parsed {
        Ok(p) => p,
        Err(e) => {
            r.figures = Err(e);
            return (r, None);
        }
    };
    let b = p.board;
    r.id = text_key(&b, "board_id").unwrap_or(r.id);
    r.title = b.title.clone();
    r.office = text_key(&b, "office");
    if let Some(d) = p
        .diagnostics
        .iter()
        .find(|d| d.severity == crate::model::validate::Severity::Error)
    {
        r.figures = Err(d.render(name, b.lang()));
        return (r, None);
    }
    let mut tally = Tally::default();
    for t in &b.tasks {
        tally.add(&b, t, today);
    }
    r.figures = Ok(Figures {
        tally,
        elapsed: b.time_elapsed(today),
        lang: b.lang(),
    });
    (r, Some(b))
}

/// One board to read: where it came from, and its bytes or why there are none.
struct Found {
    name: String,
    source: String,
    path: Option<std::path::PathBuf>,
    fetched_at: Option<String>,
    stale: Option<String>,
    bytes: Result<Vec<u8>, String>,
}

impl Found {
    fn local(p: &std::path::Path, source: String) -> Found {
        Found {
            name: p.to_string_lossy().into_owned(),
            source,
            path: Some(p.to_path_buf()),
            fetched_at: None,
            stale: None,
            bytes: crate::store::read_bytes(p).map_err(|e| e.to_string()),
        }
    }

    fn failed(label: &str, why: String) -> Found {
        Found {
            name: label.to_string(),
            source: label.to_string(),
            path: None,
            fetched_at: None,
            stale: None,
            bytes: Err(why),
        }
    }

    fn read(self, today: NaiveDate) -> (BoardRow, Option<Board>) {
        let (mut r, b) = match &self.bytes {
            Ok(bytes) => row(&self.name, bytes, self.source, today),
            Err(e) => {
                let mut r = row(&self.name, b"", self.source, today).0;
                r.figures = Err(e.clone());
                (r, None)
            }
        };
        r.path = self.path;
        r.fetched_at = self.fetched_at;
        r.stale = self.stale;
        (r, b)
    }
}

/// Every board the sources name, in order, with its bytes.
fn find(sources: &[Source]) -> Vec<Found> {
    let mut out = Vec::new();
    for s in sources {
        let label = s.label();
        match s {
            Source::File(p) => out.push(Found::local(p, label)),
            Source::Folder(dir) => match source::boards_in(dir) {
                Ok(files) => out.extend(
                    files
                        .iter()
                        .map(|f| Found::local(f, f.display().to_string())),
                ),
                Err(e) => out.push(Found::failed(&label, format!("{}: {e}", dir.display()))),
            },
            Source::Git { url, branch, path } => {
                let fetched = git::fetch(url).and_then(|f| {
                    git::boards(&f.dir, branch.as_deref(), path).map(|files| (f, files))
                });
                match fetched {
                    Ok((f, files)) => out.extend(files.into_iter().map(|(name, bytes)| Found {
                        source: format!("{url}#{}:{name}", branch.as_deref().unwrap_or("")),
                        path: git::keep_copy(&f.dir, &name, &bytes),
                        fetched_at: f.fetched_at.clone(),
                        stale: f.stale.clone(),
                        name,
                        bytes: Ok(bytes),
                    })),
                    Err(e) => out.push(Found::failed(&label, e)),
                }
            }
        }
    }
    out
}

/// Reads every board of `sources` and sums them for `today`; boards are read on every core.
pub fn collect(sources: &[Source], today: NaiveDate) -> Rollup {
    let found = find(sources);
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let per = found.len().div_ceil(cores).max(1);
    let mut chunks: Vec<Vec<Found>> = Vec::new();
    let mut it = found.into_iter().peekable();
    while it.peek().is_some() {
        chunks.push(it.by_ref().take(per).collect());
    }
    let read: Vec<(BoardRow, Option<Board>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|c| scope.spawn(move || c.into_iter().map(|f| f.read(today)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let (rows, boards): (Vec<BoardRow>, Vec<Option<Board>>) = read.into_iter().unzip();
    sum(rows, &boards, today)
}

/// Totals and the unit ranking over the readable boards.
fn sum(rows: Vec<BoardRow>, boards: &[Option<Board>], today: NaiveDate) -> Rollup {
    let mut total = Tally::default();
    let mut units: Vec<UnitRow> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for b in boards.iter().flatten() {
        let mut seen: Vec<usize> = Vec::new();
        for t in &b.tasks {
            total.add(b, t, today);
            let name = b.unit_name(&t.lead).to_string();
            let i = *at.entry(name.clone()).or_insert_with(|| {
                units.push(UnitRow {
                    name,
                    boards: 0,
                    tally: Tally::default(),
                });
                units.len() - 1
            });
            units[i].tally.add(b, t, today);
            if !seen.contains(&i) {
                seen.push(i);
                units[i].boards += 1;
            }
        }
    }
    // The same order as a board's unit ranking: completion rate, fewer overdue, name.
    units.sort_by(|a, b| {
        b.tally
            .rate()
            .total_cmp(&a.tally.rate())
            .then(a.tally.overdue.cmp(&b.tally.overdue))
            .then(a.name.cmp(&b.name))
    });
    Rollup {
        today,
        boards: rows,
        total,
        units,
    }
}

impl Rollup {
    /// Readable boards, best first: completion ahead of time elapsed, then fewer overdue.
    pub fn ranked(&self) -> Vec<(&BoardRow, &Figures)> {
        let mut v: Vec<(&BoardRow, &Figures)> = self
            .boards
            .iter()
            .filter_map(|r| r.figures.as_ref().ok().map(|f| (r, f)))
            .collect();
        v.sort_by(|(ra, a), (rb, b)| {
            (b.tally.rate() - b.elapsed)
                .total_cmp(&(a.tally.rate() - a.elapsed))
                .then(a.tally.overdue.cmp(&b.tally.overdue))
                .then(ra.id.cmp(&rb.id))
        });
        v
    }

    /// The language of the roll-up: the first readable board's.
    pub fn lang(&self) -> Lang {
        self.boards
            .iter()
            .find_map(|r| r.figures.as_ref().ok().map(|f| f.lang))
            .unwrap_or_default()
    }
}
