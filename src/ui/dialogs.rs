//! Small popups: questions, the note and extension prompts, save-as and the filter menu. The
//! line of keys under each ("y 删除 / n 取消") comes from the key table of its mode.

use super::hints::answers;
use super::text::{fit, pad, width};
use super::words::{colon, paren, since_error};
use super::{block, popup_area, Theme};
use crate::app::{Action, App, Confirm, LineEdit, Popup};
use crate::keymap::{Entry, Mode};
use crate::model::Lang;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// Width of these popups on screens wide enough.
const POPUP_WIDTH: u16 = 74;

/// An input line with its label; returns the line and the caret column.
fn input_line(
    label: &str,
    e: &LineEdit,
    w: usize,
    theme: &Theme,
    focused: bool,
) -> (Line<'static>, usize) {
    let lw = width(label) + 1;
    let (shown, caret) = e.view(w.saturating_sub(lw + 1));
    let style = if focused {
        theme.selected()
    } else {
        theme.key()
    };
    (
        Line::from(vec![
            Span::styled(label.to_string(), style),
            Span::raw(" "),
            Span::raw(shown),
        ]),
        lw + caret,
    )
}

/// A label with its colon.
pub(super) fn label(lang: Lang, zh: &str, en: &str) -> String {
    format!("{}{}", lang.pick(zh, en), colon(lang))
}

/// The answers of a dialog's mode with the table's words.
fn keys_line(app: &App, mode: Mode, theme: &Theme) -> String {
    answers(app, mode, theme.ascii, &|_| None)
}

/// Says what issuing notices will do: to how many units, about how many tasks, where.
fn notices_body(app: &App, units: &[String]) -> Vec<String> {
    let lang = app.lang();
    let today = app.opts.today;
    let reply_by = crate::notice::default_reply_by(today);
    let n = crate::notice::notices(&app.board, units, today, reply_by);
    let mut tasks: Vec<usize> = n
        .iter()
        .flat_map(|x| x.items.iter().map(|i| i.task))
        .collect();
    tasks.sort_unstable();
    tasks.dedup();
    let dir = crate::model::text::printable_path(&app.notice_dir());
    let names: Vec<&str> = n.iter().map(|x| app.board.unit_name(&x.unit)).collect();
    match lang {
        Lang::Zh => vec![format!(
            "向 {} 个单位（{}）出具催办单，涉及 {} 项任务；Word 文件存于 {dir}，每项任务记录一次催办。",
            n.len(),
            names.join("、"),
            tasks.len()
        )],
        Lang::En => vec![format!(
            "A notice to {} unit(s) ({}) about {} task(s); Word files go to {dir}, and each task records one 催办.",
            n.len(),
            names.join(", "),
            tasks.len()
        )],
    }
}

/// A question's title, what it says, and its verb for "yes" when it has its own.
fn question(app: &App, c: &Confirm) -> (String, Vec<String>, Option<&'static str>) {
    let lang = app.lang();
    let p = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let undo = super::hints::key(app, Mode::Board, Action::Undo);
    match c {
        Confirm::Delete(i) => {
            let name = app.board.tasks.get(*i).map(|t| format!("{} {}", t.id, t.title));
            let after = match lang {
                Lang::Zh => format!("确定删除？删除后可按 {undo} 撤销。"),
                Lang::En => format!("Delete it? {undo} undoes it afterwards."),
            };
            let body = vec![name.unwrap_or_default(), after];
            (p("删除任务", "Delete task").into(), body, Some(p("删除", "delete")))
        }
        Confirm::Quit => {
            let first = if app.recovery.error.is_some() {
                p("有未保存的修改，且恢复文件写入失败：这些修改只在本窗口中。", "There are unsaved changes, and the recovery file could not be written: they exist only in this window.")
            } else {
                p("有未保存的修改（已记在恢复文件中）。", "There are unsaved changes (kept in the recovery file).")
            };
            (p("退出", "Quit").into(), vec![first.into()], None)
        }
        Confirm::DropComments => (
            p("注释将被移除", "Comments will be dropped").into(),
            vec![p("文件中的 # 注释保存后不会保留；保存前的原文件（含注释）会备份为 .bak 文件。", "Saving drops the file's # comments; the previous file, comments included, is kept as the .bak backup.").into()],
            Some(p("继续保存", "save anyway")),
        ),
        Confirm::Conflict => (
            p("文件已被他人修改", "File changed on disk").into(),
            vec![p("打开后有人保存了这个看板，直接保存会覆盖对方的修改，因此没有保存。", "Someone saved this board after you opened it; saving now would overwrite their changes, so nothing was saved.").into()],
            None,
        ),
        Confirm::Notices(units) => {
            let undo_note = match lang {
                Lang::Zh => format!("（{undo} 可撤销记录）"),
                Lang::En => format!(" ({undo} undoes the entries)"),
            };
            let mut body = notices_body(app, units);
            body.push(undo_note.trim().to_string());
            (p("出具催办单", "Issue reminder notices").into(), body, Some(p("出具", "issue")))
        }
        Confirm::Restore(..) => (
            p("发现未保存的修改", "Unsaved changes found").into(),
            vec![p("上次编辑时留下了恢复文件（连接中断或异常退出）。", "A recovery file was left by an earlier session (dropped connection or crash).").into()],
            None,
        ),
    }
}

