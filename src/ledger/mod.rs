//! The office's spreadsheet (台账) in and out: import an Excel, WPS or CSV ledger as a board, and
//! export a board as a ledger that opens in Excel.
//!
//! Import reads the file into sheets of cells ([`read`]), finds the header by its words
//! ([`header`], with the names in [`columns`]), reads each row by what its column holds
//! ([`rows`], [`import`], dates by the forms in [`dates`]) and makes the board ([`build`]).
//! Export lays the board out as tables ([`table`]) and writes them as `.xlsx` ([`xlsx`]) or CSV.

mod build;
pub mod columns;
pub mod dates;
mod export;
pub mod header;
pub mod import;
pub mod problem;
pub mod read;
pub mod rows;
mod scan;
mod status;
pub mod table;
mod units;
mod xlsx;

pub use export::{export_csv, export_xlsx, ExportError};
pub use problem::{Issue, Pos, Problem};
pub use read::ReadError;

use crate::model::validate::Severity;
use crate::model::{Board, Lang};
use chrono::{Datelike, NaiveDate};
use import::Context;
use read::{Book, Grid};
use std::path::Path;

/// What `ducha import` was asked.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The sheet to read (default: the first with a ledger's header).
    pub sheet: Option<String>,
    /// The year of dates that name none (default: from the title or 填报时间, else `today`'s).
    pub year: Option<i32>,
    /// The language of the board and the messages (default: that of the column names).
    pub lang: Option<Lang>,
    /// The current date.
    pub today: NaiveDate,
}

/// A ledger read as a board.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The board (usable when `problems` holds no error).
    pub board: Board,
    /// Every problem, in sheet order.
    pub problems: Vec<Problem>,
    /// The language of the messages.
    pub lang: Lang,
    /// The sheet that was read.
    pub sheet: String,
}

impl Imported {
    /// Whether a problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Reads a ledger file; `Err` only when it cannot be read at all. The file is read with the
/// store's checks (regular files only, within its size limit).
pub fn import_file(path: &Path, opts: &ImportOptions) -> Result<Imported, ReadError> {
    let bytes = crate::store::read_bytes(path).map_err(ReadError::File)?;
    let stem = path
        .file_stem()
        .map_or_else(|| "ledger".into(), |s| s.to_string_lossy());
    import_bytes(bytes, &stem, opts)
}

/// Reads a ledger from its bytes; `name` is the title when the ledger has none, and the sheet's
/// name for CSV.
pub fn import_bytes(
    bytes: Vec<u8>,
    name: &str,
    opts: &ImportOptions,
) -> Result<Imported, ReadError> {
    let mut book = Book::open(bytes, name)?;
    let names = book.sheet_names();
    let found = match &opts.sheet {
        Some(s) if !names.contains(s) => {
            return Err(ReadError::NoSuchSheet {
                name: s.clone(),
                have: names,
            });
        }
        Some(s) => {
            let grid = book.grid(s)?;
            let layout = header::find(&grid);
            (grid, layout)
        }
        None => first_ledger(&mut book, &names)?,
    };
    Ok(read_grid(&found.0, found.1.as_ref(), name, opts))
}

/// The first sheet with a ledger's header, else the first sheet.
fn first_ledger(
    book: &mut Book,
    names: &[String],
) -> Result<(Grid, Option<header::Layout>), ReadError> {
    let mut first = None;
    for name in names {
        // A chart sheet or a damaged one is not the ledger; the others may be.
        let Ok(grid) = book.grid(name) else { continue };
        if let Some(layout) = header::find(&grid) {
            return Ok((grid, Some(layout)));
        }
        first.get_or_insert(grid);
    }
    match first {
        Some(grid) => Ok((grid, None)),
        None => Err(ReadError::Damaged("no readable sheet".into())),
    }
}

/// What the rows are read with: the year of dates without one (`--year`, the title's year,
/// 填报时间's, today's) and the date of progress entries.
fn context(grid: &Grid, meta: &header::Meta, lang: Lang, opts: &ImportOptions) -> Context {
    let year = opts
        .year
        .or_else(|| meta.title.as_deref().and_then(dates::year_in))
        .or_else(|| meta.reported.as_deref().and_then(dates::year_in))
        .unwrap_or_else(|| opts.today.year());
    let reported = meta
        .reported
        .as_deref()
        .and_then(|r| dates::day_in(r, year));
    Context {
        sheet: grid.name.clone(),
        lang,
        year,
        reported,
        today: opts.today,
    }
}

/// The board of one sheet.
fn read_grid(
    grid: &Grid,
    layout: Option<&header::Layout>,
    name: &str,
    opts: &ImportOptions,
) -> Imported {
    let lang = opts.lang.or(layout.map(|l| l.lang)).unwrap_or_default();
    let mut meta = header::meta(grid, layout.map_or(0, |l| l.header));
    let ctx = context(grid, &meta, lang, opts);
    meta.title.get_or_insert_with(|| name.to_string());
    let mut problems = Vec::new();
    let (rows, statuses) = match layout {
        Some(l) => {
            let rows = import::read_rows(grid, l, &ctx, &mut problems);
            if rows.is_empty() {
                let at = Pos::new(l.header, 0);
                problems.push(Problem::error(&ctx.sheet, at, "", Issue::NoTasks));
            }
            (rows, statuses_from(l))
        }
        None => {
            let at = Pos::default();
            problems.push(Problem::error(&ctx.sheet, at, "", Issue::NoHeader));
            (Vec::new(), build::StatusesFrom::Column)
        }
    };
    let board = build::board(rows, &meta, &ctx, statuses, &mut problems);
    problems.sort_by_key(|p| (p.at.row, p.at.col));
    Imported {
        board,
        problems,
        lang,
        sheet: ctx.sheet,
    }
}

fn statuses_from(layout: &header::Layout) -> build::StatusesFrom {
    match layout.col(columns::Field::Status) {
        Some(_) => build::StatusesFrom::Column,
        None => build::StatusesFrom::Progress,
    }
}
