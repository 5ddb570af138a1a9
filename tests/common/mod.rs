//! Shared helpers for the interactive-board tests: opening sample boards, pressing keys, rendering.
#![allow(dead_code)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ducha::app::{App, Options};
use ducha::model::Lang;
use ducha::ui::Theme;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::{Path, PathBuf};

/// The path of a sample board.
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("boards")
        .join(name)
}

/// A copy of a sample board in a fresh temporary folder.
pub fn copy_sample(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::copy(sample(name), &path).unwrap();
    (dir, path)
}

/// Opens a board file as the program does, with a fixed date, user and clock.
pub fn open(path: &Path, today: &str) -> App {
    let args = ducha::cli::OpenArgs {
        file: Some(path.to_path_buf()),
        user: Some("测试员".into()),
        ..Default::default()
    };
    let today = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
    ducha::tui::open_app(path, &args, today)
        .unwrap_or_else(|_| panic!("cannot open {}", path.display()))
}

/// Opens a copy of a sample board (edits write recovery files, which must never land in boards/).
pub fn open_sample(name: &str, today: &str) -> App {
    let (dir, path) = copy_sample(name);
    let app = open(&path, today);
    // The folder must outlive the app; the system's temporary folder cleans it up.
    std::mem::forget(dir);
    app
}

/// An app on a board given as YAML text, without a file.
pub fn app_from(text: &str, today: &str) -> App {
    let parsed = ducha::store::parse(text).unwrap();
    let today = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
    let lang = parsed.board.lang();
    App::new(
        parsed.board,
        None,
        None,
        Options {
            today,
            user: "测试员".into(),
            lang,
            read_only: false,
        },
    )
}

/// A key event from a short name: "a", "L", "Enter", "Esc", "Tab", "BackTab", "Up", "Down",
/// "Left", "Right", "PgDn", "PgUp", "Bs", "C-s", "C-r", "S-Right".
pub fn key(name: &str) -> KeyEvent {
    let code = |n: &str| match n {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "BackTab" => KeyCode::BackTab,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PgDn" => KeyCode::PageDown,
        "PgUp" => KeyCode::PageUp,
        "Bs" => KeyCode::Backspace,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Delete" => KeyCode::Delete,
        s => {
            let mut it = s.chars();
            let c = it.next().unwrap();
            assert!(it.next().is_none(), "unknown key name {s}");
            KeyCode::Char(c)
        }
    };
    if let Some(rest) = name.strip_prefix("C-") {
        return KeyEvent::new(code(rest), KeyModifiers::CONTROL);
    }
    if let Some(rest) = name.strip_prefix("S-") {
        return KeyEvent::new(code(rest), KeyModifiers::SHIFT);
    }
    let c = code(name);
    let m = match c {
        KeyCode::Char(ch) if ch.is_uppercase() || "<>?:{}|~!@#$%^&*()_+".contains(ch) => {
            KeyModifiers::SHIFT
        }
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(c, m)
}

/// Presses keys through the program's own key table and carries out the effects (saves etc.).
pub fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        if let Some(action) = ducha::tui::to_action(app, Event::Key(key(k))) {
            ducha::tui::handle(app, action);
        }
    }
}

/// Types text into whatever input is open (as an input method or paste would deliver it).
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        if let Some(action) = ducha::tui::to_action(
            app,
            Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        ) {
            ducha::tui::handle(app, action);
        }
    }
}

/// The screen as text, as TestBackend shows it (it flags wide characters that overlap anything).
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    screen_with(
        app,
        w,
        h,
        Theme {
            color: true,
            ascii: false,
        },
    )
}

/// The screen, failing the test if a wide character overlaps anything.
pub fn shot(app: &mut App, w: u16, h: u16) -> String {
    let s = screen(app, w, h);
    assert!(
        !s.contains("<<OVERLAP>>"),
        "a wide character overlaps something:\n{s}"
    );
    s
}

/// The screen drawn with a given theme, one text line per row, trailing spaces kept.
///
/// A row where a wide character hides a non-blank cell (something drawn over half of it) gets
/// `<<OVERLAP>>` appended, so snapshot and assertions catch it.
pub fn screen_with(app: &mut App, w: u16, h: u16, theme: Theme) -> String {
    let buf = buffer(app, w, h, theme);
    let mut out = String::new();
    for y in 0..h {
        let (mut skip, mut overlap) = (0usize, false);
        for x in 0..w {
            let sym = buf[(x, y)].symbol();
            if skip == 0 {
                out.push_str(sym);
            } else if !sym.trim().is_empty() {
                overlap = true;
            }
            skip = skip
                .max(unicode_width::UnicodeWidthStr::width(sym))
                .saturating_sub(1);
        }
        if overlap {
            out.push_str("<<OVERLAP>>");
        }
        out.push('\n');
    }
    out
}

/// The terminal buffer after drawing, for checking styles; the app is told what was drawn, as
/// the program's event loop does.
pub fn buffer(app: &mut App, w: u16, h: u16, theme: Theme) -> ratatui::buffer::Buffer {
    ducha::app::update(app, ducha::app::Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut drawn = ducha::app::Layout::default();
    terminal
        .draw(|f| drawn = ducha::ui::render(f, app, &theme))
        .unwrap();
    ducha::app::update(app, ducha::app::Action::Layout(drawn));
    terminal.backend().buffer().clone()
}

/// The language of the app (for readability in asserts).
pub fn zh(app: &App) -> bool {
    app.lang() == Lang::Zh
}
