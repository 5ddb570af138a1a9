//! What is on the screen: TestBackend snapshots at a fixed date, 80x24 and 120x40.

mod common;

use common::*;
use ducha::ui::Theme;
use ratatui::style::Color;

#[test]
fn kanban_80x24() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    insta::assert_snapshot!(shot(&mut app, 80, 24));
}

#[test]
fn kanban_120x40() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    insta::assert_snapshot!(shot(&mut app, 120, 40));
}

#[test]
fn kanban_scrolled_with_cards_above_and_below() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["l", "j", "j", "j", "j"]);
    let s = shot(&mut app, 80, 24);
    assert!(s.contains("↑ 上方 3") || s.contains("上方 4"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn kanban_after_a_move_shows_the_unsaved_marker() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["L"]);
    let s = shot(&mut app, 80, 24);
    assert!(s.contains("[*未保存]"));
    assert!(s.contains("S10 → 推进中"));
    assert!(s.contains("完成 15/43"), "{s}");
    press(&mut app, &["L"]);
    let s = shot(&mut app, 80, 24);
    assert!(
        s.contains("完成 16/43") && s.contains("3◆ 督查… 4/22"),
        "the counts follow the edit:\n{s}"
    );
    press(&mut app, &["u"]);
    assert!(
        shot(&mut app, 80, 24).contains("完成 15/43"),
        "and its undo"
    );
}

#[test]
fn english_board_80x24() {
    let mut app = open_sample("demo-en.yaml", "2024-06-14");
    insta::assert_snapshot!(shot(&mut app, 80, 24));
}

#[test]
fn ascii_mode_80x24() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    ducha::app::update(&mut app, ducha::app::Action::Resize(80, 24));
    let s = screen_with(
        &mut app,
        80,
        24,
        Theme {
            color: false,
            ascii: true,
        },
    );
    assert!(
        s.chars()
            .all(|c| c.is_ascii() || unicode_width::UnicodeWidthChar::width(c) == Some(2)),
        "{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn details_80x24() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["l", "Enter"]);
    insta::assert_snapshot!(shot(&mut app, 80, 24));
}

#[test]
fn details_120x40() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["1", "Enter"]);
    insta::assert_snapshot!(shot(&mut app, 120, 40));
}

#[test]
fn form_80x24() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["n"]);
    type_text(&mut app, "召开第三次调度会");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "市委");
    insta::assert_snapshot!(shot(&mut app, 80, 24));
}

#[test]
fn form_120x40_with_a_bad_date() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["e", "Tab", "Tab", "Tab", "Tab"]);
    press(&mut app, &["C-u"]);
    type_text(&mut app, "2017-02-30");
    let s = shot(&mut app, 120, 40);
    assert!(s.contains("2017-02-30 不存在"));
    insta::assert_snapshot!(s);
}

#[test]
fn search_80x24() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["/"]);
    type_text(&mut app, "学习");
    insta::assert_snapshot!(shot(&mut app, 80, 24));
}

#[test]
fn search_120x40_by_unit_name() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["/"]);
    type_text(&mut app, "督查室");
    let s = shot(&mut app, 120, 40);
    assert!(
        s.contains("S11"),
        "a task whose lead unit is 市委督查室 is found"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn help_80x24() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["?"]);
    insta::assert_snapshot!(shot(&mut app, 80, 24));
}

#[test]
fn help_120x40_lists_every_key_of_every_mode() {
    let mut app = open_sample("demo-en.yaml", "2024-06-14");
    press(&mut app, &["?"]);
    let first = shot(&mut app, 120, 40);
    // Page through the whole help, keeping every screen.
    let mut all = first.clone();
    for _ in 0..40 {
        press(&mut app, &["PgDn"]);
        all.push_str(&shot(&mut app, 120, 40));
    }
    for mode in ducha::keymap::Mode::ALL {
        assert!(all.contains(mode.title(ducha::model::Lang::En)), "{mode:?}");
        for (keys, what) in ducha::ui::help_rows(&app.keys, mode, ducha::model::Lang::En, false) {
            assert!(
                all.contains(&keys) && all.contains(what),
                "help lacks {mode:?}: {keys} {what}"
            );
        }
    }
    assert!(all.contains("Presentation") && all.contains("pause / resume"));
    insta::assert_snapshot!(first);
}

#[test]
fn too_small() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    insta::assert_snapshot!(shot(&mut app, 50, 12));
}

#[test]
fn delete_question_and_filter_menu() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["d"]);
    let s = shot(&mut app, 80, 24);
    assert!(s.contains("确定删除"));
    press(&mut app, &["n", "f"]);
    type_text(&mut app, "亮灯");
    insta::assert_snapshot!(shot(&mut app, 80, 24));
}

