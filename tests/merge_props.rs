//! Laws of the three-way merge (`ducha::model::merge::merge`) on random edits of real boards:
//! two people who touch different tasks never clash, the order of the sides does not matter, and
//! merging with an unchanged side gives the other side back.

use ducha::model::merge::{merge, Merged};
use ducha::model::{Board, Extra, Progress, Stamp, Task};
use proptest::prelude::*;
use proptest::sample::Index;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// The sample boards of the repository, loaded once.
fn samples() -> &'static [Board] {
    static BOARDS: OnceLock<Vec<Board>> = OnceLock::new();
    BOARDS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("boards");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .expect("boards folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| ducha::store::load(p).expect("sample board").parsed.board)
            .collect()
    })
}

/// One edit by one side, on a task that side owns (chosen by `Index` among them).
#[derive(Debug, Clone)]
enum Op {
    Status(Index, Index),
    Title(Index, String),
    Note(Index, String),
    Add(String),
    Remove(Index),
}

fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,:#一-龥（）“”]{1,16}"
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => (any::<Index>(), any::<Index>()).prop_map(|(t, s)| Op::Status(t, s)),
        1 => (any::<Index>(), text()).prop_map(|(t, s)| Op::Title(t, s)),
        2 => (any::<Index>(), text()).prop_map(|(t, s)| Op::Note(t, s)),
        1 => text().prop_map(Op::Add),
        1 => any::<Index>().prop_map(Op::Remove),
    ]
}

/// A task as `ducha` creates one, in the board's first phase and status.
fn new_task(board: &Board, id: String, title: String) -> Task {
    Task {
        id: id.into(),
        title,
        phase: board
            .phases
            .first()
            .map_or("p1".into(), |p| p.id.as_str().into()),
        lead: board
            .units
            .first()
            .map_or("办公室".into(), |u| u.id.as_str().into()),
        partners: Vec::new(),
        deadline: None,
        status: board.first_status().into(),
        category: None,
        extended_to: None,
        extension_reason: None,
        progress: Vec::new(),
        extra: Extra::new(),
    }
}

/// A sample board, or a small one made of a sample's phases and units with a few fresh tasks.
fn base() -> impl Strategy<Value = Board> {
    let n = samples().len();
    prop_oneof![
        (0..n).prop_map(|i| samples()[i].clone()),
        (0..n, prop::collection::vec(text(), 0..5)).prop_map(|(i, titles)| {
            let mut b = samples()[i].clone();
            b.tasks.clear();
            for (k, title) in titles.into_iter().enumerate() {
                let t = new_task(&b, format!("T{:02}", k + 1), title);
                b.tasks.push(t);
            }
            b
        }),
    ]
}

/// `base` after `ops` by one side, which owns the tasks `owned` and the tasks it adds
/// (`N{side}1`, `N{side}2` …); also returns the ids it owns at the end.
fn apply(base: &Board, side: &str, mut owned: Vec<String>, ops: &[Op]) -> (Board, Vec<String>) {
    let mut b = base.clone();
    for (n, op) in ops.iter().enumerate() {
        if let Op::Add(title) = op {
            let id = format!("N{side}{}", n + 1);
            b.tasks.push(new_task(base, id.clone(), title.clone()));
            owned.push(id);
            continue;
        }
        let pick = match op {
            Op::Status(t, _) | Op::Title(t, _) | Op::Note(t, _) | Op::Remove(t) => t,
            Op::Add(_) => continue,
        };
        if owned.is_empty() {
            continue;
        }
        let id = owned[pick.index(owned.len())].clone();
        let at = b.task_index(&id).expect("an owned task exists");
        let task = &mut b.tasks[at];
        match op {
            Op::Status(_, s) => {
                task.status = base.statuses[s.index(base.statuses.len())]
                    .id
                    .clone()
                    .into()
            }
            Op::Title(_, title) => task.title.clone_from(title),
            // Unique per side and step, as entries written by the board are (who and when).
            Op::Note(_, note) => task.progress.push(Progress {
                at: Stamp::parse(&format!("2030-01-01 10:{:02}", n % 60)).expect("stamp"),
                by: side.into(),
                note: format!("{side}{n} {note}"),
                extra: Extra::new(),
            }),
            Op::Remove(_) => {
                b.tasks.remove(at);
                owned.retain(|o| *o != id);
            }
            Op::Add(_) => {}
        }
    }
    (b, owned)
}

