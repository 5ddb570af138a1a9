//! What the canonical form cannot keep as it was written, said as warnings.
//!
//! Saving from the interactive board rewrites only the tasks that changed, so the rest of the
//! file stays as it is; but `ducha fmt`, and a task the board rewrites, are written in the
//! canonical form, which has no place for a tag of the file's own (`!mytag`, `!!binary`) and
//! holds a whole number beyond 64 bits as text. `check` says so before that happens.

use crate::model::validate::Diagnostic;
use crate::model::Lang;

/// Where `needle` first stands in `text` as a word of its own, as line and column.
fn find(text: &str, needle: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let at = text.match_indices(needle).map(|(i, _)| i).find(|&i| {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + needle.len()).copied();
        !before.is_some_and(|b| b.is_ascii_alphanumeric())
            && !after.is_some_and(|b| b.is_ascii_alphanumeric())
    })?;
    let line = text[..at].matches('\n').count() + 1;
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    Some((line, text[start..at].chars().count() + 1))
}

/// Warnings for the tags the pre-scan found and the big whole numbers the reader met.
pub(super) fn warnings(
    text: &str,
    tags: &[(String, usize, usize)],
    big_ints: &[String],
    lang: Lang,
) -> Vec<Diagnostic> {
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
    for digits in big_ints {
        let mut d = Diagnostic::warning(
            "",
            match lang {
                Lang::Zh => format!("整数 {digits} 超出 64 位，整体重写时将写成文字 \"{digits}\""),
                Lang::En => format!("the whole number {digits} is beyond 64 bits; rewriting writes it as the text \"{digits}\""),
            },
        );
        d.pos = find(text, digits);
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found_as_words() {
        let t = "a: 120240101000000000001x\nb: 20240101000000000001\n";
        assert_eq!(find(t, "20240101000000000001"), Some((2, 4)));
    }
}
