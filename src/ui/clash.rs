//! The save-clash question: which field, my value, theirs and who saved it.

use super::text::fit;
use crate::app::{App, ClashAsk};
use crate::model::merge::{BoardPart, Clash};
use crate::model::{Lang, Task};
use ratatui::text::Line;

fn part_name(part: BoardPart, lang: Lang) -> &'static str {
    match part {
        BoardPart::Title => lang.pick("看板标题", "board title"),
        BoardPart::Settings => lang.pick(
            "看板设置（语言、状态列、预警天数）",
            "board settings (language, statuses, warning days)",
        ),
        BoardPart::Phases => lang.pick("阶段列表", "phases"),
        BoardPart::Units => lang.pick("单位列表", "units"),
        BoardPart::Extra => lang.pick("看板的其他字段", "other board fields"),
    }
}

/// Who saved their version of a task: the newest log entry I did not have.
fn their_author(app: &App, theirs: &Task) -> Option<String> {
    let base = app.base.as_ref()?;
    let known = base.tasks.iter().find(|t| t.id == theirs.id);
    theirs
        .progress
        .iter()
        .filter(|p| known.is_none_or(|k| !k.progress.contains(p)))
        .max_by_key(|p| p.at.time)
        .map(|p| format!("{} {}", p.by, p.at.time.format("%m-%d %H:%M")))
}

/// The dialog's lines, each fitted to `w` columns.
pub fn lines(app: &App, ask: &ClashAsk, w: usize) -> Vec<Line<'static>> {
    let lang = app.lang();
    let p = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let Some(clash) = ask.current() else {
        return Vec::new();
    };
    let count = format!(
        "{} {} / {}",
        p("冲突", "Clash"),
        ask.at + 1,
        ask.merged.clashes.len()
    );
    let mut out = vec![Line::raw(fit(&count, w))];
    let (what, mine, theirs, who) = match clash {
        Clash::Task { id, field, theirs } => {
            let me = app.board.tasks.iter().find(|t| t.id == id);
            let title = me
                .or(theirs.as_deref())
                .map(|t| format!("{} {}", t.id, t.title))
                .unwrap_or_else(|| id.clone());
            out.push(Line::raw(fit(&title, w)));
            let by = theirs.as_deref().and_then(|t| their_author(app, t));
            (
                field.label(lang),
                field.show(me, &app.board),
                field.show(theirs.as_deref(), &ask.theirs),
                by,
            )
        }
        Clash::Board { part, .. } => (
            part_name(*part, lang).to_string(),
            p("（我的版本）", "(my version)").to_string(),
            p("（他人的版本）", "(their version)").to_string(),
            None,
        ),
    };
    let who = who.map_or_else(
        || p("他人", "Theirs").to_string(),
        |w| format!("{}{w}", p("他人：", "Theirs: ")),
    );
    out.push(Line::raw(""));
    out.push(Line::raw(fit(
        &format!("{}{what}", p("字段：", "Field: ")),
        w,
    )));
    out.push(Line::raw(fit(
        &format!("{}{mine}", p("我的：", "Mine:  ")),
        w,
    )));
    out.push(Line::raw(fit(
        &format!("{who}{}{theirs}", p("：", ": ")),
        w,
    )));
    out.push(Line::raw(""));
    out.push(Line::raw(fit(
        p(
            "m 保留我的 / t 采用他人的 / e 在他人的基础上修改 / Esc 暂不保存",
            "m keep mine / t take theirs / e edit from theirs / Esc do not save yet",
        ),
        w,
    )));
    out
}
