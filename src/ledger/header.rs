//! Finding the table in a sheet: the header (one row, or two when a group such as 完成时限 spans
//! 开始/结束), what each column holds, and what the rows above it say (title, 填报单位, 填报时间).

use super::columns::{recognise, Field};
use super::problem::{column_letters, HEADER_ROWS};
use super::read::Grid;
use crate::model::Lang;

/// What a column holds: a field the import knows, or an unknown key kept in the task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// A known field.
    Field(Field),
    /// Kept under this key in the task.
    Extra(String),
}

/// One column of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Its index, 0 for A.
    pub col: usize,
    /// What it holds.
    pub key: Key,
}

/// Where the table is and what its columns are.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The header's (first) row.
    pub header: usize,
    /// The first row below the header.
    pub body: usize,
    /// Every column with a name, or with content under no name.
    pub columns: Vec<Column>,
    /// The language most column names are in.
    pub lang: Lang,
}

impl Layout {
    /// The column of a field.
    pub fn col(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|c| c.key == Key::Field(field))
            .map(|c| c.col)
    }

    /// The column holding task titles (具体内容 when there is no 重点任务 column).
    pub fn title_col(&self) -> Option<usize> {
        self.col(Field::Title).or_else(|| self.col(Field::Content))
    }
}

/// What the rows above the header say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// The title row, without a `（截至…）` remark.
    pub title: Option<String>,
    /// 填报单位.
    pub office: Option<String>,
    /// The text of 填报时间 (or 截至 in the title).
    pub reported: Option<String>,
}

fn row_texts(grid: &Grid, row: usize) -> Vec<String> {
    let width = grid.rows.get(row).map_or(0, Vec::len);
    (0..width).map(|c| grid.value(row, c).text()).collect()
}

/// The fields a row names, each once, with the languages of the names.
fn fields_named(texts: &[String]) -> Vec<(Field, Lang)> {
    let mut out: Vec<(Field, Lang)> = Vec::new();
    for r in texts.iter().filter_map(|t| recognise(t)) {
        if !out.iter().any(|(f, _)| *f == r.field) {
            out.push((r.field, r.lang));
        }
    }
    out
}

/// The first row that names a task column and at least one other known column.
pub fn find(grid: &Grid) -> Option<Layout> {
    let header = (0..grid.rows.len().min(HEADER_ROWS)).find(|&r| {
        let named = fields_named(&row_texts(grid, r));
        named.len() >= 2
            && named
                .iter()
                .any(|(f, _)| matches!(f, Field::Title | Field::Content))
    })?;
    let top = row_texts(grid, header);
    let sub = sub_header(grid, header, &top);
    let width = top.len().max(sub.as_ref().map_or(0, Vec::len));
    let columns = name_columns(&top, sub.as_deref(), width);
    let named = fields_named(&top);
    let zh = named.iter().filter(|(_, l)| *l == Lang::Zh).count();
    let lang = if zh * 2 >= named.len() {
        Lang::Zh
    } else {
        Lang::En
    };
    Some(Layout {
        header,
        body: header + 1 + usize::from(sub.is_some()),
        columns,
        lang,
    })
}

/// The header's text over a column, a blank one taken from the left (a group name merged over
/// its sub-columns is written once in CSV).
fn spanning(top: &[String], col: usize) -> &str {
    top.iter()
        .take(col + 1)
        .rev()
        .find(|t| !t.is_empty())
        .map_or("", String::as_str)
}

/// The second header row, when the row below the header names sub-columns of a spanning group.
fn sub_header(grid: &Grid, header: usize, top: &[String]) -> Option<Vec<String>> {
    let below = row_texts(grid, header + 1);
    let title_col = top.iter().position(|t| {
        recognise(t).is_some_and(|r| matches!(r.field, Field::Title | Field::Content))
    })?;
    // A data row always has a task; under a two-row header the task cell is merged from above.
    let title_below = below.get(title_col).map_or("", String::as_str);
    if !title_below.is_empty() && title_below != top[title_col] {
        return None;
    }
    let spans = |c: usize| {
        let t = top.get(c).map_or("", String::as_str);
        t.is_empty()
            || (c > 0 && top.get(c - 1).is_some_and(|l| l == t))
            || top.get(c + 1).is_some_and(|r| r == t)
    };
    let differs: Vec<usize> = (0..below.len())
        .filter(|&c| !below[c].is_empty() && below[c] != spanning(top, c))
        .collect();
    let short = differs.iter().all(|&c| below[c].chars().count() <= 10);
    (!differs.is_empty() && short && differs.iter().any(|&c| spans(c))).then_some(below)
}

/// What each column holds. A field named twice is kept the second time under its header text.
fn name_columns(top: &[String], sub: Option<&[String]>, width: usize) -> Vec<Column> {
    let mut taken: Vec<Field> = Vec::new();
    let mut columns = Vec::new();
    for col in 0..width {
        let upper = match sub {
            Some(_) => spanning(top, col).to_string(),
            None => top.get(col).cloned().unwrap_or_default(),
        };
        let lower = sub
            .and_then(|s| s.get(col))
            .filter(|s| !s.is_empty() && **s != upper)
            .cloned();
        let field = match &lower {
            Some(l) => recognise(l)
                .or_else(|| recognise(&upper).filter(|r| !taken.contains(&r.field)))
                .map(|r| r.field),
            None => recognise(&upper).map(|r| r.field),
        };
        let name = match &lower {
            Some(l) => format!("{upper}/{l}"),
            None => upper.clone(),
        };
        let key = match field {
            Some(f) if !taken.contains(&f) => {
                taken.push(f);
                Key::Field(f)
            }
            _ if name.trim().is_empty() => Key::Extra(unnamed(col)),
            _ => Key::Extra(name.trim().to_string()),
        };
        columns.push(Column { col, key });
    }
    columns
}

