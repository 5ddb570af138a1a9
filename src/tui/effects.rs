//! Carrying out what the app asks for: saving, recovery files, reloading.

use crate::app::{Action, App, Effect, SaveFailure};
use crate::model::Lang;
use crate::store::{self, SaveError};

fn save(
    app: &App,
    path: std::path::PathBuf,
    expected: Option<store::DiskStamp>,
    new_file: bool,
) -> Action {
    let lang = app.lang();
    if new_file && path.exists() {
        let msg = format!(
            "{}{}",
            lang.pick("文件已存在，未覆盖：", "file exists, not overwritten: "),
            path.display()
        );
        return Action::Saved(path, Err(SaveFailure::Other(msg)));
    }
    let result = match store::save(&path, &app.board, expected) {
        Ok(stamp) => {
            if let Some(old) = app.path.as_ref().filter(|p| **p != path) {
                let _ = store::remove_file_if_there(&store::recovery_path(
                    old,
                    &app.opts.user,
                    app.session,
                ));
            }
            Ok(stamp)
        }
        Err(SaveError::Conflict(_)) => Err(SaveFailure::Conflict),
        Err(e) => Err(SaveFailure::Other(e.message(lang))),
    };
    Action::Saved(path, result)
}

fn reload(app: &App) -> Option<Action> {
    let path = app.path.as_ref()?;
    let stamp = app.now.format("%Y%m%d-%H%M%S");
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let copy = path.with_file_name(format!("{stem}.conflict-{stamp}.yaml"));
    if let Err(e) = store::write_beside(path, &copy, store::to_yaml(&app.board).as_bytes()) {
        let msg = format!("{}: {e}", copy.display());
        return Some(Action::Saved(path.clone(), Err(SaveFailure::Other(msg))));
    }
    match store::load(path) {
        Ok(l) if !crate::model::validate::has_errors(&l.parsed.diagnostics) => {
            let has_comments = l.parsed.has_comments;
            Some(Action::Reloaded(
                Box::new(l.parsed.board),
                l.disk,
                has_comments,
                copy,
            ))
        }
        Ok(_) => {
            let msg = format!(
                "{}{}",
                app.lang().pick(
                    "磁盘上的文件有错误，未重新加载；你的修改已另存于 ",
                    "the file on disk has errors, not reloaded; your changes are kept in "
                ),
                copy.display()
            );
            Some(Action::Saved(path.clone(), Err(SaveFailure::Other(msg))))
        }
        Err(e) => Some(Action::Saved(
            path.clone(),
            Err(SaveFailure::Other(e.message(app.lang()))),
        )),
    }
}

/// Runs one effect; some report back with an action for the app.
pub fn run(app: &mut App, effect: Effect) -> Option<Action> {
    let lang = app.lang();
    match effect {
        Effect::Save {
            path,
            expected,
            new_file,
        } => Some(save(app, path, expected, new_file)),
        Effect::WriteRecovery => {
            let path = app.path.as_ref()?;
            if let Err(e) =
                store::write_recovery(path, &app.opts.user, app.session, &app.board, app.disk)
            {
                app.message = Some(format!(
                    "{}{e}",
                    lang.pick("无法写入恢复文件：", "cannot write the recovery file: ")
                ));
            }
            None
        }
        Effect::RemoveRecovery => {
            if let Some(path) = &app.path {
                let _ = store::remove_file_if_there(&store::recovery_path(
                    path,
                    &app.opts.user,
                    app.session,
                ));
            }
            None
        }
        Effect::DropRecovery(file) => {
            if let Err(e) = store::remove_file_if_there(&file) {
                app.message = Some(format!("{}: {e}", file.display()));
            }
            None
        }
        Effect::ReloadKeepingCopy => reload(app),
        Effect::Quit => None,
    }
}

/// The default name recorded in the progress log.
pub fn default_user() -> String {
    ["DUCHA_USER", "USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "unknown".into())
}

/// Whether the locale says UTF-8 (otherwise ASCII drawing is the default).
pub fn utf8_locale() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .is_some_and(|l| {
            let l = l.to_ascii_lowercase();
            l.contains("utf-8") || l.contains("utf8")
        })
}

/// Whether colours are wanted (NO_COLOR unset or empty).
pub fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The interface language: the option, else the board's.
pub fn lang_for(opt: Option<Lang>, board: &crate::model::Board) -> Lang {
    opt.unwrap_or_else(|| board.lang())
}
