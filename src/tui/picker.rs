//! Choosing a board from `./boards` when no file is given.

use super::term;
use crate::app::Action;
use crate::keymap::{Keymap, Mode};
use crate::model::Lang;
use crate::ui::Theme;
use crossterm::event::Event;
use std::path::PathBuf;
use std::process::ExitCode;

/// Board files in `./boards` with their titles, sorted by file name.
pub fn boards() -> Vec<(PathBuf, String)> {
    let Ok(dir) = std::fs::read_dir("boards") else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let title = crate::store::load(&p)
                .map(|l| l.parsed.board.title)
                .unwrap_or_else(|_| "?".into());
            (p, title)
        })
        .collect()
}

/// Shows the picker; `Ok(None)` when the user leaves without choosing.
pub fn pick(theme: &Theme, lang: Option<Lang>, keys: &Keymap) -> Result<Option<PathBuf>, ExitCode> {
    let lang = lang.unwrap_or_default();
    let list = boards();
    if list.is_empty() {
        let folder = std::path::Path::new("boards").is_dir();
        crate::cli::say::err(&crate::ui::words::no_boards(lang, folder));
        return Err(ExitCode::from(2));
    }
    let mut terminal = term::init().map_err(|_| ExitCode::from(2))?;
    let mut sel = 0usize;
    let chosen = loop {
        if terminal
            .draw(|f| crate::ui::picker(f, &list, sel, lang, theme, keys))
            .is_err()
        {
            break None;
        }
        match super::hangup::wait_event() {
            Ok(Event::Key(k)) => match keys.action(Mode::Picker, &k) {
                Some(Action::Up) => sel = sel.saturating_sub(1),
                Some(Action::Down) => sel = (sel + 1).min(list.len() - 1),
                Some(Action::Open) => break Some(list[sel].0.clone()),
                Some(Action::Quit) => break None,
                _ => {}
            },
            Ok(_) => {}
            Err(_) => break None,
        }
    };
    term::restore();
    Ok(chosen)
}
