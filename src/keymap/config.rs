//! keys.toml: the user's own keys, per mode by action name.
//!
//! ```toml
//! [board]
//! move_right = ["l", "Right"]
//! delete = "D"
//! ```
//!
//! A name replaces that action's keys in that mode. A file with any problem (syntax, unknown
//! mode or action, a key that is no key, two actions on one key, an action left without a plain
//! key) is not used at all: the defaults stay, and the problem names the file and the line.

use super::{Keymap, Mode, Press, Problem, Trouble};
use std::path::{Path, PathBuf};

/// Where keys.toml is: `$XDG_CONFIG_HOME/ducha/keys.toml`, else `~/.config/ducha/keys.toml`.
pub fn path() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = xdg.or_else(|| {
        std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(|h| PathBuf::from(h).join(".config"))
    })?;
    Some(base.join("ducha").join("keys.toml"))
}

/// keys.toml's path as shown: under the home folder as `~/…`, which is short enough for a
/// footer, else in full.
pub fn shown_path() -> String {
    let Some(p) = path() else {
        return "keys.toml".into();
    };
    let home = std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from);
    match home.and_then(|h| p.strip_prefix(&h).ok().map(Path::to_path_buf)) {
        Some(rest) => format!("~/{}", crate::model::text::printable_path(&rest)),
        None => crate::model::text::printable_path(&p),
    }
}

/// The keys in force for this user, and the problems of their keys.toml (the defaults are in
/// force when there are any). No file is no problem.
pub fn load() -> (Keymap, Vec<Problem>) {
    match path() {
        Some(p) if p.exists() => load_from(&p),
        _ => (Keymap::defaults(), Vec::new()),
    }
}

/// The keys of a given keys.toml, or the defaults and the file's problems.
pub fn load_from(file: &Path) -> (Keymap, Vec<Problem>) {
    // Only a small regular file is read: a FIFO or a device must not hang the start.
    let text = match std::fs::metadata(file) {
        Ok(m) if !m.is_file() || m.len() > 1 << 20 => Err("not a small regular file".to_string()),
        Ok(_) => std::fs::read_to_string(file).map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    match text {
        Ok(text) => match apply(Keymap::defaults(), &text) {
            Ok(keys) => (keys, Vec::new()),
            Err(problems) => (Keymap::defaults(), problems),
        },
        Err(e) => (
            Keymap::defaults(),
            vec![Problem {
                line: None,
                trouble: Trouble::Unreadable(e),
            }],
        ),
    }
}

/// The line (from 1) of a byte offset.
fn line_of(text: &str, at: Option<std::ops::Range<usize>>) -> Option<usize> {
    let at = at?.start.min(text.len());
    Some(
        text.as_bytes()[..at]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1,
    )
}

/// The table with the file's keys in it, or every problem found.
pub fn apply(mut keys: Keymap, text: &str) -> Result<Keymap, Vec<Problem>> {
    let doc = toml_edit::Document::parse(text).map_err(|e| {
        vec![Problem {
            line: line_of(text, e.span()),
            trouble: Trouble::Syntax(e.message().trim().to_string()),
        }]
    })?;
    let mut problems = Vec::new();
    let mut say = |span, trouble| {
        problems.push(Problem {
            line: line_of(text, span),
            trouble,
        })
    };
    for (name, item) in doc.as_table().iter() {
        let span = doc.as_table().key(name).and_then(|k| k.span());
        let Some(table) = item.as_table_like() else {
            say(span, Trouble::NotInMode(name.to_string()));
            continue;
        };
        let Some(mode) = Mode::named(name) else {
            say(span, Trouble::UnknownMode(name.to_string()));
            continue;
        };
        for (action, value) in table.iter() {
            let span = table.get_key_value(action).and_then(|(k, _)| k.span());
            let Some(entry) = keys.named_mut(mode, action) else {
                say(span, Trouble::UnknownAction(mode, action.to_string()));
                continue;
            };
            match presses(value) {
                Some(Ok(list)) => {
                    entry.keys = list;
                    entry.line = line_of(text, span);
                }
                Some(Err(bad)) => say(span, Trouble::BadKey(mode, action.to_string(), bad)),
                None => say(span, Trouble::NotKeys(mode, action.to_string())),
            }
        }
    }
    problems.extend(keys.problems());
    if problems.is_empty() {
        Ok(keys)
    } else {
        Err(problems)
    }
}

/// The keys of a value: one key name or a list of them; `None` when it is neither, the first
/// bad name when one is no key.
fn presses(item: &toml_edit::Item) -> Option<Result<Vec<Press>, String>> {
    let names: Vec<&str> = match (item.as_str(), item.as_array()) {
        (Some(s), _) => vec![s],
        (None, Some(list)) => list.iter().map(|v| v.as_str()).collect::<Option<_>>()?,
        _ => return None,
    };
    Some(
        names
            .into_iter()
            .map(|n| Press::parse(n).map_err(|_| n.to_string()))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::model::Lang;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn problem(text: &str) -> String {
        match apply(Keymap::defaults(), text) {
            Ok(_) => panic!("accepted: {text}"),
            Err(p) => p[0].words("keys.toml", Lang::En),
        }
    }

    #[test]
    fn a_rebinding_replaces_the_keys_of_that_action_in_that_mode() {
        let keys = apply(
            Keymap::defaults(),
            "# mine\n[board]\nmove_right = [\"w\", \"Right\"]\nmove_left = \"Left\"\n",
        )
        .unwrap();
        let w = KeyEvent::new(KeyCode::Char('w'), KeyModifiers::NONE);
        let h = KeyEvent::new(KeyCode::Char('h'), KeyModifiers::NONE);
        assert_eq!(keys.action(Mode::Board, &w), Some(Action::Right));
        assert_eq!(keys.action(Mode::Board, &h), None);
        assert_eq!(
            keys.action(Mode::Units, &w),
            None,
            "other modes keep theirs"
        );
        let e = keys.entry(Mode::Board, &Action::Right).unwrap();
        assert_eq!(e.line, Some(3));
    }

    #[test]
    fn every_problem_names_its_line() {
        assert!(
            problem("[board]\nmove_right = [\"l\"\n").starts_with("keys.toml:2: not valid TOML")
        );
        assert!(problem("\n[bored]\nx = \"l\"\n").starts_with("keys.toml:2: no mode called bored"));
        assert!(problem("[board]\n\nfly = \"l\"\n")
            .starts_with("keys.toml:3: mode board has no action called fly"));
        assert!(problem("[board]\nmove_right = \"Ctrl-Lefty\"\n")
            .starts_with("keys.toml:2: board.move_right: \"Ctrl-Lefty\" is not a key"));
        assert!(problem("[board]\nmove_right = 3\n")
            .starts_with("keys.toml:2: board.move_right must be"));
        assert_eq!(
            problem("[board]\nmove_right = [\"d\"]\n"),
            "keys.toml:2: in mode board, d is bound to both move_right and delete"
        );
        assert!(problem("[board]\nmove_right = [\"Shift-Right\", \"F6\"]\n")
            .starts_with("keys.toml:2: board.move_right needs at least one plain key"));
        assert!(problem("[note]\naccept = [\"a\", \"Enter\"]\n")
            .starts_with("keys.toml:2: note.accept: a is typed as text"));
        assert!(
            problem("move_right = \"l\"\n").starts_with("keys.toml:1: move_right belongs under")
        );
    }
}
