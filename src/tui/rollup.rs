//! The interactive roll-up: the table of boards; Enter opens one read-only, P presents it, r
//! fetches the git sources again.

use super::{hangup, term, OpenArgs};
use crate::app::Action;
use crate::keymap::Mode;
use crate::rollup::{collect, Rollup, Source};
use crate::ui::Theme;
use chrono::NaiveDate;
use crossterm::event::Event;
use std::process::ExitCode;

/// The orders the table can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    /// The roll-up's ranking.
    Rank,
    /// Most overdue first.
    Overdue,
    /// Highest completion first.
    Rate,
    /// By title.
    Title,
}

impl Sort {
    fn next(self) -> Sort {
        match self {
            Sort::Rank => Sort::Overdue,
            Sort::Overdue => Sort::Rate,
            Sort::Rate => Sort::Title,
            Sort::Title => Sort::Rank,
        }
    }

    fn name(self, r: &Rollup) -> &'static str {
        let lang = r.lang();
        match self {
            Sort::Rank => lang.pick("排名", "rank"),
            Sort::Overdue => lang.pick("逾期", "overdue"),
            Sort::Rate => lang.pick("完成率", "rate"),
            Sort::Title => lang.pick("名称", "title"),
        }
    }
}

/// Row indices in display order: readable boards sorted, then the ones left out.
fn order(r: &Rollup, sort: Sort) -> Vec<usize> {
    let index = |b: &crate::rollup::BoardRow| r.boards.iter().position(|x| std::ptr::eq(x, b));
    let mut v: Vec<usize> = r.ranked().iter().filter_map(|(b, _)| index(b)).collect();
    let fig = |i: usize| r.boards[i].figures.as_ref().ok().map(|f| f.tally.clone());
    match sort {
        Sort::Rank => {}
        Sort::Overdue => v.sort_by_key(|&i| std::cmp::Reverse(fig(i).map_or(0, |t| t.overdue))),
        Sort::Rate => v.sort_by(|&a, &b| {
            let rate = |i| fig(i).map_or(0.0, |t| t.rate());
            rate(b).total_cmp(&rate(a))
        }),
        Sort::Title => v.sort_by(|&a, &b| r.boards[a].title.cmp(&r.boards[b].title)),
    }
    v.extend((0..r.boards.len()).filter(|&i| r.boards[i].figures.is_err()));
    v
}

/// What a key asks for.
enum Step {
    Stay,
    Open { present: bool },
    Refresh,
    Leave,
}

/// Runs the interactive roll-up until the user leaves.
pub fn run(sources: Vec<Source>, today: NaiveDate) -> ExitCode {
    crate::cli::pipe::ignore_broken_pipe();
    let _ = hangup::watch();
    let theme = Theme {
        color: super::color_wanted(),
        ascii: !super::utf8_locale(),
    };
    let mut r = collect(&sources, today);
    let (keys, problems) = crate::keymap::config::load();
    if let Some(first) = problems.first() {
        crate::cli::say::err(&crate::ui::words::keys_problem(
            first,
            problems.len(),
            r.lang(),
            &crate::keymap::config::shown_path(),
        ));
    }
    let (mut sort, mut sel) = (Sort::Rank, 0usize);
    let Ok(mut terminal) = term::init() else {
        return ExitCode::from(2);
    };
    loop {
        let rows = order(&r, sort);
        sel = sel.min(rows.len().saturating_sub(1));
        let name = sort.name(&r);
        if terminal
            .draw(|f| crate::ui::rollup::draw(f, &r, &rows, sel, name, &theme, &keys))
            .is_err()
        {
            break;
        }
        let step = match hangup::wait_event() {
            Ok(Event::Key(k)) => match keys.action(Mode::Rollup, &k) {
                Some(Action::Up) => {
                    sel = sel.saturating_sub(1);
                    Step::Stay
                }
                Some(Action::Down) => {
                    sel += 1;
                    Step::Stay
                }
                Some(Action::Sort) => {
                    sort = sort.next();
                    Step::Stay
                }
                Some(Action::Open) => Step::Open { present: false },
                Some(Action::Present) => Step::Open { present: true },
                Some(Action::Refresh) => Step::Refresh,
                Some(Action::Quit) => Step::Leave,
                _ => Step::Stay,
            },
            Ok(_) => Step::Stay,
            Err(hangup::Gone) => hangup::leave(hangup::status(libc::SIGHUP)),
        };
        match step {
            Step::Stay => {}
            Step::Leave => break,
            Step::Refresh => r = collect(&sources, today),
            Step::Open { present } => {
                let Some(path) = rows.get(sel).and_then(|&i| r.boards[i].path.clone()) else {
                    continue;
                };
                // The board takes the terminal over, and gives it back when left.
                term::restore();
                let args = OpenArgs {
                    file: Some(path),
                    read_only: true,
                    ..Default::default()
                };
                let _ = if present {
                    super::present(args, Some(today), crate::app::DEFAULT_INTERVAL)
                } else {
                    super::run(args, Some(today))
                };
                match term::init() {
                    Ok(t) => terminal = t,
                    Err(_) => return ExitCode::from(2),
                }
            }
        }
    }
    term::restore();
    ExitCode::SUCCESS
}
