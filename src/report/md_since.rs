//! The Markdown sections of what changed since a date: one per list of [`Changes`].

use super::md::{counted, table};
use super::tables;
use crate::model::since::Changes;
use crate::model::{Board, Lang};
use std::fmt::Write;

/// Appends the five sections, under one heading naming the date.
pub fn render(out: &mut String, b: &Board, c: &Changes) {
    let lang = b.lang();
    let from = c.from;
    let _ = match lang {
        Lang::Zh => writeln!(out, "## 自 {from} 以来的变化\n"),
        Lang::En => writeln!(out, "## Changes since {from}\n"),
    };
    for s in tables::since(b, c) {
        let _ = writeln!(out, "### {}\n", counted(lang, &s.title, s.count));
        table(out, &s);
    }
}
