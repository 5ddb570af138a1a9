//! The words of a notice, shared by its Markdown and Word layouts.

use super::{ask, days_text, Notice};
use crate::model::{Board, Lang};
use crate::report::docx::long_date;

/// Everything a notice says, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Parts {
    /// "催办单".
    pub title: String,
    /// The addressee: "市委组织部：".
    pub to: String,
    /// Why the notice is sent: the campaign, the date, how many tasks.
    pub intro: String,
    /// Column headings of the task table.
    pub head: Vec<String>,
    /// One row per task.
    pub rows: Vec<Vec<String>>,
    /// Relative column widths.
    pub widths: Vec<usize>,
    /// What is asked, by when and to whom.
    pub request: String,
    /// The office, at the foot.
    pub office: String,
    /// The date, at the foot.
    pub date: String,
}

/// The words of notice `n`.
pub fn parts(b: &Board, n: &Notice) -> Parts {
    let lang = b.lang();
    let unit = b.unit_name(&n.unit).to_string();
    let office = b.office();
    let late = n.items.iter().filter(|i| i.days < 0).count();
    let intro = match lang {
        Lang::Zh => format!(
            "根据{}工作安排，截至 {}，你单位牵头或配合的以下 {} 项重点任务已逾期或即将到期（其中逾期 {late} 项），现予催办。",
            b.title,
            n.today,
            n.items.len()
        ),
        Lang::En => format!(
            "Under the plan of {}, as of {} the following {} key tasks your unit leads or shares are overdue or due soon ({late} overdue). You are reminded of them.",
            b.title,
            n.today,
            n.items.len()
        ),
    };
    let request = match lang {
        Lang::Zh => format!(
            "请于 {} 前将上述任务的办理情况书面报送{office}。",
            n.reply_by
        ),
        Lang::En => format!(
            "Please report in writing on these tasks to the {office} by {}.",
            n.reply_by
        ),
    };
    let head = [
        lang.pick("序号", "No."),
        lang.pick("编号", "ID"),
        lang.pick("任务", "Task"),
        lang.pick("牵头单位", "Lead unit"),
        lang.pick("职责", "Role"),
        lang.pick("完成时限", "Deadline"),
        lang.pick("逾期或剩余", "Late or left"),
        lang.pick("最新进展", "Latest progress"),
        lang.pick("催办要求", "What is asked"),
    ]
    .map(String::from)
    .to_vec();
    let rows = n
        .items
        .iter()
        .enumerate()
        .map(|(k, it)| {
            let t = &b.tasks[it.task];
            vec![
                (k + 1).to_string(),
                t.id.to_string(),
                t.title.clone(),
                b.unit_name(&t.lead).to_string(),
                it.role.name(lang).to_string(),
                it.deadline.to_string(),
                days_text(lang, it.days),
                it.latest.as_ref().map_or_else(
                    || lang.pick("未报送", "none reported").to_string(),
                    |l| l.line(),
                ),
                ask(b, it),
            ]
        })
        .collect();
    Parts {
        title: lang.pick("催办单", "Reminder notice").into(),
        to: format!("{unit}{}", lang.pick("：", ":")),
        intro,
        head,
        rows,
        widths: vec![1, 2, 6, 3, 2, 3, 2, 6, 5],
        request,
        office,
        date: long_date(lang, n.today),
    }
}
