//! The interactive board's speed on large boards: start to first frame, key to frame, the
//! recovery file written after each change, and the bytes one change sends to the terminal.
//!
//! Targets: a key is answered within 2 ms at 10,000 tasks, and moving a card sends under 2 KB.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ducha::app::{update, Action, App, Effect, Key, Options};
use ducha::model::Lang;
use ducha::tui::WideAware;
use ducha::ui::Theme;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::hint::black_box;
use std::io::Write;
use std::rc::Rc;
use std::time::{Duration, Instant};

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
const THEME: Theme = Theme {
    color: true,
    ascii: false,
};

fn today() -> NaiveDate {
    ducha::cli::gen::default_center()
}

/// A generated board of `n` tasks as file text, so that start-up includes parsing.
fn board_text(n: usize) -> String {
    ducha::store::to_yaml(&ducha::cli::gen::board(
        n,
        1,
        ducha::cli::gen::default_center(),
    ))
}

fn open(text: &str) -> App {
    let Ok(parsed) = ducha::store::parse(text) else {
        panic!("the generated board does not parse");
    };
    let opts = Options {
        today: today(),
        user: "bench".into(),
        lang: Lang::Zh,
        read_only: false,
    };
    let mut app = App::new(parsed.board, None, None, opts);
    update(&mut app, Action::Resize(WIDTH, HEIGHT));
    app
}

/// An app whose selected card can move forward (the first column, 未启动, has cards).
fn app_on_first_column(n: usize) -> App {
    let mut app = open(&board_text(n));
    app.col = 0;
    assert!(app.selected().is_some(), "no card in the first column");
    app
}

fn test_terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap_or_else(|never| match never {})
}

fn draw<B: ratatui::backend::Backend>(terminal: &mut Terminal<B>, app: &App) {
    if terminal.draw(|f| ducha::ui::draw(f, app, &THEME)).is_err() {
        panic!("draw failed");
    }
}

fn start_to_first_frame(c: &mut Criterion) {
    let mut g = c.benchmark_group("start_to_first_frame");
    g.sample_size(10);
    for n in [1_000, 10_000] {
        let text = board_text(n);
        g.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                let app = open(text);
                let mut terminal = test_terminal();
                draw(&mut terminal, &app);
                black_box(terminal);
            })
        });
    }
    g.finish();
}

fn key_to_frame(c: &mut Criterion) {
    let mut g = c.benchmark_group("key_to_frame_10000");

    // Each sample is one key: MoveNext and MovePrev alternate, so the card goes back and forth.
    let mut app = app_on_first_column(10_000);
    let mut terminal = test_terminal();
    draw(&mut terminal, &app);
    let mut keys = 0u64;
    g.bench_function("card_move", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let action = if keys.is_multiple_of(2) {
                    Action::MoveNext
                } else {
                    Action::MovePrev
                };
                keys += 1;
                let start = Instant::now();
                let effects = update(&mut app, action);
                draw(&mut terminal, &app);
                spent += start.elapsed();
                debug_assert_eq!(effects, [Effect::WriteRecovery]);
                if keys.is_multiple_of(2) {
                    // Untimed: without undoing, each move would add a progress entry and an undo
                    // step, and the card's history would grow for as long as the benchmark runs.
                    update(&mut app, Action::Undo);
                    update(&mut app, Action::Undo);
                }
            }
            spent
        })
    });

    // A batch after a meeting: 100 marked cards of the first column move on with one key, each
    // with its own progress entry, then come back with one undo (untimed).
    let mut app = app_on_first_column(10_000);
    let first = app.board.statuses[0].id.clone();
    let marked: std::collections::BTreeSet<ducha::model::Short> = app
        .board
        .tasks
        .iter()
        .filter(|t| t.status == first)
        .take(100)
        .map(|t| t.id.clone())
        .collect();
    assert_eq!(
        marked.len(),
        100,
        "fewer than 100 cards in the first column"
    );
    let mut terminal = test_terminal();
    draw(&mut terminal, &app);
    g.bench_function("bulk_move_100", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                app.marks = marked.clone();
                let start = Instant::now();
                update(&mut app, Action::MoveNext);
                draw(&mut terminal, &app);
                spent += start.elapsed();
                update(&mut app, Action::Undo);
            }
            spent
        })
    });

    let mut app = app_on_first_column(10_000);
    let mut terminal = test_terminal();
    draw(&mut terminal, &app);
    let mut down = true;
    g.bench_function("cursor_move", |b| {
        b.iter(|| {
            update(&mut app, if down { Action::Down } else { Action::Up });
            down = !down;
            draw(&mut terminal, &app);
        })
    });

    let mut app = app_on_first_column(10_000);
    let mut terminal = test_terminal();
    update(&mut app, Action::Search);
    draw(&mut terminal, &app);
    let mut typed = false;
    g.bench_function("search_keystroke", |b| {
        b.iter(|| {
            let key = if typed {
                Key::Backspace
            } else {
                Key::Char('推')
            };
            typed = !typed;
            update(&mut app, Action::Input(key));
            draw(&mut terminal, &app);
        })
    });

    // The overview, scrolled a line at a time: every frame draws the gauges, the changes since
    // the last meeting and the trend.
    let mut app = app_on_first_column(10_000);
    let mut terminal = test_terminal();
    update(&mut app, Action::NextView);
    update(&mut app, Action::NextView);
    draw(&mut terminal, &app);
    let mut down = true;
    g.bench_function("overview_scroll", |b| {
        b.iter(|| {
            update(&mut app, if down { Action::Down } else { Action::Up });
            down = !down;
            draw(&mut terminal, &app);
        })
    });

    // The list of every task, a page at a time: only the rows on screen are built, the sorted
    // and filtered order being kept between keys.
    let mut app = app_on_first_column(10_000);
    let mut terminal = test_terminal();
    for _ in 0..3 {
        update(&mut app, Action::NextView);
    }
    draw(&mut terminal, &app);
    let mut down = true;
    g.bench_function("list_page", |b| {
        b.iter(|| {
            update(
                &mut app,
                if down {
                    Action::PageDown
                } else {
                    Action::PageUp
                },
            );
            down = !down;
            draw(&mut terminal, &app);
        })
    });
    // The one key that sorts all the tasks again: the next sort column.
    g.bench_function("list_sort", |b| {
        b.iter(|| {
            update(&mut app, Action::Sort);
            draw(&mut terminal, &app);
        })
    });
    g.finish();
}

