//! The board: a campaign's phases, units, statuses and tasks, independent of files and screens.

mod change;
pub mod chase;
mod extra;
pub mod facts;
pub mod history;
pub mod merge;
pub mod rank;
pub mod since;
pub mod text;
pub mod trend;
pub mod validate;

pub use change::Change;
pub use extra::{Extra, Raw};

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Interface language of a board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    /// Chinese (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The code written in a board file.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Parses `zh` or `en` (case-insensitive, `zh-CN` style suffixes allowed).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s == "zh" || s.starts_with("zh-") || s.starts_with("zh_") {
            Some(Lang::Zh)
        } else if s == "en" || s.starts_with("en-") || s.starts_with("en_") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Picks the Chinese or English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A kanban column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Status {
    /// Identifier referenced by tasks.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Whether a task in this status counts as finished.
    pub done: bool,
    /// Keys this program does not know, kept for saving.
    pub extra: Extra,
}

/// A campaign phase with its date range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    /// Identifier referenced by tasks.
    pub id: String,
    /// Display name.
    pub name: String,
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
    /// Keys this program does not know, kept for saving.
    pub extra: Extra,
}

impl Phase {
    /// Whether `day` lies within the phase.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

/// A responsible unit (单位).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// Identifier referenced by tasks.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Keys this program does not know, kept for saving.
    pub extra: Extra,
}

/// One dated entry of a task's progress log (进展情况).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// When it was reported, as written in the file.
    pub at: Stamp,
    /// Who reported it.
    pub by: Short,
    /// What was reported.
    pub note: String,
    /// Keys this program does not know, kept for saving.
    pub extra: Extra,
}

/// A point in time kept in the form it was written, so saving never rewrites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// The text as written (RFC 3339, `YYYY-MM-DD HH:MM[:SS]` or `YYYY-MM-DD`).
    pub text: String,
    /// The local wall-clock time it denotes, for sorting and display.
    pub time: NaiveDateTime,
}

/// Whether two short ids are equal, compared in place: views look up every task's phase and
/// status on each change, and a call into the C library's memcmp for ids of a few bytes cost
/// a 10,000-task board more than the comparisons themselves.
pub fn same_id(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// The form every save writes (`2017-04-24T16:00:00+08:00`), read without the general parser,
/// which takes most of the time of reading a progress entry; None sends anything else to it.
fn quick_rfc3339(t: &str) -> Option<NaiveDateTime> {
    // `0` stands for any digit; the offset's sign may be either.
    const SHAPE: &[u8; 25] = b"0000-00-00T00:00:00+00:00";
    let b = t.as_bytes();
    let fits = |(&c, &s): (&u8, &u8)| match s {
        b'0' => c.is_ascii_digit(),
        b'+' => c == b'+' || c == b'-',
        s => c == s,
    };
    if b.len() != SHAPE.len() || !b.iter().zip(SHAPE).all(fits) {
        return None;
    }
    let n = |from: usize, to: usize| {
        b[from..to]
            .iter()
            .fold(0u32, |acc, &c| acc * 10 + u32::from(c - b'0'))
    };
    if n(20, 22) > 23 || n(23, 25) > 59 {
        return None;
    }
    let day = NaiveDate::from_ymd_opt(i32::try_from(n(0, 4)).ok()?, n(5, 7), n(8, 10))?;
    day.and_hms_opt(n(11, 13), n(14, 16), n(17, 19))
}

impl Stamp {
    /// Parses the accepted forms of a timestamp.
    pub fn parse(text: &str) -> Option<Stamp> {
        Stamp::parse_owned(text.to_string()).ok()
    }

    /// [`Stamp::parse`] of text already owned, which it keeps when there is nothing to trim;
    /// the text comes back when it is not a time.
    pub fn parse_owned(text: String) -> Result<Stamp, String> {
        let Some(time) = Stamp::time_of(text.trim()) else {
            return Err(text);
        };
        let text = if text.trim().len() == text.len() {
            text
        } else {
            text.trim().to_string()
        };
        Ok(Stamp { text, time })
    }

    fn time_of(t: &str) -> Option<NaiveDateTime> {
        if let Some(time) = quick_rfc3339(t) {
            return Some(time);
        }
        chrono::DateTime::parse_from_rfc3339(t)
            .map(|d| d.naive_local())
            .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S"))
            .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M"))
            .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S"))
            .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M"))
            .ok()
            .or_else(|| {
                NaiveDate::parse_from_str(t, "%Y-%m-%d")
                    .ok()
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
            })
    }

    /// A stamp for a moment with its UTC offset, written in RFC 3339.
    pub fn from_datetime(dt: chrono::DateTime<chrono::FixedOffset>) -> Stamp {
        Stamp {
            text: dt.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            // Whole seconds, as the text says: a stamp must equal itself read back from the file.
            time: chrono::Timelike::with_nanosecond(&dt.naive_local(), 0)
                .unwrap_or_else(|| dt.naive_local()),
        }
    }
}

/// A short text held in place when it fits in 24 bytes (ids, a unit's or a person's name): a
/// city's board holds a million of them, and a heap allocation each would be a third of its
/// memory.
pub type Short = compact_str::CompactString;

/// A key task (重点任务).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// Unique identifier.
    pub id: Short,
    /// What is to be done.
    pub title: String,
    /// The phase it belongs to.
    pub phase: Short,
    /// The lead unit (牵头单位).
    pub lead: Short,
    /// Co-responsible units (责任单位).
    pub partners: Vec<Short>,
    /// The original deadline (完成时限); `None` for standing tasks.
    pub deadline: Option<NaiveDate>,
    /// The status id.
    pub status: Short,
    /// An optional grouping such as the "8 areas".
    pub category: Option<Short>,
    /// An extended deadline (延期), which then takes effect.
    pub extended_to: Option<NaiveDate>,
    /// Why the deadline was extended.
    pub extension_reason: Option<String>,
    /// The progress log, oldest first.
    pub progress: Vec<Progress>,
    /// Keys this program does not know, kept for saving.
    pub extra: Extra,
}

