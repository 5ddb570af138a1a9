//! The JSON `since` object: the five lists of what changed since a date, as ids.

use crate::model::since::Changes;
use crate::model::Board;
use serde_json::{json, Value};

/// `{"from": …, "finished": [ids], "newly_overdue": [ids], "extended": [ids], "extensions":
/// [{task, on, from, to, reason}], "silent_units": [unit ids], "new_tasks": [ids]}`.
pub fn since(b: &Board, c: &Changes) -> Value {
    let ids = |v: &[usize]| -> Vec<&str> { v.iter().map(|&i| b.tasks[i].id.as_str()).collect() };
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    let extended: Vec<usize> = c.extended.iter().map(|e| e.task).collect();
    let extensions: Vec<Value> = c
        .extended
        .iter()
        .map(|e| {
            json!({
                "task": b.tasks[e.task].id, "on": e.on.to_string(),
                "from": date(e.extension.from), "to": date(e.extension.to),
                "reason": e.extension.reason,
            })
        })
        .collect();
    let silent: Vec<&str> = c.silent.iter().map(|s| s.unit.as_str()).collect();
    json!({
        "from": c.from.to_string(),
        "finished": ids(&c.finished),
        "newly_overdue": ids(&c.newly_overdue),
        "extended": ids(&extended),
        "extensions": extensions,
        "silent_units": silent,
        "new_tasks": ids(&c.new_tasks),
    })
}
