//! The board model on its own: lights at their boundaries, elapsed time, tallies, new ids.

use chrono::{Days, NaiveDate};
use ducha::model::facts::{days_left, tasks_with_light, Light, Summary, Tally};
use ducha::model::{Board, Extra, Lang, Phase, Task, Unit, DEFAULT_WARN_DAYS};

fn day(s: &str) -> NaiveDate {
    ducha::store::parse_date(s).unwrap_or_else(|| panic!("bad test date {s}"))
}

fn task(id: &str, phase: &str, lead: &str, deadline: Option<&str>, status: &str) -> Task {
    Task {
        id: id.into(),
        title: format!("任务 {id}"),
        phase: phase.into(),
        lead: lead.into(),
        partners: Vec::new(),
        deadline: deadline.map(day),
        status: status.into(),
        category: None,
        extended_to: None,
        extension_reason: None,
        progress: Vec::new(),
        extra: Extra::new(),
    }
}

fn phase(id: &str, start: &str, end: &str) -> Phase {
    Phase {
        id: id.into(),
        name: format!("阶段 {id}"),
        start: day(start),
        end: day(end),
        extra: Extra::new(),
    }
}

fn unit(id: &str, name: &str) -> Unit {
    Unit {
        id: id.into(),
        name: name.into(),
        extra: Extra::new(),
    }
}

fn board(tasks: Vec<Task>) -> Board {
    Board {
        title: "测试".into(),
        statuses: Board::default_statuses(Lang::Zh),
        phases: vec![
            phase("p1", "2024-01-01", "2024-01-31"),
            phase("p2", "2024-02-01", "2024-03-31"),
        ],
        units: vec![unit("a", "甲局"), unit("b", "乙局")],
        tasks,
        ..Board::default()
    }
}

const TODAY: &str = "2024-02-10";

/// The light of an open task whose deadline is `offset` days from today.
fn light_at(offset: i64, warn_days: Option<u32>) -> Light {
    let today = day(TODAY);
    let deadline = if offset >= 0 {
        today + Days::new(offset as u64)
    } else {
        today - Days::new(offset.unsigned_abs())
    };
    let mut b = board(vec![task("T1", "p2", "a", None, "doing")]);
    b.tasks[0].deadline = Some(deadline);
    b.warn_days = warn_days;
    b.light(&b.tasks[0], today)
}

#[test]
fn yellow_means_due_within_warn_days_today_included() {
    assert_eq!(DEFAULT_WARN_DAYS, 3);
    // With the default of 3 days: 0, 1 and 2 days left are yellow; 3 days left is still green.
    assert_eq!(light_at(-1, None), Light::Red);
    assert_eq!(light_at(0, None), Light::Yellow);
    assert_eq!(light_at(1, None), Light::Yellow);
    assert_eq!(light_at(2, None), Light::Yellow);
    assert_eq!(light_at(3, None), Light::Green);
    assert_eq!(light_at(30, None), Light::Green);
    assert_eq!(light_at(-400, None), Light::Red);
}

#[test]
fn warn_days_from_the_file_moves_the_boundary() {
    assert_eq!(light_at(6, Some(7)), Light::Yellow);
    assert_eq!(light_at(7, Some(7)), Light::Green);
    assert_eq!(light_at(0, Some(1)), Light::Yellow);
    assert_eq!(light_at(1, Some(1)), Light::Green);
    // No warning window at all: due today is green until it is late.
    assert_eq!(light_at(0, Some(0)), Light::Green);
    assert_eq!(light_at(-1, Some(0)), Light::Red);
}

#[test]
fn done_beats_every_deadline_and_no_deadline_is_green() {
    let today = day(TODAY);
    let b = board(vec![
        task("T1", "p1", "a", Some("2024-01-05"), "done"),
        task("T2", "p2", "a", None, "todo"),
        task("T3", "p2", "a", None, "done"),
    ]);
    assert_eq!(b.light(&b.tasks[0], today), Light::Done);
    assert_eq!(b.light(&b.tasks[1], today), Light::Green);
    assert_eq!(b.light(&b.tasks[2], today), Light::Done);
    assert_eq!(days_left(&b.tasks[1], today), None);
}

