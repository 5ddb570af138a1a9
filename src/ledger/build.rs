//! The board made from the rows read: phases and units by name, statuses, ids, progress.

use super::header::Meta;
use super::import::{Context, RowTask};
use super::problem::{Issue, Pos, Problem};
use super::status::{self, Known};
use crate::model::validate::{validate, Severity};
use crate::model::{Board, Extra, Lang, Phase, Progress, Raw, Short, Stamp, Task, Unit};
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

/// Where the statuses of a ledger are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusesFrom {
    /// In a 状态 column (an empty cell is 未启动).
    Column,
    /// There is no status column: the progress text says it.
    Progress,
}

/// The board of the rows read. Rows without a title or lead are left out (they were reported).
pub fn board(
    rows: Vec<RowTask>,
    meta: &Meta,
    ctx: &Context,
    statuses_from: StatusesFrom,
    problems: &mut Vec<Problem>,
) -> Board {
    let lang = ctx.lang;
    let rows: Vec<RowTask> = rows
        .into_iter()
        .filter(|r| !r.title.is_empty() && r.lead.is_some())
        .collect();
    let phases = phases(&rows, ctx);
    let ids = ids(&rows);
    let rows_at: Vec<usize> = rows.iter().map(|r| r.row).collect();
    let mut new_statuses: Vec<(String, bool)> = Vec::new();
    let mut tasks = Vec::with_capacity(rows.len());
    for (row, id) in rows.into_iter().zip(ids) {
        let status = status_of(&row, statuses_from, &mut new_statuses, ctx, problems);
        let phase_name = row.phase.as_deref().unwrap_or(unphased(lang));
        let phase = phases.iter().find(|p| p.name == phase_name);
        let phase = phase.map(|p| p.id.clone()).unwrap_or_default();
        tasks.push(task(row, id, phase, status, ctx));
    }
    let mut extra = Extra::new();
    let office = meta.office.clone();
    extra
        .0
        .extend(office.map(|o| ("office".to_string(), Raw::Str(o))));
    let board = Board {
        title: meta.title.clone().unwrap_or_default(),
        lang: Some(lang),
        warn_days: None,
        statuses_given: !new_statuses.is_empty(),
        statuses: status::statuses(lang, &new_statuses),
        phases,
        units: units(&tasks),
        tasks,
        log: Vec::new(),
        extra,
    };
    check(&board, &rows_at, ctx, problems);
    board
}

/// The task of a row; partners each once, the lead not among them.
fn task(row: RowTask, id: String, phase: String, status: String, ctx: &Context) -> Task {
    let lead = row
        .lead
        .as_ref()
        .map(|(n, _)| n.clone())
        .unwrap_or_default();
    let mut partners: Vec<Short> = Vec::new();
    for p in &row.partners {
        if *p != lead && !partners.iter().any(|q| q == p) {
            partners.push(p.as_str().into());
        }
    }
    let progress = progress(&row, ctx);
    Task {
        id: id.into(),
        title: row.title,
        phase: phase.into(),
        lead: lead.into(),
        partners,
        deadline: row.deadline,
        status: status.into(),
        category: row.category.map(Short::from),
        extended_to: row.extended_to,
        extension_reason: row.extension_reason,
        progress,
        extra: extra(row.extra),
    }
}

/// Every unit the tasks name, in order of first use, with its name as its id: the same name
/// gets the same id in every ledger.
fn units(tasks: &[Task]) -> Vec<Unit> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut units = Vec::new();
    for name in tasks
        .iter()
        .flat_map(|t| std::iter::once(&t.lead).chain(&t.partners))
    {
        if seen.insert(name) {
            units.push(Unit {
                id: name.to_string(),
                name: name.to_string(),
                extra: Extra::new(),
            });
        }
    }
    units
}

/// What the board's own check finds beyond what the rows reported, at the task's row. The
/// extension checks are left out: they were reported at their cells.
fn check(board: &Board, rows_at: &[usize], ctx: &Context, problems: &mut Vec<Problem>) {
    for d in validate(board) {
        if d.path.ends_with(".extended_to") || d.path.ends_with(".extension_reason") {
            continue;
        }
        let task = d
            .path
            .strip_prefix("tasks[")
            .and_then(|r| r.split(']').next())
            .and_then(|n| n.parse::<usize>().ok());
        let at = task
            .and_then(|i| rows_at.get(i))
            .map_or(Pos::default(), |&r| Pos::new(r, 0));
        let issue = Issue::BoardCheck(format!("{}: {}", d.path, d.message));
        problems.push(match d.severity {
            Severity::Error => Problem::error(&ctx.sheet, at, "", issue),
            Severity::Warning => Problem::warning(&ctx.sheet, at, "", issue),
        });
    }
}