/// The recovery file the real program writes after every change (after drawing the frame).
fn recovery_file(c: &mut Criterion) {
    let mut g = c.benchmark_group("recovery_10000");
    g.sample_size(10);
    let app = app_on_first_column(10_000);
    let Ok(dir) = tempfile::tempdir() else {
        panic!("temporary folder");
    };
    let path = dir.path().join("board.yaml");
    g.bench_function("write_recovery", |b| {
        b.iter(|| {
            if let Err(e) = ducha::store::write_recovery(&path, "bench", 1, &app.board, None) {
                panic!("write_recovery: {e}");
            }
        })
    });
    // What the program now does after a change: append that change to the journal and flush.
    let change = [ducha::model::Change::Set(0, app.board.tasks[0].clone())];
    g.bench_function("append_recovery", |b| {
        b.iter(|| {
            if let Err(e) = ducha::store::append_recovery(&path, "bench", 1, &change) {
                panic!("append_recovery: {e}");
            }
        })
    });
    // The same without the disk, to tell serialising from writing and syncing.
    g.bench_function("to_yaml", |b| {
        b.iter(|| black_box(ducha::store::to_yaml(&app.board)))
    });
    g.finish();
}

/// A terminal's output kept for counting; shared because the backend's own access to its
/// writer is behind an unstable ratatui feature.
#[derive(Clone, Default)]
struct Output(Rc<RefCell<Vec<u8>>>);

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes sent to the terminal for one key after the first frame, through the program's own backend.
fn bytes_for(app: &mut App, action: Action) -> usize {
    let out = Output::default();
    // A fixed viewport, because a full-screen one would ask the real terminal for its size.
    let viewport = Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT));
    let Ok(mut terminal) = Terminal::with_options(
        WideAware(CrosstermBackend::new(out.clone())),
        TerminalOptions { viewport },
    ) else {
        panic!("crossterm terminal over a buffer");
    };
    draw(&mut terminal, app);
    out.0.borrow_mut().clear();
    update(app, action);
    draw(&mut terminal, app);
    let n = out.0.borrow().len();
    n
}

fn bytes_per_key(_: &mut Criterion) {
    let text = board_text(10_000);
    for (name, action) in [
        ("card move (MoveNext)", Action::MoveNext),
        ("cursor move (Down)", Action::Down),
        ("column switch (Right)", Action::Right),
    ] {
        let mut app = open(&text);
        app.col = 0;
        let bytes = bytes_for(&mut app, action);
        println!("bytes to the terminal, {name}, 10,000 tasks at {WIDTH}x{HEIGHT}: {bytes}");
    }
}

criterion_group!(
    benches,
    bytes_per_key,
    start_to_first_frame,
    key_to_frame,
    recovery_file
);
criterion_main!(benches);
