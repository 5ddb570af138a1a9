//! The interface's words for what the app says in types: footer messages, key problems, the
//! usage when there is no board. Keys named in a sentence are the ones in force.

use crate::app::{Action, App, EditorFailure, Message, SinceError};
use crate::keymap::{Keymap, Mode, Problem};
use crate::model::text::{printable, printable_path};
use crate::model::Lang;

/// The colon after a label: full width in Chinese, ASCII in English.
pub fn colon(lang: Lang) -> &'static str {
    lang.pick("：", ": ")
}

/// `s` in brackets after other text: full width in Chinese, ASCII (with a space) in English.
pub fn paren(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Zh => format!("（{s}）"),
        Lang::En => format!(" ({s})"),
    }
}

/// The list separator: 、 in Chinese, a comma in English.
pub fn list_sep(lang: Lang) -> &'static str {
    lang.pick("、", ", ")
}

/// What the footer says for the app's last message, if any.
pub fn said(app: &App) -> Option<String> {
    app.message
        .as_ref()
        .map(|m| message(m, app.lang(), &app.keys))
}

/// The key to name in a sentence.
fn key(keys: &Keymap, mode: Mode, action: Action, lang: Lang) -> String {
    keys.label(mode, &action, lang, false)
}

/// A message in words.
pub fn message(m: &Message, lang: Lang, keys: &Keymap) -> String {
    let zh = lang == Lang::Zh;
    match m {
        Message::Text(s) | Message::Keys(s) => s.clone(),
        Message::ReadOnly => lang
            .pick("只读模式，不能修改", "read-only: editing is disabled")
            .into(),
        Message::OpenedReadOnly => lang
            .pick(
                "只读打开：你没有写入此文件的权限",
                "opened read-only: you may not write this file",
            )
            .into(),
        Message::NoTaskSelected => lang.pick("没有选中的任务", "no task selected").into(),
        Message::Sorted(sort) => sort.label(lang).into(),
        Message::FiltersCleared => lang
            .pick("已清除搜索和筛选", "search and filters cleared")
            .into(),
        Message::NothingMatches => {
            let clear = key(keys, Mode::Board, Action::Escape, lang);
            match lang {
                Lang::Zh => format!("本阶段没有符合搜索或筛选条件的任务（{clear} 清除）"),
                Lang::En => {
                    format!("no task in this phase matches the search or filters ({clear} clears)")
                }
            }
        }
        Message::SinceSet(d) if zh => format!("变化自此日起计算：{d}"),
        Message::SinceSet(d) => format!("changes counted from {d}"),
        Message::NoOneToChase => lang
            .pick(
                "没有需要催办的单位（无逾期或即将到期的任务）",
                "no unit has overdue or due-soon tasks",
            )
            .into(),
        Message::EditorFailed(e) => editor_failed(e, lang),
        Message::NoticesWritten { .. } | Message::NoticesFailed { .. } => notices(m, lang, keys),
        Message::OthersSaved { .. }
        | Message::OthersMerged { .. }
        | Message::OthersClash { .. }
        | Message::OthersUnknownBase => others(m, lang, keys),
        Message::Saved { .. }
        | Message::SavedMerged(_)
        | Message::Reloaded(_)
        | Message::RecoveryDiscarded
        | Message::Restored
        | Message::RecoveryMovedAside(_)
        | Message::ClashesUnanswered
        | Message::EditFromTheirs => saving(m, lang, keys),
        _ => edits(m, lang, keys),
    }
}

/// Why the editor left the text as it was.
pub fn editor_failed(e: &EditorFailure, lang: Lang) -> String {
    let shown = |s: &str| printable(s).into_owned();
    match (e, lang) {
        (EditorFailure::NotStarted { command, error }, Lang::Zh) => format!(
            "无法启动编辑器 {}：{}（可设置 $VISUAL 或 $EDITOR），文字未改动",
            shown(command),
            shown(error)
        ),
        (EditorFailure::NotStarted { command, error }, Lang::En) => format!(
            "cannot start the editor {}: {} (set $VISUAL or $EDITOR); the text is unchanged",
            shown(command),
            shown(error)
        ),
        (EditorFailure::Failed { command, status }, Lang::Zh) => match status {
            Some(n) => format!("编辑器 {} 出错退出（状态 {n}），文字未改动", shown(command)),
            None => format!("编辑器 {} 被中止，文字未改动", shown(command)),
        },
        (EditorFailure::Failed { command, status }, Lang::En) => match status {
            Some(n) => format!(
                "the editor {} failed (status {n}); the text is unchanged",
                shown(command)
            ),
            None => format!(
                "the editor {} was killed; the text is unchanged",
                shown(command)
            ),
        },
        (EditorFailure::File(error), Lang::Zh) => {
            format!("编辑用的临时文件出错：{}，文字未改动", shown(error))
        }
        (EditorFailure::File(error), Lang::En) => format!(
            "the temporary file for the editor failed: {}; the text is unchanged",
            shown(error)
        ),
    }
}