/// The name of the phase of rows that name none.
fn unphased(lang: Lang) -> &'static str {
    lang.pick("重点任务", "Key tasks")
}

/// Phases in order of first use, dated from the first to the last month of their tasks'
/// deadlines (the whole year when none has one), to be adjusted in the board.
fn phases(rows: &[RowTask], ctx: &Context) -> Vec<Phase> {
    let mut names: Vec<String> = Vec::new();
    for r in rows {
        let name = r
            .phase
            .clone()
            .unwrap_or_else(|| unphased(ctx.lang).to_string());
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if names.is_empty() {
        names.push(unphased(ctx.lang).to_string());
    }
    let year_start = NaiveDate::from_ymd_opt(ctx.year, 1, 1).unwrap_or_default();
    let year_end = NaiveDate::from_ymd_opt(ctx.year, 12, 31).unwrap_or_default();
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let days = rows
                .iter()
                .filter(|r| r.phase.as_deref().unwrap_or(unphased(ctx.lang)) == name)
                .filter_map(|r| r.deadline);
            let (first, last) = days.fold(
                (None, None),
                |(lo, hi): (Option<NaiveDate>, Option<NaiveDate>), d| {
                    (
                        Some(lo.map_or(d, |x| x.min(d))),
                        Some(hi.map_or(d, |x| x.max(d))),
                    )
                },
            );
            Phase {
                id: format!("p{}", i + 1),
                name,
                start: first.and_then(|d| d.with_day(1)).unwrap_or(year_start),
                end: last.and_then(month_end).unwrap_or(year_end),
                extra: Extra::new(),
            }
        })
        .collect()
}

fn month_end(d: NaiveDate) -> Option<NaiveDate> {
    d.with_day(1)?
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()
}

/// The 序号 as ids when every row has one and none repeats; else T01, T02 … in row order
/// (ledgers that number each section from 1 again).
fn ids(rows: &[RowTask]) -> Vec<String> {
    let given: Vec<&str> = rows.iter().filter_map(|r| r.id.as_deref()).collect();
    let unique = given.len() == rows.len() && {
        let mut seen = HashSet::new();
        given.iter().all(|id| seen.insert(*id))
    };
    if unique {
        return given.into_iter().map(str::to_string).collect();
    }
    let width = rows.len().to_string().len().max(2);
    (1..=rows.len()).map(|n| format!("T{n:0width$}")).collect()
}

/// The status id of a row: a known word, a new status (warned once per word), or, without a
/// status column, what the progress text starts with.
fn status_of(
    row: &RowTask,
    statuses_from: StatusesFrom,
    new: &mut Vec<(String, bool)>,
    ctx: &Context,
    problems: &mut Vec<Problem>,
) -> String {
    let Some(cell) = &row.status else {
        let progress = row.progress.as_ref().map(|p| p.note.as_str()).unwrap_or("");
        let known = match (statuses_from, Known::leading(progress)) {
            (StatusesFrom::Progress, Some(k)) => k,
            (StatusesFrom::Progress, None) if !progress.is_empty() => Known::Doing,
            _ => Known::Todo,
        };
        return known.id().to_string();
    };
    if let Some(k) = Known::of(&cell.word) {
        return k.id().to_string();
    }
    if !new.iter().any(|(n, _)| *n == cell.word) {
        new.push((cell.word.clone(), row.shown_done));
        problems.push(Problem::warning(
            &ctx.sheet,
            cell.at,
            &cell.word,
            Issue::NewStatus,
        ));
    }
    cell.word.clone()
}

/// The progress text as the first entry, dated 进展日期, else 填报时间, else today.
fn progress(row: &RowTask, ctx: &Context) -> Vec<Progress> {
    let Some(p) = row.progress.as_ref().filter(|p| !p.note.is_empty()) else {
        return Vec::new();
    };
    let day = p.at.or(ctx.reported).unwrap_or(ctx.today);
    let at = Stamp::parse(&day.to_string()).unwrap_or(Stamp {
        text: day.to_string(),
        time: day.and_hms_opt(0, 0, 0).unwrap_or_default(),
    });
    vec![Progress {
        at,
        by: p.by.clone().unwrap_or_default().into(),
        note: p.note.clone(),
        extra: Extra::new(),
    }]
}

/// Unknown keys, each once (the first cell wins).
fn extra(pairs: Vec<(String, Raw)>) -> Extra {
    let mut out = Extra::new();
    for (k, v) in pairs {
        if !out.0.iter().any(|(x, _)| *x == k) {
            out.0.push((k, v));
        }
    }
    out
}
