//! A ledger file as sheets of cells with positions: `.xlsx`, `.xls` and `.ods` through calamine
//! (merged cells filled in), CSV in UTF-8 or GB18030.

use super::problem::Pos;
use calamine::{Data, Dimensions, Ods, Range, Reader, Xls, Xlsx};
use chrono::NaiveDate;
use std::io::Cursor;

/// What a cell holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// Nothing.
    #[default]
    Empty,
    /// Text, with line breaks as `\n`.
    Text(String),
    /// A number that is not formatted as a date.
    Number(f64),
    /// A cell formatted as a date.
    Date(NaiveDate),
    /// TRUE or FALSE.
    Bool(bool),
}

impl Value {
    /// The cell as shown, trimmed: numbers without a needless `.0`, dates as `YYYY-MM-DD`.
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => d.to_string(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        }
    }

    /// Whether the cell shows nothing.
    pub fn is_blank(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// One cell and where its content is written: itself, or the first cell of its merged range.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    /// The content (a merged range's content in every cell it covers).
    pub value: Value,
    /// Where the content is written, for messages.
    pub anchor: Pos,
}

/// One sheet, rows from the sheet's first row and columns from A.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// The sheet's name (the file's name without extension for CSV).
    pub name: String,
    /// Rows of cells; rows may be shorter than others.
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    /// The value at a place (empty outside the sheet).
    pub fn value(&self, row: usize, col: usize) -> &Value {
        static EMPTY: Value = Value::Empty;
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map_or(&EMPTY, |c| &c.value)
    }

    /// Where the content at a place is written.
    pub fn anchor(&self, row: usize, col: usize) -> Pos {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map_or(Pos::new(row, col), |c| c.anchor)
    }
}

/// Why a ledger file could not be read at all.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be read as a file: missing, a folder, not a regular file, too large
    /// (the store's checks for board files).
    File(crate::store::LoadError),
    /// No bytes, or only white space.
    Empty,
    /// Looks like a workbook but the reader refused it (damaged, encrypted, another format).
    Damaged(String),
    /// `--sheet` names no sheet of the workbook.
    NoSuchSheet {
        /// The name asked for.
        name: String,
        /// The sheets there are.
        have: Vec<String>,
    },
}

/// An opened ledger file.
pub enum Book {
    /// Excel 2007 and later, and WPS saving as `.xlsx`.
    Xlsx(Box<Xlsx<Cursor<Vec<u8>>>>),
    /// Excel 97-2003.
    Xls(Box<Xls<Cursor<Vec<u8>>>>),
    /// OpenDocument.
    Ods(Box<Ods<Cursor<Vec<u8>>>>),
    /// A CSV file: one sheet.
    Csv(Grid),
}

impl Book {
    /// Opens a file's bytes by what they start with; `name` names a CSV file's one sheet.
    pub fn open(bytes: Vec<u8>, name: &str) -> Result<Book, ReadError> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(ReadError::Empty);
        }
        let damaged = |e: &dyn std::fmt::Display| ReadError::Damaged(e.to_string());
        if bytes.starts_with(b"PK\x03\x04") {
            let is_ods = bytes
                .windows(39)
                .take(200)
                .any(|w| w == b"application/vnd.oasis.opendocument.spre");
            return if is_ods {
                Ods::new(Cursor::new(bytes))
                    .map(|b| Book::Ods(Box::new(b)))
                    .map_err(|e| damaged(&e))
            } else {
                Xlsx::new(Cursor::new(bytes))
                    .map(|b| Book::Xlsx(Box::new(b)))
                    .map_err(|e| damaged(&e))
            };
        }
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Xls::new(Cursor::new(bytes))
                .map(|b| Book::Xls(Box::new(b)))
                .map_err(|e| damaged(&e));
        }
        Ok(Book::Csv(read_csv(&bytes, name)))
    }

    /// The sheets' names in workbook order.
    pub fn sheet_names(&self) -> Vec<String> {
        match self {
            Book::Xlsx(b) => b.sheet_names(),
            Book::Xls(b) => b.sheet_names(),
            Book::Ods(b) => b.sheet_names(),
            Book::Csv(g) => vec![g.name.clone()],
        }
    }

    /// One sheet's cells, merged ranges filled in.
    pub fn grid(&mut self, name: &str) -> Result<Grid, ReadError> {
        let damaged = |e: &dyn std::fmt::Display| ReadError::Damaged(e.to_string());
        let (range, merges) = match self {
            Book::Xlsx(b) => {
                let range = b.worksheet_range(name).map_err(|e| damaged(&e))?;
                // A sheet whose merge list cannot be read is still worth reading.
                (range, b.merge_cells_by_sheet_name(name).unwrap_or_default())
            }
            Book::Xls(b) => {
                let range = b.worksheet_range(name).map_err(|e| damaged(&e))?;
                (range, b.merge_cells_by_sheet_name(name).unwrap_or_default())
            }
            Book::Ods(b) => (
                b.worksheet_range(name).map_err(|e| damaged(&e))?,
                Vec::new(),
            ),
            Book::Csv(g) => return Ok(g.clone()),
        };
        let mut grid = from_range(name, &range);
        fill_merges(&mut grid, &merges);
        Ok(grid)
    }
}

