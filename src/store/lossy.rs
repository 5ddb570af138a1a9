//! What the canonical form cannot keep as it was written, said as warnings.
//!
//! Values of unknown keys are kept exactly, tags included; but the board reads a known field
//! as text, so a tag of the file's own on one (`title: !mytag …`) is gone once `ducha fmt`, or a
//! change to that task, rewrites it. `check` says so before that happens.

use crate::model::validate::Diagnostic;
use crate::model::Lang;

/// Warnings for the tags the reader found on values of known keys.
pub(super) fn warnings(tags: &[(String, usize, usize)], lang: Lang) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (tag, line, col) in tags {
        let mut d = Diagnostic::warning(
            "",
            match lang {
                Lang::Zh => format!("标签 {tag} 在整体重写（ducha fmt 或改动该任务后保存）时不会保留，值本身保留"),
                Lang::En => format!("the tag {tag} is not kept when this part is rewritten (ducha fmt, or saving a change to it); the value is"),
            },
        );
        d.pos = Some((*line, *col));
        out.push(d);
    }
    out
}
