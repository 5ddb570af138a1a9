//! The report as a Word document (通报), in the layout of official documents.

use super::tables::{self, Section};
use super::Report;
use crate::docx::{write, Block, DocTable};
use crate::model::Lang;

/// "一、" … for Chinese headings, "1. " … for English ones.
fn numbered(lang: Lang, n: usize, title: &str) -> String {
    const ZH: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    match lang {
        Lang::Zh => format!("{}、{title}", ZH.get(n).copied().unwrap_or("十")),
        Lang::En => format!("{}. {title}", n + 1),
    }
}

/// A section as a heading (with its count) and its table, or a line saying there is nothing.
fn section(out: &mut Vec<Block>, heading: String, s: Section) {
    out.push(Block::Heading(heading));
    if s.rows.is_empty() {
        out.push(Block::Para(s.none));
        return;
    }
    out.push(Block::Table(DocTable {
        head: s.head,
        rows: s.rows,
        widths: s.widths,
    }));
}

fn counted(lang: Lang, title: &str, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{title}（{n}）"),
        Lang::En => format!("{title} ({n})"),
    }
}

/// The report's blocks: title, opening sentence, changes, phases, ranking, overdue, due soon,
/// and the office and date at the foot.
pub fn blocks(r: &Report) -> Vec<Block> {
    let (b, lang) = (r.board, r.lang());
    let mut out = vec![
        Block::Title(format!(
            "{}{}{}",
            b.title,
            r.scope_label(),
            lang.pick("工作进展情况通报", ": progress report")
        )),
        Block::Para(r.summary_line()),
    ];
    let mut n = 0;
    if let Some(c) = &r.changes {
        let head = match lang {
            Lang::Zh => format!("自 {} 以来的变化", c.from),
            Lang::En => format!("Changes since {}", c.from),
        };
        out.push(Block::Heading(numbered(lang, n, &head)));
        n += 1;
        for s in tables::since(b, c) {
            let h = counted(lang, &s.title, s.count);
            section(&mut out, h, s);
        }
    }
    for s in [
        tables::phases(r),
        tables::ranking(r),
        tables::tasks(r, true),
        tables::tasks(r, false),
    ] {
        let title = if s.none.is_empty() {
            s.title.clone()
        } else {
            counted(lang, &s.title, s.count)
        };
        section(&mut out, numbered(lang, n, &title), s);
        n += 1;
    }
    out.push(Block::Right(b.office()));
    out.push(Block::Right(long_date(lang, r.summary.today)));
    out
}

/// "2017年7月10日" or "10 July 2017", as documents are dated.
pub fn long_date(lang: Lang, d: chrono::NaiveDate) -> String {
    match lang {
        Lang::Zh => d.format("%Y年%-m月%-d日").to_string(),
        Lang::En => d.format("%-d %B %Y").to_string(),
    }
}

/// Renders the report as `.docx` bytes.
pub fn render(r: &Report) -> Result<Vec<u8>, String> {
    write(&blocks(r))
}
