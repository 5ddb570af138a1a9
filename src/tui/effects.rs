//! Carrying out what the app asks for: saving, recovery files, reloading.

use crate::app::{Action, App, ClashAsk, Effect, Message, SaveDone, SaveFailure};
use crate::model::Lang;
use crate::store::{self, SaveError, SaveOutcome};

fn save(
    app: &App,
    path: std::path::PathBuf,
    expected: Option<store::DiskStamp>,
    new_file: bool,
) -> Action {
    let lang = app.lang();
    let comments = if app.has_comments {
        store::Comments::Keep
    } else {
        store::Comments::MayDrop
    };
    let result = if new_file {
        save_copy(app, &path)
    } else {
        match &app.base {
            Some(base) => match store::save_merging(&path, base, &app.board, expected, comments) {
                Ok(SaveOutcome::Written(stamp, merged)) => Ok(SaveDone {
                    stamp,
                    merged: merged.map(|m| {
                        let others = changed_by_others(&app.board, &m.board);
                        (Box::new(m.board), others)
                    }),
                }),
                Ok(SaveOutcome::Clashes(merged, theirs, stamp)) => {
                    Err(SaveFailure::Clashes(Box::new(ClashAsk {
                        merged: *merged,
                        theirs: *theirs,
                        stamp,
                        at: 0,
                        edit: None,
                    })))
                }
                Err(SaveError::WouldDropComments(_)) => Err(SaveFailure::WouldDropComments),
                Err(e) => Err(SaveFailure::Other(e.message(lang))),
            },
            None => match store::save_with(&path, &app.board, expected, comments) {
                Ok(stamp) => Ok(SaveDone {
                    stamp,
                    merged: None,
                }),
                Err(SaveError::Conflict(_)) => Err(SaveFailure::Conflict),
                Err(SaveError::WouldDropComments(_)) => Err(SaveFailure::WouldDropComments),
                Err(e) => Err(SaveFailure::Other(e.message(lang))),
            },
        }
    };
    if result.is_ok() {
        if let Some(old) = app.path.as_ref().filter(|p| **p != path) {
            let _ = store::remove_file_if_there(&store::recovery_path(
                old,
                &app.opts.user,
                app.session,
            ));
        }
    }
    Action::Saved(path, result)
}

/// Saves the board under a new name, never replacing a file that is there.
fn save_copy(app: &App, path: &std::path::Path) -> Result<SaveDone, SaveFailure> {
    let text = store::to_yaml(&app.board);
    let like = app.path.as_deref().unwrap_or(path);
    match store::write_new_beside(like, path, text.as_bytes()) {
        Ok(()) => Ok(SaveDone {
            stamp: store::DiskStamp::of(text.as_bytes()),
            merged: None,
        }),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(SaveFailure::Other(format!(
                "{}{}",
                app.lang()
                    .pick("文件已存在，未覆盖：", "file exists, not overwritten: "),
                path.display()
            )))
        }
        Err(e) => Err(SaveFailure::Other(format!("{}: {e}", path.display()))),
    }
}

/// How many tasks of the merged board are not as I had them: others' work that came in.
fn changed_by_others(mine: &crate::model::Board, merged: &crate::model::Board) -> usize {
    let by_id: std::collections::HashMap<&str, &crate::model::Task> =
        mine.tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let differing = merged
        .tasks
        .iter()
        .filter(|t| by_id.get(t.id.as_str()) != Some(t))
        .count();
    let removed = mine
        .tasks
        .iter()
        .filter(|t| !merged.tasks.iter().any(|m| m.id == t.id))
        .count();
    differing + removed
}

fn reload(app: &App) -> Option<Action> {
    let path = app.path.as_ref()?;
    let copy = conflict_copy_name(app, path);
    if let Err(e) = store::write_new_beside(path, &copy, store::to_yaml(&app.board).as_bytes()) {
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

/// Brings the recovery file up to date: the new changes appended, or the whole board when it
/// changed wholesale (or the file is gone). A failure is kept on screen until a write succeeds.
fn write_recovery(app: &mut App) {
    let Some(path) = app.path.clone() else {
        return;
    };
    let (user, session) = (app.opts.user.clone(), app.session);
    let whole = || store::write_recovery(&path, &user, session, &app.board, app.disk);
    let result = if app.recovery.whole {
        whole()
    } else {
        store::append_recovery(&path, &user, session, &app.recovery.changes).or_else(|_| whole())
    };
    match result {
        Ok(()) => {
            app.recovery.changes.clear();
            app.recovery.whole = false;
            app.recovery.error = None;
        }
        Err(e) => {
            let msg = format!(
                "{}{e}",
                app.lang().pick(
                    "无法写入恢复文件，未保存的修改只在本窗口中：",
                    "cannot write the recovery file; unsaved changes are only in this window: "
                )
            );
            app.recovery.restart();
            app.recovery.error = Some(msg);
        }
    }
}

/// A name for a copy of my unsaved board that no one else's copy can take: user and milliseconds.
fn conflict_copy_name(app: &App, path: &std::path::Path) -> std::path::PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let user: String = app
        .opts
        .user
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
    path.with_file_name(format!("{stem}.conflict-{stamp}-{user}.yaml"))
}

/// Runs one effect; some report back with an action for the app.
pub fn run(app: &mut App, effect: Effect) -> Option<Action> {
    match effect {
        Effect::Save {
            path,
            expected,
            new_file,
        } => Some(save(app, path, expected, new_file)),
        Effect::WriteRecovery => {
            write_recovery(app);
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
            app.recovery.restart();
            app.recovery.error = None;
            None
        }
        Effect::DropRecovery(file) => {
            if let Err(e) = store::remove_file_if_there(&file) {
                app.message = Some(Message::Text(format!("{}: {e}", file.display())));
            }
            None
        }
        Effect::ReloadKeepingCopy => reload(app),
        Effect::WriteFiles { dir, files } => {
            write_files(app, &dir, &files);
            None
        }
        Effect::EditText { text } => Some(Action::TextEdited(super::editor::edit(None, &text))),
        Effect::Quit => None,
    }
}

/// Writes files (reminder notices) into `dir`, saying on the footer where they went.
fn write_files(app: &mut App, dir: &std::path::Path, files: &[(String, Vec<u8>)]) {
    let written = std::fs::create_dir_all(dir).and_then(|()| {
        files
            .iter()
            .try_for_each(|(name, bytes)| std::fs::write(dir.join(name), bytes))
    });
    app.message = Some(match written {
        Ok(()) => Message::NoticesWritten {
            count: files.len(),
            dir: dir.to_path_buf(),
        },
        Err(e) => Message::NoticesFailed {
            dir: dir.to_path_buf(),
            error: e.to_string(),
        },
    });
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
