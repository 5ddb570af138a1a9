//! One key press as the key table names it: read from text (`l`, `Ctrl-S`, `Shift-Right`,
//! `PgDn`), written back the same way, shown on screen, and matched against terminal events.

use crate::model::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Press {
    /// The key itself; a character is stored as typed, so `L` already says Shift.
    pub code: KeyCode,
    /// Ctrl held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
    /// Shift held with a key that is not a character (Shift-Right).
    pub shift: bool,
}

/// Named keys, as written in keys.toml and by `ducha keys`; aliases after the first of a code.
const NAMES: &[(&str, KeyCode)] = &[
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Enter", KeyCode::Enter),
    ("Return", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Escape", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Bs", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Del", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PgUp", KeyCode::PageUp),
    ("PageUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("PageDown", KeyCode::PageDown),
    ("Space", KeyCode::Char(' ')),
];

/// Why a key name could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadKey {
    /// Nothing was written.
    Empty,
    /// A name that is no key.
    Unknown(String),
}

impl Press {
    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Press {
        Press {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    /// Reads a key name: a character (`l`, `L`, `<`), a named key (`Right`, `PgDn`, `Space`,
    /// `F5`), each optionally after `Ctrl-`, `Alt-` or `Shift-` (also `C-`, `A-`, `S-`, `+`).
    pub fn parse(text: &str) -> Result<Press, BadKey> {
        let mut rest = text.trim();
        if rest.is_empty() {
            return Err(BadKey::Empty);
        }
        let mut p = Press::plain(KeyCode::Null);
        while let Some((flag, after)) = modifier(rest) {
            match flag {
                'c' => p.ctrl = true,
                'a' => p.alt = true,
                _ => p.shift = true,
            }
            rest = after;
        }
        let mut chars = rest.chars();
        p.code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => named(rest).ok_or_else(|| BadKey::Unknown(text.trim().to_string()))?,
        };
        Ok(p.normalised())
    }

    /// One way of writing each key: Shift folded into characters, Ctrl letters in lower case.
    fn normalised(mut self) -> Press {
        match self.code {
            KeyCode::Char(c) if self.ctrl => self.code = KeyCode::Char(c.to_ascii_lowercase()),
            KeyCode::Char(c) if self.shift && c.is_alphabetic() => {
                self.code = KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            KeyCode::Tab if self.shift => self.code = KeyCode::BackTab,
            _ => {}
        }
        if matches!(self.code, KeyCode::Char(_) | KeyCode::BackTab) {
            self.shift = false;
        }
        self
    }

    /// Whether this key reaches the program from any terminal over SSH (PuTTY, Xshell): a
    /// character (Ctrl with a letter is a control character every terminal sends) or an
    /// unmodified named key; not a function key, Alt, or Shift or Ctrl with a named key.
    pub fn is_plain(&self) -> bool {
        let char = matches!(self.code, KeyCode::Char(_));
        !self.alt && !self.shift && !matches!(self.code, KeyCode::F(_)) && (char || !self.ctrl)
    }

    /// Whether this key types a character into a text field.
    pub fn types_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && !self.ctrl && !self.alt
    }

    /// Whether the terminal event is this key.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        let shift = ev.modifiers.contains(KeyModifiers::SHIFT);
        if ctrl != self.ctrl || alt != self.alt {
            return false;
        }
        match (self.code, ev.code) {
            // Shift is already in the character (and terminals differ in reporting it).
            (KeyCode::Char(a), KeyCode::Char(b)) if self.ctrl => a.eq_ignore_ascii_case(&b),
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b,
            (KeyCode::BackTab, KeyCode::BackTab) => true,
            (a, b) => a == b && shift == self.shift,
        }
    }

    /// The key on screen: arrows as arrows (words in ASCII mode), Space in the interface language.
    pub fn label(&self, lang: Lang, ascii: bool) -> String {
        let arrow = |glyph: &str, word: &str| if ascii { word } else { glyph }.to_string();
        let key = match self.code {
            KeyCode::Left => arrow("←", "Left"),
            KeyCode::Right => arrow("→", "Right"),
            KeyCode::Up => arrow("↑", "Up"),
            KeyCode::Down => arrow("↓", "Down"),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Char(' ') => lang.pick("空格", "Space").into(),
            _ => return self.to_string(),
        };
        format!("{}{key}", self.prefix())
    }

