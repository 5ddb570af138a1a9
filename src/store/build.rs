//! Turns what was read from a file into a board, collecting every problem instead of stopping.

use super::file::{
    FileBoard, FilePhase, FileProgress, FileStatus, FileTask, FileUnit, TaskPieces, Text,
};
use crate::model::text::sanitize;
use crate::model::validate::Diagnostic;
use crate::model::{Board, Lang, Phase, Progress, Short, Stamp, Status, Task, Unit};
use chrono::NaiveDate;

/// Collects problems while building, in the board's language.
struct Builder {
    lang: Lang,
    diags: Vec<Diagnostic>,
}

/// Why a date field could not be read.
///
/// Only text in the shape of a date (a four-digit year, a month and a day of one or two digits)
/// can be a date that does not exist; anything else, `02024-01-01` included, is not a date.
fn date_problem(lang: Lang, s: &str) -> String {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let digits = |p: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    let shaped = parts.len() == 3
        && digits(parts[0], 4..=4)
        && digits(parts[1], 1..=2)
        && digits(parts[2], 1..=2);
    let month_ok = shaped && (1..=12).contains(&parts[1].parse::<u32>().unwrap_or(0));
    match (lang, shaped, month_ok) {
        (Lang::Zh, true, true) => format!("日期 {s} 不存在（该月没有这一天）"),
        (Lang::En, true, true) => format!("{s} is not a real date (no such day in that month)"),
        (Lang::Zh, true, false) => format!("日期 {s} 不存在（没有这个月份）"),
        (Lang::En, true, false) => format!("{s} is not a real date (no such month)"),
        (Lang::Zh, false, _) => format!("无法识别的日期 {s}，应写作 YYYY-MM-DD"),
        (Lang::En, false, _) => format!("cannot read the date {s}; write it as YYYY-MM-DD"),
    }
}

/// Parses `YYYY-MM-DD` (one-digit month and day allowed).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut it = s.trim().split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some()
        || y.len() != 4
        || !(1..=2).contains(&m.len())
        || !(1..=2).contains(&d.len())
    {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

impl Builder {
    /// Cleans a text field and warns when it had control characters; held as the field is (a
    /// `String`, or a [`Short`] kept in place).
    fn text<S: From<Short>>(&mut self, path: &dyn Fn() -> String, t: Option<Text>) -> S {
        let Some(Text(s)) = t else {
            return Short::default().into();
        };
        match sanitize(&s) {
            std::borrow::Cow::Borrowed(_) => s.into(),
            std::borrow::Cow::Owned(clean) => {
                self.diags.push(Diagnostic::warning(
                    path(),
                    self.lang.pick(
                        "含有控制字符或双向文本控制符，已替换或删除",
                        "contains control or bidirectional characters; they were replaced or removed",
                    ),
                ));
                Short::from(clean).into()
            }
        }
    }

    fn opt_text<S: From<Short>>(
        &mut self,
        path: &dyn Fn() -> String,
        t: Option<Text>,
    ) -> Option<S> {
        let s: Short = self.text(path, t);
        (!s.trim().is_empty()).then(|| s.into())
    }

    fn date(&mut self, path: &dyn Fn() -> String, t: Option<Text>) -> Option<NaiveDate> {
        let Text(s) = t?;
        let d = parse_date(&s);
        if d.is_none() {
            self.diags
                .push(Diagnostic::error(path(), date_problem(self.lang, &s)));
        }
        d
    }

    fn required_date(&mut self, path: String, t: Option<Text>) -> NaiveDate {
        if t.is_none() {
            self.diags.push(Diagnostic::error(
                &path,
                self.lang.pick("缺少日期", "the date is missing"),
            ));
        }
        self.date(&|| path.clone(), t).unwrap_or_default()
    }

    fn status(&mut self, i: usize, f: FileStatus) -> Status {
        Status {
            id: self.text(&|| format!("statuses[{i}].id"), f.id),
            name: self.text(&|| format!("statuses[{i}].name"), f.name),
            done: f.done.unwrap_or(false),
            extra: f.extra,
        }
    }

    fn phase(&mut self, i: usize, f: FilePhase) -> Phase {
        Phase {
            id: self.text(&|| format!("phases[{i}].id"), f.id),
            name: self.text(&|| format!("phases[{i}].name"), f.name),
            start: self.required_date(format!("phases[{i}].start"), f.start),
            end: self.required_date(format!("phases[{i}].end"), f.end),
            extra: f.extra,
        }
    }

    fn unit(&mut self, i: usize, f: FileUnit) -> Unit {
        Unit {
            id: self.text(&|| format!("units[{i}].id"), f.id),
            name: self.text(&|| format!("units[{i}].name"), f.name),
            extra: f.extra,
        }
    }

    /// A progress entry, or an entry of the board's log; `place` is its path, such as `log[2]`.
    fn entry(&mut self, place: &dyn Fn() -> String, f: FileProgress) -> Progress {
        let path = || format!("{}.at", place());
        let at = match f.at {
            Some(Text(s)) => Stamp::parse_owned(s.into()).unwrap_or_else(|s| {
                self.diags.push(Diagnostic::error(
                    path(),
                    match self.lang {
                        Lang::Zh => format!("无法识别的时间 {s}，应写作 2017-04-24T16:00:00+08:00 或 2017-04-24 16:00"),
                        Lang::En => format!("cannot read the time {s}; write it as 2017-04-24T16:00:00+08:00 or 2017-04-24 16:00"),
                    },
                ));
                Stamp { text: s, time: Default::default() }
            }),
            None => {
                self.diags.push(Diagnostic::error(path(), self.lang.pick("缺少时间", "the time is missing")));
                Stamp { text: String::new(), time: Default::default() }
            }
        };
        Progress {
            at,
            by: self.text(&|| format!("{}.by", place()), f.by),
            note: self.text(&|| format!("{}.note", place()), f.note),
            extra: f.extra,
        }
    }

    fn task(&mut self, i: usize, f: FileTask, first_status: &str) -> Task {
        let p = |field: &'static str| move || format!("tasks[{i}].{field}");
        let partners = f
            .partners
            .map(|l| l.0)
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(j, s)| self.text(&|| format!("tasks[{i}].partners[{j}]"), Some(Text(s))))
            .collect();
        let progress = f
            .progress
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(j, e)| self.entry(&|| format!("tasks[{i}].progress[{j}]"), e))
            .collect();
        let status = self
            .opt_text(&p("status"), f.status)
            .unwrap_or_else(|| Short::from(first_status));
        Task {
            id: self.text(&p("id"), f.id),
            title: self.text(&p("title"), f.title),
            phase: self.text(&p("phase"), f.phase),
            lead: self.text(&p("lead"), f.lead),
            partners,
            deadline: self.date(&p("deadline"), f.deadline),
            status,
            category: self.opt_text(&p("category"), f.category),
            extended_to: self.date(&p("extended_to"), f.extended_to),
            extension_reason: self.opt_text(&p("extension_reason"), f.extension_reason),
            progress,
            extra: f.extra,
        }
    }
}

