//! Finding the date forms of [`FORMS`](super::dates::FORMS) in a text: a small matcher for
//! their patterns, after reading full-width digits and Chinese numerals as ASCII digits.

use super::dates::FORMS;
use std::sync::OnceLock;

/// One placeholder or literal of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Lit(char),
    Year,
    Month,
    DayNum,
    Month2,
    Day2,
    Quarter,
}

fn tokens(pattern: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        let holes = [
            ("{Y}", Tok::Year),
            ("{MM}", Tok::Month2),
            ("{DD}", Tok::Day2),
            ("{M}", Tok::Month),
            ("{D}", Tok::DayNum),
            ("{Q}", Tok::Quarter),
        ];
        match holes.iter().find(|(h, _)| rest.starts_with(h)) {
            Some((h, t)) => {
                out.push(*t);
                rest = &rest[h.len()..];
            }
            None => {
                out.push(Tok::Lit(c));
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// The forms as tokens, made once.
fn compiled() -> &'static [Vec<Tok>] {
    static FORMS_TOKENS: OnceLock<Vec<Vec<Tok>>> = OnceLock::new();
    FORMS_TOKENS.get_or_init(|| FORMS.iter().map(|f| tokens(f.pattern)).collect())
}

/// Numbers captured by a match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Caps {
    /// `{Y}`.
    pub year: Option<i32>,
    /// `{M}` or `{MM}`.
    pub month: Option<u32>,
    /// `{D}` or `{DD}`.
    pub day: Option<u32>,
    /// `{Q}`.
    pub quarter: Option<u32>,
}

/// A form found in a text, by character positions.
#[derive(Debug, Clone, Copy)]
pub struct Found {
    /// The first character.
    pub start: usize,
    /// After the last character.
    pub end: usize,
    /// Its index in `FORMS`.
    pub form: usize,
    /// The numbers read.
    pub caps: Caps,
}

/// Reads the run of digits at `at` when it has `min..=max` of them.
fn number(chars: &[char], at: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let n = chars[at..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if n < min || n > max {
        return None;
    }
    let v = chars[at..at + n]
        .iter()
        .try_fold(0u32, |v, c| Some(v * 10 + c.to_digit(10)?))?;
    Some((v, at + n))
}

fn match_at(toks: &[Tok], chars: &[char], start: usize) -> Option<(usize, Caps)> {
    let mut at = start;
    let mut caps = Caps::default();
    for tok in toks {
        let (min, max) = match tok {
            Tok::Lit(c) => {
                if chars.get(at) != Some(c) {
                    return None;
                }
                at += 1;
                continue;
            }
            Tok::Year => (4, 4),
            Tok::Month2 | Tok::Day2 => (2, 2),
            Tok::Month | Tok::DayNum => (1, 2),
            Tok::Quarter => (1, 1),
        };
        // `{Y}{MM}{DD}` reads fixed widths out of one run of digits.
        let run = chars[at..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let take = if matches!(tok, Tok::Year | Tok::Month2 | Tok::Day2) && run > max {
            max
        } else {
            run
        };
        let (v, end) = number(&chars[..at + take], at, min, max)?;
        let ok = match tok {
            Tok::Year => (1900..=2100).contains(&v) && i32::try_from(v).is_ok(),
            Tok::Month | Tok::Month2 => (1..=12).contains(&v),
            Tok::DayNum | Tok::Day2 => (1..=31).contains(&v),
            _ => (1..=4).contains(&v),
        };
        if !ok {
            return None;
        }
        match tok {
            Tok::Year => caps.year = i32::try_from(v).ok(),
            Tok::Month | Tok::Month2 => caps.month = Some(v),
            Tok::DayNum | Tok::Day2 => caps.day = Some(v),
            _ => caps.quarter = Some(v),
        }
        at = end;
    }
    // A match may not end inside a number: `2023.6.301` is not 2023-06-30.
    let ends_in_number = matches!(toks.last(), Some(t) if !matches!(t, Tok::Lit(_)));
    if ends_in_number && chars.get(at).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((at, caps))
}

/// Every form found, left to right, without overlaps.
pub fn scan(chars: &[char]) -> Vec<Found> {
    let forms = compiled();
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < chars.len() {
        let after_digit = pos > 0 && chars[pos - 1].is_ascii_digit();
        let best = forms
            .iter()
            .enumerate()
            .filter(|(_, t)| !after_digit || matches!(t.first(), Some(Tok::Lit(_))))
            .filter_map(|(i, t)| match_at(t, chars, pos).map(|(end, caps)| (i, end, caps)))
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
        match best {
            Some((form, end, caps)) => {
                out.push(Found {
                    start: pos,
                    end,
                    form,
                    caps,
                });
                pos = end;
            }
            None => pos += 1,
        }
    }
    out
}

/// The value of a Chinese numeral (`三`, `十二`, `三十一`, `二〇二三`).
fn chinese_number(s: &[char]) -> Option<u32> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
            .or(match c {
                '零' => Some(0),
                '两' => Some(2),
                _ => None,
            })
    };
    match s.iter().position(|&c| c == '十') {
        Some(p) => {
            let tens = if p == 0 { 1 } else { digit(*s.first()?)? };
            let ones = match &s[p + 1..] {
                [] => 0,
                [c] => digit(*c)?,
                _ => return None,
            };
            (p <= 1).then_some(tens * 10 + ones)
        }
        None => s
            .iter()
            .try_fold(0u32, |v, &c| Some(v.checked_mul(10)? + digit(c)?)),
    }
}

/// Full-width digits and punctuation as ASCII.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' | '。' => '.',
        '／' => '/',
        '－' | '‐' | '‑' => '-',
        _ => c,
    }
}

/// Text as the forms see it: ASCII digits and punctuation, no spaces (except one between two
/// numbers, which keeps them apart), Chinese numerals before 年 月 日 号 季 as digits.
pub fn normalize(text: &str) -> Vec<char> {
    let chars: Vec<char> = text.chars().map(half_width).collect();
    let mut out: Vec<char> = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let is_numeral = |c: char| "〇零一二两三四五六七八九十".contains(c);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let next = chars[i..].iter().find(|c| !c.is_whitespace());
            let between_numbers = out.last().is_some_and(char::is_ascii_digit)
                && next.is_some_and(char::is_ascii_digit);
            if between_numbers && out.last() != Some(&' ') {
                out.push(' ');
            }
            continue;
        }
        if is_numeral(c) {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            match chinese_number(&run).filter(|_| "年月日号季".contains(c)) {
                Some(v) => out.extend(v.to_string().chars()),
                None => out.extend(run.iter()),
            }
            run.clear();
        }
        out.push(c);
    }
    out.extend(run);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_are_read() {
        let n = |s: &str| chinese_number(&s.chars().collect::<Vec<_>>());
        assert_eq!(n("三"), Some(3));
        assert_eq!(n("十"), Some(10));
        assert_eq!(n("十二"), Some(12));
        assert_eq!(n("三十一"), Some(31));
        assert_eq!(n("二〇二三"), Some(2023));
        assert_eq!(
            normalize("二〇二三年十二月三十一日")
                .iter()
                .collect::<String>(),
            "2023年12月31日"
        );
        assert_eq!(
            normalize("一线工作法").iter().collect::<String>(),
            "一线工作法"
        );
    }
}
