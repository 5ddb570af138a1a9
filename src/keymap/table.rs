//! The default key table: one row per action, tagged with the modes it works in, its keys,
//! what help says about it and the short word of footers and dialogs (zh, en).
//!
//! `rank` orders the short hints when there is no room for all: 1 is always shown, higher
//! numbers go first, 0 is never a hint (help still lists it).

use super::Mode;
use crate::app::Action as A;
use crate::app::Action;

/// One row of the default table.
pub struct Row {
    /// The modes it works in.
    pub modes: &'static [Mode],
    /// The action's name in keys.toml and `ducha keys`.
    pub name: &'static str,
    /// What it does.
    pub action: Action,
    /// Its keys, as keys.toml writes them.
    pub keys: &'static [&'static str],
    /// Help text (zh, en).
    pub help: [&'static str; 2],
    /// The short word of footers and dialog hints (zh, en).
    pub hint: [&'static str; 2],
    /// Which hints stay when room is short (see the module).
    pub rank: u8,
}

/// The table's rows, one binding each: `[modes] name => action, [keys], help zh / en,
/// hint zh / en, rank;` (the shape of helix's `keymap!`).
macro_rules! bindings {
    ($(
        [$($mode:ident),+] $name:ident => $action:expr, [$($key:literal),+],
        $zh:literal / $en:literal, $hzh:literal / $hen:literal, $rank:literal;
    )*) => {
        /// Every binding of every mode.
        pub static ROWS: &[Row] = &[$(Row {
            modes: &[$(Mode::$mode),+],
            name: stringify!($name),
            action: $action,
            keys: &[$($key),+],
            help: [$zh, $en],
            hint: [$hzh, $hen],
            rank: $rank,
        }),*];
    };
}

bindings! {
    // Moving around the views.
    [Board] move_left => A::Left, ["Left", "h"],
        "上一列" / "previous column", "列" / "column", 7;
    [Board] move_right => A::Right, ["Right", "l"],
        "下一列" / "next column", "列" / "column", 7;
    [Board] move_up => A::Up, ["Up", "k"],
        "上一张卡片" / "previous card", "卡片" / "card", 7;
    [Board] move_down => A::Down, ["Down", "j"],
        "下一张卡片" / "next card", "卡片" / "card", 7;
    [Units, List, Picker, Rollup] move_up => A::Up, ["Up", "k"],
        "上一行" / "previous row", "选择" / "choose", 6;
    [Units, List, Picker, Rollup] move_down => A::Down, ["Down", "j"],
        "下一行" / "next row", "选择" / "choose", 6;
    [Overview] scroll_up => A::Up, ["Up", "k"],
        "向上滚动" / "scroll up", "滚动" / "scroll", 3;
    [Overview] scroll_down => A::Down, ["Down", "j"],
        "向下滚动" / "scroll down", "滚动" / "scroll", 3;
    [Board, Units, Overview, List] page_up => A::PageUp, ["PgUp", "Ctrl-B"],
        "上一页" / "page up", "" / "", 0;
    [Board, Units, Overview, List] page_down => A::PageDown, ["PgDn", "Ctrl-F"],
        "下一页" / "page down", "" / "", 0;
    [Board, Units, Overview, List] first => A::First, ["g", "Home"],
        "第一项（开头）" / "first (top)", "" / "", 0;
    [Board, Units, Overview, List] last => A::Last, ["G", "End"],
        "最后一项（末尾）" / "last (end)", "" / "", 0;
    [Board] next_phase => A::NextPhase, ["Tab", "]"],
        "下一阶段" / "next phase", "阶段" / "phase", 5;
    [Board] prev_phase => A::PrevPhase, ["BackTab", "["],
        "上一阶段" / "previous phase", "" / "", 0;
    [Board] phase_1 => A::GotoPhase(0), ["1"],
        "跳到第 N 阶段" / "phase N", "" / "", 0;
    [Board] phase_2 => A::GotoPhase(1), ["2"],
        "跳到第 N 阶段" / "phase N", "" / "", 0;
    [Board] phase_3 => A::GotoPhase(2), ["3"],
        "跳到第 N 阶段" / "phase N", "" / "", 0;
    [Board] phase_4 => A::GotoPhase(3), ["4"],
        "跳到第 N 阶段" / "phase N", "" / "", 0;
    [Board] phase_5 => A::GotoPhase(4), ["5"],
        "跳到第 N 阶段" / "phase N", "" / "", 0;
    [Board] phase_6 => A::GotoPhase(5), ["6"],
        "跳到第 N 阶段" / "phase N", "" / "", 0;
    [Board] phase_7 => A::GotoPhase(6), ["7"],
        "跳到第 N 阶段" / "phase N", "" / "", 0;
    [Board] phase_8 => A::GotoPhase(7), ["8"],
        "跳到第 N 阶段" / "phase N", "" / "", 0;
    [Board] phase_9 => A::GotoPhase(8), ["9"],
        "跳到第 N 阶段" / "phase N", "" / "", 0;
    // Working on the selected task.
    [Board, List] details => A::Details, ["Enter"],
        "任务详情" / "task details", "详情" / "details", 4;
    [Units] open => A::Details, ["Enter"],
        "查看单位的任务 / 任务详情" / "a unit's tasks / task details", "打开" / "open", 2;
    [Board, Units, List] card_next => A::MoveNext, [">", "L", "Shift-Right"],
        "卡片移到下一状态" / "move the card to the next status", "移动" / "move", 3;
    [Board, Units, List] card_prev => A::MovePrev, ["<", "H", "Shift-Left"],
        "卡片移到上一状态" / "move the card to the previous status", "移动" / "move", 3;
    [Board, Units, List] edit => A::Edit, ["e"],
        "编辑任务" / "edit the task", "编辑" / "edit", 4;
    [Board] new => A::New, ["n"],
        "新建任务" / "new task", "新建" / "new", 6;
    [Board, Units, List] delete => A::Delete, ["d"],
        "删除任务（会询问）" / "delete the task (asks)", "删除" / "delete", 9;
    [Board, Units, List] note => A::Note, ["p"],
        "添加进展" / "add a progress note", "进展" / "note", 4;
    [Board, Units, List] extend => A::Extend, ["x"],
        "延期（新日期和原因）" / "extend the deadline (date and reason)", "延期" / "extend", 5;
    [Board, Units, List] search => A::Search, ["/"],
        "搜索（边输入边筛选）" / "search as you type", "搜索" / "search", 5;
    [Board, Units, List] filter => A::Filter, ["f"],
        "筛选（单位、亮灯、类别）" / "filter (unit, light, category)", "筛选" / "filter", 6;
    [Board, List] clear => A::Escape, ["Esc"],
        "清除标记、搜索和筛选" / "clear the marks, the search and filters", "清除" / "clear", 2;
    [Units] back => A::Escape, ["Esc"],
        "返回单位列表 / 清除搜索和筛选" / "back to the units / clear the search and filters", "返回" / "back", 2;
    [Units, Rollup] sort => A::Sort, ["o"],
        "切换排序" / "change the order", "排序" / "order", 3;
    [List] sort => A::Sort, ["o"],
        "按下一列排序" / "sort by the next column", "排序" / "sort", 3;
    [List] reverse => A::Reverse, ["O"],
        "倒序 / 正序" / "reverse the order", "倒序" / "reverse", 7;
    // Marks: changes after a meeting made to many tasks at once.
    [Board, List] mark => A::Mark, ["Space"],
        "标记 / 取消标记（批量修改）" / "mark / unmark (for a batch change)", "标记" / "mark", 8;
    [Board, List] mark_all => A::MarkAll, ["V"],
        "标记全部可见任务（再按取消）" / "mark every visible task (again: unmark)", "全标" / "mark all", 8;
    [Board] compact => A::Compact, ["z"],
        "紧凑卡片（一行一张）" / "compact cards (one line each)", "紧凑" / "compact", 9;
    // The whole board.
    [Board, Units, Overview, List] next_view => A::NextView, ["v"],
        "切换视图（看板、按单位、总览、列表）" / "next view (kanban, by unit, overview, list)", "视图" / "view", 4;
    [Board, Units, Overview, List] since => A::Since, ["S"],
        "变化自何日算起" / "count changes from a date", "起始日" / "since", 8;
    [Board, Units, Overview, List] notices => A::Notices, ["C"],
        "出具催办单并记录催办" / "issue reminder notices", "催办" / "notices", 8;
    [Board, Units, Overview, List] undo => A::Undo, ["u"],
        "撤销" / "undo", "撤销" / "undo", 8;
    [Board, Units, Overview, List] redo => A::Redo, ["Ctrl-R", "U"],
        "重做" / "redo", "" / "", 0;
    [Board, Units, Overview, List] save => A::Save, ["s", "Ctrl-S"],
        "保存" / "save", "保存" / "save", 3;
    [Board, Units, Overview, List, Rollup] present => A::Present, ["P"],
        "放映（调度会投影）" / "present (projector)", "放映" / "present", 9;
    [Board, Units, Overview, List] help => A::Help, ["?"],
        "帮助（全部按键）" / "help (every key)", "帮助" / "help", 1;
    [Board, Units, Overview, List] quit => A::Quit, ["q", "Ctrl-C"],
        "退出（有未保存的修改时询问）" / "quit (asks when there are unsaved changes)", "退出" / "quit", 2;
    // Details and help.
    [Details, Help] scroll_up => A::Up, ["Up", "k"],
        "向上滚动" / "scroll up", "滚动" / "scroll", 3;
    [Details, Help] scroll_down => A::Down, ["Down", "j"],
        "向下滚动" / "scroll down", "滚动" / "scroll", 3;
    [Details, Help] page_up => A::PageUp, ["PgUp"],
        "上一页" / "page up", "" / "", 0;
    [Details, Help] page_down => A::PageDown, ["PgDn", "Space"],
        "下一页" / "page down", "" / "", 0;
    [Details, Help] first => A::First, ["g", "Home"],
        "开头" / "top", "" / "", 0;
    [Details, Help] last => A::Last, ["G", "End"],
        "末尾" / "end", "" / "", 0;
    [Details] edit => A::Edit, ["e"],
        "编辑任务" / "edit the task", "编辑" / "edit", 2;
    [Details] note => A::Note, ["p"],
        "添加进展" / "add a progress note", "进展" / "note", 2;
    [Details] extend => A::Extend, ["x"],
        "延期" / "extend the deadline", "延期" / "extend", 2;
    [Details] close => A::Close, ["Esc", "Enter", "q"],
        "关闭" / "close", "关闭" / "close", 1;
    [Help] close => A::Close, ["Esc", "Enter", "q", "?"],
        "关闭" / "close", "关闭" / "close", 1;
    // Forms and prompts; typing and moving the caret are the text field's own.
    [Form, Extend] next_field => A::NextField, ["Tab", "Down"],
        "下一项" / "next field", "下一项" / "next", 2;
    [Form, Extend] prev_field => A::PrevField, ["BackTab", "Up"],
        "上一项" / "previous field", "" / "", 0;
    [FormList, FormMulti] next_field => A::NextField, ["Tab"],
        "下一项" / "next field", "下一项" / "next", 2;
    [FormList, FormMulti] prev_field => A::PrevField, ["BackTab"],
        "上一项" / "previous field", "" / "", 0;
    [FormList, FormMulti, Filter] option_up => A::Up, ["Up"],
        "上一个选项" / "previous option", "选择" / "choose", 3;
    [FormList, FormMulti] option_down => A::Down, ["Down"],
        "下一个选项" / "next option", "选择" / "choose", 3;
    [Filter] option_down => A::Down, ["Down", "Tab"],
        "下一个选项" / "next option", "选择" / "choose", 3;
    [FormMulti] toggle => A::Toggle, ["Enter"],
        "选中 / 取消选中" / "choose / unchoose", "选中/取消" / "toggle", 1;
    [Form, FormList, Extend, Since, SaveAs] accept => A::Accept, ["Enter", "Ctrl-S"],
        "确定" / "accept", "确定" / "accept", 1;
    // A note has lines, as clerks write them: Enter starts the next one, and a note is
    // accepted with Ctrl-S, Alt-Enter, or Tab where a terminal sends neither.
    [Note] newline => A::NewLine, ["Enter"],
        "换行" / "new line", "换行" / "new line", 2;
    [Note] accept => A::Accept, ["Ctrl-S", "Alt-Enter", "Tab"],
        "确定（保存进展）" / "accept the note", "确定" / "accept", 1;
    [Note] line_up => A::Up, ["Up"],
        "上一行（同一列）" / "line above (same column)", "" / "", 0;
    [Note] line_down => A::Down, ["Down"],
        "下一行（同一列）" / "line below (same column)", "" / "", 0;
    // The whole text in the clerk's own editor, for a long note or to paste from a file.
    [Note, Form] editor => A::OpenEditor, ["Ctrl-E"],
        "在编辑器中编辑（$VISUAL、$EDITOR）" / "edit in $VISUAL or $EDITOR", "编辑器" / "editor", 3;
    [FormMulti] accept => A::Accept, ["Ctrl-S"],
        "确定（整个表单）" / "accept the form", "确定" / "accept", 1;
    [Filter] accept => A::Accept, ["Enter"],
        "应用筛选" / "apply the filter", "应用" / "apply", 1;
    [Form, FormList, FormMulti, Note, Extend, Since, SaveAs, Filter] cancel => A::Cancel, ["Esc"],
        "取消" / "cancel", "取消" / "cancel", 1;
    [Search] accept => A::Accept, ["Enter", "Tab"],
        "完成搜索（保留结果）" / "keep the search", "完成" / "done", 1;
    [Search] cancel => A::Cancel, ["Esc"],
        "清除搜索" / "clear the search", "清除" / "clear", 1;
    [Search] move_up => A::Up, ["Up"],
        "保留搜索，上一项" / "keep the search, previous item", "移动" / "move", 4;
    [Search] move_down => A::Down, ["Down"],
        "保留搜索，下一项" / "keep the search, next item", "移动" / "move", 4;
    // Questions.
    [Confirm] yes => A::Yes, ["y", "Y"],
        "是" / "yes", "确定" / "yes", 1;
    [Confirm] no => A::No, ["n", "N", "Esc"],
        "否" / "no", "取消" / "cancel", 1;
    [Quit] save_quit => A::SaveAndQuit, ["s", "S"],
        "保存并退出" / "save and quit", "保存并退出" / "save and quit", 1;
    [Quit] discard_quit => A::QuitDiscarding, ["y", "Y", "q"],
        "放弃修改并退出" / "discard the changes and quit", "放弃修改并退出" / "discard them and quit", 1;
    [Quit, Conflict] cancel => A::Cancel, ["n", "N", "Esc"],
        "取消" / "cancel", "取消" / "cancel", 1;
    [Conflict] save_as => A::SaveElsewhere, ["a", "A"],
        "另存为新文件" / "save as another file", "另存为新文件" / "save as another file", 1;
    [Conflict] reload => A::Reload, ["r", "R"],
        "重新加载（你的修改另存一份副本）" / "reload (your changes are kept in a copy)", "重新加载（你的修改另存副本）" / "reload (your changes kept in a copy)", 1;
    [Restore] restore => A::Restore, ["r", "R", "Enter", "Esc"],
        "恢复这些修改" / "restore them", "恢复这些修改" / "restore them", 1;
    [Restore] discard => A::DiscardRecovery, ["d", "D"],
        "丢弃恢复文件" / "discard the recovery file", "丢弃恢复文件" / "discard the recovery file", 1;
    [Clash] keep_mine => A::KeepMine, ["m", "M"],
        "保留我的" / "keep mine", "保留我的" / "keep mine", 1;
    [Clash] take_theirs => A::TakeTheirs, ["t", "T"],
        "采用他人的" / "take theirs", "采用他人的" / "take theirs", 1;
    [Clash] edit_theirs => A::EditTheirs, ["e", "E"],
        "在他人的基础上修改" / "edit from theirs", "在他人的基础上修改" / "edit from theirs", 1;
    [Clash] cancel => A::Cancel, ["Esc"],
        "暂不保存" / "do not save yet", "暂不保存" / "do not save yet", 1;
    // Presentation.
    [Present] prev_slide => A::PrevSlide, ["Left", "Up", "PgUp", "h", "k", "b"],
        "上一页" / "previous page", "翻页" / "page", 2;
    [Present] next_slide => A::NextSlide, ["Right", "Down", "PgDn", "Enter", "l", "j", "n"],
        "下一页" / "next page", "翻页" / "page", 2;
    [Present] pause => A::Pause, ["Space", "p"],
        "暂停 / 继续" / "pause / resume", "暂停/继续" / "pause/resume", 2;
    [Present] leave => A::Leave, ["q", "Esc", "P"],
        "退出放映" / "leave", "退出放映" / "leave", 1;
    // Choosing a board, and the roll-up.
    [Picker] open => A::Open, ["Enter"],
        "打开" / "open", "打开" / "open", 1;
    [Rollup] open => A::Open, ["Enter"],
        "只读打开" / "open read-only", "只读打开" / "open read-only", 1;
    [Rollup] refresh => A::Refresh, ["r"],
        "重新读取各来源" / "fetch the sources again", "刷新" / "refresh", 4;
    [Picker, Rollup] quit => A::Quit, ["q", "Esc"],
        "退出" / "quit", "退出" / "quit", 1;
}
