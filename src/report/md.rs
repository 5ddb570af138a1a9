//! The Markdown report, ready to paste into meeting minutes.

use super::{percent, Report, TaskRow};
use crate::model::Lang;
use std::fmt::Write;

/// Escapes a table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn row(out: &mut String, cells: &[String]) {
    out.push('|');
    for c in cells {
        out.push(' ');
        out.push_str(&cell(c));
        out.push_str(" |");
    }
    out.push('\n');
}

fn header(out: &mut String, cells: &[&str]) {
    row(
        out,
        &cells.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
    );
    out.push('|');
    for _ in cells {
        out.push_str(" --- |");
    }
    out.push('\n');
}

fn task_table(out: &mut String, lang: Lang, rows: &[TaskRow], days_label: &str, none: &str) {
    if rows.is_empty() {
        let _ = writeln!(out, "{none}\n");
        return;
    }
    header(
        out,
        &[
            lang.pick("编号", "ID"),
            lang.pick("任务", "Task"),
            lang.pick("牵头单位", "Lead unit"),
            lang.pick("完成时限", "Deadline"),
            days_label,
        ],
    );
    for r in rows {
        row(
            out,
            &[
                r.id.clone(),
                r.title.clone(),
                r.lead_name.clone(),
                r.deadline.to_string(),
                r.days.to_string(),
            ],
        );
    }
    out.push('\n');
}

/// "逾期任务（3）" or "Overdue (3)": full-width brackets belong to Chinese text only.
fn counted(lang: Lang, what: &str, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{what}（{n}）"),
        Lang::En => format!("{what} ({n})"),
    }
}

/// Renders the report as Markdown in the board's language.
pub fn render(r: &Report) -> String {
    let lang = r.lang();
    let b = r.board;
    let t = r.tally();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}{}{}\n",
        b.title,
        r.scope_label(),
        lang.pick(" 工作进展", " progress report")
    );
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "截至 {}：共 {} 项任务，已完成 {} 项，推进中 {} 项，未启动 {} 项，完成率 {}（序时进度 {}）；逾期 {} 项，即将到期 {} 项。\n",
            r.summary.today, t.total, t.done, t.doing, t.todo, percent(t.rate()), percent(r.summary.elapsed), t.overdue, t.due_soon
        ),
        Lang::En => writeln!(
            out,
            "As of {}: {} tasks, {} done, {} in progress, {} not started; {} complete ({} of the campaign's time elapsed); {} overdue, {} due soon.\n",
            r.summary.today, t.total, t.done, t.doing, t.todo, percent(t.rate()), percent(r.summary.elapsed), t.overdue, t.due_soon
        ),
    };

    let _ = writeln!(out, "## {}\n", lang.pick("各阶段进展", "By phase"));
    let mut cols: Vec<&str> = vec![lang.pick("阶段", "Phase"), lang.pick("时间", "Dates")];
    cols.extend(b.statuses.iter().map(|s| s.name.as_str()));
    cols.extend([
        lang.pick("合计", "Total"),
        lang.pick("逾期", "Overdue"),
        lang.pick("即将到期", "Due soon"),
        lang.pick("完成率", "Done %"),
    ]);
    header(&mut out, &cols);
    for p in r
        .summary
        .phases
        .iter()
        .filter(|p| p.tally.total > 0 || r.scope.phase.is_none())
    {
        let phase = &b.phases[p.phase];
        let mut cells = vec![
            phase.name.clone(),
            format!("{} ~ {}", phase.start, phase.end),
        ];
        cells.extend(p.by_status.iter().map(|n| n.to_string()));
        cells.extend([
            p.tally.total.to_string(),
            p.tally.overdue.to_string(),
            p.tally.due_soon.to_string(),
            percent(p.tally.rate()),
        ]);
        row(&mut out, &cells);
    }
    out.push('\n');

    let _ = writeln!(
        out,
        "## {}\n",
        lang.pick(
            "各牵头单位（按完成率排名）",
            "By lead unit (ranked by completion)"
        )
    );
    header(
        &mut out,
        &[
            lang.pick("排名", "Rank"),
            lang.pick("牵头单位", "Lead unit"),
            lang.pick("任务", "Tasks"),
            lang.pick("已完成", "Done"),
            lang.pick("推进中", "In progress"),
            lang.pick("未启动", "Not started"),
            lang.pick("逾期", "Overdue"),
            lang.pick("即将到期", "Due soon"),
            lang.pick("完成率", "Done %"),
        ],
    );
    for (i, u) in r.summary.ranked_units().into_iter().enumerate() {
        let u_t = &u.tally;
        row(
            &mut out,
            &[
                (i + 1).to_string(),
                u.name.clone(),
                u_t.total.to_string(),
                u_t.done.to_string(),
                u_t.doing.to_string(),
                u_t.todo.to_string(),
                u_t.overdue.to_string(),
                u_t.due_soon.to_string(),
                percent(u_t.rate()),
            ],
        );
    }
    out.push('\n');

    let _ = writeln!(
        out,
        "## {}\n",
        counted(lang, lang.pick("逾期任务", "Overdue"), r.overdue.len())
    );
    task_table(
        &mut out,
        lang,
        &r.overdue,
        lang.pick("逾期天数", "Days late"),
        lang.pick("无逾期任务。", "No overdue tasks."),
    );
    let _ = writeln!(
        out,
        "## {}\n",
        counted(lang, lang.pick("即将到期", "Due soon"), r.due_soon.len())
    );
    task_table(
        &mut out,
        lang,
        &r.due_soon,
        lang.pick("剩余天数", "Days left"),
        lang.pick("无即将到期任务。", "No tasks due soon."),
    );
    out
}
