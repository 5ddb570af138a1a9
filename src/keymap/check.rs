//! What can be wrong with a key table, and how it is said: two actions on one key in one mode,
//! an action left without a plain key, a character taken from a text field; and, for
//! keys.toml, its syntax, names and keys.

use super::{Keymap, Mode, Press};
use crate::model::Lang;
use crossterm::event::KeyCode;

/// One problem, with the line of keys.toml it comes from when it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The line (from 1).
    pub line: Option<usize>,
    /// What is wrong.
    pub trouble: Trouble,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// The file cannot be read.
    Unreadable(String),
    /// Not TOML: the parser's words.
    Syntax(String),
    /// A value outside any `[mode]` table.
    NotInMode(String),
    /// No such mode.
    UnknownMode(String),
    /// No such action in the mode.
    UnknownAction(Mode, String),
    /// Not a key or a list of keys.
    NotKeys(Mode, String),
    /// A key name that is no key.
    BadKey(Mode, String, String),
    /// Two actions on one key in one mode.
    SameKey(Mode, Press, &'static str, &'static str),
    /// An action with no key that every terminal sends.
    NoPlainKey(Mode, &'static str),
    /// A character bound in a mode where it is typed into a text field.
    TakesText(Mode, &'static str, Press),
}

impl Problem {
    /// The problem in words, naming the file and line: `keys.toml:3: …` / `keys.toml 第 3 行：…`.
    pub fn words(&self, file: &str, lang: Lang) -> String {
        let what = self.trouble.words(lang);
        match (self.line, lang) {
            (Some(n), Lang::Zh) => format!("{file} 第 {n} 行：{what}"),
            (Some(n), Lang::En) => format!("{file}:{n}: {what}"),
            (None, Lang::Zh) => format!("{file}：{what}"),
            (None, Lang::En) => format!("{file}: {what}"),
        }
    }
}

impl Trouble {
    fn words(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Trouble::Unreadable(e) if zh => format!("无法读取：{e}"),
            Trouble::Unreadable(e) => format!("cannot be read: {e}"),
            Trouble::Syntax(e) if zh => format!("不是有效的 TOML：{e}"),
            Trouble::Syntax(e) => format!("not valid TOML: {e}"),
            Trouble::NotInMode(k) if zh => format!("{k} 应写在 [board] 这样的模式标题下"),
            Trouble::NotInMode(k) => format!("{k} belongs under a mode heading such as [board]"),
            Trouble::UnknownMode(m) if zh => {
                format!("没有名为 {m} 的模式（可用：{}）", mode_names())
            }
            Trouble::UnknownMode(m) => format!("no mode called {m} (there are: {})", mode_names()),
            Trouble::UnknownAction(m, a) if zh => format!(
                "{} 模式中没有名为 {a} 的动作（ducha keys 列出全部）",
                m.name()
            ),
            Trouble::UnknownAction(m, a) => format!(
                "mode {} has no action called {a} (ducha keys lists them)",
                m.name()
            ),
            Trouble::NotKeys(m, a) if zh => format!(
                "{}.{a} 应为按键或按键列表，如 [\"l\", \"Right\"]",
                m.name()
            ),
            Trouble::NotKeys(m, a) => format!(
                "{}.{a} must be a key or a list of keys, such as [\"l\", \"Right\"]",
                m.name()
            ),
            Trouble::BadKey(m, a, k) if zh => format!("{}.{a}：无法识别的按键 {k:?}", m.name()),
            Trouble::BadKey(m, a, k) => format!("{}.{a}: {k:?} is not a key", m.name()),
            Trouble::SameKey(m, k, a, b) if zh => format!(
                "{} 模式中 {k} 同时绑定了 {a} 和 {b}",
                m.name()
            ),
            Trouble::SameKey(m, k, a, b) => {
                format!("in mode {}, {k} is bound to both {a} and {b}", m.name())
            }
            Trouble::NoPlainKey(m, a) if zh => format!(
                "{}.{a} 至少要有一个普通按键（字符、Ctrl 加字母，或不带修饰键的方向键等；不能只靠 Shift 加方向键或功能键），各种 SSH 终端才都能使用",
                m.name()
            ),
            Trouble::NoPlainKey(m, a) => format!(
                "{}.{a} needs at least one plain key (a character, Ctrl with a letter, or a named \
                 key without modifiers; not Shift with an arrow or a function key alone) so that \
                 every SSH terminal can use it",
                m.name()
            ),
            Trouble::TakesText(m, a, k) if zh => format!(
                "{}.{a}：{k} 在此模式中用于输入文字，不能绑定",
                m.name()
            ),
            Trouble::TakesText(m, a, k) => format!(
                "{}.{a}: {k} is typed as text in this mode and cannot be bound",
                m.name()
            ),
        }
    }
}

fn mode_names() -> String {
    Mode::ALL.map(Mode::name).join(", ")
}

/// Keys a text field keeps for editing.
fn edits_text(p: &Press) -> bool {
    let plain = !p.ctrl && !p.alt && !p.shift;
    let editing = matches!(
        p.code,
        KeyCode::Left
            | KeyCode::Right
            | KeyCode::Home
            | KeyCode::End
            | KeyCode::Backspace
            | KeyCode::Delete
    );
    (plain && editing)
        || (p.ctrl && !p.alt && matches!(p.code, KeyCode::Char('u') | KeyCode::Char('h')))
}

/// Every problem of the table, in table order.
pub(super) fn problems(keys: &Keymap) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, e) in keys.entries.iter().enumerate() {
        if !e.keys.iter().any(Press::is_plain) {
            out.push(Problem {
                line: e.line,
                trouble: Trouble::NoPlainKey(e.mode, e.name),
            });
        }
        for k in &e.keys {
            if e.mode.types_text() && (k.types_text() || edits_text(k)) {
                out.push(Problem {
                    line: e.line,
                    trouble: Trouble::TakesText(e.mode, e.name, *k),
                });
            }
            let earlier = keys.entries[..i]
                .iter()
                .find(|o| o.mode == e.mode && o.name != e.name && o.keys.contains(k));
            if let Some(o) = earlier {
                out.push(Problem {
                    line: e.line.or(o.line),
                    trouble: Trouble::SameKey(e.mode, *k, o.name, e.name),
                });
            }
        }
    }
    out
}
