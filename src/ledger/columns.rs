//! The one table of column names: which header words mean which field, in Chinese and English.
//!
//! Offices name their columns differently (牵头单位, 责任单位, 主责单位 …); every name here is
//! recognised on import, and the first Chinese or English name is what export writes, so an
//! exported ledger reads back the same. docs/IMPORT.md lists the same table.

use crate::model::Lang;

/// What a column of the ledger holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// 序号: the task id.
    Id,
    /// 阶段: the phase, by name.
    Phase,
    /// 类别: the task's category (the "8 areas").
    Category,
    /// 重点任务: the task's title.
    Title,
    /// 具体内容: what the task involves (kept as `content`).
    Content,
    /// 责任领导: the leader in charge (kept as `leader`).
    Leader,
    /// 牵头单位: the lead unit, and partners after it in the same cell.
    Lead,
    /// 配合单位: partner units.
    Partners,
    /// 责任人: the contact person or phone (kept as `contact`).
    Contact,
    /// 完成时限: the deadline.
    Deadline,
    /// 时限说明: words about the deadline beside the date (kept as `deadline_note`).
    DeadlineNote,
    /// 开始时间: when work starts (kept as `start`).
    Start,
    /// 延期至: the extended deadline.
    ExtendedTo,
    /// 延期原因: why it was extended.
    ExtensionReason,
    /// 状态: the status, in words.
    Status,
    /// 亮灯: the light on the day of export; not read back, except that 已完成 marks a done status.
    Light,
    /// 进展情况: the progress text, which becomes the first progress entry.
    Progress,
    /// 进展日期: when that progress was reported.
    ProgressDate,
    /// 报送人: who reported it.
    ProgressBy,
    /// 存在问题: problems met (kept as `problems`).
    Problems,
    /// 下步计划: next steps (kept as `next_steps`).
    NextSteps,
    /// 备注: remarks (kept as `remarks`).
    Remarks,
}

/// The names of one field. The first of each list is what export writes.
#[derive(Debug, Clone, Copy)]
pub struct Names {
    /// The field.
    pub field: Field,
    /// Chinese names.
    pub zh: &'static [&'static str],
    /// English names (matched ignoring case).
    pub en: &'static [&'static str],
}

/// Every field with its names. Order matters only where a header contains two names.
#[rustfmt::skip]
pub const COLUMNS: &[Names] = &[
    Names { field: Field::Id, zh: &["序号", "编号", "任务编号"], en: &["No.", "No", "ID", "#"] },
    Names { field: Field::Phase, zh: &["阶段", "所属阶段", "工作阶段"], en: &["Phase", "Stage"] },
    Names { field: Field::Category, zh: &["类别", "类型", "领域", "分类", "方面"], en: &["Category", "Area", "Type"] },
    Names { field: Field::Title, zh: &["重点任务", "工作任务", "任务名称", "事项", "重点工作", "任务", "工作事项"], en: &["Task", "Key task", "Title"] },
    Names { field: Field::Content, zh: &["具体内容", "具体措施", "工作措施", "目标要求", "工作内容", "主要内容", "工作目标"], en: &["Details", "Measures", "Targets"] },
    Names { field: Field::Leader, zh: &["责任领导", "分管领导", "牵头领导", "包保领导", "责任市领导"], en: &["Leader", "Leader in charge"] },
    Names { field: Field::Lead, zh: &["牵头单位", "责任单位", "主责单位", "牵头部门", "责任部门", "主办单位"], en: &["Lead unit", "Lead", "Responsible unit"] },
    Names { field: Field::Partners, zh: &["配合单位", "协办单位", "参与单位", "配合部门", "协同单位"], en: &["Partners", "Co-units", "Partner units"] },
    Names { field: Field::Contact, zh: &["责任人", "联系人", "联系电话", "联络员", "责任人及电话"], en: &["Contact", "Person in charge", "Phone"] },
    Names { field: Field::Deadline, zh: &["完成时限", "时间节点", "完成时间", "截止时间", "截止日期", "办结时限", "时限", "结束时间", "结束"], en: &["Deadline", "Due", "Due date", "End"] },
    Names { field: Field::DeadlineNote, zh: &["时限说明"], en: &["Deadline note"] },
    Names { field: Field::Start, zh: &["开始时间", "开始", "起始时间"], en: &["Start"] },
    Names { field: Field::ExtendedTo, zh: &["延期至", "延期时限", "调整后时限"], en: &["Extended to"] },
    Names { field: Field::ExtensionReason, zh: &["延期原因", "延期理由"], en: &["Extension reason"] },
    Names { field: Field::Status, zh: &["状态", "完成状态", "推进状态", "办理状态", "是否完成"], en: &["Status"] },
    Names { field: Field::Light, zh: &["亮灯", "亮灯情况", "预警"], en: &["Light"] },
    Names { field: Field::Progress, zh: &["进展情况", "推进情况", "完成情况", "最新进展", "工作进展", "进展"], en: &["Progress", "Latest progress"] },
    Names { field: Field::ProgressDate, zh: &["进展日期", "报送时间", "更新时间"], en: &["Progress date", "Reported on"] },
    Names { field: Field::ProgressBy, zh: &["报送人", "填报人", "记录人"], en: &["Reported by"] },
    Names { field: Field::Problems, zh: &["存在问题", "存在的问题", "困难问题", "问题及困难"], en: &["Problems", "Issues"] },
    Names { field: Field::NextSteps, zh: &["下步计划", "下一步计划", "下步打算", "下一步工作打算"], en: &["Next steps"] },
    Names { field: Field::Remarks, zh: &["备注", "说明"], en: &["Remarks", "Notes"] },
];

