//! The ledger's tables as an `.xlsx` workbook laid out for printing: a title row, a frozen
//! header with a filter, widths that fit Chinese, wrapped long cells, coloured lights, A4
//! landscape with the header on every page.

use super::table::{light_word, Out, Shape, Table};
use crate::model::facts::Light;
use crate::model::Lang;
use chrono::Datelike;
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

/// Rows above the data: the title, then the header.
const TITLE_ROW: u32 = 0;
const HEADER_ROW: u32 = 1;
/// A4 in Excel's paper-size numbering.
const PAPER_A4: u8 = 9;
/// Widest a column of long text gets, in Excel's width units (about one Latin letter; a Chinese
/// character takes two).
const LONG_MAX: f64 = 46.0;
const SHORT_MAX: f64 = 22.0;

/// The formats of one workbook.
struct Formats {
    title: Format,
    header: Format,
    short: Format,
    long: Format,
    date: Format,
    rate: Format,
    lights: [Format; 4],
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter)
            .set_font_size(10.5);
        let centred = cell.clone().set_align(FormatAlign::Center);
        let light = |fill: u32, font: u32| {
            centred
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(fill))
                .set_font_color(Color::RGB(font))
        };
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            header: centred
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xD9E1F2)),
            short: centred.clone().set_text_wrap(),
            long: cell.clone().set_text_wrap(),
            date: centred.clone().set_num_format("yyyy-mm-dd"),
            rate: centred.clone().set_num_format("0.0%"),
            lights: [
                light(0xFFC7CE, 0x9C0006),
                light(0xFFEB9C, 0x9C5700),
                light(0xC6EFCE, 0x006100),
                light(0xE2EFDA, 0x375623),
            ],
        }
    }

    fn light(&self, light: Light) -> &Format {
        match light {
            Light::Red => &self.lights[0],
            Light::Yellow => &self.lights[1],
            Light::Green => &self.lights[2],
            Light::Done => &self.lights[3],
        }
    }
}

/// The workbook of the tables, as bytes.
pub fn workbook(tables: &[Table], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let formats = Formats::new();
    for table in tables {
        let sheet = book.add_worksheet();
        write_table(sheet, table, &formats, lang)?;
    }
    book.save_to_buffer()
}

fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

fn row(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn write_table(sheet: &mut Worksheet, t: &Table, f: &Formats, lang: Lang) -> Result<(), XlsxError> {
    sheet.set_name(&t.sheet)?;
    let last_col = col(t.columns.len().saturating_sub(1));
    if last_col > 0 {
        sheet.merge_range(TITLE_ROW, 0, TITLE_ROW, last_col, &t.title, &f.title)?;
    } else {
        sheet.write_string_with_format(TITLE_ROW, 0, &t.title, &f.title)?;
    }
    sheet.set_row_height(TITLE_ROW, 30)?;
    for (i, c) in t.columns.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col(i), &c.header, &f.header)?;
        sheet.set_column_width(col(i), width(t, i))?;
    }
    for (r, cells) in t.rows.iter().enumerate() {
        let at = HEADER_ROW + 1 + row(r);
        for (i, cell) in cells.iter().enumerate() {
            write_cell(sheet, at, col(i), cell, t.columns[i].shape, f, lang)?;
        }
    }
    let last_row = HEADER_ROW + row(t.rows.len());
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.autofilter(HEADER_ROW, 0, last_row, last_col)?;
    page_setup(sheet, lang)?;
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Out,
    shape: Shape,
    f: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    let text_format = match shape {
        Shape::Short => &f.short,
        Shape::Long => &f.long,
    };
    match cell {
        Out::Empty => sheet.write_blank(r, c, text_format)?,
        // Written as strings, never as formulas, whatever they start with.
        Out::Text(s) => sheet.write_string_with_format(r, c, s, text_format)?,
        Out::Date(d) => {
            let day = ExcelDateTime::from_ymd(
                u16::try_from(d.year()).unwrap_or(1900),
                u8::try_from(d.month()).unwrap_or(1),
                u8::try_from(d.day()).unwrap_or(1),
            )?;
            sheet.write_date_with_format(r, c, &day, &f.date)?
        }
        Out::Int(n) => sheet.write_number_with_format(r, c, *n as f64, &f.short)?,
        Out::Float(n) => sheet.write_number_with_format(r, c, *n, &f.short)?,
        Out::Bool(b) => sheet.write_boolean_with_format(r, c, *b, &f.short)?,
        Out::Rate(x) => sheet.write_number_with_format(r, c, *x, &f.rate)?,
        Out::Light(l) => sheet.write_string_with_format(r, c, light_word(*l, lang), f.light(*l))?,
    };
    Ok(())
}

/// Print on A4 landscape, one page wide, with the header on every page and page numbers.
fn page_setup(sheet: &mut Worksheet, lang: Lang) -> Result<(), XlsxError> {
    sheet.set_landscape();
    sheet.set_paper_size(PAPER_A4);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.set_print_center_horizontally(true);
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_footer(lang.pick("&C第 &P 页，共 &N 页", "&CPage &P of &N"));
    Ok(())
}

/// The display width of a cell's longest line (a Chinese character counts two).
fn shown_width(cell: &Out) -> usize {
    match cell {
        Out::Empty => 0,
        Out::Text(s) => s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0),
        Out::Date(_) => 10,
        Out::Int(n) => n.to_string().len(),
        Out::Float(n) => n.to_string().len(),
        Out::Bool(_) => 5,
        Out::Rate(_) => 6,
        Out::Light(_) => 8,
    }
}

/// A column as wide as its widest cell, within bounds, so Chinese fits without wasting paper.
fn width(t: &Table, i: usize) -> f64 {
    let header = t.columns[i].header.width() as f64;
    let widest = t
        .rows
        .iter()
        .filter_map(|r| r.get(i))
        .map(shown_width)
        .max()
        .unwrap_or(0) as f64;
    let max = match t.columns[i].shape {
        Shape::Short => SHORT_MAX,
        Shape::Long => LONG_MAX,
    };
    (widest.max(header) * 1.1 + 2.0).clamp(6.0, max.max(header + 2.0))
}
