//! What changed since the last meeting, on screen: one line per list of the overview, a heading
//! and one line per task or unit on the slide.

use super::text::{fit, list, width};
use super::words::paren;
use super::Theme;
use crate::model::facts::Light;
use crate::model::since::Changes;
use crate::model::{Board, Lang};
use ratatui::text::{Line, Span};

/// The heading: "自 2017-07-03 以来的变化（S 改日期）", naming the key when there is one.
fn heading(c: &Changes, lang: Lang, key: Option<&str>) -> String {
    let hint = match (key, lang) {
        (Some(k), Lang::Zh) => paren(lang, &format!("{k} 改日期")),
        (Some(k), Lang::En) => paren(lang, &format!("{k} changes the date")),
        (None, _) => String::new(),
    };
    match lang {
        Lang::Zh => format!(" 自 {} 以来的变化{hint}", c.from),
        Lang::En => format!(" Changes since {}{hint}", c.from),
    }
}

/// Each list's label, light, and its entries as short texts.
fn lists(b: &Board, c: &Changes) -> Vec<(String, Light, Vec<String>)> {
    let lang = b.lang();
    let ids =
        |v: &[usize]| -> Vec<String> { v.iter().map(|&i| b.tasks[i].id.to_string()).collect() };
    let extended = c
        .extended
        .iter()
        .map(|e| {
            let to = e
                .extension
                .to
                .map_or_else(|| "—".into(), |d| d.format("%m-%d").to_string());
            format!("{}→{to}", b.tasks[e.task].id)
        })
        .collect();
    let silent = c
        .silent
        .iter()
        .map(|s| b.unit_name(&s.unit).to_string())
        .collect();
    vec![
        (
            lang.pick("新完成", "finished").into(),
            Light::Done,
            ids(&c.finished),
        ),
        (
            lang.pick("新增逾期", "newly overdue").into(),
            Light::Red,
            ids(&c.newly_overdue),
        ),
        (
            lang.pick("延期", "extended").into(),
            Light::Yellow,
            extended,
        ),
        (
            lang.pick("未报送进展的单位", "units silent").into(),
            Light::Red,
            silent,
        ),
        (
            lang.pick("新增任务", "new tasks").into(),
            Light::Green,
            ids(&c.new_tasks),
        ),
    ]
}

/// The overview's section: a heading and one line per list, each listing the entries that
/// fit and how many more there are (an id or a name is never cut).
pub fn overview(
    b: &Board,
    c: &Changes,
    (lang, key): (Lang, &str),
    theme: &Theme,
    w: usize,
) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(heading(c, lang, Some(key)), theme.title())];
    let sep = lang.pick("、", ", ");
    let more = |n: usize| match lang {
        Lang::Zh => format!(" 等另 {n} 项"),
        Lang::En => format!(" and {n} more"),
    };
    for (label, light, items) in lists(b, c) {
        let head = format!("   {} {label} {}", theme.symbol(light), items.len());
        let colon = lang.pick("：", ": ");
        let room = w.saturating_sub(width(&head) + width(colon));
        let body = if items.is_empty() {
            String::new()
        } else {
            format!("{colon}{}", list(&items, sep, room, more))
        };
        out.push(Line::from(vec![
            Span::styled(head.clone(), theme.light(light)),
            Span::raw(body),
        ]));
    }
    out
}

/// The slide's lines: each list with its count, then one line per task (id, title, lead unit)
/// or unit (name and its open tasks).
pub fn slide(b: &Board, c: &Changes, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let task = |i: usize| {
        let t = &b.tasks[i];
        format!("     {}  {}  · {}", t.id, t.title, b.unit_name(&t.lead))
    };
    let sections: Vec<(String, Light, Vec<String>)> = lists(b, c)
        .into_iter()
        .enumerate()
        .map(|(k, (label, light, items))| {
            let rows = match k {
                0 => c.finished.iter().map(|&i| task(i)).collect(),
                1 => c.newly_overdue.iter().map(|&i| task(i)).collect(),
                2 => c
                    .extended
                    .iter()
                    .zip(&items)
                    .map(|(e, short)| format!("     {short}  {}", e.extension.reason))
                    .collect(),
                3 => c
                    .silent
                    .iter()
                    .map(|s| {
                        let open: Vec<&str> =
                            s.open.iter().map(|&i| b.tasks[i].id.as_str()).collect();
                        format!("     {}  ({})", b.unit_name(&s.unit), open.join(" "))
                    })
                    .collect(),
                _ => c.new_tasks.iter().map(|&i| task(i)).collect(),
            };
            (label, light, rows)
        })
        .collect();
    for (label, light, rows) in sections {
        out.push(Line::styled(
            format!("   {} {label} {}", theme.symbol(light), rows.len()),
            theme.light(light),
        ));
        out.extend(rows.into_iter().map(|r| Line::raw(fit(&r, w))));
    }
    out
}

/// The slide's heading.
pub fn slide_heading(c: &Changes, lang: Lang) -> String {
    heading(c, lang, None)
}
