//! The report's parts as plain tables (title, columns, rows of text), for the renderers that lay
//! out tables of their own: the Markdown sections of changes and the Word document.

use super::{percent, Report, TaskRow};
use crate::model::facts::days_left;
use crate::model::rank::label;
use crate::model::since::Changes;
use crate::model::{Board, Lang};

/// One titled table of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The heading without its count.
    pub title: String,
    /// How many rows (shown in the heading).
    pub count: usize,
    /// Column headings.
    pub head: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
    /// Relative column widths, for layouts that need them.
    pub widths: Vec<usize>,
    /// What to say when there are no rows.
    pub none: String,
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "—".into(), |d| d.to_string())
}

/// Id, title and lead unit of a task: the first cells of every task table.
fn task_cells(b: &Board, i: usize) -> Vec<String> {
    let t = &b.tasks[i];
    vec![
        t.id.to_string(),
        t.title.clone(),
        b.unit_name(&t.lead).to_string(),
    ]
}

fn task_head(lang: Lang, more: &[&str]) -> Vec<String> {
    let mut v = strs(&[
        lang.pick("编号", "ID"),
        lang.pick("任务", "Task"),
        lang.pick("牵头单位", "Lead unit"),
    ]);
    v.extend(strs(more));
    v
}

/// The five sections of what changed since a date.
pub fn since(b: &Board, c: &Changes) -> Vec<Section> {
    let lang = b.lang();
    let none = lang.pick("无。", "None.").to_string();
    let section =
        |title: &str, head: Vec<String>, rows: Vec<Vec<String>>, widths: &[usize]| Section {
            title: title.to_string(),
            count: rows.len(),
            head,
            rows,
            widths: widths.to_vec(),
            none: none.clone(),
        };
    let finished = c.finished.iter().map(|&i| {
        let mut r = task_cells(b, i);
        r.push(date(b.finished_on(&b.tasks[i])));
        r
    });
    let late = c.newly_overdue.iter().map(|&i| {
        let t = &b.tasks[i];
        let mut r = task_cells(b, i);
        r.push(date(t.effective_deadline()));
        r.push(days_left(t, c.today).map_or(0, |d| -d).to_string());
        r
    });
    let extended = c.extended.iter().map(|e| {
        let mut r = task_cells(b, e.task);
        r.extend([
            date(e.extension.from),
            date(e.extension.to),
            e.extension.reason.clone(),
            e.on.to_string(),
        ]);
        r
    });
    let silent = c.silent.iter().map(|s| {
        let open: Vec<&str> = s.open.iter().map(|&i| b.tasks[i].id.as_str()).collect();
        vec![
            b.unit_name(&s.unit).to_string(),
            open.join(lang.pick("、", ", ")),
        ]
    });
    let new_tasks = c.new_tasks.iter().map(|&i| {
        let t = &b.tasks[i];
        let mut r = task_cells(b, i);
        r.extend([date(t.effective_deadline()), date(b.created_on(t))]);
        r
    });
    vec![
        section(
            lang.pick("新完成", "Finished"),
            task_head(lang, &[lang.pick("完成日期", "Finished on")]),
            finished.collect(),
            &[2, 8, 4, 3],
        ),
        section(
            lang.pick("新增逾期", "Newly overdue"),
            task_head(
                lang,
                &[
                    lang.pick("完成时限", "Deadline"),
                    lang.pick("逾期天数", "Days late"),
                ],
            ),
            late.collect(),
            &[2, 7, 4, 3, 2],
        ),
        section(
            lang.pick("延期", "Extended"),
            task_head(
                lang,
                &[
                    lang.pick("原时限", "From"),
                    lang.pick("延期至", "To"),
                    lang.pick("延期原因", "Reason"),
                    lang.pick("登记日期", "Recorded on"),
                ],
            ),
            extended.collect(),
            &[2, 5, 3, 3, 3, 4, 3],
        ),
        section(
            lang.pick("未报送进展的单位", "Units that reported no progress"),
            strs(&[
                lang.pick("牵头单位", "Lead unit"),
                lang.pick("未完成任务", "Open tasks"),
            ]),
            silent.collect(),
            &[4, 8],
        ),
        section(
            lang.pick("新增任务", "New tasks"),
            task_head(
                lang,
                &[
                    lang.pick("完成时限", "Deadline"),
                    lang.pick("新增日期", "Added on"),
                ],
            ),
            new_tasks.collect(),
            &[2, 7, 4, 3, 3],
        ),
    ]
}

