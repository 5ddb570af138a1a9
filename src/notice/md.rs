//! A notice in Markdown.

use super::{parts, Notice};
use crate::model::Board;
use crate::report::md_text::{header, inline, row};
use std::fmt::Write;

/// The notice as Markdown: title, addressee, the reason, the task table, the request, and the
/// office and date at the foot.
pub fn render(b: &Board, n: &Notice) -> String {
    let p = parts(b, n);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&p.title));
    let _ = writeln!(out, "**{}**\n", inline(&p.to));
    let _ = writeln!(out, "{}\n", inline(&p.intro));
    let head: Vec<&str> = p.head.iter().map(String::as_str).collect();
    header(&mut out, &head);
    for r in &p.rows {
        row(&mut out, r);
    }
    out.push('\n');
    let _ = writeln!(out, "{}\n", inline(&p.request));
    // Two trailing spaces: a line break in Markdown, so the office and the date stay two lines.
    let _ = writeln!(out, "{}  \n{}", inline(&p.office), inline(&p.date));
    out
}
