//! The last text-editing items of issue 11, through the app and the screen: `Ctrl-E` hands a
//! note or a form's text field to the user's editor and takes back what it wrote, Up and Down
//! move between the lines of a note, and card titles wrap by the rules of Chinese text.
//!
//! The editor itself runs in the event loop; here its answer is given as the loop gives it
//! (`Action::TextEdited`), and `e2e_terminal` runs a real one in tmux.

mod common;

use common::*;
use crossterm::event::Event;
use ducha::app::{update, Action, App, EditorFailure, Effect, FormField, Popup};
use ducha::keymap::Mode;
use ducha::model::Lang;

/// Presses Ctrl-E through the key table and returns what the app asks of the event loop.
fn ctrl_e(app: &mut App) -> Vec<Effect> {
    let action = ducha::tui::to_action(app, Event::Key(key("C-e")));
    assert_eq!(
        action,
        Some(Action::OpenEditor),
        "Ctrl-E in {:?}",
        app.mode()
    );
    update(app, Action::OpenEditor)
}

/// The text of the open note.
fn note_text(app: &App) -> String {
    match &app.popup {
        Some(Popup::Note(n)) => n.input.text(),
        other => panic!("no note open: {other:?}"),
    }
}

/// The text of the form's field `k`.
fn field_text(app: &App, k: usize) -> String {
    match &app.popup {
        Some(Popup::Form(f)) => match &f.fields[k] {
            FormField::Text(e) | FormField::Date(e) => e.text(),
            FormField::Pick(_) => panic!("field {k} is a list"),
        },
        other => panic!("no form open: {other:?}"),
    }
}

fn s10(app: &App) -> &ducha::model::Task {
    &app.board.tasks[app.board.task_index("S10").unwrap()]
}

#[test]
fn ctrl_e_in_a_note_hands_its_text_to_the_editor_and_takes_back_what_it_wrote() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["p"]);
    type_text(&mut app, "原来的文字");
    let effects = ctrl_e(&mut app);
    assert_eq!(
        effects,
        [Effect::EditText {
            text: "原来的文字".into()
        }]
    );
    assert_eq!(app.mode(), Mode::Note, "the dialog stays open meanwhile");
    // An editor on Windows' side of an SSH session may write CRLF; one final line end goes.
    let written = "一、已召开调度会\r\n二、月底前完成整改\r\n";
    let effects = update(&mut app, Action::TextEdited(Ok(written.into())));
    assert!(effects.is_empty());
    assert_eq!(note_text(&app), "一、已召开调度会\n二、月底前完成整改");
    assert_eq!(app.mode(), Mode::Note, "the clerk confirms as usual");
    let s = shot(&mut app, 80, 24);
    assert!(
        s.contains("进展： 一、已召开调度会") && s.contains("二、月底前完成整改"),
        "{s}"
    );
    // The caret is at the end: what is typed next follows the editor's text.
    type_text(&mut app, "。");
    press(&mut app, &["C-s"]);
    assert_eq!(
        s10(&app).progress.last().unwrap().note,
        "一、已召开调度会\n二、月底前完成整改。"
    );
}

#[test]
fn ctrl_e_in_a_form_field_puts_the_editors_lines_on_one_line() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["e"]);
    let title = s10(&app).title.clone();
    assert_eq!(ctrl_e(&mut app), [Effect::EditText { text: title }]);
    let written = "召开全市作风建设工作\n第二次调度会（扩大）\n";
    update(&mut app, Action::TextEdited(Ok(written.into())));
    assert_eq!(
        field_text(&app, 0),
        "召开全市作风建设工作 第二次调度会（扩大）"
    );
    assert_eq!(app.mode(), Mode::Form);
    // The category, further down, is a text field too.
    press(&mut app, &["Tab", "Tab", "Tab", "Tab", "Tab"]);
    assert_eq!(ctrl_e(&mut app).len(), 1);
    update(&mut app, Action::TextEdited(Ok("重点工作\n".into())));
    assert_eq!(field_text(&app, 5), "重点工作");
    press(&mut app, &["Enter"]);
    assert!(app.popup.is_none(), "{:?}", app.popup);
    let t = s10(&app);
    assert_eq!(t.title, "召开全市作风建设工作 第二次调度会（扩大）");
    assert_eq!(t.category.as_deref(), Some("重点工作"));
}

#[test]
fn ctrl_e_is_not_a_key_of_a_list_in_the_form() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["e", "Tab"]);
    assert_eq!(app.mode(), Mode::FormList);
    assert_eq!(ducha::tui::to_action(&app, Event::Key(key("C-e"))), None);
    press(&mut app, &["Tab", "Tab"]);
    assert_eq!(app.mode(), Mode::FormMulti);
    assert_eq!(ducha::tui::to_action(&app, Event::Key(key("C-e"))), None);
}