#[test]
fn without_colour_overdue_is_still_marked() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let buf = buffer(
        &mut app,
        120,
        40,
        Theme {
            color: false,
            ascii: false,
        },
    );
    assert!(
        buf.content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "NO_COLOR: no colours at all"
    );
    let s = screen_with(
        &mut app,
        120,
        40,
        Theme {
            color: false,
            ascii: false,
        },
    );
    let overdue = s.lines().find(|l| l.contains("M03")).unwrap();
    assert!(
        overdue.contains('●') && overdue.contains("逾期10天"),
        "{overdue}"
    );
    let soon = s.lines().find(|l| l.contains("S12")).unwrap();
    assert!(soon.contains('▲') && soon.contains("剩1天"), "{soon}");
}

#[test]
fn every_screen_fits_at_every_size() {
    for (w, h) in [(60, 16), (80, 24), (100, 30), (120, 40), (200, 60)] {
        for keys in [
            &[][..],
            &["Enter"],
            &["n"],
            &["?"],
            &["/"],
            &["f"],
            &["x"],
            &["p"],
            &["d"],
        ] {
            let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
            press(&mut app, keys);
            shot(&mut app, w, h);
        }
    }
}

/// Where the terminal cursor is after drawing.
fn cursor(app: &mut ducha::app::App, w: u16, h: u16) -> (u16, u16) {
    use ratatui::backend::Backend;
    ducha::app::update(app, ducha::app::Action::Resize(w, h));
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| {
        ducha::ui::draw(
            f,
            app,
            &Theme {
                color: true,
                ascii: false,
            },
        )
    })
    .unwrap();
    let p = t.backend_mut().get_cursor_position().unwrap();
    (p.x, p.y)
}

#[test]
fn the_caret_sits_right_after_the_typed_chinese_text() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["n"]);
    type_text(&mut app, "召开动员大会");
    let (x, y) = cursor(&mut app, 80, 24);
    let s = shot(&mut app, 80, 24);
    let row: Vec<char> = s.lines().nth(usize::from(y)).unwrap().chars().collect();
    // Columns to chars: every Chinese character takes two columns.
    let mut col = 0;
    let mut at = None;
    for (i, c) in row.iter().enumerate() {
        if col == usize::from(x) {
            at = Some(i);
            break;
        }
        col += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
    }
    let i = at.expect("the caret is on a character boundary");
    assert_eq!(
        row[i - 1],
        '会',
        "caret just after the text: {}",
        row.iter().collect::<String>()
    );
    assert_eq!(row[i], ' ');
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "市委");
    let (x2, y2) = cursor(&mut app, 80, 24);
    let line: String = shot(&mut app, 80, 24)
        .lines()
        .nth(usize::from(y2))
        .unwrap()
        .to_string();
    let before: String = line
        .chars()
        .scan(0usize, |c, ch| {
            let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            let keep = *c < usize::from(x2);
            *c += w;
            Some((keep, ch))
        })
        .filter(|(k, _)| *k)
        .map(|(_, ch)| ch)
        .collect();
    assert!(
        before.ends_with("[市委"),
        "caret after the typed filter: {before:?}"
    );
}

#[test]
fn prompts_fit_a_small_screen() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["p"]);
    type_text(&mut app, "已经召开了专题会议进行研究部署并形成会议纪要");
    let s = shot(&mut app, 60, 16);
    assert!(
        s.contains("Ctrl-S 确定"),
        "the hint line stays visible:\n{s}"
    );
    let (x, _) = cursor(&mut app, 60, 16);
    assert!(
        x < 58,
        "the caret is inside the popup, not on its border: {x}"
    );
}

#[test]
fn many_phases_show_a_window_of_tabs_around_the_current_one() {
    let mut text = String::from("title: 测试\nphases:\n");
    for i in 1..=12 {
        text.push_str(&format!(
            "  - {{id: p{i}, name: 第{i}阶段工作, start: 2024-{i:02}-01, end: 2024-{i:02}-28}}\n"
        ));
    }
    text.push_str("tasks: []\n");
    let mut app = app_from(&text, "2024-12-10");
    let s = shot(&mut app, 80, 24);
    let tabs = s.lines().nth(1).unwrap();
    assert!(tabs.contains("12◆"), "the current phase is visible: {tabs}");
    assert!(
        tabs.starts_with('‹'),
        "earlier phases are marked as hidden: {tabs}"
    );
    press(&mut app, &["1"]);
    let tabs = shot(&mut app, 80, 24).lines().nth(1).unwrap().to_string();
    assert!(
        tabs.contains(" 1 第") && tabs.trim_end().ends_with('›'),
        "{tabs}"
    );
}
