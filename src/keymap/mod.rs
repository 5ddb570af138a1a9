//! The one table of keys for every mode. It turns key presses into actions, and the help
//! screen, the footers, the dialogs' hints and the presentation's are generated from it, so
//! what they say is what the keys do. Users may rebind keys in keys.toml (see [`config`]).

mod check;
pub mod config;
mod mode;
mod press;
mod table;

pub use check::{Problem, Trouble};
pub use mode::Mode;
pub use press::{BadKey, Press};

use crate::app::{Action, Key};
use crate::model::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::sync::{Arc, OnceLock};

/// One action of one mode with its keys, as in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The mode.
    pub mode: Mode,
    /// The action's name in keys.toml.
    pub name: &'static str,
    /// What it does.
    pub action: Action,
    /// Its keys, the first being the one hints show.
    pub keys: Vec<Press>,
    /// Help text (zh, en).
    pub help: [&'static str; 2],
    /// The short word of hints (zh, en).
    pub hint: [&'static str; 2],
    /// Which hints stay when room is short: 1 always, higher ones go first, 0 never a hint.
    pub rank: u8,
    /// The line of keys.toml that set the keys, if it did.
    pub line: Option<usize>,
}

impl Entry {
    /// The help text in `lang`.
    pub fn help(&self, lang: Lang) -> &'static str {
        lang.pick(self.help[0], self.help[1])
    }

    /// The short word of hints in `lang`.
    pub fn hint(&self, lang: Lang) -> &'static str {
        lang.pick(self.hint[0], self.hint[1])
    }

    /// The key hints show: the first, or in ASCII mode the first that is not an arrow (whose
    /// name is long there).
    pub fn label(&self, lang: Lang, ascii: bool) -> String {
        let arrow = |p: &Press| {
            matches!(
                p.code,
                KeyCode::Left | KeyCode::Right | KeyCode::Up | KeyCode::Down
            )
        };
        let plain = |p: &&Press| !ascii || !arrow(p);
        let key = self.keys.iter().find(plain).or(self.keys.first());
        key.map_or_else(String::new, |k| k.label(lang, ascii))
    }
}

/// The keys in force: the default table, with what keys.toml changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    entries: Vec<Entry>,
}

impl Keymap {
    /// The default table.
    pub fn defaults() -> Keymap {
        let mut entries = Vec::new();
        for row in table::ROWS {
            for &mode in row.modes {
                let keys = row
                    .keys
                    .iter()
                    .map(|k| Press::parse(k).unwrap_or(Press::plain(KeyCode::Null)))
                    .collect();
                entries.push(Entry {
                    mode,
                    name: row.name,
                    action: row.action.clone(),
                    keys,
                    help: row.help,
                    hint: row.hint,
                    rank: row.rank,
                    line: None,
                });
            }
        }
        // Grouped by mode in the order of `Mode::ALL`, each mode's rows in table order.
        entries.sort_by_key(|e| e.mode);
        Keymap { entries }
    }

    /// The default table, built once and shared.
    pub fn shared() -> Arc<Keymap> {
        static DEFAULTS: OnceLock<Arc<Keymap>> = OnceLock::new();
        DEFAULTS
            .get_or_init(|| Arc::new(Keymap::defaults()))
            .clone()
    }

    /// Every entry, grouped by mode.
    pub fn all(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries of one mode, in table order.
    pub fn of(&self, mode: Mode) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.mode == mode)
    }

    /// The entry named `name` in `mode`.
    pub fn named_mut(&mut self, mode: Mode, name: &str) -> Option<&mut Entry> {
        self.entries
            .iter_mut()
            .find(|e| e.mode == mode && e.name == name)
    }

    /// The action a key press runs in `mode`, if it is bound there.
    pub fn action(&self, mode: Mode, ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        self.of(mode)
            .find(|e| e.keys.iter().any(|k| k.matches(ev)))
            .map(|e| e.action.clone())
    }

    /// The entry of `action` in `mode`.
    pub fn entry(&self, mode: Mode, action: &Action) -> Option<&Entry> {
        self.of(mode).find(|e| &e.action == action)
    }

    /// The key to name in a sentence for `action` in `mode` ("press s to save").
    pub fn label(&self, mode: Mode, action: &Action, lang: Lang, ascii: bool) -> String {
        self.entry(mode, action)
            .map_or_else(String::new, |e| e.label(lang, ascii))
    }

    /// What is wrong with the table: two actions on one key, an action without a plain key,
    /// a character taken from a text field.
    pub fn problems(&self) -> Vec<Problem> {
        check::problems(self)
    }
}