/// What changes to the board say.
fn edits(m: &Message, lang: Lang, keys: &Keymap) -> String {
    match m {
        Message::Moved { id, to } => format!("{id} → {to}"),
        Message::AtEnd(true) => lang
            .pick("已经是最后一列", "already in the last column")
            .into(),
        Message::AtEnd(false) => lang
            .pick("已经是第一列", "already in the first column")
            .into(),
        Message::Created(id) => format!("{}{id}", lang.pick("已新建 ", "created ")),
        Message::Updated(id) => format!("{id} {}", lang.pick("已修改", "updated")),
        Message::Unchanged(id) => format!("{id} {}", lang.pick("未修改", "unchanged")),
        Message::Deleted(id) => {
            let undo = key(keys, Mode::Board, Action::Undo, lang);
            match lang {
                Lang::Zh => format!("{id} 已删除（{undo} 可撤销）"),
                Lang::En => format!("{id} deleted ({undo} undoes)"),
            }
        }
        Message::NoteAdded(id) => format!("{id} {}", lang.pick("已添加进展", "progress added")),
        Message::ListSorted(column, reverse) => {
            let way = match (lang, reverse) {
                (Lang::Zh, false) => "正序",
                (Lang::Zh, true) => "倒序",
                (Lang::En, false) => "ascending",
                (Lang::En, true) => "descending",
            };
            let by = lang.pick("按", "by ");
            format!("{by}{}{}", column.label(lang), paren(lang, way))
        }
        Message::Marked(n) => marks_text(*n, lang, keys),
        Message::MarksCleared => lang.pick("已清除标记", "marks cleared").into(),
        Message::Batch {
            done,
            what,
            skipped,
        } => batch(*done, *what, skipped, lang, keys),
        Message::Extended { id, to } => {
            format!("{id} {}{to}", lang.pick("延期至 ", "extended to "))
        }
        Message::Undone => lang.pick("已撤销", "undone").into(),
        Message::Redone => lang.pick("已重做", "redone").into(),
        Message::NothingToUndo => lang.pick("没有可撤销的修改", "nothing to undo").into(),
        Message::NothingToRedo => lang.pick("没有可重做的修改", "nothing to redo").into(),
        _ => String::new(),
    }
}

/// What saving, reloading and recovering say.
fn saving(m: &Message, lang: Lang, keys: &Keymap) -> String {
    let save = key(keys, Mode::Board, Action::Save, lang);
    let zh = lang == Lang::Zh;
    match m {
        Message::Saved { path, elsewhere } => {
            let verb = match (elsewhere, zh) {
                (true, true) => "已另存为 ",
                (true, false) => "saved as ",
                (false, true) => "已保存 ",
                (false, false) => "saved ",
            };
            format!("{verb}{}", printable_path(path))
        }
        Message::SavedMerged(n) if zh => format!("已保存，并合并了他人对 {n} 项任务的修改"),
        Message::SavedMerged(n) => format!("saved, merged with others' changes to {n} task(s)"),
        Message::Reloaded(p) if zh => format!("已重新加载；你的修改另存于 {}", printable_path(p)),
        Message::Reloaded(p) => format!("reloaded; your changes are kept in {}", printable_path(p)),
        Message::RecoveryDiscarded => lang
            .pick("已丢弃恢复文件", "recovery file discarded")
            .into(),
        Message::Restored if zh => format!("已恢复未保存的修改，按 {save} 保存"),
        Message::Restored => format!("unsaved changes restored; press {save} to save"),
        Message::RecoveryMovedAside(p) if zh => {
            format!("恢复文件无法读取，已移至 {}", printable_path(p))
        }
        Message::RecoveryMovedAside(p) => format!(
            "an unreadable recovery file was moved to {}",
            printable_path(p)
        ),
        Message::ClashesUnanswered if zh => {
            format!("未保存：冲突尚未处理，你的修改仍在（再按 {save} 保存）")
        }
        Message::ClashesUnanswered => {
            format!("not saved: the clashes are unanswered; your changes are kept ({save} to save)")
        }
        Message::EditFromTheirs => {
            let accept = key(keys, Mode::Form, Action::Accept, lang);
            match lang {
                Lang::Zh => format!("已采用他人的值，修改后按 {accept} 确定，再按 {save} 保存"),
                Lang::En => format!(
                    "their value is in the form: edit it, press {accept}, then {save} to save"
                ),
            }
        }
        _ => String::new(),
    }
}

