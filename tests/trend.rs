//! The trend on screen: completion over time against time elapsed and the tasks finished each
//! week, on the trend slide and at the end of the overview, in Unicode and in ASCII.

mod common;

use common::*;
use ducha::app::{Action, Slide};
use ducha::model::trend::Trend;
use ducha::ui::Theme;

fn trend_slide(w: u16, h: u16, ascii: bool) -> String {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    app.start_presenting(15, true);
    ducha::app::update(&mut app, Action::Resize(w, h));
    while app.slides()[app.present.as_ref().expect("presenting").slide] != Slide::Trend {
        press(&mut app, &["Right"]);
    }
    let s = screen_with(&mut app, w, h, Theme { color: true, ascii });
    assert!(!s.contains("<<OVERLAP>>"), "{s}");
    if ascii {
        let odd: Vec<char> = s
            .chars()
            .filter(|c| !c.is_ascii() && unicode_width::UnicodeWidthChar::width(*c) != Some(2))
            .collect();
        assert!(
            odd.is_empty(),
            "only ASCII and wide text in --ascii: {odd:?}\n{s}"
        );
    }
    s
}

#[test]
fn trend_slide_80x24() {
    insta::assert_snapshot!(trend_slide(80, 24, false));
}

#[test]
fn trend_slide_160x45() {
    insta::assert_snapshot!(trend_slide(160, 45, false));
}

#[test]
fn trend_slide_80x24_ascii() {
    insta::assert_snapshot!(trend_slide(80, 24, true));
}

#[test]
fn trend_slide_160x45_ascii() {
    insta::assert_snapshot!(trend_slide(160, 45, true));
}

#[test]
fn the_trend_ends_where_the_gauge_stands() {
    let app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let t = Trend::of(&app.board, app.opts.today).expect("a trend");
    assert_eq!(t.done.last().copied(), Some(15), "15 of 43 done today");
    assert_eq!(t.total, 43);
    assert!(t.done.windows(2).all(|w| w[0] <= w[1]), "no task reopened");
    let finished: usize = t.weeks.iter().map(|(_, n)| n).sum();
    assert_eq!(finished, 15, "every finished task in some week");
    let s09_week = chrono::NaiveDate::from_ymd_opt(2017, 6, 5).expect("date");
    assert!(
        t.weeks.iter().any(|(w, n)| *w == s09_week && *n >= 1),
        "S09 in the week of 06-05"
    );
}

#[test]
fn the_overview_ends_with_the_trend() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["v", "v", "G"]);
    let s = shot(&mut app, 120, 40);
    assert!(
        s.contains("完成趋势") && s.contains("每周完成数") && s.contains("序时进度"),
        "{s}"
    );
}

#[test]
fn a_board_without_history_says_why_there_is_no_trend() {
    let text = "title: 测试\nphases:\n  - {id: p1, name: 全年, start: 2024-01-01, end: 2024-12-31}\ntasks:\n  - {id: A1, title: 甲, phase: p1, lead: 区委办, deadline: 2024-12-01}\n";
    let mut app = app_from(text, "2024-07-01");
    press(&mut app, &["v", "v", "G"]);
    let s = shot(&mut app, 100, 40);
    assert!(s.contains("尚无进展记录，无法绘制趋势"), "{s}");
}
