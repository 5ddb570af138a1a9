//! The one table of keys: it maps key presses to actions and generates the help screen.

use crate::app::{Action, Key};
use crate::model::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key press that triggers a binding.
#[derive(Debug, Clone, Copy)]
pub enum Press {
    /// A character, whatever Shift state produced it.
    Char(char),
    /// A character with Ctrl held.
    Ctrl(char),
    /// A special key without modifiers.
    Code(KeyCode),
    /// A special key with Shift (not relied upon: every such binding also has a plain key).
    Shift(KeyCode),
}

/// One row of the table: keys, the action, and the help text.
pub struct Binding {
    /// The keys, as shown in help and the footer.
    pub label: &'static str,
    /// What they press.
    pub presses: &'static [Press],
    /// The action.
    pub action: Action,
    /// Help text in Chinese.
    pub zh: &'static str,
    /// Help text in English.
    pub en: &'static str,
}

use KeyCode::*;
use Press::{Char as C, Code, Ctrl, Shift};

/// Every key of the board view.
pub static BINDINGS: &[Binding] = &[
    Binding {
        label: "←/h →/l",
        presses: &[],
        action: Action::Left,
        zh: "上一列 / 下一列",
        en: "previous / next column",
    },
    Binding {
        label: "",
        presses: &[Code(Left), C('h')],
        action: Action::Left,
        zh: "",
        en: "",
    },
    Binding {
        label: "",
        presses: &[Code(Right), C('l')],
        action: Action::Right,
        zh: "",
        en: "",
    },
    Binding {
        label: "↑/k ↓/j",
        presses: &[Code(Up), C('k')],
        action: Action::Up,
        zh: "上一张 / 下一张卡片",
        en: "previous / next card",
    },
    Binding {
        label: "",
        presses: &[Code(Down), C('j')],
        action: Action::Down,
        zh: "",
        en: "",
    },
    Binding {
        label: "PgUp/Ctrl-B PgDn/Ctrl-F",
        presses: &[Code(PageUp), Ctrl('b')],
        action: Action::PageUp,
        zh: "上一页 / 下一页",
        en: "page up / down",
    },
    Binding {
        label: "",
        presses: &[Code(PageDown), Ctrl('f')],
        action: Action::PageDown,
        zh: "",
        en: "",
    },
    Binding {
        label: "g G",
        presses: &[C('g'), Code(Home)],
        action: Action::First,
        zh: "第一张 / 最后一张",
        en: "first / last card",
    },
    Binding {
        label: "",
        presses: &[C('G'), Code(End)],
        action: Action::Last,
        zh: "",
        en: "",
    },
    Binding {
        label: "Tab/] Shift-Tab/[",
        presses: &[Code(Tab), C(']')],
        action: Action::NextPhase,
        zh: "下一阶段 / 上一阶段",
        en: "next / previous phase",
    },
    Binding {
        label: "",
        presses: &[Code(BackTab), C('[')],
        action: Action::PrevPhase,
        zh: "",
        en: "",
    },
    Binding {
        label: "1-9",
        presses: &[],
        action: Action::GotoPhase(0),
        zh: "跳到第 N 阶段",
        en: "jump to phase N",
    },
    Binding {
        label: "> L",
        presses: &[C('>'), C('L'), Shift(Right)],
        action: Action::MoveNext,
        zh: "卡片移到下一状态",
        en: "move card to the next status",
    },
    Binding {
        label: "< H",
        presses: &[C('<'), C('H'), Shift(Left)],
        action: Action::MovePrev,
        zh: "卡片移到上一状态",
        en: "move card to the previous status",
    },
    Binding {
        label: "Enter",
        presses: &[Code(Enter)],
        action: Action::Details,
        zh: "任务详情",
        en: "task details",
    },
    Binding {
        label: "e",
        presses: &[C('e')],
        action: Action::Edit,
        zh: "编辑任务",
        en: "edit task",
    },
    Binding {
        label: "n",
        presses: &[C('n')],
        action: Action::New,
        zh: "新建任务",
        en: "new task",
    },
    Binding {
        label: "d",
        presses: &[C('d')],
        action: Action::Delete,
        zh: "删除任务",
        en: "delete task",
    },
    Binding {
        label: "p",
        presses: &[C('p')],
        action: Action::Note,
        zh: "添加进展",
        en: "add progress note",
    },
    Binding {
        label: "x",
        presses: &[C('x')],
        action: Action::Extend,
        zh: "延期",
        en: "extend deadline",
    },
    Binding {
        label: "/",
        presses: &[C('/')],
        action: Action::Search,
        zh: "搜索",
        en: "search",
    },
    Binding {
        label: "f",
        presses: &[C('f')],
        action: Action::Filter,
        zh: "筛选（单位、亮灯、类别）",
        en: "filter (unit, light, category)",
    },
    Binding {
        label: "v",
        presses: &[C('v')],
        action: Action::NextView,
        zh: "切换视图（看板、按单位、总览）",
        en: "next view (kanban, by unit, overview)",
    },
    Binding {
        label: "o",
        presses: &[C('o')],
        action: Action::Sort,
        zh: "单位视图排序（排名、逾期、单位）",
        en: "order units (rank, overdue, name)",
    },
    Binding {
        label: "S",
        presses: &[C('S')],
        action: Action::Since,
        zh: "变化自何日算起",
        en: "count changes from a date",
    },
    Binding {
        label: "C",
        presses: &[C('C')],
        action: Action::Notices,
        zh: "出具催办单并记录催办",
        en: "issue reminder notices",
    },
    Binding {
        label: "u",
        presses: &[C('u')],
        action: Action::Undo,
        zh: "撤销",
        en: "undo",
    },
    Binding {
        label: "Ctrl-R U",
        presses: &[Ctrl('r'), C('U')],
        action: Action::Redo,
        zh: "重做",
        en: "redo",
    },
    Binding {
        label: "s Ctrl-S",
        presses: &[C('s'), Ctrl('s')],
        action: Action::Save,
        zh: "保存",
        en: "save",
    },
    Binding {
        label: "P",
        presses: &[C('P')],
        action: Action::Present,
        zh: "放映模式（调度会投影）",
        en: "presentation mode (projector)",
    },
    Binding {
        label: "?",
        presses: &[C('?')],
        action: Action::Help,
        zh: "帮助",
        en: "help",
    },
    Binding {
        label: "q Ctrl-C",
        presses: &[C('q')],
        action: Action::Quit,
        zh: "退出",
        en: "quit",
    },
    // Ctrl-C reaches a raw-mode terminal as a key, not as SIGINT: it quits like `q`, asking
    // when there are unsaved changes.
    Binding {
        label: "",
        presses: &[Ctrl('c')],
        action: Action::Quit,
        zh: "",
        en: "",
    },
    Binding {
        label: "Esc",
        presses: &[Code(Esc)],
        action: Action::Escape,
        zh: "关闭弹窗 / 清除搜索和筛选",
        en: "close popup / clear search and filters",
    },
];

