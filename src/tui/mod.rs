//! The interactive board in the terminal: setup, the event loop, and carrying out effects.

mod backend;
mod editor;
mod effects;
mod loading;
mod picker;
pub mod rollup;
mod snapshot;
mod watch;

pub use backend::WideAware;
pub use watch::FileWatch;
pub mod hangup;
mod term;

pub use effects::{color_wanted, default_user, utf8_locale};

use crate::app::{update, Action, App, Confirm, Effect, Layout, Message, Options, Popup};
use crate::cli::{say, OpenArgs};
use crate::keymap;
use crate::model::validate::has_errors;
use crate::store;
use crate::ui::{self, Theme};
use chrono::NaiveDate;
use crossterm::event::Event;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

/// Translates a terminal event into an action: a key through the key table of the app's mode,
/// else, where text is typed, to the text input.
pub fn to_action(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) => {
            let mode = app.mode();
            app.keys.action(mode, &k).or_else(|| {
                mode.types_text()
                    .then(|| keymap::text_key(&k).map(Action::Input))
                    .flatten()
            })
        }
        Event::Paste(s) => Some(Action::Paste(s)),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}

/// Builds the app for a board file, or explains on stderr why it cannot be opened.
pub fn open_app(path: &Path, args: &OpenArgs, today: NaiveDate) -> Result<App, ExitCode> {
    let (app, snapshot) = open_app_writing(path, args, today)?;
    snapshot.finish();
    Ok(app)
}

/// [`open_app`], with the snapshot of a board just read being written on the other core.
fn open_app_writing(
    path: &Path,
    args: &OpenArgs,
    today: NaiveDate,
) -> Result<(App, snapshot::Writer), ExitCode> {
    let name = path.display().to_string();
    let lang = args.lang.unwrap_or_else(|| store::peek_lang(path));
    let mut meter = loading::Meter::new(name.clone(), lang);
    let loaded = store::load_deferring(path, Some(&mut |done, total| meter.tick(done, total)));
    meter.finish();
    let (loaded, due) = loaded.map_err(|e| {
        say::err(&e.message(lang));
        ExitCode::from(if e.is_unreadable() { 2 } else { 1 })
    })?;
    let parsed = loaded.parsed;
    if has_errors(&parsed.diagnostics) {
        for d in &parsed.diagnostics {
            say::err(&d.render(&name, parsed.board.lang()));
        }
        // The next open (after a fix, or to see the errors again) need not parse these bytes.
        if let Some(due) = due {
            due.write(&parsed.board);
        }
        return Err(ExitCode::from(1));
    }
    // A board this user may only read opens read-only, saying why, rather than failing on save.
    let may_write = store::writable(path);
    let opts = Options {
        today,
        user: args.user.clone().unwrap_or_else(default_user),
        lang: effects::lang_for(args.lang, &parsed.board),
        read_only: args.read_only || !may_write,
    };
    if may_write && !args.read_only {
        // Temporary files of a save that was killed; no save runs while the lock is held.
        if let Ok(_lock) = store::lock(path) {
            store::clean_leftovers(path);
        }
    }
    let board = std::sync::Arc::new(parsed.board);
    let snapshot = snapshot::Writer::start(due, &board);
    let mut app = App::new(board, Some(path.to_path_buf()), Some(loaded.disk), opts);
    app.has_comments = parsed.has_comments;
    if let Some(d) = args.since {
        app.since = d;
    }
    if !may_write && !args.read_only {
        app.message = Some(Message::OpenedReadOnly);
    }
    if !app.opts.read_only {
        match store::pending_recovery(path, &app.opts.user, app.session) {
            Some(store::Pending::Changes(board, base, source)) if *board != *app.board => {
                app.popup = Some(Popup::Confirm(Confirm::Restore(board, base, source)));
            }
            Some(store::Pending::MovedAside(aside)) => {
                app.message = Some(Message::RecoveryMovedAside(aside));
            }
            _ => {}
        }
    }
    Ok((app, snapshot))
}

