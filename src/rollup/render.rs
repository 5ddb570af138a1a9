//! The roll-up as Markdown (for the city's report upward) and as JSON (for other tools).

use super::{BoardRow, Rollup};
use crate::model::Lang;
use crate::report::percent;
use serde_json::{json, Value};

/// Keeps a value inside its Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn as_of(r: &BoardRow, lang: Lang) -> String {
    match (&r.fetched_at, &r.stale) {
        (Some(at), Some(_)) => format!(
            "{}{at}",
            lang.pick("未能更新，沿用 ", "could not fetch; as of ")
        ),
        (Some(at), None) => at.clone(),
        _ => lang.pick("本地文件", "local file").into(),
    }
}

/// The roll-up as a Markdown document.
pub fn markdown(r: &Rollup) -> String {
    let lang = r.lang();
    let p = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let t = &r.total;
    let mut out = format!(
        "# {} {}\n\n",
        p("汇总", "Roll-up"),
        r.today.format("%Y-%m-%d")
    );
    let readable = r.boards.iter().filter(|b| b.figures.is_ok()).count();
    out.push_str(&format!(
        "{} {readable} / {}；{} {}，{} {}（{}），{} {}，{} {}\n\n",
        p("看板", "Boards"),
        r.boards.len(),
        p("任务", "tasks"),
        t.total,
        p("已完成", "done"),
        t.done,
        percent(t.rate()),
        p("逾期", "overdue"),
        t.overdue,
        p("即将到期", "due soon"),
        t.due_soon,
    ));
    out.push_str(&format!("## {}\n\n", p("各看板排名", "Boards ranked")));
    out.push_str(p(
        "| 名次 | 看板 | 单位 | 任务 | 完成 | 完成率 | 序时进度 | 逾期 | 即将到期 | 数据时间 |\n|---|---|---|---|---|---|---|---|---|---|\n",
        "| Rank | Board | Office | Tasks | Done | Rate | Time elapsed | Overdue | Due soon | As of |\n|---|---|---|---|---|---|---|---|---|---|\n",
    ));
    for (i, (b, f)) in r.ranked().into_iter().enumerate() {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            i + 1,
            cell(&b.title),
            cell(b.office.as_deref().unwrap_or("—")),
            f.tally.total,
            f.tally.done,
            percent(f.tally.rate()),
            percent(f.elapsed),
            f.tally.overdue,
            f.tally.due_soon,
            cell(&as_of(b, lang)),
        ));
    }
    let broken: Vec<&BoardRow> = r.boards.iter().filter(|b| b.figures.is_err()).collect();
    if !broken.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n",
            p("未计入的看板", "Boards left out")
        ));
        for b in broken {
            let why = b.figures.as_ref().err().map_or("", String::as_str);
            out.push_str(&format!("- {}: {}\n", cell(&b.source), cell(why)));
        }
    }
    out.push_str(&format!(
        "\n## {}\n\n",
        p("各单位（跨看板）", "Units across boards")
    ));
    out.push_str(p(
        "| 名次 | 单位 | 看板数 | 任务 | 完成 | 完成率 | 逾期 |\n|---|---|---|---|---|---|---|\n",
        "| Rank | Unit | Boards | Tasks | Done | Rate | Overdue |\n|---|---|---|---|---|---|---|\n",
    ));
    for (i, u) in r.units.iter().enumerate() {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            i + 1,
            cell(&u.name),
            u.boards,
            u.tally.total,
            u.tally.done,
            percent(u.tally.rate()),
            u.tally.overdue,
        ));
    }
    out
}

/// The roll-up as pretty JSON.
pub fn json(r: &Rollup) -> String {
    let boards: Vec<Value> = r
        .boards
        .iter()
        .map(|b| {
            let mut v = json!({
                "id": b.id, "title": b.title, "office": b.office, "source": b.source,
                "fetched_at": b.fetched_at,
            });
            match &b.figures {
                Ok(f) => {
                    v["total"] = json!(f.tally.total);
                    v["done"] = json!(f.tally.done);
                    v["overdue"] = json!(f.tally.overdue);
                    v["due_soon"] = json!(f.tally.due_soon);
                    v["elapsed"] = json!((f.elapsed * 1000.0).round() / 1000.0);
                }
                Err(e) => v["error"] = json!(e),
            }
            if let Some(s) = &b.stale {
                v["stale"] = json!(s);
            }
            v
        })
        .collect();
    let units: Vec<Value> = r
        .units
        .iter()
        .map(|u| {
            json!({
                "name": u.name, "boards": u.boards, "total": u.tally.total,
                "done": u.tally.done, "overdue": u.tally.overdue,
            })
        })
        .collect();
    let t = &r.total;
    let doc = json!({
        "today": r.today.to_string(),
        "boards": boards,
        "total": t.total, "done": t.done, "overdue": t.overdue, "due_soon": t.due_soon,
        "units": units,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