/// The phase table: counts per status (by name), total, overdue, due soon, completion.
pub fn phases(r: &Report) -> Section {
    let (b, lang) = (r.board, r.lang());
    let mut head = strs(&[lang.pick("阶段", "Phase"), lang.pick("时间", "Dates")]);
    head.extend(b.statuses.iter().map(|s| b.status_name(&s.id).to_string()));
    head.extend(strs(&[
        lang.pick("合计", "Total"),
        lang.pick("逾期", "Overdue"),
        lang.pick("即将到期", "Due soon"),
        lang.pick("完成率", "Done %"),
    ]));
    let rows: Vec<Vec<String>> = r
        .summary
        .phases
        .iter()
        .filter(|p| p.tally.total > 0 || r.scope.phase.is_none())
        .map(|p| {
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
            cells
        })
        .collect();
    let mut widths = vec![5, 5];
    widths.extend(std::iter::repeat_n(2, head.len() - 2));
    Section {
        title: lang.pick("各阶段进展", "By phase").into(),
        count: rows.len(),
        head,
        rows,
        widths,
        none: String::new(),
    }
}

/// The ranking of lead units, ties sharing a rank.
pub fn ranking(r: &Report) -> Section {
    let lang = r.lang();
    let head = strs(&[
        lang.pick("排名", "Rank"),
        lang.pick("牵头单位", "Lead unit"),
        lang.pick("任务", "Tasks"),
        lang.pick("已完成", "Done"),
        lang.pick("推进中", "In progress"),
        lang.pick("未启动", "Not started"),
        lang.pick("逾期", "Overdue"),
        lang.pick("即将到期", "Due soon"),
        lang.pick("完成率", "Done %"),
    ]);
    let rows: Vec<Vec<String>> = r
        .ranking
        .iter()
        .map(|x| {
            let t = &x.unit.tally;
            vec![
                label(x.rank, x.tied, lang),
                x.unit.name.clone(),
                t.total.to_string(),
                t.done.to_string(),
                t.doing.to_string(),
                t.todo.to_string(),
                t.overdue.to_string(),
                t.due_soon.to_string(),
                percent(t.rate()),
            ]
        })
        .collect();
    Section {
        title: lang.pick("各牵头单位排名", "Lead units ranked").into(),
        count: rows.len(),
        head,
        rows,
        widths: vec![3, 6, 2, 2, 2, 2, 2, 2, 3],
        none: String::new(),
    }
}

/// The overdue (`late`) or due-soon list with deadline, days, status and latest progress.
pub fn tasks(r: &Report, late: bool) -> Section {
    let lang = r.lang();
    let (title, days, none, rows): (&str, &str, &str, &[TaskRow]) = if late {
        (
            lang.pick("逾期任务", "Overdue"),
            lang.pick("逾期天数", "Days late"),
            lang.pick("无逾期任务。", "No overdue tasks."),
            &r.overdue,
        )
    } else {
        (
            lang.pick("即将到期", "Due soon"),
            lang.pick("剩余天数", "Days left"),
            lang.pick("无即将到期任务。", "No tasks due soon."),
            &r.due_soon,
        )
    };
    let head = task_head(
        lang,
        &[
            lang.pick("完成时限", "Deadline"),
            days,
            lang.pick("状态", "Status"),
            lang.pick("最新进展", "Latest progress"),
        ],
    );
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|t| {
            vec![
                t.id.clone(),
                t.title.clone(),
                t.lead_name.clone(),
                t.deadline.to_string(),
                t.days.to_string(),
                t.status.clone(),
                t.latest
                    .as_ref()
                    .map_or_else(|| lang.pick("无", "none").to_string(), |l| l.line()),
            ]
        })
        .collect();
    Section {
        title: title.into(),
        count: rows.len(),
        head,
        rows,
        widths: vec![2, 6, 4, 3, 2, 2, 7],
        none: none.into(),
    }
}
