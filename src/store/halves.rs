//! Reading a large board in two pieces at once, one per core.
//!
//! A board's tasks are nearly all of its text, and when the task list is the file's last key,
//! written as a block list, the text can be cut at the first line of an item. The head (the
//! board's other keys and the first part of the list) and the rest of the list are then read at
//! the same time and joined.
//!
//! A cut can only be trusted where the pieces mean what the whole file means. What could make
//! them differ is refused before reading (anchors, which an alias in the other piece would need;
//! directives, which change what a tag means), and what the cut itself could break shows when
//! the pieces are read: a cut inside quotes or brackets leaves the head unreadable, and the rest
//! must read as a list of tasks without a single wrong value. Anything else reads the whole text
//! in one piece, so the result is always that of one pass, errors and their places included.

use super::reader::{self, Progress, Reading};
use crate::model::validate::Diagnostic;
use crate::model::Lang;

/// Texts shorter than this are read in one piece: starting a thread would cost more than it
/// saves (a board of about 400 tasks).
const MIN_BYTES: usize = 128 * 1024;

/// The reading thread's stack: as much as the main thread's, for values nested to the limit.
const STACK_BYTES: usize = 8 * 1024 * 1024;

/// Where a text is cut. How many items lie on either side is counted by each piece's thread.
#[derive(Debug, PartialEq)]
struct Cut {
    /// The byte offset of the list's first line.
    list: usize,
    /// The byte offset of the first line of the item the rest starts with.
    at: usize,
    /// How far the list's items are indented.
    indent: usize,
}

/// Reads a board file's text, in two pieces at once when it is large and can be cut safely.
pub(super) fn read(
    text: &str,
    lang: Lang,
    mut progress: Option<Progress<'_>>,
) -> Result<Reading, Diagnostic> {
    if let Some(cut) = cut(text, MIN_BYTES).filter(|_| two_cores()) {
        if let Some(reading) = read_cut(text, &cut, lang, progress.as_deref_mut()) {
            return Ok(reading);
        }
    }
    reader::read(text, lang, progress)
}

fn two_cores() -> bool {
    std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2)
}

/// Reads both pieces at once; `None` when either cannot be trusted to mean what the whole does.
fn read_cut<'p>(
    text: &str,
    cut: &Cut,
    lang: Lang,
    progress: Option<&mut (dyn FnMut(usize, usize) + 'p)>,
) -> Option<Reading> {
    let (head, rest) = text.split_at(cut.at);
    std::thread::scope(|scope| {
        let rest = std::thread::Builder::new()
            .name("ducha-read".into())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, || {
                let items = count(rest, cut.indent)?;
                Some((reader::read_tasks(rest, lang, items)?, items))
            })
            .ok()?;
        // The head is about half the text: its progress is told as the whole's.
        let whole = text.len();
        let mut scaled = progress.map(|p| {
            move |done: usize, of: usize| p(done.saturating_mul(whole) / of.max(1), whole)
        });
        let scaled = scaled.as_mut().map(|f| f as &mut dyn FnMut(usize, usize));
        // Never cut before the first item: the head must hold a list for the rest to join.
        let items = count(&text[cut.list..cut.at], cut.indent).filter(|&n| n > 0);
        let head = items.map(|n| reader::read_sized(head, lang, scaled, n));
        // A panic in the other thread is the reader's own bug: reading in one piece shows it.
        let (rest, rest_items) = rest.join().ok()??;
        let (mut head, head_items) = (head?.ok()?, items?);
        // Each piece holds just the items counted on its side of the cut, and the head's are the
        // list the cut was made in: a second `tasks` key (reported as a duplicate, its items
        // dropped) is no list to add the rest to.
        let list = head.file.as_mut()?.tasks.as_mut()?;
        if rest.len() != rest_items || list.0.len() != 1 || list.len() != head_items {
            return None;
        }
        list.0.push(rest);
        Some(head)
    })
}