/// Keys inside forms and prompts, for the help screen.
pub static FORM_KEYS: &[(&str, &str, &str)] = &[
    ("Tab Shift-Tab", "下一项 / 上一项", "next / previous field"),
    ("↑ ↓", "在列表中选择", "choose in a list"),
    (
        "Enter",
        "确定（责任单位：选中/取消）",
        "accept (partners: toggle)",
    ),
    ("Ctrl-S", "在表单任意位置确定", "accept from any field"),
    ("Ctrl-U", "清空到行首", "erase to start of line"),
    ("Esc", "取消", "cancel"),
];

fn matches(p: Press, ev: &KeyEvent) -> bool {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let shift = ev.modifiers.contains(KeyModifiers::SHIFT);
    match (p, ev.code) {
        (Press::Char(c), KeyCode::Char(k)) => {
            !ctrl && !ev.modifiers.contains(KeyModifiers::ALT) && c == k
        }
        (Press::Ctrl(c), KeyCode::Char(k)) => ctrl && c.eq_ignore_ascii_case(&k),
        (Press::Code(c), k) => !shift && !ctrl && c == k,
        (Press::Shift(c), k) => shift && c == k,
        _ => false,
    }
}

/// The action for a key on the board, if any.
pub fn action(ev: &KeyEvent) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    if let KeyCode::Char(c @ '1'..='9') = ev.code {
        return Some(Action::GotoPhase(c as usize - '1' as usize));
    }
    BINDINGS
        .iter()
        .find(|b| b.presses.iter().any(|p| matches(*p, ev)))
        .map(|b| b.action.clone())
}

/// The key for a popup or prompt, if it is one they use.
pub fn input(ev: &KeyEvent) -> Option<Key> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    Some(match ev.code {
        KeyCode::Char('u') if ctrl => Key::KillLine,
        KeyCode::Char('s') if ctrl => Key::Submit,
        KeyCode::Char('h') if ctrl => Key::Backspace,
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Enter => Key::Enter,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Esc => Key::Esc,
        _ => return None,
    })
}

/// The help screen's rows: keys and what they do, from the tables above.
pub fn help_rows(lang: Lang) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| !b.label.is_empty())
        .map(|b| (b.label, lang.pick(b.zh, b.en)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn plain_and_shifted_keys_reach_the_same_actions() {
        assert_eq!(
            action(&key(KeyCode::Char('>'), KeyModifiers::SHIFT)),
            Some(Action::MoveNext)
        );
        assert_eq!(
            action(&key(KeyCode::Char('L'), KeyModifiers::SHIFT)),
            Some(Action::MoveNext)
        );
        assert_eq!(
            action(&key(KeyCode::Right, KeyModifiers::SHIFT)),
            Some(Action::MoveNext)
        );
        assert_eq!(
            action(&key(KeyCode::Right, KeyModifiers::NONE)),
            Some(Action::Right)
        );
        assert_eq!(
            action(&key(KeyCode::Char('r'), KeyModifiers::CONTROL)),
            Some(Action::Redo)
        );
        assert_eq!(
            action(&key(KeyCode::Char('3'), KeyModifiers::NONE)),
            Some(Action::GotoPhase(2))
        );
        assert_eq!(
            action(&key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Last)
        );
        assert_eq!(
            action(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(action(&key(KeyCode::Char('c'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn every_action_with_help_has_a_plain_key() {
        for b in BINDINGS
            .iter()
            .filter(|b| !b.label.is_empty() && !b.presses.is_empty())
        {
            assert!(
                b.presses
                    .iter()
                    .any(|p| matches!(p, Press::Char(_) | Press::Code(_))),
                "{}",
                b.label
            );
        }
    }
}
