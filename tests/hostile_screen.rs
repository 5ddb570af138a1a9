//! Hostile text on the screen: nothing unshowable reaches a cell, and grapheme clusters (emoji
//! ZWJ sequences, flags, combining marks) are measured and cut whole, so borders stay put.

mod common;

use common::*;
use ducha::model::Lang;
use ducha::ui::Theme;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use std::path::PathBuf;

fn theme() -> Theme {
    Theme {
        color: true,
        ascii: false,
    }
}

/// Every unshowable character found in the cells.
fn raw_in(buf: &Buffer) -> Vec<char> {
    buf.content
        .iter()
        .flat_map(|c| c.symbol().chars())
        .filter(|&c| {
            c.is_control()
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}')
        })
        .collect()
}

const HOSTILE: &str = "title: \"Board \\e]52;c;eA==\\a \\u202Eevil\"
lang: en
phases:
  - {id: p1, name: \"One\", start: 2024-01-01, end: 2024-12-31}
units:
  - {id: u1, name: \"Office\"}
tasks:
  - id: T1
    title: \"Late \\e[8m task \\u2028 x\"
    phase: p1
    lead: u1
    deadline: 2024-03-01
    status: todo
    \"k\\e[31m\\u202e\": \"v\\e[2J\\x9b\\u2066\"
    custom: [\"\\e]8;;http://x\\a\", {\"\\u202e\": \"\\u2029\"}]
    progress:
      - {at: 2024-02-01, by: \"Zh\\e[1mang\", note: \"note \\u2029 \\e[0m\"}
";

#[test]
fn hostile_values_and_unknown_keys_never_reach_a_cell_raw() {
    let mut app = app_from(HOSTILE, "2024-06-01");
    for keys in [&[][..], &["Enter"], &["v"], &["v"], &["?"]] {
        press(&mut app, keys);
        for (w, h) in [(80, 24), (120, 40)] {
            let buf = buffer(&mut app, w, h, theme());
            assert!(raw_in(&buf).is_empty(), "{keys:?}: {:?}", raw_in(&buf));
        }
    }
    // The details show the unknown key and value with their escapes visible.
    let mut app = app_from(HOSTILE, "2024-06-01");
    press(&mut app, &["Enter"]);
    let s = screen(&mut app, 160, 45);
    assert!(s.contains("k\\u{1b}[31m\\u{202e}"), "{s}");
    assert!(s.contains("v\\u{1b}[2J\\u{9b}\\u{2066}"), "{s}");
}

#[test]
fn file_names_in_the_picker_are_shown_escaped() {
    let boards = vec![
        (
            PathBuf::from("boards/e\u{1b}[31mvil\u{202e}.yaml"),
            "T\u{9b}itle".to_string(),
        ),
        (PathBuf::from("boards/ok.yaml"), "Fine".to_string()),
    ];
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| {
            let keys = ducha::keymap::Keymap::defaults();
            ducha::ui::picker(f, &boards, 0, Lang::En, &theme(), &keys)
        })
        .unwrap();
    let buf = terminal.backend().buffer().clone();
    assert!(raw_in(&buf).is_empty(), "{:?}", raw_in(&buf));
    let text: String = buf.content.iter().map(|c| c.symbol()).collect();
    assert!(text.contains("e\\u{1b}[31mvil\\u{202e}.yaml"), "{text}");
}

/// Columns of each row that hold a vertical border.
fn borders(s: &str) -> Vec<Vec<usize>> {
    s.lines()
        .map(|row| {
            let mut x = 0;
            let mut at = Vec::new();
            for g in unicode_segmentation::UnicodeSegmentation::graphemes(row, true) {
                if matches!(g, "│" | "┃" | "┐" | "┌" | "┘" | "└") {
                    at.push(x);
                }
                x += ducha::ui::text::width(g);
            }
            at
        })
        .collect()
}

const CLUSTERS: &[&str] = &[
    "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
    "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}",
    "\u{1F1E8}\u{1F1F3}",
    "\u{1F44D}\u{1F3FD}",
    "e\u{301}\u{302}",
    "\u{2764}\u{FE0F}",
];

#[test]
fn emoji_sequences_and_combining_marks_keep_every_border_in_place() {
    let mut plain = app_from(&zwj_board("督查工作"), "2024-06-01");
    let reference = borders(&shot(&mut plain, 120, 40));
    for c in CLUSTERS {
        let title = format!("{c}督查{c}工作{c}{c}{c}{c}{c}{c}{c}{c}{c}{c}");
        let mut app = app_from(&zwj_board(&title), "2024-06-01");
        for (w, h) in [(120, 40), (80, 24)] {
            let s = shot(&mut app, w, h);
            if w == 120 {
                assert_eq!(borders(&s), reference, "{c:?}:\n{s}");
            }
            // The cluster is drawn whole wherever it is drawn.
            let buf = buffer(&mut app, w, h, theme());
            assert!(
                buf.content.iter().any(|cell| cell.symbol() == *c),
                "{c:?} not drawn whole:\n{s}"
            );
        }
    }
}

fn zwj_board(title: &str) -> String {
    format!(
        "title: 测试\nlang: zh\nphases:\n  - {{id: p1, name: 一, start: 2024-01-01, end: 2024-12-31}}\ntasks:\n  - {{id: T1, title: \"{title}\", phase: p1, lead: 办公室, deadline: 2024-06-03, status: todo}}\n  - {{id: T2, title: 普通任务, phase: p1, lead: 办公室, status: doing}}\n  - {{id: T3, title: 已完成, phase: p1, lead: 办公室, status: done}}\n"
    )
}