#[test]
fn an_extension_replaces_the_deadline() {
    let today = day(TODAY);
    let mut t = task("T1", "p2", "a", Some("2024-02-01"), "doing");
    let b = board(vec![t.clone()]);
    assert_eq!(b.light(&t, today), Light::Red);
    assert_eq!(days_left(&t, today), Some(-9));
    t.extended_to = Some(day("2024-02-11"));
    assert_eq!(t.effective_deadline(), Some(day("2024-02-11")));
    assert_eq!(days_left(&t, today), Some(1));
    assert_eq!(b.light(&t, today), Light::Yellow);
    t.extended_to = Some(day("2024-03-01"));
    assert_eq!(b.light(&t, today), Light::Green);
    // An extension without an original deadline still counts.
    t.deadline = None;
    assert_eq!(t.effective_deadline(), Some(day("2024-03-01")));
}

#[test]
fn time_elapsed_counts_whole_days_and_stays_between_0_and_1() {
    let b = board(Vec::new());
    // 2024-01-01 to 2024-03-31 is 91 days (a leap year).
    assert_eq!(b.span(), Some((day("2024-01-01"), day("2024-03-31"))));
    assert_eq!(b.time_elapsed(day("2023-12-31")), 0.0);
    assert!((b.time_elapsed(day("2024-01-01")) - 1.0 / 91.0).abs() < 1e-12);
    assert!((b.time_elapsed(day("2024-02-15")) - 46.0 / 91.0).abs() < 1e-12);
    assert_eq!(b.time_elapsed(day("2024-03-31")), 1.0);
    assert_eq!(b.time_elapsed(day("2030-01-01")), 1.0);
    let empty = Board::default();
    assert_eq!(empty.span(), None);
    assert_eq!(empty.time_elapsed(day(TODAY)), 0.0);
}

#[test]
fn phase_on_finds_the_phase_of_a_day() {
    let b = board(Vec::new());
    assert_eq!(b.phase_on(day("2024-01-31")), Some(0));
    assert_eq!(b.phase_on(day("2024-02-01")), Some(1));
    assert_eq!(b.phase_on(day("2024-04-01")), None);
}

fn sample() -> Board {
    let mut b = board(vec![
        task("T1", "p1", "a", Some("2024-01-20"), "done"),
        task("T2", "p1", "a", Some("2024-01-25"), "doing"),
        task("T3", "p2", "b", Some("2024-02-10"), "todo"),
        task("T4", "p2", "b", Some("2024-02-12"), "doing"),
        task("T5", "p2", "c", Some("2024-03-30"), "todo"),
        task("T6", "p2", "a", None, "done"),
        task("T7", "p2", "b", Some("2024-02-01"), "todo"),
    ]);
    b.tasks[3].partners = vec!["a".into()];
    b
}

