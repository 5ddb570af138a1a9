//! The meeting views: by unit and overview, on screen and through keys.

mod common;

use common::*;
use ducha::app::{UnitSort, View};
use ducha::model::facts::Light;

#[test]
fn v_cycles_kanban_units_overview_list() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    assert_eq!(app.view, View::Kanban);
    press(&mut app, &["v"]);
    assert_eq!(app.view, View::Units);
    press(&mut app, &["v"]);
    assert_eq!(app.view, View::Overview);
    press(&mut app, &["v"]);
    assert_eq!(app.view, View::List);
    press(&mut app, &["v"]);
    assert_eq!(app.view, View::Kanban);
}

#[test]
fn units_80x24() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["v"]);
    insta::assert_snapshot!(shot(&mut app, 80, 24));
}

#[test]
fn units_160x45() {
    let mut app = open_sample("beipiao-2022.yaml", "2022-06-08");
    press(&mut app, &["v"]);
    insta::assert_snapshot!(shot(&mut app, 160, 45));
}

#[test]
fn units_sort_cycles_rank_overdue_name() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["v"]);
    // The default is the ranking every report uses: completion first, then fewer overdue.
    assert_eq!(app.units.sort, UnitSort::Completion);
    let rates: Vec<f64> = app.units.rows.iter().map(|u| u.tally.rate()).collect();
    assert!(rates.windows(2).all(|w| w[0] >= w[1]), "{rates:?}");
    press(&mut app, &["o"]);
    assert_eq!(app.units.sort, UnitSort::Overdue);
    let overdue: Vec<usize> = app.units.rows.iter().map(|u| u.tally.overdue).collect();
    assert!(overdue.windows(2).all(|w| w[0] >= w[1]), "{overdue:?}");
    press(&mut app, &["o"]);
    assert_eq!(app.units.sort, UnitSort::Name);
    let order: Vec<usize> = app
        .units
        .rows
        .iter()
        .map(|u| app.board.units.iter().position(|x| x.id == u.id).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]));
    let s = shot(&mut app, 80, 24);
    assert!(s.contains("按单位"));
}

#[test]
fn a_units_tasks_take_the_usual_task_keys() {
    let (_dir, path) = copy_sample("zhucheng-2017.yaml");
    let mut app = open(&path, "2017-07-10");
    press(&mut app, &["v"]);
    let zzb = app.units.rows.iter().position(|u| u.id == "zzb").unwrap();
    for _ in 0..zzb {
        press(&mut app, &["j"]);
    }
    press(&mut app, &["Enter"]);
    assert_eq!(app.units.open.as_deref(), Some("zzb"));
    assert!(app
        .units
        .tasks
        .iter()
        .all(|&i| app.board.tasks[i].lead == "zzb"));
    let today = app.opts.today;
    let first = app.units.tasks[0];
    assert_eq!(
        app.board.light(&app.board.tasks[first], today),
        Light::Red,
        "most urgent first"
    );
    let s = shot(&mut app, 80, 24);
    insta::assert_snapshot!("units_open_80x24", s);
    let id = app.board.tasks[first].id.clone();
    press(&mut app, &["L"]);
    let t = &app.board.tasks[app.board.task_index(&id).unwrap()];
    assert_eq!(t.status, "done");
    press(&mut app, &["p"]);
    type_text(&mut app, "单位视图中添加的进展");
    press(&mut app, &["C-s"]);
    let t = &app.board.tasks[app.board.task_index(&id).unwrap()];
    assert_eq!(t.progress.last().unwrap().note, "单位视图中添加的进展");
    press(&mut app, &["Enter"]);
    assert!(matches!(app.popup, Some(ducha::app::Popup::Details(_))));
    press(&mut app, &["Esc", "Esc"]);
    assert!(app.units.open.is_none());
}

#[test]
fn overview_80x24() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["v", "v"]);
    let s = shot(&mut app, 80, 24);
    assert!(s.contains("完成率") && s.contains("序时进度"));
    insta::assert_snapshot!(s);
}

#[test]
fn overview_160x45() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["v", "v"]);
    let s = shot(&mut app, 160, 45);
    for id in ["S06", "M03", "X05"] {
        assert!(s.contains(id), "overdue {id} listed");
    }
    assert!(
        s.find("S06").unwrap() < s.find("M03").unwrap(),
        "most late first"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn overview_shows_behind_schedule_when_completion_lags_time() {
    let text = "title: 测试\nphases:\n  - {id: p1, name: 全年, start: 2024-01-01, end: 2024-12-31}\ntasks:\n  - {id: A1, title: 甲, phase: p1, lead: 区委办, deadline: 2024-12-01}\n";
    let mut app = app_from(text, "2024-07-01");
    press(&mut app, &["v", "v"]);
    let s = shot(&mut app, 100, 30);
    assert!(s.contains("落后序时进度 50.0 个百分点"), "{s}");
}

#[test]
fn the_overview_scrolls_to_its_end_and_back_at_once() {
    let text = {
        let mut s = String::from("title: 测试\nphases:\n  - {id: p1, name: 全年, start: 2024-01-01, end: 2024-12-31}\ntasks:\n");
        for i in 0..40 {
            s.push_str(&format!("  - {{id: A{i:02}, title: 逾期任务{i}, phase: p1, lead: 区委办, deadline: 2024-02-{:02}}}\n", i % 28 + 1));
        }
        s
    };
    let mut app = app_from(&text, "2024-07-01");
    press(&mut app, &["v", "v"]);
    let top = shot(&mut app, 80, 24);
    press(&mut app, &["G"]);
    let bottom = shot(&mut app, 80, 24);
    assert!(bottom.contains("本周到期"), "the end is shown:\n{bottom}");
    press(&mut app, &["k"]);
    assert_ne!(
        shot(&mut app, 80, 24),
        bottom,
        "one line up from the end moves at once"
    );
    press(&mut app, &["g"]);
    assert_eq!(shot(&mut app, 80, 24), top);
}
