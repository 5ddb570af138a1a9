//! The CSV report: one table per section, separated by a blank line, for spreadsheets.

use super::{percent, Report, TaskRow};
use crate::model::Lang;

/// A CSV cell: quoted when needed, and text a spreadsheet would run as a formula made inert.
///
/// Line breaks stay (quoted, as CSV allows); anything else that could act on a terminal when the
/// report is printed is escaped visibly.
fn field(s: &str) -> String {
    let s = crate::model::text::printable_lines(s);
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.into_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn line(out: &mut String, cells: &[String]) {
    let v: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&v.join(","));
    out.push('\n');
}

fn strs(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|s| s.to_string()).collect()
}

fn tasks(out: &mut String, lang: Lang, section: &str, rows: &[TaskRow], days: &str) {
    out.push('\n');
    line(out, &strs(&[section]));
    line(
        out,
        &strs(&[
            lang.pick("编号", "id"),
            lang.pick("任务", "title"),
            lang.pick("牵头单位", "lead"),
            lang.pick("完成时限", "deadline"),
            days,
            lang.pick("状态", "status"),
            lang.pick("最新进展", "latest_progress"),
        ]),
    );
    for r in rows {
        line(
            out,
            &[
                r.id.clone(),
                r.title.clone(),
                r.lead_name.clone(),
                r.deadline.to_string(),
                r.days.to_string(),
                r.status.clone(),
                r.latest.as_ref().map(|l| l.line()).unwrap_or_default(),
            ],
        );
    }
}

/// Renders the report as CSV sections: summary, phases, units, overdue, due soon.
///
/// Starts with a UTF-8 byte-order mark so spreadsheets open Chinese text correctly.
pub fn render(r: &Report) -> String {
    let lang = r.lang();
    let b = r.board;
    let t = r.tally();
    // Excel on Chinese Windows reads CSV without a byte-order mark as GBK and garbles it.
    let mut out = String::from("\u{FEFF}");
    line(&mut out, &strs(&[lang.pick("汇总", "summary")]));
    line(
        &mut out,
        &strs(&[
            lang.pick("日期", "date"),
            lang.pick("任务", "total"),
            lang.pick("已完成", "done"),
            lang.pick("逾期", "overdue"),
            lang.pick("即将到期", "due_soon"),
            lang.pick("完成率", "rate"),
            lang.pick("序时进度", "elapsed"),
        ]),
    );
    line(
        &mut out,
        &[
            r.summary.today.to_string(),
            t.total.to_string(),
            t.done.to_string(),
            t.overdue.to_string(),
            t.due_soon.to_string(),
            percent(t.rate()),
            percent(r.summary.elapsed),
        ],
    );

    out.push('\n');
    line(&mut out, &strs(&[lang.pick("各阶段", "phases")]));
    let mut head = strs(&[
        lang.pick("阶段编号", "phase_id"),
        lang.pick("阶段", "phase"),
    ]);
    head.extend(b.statuses.iter().map(|s| b.status_name(&s.id).to_string()));
    head.extend(strs(&[
        lang.pick("合计", "total"),
        lang.pick("逾期", "overdue"),
        lang.pick("即将到期", "due_soon"),
    ]));
    line(&mut out, &head);
    for p in &r.summary.phases {
        let phase = &b.phases[p.phase];
        let mut cells = vec![phase.id.clone(), phase.name.clone()];
        cells.extend(p.by_status.iter().map(|n| n.to_string()));
        cells.extend([
            p.tally.total.to_string(),
            p.tally.overdue.to_string(),
            p.tally.due_soon.to_string(),
        ]);
        line(&mut out, &cells);
    }

    out.push('\n');
    line(&mut out, &strs(&[lang.pick("各牵头单位", "units")]));
    line(
        &mut out,
        &strs(&[
            lang.pick("排名", "rank"),
            lang.pick("单位编号", "unit_id"),
            lang.pick("牵头单位", "unit"),
            lang.pick("任务", "total"),
            lang.pick("已完成", "done"),
            lang.pick("推进中", "doing"),
            lang.pick("未启动", "todo"),
            lang.pick("逾期", "overdue"),
            lang.pick("即将到期", "due_soon"),
            lang.pick("完成率", "rate"),
        ]),
    );
    for ranked in &r.ranking {
        let (u, x) = (&ranked.unit, &ranked.unit.tally);
        line(
            &mut out,
            &[
                crate::model::rank::label(ranked.rank, ranked.tied, lang),
                u.id.clone(),
                u.name.clone(),
                x.total.to_string(),
                x.done.to_string(),
                x.doing.to_string(),
                x.todo.to_string(),
                x.overdue.to_string(),
                x.due_soon.to_string(),
                percent(x.rate()),
            ],
        );
    }
    tasks(
        &mut out,
        lang,
        lang.pick("逾期任务", "overdue"),
        &r.overdue,
        lang.pick("逾期天数", "days_late"),
    );
    tasks(
        &mut out,
        lang,
        lang.pick("即将到期", "due_soon"),
        &r.due_soon,
        lang.pick("剩余天数", "days_left"),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn cells_are_quoted_and_formulas_made_inert() {
        assert_eq!(field("召开, 动员大会"), "\"召开, 动员大会\"");
        assert_eq!(field("说\"好\""), "\"说\"\"好\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("12"), "12");
    }
}