#[test]
fn the_summary_tallies_by_board_phase_and_unit() {
    let b = sample();
    let s = Summary::of(&b, day(TODAY), |_| true);
    assert_eq!(
        s.tally,
        Tally {
            total: 7,
            done: 2,
            doing: 2,
            todo: 3,
            overdue: 2,
            due_soon: 2
        }
    );
    assert_eq!(s.phases.len(), 2);
    assert_eq!(s.phases[0].tally.total, 2);
    assert_eq!(s.phases[0].by_status, vec![0, 1, 1]);
    assert_eq!(s.phases[1].by_status, vec![3, 1, 1]);
    assert_eq!(s.phases[1].tally.due_soon, 2);
    // Units: board order first, then leads that are not on the list, in order of first use.
    let ids: Vec<&str> = s.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(s.units[2].name, "c");
    let totals: usize = s.units.iter().map(|u| u.tally.total).sum();
    assert_eq!(totals, s.tally.total);
    // Lead units only: T4's partner does not count for a.
    assert_eq!(s.units[0].tally.total, 3);
    assert!((s.units[0].tally.rate() - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(Tally::default().rate(), 0.0);
}

#[test]
fn ranking_puts_the_best_rate_first_then_fewer_overdue_then_name() {
    let b = sample();
    let s = Summary::of(&b, day(TODAY), |_| true);
    let ranked: Vec<&str> = s.ranked_units().iter().map(|u| u.id.as_str()).collect();
    // a: 2/3 done; b: 0/3 with one overdue; c: 0/1 with none overdue.
    assert_eq!(ranked, ["a", "c", "b"]);
    let only_p1 = Summary::of(&b, day(TODAY), |t| t.phase == "p1");
    let ranked: Vec<&str> = only_p1
        .ranked_units()
        .iter()
        .map(|u| u.id.as_str())
        .collect();
    assert_eq!(ranked, ["a"], "units without tasks in scope are left out");
}

#[test]
fn lists_by_light_are_most_urgent_first() {
    let b = sample();
    let today = day(TODAY);
    let red = tasks_with_light(&b, today, Light::Red, |_| true);
    let ids: Vec<&str> = red.iter().map(|&i| b.tasks[i].id.as_str()).collect();
    assert_eq!(ids, ["T2", "T7"]);
    let yellow = tasks_with_light(&b, today, Light::Yellow, |_| true);
    let ids: Vec<&str> = yellow.iter().map(|&i| b.tasks[i].id.as_str()).collect();
    assert_eq!(ids, ["T3", "T4"]);
    let none = tasks_with_light(&b, today, Light::Red, |t| t.lead == "c");
    assert!(none.is_empty());
}

#[test]
fn fresh_ids_follow_the_existing_style() {
    let mut b = board(Vec::new());
    assert_eq!(b.fresh_task_id(), "T01");
    b.tasks = vec![
        task("S01", "p1", "a", None, "todo"),
        task("S02", "p1", "a", None, "todo"),
        task("M09", "p1", "a", None, "todo"),
        task("无编号", "p1", "a", None, "todo"),
    ];
    assert_eq!(b.fresh_task_id(), "M10");
    b.tasks.push(task("G0099", "p1", "a", None, "todo"));
    assert_eq!(b.fresh_task_id(), "G0100");
    b.tasks.push(task("G0100", "p1", "a", None, "todo"));
    b.tasks.push(task("G0101", "p1", "a", None, "todo"));
    assert_eq!(b.fresh_task_id(), "G0102");
    let mut plain = board(vec![task("7", "p1", "a", None, "todo")]);
    assert_eq!(plain.fresh_task_id(), "8");
    plain.tasks.push(task("任务", "p1", "a", None, "todo"));
    assert_eq!(plain.fresh_task_id(), "8");
}

#[test]
fn fresh_ids_survive_absurd_numbers() {
    let b = board(vec![
        task("T18446744073709551615", "p1", "a", None, "todo"),
        task("T99999999999999999999999", "p1", "a", None, "todo"),
        task("T05", "p1", "a", None, "todo"),
    ]);
    let id = b.fresh_task_id();
    assert!(b.task_index(&id).is_none(), "{id} is taken");
}

#[test]
fn ids_and_names_are_looked_up() {
    let b = sample();
    assert_eq!(b.unit_name("a"), "甲局");
    assert_eq!(b.unit_name("外单位"), "外单位");
    assert_eq!(b.task_index("T3"), Some(2));
    assert_eq!(b.phase_index("p2"), Some(1));
    assert_eq!(b.status_index("done"), Some(2));
    assert!(b.is_done_status("done") && !b.is_done_status("doing"));
    assert_eq!(b.first_status(), "todo");
    assert_eq!(Board::default().first_status(), "todo");
}

#[test]
fn languages_parse_loosely() {
    assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
    assert_eq!(Lang::parse(" EN_us "), Some(Lang::En));
    assert_eq!(Lang::parse("fr"), None);
    assert_eq!(Board::default().lang(), Lang::Zh);
    assert_eq!(Board::default_statuses(Lang::En)[2].name, "Done");
}
