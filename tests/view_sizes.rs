//! Every view at the small, usual and large sizes, in Chinese and in English: nothing is cut
//! inside a figure (a rate keeps its `%`, a count its closing bracket, a date its digits), the
//! footer shows help whatever else gives way, and English has ASCII punctuation.

mod common;

use common::*;
use ducha::model::Lang;

const SIZES: [(u16, u16); 3] = [(60, 16), (80, 24), (120, 40)];

/// A sample board opened in a language, as `--lang` does.
fn opened(name: &str, today: &str, lang: Lang) -> ducha::app::App {
    let (dir, path) = copy_sample(name);
    let args = ducha::cli::OpenArgs {
        file: Some(path.clone()),
        user: Some("测试员".into()),
        lang: Some(lang),
        ..Default::default()
    };
    let day = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
    let app = ducha::tui::open_app(&path, &args, day).unwrap_or_else(|_| panic!("{name}"));
    std::mem::forget(dir);
    app
}

/// Figures cut on a screen: a number followed by `…`, a rate without its `%` at a border or
/// the line's end, a bracket opened before a number and not closed.
pub fn cut_figures(screen: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in screen.lines() {
        let chars: Vec<char> = line.chars().collect();
        for i in 1..chars.len() {
            if chars[i] == '…' && chars[i - 1].is_ascii_digit() {
                found.push(format!("number cut: {line}"));
            }
        }
        for (i, w) in chars.windows(3).enumerate() {
            let border = |c: char| matches!(c, '┃' | '│' | '|');
            let rate = w[0].is_ascii_digit() && w[1] == '.' && w[2].is_ascii_digit();
            let after = chars.get(i + 3).copied();
            if rate && after.is_none_or(border) {
                found.push(format!("rate without %: {line}"));
            }
        }
        let opened = line.matches("(").count() + line.matches('（').count();
        let closed = line.matches(")").count() + line.matches('）').count();
        if let Some(at) = line.rfind(['(', '（']) {
            let next = line[at..].chars().nth(1);
            if opened > closed && next.is_some_and(|c| c.is_ascii_digit()) {
                found.push(format!("bracket not closed: {line}"));
            }
        }
    }
    found
}

/// The screen after `keys`, checked: no figure cut, help on the footer (in views).
fn checked(app: &mut ducha::app::App, keys: &[&str], (w, h): (u16, u16), help: bool) -> String {
    press(app, keys);
    let s = shot(app, w, h);
    let cuts = cut_figures(&s);
    assert!(cuts.is_empty(), "{w}x{h} {keys:?}: {cuts:?}\n{s}");
    if help {
        let footer = s.lines().last().unwrap_or_default();
        assert!(
            footer.contains("? 帮助") || footer.contains("? help"),
            "{w}x{h} {keys:?}: help is not on the footer\n{s}"
        );
    }
    // The board's own text is in its language; only an English board's screen is all English.
    if app.lang() == Lang::En && app.board.lang() == Lang::En {
        let wide = ['：', '（', '）', '，', '；', '、'];
        let bad: Vec<&str> = s.lines().filter(|l| l.contains(wide)).collect();
        assert!(
            bad.is_empty(),
            "{w}x{h}: full-width punctuation in English: {bad:?}"
        );
    }
    s
}

/// The views and how to reach them from the board.
const VIEWS: [(&str, &[&str]); 6] = [
    ("board", &[]),
    ("units", &["v"]),
    ("unit_open", &["v", "Enter"]),
    ("overview", &["v", "v"]),
    ("list", &["v", "v", "v"]),
    ("board_compact", &["z"]),
];

#[test]
fn every_view_at_every_size_in_chinese() {
    for (w, h) in SIZES {
        for (name, keys) in VIEWS {
            let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
            let s = checked(&mut app, keys, (w, h), true);
            insta::assert_snapshot!(format!("zh_{name}_{w}x{h}"), s);
        }
    }
}

