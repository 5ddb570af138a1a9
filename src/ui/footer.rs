//! The footer: message, search prompt or active filters, and the keys that matter now.

use super::text::{fit, width};
use super::{light_name, Theme};
use crate::app::{App, Popup};
use crate::model::Lang;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Key hints for the current mode: (keys, meaning).
fn hints(app: &App) -> Vec<(&'static str, &'static str)> {
    let l = app.lang();
    let p = |zh, en| l.pick(zh, en);
    match (&app.popup, &app.searching) {
        (Some(Popup::Form(_)), _) => vec![
            ("Tab", p("下一项", "next")),
            ("Enter", p("确定", "accept")),
            ("Ctrl-S", p("保存表单", "accept")),
            ("Esc", p("取消", "cancel")),
        ],
        (Some(Popup::Details { .. }), _) => vec![
            ("↑↓", p("滚动", "scroll")),
            ("e", p("编辑", "edit")),
            ("p", p("进展", "note")),
            ("x", p("延期", "extend")),
            ("Esc", p("关闭", "close")),
        ],
        (Some(Popup::Help { .. }), _) => {
            vec![("↑↓", p("滚动", "scroll")), ("Esc", p("关闭", "close"))]
        }
        (Some(Popup::Clash(_)), _) => vec![
            ("m", p("保留我的", "keep mine")),
            ("t", p("采用他人的", "take theirs")),
            ("e", p("修改", "edit")),
            ("Esc", p("暂不保存", "do not save yet")),
        ],
        (Some(_), _) => vec![("Enter", p("确定", "accept")), ("Esc", p("取消", "cancel"))],
        (None, Some(_)) => vec![
            ("Enter", p("完成搜索", "keep search")),
            ("Esc", p("清除搜索", "clear search")),
        ],
        (None, None) => vec![
            ("←→", p("列", "column")),
            ("↑↓", p("卡片", "card")),
            ("Tab", p("阶段", "phase")),
            (">/<", p("移动", "move")),
            ("Enter", p("详情", "details")),
            ("e", p("编辑", "edit")),
            ("n", p("新建", "new")),
            ("p", p("进展", "note")),
            ("x", p("延期", "extend")),
            ("/", p("搜索", "search")),
            ("f", p("筛选", "filter")),
            ("s", p("保存", "save")),
            ("?", p("帮助", "help")),
            ("q", p("退出", "quit")),
        ],
    }
}

fn filter_text(app: &App) -> Option<String> {
    let l = app.lang();
    let f = &app.filters;
    if !f.active() {
        return None;
    }
    let mut parts = Vec::new();
    if !f.search.is_empty() {
        parts.push(format!("{}{}", l.pick("搜索=", "search="), f.search));
    }
    if let Some(u) = &f.lead {
        parts.push(format!(
            "{}{}",
            l.pick("单位=", "lead="),
            app.board.unit_name(u)
        ));
    }
    if let Some(x) = f.light {
        parts.push(format!("{}{}", l.pick("亮灯=", "light="), light_name(l, x)));
    }
    if let Some(c) = &f.category {
        parts.push(format!("{}{c}", l.pick("类别=", "category=")));
    }
    Some(format!(
        "{}{}  {}",
        l.pick("筛选：", "filter: "),
        parts.join(" "),
        l.pick("（Esc 清除）", "(Esc clears)")
    ))
}

/// Draws the two footer lines and places the cursor in the search prompt.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = usize::from(area.width);
    let lang = app.lang();
    let first = if let Some(input) = &app.searching {
        let label = lang.pick(" 搜索：", " Search: ");
        let (shown, caret) = input.view(w.saturating_sub(width(label) + 1));
        let x = area.x + (width(label) + caret) as u16;
        frame.set_cursor_position(Position { x, y: area.y });
        Line::from(vec![Span::styled(label, theme.key()), Span::raw(shown)])
    } else if let Some(e) = &app.recovery.error {
        // Until a write succeeds: the user must know the work is in no file.
        Line::styled(fit(&format!(" !! {e}"), w), theme.alert())
    } else if let Some(m) = &app.message {
        Line::styled(fit(&format!(" {m}"), w), theme.alert())
    } else if let Some(f) = filter_text(app) {
        Line::styled(fit(&format!(" {f}"), w), theme.key())
    } else {
        Line::raw("")
    };
    let mut spans = Vec::new();
    let mut used = 0;
    for (k, what) in hints(app) {
        let piece = width(k) + width(what) + 3;
        if used + piece > w {
            break;
        }
        used += piece;
        spans.push(Span::styled(format!(" {k}"), theme.key()));
        spans.push(Span::raw(format!(" {what} ")));
    }
    if lang == Lang::En && spans.is_empty() {
        spans.push(Span::raw(" ? help"));
    }
    frame.render_widget(Paragraph::new(vec![first, Line::from(spans)]), area);
}
