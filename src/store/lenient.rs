//! Reading on past values of the wrong type, so that one `check` reports every one of them.
//!
//! The typed reader stops at the first bad value. Only then, on the slow path, the text is read
//! as a plain YAML tree, the bad value is blanked out and the typed reader runs again, as often
//! as needed. Blanking keeps every other path as it was, so the problems found later still name
//! the place in the original file. A good file never comes here.

use super::de::FileBoard;
use super::syntax_diagnostic;
use crate::model::validate::Diagnostic;
use crate::model::Lang;

/// After this many wrong values the file is clearly not a board; stop re-reading it.
const MAX_TYPE_ERRORS: usize = 100;

/// Each further wrong value costs a whole re-read, so a huge file gets fewer of them: about as
/// much text is read again as a few seconds allow.
const REREAD_BYTES: usize = 64 * 1024 * 1024;

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Splits a reader path like `tasks[3].progress[0].at` into its steps.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !name.is_empty() {
            out.push(Step::Key(name));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let (n, tail) = r.split_once(']')?;
            out.push(Step::Index(n.parse().ok()?));
            rest = tail;
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(out)
}

/// The node at `path`, looking through tags.
fn node_at<'v>(mut v: &'v mut serde_yaml::Value, path: &str) -> Option<&'v mut serde_yaml::Value> {
    for step in steps(path)? {
        while let serde_yaml::Value::Tagged(t) = v {
            v = &mut t.value;
        }
        v = match step {
            Step::Key(k) => v.as_mapping_mut()?.get_mut(k)?,
            Step::Index(i) => v.as_sequence_mut()?.get_mut(i)?,
        };
    }
    Some(v)
}

/// What could be read of a file with values of the wrong type.
pub(super) struct Lenient {
    /// The file with every wrong value blanked out; `None` when reading gave up.
    pub file: Option<FileBoard>,
    /// One error per wrong value, without positions.
    pub errors: Vec<Diagnostic>,
}

/// Reads a file whose typed reading failed with `first`.
///
/// Fails with the error itself when it is not about a value: bad YAML syntax, or a document
/// that is not a mapping.
pub(super) fn read(
    text: &str,
    first: &serde_yaml::Error,
    lang: Lang,
) -> Result<Lenient, Diagnostic> {
    let fatal = syntax_diagnostic(first, lang);
    if fatal.path.is_empty() {
        return Err(fatal);
    }
    let Ok(mut tree) = serde_yaml::from_str::<serde_yaml::Value>(text) else {
        return Err(fatal);
    };
    let limit = (REREAD_BYTES / text.len().max(1)).clamp(1, MAX_TYPE_ERRORS);
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut d = fatal;
    'next_error: loop {
        let path = d.path.clone();
        // The position is filled in later from the original text, like every other problem's.
        d.pos = None;
        errors.push(d);
        if errors.len() >= limit {
            errors.push(Diagnostic::error(
                "",
                lang.pick(
                    "类型不对的值太多，已停止检查；请先修正以下问题后再检查",
                    "too many values of the wrong type; checking stopped: fix these and check again",
                ),
            ));
            break;
        }
        // A null reads as an absent field; a record in a list needs an empty mapping instead.
        for blank in [
            serde_yaml::Value::Null,
            serde_yaml::Value::Mapping(Default::default()),
        ] {
            let Some(bad) = node_at(&mut tree, &path) else {
                break 'next_error;
            };
            *bad = blank;
            let again = serde_yaml::to_string(&tree)
                .map_err(|e| syntax_diagnostic(&e, lang))
                .and_then(|t| {
                    serde_yaml::from_str::<FileBoard>(&t).map_err(|e| syntax_diagnostic(&e, lang))
                });
            match again {
                Ok(file) => {
                    return Ok(Lenient {
                        file: Some(file),
                        errors,
                    })
                }
                Err(next) if next.path == path => {}
                Err(next)
                    if !next.path.is_empty() && errors.iter().all(|e| e.path != next.path) =>
                {
                    d = next;
                    continue 'next_error;
                }
                Err(_) => break 'next_error,
            }
        }
        break;
    }
    Ok(Lenient { file: None, errors })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_keys_and_indices() {
        let s = steps("tasks[3].progress[0].at").unwrap_or_default();
        let shown: Vec<String> = s
            .iter()
            .map(|s| match s {
                Step::Key(k) => k.to_string(),
                Step::Index(i) => format!("#{i}"),
            })
            .collect();
        assert_eq!(shown, ["tasks", "#3", "progress", "#0", "at"]);
        assert!(steps("a[x]").is_none());
        assert!(steps("a[1]b").is_none());
    }
}