/// Where to cut a text of at least `min_bytes`: at the first item of the task list at or after
/// the middle of the list's text, when the list is the file's last key and its items start lines.
fn cut(text: &str, min_bytes: usize) -> Option<Cut> {
    if text.len() < min_bytes
        || may_anchor(text)
        || text.starts_with('%')
        || text.contains("\n%")
        || lone_return(text)
    {
        return None;
    }
    let start = list_start(text)?;
    // The items' indentation is that of the list's first line that says something.
    let first = lines(text, start).find(|l| !blank(l.1))?;
    let indent = first.1.len() - first.1.trim_start_matches(' ').len();
    // The first line that starts an item at or after the middle of the list, past its first.
    let mut from = (start + (text.len() - start) / 2).max(first.0 + 1);
    if text.as_bytes()[from - 1] != b'\n' {
        from = memchr::memchr(b'\n', &text.as_bytes()[from..]).map(|n| from + n + 1)?;
    }
    let at = lines(text, from).find(|l| item(l.1, indent))?.0;
    Some(Cut {
        list: start,
        at,
        indent,
    })
}

/// How many items of a list indented by `indent` start lines of `piece`; `None` when a line says
/// something outside the list (another key after it): not a cut to trust.
fn count(piece: &str, indent: usize) -> Option<usize> {
    let mut items = 0;
    for (_, line) in lines(piece, 0) {
        if item(line, indent) {
            items += 1;
        } else if outside(line, indent) {
            return None;
        }
    }
    Some(items)
}

/// The byte offset of the line after `tasks:` at the start of a line with nothing after it but
/// a comment: the start of a list written as a block.
fn list_start(text: &str) -> Option<usize> {
    let mut from = 0;
    loop {
        let found = from + text[from..].find("tasks:")?;
        let line_end = text[found..].find('\n').map_or(text.len(), |e| found + e);
        let after = text[found + "tasks:".len()..line_end].trim_end_matches('\r');
        let at_line_start = found == 0 || text.as_bytes()[found - 1] == b'\n';
        if at_line_start && (after.trim().is_empty() || after.trim_start().starts_with('#')) {
            // A value after the key is not a block list; nor is an empty file's end.
            return (after.is_empty() || after.starts_with([' ', '#']))
                .then_some(line_end + 1)
                .filter(|&s| s < text.len());
        }
        from = found + 1;
    }
}

/// Whether the text may hold an anchor where a block value starts (after a blank, a bracket or a
/// comma). `R&D` inside text is not one. One it misses (`"k":&a`) is harmless: an alias to it
/// from the other piece does not read, and the text is read again in one piece.
fn may_anchor(text: &str) -> bool {
    text.match_indices('&').any(|(i, _)| {
        i == 0
            || matches!(
                text.as_bytes()[i - 1],
                b' ' | b'\t' | b'\n' | b'[' | b'{' | b','
            )
    })
}

/// Whether a carriage return stands alone somewhere: YAML ends a line there, the cut does not, so
/// a key or a directive could hide behind it.
pub(super) fn lone_return(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b'\r', b).any(|i| b.get(i + 1) != Some(&b'\n'))
}

/// Whether a line holds nothing for the reader: spaces, or a comment.
fn blank(line: &str) -> bool {
    let t = line.trim_start_matches(' ').trim_end_matches('\r');
    t.is_empty() || t.starts_with('#')
}

/// Whether the line starts an item of a list indented by `indent`.
fn item(line: &str, indent: usize) -> bool {
    let b = line.as_bytes();
    b.len() > indent
        && b[..indent].iter().all(|&c| c == b' ')
        && b[indent] == b'-'
        && matches!(b.get(indent + 1), None | Some(b' ' | b'\r'))
}

/// Whether a line that is not an item is outside the list: it says something, less indented
/// than the items' contents.
fn outside(line: &str, indent: usize) -> bool {
    if blank(line) {
        return false;
    }
    let spaces = line.len() - line.trim_start_matches(' ').len();
    spaces <= indent
}

/// The lines of a text from the start of a line on, each with its offset, without the line
/// break.
fn lines(text: &str, from: usize) -> Lines<'_> {
    Lines {
        text,
        at: from,
        from,
        // `memchr` looks at many bytes at a time: a board has a line every 30 bytes or so.
        breaks: memchr::memchr_iter(b'\n', &text.as_bytes()[from..]),
    }
}

/// See [`lines`].
struct Lines<'a> {
    text: &'a str,
    at: usize,
    from: usize,
    breaks: memchr::Memchr<'a>,
}

impl<'a> Iterator for Lines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if self.at >= self.text.len() {
            return None;
        }
        let start = self.at;
        let end = self
            .breaks
            .next()
            .map_or(self.text.len(), |n| self.from + n);
        self.at = end + 1;
        Some((start, &self.text[start..end]))
    }
}

#[cfg(test)]
mod tests;
