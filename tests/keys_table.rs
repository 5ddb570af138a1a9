//! The key table is what the keys do: every binding of every mode, pressed in that mode,
//! reaches its action and changes something; and no handler in the app matches a key itself.

mod common;

use common::*;
use crossterm::event::Event;
use ducha::app::{
    update, Action, App, ClashAsk, Confirm, Details, ExtendPrompt, FilterMenu, FormField, Help,
    LineEdit, NotePrompt, Popup, SaveAsPrompt, SincePrompt,
};
use ducha::keymap::{event_of, Keymap, Mode};

/// A board where every key has something to do: ten phases (today in the last, so each digit
/// changes phase), columns of eight cards, overdue tasks to chase, a unit with many tasks and
/// a task with a long log to scroll.
fn board_text() -> String {
    let mut s = String::from("title: 按键测试\nlang: zh\nphases:\n");
    for m in 1..=10 {
        s.push_str(&format!(
            "  - {{id: p{m}, name: 第{m}月, start: 2024-{m:02}-01, end: 2024-{m:02}-28}}\n"
        ));
    }
    s.push_str("units:\n  - {id: u1, name: 甲办}\n  - {id: u2, name: 乙办}\n  - {id: u3, name: 丙办}\ntasks:\n");
    for (k, status) in ["todo", "doing", "done"].iter().enumerate() {
        for i in 0..8 {
            let n = k * 8 + i;
            let lead = if n % 3 == 0 { "u2" } else { "u1" };
            s.push_str(&format!(
                "  - {{id: K{n:02}, title: 任务{n}, phase: p10, lead: {lead}, partners: [u2], \
                 deadline: 2024-10-{:02}, status: {status}, category: 督查}}\n",
                i * 3 + 3
            ));
        }
    }
    s.push_str("  - id: K99\n    title: 记录很多的任务\n    phase: p10\n    lead: u1\n");
    s.push_str("    deadline: 2024-10-20\n    status: doing\n    category: 督查\n    progress:\n");
    for d in 1..=12 {
        s.push_str(&format!(
            "      - {{at: 2024-10-{d:02}T09:00:00+08:00, by: 甲, note: 第{d}次进展}}\n"
        ));
    }
    s
}

/// The board view, a page drawn, the selection in the middle of a full column, a filter that
/// hides nothing (so clearing has something to clear).
fn board_app() -> App {
    let mut app = app_from(&board_text(), "2024-10-15");
    app.filters.category = Some("督查".into());
    app.refresh();
    app.col = 1;
    app.rows[1] = 4;
    shot(&mut app, 120, 40);
    app
}

fn with_popup(mut app: App, popup: Popup, size: (u16, u16)) -> App {
    app.popup = Some(popup);
    shot(&mut app, size.0, size.1);
    app
}

fn form_at(field: usize) -> App {
    let mut app = board_app();
    update(&mut app, Action::New);
    if let Some(Popup::Form(f)) = &mut app.popup {
        f.focus = field;
        if let FormField::Pick(c) = &mut f.fields[field] {
            c.highlight = 1;
        }
    }
    app
}

fn clash(app: &App) -> Popup {
    let base = (*app.board).clone();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.tasks[0].title = "我的".into();
    theirs.tasks[0].title = "他人的".into();
    let merged = ducha::model::merge::merge(&base, &mine, &theirs);
    assert_eq!(merged.clashes.len(), 1);
    Popup::Clash(Box::new(ClashAsk {
        merged,
        theirs,
        stamp: ducha::store::DiskStamp::of(b"theirs"),
        at: 0,
        edit: None,
    }))
}

