//! Drawing: pure functions from the app's state to a frame, one file per panel or popup.

mod clash;
mod details;
mod dialogs;
mod footer;
mod form;
mod header;
mod help;
pub mod hints;
mod kanban;
mod list;
mod note;
mod overview;
mod picker;
mod present;
pub mod rollup;
mod since;
pub mod text;
mod theme;
mod trend;
mod units;
pub mod words;

pub use help::rows as help_rows;
pub use picker::picker;
pub use theme::Theme;
pub use words::said;

use crate::app::{App, Layout, Popup, View};
use crate::model::facts::{days_left, Light};
use crate::model::{Lang, Task};
use chrono::NaiveDate;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

/// The smallest screen the board draws on; below it says so instead.
pub const MIN_SIZE: (u16, u16) = (60, 16);

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    render(frame, app, theme);
}

/// Draws the whole screen and returns what the app needs of its layout (how many cards a
/// column shows, where the overview ends …), to be given back to it as [`Action::Layout`].
///
/// [`Action::Layout`]: crate::app::Action::Layout
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) -> Layout {
    let layout = draw_parts(frame, app, theme);
    if theme.ascii {
        asciify(frame.buffer_mut());
    }
    scrub(frame.buffer_mut());
    layout
}

/// Takes out of every cell what must not reach the terminal (control, C1 and bidirectional
/// characters, line separators): the last line of defence behind [`text::shown`], for text
/// that reached the screen without going through the width helpers.
pub fn scrub(buf: &mut ratatui::buffer::Buffer) {
    use crate::model::text::is_unshowable;
    for cell in &mut buf.content {
        let sym = cell.symbol();
        if sym.is_ascii() && !sym.bytes().any(|b| b.is_ascii_control()) {
            continue;
        }
        if sym.chars().any(is_unshowable) {
            let kept: String = sym.chars().filter(|c| !is_unshowable(*c)).collect();
            let kept = if kept.is_empty() {
                "\u{FFFD}".into()
            } else {
                kept
            };
            cell.set_symbol(&kept);
        }
    }
}

fn draw_parts(frame: &mut Frame, app: &App, theme: &Theme) -> Layout {
    let mut layout = Layout::default();
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        too_small(frame, area, app.lang());
        return layout;
    }
    if app.present.is_some() {
        layout.slide = present::draw(frame, app, theme);
        return layout;
    }
    let [head, tabs, body, foot] = ratatui::layout::Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(4),
        Constraint::Length(2),
    ])
    .areas(area);
    header::draw(frame, head, app, theme);
    match app.view {
        View::Kanban => {
            header::tabs(frame, tabs, app, theme);
            layout.cards = kanban::draw(frame, body, app, theme);
        }
        View::Units => {
            header::views(frame, tabs, app, theme);
            layout.rows = units::draw(frame, body, app, theme);
        }
        View::List => {
            header::views(frame, tabs, app, theme);
            layout.rows = list::draw(frame, body, app, theme);
        }
        View::Overview => {
            header::views(frame, tabs, app, theme);
            let (lines, end) = overview::draw(frame, body, app, theme);
            (layout.lines, layout.overview_end) = (lines, Some(end));
        }
    }
    footer::draw(frame, foot, app, theme);
    let scroll = match &app.popup {
        None => None,
        Some(Popup::Details(d)) => Some(details::draw(frame, area, app, theme, d)),
        Some(Popup::Help(h)) => Some(help::draw(frame, area, app, theme, h)),
        Some(Popup::Form(f)) => {
            form::draw(frame, area, app, theme, f);
            None
        }
        Some(p) => {
            dialogs::draw(frame, area, app, theme, p);
            None
        }
    };
    if let Some((page, end)) = scroll {
        (layout.popup_page, layout.popup_end) = (page, Some(end));
    }
    layout
}

/// Replaces every narrow non-ASCII character (“ ” … · and the like).
///
/// Terminals set up for Chinese often draw these "ambiguous width" characters two columns wide,
/// which shifts everything after them; ASCII mode exists for those terminals. Wide characters
/// (Chinese text) are unambiguous and stay.
pub fn asciify(buf: &mut ratatui::buffer::Buffer) {
    for cell in &mut buf.content {
        let sym = cell.symbol();
        if sym.is_ascii() || text::width(sym) != 1 {
            continue;
        }
        let plain = match sym {
            "“" | "”" | "„" => "\"",
            "‘" | "’" => "'",
            "…" => "~",
            "█" | "▀" | "▄" | "▌" | "▐" | "▖" | "▗" | "▘" | "▙" | "▚" | "▛" | "▜" | "▝" | "▞"
            | "▟" => "#",
            "·" | "•" => ".",
            "—" | "–" | "─" | "━" => "-",
            "│" | "┃" => "|",
            _ => "?",
        };
        cell.set_symbol(plain);
    }
}