/// What reminder notices say.
fn notices(m: &Message, lang: Lang, keys: &Keymap) -> String {
    let save = key(keys, Mode::Board, Action::Save, lang);
    match (m, lang) {
        (Message::NoticesWritten { count, dir }, Lang::Zh) => format!(
            "已出具 {count} 份催办单，存于 {}；催办记录按 {save} 保存",
            printable_path(dir)
        ),
        (Message::NoticesWritten { count, dir }, Lang::En) => format!(
            "{count} notice(s) written to {}; press {save} to save the 催办 entries",
            printable_path(dir)
        ),
        (Message::NoticesFailed { dir, error }, Lang::Zh) => {
            format!("催办单未能写入 {}：{error}", printable_path(dir))
        }
        (Message::NoticesFailed { dir, error }, Lang::En) => {
            format!("notices not written to {}: {error}", printable_path(dir))
        }
        _ => String::new(),
    }
}

/// What a colleague's save says.
fn others(m: &Message, lang: Lang, keys: &Keymap) -> String {
    let save = key(keys, Mode::Board, Action::Save, lang);
    let who = |w: &Option<String>| {
        w.clone()
            .unwrap_or_else(|| lang.pick("他人", "someone").into())
    };
    match (m, lang) {
        (Message::OthersSaved { who: w, tasks }, Lang::Zh) => {
            format!("{} 保存了看板：更新了 {tasks} 项任务", who(w))
        }
        (Message::OthersSaved { who: w, tasks }, Lang::En) => {
            format!("{} saved the board: {tasks} task(s) changed", who(w))
        }
        (Message::OthersMerged { who: w, tasks }, Lang::Zh) => format!(
            "{} 保存了看板：已合并 {tasks} 项任务的修改，你的修改仍未保存",
            who(w)
        ),
        (Message::OthersMerged { who: w, tasks }, Lang::En) => format!(
            "{} saved the board: merged {tasks} changed task(s); yours are still unsaved",
            who(w)
        ),
        (Message::OthersClash { who: w, clashes }, Lang::Zh) => format!(
            "{} 保存了看板，与你未保存的修改有 {clashes} 处冲突，按 {save} 保存时逐一处理",
            who(w)
        ),
        (Message::OthersClash { who: w, clashes }, Lang::En) => format!(
            "{} saved the board; {clashes} clash(es) with your unsaved changes, asked when you press {save}",
            who(w)
        ),
        _ => lang
            .pick(
                "文件已被他人更新；你的修改将在保存时处理",
                "the file was updated by someone else; your changes are handled when you save",
            )
            .into(),
    }
}

/// Why the date typed for "changes since" is not taken.
pub fn since_error(e: SinceError, lang: Lang) -> &'static str {
    match e {
        SinceError::Format => lang.pick("日期格式：YYYY-MM-DD", "date as YYYY-MM-DD"),
        SinceError::Future => lang.pick("不能晚于今天", "must not be after today"),
    }
}

/// The first problem of keys.toml (naming the file and line), how many more there are, and
/// that the default keys are in force.
pub fn keys_problem(first: &Problem, count: usize, lang: Lang, file: &str) -> String {
    let words = first.words(file, lang);
    let more = count.saturating_sub(1);
    // What it means first: the line is cut on a narrow footer, and stderr has it whole.
    match (lang, more) {
        (Lang::Zh, 0) => format!("按键设置有误，使用默认按键：{words}"),
        (Lang::Zh, n) => format!("按键设置有误，使用默认按键：{words}（另有 {n} 处）"),
        (Lang::En, 0) => format!("keys.toml not used, default keys in force: {words}"),
        (Lang::En, n) => {
            format!("keys.toml not used, default keys in force: {words} (and {n} more)")
        }
    }
}

