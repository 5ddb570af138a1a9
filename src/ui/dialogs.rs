//! Small popups: confirmations, the note and extension prompts, save-as and the filter menu.

use super::text::{fit, pad, width};
use super::{block, popup_area, Theme};
use crate::app::{App, Confirm, LineEdit, Popup};
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
    let first = match lang {
        crate::model::Lang::Zh => format!(
            "向 {} 个单位（{}）出具催办单，涉及 {} 项任务；Word 文件存于 {dir}，每项任务记录一次催办。",
            n.len(),
            names.join("、"),
            tasks.len()
        ),
        crate::model::Lang::En => format!(
            "A notice to {} unit(s) ({}) about {} task(s); Word files go to {dir}, and each task records one 催办.",
            n.len(),
            names.join(", "),
            tasks.len()
        ),
    };
    vec![
        first,
        String::new(),
        lang.pick(
            "y 出具 / n 取消（u 可撤销记录）",
            "y issue / n cancel (u undoes the entries)",
        )
        .into(),
    ]
}

/// Draws any popup that is not details, help or the form.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, popup: &Popup) {
    let lang = app.lang();
    let p = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    // Inside the popup's borders; one line per row, so the caret rows below stay true.
    let inner = usize::from(POPUP_WIDTH.min(area.width.saturating_sub(2))).saturating_sub(2);
    let task_name = |i: usize| {
        let name = app
            .board
            .tasks
            .get(i)
            .map(|t| format!("{} {}", t.id, t.title))
            .unwrap_or_default();
        fit(&name, inner)
    };
    let mut cursor: Option<(usize, usize)> = None;
    let (title, lines, h): (String, Vec<Line>, u16) = match popup {
        Popup::Confirm(c) => {
            let (t, body): (&str, Vec<String>) = match c {
                Confirm::Delete(i) => (p("删除任务", "Delete task"), vec![task_name(*i), String::new(), p("确定删除？y 删除 / n 取消（删除后可按 u 撤销）", "Delete it? y yes / n no (u undoes)").into()]),
                Confirm::Quit => {
                    let first = if app.recovery.error.is_some() {
                        p("有未保存的修改，且恢复文件写入失败：这些修改只在本窗口中。", "There are unsaved changes, and the recovery file could not be written: they exist only in this window.")
                    } else {
                        p("有未保存的修改（已记在恢复文件中）。", "There are unsaved changes (kept in the recovery file).")
                    };
                    (p("退出", "Quit"), vec![first.into(), String::new(), p("s 保存并退出 / y 放弃修改并退出 / Esc 取消", "s save and quit / y discard them and quit / Esc cancel").into()])
                }
                Confirm::DropComments => (p("注释将被移除", "Comments will be dropped"), vec![p("文件中的 # 注释保存后不会保留；保存前的原文件（含注释）会备份为 .bak 文件。", "Saving drops the file's # comments; the previous file, comments included, is kept as the .bak backup.").into(), String::new(), p("y 继续保存 / n 取消", "y save anyway / n cancel").into()]),
                Confirm::Conflict => (p("文件已被他人修改", "File changed on disk"), vec![p("打开后有人保存了这个看板，直接保存会覆盖对方的修改，因此没有保存。", "Someone saved this board after you opened it; saving now would overwrite their changes, so nothing was saved.").into(), String::new(), p("a 另存为新文件 / r 重新加载（你的修改另存一份副本）/ Esc 取消", "a save as another file / r reload (your changes are kept in a copy) / Esc cancel").into()]),
                Confirm::Notices(units) => (p("出具催办单", "Issue reminder notices"), notices_body(app, units)),
                Confirm::Restore(..) => (p("发现未保存的修改", "Unsaved changes found"), vec![p("上次编辑时留下了恢复文件（连接中断或异常退出）。", "A recovery file was left by an earlier session (dropped connection or crash).").into(), String::new(), p("r 恢复这些修改 / d 丢弃恢复文件", "r restore them / d discard the recovery file").into()]),
            };
            (t.to_string(), body.into_iter().map(Line::raw).collect(), 9)
        }
        Popup::Note { task, input } => {
            let (line, caret) = input_line(p("进展：", "Note:"), input, inner, theme, true);
            cursor = Some((caret, 2));
            (
                p("添加进展", "Add progress").into(),
                vec![
                    Line::raw(task_name(*task)),
                    Line::raw(""),
                    line,
                    Line::raw(""),
                    Line::raw(p("Enter 确定  Esc 取消", "Enter accept  Esc cancel")),
                ],
                7,
            )
        }
        Popup::Extend {
            task,
            date,
            reason,
            focus,
            error,
        } => {
            let (d, dc) = input_line(p("延期至：", "New date:"), date, inner, theme, *focus == 0);
            let (r, rc) = input_line(
                p("原因：  ", "Reason:  "),
                reason,
                inner,
                theme,
                *focus == 1,
            );
            cursor = Some(if *focus == 0 { (dc, 2) } else { (rc, 3) });
            let live = crate::app::date_error(lang, &date.text());
            // A task that cannot be extended says so at once, not only after typing a date.
            let refusal = app.board.tasks.get(*task).and_then(|t| {
                crate::app::extension_refusal(&app.board, t, lang)
                    .map(|r| format!("{r}{}", p("（Esc 关闭）", " (Esc closes)")))
            });
            let msg = refusal
                .or_else(|| error.clone())
                .or(live)
                .unwrap_or_else(|| {
                    p(
                        "YYYY-MM-DD，延期须填写原因；Tab 切换，Enter 确定，Esc 取消",
                        "YYYY-MM-DD, reason required; Tab switches, Enter accepts, Esc cancels",
                    )
                    .into()
                });
            (
                p("延期", "Extend deadline").into(),
                vec![
                    Line::raw(task_name(*task)),
                    Line::raw(""),
                    d,
                    r,
                    Line::raw(""),
                    Line::styled(msg, theme.alert()),
                ],
                8,
            )
        }
        Popup::Since { input, error } => {
            let (line, caret) = input_line(p("起始日期：", "From:"), input, inner, theme, true);
            cursor = Some((caret, 0));
            let msg = error.clone().unwrap_or_else(|| {
                p(
                    "统计自该日（含）以来的变化，如上次调度会的日期。Enter 确定  Esc 取消",
                    "Changes are counted from this day on, e.g. the last meeting. Enter accept  Esc cancel",
                )
                .into()
            });
            (
                p("自何日以来的变化", "Changes since").into(),
                vec![line, Line::raw(""), Line::styled(msg, theme.alert())],
                6,
            )
        }
        Popup::SaveAs(input) => {
            let (line, caret) = input_line(p("文件名：", "File name:"), input, inner, theme, true);
            cursor = Some((caret, 0));
            (p("另存为", "Save as").into(), vec![line, Line::raw(""), Line::raw(p("保存在看板所在目录；已存在的文件不会被覆盖。Enter 确定  Esc 取消", "Saved beside the board; an existing file is never overwritten. Enter accept  Esc cancel"))], 6)
        }
        Popup::Filter { choice, .. } => {
            let (line, caret) =
                input_line(p("筛选：", "Filter:"), &choice.filter, inner, theme, true);
            cursor = Some((caret, 0));
            let mut lines = vec![line, Line::raw("")];
            let rows = usize::from(area.height.saturating_sub(8)).clamp(3, 16);
            let visible = choice.visible();
            let start = choice.highlight.saturating_sub(rows - 1);
            for (n, &i) in visible.iter().enumerate().skip(start).take(rows) {
                let style = if n == choice.highlight {
                    theme.selected()
                } else {
                    ratatui::style::Style::new()
                };
                lines.push(Line::styled(
                    pad(&format!(" {}", choice.options[i].1), inner),
                    style,
                ));
            }
            let h = lines.len() as u16 + 2;
            (
                p(
                    "筛选（输入文字缩小范围，Enter 应用）",
                    "Filter (type to narrow, Enter applies)",
                )
                .into(),
                lines,
                h,
            )
        }
        Popup::Clash(ask) => {
            let lines = super::clash::lines(app, ask, inner);
            let h = lines.len() as u16 + 2;
            (p("保存冲突", "Save clash").into(), lines, h)
        }
        Popup::Details { .. } | Popup::Help { .. } | Popup::Form(_) => return,
    };
    let r = popup_area(frame, area, POPUP_WIDTH, h);
    let inner_w = usize::from(r.width.saturating_sub(2));
    let lines: Vec<Line> = lines
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
            .block(block(theme, title))
            .wrap(Wrap { trim: false }),
        r,
    );
    if let Some((x, y)) = cursor {
        frame.set_cursor_position(Position {
            x: r.x + 1 + x as u16,
            y: r.y + 1 + y as u16,
        });
    }
}
