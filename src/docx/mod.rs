//! Word documents in the conventions of official documents (公文, after GB/T 9704): A4 with the
//! standard margins, the title in a bold song-style face (宋体), headings in 黑体, the body in
//! 仿宋 三号, page numbers "— N —" at the foot, and tables whose header row repeats on every page.
//!
//! Reports and notices describe themselves as [`Block`]s; this module alone names `docx-rs`.

use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph, Run,
    RunFonts, SpecialIndentType, Style, StyleType, Table, TableCell, TableLayoutType, TableRow,
    WidthType,
};

/// The face of the title: a song style, present on every Chinese system.
pub const TITLE_FONT: &str = "宋体";
/// The face of headings.
pub const HEADING_FONT: &str = "黑体";
/// The face of the body and the tables.
pub const BODY_FONT: &str = "仿宋";
/// The face of Latin letters and digits.
const LATIN_FONT: &str = "Times New Roman";

/// Sizes in half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt, 四号 14 pt.
const TITLE_SIZE: usize = 44;
const BODY_SIZE: usize = 32;
const TABLE_SIZE: usize = 24;
const FOOTER_SIZE: usize = 28;

/// A4 in twentieths of a point, and the margins of GB/T 9704 (37, 35, 28 and 26 mm).
const PAGE: (u32, u32) = (11906, 16838);
const MARGINS: (i32, i32, i32, i32) = (2098, 1984, 1587, 1474);
/// The width between the margins, which tables fill.
const TEXT_WIDTH: usize = 11906 - 1587 - 1474;

/// One piece of a document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's title, centred.
    Title(String),
    /// A section heading.
    Heading(String),
    /// A paragraph of body text, its first line indented two characters.
    Para(String),
    /// A paragraph with no indent (a salutation such as "市委组织部：").
    Plain(String),
    /// A line set to the right (the issuer and the date at the foot).
    Right(String),
    /// A table.
    Table(DocTable),
    /// A new page.
    PageBreak,
}

/// A table: the header row, the rows, and each column's share of the width.
#[derive(Debug, Clone, PartialEq)]
pub struct DocTable {
    /// Column headings, repeated at the top of every page.
    pub head: Vec<String>,
    /// The rows, as many cells as headings.
    pub rows: Vec<Vec<String>>,
    /// Relative widths of the columns.
    pub widths: Vec<usize>,
}

fn fonts(face: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(face)
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
}

fn styles(docx: Docx) -> Docx {
    docx.default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE)
        .add_style(
            Style::new("DuchaTitle", StyleType::Paragraph)
                .name("Ducha Title")
                .fonts(fonts(TITLE_FONT))
                .size(TITLE_SIZE)
                .bold()
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new("DuchaHeading", StyleType::Paragraph)
                .name("Ducha Heading")
                .fonts(fonts(HEADING_FONT))
                .size(BODY_SIZE)
                .outline_lvl(0),
        )
        .add_style(
            Style::new("DuchaBody", StyleType::Paragraph)
                .name("Ducha Body")
                .fonts(fonts(BODY_FONT))
                .size(BODY_SIZE),
        )
        .add_style(
            Style::new("DuchaTable", StyleType::Paragraph)
                .name("Ducha Table")
                .fonts(fonts(BODY_FONT))
                .size(TABLE_SIZE),
        )
}

/// "— 1 —" centred at the foot of every page.
fn footer() -> Footer {
    let dash = |s: &str| {
        Run::new()
            .add_text(s)
            .fonts(fonts(TITLE_FONT))
            .size(FOOTER_SIZE)
    };
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(dash("— "))
            .add_page_num(PageNum::new())
            .add_run(dash(" —")),
    )
}

/// Lines of a text as runs with breaks between them, so a note of several lines keeps them.
fn text_runs(mut p: Paragraph, text: &str) -> Paragraph {
    for (i, line) in text.lines().enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        p = p.add_run(run.add_text(crate::model::text::sanitize_line(line)));
    }
    p
}

fn paragraph(style: &str, text: &str) -> Paragraph {
    // Fixed 28-point lines, as official documents are set.
    let spacing = LineSpacing::new()
        .line(560)
        .line_rule(LineSpacingType::Exact);
    text_runs(Paragraph::new().style(style).line_spacing(spacing), text)
}

fn cell(text: &str, width: usize, bold: bool) -> TableCell {
    let mut p = Paragraph::new().style("DuchaTable");
    if bold {
        p = p.align(AlignmentType::Center).bold();
    }
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(text_runs(p, text))
}

fn table(t: &DocTable) -> Table {
    let sum: usize = t.widths.iter().sum::<usize>().max(1);
    let widths: Vec<usize> = t.widths.iter().map(|w| TEXT_WIDTH * w / sum).collect();
    // The header row is marked "can't split" and then also "repeat as header": see `repeat_headers`.
    let head = TableRow::new(
        t.head
            .iter()
            .zip(&widths)
            .map(|(h, w)| cell(h, *w, true))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![head];
    rows.extend(t.rows.iter().map(|r| {
        TableRow::new(
            r.iter()
                .zip(&widths)
                .map(|(c, w)| cell(c, *w, false))
                .collect(),
        )
    }));
    Table::new(rows)
        .set_grid(widths)
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn add(docx: Docx, block: &Block) -> Docx {
    match block {
        Block::Title(s) => {
            docx.add_paragraph(paragraph("DuchaTitle", s).align(AlignmentType::Center))
        }
        Block::Heading(s) => docx.add_paragraph(paragraph("DuchaHeading", s).keep_next(true)),
        Block::Para(s) => docx.add_paragraph(paragraph("DuchaBody", s).indent(
            None,
            Some(SpecialIndentType::FirstLine(640)),
            None,
            None,
        )),
        Block::Plain(s) => docx.add_paragraph(paragraph("DuchaBody", s)),
        Block::Right(s) => {
            docx.add_paragraph(paragraph("DuchaBody", s).align(AlignmentType::Right))
        }
        Block::Table(t) => docx.add_table(table(t)).add_paragraph(Paragraph::new()),
        Block::PageBreak => docx.add_paragraph(
            Paragraph::new().add_run(Run::new().add_break(docx_rs::BreakType::Page)),
        ),
    }
}

/// The document's bytes.
pub fn write(blocks: &[Block]) -> Result<Vec<u8>, String> {
    let mut docx = styles(Docx::new())
        .page_size(PAGE.0, PAGE.1)
        .page_margin(
            PageMargin::new()
                .top(MARGINS.0)
                .bottom(MARGINS.1)
                .left(MARGINS.2)
                .right(MARGINS.3),
        )
        .footer(footer());
    for b in blocks {
        docx = add(docx, b);
    }
    let mut xml = docx.build();
    xml.document = repeat_headers(&xml.document);
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// Marks every header row (the only rows marked "can't split") to repeat at the top of each
/// page: docx-rs has no setting for `w:tblHeader`, so it is added to the built XML here.
fn repeat_headers(document: &[u8]) -> Vec<u8> {
    let xml = String::from_utf8_lossy(document);
    xml.replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />")
        .into_bytes()
}