/// A base board and two sides that edit disjoint sets of its tasks; with the ids each side owns.
fn scenario() -> impl Strategy<Value = (Board, Board, Board, Vec<String>, Vec<String>)> {
    base().prop_flat_map(|base| {
        let n = base.tasks.len();
        let ops = || prop::collection::vec(op(), 0..12);
        (prop::collection::vec(any::<bool>(), n), ops(), ops()).prop_map(move |(mask, a, b)| {
            let (mut own_a, mut own_b) = (Vec::new(), Vec::new());
            for (t, to_a) in base.tasks.iter().zip(mask) {
                if to_a { &mut own_a } else { &mut own_b }.push(t.id.to_string());
            }
            let (side_a, own_a) = apply(&base, "A", own_a, &a);
            let (side_b, own_b) = apply(&base, "B", own_b, &b);
            (base.clone(), side_a, side_b, own_a, own_b)
        })
    })
}

/// Tasks by id, each with its progress log as a multiset (sorted), the rest compared as is.
fn by_id(tasks: &[Task]) -> BTreeMap<String, (Task, Vec<String>)> {
    tasks
        .iter()
        .map(|t| {
            let mut log: Vec<String> = t.progress.iter().map(|p| format!("{p:?}")).collect();
            log.sort();
            let mut rest = t.clone();
            rest.progress.clear();
            (t.id.to_string(), (rest, log))
        })
        .collect()
}

/// The board without its tasks.
fn outside_tasks(b: &Board) -> Board {
    Board {
        tasks: Vec::new(),
        ..b.clone()
    }
}

fn clean(m: &Merged) -> Result<(), TestCaseError> {
    prop_assert!(m.clashes.is_empty(), "clashes: {:?}", m.clashes);
    prop_assert!(m.renamed.is_empty(), "renamed: {:?}", m.renamed);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn disjoint_edits_merge_the_same_either_way((base, a, b, own_a, own_b) in scenario()) {
        let ab = merge(&base, &a, &b);
        let ba = merge(&base, &b, &a);
        clean(&ab)?;
        clean(&ba)?;
        prop_assert_eq!(by_id(&ab.board.tasks), by_id(&ba.board.tasks));
        prop_assert_eq!(outside_tasks(&ab.board), outside_tasks(&ba.board));
        prop_assert_eq!(ab.board.tasks.len(), ba.board.tasks.len(), "a task twice");
        // Both sides' work is there: each task as its owner left it, nothing else.
        let mine: BTreeSet<&String> = own_a.iter().collect();
        let theirs: BTreeSet<&String> = own_b.iter().collect();
        let mut expected: Vec<Task> = a.tasks.iter().filter(|t| mine.contains(&t.id.to_string())).cloned().collect();
        expected.extend(b.tasks.iter().filter(|t| theirs.contains(&t.id.to_string())).cloned());
        prop_assert_eq!(by_id(&ab.board.tasks), by_id(&expected));
    }

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other((base, a, b, _own_a, _own_b) in scenario()) {
        for x in [&a, &b] {
            let mine = merge(&base, x, &base);
            clean(&mine)?;
            prop_assert_eq!(&mine.board, x);
            let theirs = merge(&base, &base, x);
            clean(&theirs)?;
            prop_assert_eq!(&theirs.board, x);
        }
    }
}

/// Copying an existing progress entry (a hand edit can) is a change like any other: the copy
/// survives whichever side made it.
#[test]
fn a_repeated_progress_entry_survives_either_way() {
    let base = samples()
        .iter()
        .find(|b| b.tasks.iter().any(|t| !t.progress.is_empty()))
        .expect("a sample with progress")
        .clone();
    let at = base
        .tasks
        .iter()
        .position(|t| !t.progress.is_empty())
        .expect("a task");
    let mut a = base.clone();
    let entry = a.tasks[at].progress[0].clone();
    a.tasks[at].progress.push(entry);
    let ab = merge(&base, &a, &base);
    let ba = merge(&base, &base, &a);
    assert_eq!(ba.board, a);
    assert_eq!(ab.board, a, "my repeated entry was dropped");
}