impl Builder {
    /// The tasks of all pieces, in order. A second piece (a large board read on two cores) is
    /// built on the other core at the same time, its problems told after the first piece's.
    fn tasks(&mut self, pieces: TaskPieces, first_status: &str) -> Vec<Task> {
        let mut tasks = Vec::with_capacity(pieces.len());
        let mut pieces = pieces.0.into_iter();
        let head = pieces.next().unwrap_or_default();
        // Taken by the other thread; still here if none could be started.
        let mut rest = Some(pieces.flatten().collect::<Vec<FileTask>>()).filter(|r| !r.is_empty());
        let offset = head.len();
        let lang = self.lang;
        let built_rest = std::thread::scope(|scope| {
            let other = match rest {
                Some(_) => std::thread::Builder::new()
                    .name("ducha-build".into())
                    .spawn_scoped(scope, || {
                        let mut b = Builder {
                            lang,
                            diags: Vec::new(),
                        };
                        let built: Vec<Task> = (rest.take().into_iter().flatten())
                            .enumerate()
                            .map(|(i, t)| b.task(offset + i, t, first_status))
                            .collect();
                        (built, b.diags)
                    })
                    .ok(),
                None => None,
            };
            for (i, t) in head.into_iter().enumerate() {
                tasks.push(self.task(i, t, first_status));
            }
            other.map(|h| h.join())
        });
        match built_rest {
            Some(Ok((built, diags))) => {
                tasks.extend(built);
                self.diags.extend(diags);
            }
            // Building does not panic on a board's content; were it to, it would as in one piece.
            Some(Err(e)) => std::panic::resume_unwind(e),
            None => {}
        }
        for (i, t) in rest.into_iter().flatten().enumerate() {
            tasks.push(self.task(offset + i, t, first_status));
        }
        tasks
    }
}

