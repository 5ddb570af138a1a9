//! Presentation mode: the slides on screen, stepping and pausing, and following the file on disk.

mod common;

use common::*;
use ducha::app::{Action, Slide};
use ducha::ui::Theme;
use std::time::Duration;

fn presenting(name: &str, today: &str) -> ducha::app::App {
    let mut app = open_sample(name, today);
    app.start_presenting(15, true);
    app
}

/// Steps to the first page of `slide`.
fn goto(app: &mut ducha::app::App, slide: Slide, w: u16, h: u16) {
    ducha::app::update(app, Action::Resize(w, h));
    for _ in 0..200 {
        let p = app.present.as_ref().unwrap();
        if app.slides()[p.slide] == slide && p.page == 0 {
            return;
        }
        press(app, &["Right"]);
    }
    panic!("slide {slide:?} not reached");
}

#[test]
fn every_kind_of_slide_at_80x24_and_160x45() {
    for (w, h) in [(80u16, 24u16), (160, 45)] {
        for (slide, name) in [
            (Slide::Overview, "overview"),
            (Slide::Phase(2), "phase3"),
            (Slide::Units, "units"),
            (Slide::Overdue, "overdue"),
        ] {
            let mut app = presenting("zhucheng-2017.yaml", "2017-07-10");
            goto(&mut app, slide, w, h);
            insta::assert_snapshot!(format!("slide_{name}_{w}x{h}"), shot(&mut app, w, h));
        }
    }
}

#[test]
fn a_phase_with_more_cards_than_fit_is_paged_not_cut() {
    let mut app = presenting("zhucheng-2017.yaml", "2017-07-10");
    goto(&mut app, Slide::Phase(2), 80, 24);
    shot(&mut app, 80, 24);
    let pages = app.slide_pages();
    assert!(pages > 1);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..pages {
        let s = shot(&mut app, 80, 24);
        for t in &app.board.tasks {
            if t.phase == "p3" && s.contains(&format!(" {} ", t.id)) {
                seen.insert(t.id.to_string());
            }
        }
        press(&mut app, &["Right"]);
    }
    let all: std::collections::BTreeSet<String> = app
        .board
        .tasks
        .iter()
        .filter(|t| t.phase == "p3")
        .map(|t| t.id.to_string())
        .collect();
    assert_eq!(seen, all, "every card of the phase appears on some page");
    assert_eq!(
        app.slides()[app.present.as_ref().unwrap().slide],
        Slide::Phase(3)
    );
}

#[test]
fn slides_advance_on_their_own_unless_paused() {
    let mut app = presenting("zhucheng-2017.yaml", "2017-07-10");
    ducha::app::update(&mut app, Action::Resize(160, 45));
    let start = app.now;
    app.now = start + chrono::Duration::seconds(14);
    ducha::tui::handle(&mut app, Action::Tick);
    assert_eq!(app.present.as_ref().unwrap().slide, 0);
    app.now = start + chrono::Duration::seconds(15);
    ducha::tui::handle(&mut app, Action::Tick);
    assert_eq!(app.present.as_ref().unwrap().slide, 1);
    press(&mut app, &[" "]);
    app.now = start + chrono::Duration::seconds(60);
    ducha::tui::handle(&mut app, Action::Tick);
    assert_eq!(app.present.as_ref().unwrap().slide, 1, "paused");
    assert!(shot(&mut app, 160, 45).contains("[暂停]"));
    press(&mut app, &[" ", "Left", "Left"]);
    assert_eq!(
        app.slides()[app.present.as_ref().unwrap().slide],
        Slide::Overdue,
        "stepping back wraps around"
    );
    press(&mut app, &["q"]);
    assert!(
        app.quit,
        "leaving a standalone presentation ends the program"
    );
}

#[test]
fn p_in_the_board_presents_and_q_returns_to_the_board() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["P"]);
    assert!(app.present.is_some());
    let before = app.board.clone();
    press(&mut app, &["L", "d", "y", "e"]);
    assert_eq!(app.board, before, "presenting is read-only");
    press(&mut app, &["Esc"]);
    assert!(app.present.is_none() && !app.quit);
}

#[test]
fn the_presentation_follows_the_file_when_someone_else_saves() {
    let (_dir, path) = copy_sample("zhucheng-2017.yaml");
    let mut app = open(&path, "2017-07-10");
    app.start_presenting(15, true);
    goto(&mut app, Slide::Units, 160, 45);
    let mut watch = ducha::tui::FileWatch::new(Duration::ZERO);
    assert!(
        watch.changed(&app).is_none(),
        "the first look only records the file"
    );
    assert!(watch.changed(&app).is_none(), "nothing changed");
    // Someone else marks S06 done and saves.
    let mut other = ducha::store::load(&path).unwrap();
    let i = other.parsed.board.task_index("S06").unwrap();
    other.parsed.board.tasks[i].status = "done".into();
    ducha::store::save(&path, &other.parsed.board, Some(other.disk)).unwrap();
    let action = watch.changed(&app).expect("the change is noticed");
    ducha::tui::handle(&mut app, action);
    assert_eq!(app.board.tasks[i].status, "done");
    assert_eq!(
        app.slides()[app.present.as_ref().unwrap().slide],
        Slide::Units,
        "the place is kept"
    );
    assert!(shot(&mut app, 160, 45).contains("保存了看板"));
}

#[test]
fn without_colour_the_overdue_slide_still_marks_overdue() {
    let mut app = presenting("zhucheng-2017.yaml", "2017-07-10");
    goto(&mut app, Slide::Overdue, 80, 24);
    let buf = buffer(
        &mut app,
        80,
        24,
        Theme {
            color: false,
            ascii: false,
        },
    );
    assert!(buf
        .content
        .iter()
        .all(|c| c.fg == ratatui::style::Color::Reset));
    let s = screen_with(
        &mut app,
        80,
        24,
        Theme {
            color: false,
            ascii: false,
        },
    );
    let line = s.lines().find(|l| l.contains("S06")).unwrap();
    assert!(line.contains('●') && line.contains("逾期53天"), "{line}");
}

#[test]
fn every_slide_fits_from_80x24_to_250x70() {
    for (w, h) in [(60u16, 16u16), (80, 24), (120, 40), (160, 45), (250, 70)] {
        let mut app = presenting("beipiao-2022.yaml", "2022-06-08");
        ducha::app::update(&mut app, Action::Resize(w, h));
        let n = app.slides().len();
        let mut pages = 0;
        while pages < 100 {
            let s = shot(&mut app, w, h);
            assert!(s.contains("北票"), "the title shows at {w}x{h}");
            press(&mut app, &["Right"]);
            pages += 1;
            if app.present.as_ref().unwrap().slide == 0 && app.present.as_ref().unwrap().page == 0 {
                break;
            }
        }
        assert!(pages >= n, "every slide shown at {w}x{h}");
    }
}