#[test]
fn every_view_at_every_size_in_english() {
    for (w, h) in SIZES {
        for (name, keys) in VIEWS {
            let mut app = open_sample("demo-en.yaml", "2024-06-14");
            let s = checked(&mut app, keys, (w, h), true);
            insta::assert_snapshot!(format!("en_{name}_{w}x{h}"), s);
        }
    }
}

#[test]
fn a_chinese_board_in_english_and_the_end_of_the_overview() {
    for (w, h) in SIZES {
        for (_, keys) in VIEWS {
            let mut app = opened("zhucheng-2017.yaml", "2017-07-10", Lang::En);
            checked(&mut app, keys, (w, h), true);
        }
        for (board, today) in [
            ("zhucheng-2017.yaml", "2017-07-10"),
            ("demo-en.yaml", "2024-06-14"),
        ] {
            let mut app = open_sample(board, today);
            checked(&mut app, &["v", "v", "G"], (w, h), true);
        }
    }
}

#[test]
fn the_first_slide_keeps_its_figures() {
    for (w, h) in SIZES {
        for (board, today, lang) in [
            ("zhucheng-2017.yaml", "2017-07-10", Lang::Zh),
            ("demo-en.yaml", "2024-06-14", Lang::En),
        ] {
            let mut app = opened(board, today, lang);
            press(&mut app, &["P"]);
            let s = checked(&mut app, &[], (w, h), false);
            let tag = if lang == Lang::Zh { "zh" } else { "en" };
            insta::assert_snapshot!(format!("slide_overview_{tag}_{w}x{h}"), s);
        }
    }
}

#[test]
fn read_only_offers_no_key_that_changes_the_board() {
    let (_dir, path) = copy_sample("zhucheng-2017.yaml");
    let args = ducha::cli::OpenArgs {
        read_only: true,
        ..Default::default()
    };
    let day = chrono::NaiveDate::from_ymd_opt(2017, 7, 10).unwrap();
    let mut app = ducha::tui::open_app(&path, &args, day).unwrap();
    for keys in [&[][..], &["v"], &["v", "Enter"], &["v", "v"]] {
        let s = checked(&mut app, keys, (120, 40), true);
        let footer = s.lines().last().unwrap_or_default().to_string();
        for hidden in [
            "e 编辑",
            "n 新建",
            "p 进展",
            "x 延期",
            ">/< 移动",
            "s 保存",
            "C 催办",
        ] {
            assert!(!footer.contains(hidden), "{keys:?}: {footer}");
        }
    }
}

#[test]
fn each_view_shows_its_own_keys() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let footer = |app: &mut ducha::app::App| {
        shot(app, 120, 40)
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    let board = footer(&mut app);
    assert!(
        board.contains("Tab 阶段") && board.contains("n 新建"),
        "{board}"
    );
    press(&mut app, &["v"]);
    let units = footer(&mut app);
    assert!(
        units.contains("o 排序") && !units.contains("Tab 阶段"),
        "{units}"
    );
    assert!(
        !units.contains("e 编辑"),
        "no task is chosen in the unit list: {units}"
    );
    press(&mut app, &["Enter"]);
    let open = footer(&mut app);
    assert!(
        open.contains("e 编辑") && open.contains("Esc 返回"),
        "{open}"
    );
    press(&mut app, &["Esc", "v"]);
    let overview = footer(&mut app);
    assert!(
        overview.contains("滚动") && !overview.contains("n 新建"),
        "{overview}"
    );
}

#[test]
fn the_checker_finds_what_it_looks_for() {
    assert!(!cut_figures("┃ 完成率 ███ 37.2% (16┃").is_empty());
    assert!(!cut_figures("┃ 3/22 13.6┃").is_empty());
    assert!(!cut_figures(" ● M03 ● 06-30 逾期1…").is_empty());
    assert!(cut_figures("┃ 完成率 ███ 37.2% (16/43)┃ 快于序时进度 8.9 个百分点").is_empty());
}