fn too_small(frame: &mut Frame, area: Rect, lang: Lang) {
    let msg = match lang {
        Lang::Zh => format!(
            "窗口太小（{}x{}），请至少调整到 {}x{}",
            area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
        ),
        Lang::En => format!(
            "Window too small ({}x{}); make it at least {}x{}",
            area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
        ),
    };
    frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
}

/// A rectangle of `w` x `h` centred in `area` (clamped to it), cleared for a popup.
pub(crate) fn popup_area(frame: &mut Frame, area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2)).max(1);
    let h = h.min(area.height.saturating_sub(2)).max(1);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    // A wide character just left of the popup would spill over its border: blank it.
    let buf = frame.buffer_mut();
    for y in r.top()..r.bottom() {
        if r.x > 0 {
            if let Some(cell) = buf.cell_mut((r.x - 1, y)) {
                if text::width(cell.symbol()) > 1 {
                    cell.set_symbol(" ");
                }
            }
        }
    }
    r
}

/// A bordered block in the theme's border style.
pub(crate) fn block<'a>(theme: &Theme, title: String) -> Block<'a> {
    Block::bordered()
        .border_set(theme.border_focus())
        .title(format!(" {title} "))
        .title_style(theme.title())
}

/// A popup of `lines` that scrolls, titled `head` and what closes it (the key of `mode`'s
/// close action); returns how many lines show at once and how far they can scroll.
pub(crate) fn scrolled(
    frame: &mut Frame,
    r: Rect,
    (app, theme): (&crate::app::App, &Theme),
    (mode, head): (crate::keymap::Mode, String),
    lines: Vec<ratatui::text::Line<'static>>,
    scroll: u16,
) -> (u16, u16) {
    let lang = app.lang();
    let close = hints::key(app, mode, crate::app::Action::Close);
    let how = match lang {
        crate::model::Lang::Zh => format!("{close} 关闭"),
        crate::model::Lang::En => format!("{close} closes"),
    };
    let title = format!("{head}{}", words::paren(lang, &how));
    let page = r.height.saturating_sub(2);
    let end = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(page);
    frame.render_widget(
        ratatui::widgets::Paragraph::new(lines)
            .block(block(theme, title))
            .scroll((scroll.min(end), 0)),
        r,
    );
    (page.max(1), end)
}

/// "逾期3天" / "今天到期" / "剩5天" / "已完成" and the English equivalents.
pub fn days_text(lang: Lang, light: Light, task: &Task, today: NaiveDate) -> String {
    let d = days_left(task, today);
    match (lang, light, d) {
        (Lang::Zh, Light::Done, _) => "已完成".into(),
        (Lang::En, Light::Done, _) => "done".into(),
        (Lang::Zh, _, None) => "长期".into(),
        (Lang::En, _, None) => "no deadline".into(),
        (Lang::Zh, _, Some(d)) if d < 0 => format!("逾期{}天", -d),
        (Lang::En, _, Some(d)) if d < 0 => format!("{}d late", -d),
        (Lang::Zh, _, Some(0)) => "今天到期".into(),
        (Lang::En, _, Some(0)) => "due today".into(),
        (Lang::Zh, _, Some(d)) => format!("剩{d}天"),
        (Lang::En, _, Some(d)) => format!("{d}d left"),
    }
}

/// "催办2次" / "chased 2x" for a task chased at least once; empty otherwise.
pub fn chased_text(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (_, 0) => String::new(),
        (Lang::Zh, n) => format!("催办{n}次"),
        (Lang::En, n) => format!("chased {n}x"),
    }
}

/// A light's name.
pub fn light_name(lang: Lang, l: Light) -> &'static str {
    match l {
        Light::Red => lang.pick("逾期", "overdue"),
        Light::Yellow => lang.pick("即将到期", "due soon"),
        Light::Green => lang.pick("正常", "on track"),
        Light::Done => lang.pick("已完成", "done"),
    }
}