/// The key for a column without a name: `列H`.
fn unnamed(col: usize) -> String {
    format!(
        "列{}",
        column_letters(u32::try_from(col).unwrap_or(u32::MAX))
    )
}

/// What a label of the 填报单位 / 填报时间 line introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Label {
    /// The reporting office.
    Office,
    /// The date of the report.
    Reported,
}

/// The labels, longer ones before those they contain (截至时间 before 截至).
const LABELS: &[(&str, Label)] = &[
    ("填报单位", Label::Office),
    ("报送单位", Label::Office),
    ("填表单位", Label::Office),
    ("填报时间", Label::Reported),
    ("填报日期", Label::Reported),
    ("报送时间", Label::Reported),
    ("报送日期", Label::Reported),
    ("统计时间", Label::Reported),
    ("截至时间", Label::Reported),
    ("截止时间", Label::Reported),
    ("截至", Label::Reported),
    ("As of", Label::Reported),
];

/// The title and the labelled values in the rows above the header.
pub fn meta(grid: &Grid, header: usize) -> Meta {
    let mut meta = Meta::default();
    for row in 0..header {
        let width = grid.rows.get(row).map_or(0, Vec::len);
        // Each merged range once: only the cells that hold their own content.
        let texts: Vec<String> = (0..width)
            .filter(|&c| {
                grid.anchor(row, c).col as usize == c && grid.anchor(row, c).row as usize == row
            })
            .map(|c| grid.value(row, c).text())
            .filter(|t| !t.is_empty())
            .collect();
        let line = texts.join(" ");
        if line.is_empty() || is_attachment(&line) {
            continue;
        }
        if labelled(&line, &mut meta) {
            continue;
        }
        if meta.title.is_none() {
            let (title, reported) = split_as_of(&line);
            meta.title = Some(title);
            if meta.reported.is_none() {
                meta.reported = reported;
            }
        }
    }
    meta
}

/// `附件1`, `附表`: the attachment number printed above a ledger's title.
fn is_attachment(line: &str) -> bool {
    (line.starts_with("附件") || line.starts_with("附表")) && line.chars().count() <= 6
}

/// Reads `填报单位：… 填报时间：…` into `meta`; whether the line had such labels.
fn labelled(line: &str, meta: &mut Meta) -> bool {
    // ASCII case only, so byte positions stay those of `line`.
    let lower = line.to_ascii_lowercase();
    let mut hits: Vec<(usize, usize, Label)> = Vec::new();
    for (label, kind) in LABELS {
        let l = label.to_ascii_lowercase();
        if let Some(at) = lower.find(&l) {
            if !hits.iter().any(|(s, e, _)| at >= *s && at < *e) {
                hits.push((at, at + l.len(), *kind));
            }
        }
    }
    // A title that only mentions 截至 in passing is a title, not a label line.
    if hits.is_empty()
        || (hits.len() == 1
            && hits[0].0 > 0
            && !line
                .get(hits[0].1..)
                .is_some_and(|r| r.starts_with([':', '：'])))
    {
        return false;
    }
    hits.sort();
    for (i, (_, end, kind)) in hits.iter().enumerate() {
        let stop = hits.get(i + 1).map_or(line.len(), |h| h.0);
        let value = line.get(*end..stop).unwrap_or("");
        let value = value
            .trim_start_matches([':', '：', ' '])
            .trim()
            .to_string();
        if value.is_empty() {
            continue;
        }
        let slot = match kind {
            Label::Office => &mut meta.office,
            Label::Reported => &mut meta.reported,
        };
        slot.get_or_insert(value);
    }
    true
}

/// `某某台账（截至2022年6月8日）` → the title and `2022年6月8日`.
fn split_as_of(line: &str) -> (String, Option<String>) {
    for open in ["（截至", "(截至", "（as of", "(as of", " (as of"] {
        if let Some(at) = line.find(open) {
            let inner = line[at + open.len()..].trim_end_matches([')', '）']).trim();
            return (line[..at].trim().to_string(), Some(inner.to_string()));
        }
    }
    (line.trim().to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_lines_and_titles_are_told_apart() {
        let mut m = Meta::default();
        assert!(labelled(
            "填报单位：市委督查室    填报时间：2023年7月5日",
            &mut m
        ));
        assert_eq!(m.office.as_deref(), Some("市委督查室"));
        assert_eq!(m.reported.as_deref(), Some("2023年7月5日"));
        assert!(!labelled("2023年重点任务推进台账", &mut Meta::default()));
        assert_eq!(
            split_as_of("某市重点任务（截至2022年6月8日）"),
            ("某市重点任务".to_string(), Some("2022年6月8日".to_string()))
        );
    }
}
