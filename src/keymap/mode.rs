//! The modes the key table is divided into: each view, popup and prompt has its own keys.

use crate::model::Lang;

/// Where keys are pressed: a view, a popup or prompt, the presentation, or a chooser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    /// The kanban of a phase.
    Board,
    /// The by-unit table, or one unit's tasks.
    Units,
    /// The overview.
    Overview,
    /// The list of every task across phases.
    List,
    /// Every field of a task.
    Details,
    /// The task form, a text field focused.
    Form,
    /// The task form, a list of one choice focused (phase, lead unit).
    FormList,
    /// The task form, the list of several choices focused (partners).
    FormMulti,
    /// A progress note being typed.
    Note,
    /// A deadline extension being typed.
    Extend,
    /// The date changes are counted from, being typed.
    Since,
    /// A file name for saving elsewhere.
    SaveAs,
    /// Search as you type.
    Search,
    /// The filter menu.
    Filter,
    /// A yes-or-no question (delete, notices, dropping comments).
    Confirm,
    /// Quitting with unsaved changes.
    Quit,
    /// The file changed on disk and what it was based on is unknown.
    Conflict,
    /// A recovery file was found.
    Restore,
    /// A save met fields someone else changed differently.
    Clash,
    /// The keys.
    Help,
    /// Presentation mode.
    Present,
    /// Choosing a board when none was given.
    Picker,
    /// The interactive roll-up of many boards.
    Rollup,
}

impl Mode {
    /// Every mode, in the order of the help screen and `ducha keys`.
    pub const ALL: [Mode; 23] = [
        Mode::Board,
        Mode::Units,
        Mode::Overview,
        Mode::List,
        Mode::Details,
        Mode::Form,
        Mode::FormList,
        Mode::FormMulti,
        Mode::Note,
        Mode::Extend,
        Mode::Since,
        Mode::SaveAs,
        Mode::Search,
        Mode::Filter,
        Mode::Confirm,
        Mode::Quit,
        Mode::Conflict,
        Mode::Restore,
        Mode::Clash,
        Mode::Help,
        Mode::Present,
        Mode::Picker,
        Mode::Rollup,
    ];

    /// The name in keys.toml (`[board]`) and in `ducha keys`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Board => "board",
            Mode::Units => "units",
            Mode::Overview => "overview",
            Mode::List => "list",
            Mode::Details => "details",
            Mode::Form => "form",
            Mode::FormList => "form_list",
            Mode::FormMulti => "form_multi",
            Mode::Note => "note",
            Mode::Extend => "extend",
            Mode::Since => "since",
            Mode::SaveAs => "save_as",
            Mode::Search => "search",
            Mode::Filter => "filter",
            Mode::Confirm => "confirm",
            Mode::Quit => "quit",
            Mode::Conflict => "conflict",
            Mode::Restore => "restore",
            Mode::Clash => "clash",
            Mode::Help => "help",
            Mode::Present => "present",
            Mode::Picker => "picker",
            Mode::Rollup => "rollup",
        }
    }

    /// The mode called `name` in keys.toml.
    pub fn named(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The heading of the mode's keys on the help screen.
    pub fn title(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Mode::Board => ("看板", "Kanban"),
            Mode::Units => ("按单位视图", "By-unit view"),
            Mode::Overview => ("总览", "Overview"),
            Mode::List => ("任务列表", "Task list"),
            Mode::Details => ("任务详情", "Task details"),
            Mode::Form => ("任务表单（文字项）", "Task form (text field)"),
            Mode::FormList => ("任务表单（单选列表）", "Task form (list)"),
            Mode::FormMulti => ("任务表单（多选列表：责任单位）", "Task form (partners)"),
            Mode::Note => ("添加进展", "Progress note"),
            Mode::Extend => ("延期", "Extension"),
            Mode::Since => ("变化起始日期", "Changes since"),
            Mode::SaveAs => ("另存为", "Save as"),
            Mode::Search => ("搜索", "Search"),
            Mode::Filter => ("筛选", "Filter"),
            Mode::Confirm => ("确认", "Questions"),
            Mode::Quit => ("退出（有未保存的修改）", "Quit with unsaved changes"),
            Mode::Conflict => ("文件已被他人修改", "File changed on disk"),
            Mode::Restore => ("发现未保存的修改", "Unsaved changes found"),
            Mode::Clash => ("保存冲突", "Save clash"),
            Mode::Help => ("帮助", "Help"),
            Mode::Present => ("放映", "Presentation"),
            Mode::Picker => ("选择看板", "Choosing a board"),
            Mode::Rollup => ("汇总（ducha rollup）", "Roll-up (ducha rollup)"),
        };
        lang.pick(zh, en)
    }

    /// Whether characters typed in this mode go into a text field, so a plain character cannot
    /// be bound to a command here.
    pub fn types_text(self) -> bool {
        matches!(
            self,
            Mode::Form
                | Mode::FormList
                | Mode::FormMulti
                | Mode::Note
                | Mode::Extend
                | Mode::Since
                | Mode::SaveAs
                | Mode::Search
                | Mode::Filter
        )
    }
}