/// Builds the board; problems found on the way are returned beside it.
pub(super) fn build(f: FileBoard) -> (Board, Vec<Diagnostic>) {
    let mut b = Builder {
        lang: Lang::Zh,
        diags: Vec::new(),
    };
    let lang = match f.lang {
        Some(Text(s)) => {
            let l = Lang::parse(&s);
            if l.is_none() {
                b.diags.push(Diagnostic::error(
                    "lang",
                    format!("未知语言 {s}（应为 zh 或 en） / unknown language {s} (zh or en)"),
                ));
            }
            l
        }
        None => None,
    };
    b.lang = lang.unwrap_or_default();
    if f.title.is_none() {
        b.diags.push(Diagnostic::error(
            "title",
            b.lang.pick("缺少 title（活动名称）", "title is missing"),
        ));
    }
    if f.phases.is_none() {
        b.diags.push(Diagnostic::error(
            "phases",
            b.lang.pick("缺少 phases（阶段列表）", "phases is missing"),
        ));
    }
    let title = b.text(&|| "title".into(), f.title);
    let statuses_given = f.statuses.is_some();
    let statuses = match f.statuses {
        Some(list) => list
            .into_iter()
            .enumerate()
            .map(|(i, s)| b.status(i, s))
            .collect(),
        None => Board::default_statuses(b.lang),
    };
    let phases = f
        .phases
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, p)| b.phase(i, p))
        .collect();
    let units = f
        .units
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, u)| b.unit(i, u))
        .collect();
    let first = statuses
        .first()
        .map_or("todo".to_string(), |s: &Status| s.id.clone());
    let tasks = b.tasks(f.tasks.unwrap_or(TaskPieces(Vec::new())), &first);
    let log = f
        .log
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(j, e)| b.entry(&|| format!("log[{j}]"), e))
        .collect();
    let board = Board {
        title,
        lang,
        warn_days: f.warn_days,
        statuses,
        statuses_given,
        phases,
        units,
        tasks,
        log,
        extra: f.extra,
    };
    (board, b.diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_date_shaped_text_can_be_a_day_that_does_not_exist() {
        assert!(date_problem(Lang::En, "2017-02-30").contains("no such day"));
        assert!(date_problem(Lang::En, "2017-13-01").contains("no such month"));
        assert!(date_problem(Lang::En, "02024-01-01").starts_with("cannot read the date"));
        assert!(date_problem(Lang::Zh, "2024-001-01").starts_with("无法识别的日期"));
        assert!(date_problem(Lang::Zh, "2017-02-30").contains("该月没有这一天"));
    }

    #[test]
    fn two_pieces_build_the_board_and_problems_one_piece_does() {
        let mut text = String::from(
            "title: 看板\nlang: en\nphases:\n  - {id: p1, name: 一, start: 2024-01-01, end: 2024-12-31}\ntasks:\n",
        );
        for i in 0..40 {
            let deadline = if i % 7 == 3 {
                "2024-02-30"
            } else {
                "2024-05-01"
            };
            let at = if i % 11 == 5 {
                "soon"
            } else {
                "2024-03-01 09:00"
            };
            text.push_str(&format!(
                "  - id: T{i}\n    title: \"任务{i}\\u0007\"\n    phase: p1\n    lead: u\n    deadline: {deadline}\n    progress:\n      - {{at: {at}, by: 甲, note: 好}}\n"
            ));
        }
        let read = |pieces: usize| {
            let mut file = super::super::reader::read(&text, Lang::En, None)
                .ok()
                .and_then(|r| r.file)
                .unwrap();
            let mut all: Vec<FileTask> =
                file.tasks.take().unwrap().0.into_iter().flatten().collect();
            let rest = all.split_off(all.len() / pieces);
            let mut list = vec![all];
            if pieces > 1 {
                list.push(rest);
            }
            file.tasks = Some(TaskPieces(list));
            build(file)
        };
        let (one, one_problems) = read(1);
        let (two, two_problems) = read(2);
        assert_eq!(one, two);
        assert_eq!(one_problems, two_problems);
        // Problems of both pieces, in task order.
        let paths: Vec<&str> = two_problems.iter().map(|d| d.path.as_str()).collect();
        assert!(
            paths.contains(&"tasks[3].deadline") && paths.contains(&"tasks[38].deadline"),
            "{paths:?}"
        );
        assert!(
            paths.iter().position(|p| *p == "tasks[3].deadline")
                < paths.iter().position(|p| *p == "tasks[38].deadline")
        );
    }
}