impl Task {
    /// The deadline in force: the extension when there is one.
    pub fn effective_deadline(&self) -> Option<NaiveDate> {
        self.extended_to.or(self.deadline)
    }
}

/// One campaign: what a board file holds.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Board {
    /// The campaign's name.
    pub title: String,
    /// Interface language as written in the file, if it was.
    pub lang: Option<Lang>,
    /// Days before a deadline that a task turns yellow, if written in the file.
    pub warn_days: Option<u32>,
    /// Kanban columns in order (the defaults when the file has none).
    pub statuses: Vec<Status>,
    /// Whether the file listed its statuses (otherwise they are not written back).
    pub statuses_given: bool,
    /// Phases in order.
    pub phases: Vec<Phase>,
    /// Units; when empty, lead and partners are free text.
    pub units: Vec<Unit>,
    /// Tasks in file order.
    pub tasks: Vec<Task>,
    /// The board's own trail (留痕) of what no task can hold, such as deleted tasks; oldest first.
    pub log: Vec<Progress>,
    /// Top-level keys this program does not know, kept for saving.
    pub extra: Extra,
}

/// Default yellow-light window when the file sets none.
pub const DEFAULT_WARN_DAYS: u32 = 3;

impl Board {
    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_default()
    }

    /// Days before a deadline that a task turns yellow.
    pub fn warn_days(&self) -> u32 {
        self.warn_days.unwrap_or(DEFAULT_WARN_DAYS)
    }

    /// The statuses used when a board lists none.
    pub fn default_statuses(lang: Lang) -> Vec<Status> {
        let s = |id: &str, zh: &str, en: &str, done: bool| Status {
            id: id.to_string(),
            name: lang.pick(zh, en).to_string(),
            done,
            extra: Extra::new(),
        };
        vec![
            s("todo", "未启动", "Not started", false),
            s("doing", "推进中", "In progress", false),
            s("done", "已完成", "Done", true),
        ]
    }

    /// Index of a status by id.
    pub fn status_index(&self, id: &str) -> Option<usize> {
        self.statuses.iter().position(|s| same_id(&s.id, id))
    }

    /// Index of a phase by id.
    pub fn phase_index(&self, id: &str) -> Option<usize> {
        self.phases.iter().position(|p| same_id(&p.id, id))
    }

    /// Index of a task by id.
    pub fn task_index(&self, id: &str) -> Option<usize> {
        self.tasks.iter().position(|t| t.id == id)
    }

    /// A unit's display name, or the id itself when the board has no such unit.
    pub fn unit_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.units
            .iter()
            .find(|u| u.id == id)
            .map_or(id, |u| u.name.as_str())
    }

    /// A status's display name, or its id when it has none (or the board has no such status).
    pub fn status_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.statuses
            .iter()
            .find(|s| s.id == id && !s.name.trim().is_empty())
            .map_or(id, |s| s.name.as_str())
    }

    /// A phase's display name, or its id when it has none (or the board has no such phase).
    pub fn phase_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.phases
            .iter()
            .find(|p| p.id == id && !p.name.trim().is_empty())
            .map_or(id, |p| p.name.as_str())
    }

    /// A unit's place in the board's unit list (units not in it sort last).
    pub fn unit_order(&self, id: &str) -> usize {
        self.units
            .iter()
            .position(|u| same_id(&u.id, id))
            .unwrap_or(usize::MAX)
    }

    /// Whether a status id denotes a finished task.
    pub fn is_done_status(&self, id: &str) -> bool {
        self.statuses.iter().any(|s| s.done && same_id(&s.id, id))
    }

    /// The first status: where new tasks start and "not started" counts come from.
    pub fn first_status(&self) -> &str {
        self.statuses.first().map_or("todo", |s| s.id.as_str())
    }

    /// The phase whose dates contain `day`, if any.
    pub fn phase_on(&self, day: NaiveDate) -> Option<usize> {
        self.phases.iter().position(|p| p.contains(day))
    }

    /// An id not used by any task, following the style of the existing ids (T01, T02 ...).
    pub fn fresh_task_id(&self) -> String {
        let mut prefix = "T".to_string();
        let mut width = 2;
        let mut max = 0u64;
        for t in &self.tasks {
            let digits = t.id.len() - t.id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            if digits == 0 {
                continue;
            }
            let (head, num) = t.id.split_at(t.id.len() - digits);
            // Numbers too long for u32 are not a numbering style, and counting on from them
            // could overflow.
            if let Ok(n) = num.parse::<u32>().map(u64::from) {
                if n >= max {
                    max = n;
                    prefix = head.to_string();
                    width = digits;
                }
            }
        }
        let mut n = max + 1;
        loop {
            let id = format!("{prefix}{n:0width$}");
            if self.task_index(&id).is_none() {
                return id;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_reading_of_a_stamp_agrees_with_the_general_one() {
        let general = |t: &str| {
            chrono::DateTime::parse_from_rfc3339(t)
                .ok()
                .map(|d| d.naive_local())
        };
        for t in [
            "2017-04-24T16:00:00+08:00",
            "2017-04-24T16:00:00-05:30",
            "2024-02-29T23:59:59+00:00",
            "2023-02-29T10:00:00+08:00",
            "2017-13-24T16:00:00+08:00",
            "2017-04-24T24:00:00+08:00",
            "2017-04-24T16:00:60+08:00",
            "2017-04-24T16:00:00+24:00",
            "2017-04-24t16:00:00+08:00",
            "2017-04-24 16:00:00+08:00",
            "2017-04-24T16:0a:00+08:00",
            "２017-04-24T16:00:00+08:00",
        ] {
            let quick = quick_rfc3339(t);
            if quick.is_some() {
                assert_eq!(quick, general(t), "{t}");
            }
            assert_eq!(Stamp::parse(t).map(|s| s.time), general(t), "{t}");
        }
        assert!(quick_rfc3339("2017-04-24T16:00:00+08:00").is_some());
    }
}
