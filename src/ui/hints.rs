//! Key hints generated from the key table: the footer's, the dialogs' ("y 删除 / n 取消"), the
//! presentation's. Only actions that can be used now are offered; when room is short the less
//! important ones go, whole, and the most important (help, the answers of a question) stay.

use super::text::{keep, width};
use crate::app::{Action, App};
use crate::keymap::{Entry, Keymap, Mode};
use crate::model::Lang;

/// One hint: the key and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The key (or keys, as `←→`).
    pub key: String,
    /// The short word.
    pub word: String,
    /// 1 always kept; higher ones dropped first.
    pub rank: u8,
}

impl Hint {
    /// Columns the hint takes as `key word`.
    pub fn width(&self) -> usize {
        width(&self.key) + 1 + width(&self.word)
    }
}

/// Whether a key label is one arrow glyph, which joins the next without a slash (`←→`).
fn arrow(label: &str) -> bool {
    matches!(label, "←" | "→" | "↑" | "↓")
}

/// The hints of a mode in table order: entries that have a word and can be used, with the
/// word overridden where the caller says (a question's own verb), and neighbours with the same
/// word joined (`←→ 列`, `>/< 移动`).
pub fn of(
    keys: &Keymap,
    mode: Mode,
    lang: Lang,
    ascii: bool,
    can: &dyn Fn(&Action) -> bool,
    word: &dyn Fn(&Entry) -> Option<String>,
) -> Vec<Hint> {
    let mut out: Vec<Hint> = Vec::new();
    for e in keys.of(mode).filter(|e| e.rank > 0 && can(&e.action)) {
        let word = word(e).unwrap_or_else(|| e.hint(lang).to_string());
        let key = e.label(lang, ascii);
        match out.last_mut() {
            Some(last) if last.word == word => {
                let sep = if arrow(&last.key) && arrow(&key) {
                    ""
                } else {
                    "/"
                };
                last.key = format!("{}{sep}{key}", last.key);
                last.rank = last.rank.min(e.rank);
            }
            _ => out.push(Hint {
                key,
                word,
                rank: e.rank,
            }),
        }
    }
    out
}

/// The hints of the app's current mode, as the footer offers them.
pub fn footer(app: &App, ascii: bool) -> Vec<Hint> {
    of(
        &app.keys,
        app.mode(),
        app.lang(),
        ascii,
        &|a| app.can(a),
        &|_| None,
    )
}

/// The hints that fit `w` columns, each taking `pad` columns more than `key word`.
pub fn fitting(hints: Vec<Hint>, pad: usize, w: usize) -> Vec<Hint> {
    let sizes: Vec<(usize, u8)> = hints.iter().map(|h| (h.width() + pad, h.rank)).collect();
    let kept = keep(&sizes, 0, w);
    hints
        .into_iter()
        .zip(kept)
        .filter(|(_, k)| *k)
        .map(|(h, _)| h)
        .collect()
}

/// A dialog's line of answers, "y 删除 / n 取消", from the keys of its mode.
pub fn answers(
    app: &App,
    mode: Mode,
    ascii: bool,
    word: &dyn Fn(&Entry) -> Option<String>,
) -> String {
    of(&app.keys, mode, app.lang(), ascii, &|a| app.can(a), word)
        .iter()
        .map(|h| format!("{} {}", h.key, h.word))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The key named in a sentence for `action` in `mode`.
pub fn key(app: &App, mode: Mode, action: Action) -> String {
    app.keys.label(mode, &action, app.lang(), false)
}