/// The text input's key for a terminal key (typing, moving the caret, deleting), if it is one.
///
/// These are the text field's own keys, not commands: Enter, Esc, Tab and the like are in the
/// table, which is asked first.
pub fn text_key(ev: &KeyEvent) -> Option<Key> {
    if ev.kind == KeyEventKind::Release || ev.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    Some(match ev.code {
        KeyCode::Char('u') if ctrl => Key::KillLine,
        KeyCode::Char('h') if ctrl => Key::Backspace,
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => return None,
    })
}

/// The keys a text field keeps for itself, for the help screen: (keys, zh, en).
pub const TEXT_KEYS: &[(&str, &str, &str)] = &[
    ("← → Home End", "在文字中移动", "move in the text"),
    ("Backspace Delete", "删除字符", "delete a character"),
    ("Ctrl-U", "清空到行首", "erase to the start"),
];

/// The press a text-input key stands for, to look it up in the table.
pub fn press_of(key: &Key) -> Press {
    let code = match key {
        Key::Char(c) => KeyCode::Char(*c),
        Key::Backspace => KeyCode::Backspace,
        Key::Delete => KeyCode::Delete,
        Key::Left => KeyCode::Left,
        Key::Right => KeyCode::Right,
        Key::Up => KeyCode::Up,
        Key::Down => KeyCode::Down,
        Key::Home => KeyCode::Home,
        Key::End => KeyCode::End,
        Key::PageUp => KeyCode::PageUp,
        Key::PageDown => KeyCode::PageDown,
        Key::Enter => KeyCode::Enter,
        Key::Tab => KeyCode::Tab,
        Key::BackTab => KeyCode::BackTab,
        Key::Esc => KeyCode::Esc,
        Key::KillLine | Key::Submit => {
            let c = if *key == Key::KillLine { 'u' } else { 's' };
            return Press {
                ctrl: true,
                ..Press::plain(KeyCode::Char(c))
            };
        }
    };
    Press::plain(code)
}

/// The terminal event a press stands for.
pub fn event_of(p: &Press) -> KeyEvent {
    let mut m = KeyModifiers::NONE;
    for (on, flag) in [
        (p.ctrl, KeyModifiers::CONTROL),
        (p.alt, KeyModifiers::ALT),
        (p.shift, KeyModifiers::SHIFT),
    ] {
        if on {
            m |= flag;
        }
    }
    KeyEvent::new(p.code, m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_table_has_no_problems_and_every_key_reads() {
        assert_eq!(Keymap::defaults().problems(), Vec::new());
        for row in table::ROWS {
            for k in row.keys {
                assert!(Press::parse(k).is_ok(), "{} {k}", row.name);
            }
        }
    }

    #[test]
    fn every_mode_has_keys_and_names_are_unique_in_each() {
        let keys = Keymap::defaults();
        for mode in Mode::ALL {
            let names: Vec<&str> = keys.of(mode).map(|e| e.name).collect();
            assert!(!names.is_empty(), "{mode:?}");
            let mut unique = names.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), names.len(), "{mode:?}: {names:?}");
        }
    }

    #[test]
    fn shifted_characters_and_shift_arrows_reach_the_same_action() {
        let keys = Keymap::defaults();
        let ev = |c, m| KeyEvent::new(c, m);
        for e in [
            ev(KeyCode::Char('>'), KeyModifiers::SHIFT),
            ev(KeyCode::Char('L'), KeyModifiers::SHIFT),
            ev(KeyCode::Right, KeyModifiers::SHIFT),
        ] {
            assert_eq!(keys.action(Mode::Board, &e), Some(Action::MoveNext));
        }
        let right = ev(KeyCode::Right, KeyModifiers::NONE);
        assert_eq!(keys.action(Mode::Board, &right), Some(Action::Right));
        let ctrl_c = ev(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(keys.action(Mode::Board, &ctrl_c), Some(Action::Quit));
        let c = ev(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(keys.action(Mode::Board, &c), None);
        assert_eq!(keys.action(Mode::Note, &c), None, "typed, not a command");
    }
}