#[test]
fn an_editor_that_fails_leaves_the_text_as_it_was_and_says_why() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["p"]);
    type_text(&mut app, "原来的文字");
    ctrl_e(&mut app);
    let failed = EditorFailure::Failed {
        command: "vim".into(),
        status: Some(1),
    };
    update(&mut app, Action::TextEdited(Err(failed)));
    assert_eq!(note_text(&app), "原来的文字");
    assert_eq!(app.mode(), Mode::Note);
    let s = shot(&mut app, 80, 24);
    assert!(
        s.contains("编辑器 vim 出错退出（状态 1），文字未改动"),
        "{s}"
    );
    let missing = EditorFailure::NotStarted {
        command: "nano -w".into(),
        error: "No such file or directory (os error 2)".into(),
    };
    update(&mut app, Action::TextEdited(Err(missing)));
    assert_eq!(note_text(&app), "原来的文字");
    let s = shot(&mut app, 80, 24);
    assert!(s.contains("无法启动编辑器 nano -w：No such file"), "{s}");
    // A later edit that works clears the complaint.
    update(&mut app, Action::TextEdited(Ok("新的文字\n".into())));
    assert_eq!(note_text(&app), "新的文字");
    assert!(app.message.is_none(), "{:?}", app.message);

    let mut app = open_sample("demo-en.yaml", "2024-06-14");
    press(&mut app, &["p"]);
    type_text(&mut app, "as it was");
    ctrl_e(&mut app);
    let killed = EditorFailure::Failed {
        command: "code --wait".into(),
        status: None,
    };
    update(&mut app, Action::TextEdited(Err(killed)));
    assert_eq!(note_text(&app), "as it was");
    let s = shot(&mut app, 80, 24);
    assert!(
        s.contains("the editor code --wait was killed; the text is unchanged"),
        "{s}"
    );
}

#[test]
fn up_and_down_move_between_the_lines_of_a_note_at_the_same_column() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["p"]);
    type_text(&mut app, "第一行内容");
    press(&mut app, &["Enter"]);
    type_text(&mut app, "ab");
    // Column 2 of the second line is after 第 on the first.
    press(&mut app, &["Up"]);
    type_text(&mut app, "X");
    assert_eq!(note_text(&app), "第X一行内容\nab");
    // Column 3 is past the end of "ab": its end.
    press(&mut app, &["Down"]);
    type_text(&mut app, "Y");
    assert_eq!(note_text(&app), "第X一行内容\nabY");
    // Up on the first line goes to its start, Down on the last to its end.
    press(&mut app, &["Up", "Up"]);
    type_text(&mut app, "Z");
    press(&mut app, &["Down", "Down"]);
    type_text(&mut app, "!");
    assert_eq!(note_text(&app), "Z第X一行内容\nabY!");
    assert_eq!(app.mode(), Mode::Note, "Up and Down keep the note open");
}

#[test]
fn up_and_down_still_change_fields_in_the_form_of_one_line_fields() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["e"]);
    let focus = |app: &App| match &app.popup {
        Some(Popup::Form(f)) => f.focus,
        _ => usize::MAX,
    };
    assert_eq!(focus(&app), 0);
    press(&mut app, &["Down"]);
    assert_eq!(focus(&app), 1);
    // From the deadline (one line) Down and Up go to the category and back.
    press(&mut app, &["Tab", "Tab", "Tab"]);
    assert_eq!((focus(&app), app.mode()), (4, Mode::Form));
    press(&mut app, &["Down"]);
    assert_eq!(focus(&app), 5);
    press(&mut app, &["Up"]);
    assert_eq!(focus(&app), 4);
}

#[test]
fn the_editor_key_shows_in_the_dialogs_and_in_help() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    press(&mut app, &["p"]);
    let s = shot(&mut app, 80, 24);
    assert!(s.contains("Ctrl-E 编辑器"), "{s}");
    press(&mut app, &["Esc", "e"]);
    let s = shot(&mut app, 80, 24);
    assert!(s.contains("Ctrl-E 编辑器"), "{s}");
    for mode in [Mode::Note, Mode::Form] {
        let rows = ducha::ui::help_rows(&app.keys, mode, Lang::Zh, false);
        assert!(
            rows.contains(&("Ctrl-E".into(), "在编辑器中编辑（$VISUAL、$EDITOR）")),
            "{rows:?}"
        );
    }
    let rows = ducha::ui::help_rows(&app.keys, Mode::Note, Lang::En, false);
    assert!(
        rows.contains(&("↑".into(), "line above (same column)")),
        "{rows:?}"
    );
    assert!(
        rows.contains(&("↓".into(), "line below (same column)")),
        "{rows:?}"
    );
}

#[test]
fn a_card_title_never_starts_its_second_line_with_a_comma() {
    let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
    let i = app.board.task_index("S10").unwrap();
    // Twelve characters fill a card's line at 80 columns; the comma comes right after them.
    std::sync::Arc::make_mut(&mut app.board).tasks[i].title =
        "各单位要高度重视作风建设，认真落实".into();
    app.board_changed();
    let s = shot(&mut app, 80, 24);
    assert!(s.contains("│ 各单位要高度重视作风建  "), "{s}");
    assert!(s.contains("│ 设，认真落实"), "{s}");
    assert!(!s.contains("│ ，"), "{s}");
}
