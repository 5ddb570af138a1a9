//! The one table of date forms a ledger's 完成时限 may use, and reading a cell by it.
//!
//! Offices write deadlines as real date cells, as Excel serial numbers and as text in many forms
//! (`2023年6月30日`, `6月底前`, `2023年第三季度`, `年底前`). Each form is one line of [`FORMS`];
//! docs/IMPORT.md lists the same table with the same examples.

use super::scan::{normalize, scan, Found};
use chrono::{Days, NaiveDate};

/// Which day a form means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Day {
    /// The day written.
    Given,
    /// 上旬: the 10th.
    EarlyMonth,
    /// 中旬: the 20th.
    MidMonth,
    /// 月底, 下旬, or a month alone: the month's last day.
    MonthEnd,
    /// A quarter: its last day.
    QuarterEnd,
    /// 上半年: 30 June.
    FirstHalf,
    /// 年底, 下半年, or a year alone: 31 December.
    YearEnd,
}

/// One way of writing a date.
#[derive(Debug, Clone, Copy)]
pub struct DateForm {
    /// `{Y}` a four-digit year, `{M}`/`{D}` a month/day of one or two digits, `{MM}`/`{DD}` of
    /// exactly two, `{Q}` a quarter 1-4; anything else stands for itself. Chinese numerals
    /// (`三季度`, `十二月`, `二〇二三年`) and full-width digits are read as digits first.
    pub pattern: &'static str,
    /// The day it means.
    pub day: Day,
    /// An example, which in 2023 means `means`.
    pub example: &'static str,
    /// The example's date (`YYYY-MM-DD`), with 2023 as the ledger's year.
    pub means: &'static str,
}

const fn form(
    pattern: &'static str,
    day: Day,
    example: &'static str,
    means: &'static str,
) -> DateForm {
    DateForm {
        pattern,
        day,
        example,
        means,
    }
}

/// Every date form, most specific first (at one place the longest match wins; on a tie, the
/// earlier line).
#[rustfmt::skip]
pub const FORMS: &[DateForm] = &[
    form("{Y}年{M}月{D}日", Day::Given, "2023年6月30日", "2023-06-30"),
    form("{Y}年{M}月{D}号", Day::Given, "2023年6月30号", "2023-06-30"),
    form("{Y}-{M}-{D}", Day::Given, "2023-06-30", "2023-06-30"),
    form("{Y}/{M}/{D}", Day::Given, "2023/6/30", "2023-06-30"),
    form("{Y}.{M}.{D}", Day::Given, "2023.6.30", "2023-06-30"),
    form("{Y}{MM}{DD}", Day::Given, "20230630", "2023-06-30"),
    form("{Y}年{M}月底", Day::MonthEnd, "2023年6月底", "2023-06-30"),
    form("{Y}年{M}月末", Day::MonthEnd, "2023年6月末", "2023-06-30"),
    form("{Y}年{M}月下旬", Day::MonthEnd, "2023年6月下旬", "2023-06-30"),
    form("{Y}年{M}月中旬", Day::MidMonth, "2023年6月中旬", "2023-06-20"),
    form("{Y}年{M}月上旬", Day::EarlyMonth, "2023年6月上旬", "2023-06-10"),
    form("{Y}年{M}月", Day::MonthEnd, "2023年6月", "2023-06-30"),
    form("{Y}-{M}", Day::MonthEnd, "2023-06", "2023-06-30"),
    form("{Y}/{M}", Day::MonthEnd, "2023/6", "2023-06-30"),
    form("{Y}.{M}", Day::MonthEnd, "2023.6", "2023-06-30"),
    form("{M}月{D}日", Day::Given, "6月30日", "2023-06-30"),
    form("{M}月{D}号", Day::Given, "6月30号", "2023-06-30"),
    form("{M}月底", Day::MonthEnd, "6月底前", "2023-06-30"),
    form("{M}月末", Day::MonthEnd, "6月末", "2023-06-30"),
    form("{M}月下旬", Day::MonthEnd, "6月下旬", "2023-06-30"),
    form("{M}月中旬", Day::MidMonth, "6月中旬", "2023-06-20"),
    form("{M}月上旬", Day::EarlyMonth, "6月上旬", "2023-06-10"),
    form("{M}月份", Day::MonthEnd, "6月份", "2023-06-30"),
    form("{M}月", Day::MonthEnd, "十二月", "2023-12-31"),
    form("{M}/{D}", Day::Given, "6/30", "2023-06-30"),
    form("{M}.{D}", Day::Given, "6.30", "2023-06-30"),
    form("{Y}年第{Q}季度", Day::QuarterEnd, "2023年第三季度", "2023-09-30"),
    form("{Y}年{Q}季度", Day::QuarterEnd, "2023年3季度", "2023-09-30"),
    form("第{Q}季度", Day::QuarterEnd, "第一季度末", "2023-03-31"),
    form("{Q}季度", Day::QuarterEnd, "二季度", "2023-06-30"),
    form("{Y}年上半年", Day::FirstHalf, "2023年上半年", "2023-06-30"),
    form("上半年", Day::FirstHalf, "上半年", "2023-06-30"),
    form("{Y}年下半年", Day::YearEnd, "2023年下半年", "2023-12-31"),
    form("下半年", Day::YearEnd, "下半年", "2023-12-31"),
    form("{Y}年底", Day::YearEnd, "2023年底", "2023-12-31"),
    form("{Y}年末", Day::YearEnd, "2023年末", "2023-12-31"),
    form("{Y}年", Day::YearEnd, "2023年", "2023-12-31"),
    form("年底", Day::YearEnd, "年底前", "2023-12-31"),
    form("年末", Day::YearEnd, "年末", "2023-12-31"),
    form("年内", Day::YearEnd, "年内完成", "2023-12-31"),
];