/// A popup's title and lines, and where the caret goes in it.
pub(super) struct Body {
    pub(super) title: String,
    pub(super) lines: Vec<Line<'static>>,
    pub(super) cursor: Option<(usize, usize)>,
}

/// What every body needs: the app, the theme and the width inside the borders.
pub(super) struct Ctx<'a> {
    pub(super) app: &'a App,
    pub(super) theme: &'a Theme,
    pub(super) inner: usize,
}

impl Ctx<'_> {
    pub(super) fn lang(&self) -> Lang {
        self.app.lang()
    }

    pub(super) fn task_name(&self, i: usize) -> Line<'static> {
        let t = self.app.board.tasks.get(i);
        let name = t.map(|t| format!("{} {}", t.id, t.title));
        Line::raw(fit(&name.unwrap_or_default(), self.inner))
    }

    /// The line of the mode's keys.
    pub(super) fn keys(&self, mode: Mode) -> Line<'static> {
        Line::styled(keys_line(self.app, mode, self.theme), self.theme.key())
    }

    fn input(&self, label: &str, e: &LineEdit, focused: bool) -> (Line<'static>, usize) {
        input_line(label, e, self.inner, self.theme, focused)
    }
}

fn confirm(c: &Ctx, q: &Confirm) -> Body {
    let (title, text, verb) = question(c.app, q);
    let word = |e: &Entry| {
        (e.action == Action::Yes)
            .then(|| verb.map(String::from))
            .flatten()
    };
    let mut lines: Vec<Line> = text.into_iter().map(Line::raw).collect();
    lines.push(Line::raw(""));
    let answers = answers(c.app, q.mode(), c.theme.ascii, &word);
    lines.push(Line::styled(answers, c.theme.key()));
    Body {
        title,
        lines,
        cursor: None,
    }
}

fn extend(c: &Ctx, x: &crate::app::ExtendPrompt) -> Body {
    let lang = c.lang();
    let date_label = label(lang, "延期至", "New date");
    let (d, dc) = c.input(&date_label, &x.date, x.focus == 0);
    let reason_label = pad(&label(lang, "原因", "Reason"), width(&date_label));
    let (r, rc) = c.input(&reason_label, &x.reason, x.focus == 1);
    let board = &c.app.board;
    // A task that cannot be extended says so at once, not only after typing a date.
    let refusal = board
        .tasks
        .get(x.task)
        .filter(|_| x.batch.is_empty())
        .and_then(|t| crate::app::extension_refusal(board, t, lang));
    let msg = refusal
        .or_else(|| x.error.clone())
        .or_else(|| crate::app::date_error(lang, &x.date.text()))
        .unwrap_or_else(|| {
            let hint = (
                "YYYY-MM-DD，延期须填写原因",
                "YYYY-MM-DD; a reason is required",
            );
            lang.pick(hint.0, hint.1).into()
        });
    let first = if x.batch.is_empty() {
        c.task_name(x.task)
    } else {
        super::note::batch_names(c, &x.batch)
    };
    let lines = vec![
        first,
        Line::raw(""),
        d,
        r,
        Line::raw(""),
        Line::styled(msg, c.theme.alert()),
        c.keys(Mode::Extend),
    ];
    Body {
        title: lang.pick("延期", "Extend deadline").into(),
        lines,
        cursor: Some(if x.focus == 0 { (dc, 2) } else { (rc, 3) }),
    }
}

