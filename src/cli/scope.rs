//! `--unit` and `--phase` as people type them: a unit by id or name, a phase by id or number.
//! An unknown one is refused with the list of valid ones.

use crate::model::Board;

/// A unit id for what was typed (an id, or a unit's name), or the message listing the units.
pub fn unit(board: &Board, typed: &str) -> Result<String, String> {
    let typed = typed.trim();
    if let Some(u) = board.units.iter().find(|u| u.id == typed) {
        return Ok(u.id.clone());
    }
    if let Some(u) = board.units.iter().find(|u| u.name == typed) {
        return Ok(u.id.clone());
    }
    // Boards without a unit list name units in the tasks themselves.
    if board
        .tasks
        .iter()
        .any(|t| t.lead == typed || t.partners.iter().any(|p| p == typed))
    {
        return Ok(typed.to_string());
    }
    let lang = board.lang();
    let valid: Vec<String> = if board.units.is_empty() {
        let mut v: Vec<String> = Vec::new();
        for t in &board.tasks {
            for u in std::iter::once(&t.lead).chain(&t.partners) {
                if !v.iter().any(|s| s == u) {
                    v.push(u.to_string());
                }
            }
        }
        v
    } else {
        board
            .units
            .iter()
            .map(|u| format!("{} {}", u.id, u.name))
            .collect()
    };
    Err(format!(
        "{}{typed}{}{}",
        lang.pick("没有这个单位：", "no such unit: "),
        lang.pick("；可用的单位：", "; the units are: "),
        valid.join(lang.pick("、", ", "))
    ))
}

/// A phase id for what was typed (an id, or the phase's number from 1), or the message listing
/// the phases.
pub fn phase(board: &Board, typed: &str) -> Result<String, String> {
    let typed = typed.trim();
    if let Some(p) = board.phases.iter().find(|p| p.id == typed) {
        return Ok(p.id.clone());
    }
    if let Some(p) = typed
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|n| board.phases.get(n))
    {
        return Ok(p.id.clone());
    }
    let lang = board.lang();
    let valid: Vec<String> = board
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{} {} {}", i + 1, p.id, p.name))
        .collect();
    Err(format!(
        "{}{typed}{}{}",
        lang.pick("没有这个阶段：", "no such phase: "),
        lang.pick(
            "；可用的阶段（序号 编号 名称）：",
            "; the phases (number id name) are: "
        ),
        valid.join(lang.pick("；", "; "))
    ))
}

/// Several units, each resolved; the first unknown one stops with its message.
pub fn units(board: &Board, typed: &[String]) -> Result<Vec<String>, String> {
    typed.iter().map(|t| unit(board, t)).collect()
}
