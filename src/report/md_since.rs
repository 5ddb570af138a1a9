//! The Markdown sections of what changed since a date: one per list of [`Changes`].

use super::md::{counted, header, row};
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
        if s.rows.is_empty() {
            let _ = writeln!(out, "{}\n", s.none);
            continue;
        }
        let head: Vec<&str> = s.head.iter().map(String::as_str).collect();
        header(out, &head);
        for r in &s.rows {
            row(out, r);
        }
        out.push('\n');
    }
}