fn since(c: &Ctx, s: &crate::app::SincePrompt) -> Body {
    let lang = c.lang();
    let (line, caret) = c.input(&label(lang, "起始日期", "From"), &s.input, true);
    let about = (
        "统计自该日（含）以来的变化，如上次调度会的日期。",
        "Changes are counted from this day on, e.g. the last meeting.",
    );
    let msg = s.error.map_or_else(
        || lang.pick(about.0, about.1).to_string(),
        |e| since_error(e, lang).to_string(),
    );
    let lines = vec![
        line,
        Line::raw(""),
        Line::styled(msg, c.theme.alert()),
        c.keys(Mode::Since),
    ];
    Body {
        title: lang.pick("自何日以来的变化", "Changes since").into(),
        lines,
        cursor: Some((caret, 0)),
    }
}

fn save_as(c: &Ctx, s: &crate::app::SaveAsPrompt) -> Body {
    let lang = c.lang();
    let (line, caret) = c.input(&label(lang, "文件名", "File name"), &s.input, true);
    let note = lang.pick(
        "保存在看板所在目录；已存在的文件不会被覆盖。",
        "Saved beside the board; an existing file is never overwritten.",
    );
    let lines = vec![line, Line::raw(""), Line::raw(note), c.keys(Mode::SaveAs)];
    Body {
        title: lang.pick("另存为", "Save as").into(),
        lines,
        cursor: Some((caret, 0)),
    }
}

fn filter(c: &Ctx, m: &crate::app::FilterMenu, area: Rect) -> Body {
    let lang = c.lang();
    let (line, caret) = c.input(&label(lang, "筛选", "Filter"), &m.choice.filter, true);
    let mut lines = vec![line, Line::raw("")];
    let rows = usize::from(area.height.saturating_sub(9)).clamp(3, 16);
    let start = m.choice.highlight.saturating_sub(rows - 1);
    for (n, &i) in m.choice.visible().iter().enumerate().skip(start).take(rows) {
        let style = if n == m.choice.highlight {
            c.theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        let text = pad(&format!(" {}", m.choice.options[i].1), c.inner);
        lines.push(Line::styled(text, style));
    }
    lines.push(c.keys(Mode::Filter));
    let narrow = lang.pick("输入文字缩小范围", "type to narrow");
    Body {
        title: format!("{}{}", lang.pick("筛选", "Filter"), paren(lang, narrow)),
        lines,
        cursor: Some((caret, 0)),
    }
}

fn body(c: &Ctx, popup: &Popup, area: Rect) -> Option<Body> {
    Some(match popup {
        Popup::Confirm(q) => confirm(c, q),
        Popup::Note(n) => super::note::body(c, n),
        Popup::Extend(x) => extend(c, x),
        Popup::Since(s) => since(c, s),
        Popup::SaveAs(s) => save_as(c, s),
        Popup::Filter(m) => filter(c, m, area),
        Popup::Clash(ask) => {
            let mut lines = super::clash::lines(c.app, ask, c.inner);
            lines.push(c.keys(Mode::Clash));
            let title = c.lang().pick("保存冲突", "Save clash").into();
            Body {
                title,
                lines,
                cursor: None,
            }
        }
        Popup::Details(_) | Popup::Help(_) | Popup::Form(_) => return None,
    })
}

/// Draws any popup that is not details, help or the form.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, popup: &Popup) {
    // Inside the popup's borders; one line per row, so the caret rows below stay true.
    let inner = usize::from(POPUP_WIDTH.min(area.width.saturating_sub(2))).saturating_sub(2);
    let Some(b) = body(&Ctx { app, theme, inner }, popup, area) else {
        return;
    };
    // Rows once long lines wrap, and the borders.
    let rows: usize = b
        .lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(inner.max(1)))
        .sum();
    let r = popup_area(
        frame,
        area,
        POPUP_WIDTH,
        u16::try_from(rows + 2).unwrap_or(u16::MAX),
    );
    let inner_w = usize::from(r.width.saturating_sub(2));
    let lines: Vec<Line> = b
        .lines
        .into_iter()
        .map(|l| {
            if l.width() > inner_w && l.spans.len() == 1 {
                Line::styled(fit(&l.spans[0].content, inner_w * 3), l.style)
            } else {
                l
            }
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(theme, b.title))
            .wrap(Wrap { trim: false }),
        r,
    );
    if let Some((x, y)) = b.cursor {
        frame.set_cursor_position(Position {
            x: r.x + 1 + x as u16,
            y: r.y + 1 + y as u16,
        });
    }
}
