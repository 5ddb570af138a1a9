//! What each row below the header is: a task, a blank or template row, a note under the table
//! (`注：…`, `合计`), a repeated header, or a section heading (`一、突出政治理论学习`) that
//! names the category of the rows after it.

use super::columns::Field;
use super::header::Layout;
use super::problem::Pos;
use super::read::Grid;
use std::collections::HashSet;

/// A section heading and what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Section {
    /// `第二阶段：具体实施`, in a ledger without a 阶段 column.
    Phase(String),
    /// `一、突出政治理论学习`.
    Category(String),
}

/// What a row is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Nothing but a 序号 or cells merged down from above: not a task.
    Blank,
    /// A note under the table, or a total.
    Note,
    /// The header again (printed ledgers repeat it on every page).
    Header,
    /// A heading for the rows after it.
    Section(Section),
    /// A task.
    Task,
}

/// How notes under a table start.
const NOTE_STARTS: &[&str] = &[
    "注：",
    "注:",
    "注 ",
    "备注：",
    "备注:",
    "说明：",
    "说明:",
    "合计",
    "总计",
    "小计",
    "填表人",
    "审核人",
    "制表",
    "联系人：",
    "联系人:",
    "负责人：",
    "负责人:",
    "签发",
    "note:",
    "notes:",
    "total",
];

/// Whether a cell's text starts a note: `注：`, `注1.`, `合计`, `填表人：…`.
pub fn is_note(text: &str) -> bool {
    let t = text.trim_start().to_ascii_lowercase();
    let numbered = t
        .strip_prefix('注')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit() || "①②③（(".contains(c)));
    numbered || NOTE_STARTS.iter().any(|s| t.starts_with(s))
}

/// The cells of a row that hold their own content (not merged down from a row above), each
/// merged range once, with their column.
fn own_cells(grid: &Grid, row: usize) -> Vec<(usize, Pos, String)> {
    let width = grid.rows.get(row).map_or(0, Vec::len);
    let mut seen: HashSet<Pos> = HashSet::new();
    (0..width)
        .filter_map(|c| {
            let at = grid.anchor(row, c);
            let text = grid.value(row, c).text();
            (at.row as usize == row && !text.is_empty() && seen.insert(at)).then_some((c, at, text))
        })
        .collect()
}

/// Classifies a row; `after_note` once a note was seen, when rows without a task are notes too.
pub fn classify(grid: &Grid, layout: &Layout, row: usize, after_note: bool) -> Kind {
    let Some(title_col) = layout.title_col() else {
        return Kind::Blank;
    };
    let id_col = layout.col(Field::Id);
    let title = grid.value(row, title_col).text();
    let cells = own_cells(grid, row);
    let first = (0..grid.rows.get(row).map_or(0, Vec::len))
        .map(|c| grid.value(row, c).text())
        .find(|t| !t.is_empty());
    if first.as_deref().is_some_and(is_note) || (after_note && title.is_empty()) {
        return Kind::Note;
    }
    if repeats_header(grid, layout, row, title_col) {
        return Kind::Header;
    }
    let content: Vec<&(usize, Pos, String)> =
        cells.iter().filter(|(c, ..)| Some(*c) != id_col).collect();
    let texts: HashSet<&str> = cells.iter().map(|(.., t)| t.as_str()).collect();
    if content.is_empty() {
        // Only a 序号: a template row, unless it holds a heading (`一、…` in column A).
        return match cells.first() {
            Some((.., t)) if !is_number(t) => section(layout, t),
            _ => Kind::Blank,
        };
    }
    let title_merged_across = grid.anchor(row, title_col).col as usize != title_col
        || grid.anchor(row, title_col + 1) == grid.anchor(row, title_col);
    let heading =
        texts.len() == 1 && (title.is_empty() || title_merged_across || chinese_enumerated(&title));
    if heading {
        return section(layout, &cells[0].2);
    }
    Kind::Task
}

/// Whether the row says what the header says in its task, lead and number columns (a task
/// titled 重点任务 is still a task).
fn repeats_header(grid: &Grid, layout: &Layout, row: usize, title_col: usize) -> bool {
    let same = |c: usize| grid.value(row, c).text() == grid.value(layout.header, c).text();
    let others = [layout.col(Field::Lead), layout.col(Field::Id)];
    !grid.value(row, title_col).is_blank()
        && same(title_col)
        && others.iter().flatten().all(|&c| same(c))
}

/// `一、…` or `（一）…`: how headings are numbered, unlike tasks.
fn chinese_enumerated(text: &str) -> bool {
    let t = text.trim_start().trim_start_matches(['（', '(']);
    t.starts_with(|c: char| "一二三四五六七八九十".contains(c))
        && strip_enumeration(text) != text.trim()
}

fn is_number(text: &str) -> bool {
    text.trim_end_matches(['.', '、']).parse::<f64>().is_ok()
}

/// A heading as a phase (when it says 阶段 and there is no 阶段 column) or a category, without
/// its enumeration: `一、突出政治理论学习` → `突出政治理论学习`.
fn section(layout: &Layout, text: &str) -> Kind {
    let name = strip_enumeration(text);
    if name.contains("阶段") && layout.col(Field::Phase).is_none() {
        Kind::Section(Section::Phase(name))
    } else {
        Kind::Section(Section::Category(name))
    }
}

/// `一、` `（一）` `1.` `1、` `(1)` removed from the start.
pub fn strip_enumeration(text: &str) -> String {
    let t = text.trim();
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let bracketed = t
        .strip_prefix(['（', '('])
        .and_then(|r| r.split_once(['）', ')']))
        .filter(|(n, _)| !n.is_empty() && n.chars().all(numeral))
        .map(|(_, rest)| rest);
    let listed = || {
        let n = t.chars().take_while(|&c| numeral(c)).count();
        let rest: String = t.chars().skip(n).collect();
        (n > 0)
            .then(|| {
                rest.strip_prefix(['、', '.', '．', ' '])
                    .map(str::to_string)
            })
            .flatten()
    };
    match bracketed {
        Some(rest) => rest.trim().to_string(),
        None => listed().map_or_else(|| t.to_string(), |r| r.trim().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_and_enumerations() {
        assert!(is_note("注：各单位每月5日前报送"));
        assert!(is_note("注1.本表由督查室汇总"));
        assert!(is_note("合计"));
        assert!(!is_note("注重实效"));
        assert_eq!(
            strip_enumeration("一、突出政治理论学习"),
            "突出政治理论学习"
        );
        assert_eq!(strip_enumeration("（二）全员培训"), "全员培训");
        assert_eq!(strip_enumeration("3. 调查研究"), "调查研究");
        assert_eq!(strip_enumeration("一线工作法"), "一线工作法");
    }
}
