//! Reminder notices (催办单): to each unit with overdue or due-soon tasks, where it leads or is a
//! partner, the tasks, how late or how close they are, the latest progress and what is asked by
//! when. Issuing them records one 催办 entry on each task concerned.

mod docx;
mod md;
mod text;

pub use docx::render as docx;
pub use md::render as md;
pub use text::{parts, Parts};

use crate::model::facts::{days_left, Light};
use crate::model::{Board, Lang, Progress, Stamp};
use crate::report::Latest;
use chrono::{Days, NaiveDate};

/// Days a unit is given to reply when no date is set.
pub const REPLY_DAYS: u64 = 3;

/// The reply date when none is given: [`REPLY_DAYS`] after today.
pub fn default_reply_by(today: NaiveDate) -> NaiveDate {
    today + Days::new(REPLY_DAYS)
}

/// The unit's part in a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// It leads the task (牵头).
    Lead,
    /// It shares it (配合).
    Partner,
}

impl Role {
    /// "牵头" / "配合".
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Role::Lead => lang.pick("牵头", "lead"),
            Role::Partner => lang.pick("配合", "partner"),
        }
    }
}

/// One task on a notice.
#[derive(Debug, Clone)]
pub struct Item {
    /// Index of the task.
    pub task: usize,
    /// The unit's part in it.
    pub role: Role,
    /// Its light: red (overdue) or yellow (due soon).
    pub light: Light,
    /// The deadline in force.
    pub deadline: NaiveDate,
    /// Days left (negative: days late).
    pub days: i64,
    /// The latest progress reported.
    pub latest: Option<Latest>,
    /// Times the task was chased before this notice.
    pub chased: usize,
}

/// One unit's notice.
#[derive(Debug, Clone)]
pub struct Notice {
    /// The unit id.
    pub unit: String,
    /// Overdue tasks (most late first), then due-soon ones (soonest first).
    pub items: Vec<Item>,
    /// The day it is issued.
    pub today: NaiveDate,
    /// The day the unit is asked to reply by.
    pub reply_by: NaiveDate,
}

/// The units a notice can go to, in board order: the listed units, then any named only in tasks.
fn all_units(board: &Board) -> Vec<String> {
    let mut v: Vec<String> = board.units.iter().map(|u| u.id.clone()).collect();
    for t in &board.tasks {
        for u in std::iter::once(&t.lead).chain(&t.partners) {
            if !v.iter().any(|s| s == u) {
                v.push(u.to_string());
            }
        }
    }
    v
}

/// The notice to `unit`, if it has overdue or due-soon tasks.
fn notice_for(board: &Board, unit: &str, today: NaiveDate, reply_by: NaiveDate) -> Option<Notice> {
    let mut items: Vec<Item> = board
        .tasks
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let role = if t.lead == unit {
                Role::Lead
            } else if t.partners.iter().any(|p| p == unit) {
                Role::Partner
            } else {
                return None;
            };
            let light = board.light(t, today);
            if !matches!(light, Light::Red | Light::Yellow) {
                return None;
            }
            Some(Item {
                task: i,
                role,
                light,
                deadline: t.effective_deadline()?,
                days: days_left(t, today)?,
                latest: Latest::of(t),
                chased: t.chase_count(),
            })
        })
        .collect();
    items.sort_by_key(|it| (it.light, it.deadline, it.task));
    (!items.is_empty()).then(|| Notice {
        unit: unit.to_string(),
        items,
        today,
        reply_by,
    })
}

/// The notices for `units` (all units when empty), in board order; units with nothing overdue
/// or due soon get none.
pub fn notices(
    board: &Board,
    units: &[String],
    today: NaiveDate,
    reply_by: NaiveDate,
) -> Vec<Notice> {
    all_units(board)
        .into_iter()
        .filter(|u| units.is_empty() || units.contains(u))
        .filter_map(|u| notice_for(board, &u, today, reply_by))
        .collect()
}

/// The 催办 entries issuing `notices` records: one per task concerned, naming every unit sent a
/// notice about it, as (task index, entry) in task order.
pub fn chase_entries(
    board: &Board,
    notices: &[Notice],
    at: &Stamp,
    by: &str,
) -> Vec<(usize, Progress)> {
    let mut per_task: Vec<(usize, Vec<String>, NaiveDate)> = Vec::new();
    for n in notices {
        for it in &n.items {
            match per_task.iter_mut().find(|(t, _, _)| *t == it.task) {
                Some((_, units, _)) => units.push(n.unit.clone()),
                None => per_task.push((it.task, vec![n.unit.clone()], n.reply_by)),
            }
        }
    }
    per_task.sort_by_key(|(t, _, _)| *t);
    per_task
        .into_iter()
        .map(|(t, units, reply_by)| (t, board.chase_entry(&units, at.clone(), by, reply_by)))
        .collect()
}

/// The board with the entries added (for saving from the command line).
pub fn with_entries(board: &Board, entries: &[(usize, Progress)]) -> Board {
    let mut b = board.clone();
    for (i, p) in entries {
        if let Some(t) = b.tasks.get_mut(*i) {
            t.progress.push(p.clone());
        }
    }
    b
}

/// A file name for a notice: `催办单-UNIT-DATE.EXT`, with what a file name cannot hold replaced.
pub fn file_name(board: &Board, n: &Notice, ext: &str) -> String {
    let unit: String = board
        .unit_name(&n.unit)
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let unit = unit.trim_start_matches('.');
    format!(
        "{}-{unit}-{}.{ext}",
        board.lang().pick("催办单", "notice"),
        n.today
    )
}

/// What the unit is asked to do about an item.
pub fn ask(board: &Board, it: &Item) -> String {
    let lang = board.lang();
    let lead = board.unit_name(&board.tasks[it.task].lead);
    let what = match (it.light, it.role) {
        (Light::Red, Role::Lead) => lang.pick(
            "已逾期，请抓紧办结，并书面说明逾期原因和整改措施",
            "overdue: finish it without delay and explain in writing why it is late and what is being done",
        )
        .to_string(),
        (Light::Red, Role::Partner) => match lang {
            Lang::Zh => format!("已逾期，请配合{lead}抓紧办结"),
            Lang::En => format!("overdue: help {lead} finish it without delay"),
        },
        (_, Role::Lead) => lang
            .pick("即将到期，请确保按期完成", "due soon: make sure it is finished on time")
            .to_string(),
        (_, Role::Partner) => match lang {
            Lang::Zh => format!("即将到期，请配合{lead}按期完成"),
            Lang::En => format!("due soon: help {lead} finish it on time"),
        },
    };
    match lang {
        Lang::Zh => format!("{what}（第 {} 次催办）", it.chased + 1),
        Lang::En => format!("{what} (reminder no. {})", it.chased + 1),
    }
}

/// "逾期 3 天" / "剩 2 天" / "今天到期".
pub fn days_text(lang: Lang, days: i64) -> String {
    match (lang, days) {
        (Lang::Zh, d) if d < 0 => format!("逾期 {} 天", -d),
        (Lang::En, d) if d < 0 => format!("{} days late", -d),
        (Lang::Zh, 0) => "今天到期".into(),
        (Lang::En, 0) => "due today".into(),
        (Lang::Zh, d) => format!("剩 {d} 天"),
        (Lang::En, d) => format!("{d} days left"),
    }
}