/// What `ducha` without a board says when there is none to pick: what to type, and how to try
/// a sample board.
pub fn no_boards(lang: Lang, folder: bool) -> String {
    let (why, rest) = match lang {
        Lang::Zh => (
            if folder {
                "没有指定看板文件，当前目录的 boards/ 中也没有看板（.yaml 文件）。"
            } else {
                "没有指定看板文件，当前目录下也没有 boards/ 目录。"
            },
            "用法：ducha 看板文件.yaml [--today YYYY-MM-DD] [--read-only] [--lang zh|en]\n\
             试用示例看板：在 ducha 源代码目录中运行 ducha，从 boards/ 的示例中选择；\n\
             或生成一个：ducha gen --tasks 30 > 示例.yaml && ducha 示例.yaml\n\
             全部命令：ducha --help",
        ),
        Lang::En => (
            if folder {
                "No board file given, and the boards/ folder here has no boards (.yaml files)."
            } else {
                "No board file given, and there is no boards/ folder here."
            },
            "usage: ducha BOARD.yaml [--today YYYY-MM-DD] [--read-only] [--lang zh|en]\n\
             To try a sample board: run ducha in its source folder and pick one in boards/,\n\
             or make one: ducha gen --tasks 30 > demo.yaml && ducha demo.yaml\n\
             Every command: ducha --help",
        ),
    };
    format!("{why}\n{rest}")
}

/// "已标记 3 项：> < 移动、x 延期、p 进展对全部标记生效（Esc 清除）", with the keys in force.
pub fn marks_text(n: usize, lang: Lang, keys: &Keymap) -> String {
    if n == 0 {
        return lang.pick("没有标记的任务", "no task marked").into();
    }
    let k = |a| key(keys, Mode::Board, a, lang);
    let (next, prev, ext, note, clear) = (
        k(Action::MoveNext),
        k(Action::MovePrev),
        k(Action::Extend),
        k(Action::Note),
        k(Action::Escape),
    );
    match lang {
        Lang::Zh => format!(
            "已标记 {n} 项：{next} {prev} 移动、{ext} 延期、{note} 进展对全部标记生效（{clear} 清除）"
        ),
        Lang::En => format!(
            "{n} marked: {next} {prev} move, {ext} extend, {note} note apply to all ({clear} clears)"
        ),
    }
}

/// Why tasks were skipped in a batch.
fn skip_reason(s: crate::app::Skip, lang: Lang) -> &'static str {
    use crate::app::Skip;
    match s {
        Skip::AtEnd(true) => lang.pick("已在最后一列", "already in the last column"),
        Skip::AtEnd(false) => lang.pick("已在第一列", "already in the first column"),
        Skip::Done => lang.pick("已完成的任务不能延期", "done tasks are not extended"),
        Skip::NoDeadline => lang.pick("没有完成时限", "no deadline"),
        Skip::NotLater => lang.pick("新日期不晚于原时限", "the date is not after the deadline"),
    }
}

/// What a batch did, and how many tasks it skipped and why.
fn batch(
    done: usize,
    what: crate::app::Batch,
    skipped: &[(crate::app::Skip, usize)],
    lang: Lang,
    keys: &Keymap,
) -> String {
    use crate::app::Batch;
    let undo = key(keys, Mode::Board, Action::Undo, lang);
    let mut s = match (what, lang) {
        (Batch::Moved(_), Lang::Zh) => format!("已移动 {done} 项"),
        (Batch::Moved(_), Lang::En) => format!("{done} moved"),
        (Batch::Extended(to), Lang::Zh) => format!("已将 {done} 项延期至 {to}"),
        (Batch::Extended(to), Lang::En) => format!("{done} extended to {to}"),
        (Batch::Noted, Lang::Zh) => format!("已为 {done} 项添加进展"),
        (Batch::Noted, Lang::En) => format!("progress added to {done}"),
    };
    if done > 0 {
        s.push_str(&match lang {
            Lang::Zh => format!("（{undo} 一次撤销全部）"),
            Lang::En => format!(" ({undo} undoes all)"),
        });
    }
    let parts: Vec<String> = skipped
        .iter()
        .map(|(why, n)| match lang {
            Lang::Zh => format!("{n} 项（{}）", skip_reason(*why, lang)),
            Lang::En => format!("{n} ({})", skip_reason(*why, lang)),
        })
        .collect();
    if !parts.is_empty() {
        s.push_str(&match lang {
            Lang::Zh => format!("；跳过 {}", parts.join("，")),
            Lang::En => format!("; skipped {}", parts.join(", ")),
        });
    }
    s
}