/// A calamine cell as a value.
fn value(d: &Data) -> Value {
    match d {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(clean(s)),
        Data::Float(f) => Value::Number(*f),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
                .map_or(Value::Number(dt.as_f64()), Value::Date)
        }
        Data::DateTime(dt) => Value::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| Value::Text(s.clone()), Value::Date),
        Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Text(e.to_string()),
    }
}

/// Text cleaned as board files are when loaded (line breaks kept, tabs as spaces, bidirectional
/// and other controls removed), so no cell can reach the terminal as an escape sequence.
fn clean(s: &str) -> String {
    crate::model::text::sanitize(s).into_owned()
}

fn from_range(name: &str, range: &Range<Data>) -> Grid {
    let mut grid = Grid {
        name: clean(name),
        rows: Vec::new(),
    };
    let Some((r0, c0)) = range.start() else {
        return grid;
    };
    let (r0, c0) = (r0 as usize, c0 as usize);
    grid.rows = vec![Vec::new(); r0];
    for (i, row) in range.rows().enumerate() {
        let cells = (0..c0)
            .map(|c| Cell {
                value: Value::Empty,
                anchor: Pos::new(r0 + i, c),
            })
            .chain(row.iter().enumerate().map(|(j, d)| Cell {
                value: value(d),
                anchor: Pos::new(r0 + i, c0 + j),
            }))
            .collect();
        grid.rows.push(cells);
    }
    grid
}

/// Copies each merged range's content into every cell it covers: a 阶段 merged down over ten
/// rows is the phase of each of them. Ranges reaching past the cells in use are cut
/// there (a title merged to column XFD adds nothing), and malformed ones are skipped.
fn fill_merges(grid: &mut Grid, merges: &[Dimensions]) {
    let width = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return;
    }
    for m in merges {
        let (top, left) = (m.start.0 as usize, m.start.1 as usize);
        let bottom = (m.end.0 as usize).min(grid.rows.len().saturating_sub(1));
        let right = (m.end.1 as usize).min(width - 1);
        if top > bottom || left > right {
            continue;
        }
        let value = grid.value(top, left).clone();
        let anchor = Pos::new(top, left);
        for r in top..=bottom {
            let row = &mut grid.rows[r];
            if row.len() <= right {
                let len = row.len();
                row.extend((len..=right).map(|c| Cell {
                    value: Value::Empty,
                    anchor: Pos::new(r, c),
                }));
            }
            for cell in &mut row[left..=right] {
                cell.value = value.clone();
                cell.anchor = anchor;
            }
        }
    }
}

/// The text of a CSV file: UTF-8 with or without BOM, else GB18030 (which includes GBK), as
/// Excel on Chinese Windows saves "CSV".
pub fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// The separator a CSV file uses: comma, or tab or semicolon when its first line has more.
fn separator(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| first.matches(c).count();
    [b',', b'\t', b';']
        .into_iter()
        .max_by_key(|&b| (count(char::from(b)), b == b','))
        .unwrap_or(b',')
}

/// A CSV file as one sheet named `name`.
fn read_csv(bytes: &[u8], name: &str) -> Grid {
    let text = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        // A broken record (an unclosed quote at the end) keeps the rows before it.
        let Ok(record) = record else { break };
        let r = rows.len();
        let cells = record
            .iter()
            .enumerate()
            .map(|(c, s)| Cell {
                value: if s.trim().is_empty() {
                    Value::Empty
                } else {
                    Value::Text(clean(uninert(s)))
                },
                anchor: Pos::new(r, c),
            })
            .collect();
        rows.push(cells);
    }
    Grid {
        name: clean(name),
        rows,
    }
}

/// Undoes what CSV export (and the report) does to cells a spreadsheet would run as formulas:
/// `'=SUM(A1)` was written for `=SUM(A1)`, and `''=x` for `'=x`.
fn uninert(s: &str) -> &str {
    const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA) => rest,
        Some(rest)
            if rest
                .strip_prefix('\'')
                .is_some_and(|r| r.starts_with(FORMULA)) =>
        {
            rest
        }
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_in_gbk_and_utf8_reads_the_same() {
        let text = "序号,重点任务\r\n1,\"召开\r\n动员大会\"\r\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let a = read_csv(&gbk, "x");
        let b = read_csv(format!("\u{FEFF}{text}").as_bytes(), "x");
        assert_eq!(a.rows, b.rows);
        assert_eq!(a.value(1, 1), &Value::Text("召开\n动员大会".into()));
    }

    #[test]
    fn formula_guards_are_removed() {
        assert_eq!(uninert("'=1+1"), "=1+1");
        assert_eq!(uninert("'abc"), "'abc");
        assert_eq!(uninert("''=1"), "'=1");
    }
}
