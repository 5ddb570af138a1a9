//! `ducha keys`: the key table in force, one binding a line, and what is wrong with keys.toml.

use crate::keymap::{self, Keymap};
use crate::model::Lang;
use std::io::Write;
use std::process::ExitCode;

/// The table as `MODE<TAB>KEY<TAB>ACTION<TAB>DESCRIPTION` lines, in table order.
pub fn lines(keys: &Keymap, lang: Lang) -> Vec<String> {
    keys.all()
        .iter()
        .flat_map(|e| {
            e.keys.iter().map(move |k| {
                let k = crate::model::text::printable(&k.to_string()).into_owned();
                format!("{}\t{k}\t{}\t{}", e.mode.name(), e.name, e.help(lang))
            })
        })
        .collect()
}

/// Prints the keys in force; exit 1 when keys.toml has problems (they go to stderr, naming the
/// file and line, and the table printed is then the default one, as the program uses).
pub fn run(lang: Option<Lang>) -> ExitCode {
    let lang = lang.unwrap_or_default();
    let (keys, problems) = keymap::config::load();
    let file = keymap::config::shown_path();
    for p in &problems {
        super::say::err(&p.words(&file, lang));
    }
    if !problems.is_empty() {
        super::say::err(lang.pick(
            "按键设置未生效，以下为默认按键",
            "keys.toml not used; these are the default keys",
        ));
    }
    let mut out = std::io::stdout().lock();
    for line in lines(&keys, lang) {
        // A reader that leaves early ends the process quietly (see `pipe`).
        let _ = writeln!(out, "{line}");
    }
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
