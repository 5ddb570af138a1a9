//! The JSON report, whose keys other tools read.

use super::{Report, TaskRow};
use serde_json::{json, Map, Value};

fn task_rows(rows: &[TaskRow]) -> Value {
    rows.iter()
        .map(|r| {
            json!({
                "id": r.id, "title": r.title, "lead": r.lead, "lead_name": r.lead_name,
                "deadline": r.deadline.to_string(), "days": r.days, "status": r.status,
                "latest": r.latest.as_ref().map(|l| json!({"on": l.on.to_string(), "note": l.note})),
            })
        })
        .collect()
}

/// Renders the report as pretty JSON.
pub fn render(r: &Report) -> String {
    let b = r.board;
    let t = r.tally();
    let phases: Vec<Value> = r
        .summary
        .phases
        .iter()
        .map(|p| {
            let phase = &b.phases[p.phase];
            let mut m = Map::new();
            m.insert("id".into(), json!(phase.id));
            m.insert("name".into(), json!(phase.name));
            m.insert("start".into(), json!(phase.start.to_string()));
            m.insert("end".into(), json!(phase.end.to_string()));
            m.insert("total".into(), json!(p.tally.total));
            m.insert("overdue".into(), json!(p.tally.overdue));
            m.insert("due_soon".into(), json!(p.tally.due_soon));
            let mut counts = Map::new();
            for (s, n) in b.statuses.iter().zip(&p.by_status) {
                counts.insert(s.id.clone(), json!(n));
                m.entry(s.id.clone()).or_insert(json!(n));
            }
            m.insert("counts".into(), Value::Object(counts));
            Value::Object(m)
        })
        .collect();
    let units: Vec<Value> = r
        .ranking
        .iter()
        .map(|ranked| {
            let u = &ranked.unit;
            json!({
                "rank": ranked.rank, "tied": ranked.tied, "id": u.id, "name": u.name, "total": u.tally.total, "done": u.tally.done,
                "doing": u.tally.doing, "todo": u.tally.todo, "overdue": u.tally.overdue,
                "due_soon": u.tally.due_soon, "rate": round3(u.tally.rate()),
            })
        })
        .collect();
    let mut v = json!({
        "title": b.title,
        "today": r.summary.today.to_string(),
        "phase": r.scope.phase,
        "unit": r.scope.unit,
        "total": t.total,
        "done": t.done,
        "doing": t.doing,
        "todo": t.todo,
        "overdue": t.overdue,
        "due_soon": t.due_soon,
        "rate": round3(t.rate()),
        "elapsed": round3(r.summary.elapsed),
        "phases": phases,
        "units": units,
        "overdue_tasks": task_rows(&r.overdue),
        "due_soon_tasks": task_rows(&r.due_soon),
    });
    if let (Some(c), Some(m)) = (&r.changes, v.as_object_mut()) {
        m.insert("since".into(), super::json_since::since(b, c));
    }
    let mut s = terminal_safe(&serde_json::to_string_pretty(&v).unwrap_or_default());
    s.push('\n');
    s
}

/// JSON whose bytes are safe on a terminal and whose values are unchanged: serde_json writes
/// C1 controls, DEL and bidirectional controls as they are, so they are written as `\uXXXX`
/// escapes here. They can only occur inside strings, where such an escape means the same.
fn terminal_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if crate::model::text::is_unshowable(c) && c != '\n' {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn unshowable_characters_become_json_escapes() {
        let v = serde_json::json!({"t": "a\u{9b}b\u{202e}c\u{1b}"});
        let s = terminal_safe(&serde_json::to_string(&v).unwrap_or_default());
        assert_eq!(s, r#"{"t":"a\u009bb\u202ec\u001b"}"#);
        let back: serde_json::Value = serde_json::from_str(&s).unwrap_or_default();
        assert_eq!(back, v);
    }
}