/// The key of words about a deadline (`长期坚持`, or a range around the date).
pub const DEADLINE_NOTE: &str = "deadline_note";

/// Names shorter than this (in characters) must match a header whole: `阶段` inside
/// `阶段性成果` is not the phase column, but `进展情况` inside `6月份进展情况` is progress.
const MIN_CONTAINED: usize = 4;

impl Field {
    /// The unknown-key name under which a field the board does not model is kept in a task.
    pub fn extra_key(self) -> Option<&'static str> {
        Some(match self {
            Field::Content => "content",
            Field::Leader => "leader",
            Field::Contact => "contact",
            Field::DeadlineNote => DEADLINE_NOTE,
            Field::Start => "start",
            Field::Problems => "problems",
            Field::NextSteps => "next_steps",
            Field::Remarks => "remarks",
            _ => return None,
        })
    }

    /// The field kept under an unknown key, if that key is one of ours.
    pub fn of_extra_key(key: &str) -> Option<Field> {
        COLUMNS
            .iter()
            .map(|n| n.field)
            .find(|f| f.extra_key() == Some(key))
    }

    /// The header export writes for this field.
    pub fn header(self, lang: Lang) -> &'static str {
        let names = COLUMNS.iter().find(|n| n.field == self);
        names.map_or("", |n| match lang {
            Lang::Zh => n.zh[0],
            Lang::En => n.en[0],
        })
    }
}

/// A header as compared: no white space (titles are often broken over lines), no `*` marks,
/// no trailing colon, ASCII lower case.
pub fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '★' | '※'))
        .collect::<String>()
        .trim_end_matches([':', '：'])
        .to_ascii_lowercase()
}

/// The header without a bracketed remark: `完成时限（截止日期）` → `完成时限`.
fn without_brackets(norm: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in norm.chars() {
        match c {
            '（' | '(' | '【' | '[' => depth += 1,
            '）' | ')' | '】' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A header recognised, and in which language its name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recognised {
    /// The field.
    pub field: Field,
    /// The language of the name that matched.
    pub lang: Lang,
}

/// Every name with its field and language, as compared.
fn all_names() -> impl Iterator<Item = (String, Field, Lang)> {
    COLUMNS.iter().flat_map(|n| {
        let zh = n.zh.iter().map(move |s| (normalize(s), n.field, Lang::Zh));
        let en = n.en.iter().map(move |s| (normalize(s), n.field, Lang::En));
        zh.chain(en)
    })
}

/// The field a header names: the whole header, then without a bracketed remark, then the
/// longest long-enough name it contains.
pub fn recognise(header: &str) -> Option<Recognised> {
    let norm = normalize(header);
    if norm.is_empty() {
        return None;
    }
    let exact = |h: &str| {
        all_names()
            .find(|(n, ..)| n == h)
            .map(|(_, field, lang)| Recognised { field, lang })
    };
    if let Some(r) = exact(&norm) {
        return Some(r);
    }
    let bare = without_brackets(&norm);
    if let Some(r) = exact(&bare) {
        return Some(r);
    }
    all_names()
        .filter(|(n, ..)| n.chars().count() >= MIN_CONTAINED && bare.contains(n.as_str()))
        .max_by_key(|(n, ..)| n.chars().count())
        .map(|(_, field, lang)| Recognised { field, lang })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_recognised_whole_bracketed_and_contained() {
        let f = |h: &str| recognise(h).map(|r| r.field);
        assert_eq!(f("牵头单位"), Some(Field::Lead));
        assert_eq!(f(" 序\n号 "), Some(Field::Id));
        assert_eq!(f("完成时限（截止日期）"), Some(Field::Deadline));
        assert_eq!(f("6月份进展情况"), Some(Field::Progress));
        assert_eq!(f("阶段性成果"), None);
        assert_eq!(f("LEAD UNIT"), Some(Field::Lead));
        assert_eq!(f("*重点任务："), Some(Field::Title));
        assert_eq!(f("资金来源"), None);
    }

    #[test]
    fn every_field_has_names_in_both_languages_and_no_name_is_shared() {
        let mut seen = std::collections::HashSet::new();
        for n in COLUMNS {
            assert!(!n.zh.is_empty() && !n.en.is_empty(), "{:?}", n.field);
            for name in n.zh.iter().chain(n.en) {
                assert!(seen.insert(normalize(name)), "{name} twice");
            }
        }
    }
}