/// The app in `mode`, set up so that each of its keys has something to do.
fn in_mode(mode: Mode) -> App {
    let app = board_app();
    let task = app.selected().expect("a selected task");
    let long = app.board.task_index("K99").expect("K99");
    match mode {
        Mode::Board => app,
        Mode::Units => {
            let mut app = app;
            update(&mut app, Action::NextView);
            let u1 = app.units.rows.iter().position(|u| u.id == "u1").unwrap();
            app.units.row = u1;
            update(&mut app, Action::Details);
            app.units.task_row = 4;
            shot(&mut app, 120, 40);
            app
        }
        Mode::Overview => {
            let mut app = app;
            update(&mut app, Action::NextView);
            update(&mut app, Action::NextView);
            shot(&mut app, 60, 16);
            app.overview_scroll = 3;
            app
        }
        Mode::List => {
            let mut app = app;
            for _ in 0..3 {
                update(&mut app, Action::NextView);
            }
            shot(&mut app, 120, 40);
            app.list.row = 4;
            app
        }
        Mode::Details => with_popup(
            app,
            Popup::Details(Details {
                task: long,
                scroll: 1,
            }),
            (60, 16),
        ),
        Mode::Help => with_popup(
            app,
            Popup::Help(Help {
                scroll: 1,
                from: Mode::Board,
            }),
            (60, 16),
        ),
        Mode::Form => form_at(0),
        Mode::FormList => form_at(2),
        Mode::FormMulti => form_at(3),
        Mode::Note => {
            // Two lines, the caret inside the second, so both Up and Down move it.
            let mut input = LineEdit::new("进展\n情况");
            input.left();
            let p = Popup::Note(NotePrompt {
                task,
                input,
                batch: Vec::new(),
            });
            with_popup(app, p, (80, 24))
        }
        Mode::Extend => {
            let p = Popup::Extend(ExtendPrompt::new(&app.board, task));
            with_popup(app, p, (80, 24))
        }
        Mode::Since => {
            let p = Popup::Since(SincePrompt {
                input: LineEdit::new("2024-10-01"),
                error: None,
            });
            with_popup(app, p, (80, 24))
        }
        Mode::SaveAs => {
            let p = Popup::SaveAs(SaveAsPrompt {
                input: LineEdit::new("copy.yaml"),
            });
            with_popup(app, p, (80, 24))
        }
        Mode::Search => {
            let mut app = app;
            update(&mut app, Action::Search);
            app
        }
        Mode::Filter => {
            let mut menu = FilterMenu::new(&app.board, app.lang());
            menu.choice.highlight = 1;
            with_popup(app, Popup::Filter(menu), (80, 24))
        }
        Mode::Confirm => with_popup(app, Popup::Confirm(Confirm::Delete(task)), (80, 24)),
        Mode::Quit => with_popup(app, Popup::Confirm(Confirm::Quit), (80, 24)),
        Mode::Conflict => with_popup(app, Popup::Confirm(Confirm::Conflict), (80, 24)),
        Mode::Restore => {
            let board = Box::new((*app.board).clone());
            let p = Popup::Confirm(Confirm::Restore(board, None, "x.recovery".into()));
            with_popup(app, p, (80, 24))
        }
        Mode::Clash => {
            let p = clash(&app);
            with_popup(app, p, (80, 24))
        }
        Mode::Present => {
            let mut app = app;
            app.start_presenting(15, false);
            app.present.as_mut().unwrap().slide = 1;
            shot(&mut app, 80, 24);
            app
        }
        Mode::Picker | Mode::Rollup => unreachable!("not a mode of the board"),
    }
}

/// What a key can change, in one comparable piece (the board is compared on its own).
fn state(app: &App) -> String {
    format!(
        "{:?}",
        (
            app.mode(),
            &app.popup,
            &app.searching,
            app.view,
            (app.phase, app.col, &app.rows),
            (
                &app.units.open,
                app.units.row,
                app.units.task_row,
                app.units.sort
            ),
            (app.overview_scroll, &app.list, &app.marks, app.compact),
            &app.filters,
            &app.message,
            app.since,
            &app.present,
            app.quit,
        )
    )
}

#[test]
fn every_binding_of_every_mode_reaches_its_action_and_does_something() {
    let mut checked = 0;
    for mode in Mode::ALL {
        if matches!(mode, Mode::Picker | Mode::Rollup) {
            continue;
        }
        let app = in_mode(mode);
        assert_eq!(app.mode(), mode, "set-up of {mode:?}");
        for entry in app.keys.of(mode) {
            for key in &entry.keys {
                let mut a = app.clone();
                let action = ducha::tui::to_action(&a, Event::Key(event_of(key)));
                assert_eq!(
                    action.as_ref(),
                    Some(&entry.action),
                    "{} {key} in {mode:?}",
                    entry.name
                );
                let (before, board) = (state(&a), a.board.clone());
                let effects = update(&mut a, entry.action.clone());
                let changed = !effects.is_empty() || state(&a) != before || a.board != board;
                assert!(
                    changed,
                    "{}.{} ({key}) changed nothing",
                    mode.name(),
                    entry.name
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "{checked} bindings");
}

#[test]
fn the_picker_and_the_roll_up_read_their_keys_from_the_table() {
    let keys = Keymap::defaults();
    for mode in [Mode::Picker, Mode::Rollup] {
        for e in keys.of(mode) {
            for k in &e.keys {
                assert_eq!(keys.action(mode, &event_of(k)), Some(e.action.clone()));
            }
        }
    }
}

#[test]
fn a_typed_character_in_a_text_field_is_text_not_a_command() {
    for mode in [Mode::Note, Mode::Form, Mode::Search, Mode::Filter] {
        let mut app = in_mode(mode);
        let before = app.mode();
        type_text(&mut app, "qvs?");
        assert_eq!(app.mode(), before, "{mode:?}");
        assert!(!app.quit);
    }
}

/// Every Rust file under a folder of the crate.
fn sources(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut todo = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let name = p.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
                out.push((
                    name.display().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                ));
            }
        }
    }
    out
}

#[test]
fn no_handler_outside_the_key_table_matches_a_key() {
    // The app sees keys only as actions; the text input's own keys are its component's.
    for (name, text) in sources("src/app") {
        if name.ends_with("input.rs") {
            continue;
        }
        for pattern in ["KeyCode", "KeyEvent", "Key::"] {
            assert!(!text.contains(pattern), "{name} matches keys ({pattern})");
        }
    }
    // Nor do the terminal loops (the board's, the picker's, the roll-up's) or the drawing.
    for dir in ["src/tui", "src/ui", "src/cli"] {
        for (name, text) in sources(dir) {
            for pattern in ["KeyCode::", "Key::"] {
                assert!(!text.contains(pattern), "{name} matches keys ({pattern})");
            }
        }
    }
}