/// Opens the board (or the picker) full-screen and runs until the user quits.
///
/// With an explicit `--today`, progress entries carry that date (and the real time of day), so a
/// board viewed as of a past date gets a consistent trail.
pub fn run(args: OpenArgs, given_today: Option<NaiveDate>) -> ExitCode {
    run_with(args, given_today, None)
}

/// Opens the board straight into presentation mode; leaving it ends the program.
pub fn present(args: OpenArgs, given_today: Option<NaiveDate>, interval: u64) -> ExitCode {
    let args = OpenArgs {
        read_only: true,
        ..args
    };
    run_with(args, given_today, Some(interval))
}

fn run_with(args: OpenArgs, given_today: Option<NaiveDate>, present: Option<u64>) -> ExitCode {
    // A terminal that closes mid-write is a hangup, handled below, not a reason to die unrestored.
    crate::cli::pipe::ignore_broken_pipe();
    if let Err(e) = hangup::watch() {
        say::err(&format!("signal handler: {e}"));
    }
    let today = crate::cli::today(given_today);
    let theme = Theme {
        color: color_wanted(),
        ascii: args.ascii || !utf8_locale(),
    };
    let (keys, problems) = keymap::config::load();
    let path = match &args.file {
        Some(p) => p.clone(),
        None => match picker::pick(&theme, args.lang, &keys) {
            Ok(Some(p)) => p,
            Ok(None) => return ExitCode::SUCCESS,
            Err(code) => return code,
        },
    };
    let (mut app, mut snapshot) = match open_app_writing(&path, &args, today) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    app.keys = std::sync::Arc::new(keys);
    if let Some(first) = problems.first() {
        // On the footer for as long as the program runs, and on stderr to be read after it.
        let file = keymap::config::shown_path();
        let words = crate::ui::words::keys_problem(first, problems.len(), app.lang(), &file);
        say::err(&words);
        app.warning = Some(Message::Keys(words));
    }
    if let Some(interval) = present {
        app.now = clock(given_today);
        app.start_presenting(interval, true);
    }
    let mut terminal = match term::init() {
        Ok(t) => t,
        Err(e) => {
            say::err(&format!("terminal: {e}"));
            snapshot.finish();
            return ExitCode::from(2);
        }
    };
    let result = event_loop(&mut terminal, &mut app, &theme, given_today, &mut snapshot);
    term::restore();
    match result {
        Err(Stop::Gone) => snapshot.abandon(),
        Err(Stop::Io(_)) if hangup::terminal_gone() => snapshot.abandon(),
        _ => snapshot.finish(),
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Stop::Gone) => hangup::leave(hangup::status(libc::SIGHUP)),
        // A terminal that closes while a frame is written fails the write before the next look
        // for input would notice: that is a hangup too, and the work is in the recovery file.
        Err(Stop::Io(_)) if hangup::terminal_gone() => hangup::leave(hangup::status(libc::SIGHUP)),
        Err(Stop::Io(e)) => {
            say::err(&e.to_string());
            ExitCode::from(1)
        }
    }
}

/// The current time, on the given day when one was given.
pub(crate) fn clock(day: Option<NaiveDate>) -> chrono::DateTime<chrono::FixedOffset> {
    let now = chrono::Local::now().fixed_offset();
    day.and_then(|d| {
        d.and_time(now.time())
            .and_local_timezone(*now.offset())
            .single()
    })
    .unwrap_or(now)
}

/// Why the event loop stopped other than by the user quitting.
enum Stop {
    /// The terminal went away; every change is in the recovery file.
    Gone,
    /// Drawing failed.
    Io(std::io::Error),
}

impl From<hangup::Gone> for Stop {
    fn from(_: hangup::Gone) -> Stop {
        Stop::Gone
    }
}

impl From<std::io::Error> for Stop {
    fn from(e: std::io::Error) -> Stop {
        Stop::Io(e)
    }
}