/// Words around a date that add nothing to it (`6月底前完成`).
const FILLER: &[&str] = &[
    "之前", "以前", "为止", "以内", "完成", "截止", "截至", "左右", "前", "止", "到", "至", "内",
    "末", "底",
];

/// What a deadline cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// A date; `more` when the text says more than the date (a range, several steps, words),
    /// so it is worth keeping.
    Date {
        /// The deadline: the last date named.
        date: NaiveDate,
        /// Whether the text holds more than that date.
        more: bool,
    },
    /// Words that name no date (`长期坚持`, `每月`).
    NoDate,
    /// A date form naming a day that does not exist (`2023年2月30日`).
    NoSuchDay,
    /// Something written like a date that is none (`2023.13.5`).
    NotADate,
}

/// The last day of a month, if the month exists.
fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    first.checked_add_months(chrono::Months::new(1))?.pred_opt()
}

/// The date a match means, with `year` when it names none; `None` when no such day exists.
fn resolve(found: &Found, year: i32) -> Option<NaiveDate> {
    let c = found.caps;
    let y = c.year.unwrap_or(year);
    let m = c.month.unwrap_or(12);
    match FORMS[found.form].day {
        Day::Given => NaiveDate::from_ymd_opt(y, m, c.day?),
        Day::EarlyMonth => NaiveDate::from_ymd_opt(y, m, 10),
        Day::MidMonth => NaiveDate::from_ymd_opt(y, m, 20),
        Day::MonthEnd => month_end(y, m),
        Day::QuarterEnd => month_end(y, c.quarter? * 3),
        Day::FirstHalf => NaiveDate::from_ymd_opt(y, 6, 30),
        Day::YearEnd => NaiveDate::from_ymd_opt(y, 12, 31),
    }
}

/// Whether what is left around the dates is only filler (`前`, `完成`, times, punctuation).
fn only_filler(chars: &[char], found: &[Found]) -> bool {
    let mut rest = String::new();
    let mut pos = 0;
    for f in found {
        rest.extend(&chars[pos..f.start]);
        rest.push(' ');
        pos = f.end;
    }
    rest.extend(&chars[pos..]);
    for w in FILLER {
        rest = rest.replace(w, " ");
    }
    rest.chars()
        .all(|c| c.is_ascii_digit() || c == ':' || c.is_whitespace() || is_punct(c))
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || "，、；：（）【】—–～“”《》".contains(c)
}

/// Reads a deadline written as text, with `year` for forms that name none. A form without a
/// year after one with a year (`2023年5月至6月底`) takes that year.
pub fn read_text(text: &str, year: i32) -> Reading {
    let chars = normalize(text);
    let found = scan(&chars);
    if found.is_empty() {
        if let Some(date) = serial_text(&chars) {
            return Reading::Date { date, more: false };
        }
        let date_like = chars
            .iter()
            .all(|&c| c.is_ascii_digit() || "./-年月日号".contains(c));
        return if date_like && !chars.is_empty() {
            Reading::NotADate
        } else {
            Reading::NoDate
        };
    }
    let mut current = year;
    let mut date = None;
    for f in &found {
        current = f.caps.year.unwrap_or(current);
        date = resolve(f, current);
        if date.is_none() {
            return Reading::NoSuchDay;
        }
    }
    let Some(date) = date else {
        return Reading::NoSuchDay;
    };
    let more = found.len() > 1 || !only_filler(&chars, &found);
    Reading::Date { date, more }
}

/// A text of five digits that is an Excel serial (`45107`), as CSV files save date cells.
fn serial_text(chars: &[char]) -> Option<NaiveDate> {
    if chars.len() != 5 || !chars.iter().all(char::is_ascii_digit) {
        return None;
    }
    from_serial(chars.iter().collect::<String>().parse().ok()?)
}

/// The date of an Excel serial number (days since 1899-12-30), for dates 1980 to 2100 only:
/// other numbers in a deadline column are not dates.
pub fn from_serial(n: f64) -> Option<NaiveDate> {
    if !(29_221.0..73_416.0).contains(&n) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_days(Days::new(n.floor() as u64))
}

/// The first year a text names (`2023年重点任务台账` → 2023).
pub fn year_in(text: &str) -> Option<i32> {
    scan(&normalize(text)).iter().find_map(|f| f.caps.year)
}

/// The first full date a text names, with `year` when it names none (`填报时间：7月5日`).
pub fn day_in(text: &str, year: i32) -> Option<NaiveDate> {
    let chars = normalize(text);
    let found = scan(&chars);
    let f = found.iter().find(|f| FORMS[f.form].day == Day::Given)?;
    resolve(f, f.caps.year.unwrap_or(year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_means_its_date_by_its_own_form() {
        for (i, f) in FORMS.iter().enumerate() {
            let chars = normalize(f.example);
            let found = scan(&chars);
            assert_eq!(found.first().map(|x| x.form), Some(i), "{}", f.example);
            let want = NaiveDate::parse_from_str(f.means, "%Y-%m-%d").unwrap();
            match read_text(f.example, 2023) {
                Reading::Date { date, .. } => assert_eq!(date, want, "{}", f.example),
                other => panic!("{}: {other:?}", f.example),
            }
        }
    }
}