    fn prefix(&self) -> String {
        let mut s = String::new();
        for (on, name) in [
            (self.ctrl, "Ctrl-"),
            (self.alt, "Alt-"),
            (self.shift, "Shift-"),
        ] {
            if on {
                s.push_str(name);
            }
        }
        s
    }
}

/// Strips one modifier prefix (`Ctrl-`, `C-`, `ctrl+` …), returning its letter and the rest;
/// a lone `-` or `+` after it is the key itself.
fn modifier(s: &str) -> Option<(char, &str)> {
    for (flag, names) in [
        ('c', ["ctrl", "c"]),
        ('a', ["alt", "a"]),
        ('s', ["shift", "s"]),
    ] {
        for name in names {
            let n = name.len();
            let sep = s.as_bytes().get(n).copied();
            if s.len() > n + 1
                && s.is_char_boundary(n)
                && s[..n].eq_ignore_ascii_case(name)
                && matches!(sep, Some(b'-' | b'+'))
            {
                return Some((flag, &s[n + 1..]));
            }
        }
    }
    None
}

fn named(s: &str) -> Option<KeyCode> {
    if let Some(n) = s
        .strip_prefix(['F', 'f'])
        .and_then(|n| n.parse::<u8>().ok())
    {
        return (1..=12).contains(&n).then_some(KeyCode::F(n));
    }
    NAMES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(s))
        .map(|(_, code)| *code)
}

impl fmt::Display for Press {
    /// The key as keys.toml writes it, which [`Press::parse`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.prefix())?;
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            code => {
                let name = NAMES.iter().find(|(_, k)| *k == code).map(|(n, _)| *n);
                f.write_str(name.unwrap_or("?"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn names_read_and_write_back() {
        for text in [
            "l",
            "L",
            "<",
            "?",
            "Left",
            "Shift-Right",
            "Ctrl-S",
            "PgDn",
            "Space",
            "F5",
            "BackTab",
            "Esc",
            "Enter",
            "-",
            "Alt-x",
        ] {
            let p = Press::parse(text).unwrap();
            assert_eq!(p.to_string(), text, "{text}");
            assert_eq!(Press::parse(&p.to_string()), Ok(p));
        }
        assert_eq!(Press::parse("C-s"), Press::parse("ctrl+S"));
        assert_eq!(Press::parse("S-Tab"), Press::parse("BackTab"));
        assert_eq!(Press::parse("Shift-l"), Press::parse("L"));
        assert_eq!(Press::parse("pgup"), Press::parse("PageUp"));
        assert_eq!(Press::parse(" "), Err(BadKey::Empty));
        assert!(matches!(
            Press::parse("Ctrl-Lefty"),
            Err(BadKey::Unknown(_))
        ));
        assert!(matches!(Press::parse("F13"), Err(BadKey::Unknown(_))));
    }

    #[test]
    fn events_match_whatever_shift_the_terminal_reports_for_a_character() {
        let big_l = Press::parse("L").unwrap();
        assert!(big_l.matches(&ev(KeyCode::Char('L'), KeyModifiers::SHIFT)));
        assert!(big_l.matches(&ev(KeyCode::Char('L'), KeyModifiers::NONE)));
        let ctrl_r = Press::parse("Ctrl-R").unwrap();
        assert!(ctrl_r.matches(&ev(KeyCode::Char('r'), KeyModifiers::CONTROL)));
        assert!(!ctrl_r.matches(&ev(KeyCode::Char('r'), KeyModifiers::NONE)));
        let right = Press::parse("Right").unwrap();
        assert!(right.matches(&ev(KeyCode::Right, KeyModifiers::NONE)));
        assert!(!right.matches(&ev(KeyCode::Right, KeyModifiers::SHIFT)));
        let back = Press::parse("BackTab").unwrap();
        assert!(back.matches(&ev(KeyCode::BackTab, KeyModifiers::SHIFT)));
    }

    #[test]
    fn plain_keys_are_those_every_terminal_sends() {
        for (text, plain) in [
            ("l", true),
            ("Right", true),
            ("PgDn", true),
            ("Shift-Right", false),
            ("F5", false),
            ("Ctrl-S", true),
            ("Ctrl-Right", false),
            ("Alt-x", false),
        ] {
            assert_eq!(Press::parse(text).unwrap().is_plain(), plain, "{text}");
        }
    }
}