fn event_loop(
    terminal: &mut term::Term,
    app: &mut App,
    theme: &Theme,
    day: Option<NaiveDate>,
    snapshot: &mut snapshot::Writer,
) -> Result<(), Stop> {
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    app.now = clock(day);
    let mut watch = FileWatch::new(Duration::from_secs(1));
    draw(terminal, app, theme)?;
    snapshot.release();
    loop {
        if app.quit {
            return Ok(());
        }
        // A colleague's save shows within about a second, even while keys keep coming.
        let action = match watch.changed(app) {
            Some(changed) => Some(changed),
            None if app.present.is_some() => {
                match hangup::next_event(Duration::from_millis(500))? {
                    Some(ev) => to_action(app, ev),
                    // Presenting needs a clock.
                    None => Some(Action::Tick),
                }
            }
            None => {
                hangup::next_event(Duration::from_millis(500))?.and_then(|ev| to_action(app, ev))
            }
        };
        let Some(action) = action else { continue };
        // Marked until the recovery file is written, so a hangup never lands between the two.
        let busy = hangup::Busy::start();
        app.now = clock(day);
        let mut recover = perform(app, action, Some(terminal));
        // Keys already waiting (a held key, a paste) are applied before the next frame and write.
        let mut gone = false;
        while !app.quit {
            match hangup::next_event(Duration::ZERO) {
                Ok(Some(ev)) => {
                    if let Some(action) = to_action(app, ev) {
                        recover |= perform(app, action, Some(terminal));
                    }
                }
                Ok(None) => break,
                Err(hangup::Gone) => {
                    gone = true;
                    break;
                }
            }
        }
        // The frame first: writing a large board's recovery file takes longer than drawing it.
        // A failed draw (the terminal gone after a hangup) must not skip the write.
        let drawn = if gone {
            Ok(())
        } else {
            draw(terminal, app, theme)
        };
        if recover {
            effects::run(app, Effect::WriteRecovery);
        }
        drop(busy);
        if gone {
            return Err(Stop::Gone);
        }
        drawn?;
    }
}

/// Draws a frame and tells the app what it drew.
fn draw(terminal: &mut term::Term, app: &mut App, theme: &Theme) -> std::io::Result<()> {
    let mut drawn = Layout::default();
    terminal.draw(|f| drawn = ui::render(f, app, theme))?;
    update(app, Action::Layout(drawn));
    Ok(())
}

/// Applies an action and carries out its effects, except writing the recovery file, which it
/// reports instead (true when the board is left with unsaved changes). The terminal, when
/// there is one, is handed to an editor and taken back.
fn perform(app: &mut App, action: Action, mut terminal: Option<&mut term::Term>) -> bool {
    let mut recover = false;
    let mut pending: std::collections::VecDeque<_> = update(app, action).into();
    while let Some(effect) = pending.pop_front() {
        match effect {
            Effect::EditText { text } => {
                let result = editor::edit(terminal.as_deref_mut(), &text);
                pending.extend(update(app, Action::TextEdited(result)));
                // The window may have been resized while the editor had it.
                if let Some(size) = terminal.as_deref_mut().and_then(|t| t.size().ok()) {
                    pending.extend(update(app, Action::Resize(size.width, size.height)));
                }
            }
            Effect::WriteRecovery => recover = true,
            Effect::RemoveRecovery => {
                recover = false;
                effects::run(app, Effect::RemoveRecovery);
            }
            other => {
                if let Some(next) = effects::run(app, other) {
                    pending.extend(update(app, next));
                }
            }
        }
    }
    recover && app.dirty()
}

/// Applies an action and carries out every effect it asks for, the recovery file included;
/// without a terminal of its own, an editor runs on standard input and output as they are.
pub fn handle(app: &mut App, action: Action) {
    if perform(app, action, None) {
        effects::run(app, Effect::WriteRecovery);
    }
}
