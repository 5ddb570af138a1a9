//! The filter menu (`f`): lights, lead units and categories, narrowed by typing.

use super::popup::Reply;
use super::requests::Request;
use super::{Action, Choice, Key};
use crate::model::facts::Light;
use crate::model::{Board, Lang};

/// One entry of the filter menu.
#[derive(Debug, Clone, PartialEq)]
pub enum FilterItem {
    /// Only tasks led by this unit.
    Lead(String),
    /// Only tasks with this light.
    Light(Light),
    /// Only tasks of this category.
    Category(String),
    /// Clear all filters.
    Clear,
}

/// The filter menu: what each option does, and the options narrowed by typing.
#[derive(Debug, Clone, PartialEq)]
pub struct FilterMenu {
    /// What each option does.
    pub items: Vec<FilterItem>,
    /// The options, narrowed by typing (their labels are what typing matches).
    pub choice: Choice,
}

impl FilterMenu {
    /// The menu of a board: clear, each light, each lead unit, each category.
    pub fn new(board: &Board, lang: Lang) -> FilterMenu {
        let mut items = vec![FilterItem::Clear];
        let mut labels = vec![lang.pick("（清除筛选）", "(clear filters)").to_string()];
        for (light, zh, en) in [
            (Light::Red, "逾期", "overdue"),
            (Light::Yellow, "即将到期", "due soon"),
            (Light::Green, "正常推进", "on track"),
            (Light::Done, "已完成", "done"),
        ] {
            items.push(FilterItem::Light(light));
            labels.push(format!(
                "{}{}",
                lang.pick("亮灯：", "light: "),
                lang.pick(zh, en)
            ));
        }
        let mut leads: Vec<&str> = Vec::new();
        for t in &board.tasks {
            if !leads.contains(&t.lead.as_str()) {
                leads.push(&t.lead);
            }
        }
        leads.sort_by_key(|id| board.unit_order(id));
        for l in leads {
            items.push(FilterItem::Lead(l.to_string()));
            labels.push(format!(
                "{}{}",
                lang.pick("牵头单位：", "lead: "),
                board.unit_name(l)
            ));
        }
        let mut seen: Vec<&str> = Vec::new();
        for c in board.tasks.iter().filter_map(|t| t.category.as_deref()) {
            if !seen.contains(&c) {
                seen.push(c);
                items.push(FilterItem::Category(c.to_string()));
                labels.push(format!("{}{c}", lang.pick("类别：", "category: ")));
            }
        }
        let options = labels
            .into_iter()
            .enumerate()
            .map(|(i, l)| (i.to_string(), l))
            .collect();
        FilterMenu {
            items,
            choice: Choice::new(options, Vec::new(), false),
        }
    }

    /// Runs an action of the filter mode.
    pub(super) fn handle(&mut self, action: &Action) -> Reply {
        match action {
            Action::Up | Action::Down => {
                self.choice.step(*action == Action::Down);
                Reply::Stay
            }
            Action::Accept => match self.choice.highlighted() {
                Some(i) => Reply::Then(Request::Filter(self.items[i].clone())),
                None => Reply::Close,
            },
            Action::Cancel => Reply::Close,
            _ => Reply::Stay,
        }
    }

    /// Types a key into the text that narrows the options.
    pub(super) fn edit(&mut self, key: &Key) {
        self.choice.filter.edit(key);
        self.choice.follow();
    }
}
