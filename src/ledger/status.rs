//! Status words of a ledger (已完成, 正在推进, 未启动 …) and the board's statuses they mean.

use crate::model::{Board, Lang, Status};

/// The three statuses every imported board has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// 未启动.
    Todo,
    /// 推进中.
    Doing,
    /// 已完成.
    Done,
}

/// The words for each status, compared without spaces and ignoring ASCII case.
#[rustfmt::skip]
const WORDS: &[(Known, &[&str])] = &[
    (Known::Done, &["已完成", "已办结", "完成", "办结", "已完结", "已落实", "已结束", "done", "completed", "complete", "finished"]),
    (Known::Doing, &["推进中", "正在推进", "进行中", "正在进行", "正在办理", "办理中", "实施中", "序时推进", "未完成", "in progress", "doing", "ongoing", "started"]),
    (Known::Todo, &["未启动", "未开始", "尚未启动", "待启动", "not started", "todo", "to do"]),
];

fn squash(word: &str) -> String {
    word.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase()
}

impl Known {
    /// The status a word means, if it is one of the words.
    pub fn of(word: &str) -> Option<Known> {
        let w = squash(word);
        WORDS
            .iter()
            .find(|(_, words)| words.iter().any(|x| squash(x) == w))
            .map(|(k, _)| *k)
    }

    /// The status a progress text starts with (`已完成。…`), for ledgers without a status column.
    pub fn leading(progress: &str) -> Option<Known> {
        let p = progress.trim_start();
        let starts = |words: &[&str]| words.iter().any(|w| p.starts_with(w));
        if starts(&["已完成", "已办结", "已全部完成"]) {
            Some(Known::Done)
        } else if starts(&["未启动", "未开始", "尚未启动"]) {
            Some(Known::Todo)
        } else {
            None
        }
    }

    /// The id of the status in a board with the default statuses.
    pub fn id(self) -> &'static str {
        match self {
            Known::Todo => "todo",
            Known::Doing => "doing",
            Known::Done => "done",
        }
    }
}

/// The statuses of an imported board: the defaults in `lang`, with the new ones (words the
/// ledger used that are none of the known ones) before 已完成 when open, after it when done.
pub fn statuses(lang: Lang, new: &[(String, bool)]) -> Vec<Status> {
    let mut all = Board::default_statuses(lang);
    let status = |name: &String, done: bool| Status {
        id: name.clone(),
        name: name.clone(),
        done,
        extra: Default::default(),
    };
    let done_at = all.iter().position(|s| s.done).unwrap_or(all.len());
    for (i, (name, _)) in new.iter().filter(|(_, d)| !*d).enumerate() {
        all.insert(done_at + i, status(name, false));
    }
    all.extend(new.iter().filter(|(_, d)| *d).map(|(n, _)| status(n, true)));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_mean_statuses() {
        assert_eq!(Known::of("已办结"), Some(Known::Done));
        assert_eq!(Known::of(" 正在 推进 "), Some(Known::Doing));
        assert_eq!(Known::of("In Progress"), Some(Known::Doing));
        assert_eq!(Known::of("未开始"), Some(Known::Todo));
        assert_eq!(Known::of("基本完成"), None);
        assert_eq!(Known::leading("已完成。共召开3次"), Some(Known::Done));
    }

    #[test]
    fn new_statuses_go_around_done() {
        let s = statuses(
            Lang::Zh,
            &[("待验收".into(), false), ("已归档".into(), true)],
        );
        let names: Vec<&str> = s.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["未启动", "推进中", "待验收", "已完成", "已归档"]);
    }
}
