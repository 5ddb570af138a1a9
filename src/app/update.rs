//! The one place the app's state changes: an action in, effects out, no I/O. Commands go to
//! whatever has the keys: the presentation, the open popup, the search prompt, or the view.

use super::{Action, App, Confirm, Effect, Key, Message, Popup, SaveAsPrompt, SaveFailure, View};
use crate::keymap::{event_of, press_of};

/// Applies an action to the app and returns the work the event loop must do.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    // Moving around, the layout and the clock (which only turns slides) change nothing the
    // overview's figures come from; anything else might.
    let moves_only = matches!(
        action,
        Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last
            | Action::Layout(_)
            | Action::Resize(..)
            | Action::Tick
    );
    if !moves_only {
        app.generation += 1;
    }
    let effects = apply(app, action);
    if app.view == View::Overview {
        let (today, since) = (app.opts.today, app.since);
        app.derived
            .refresh(&app.board, app.generation, today, since);
    }
    effects
}

fn apply(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Resize(w, h) => {
            app.size = (w, h);
            Vec::new()
        }
        Action::Layout(layout) => {
            app.drawn(layout);
            Vec::new()
        }
        Action::Saved(path, result) => app.saved(path, result),
        Action::Reloaded(board, disk, has_comments, copy) => {
            app.replace_board(*board, disk, has_comments);
            app.message = Some(Message::Reloaded(copy));
            vec![Effect::RemoveRecovery]
        }
        Action::Paste(text) => {
            app.paste(&text);
            Vec::new()
        }
        Action::Tick => {
            app.tick();
            Vec::new()
        }
        Action::BoardChanged(board, disk, has_comments) => {
            app.board_saved_elsewhere(*board, disk, has_comments)
        }
        Action::TextEdited(result) => {
            app.text_edited(result);
            Vec::new()
        }
        Action::Input(key) => app.input(key),
        command => app.command(command),
    }
}

impl App {
    /// Runs a command in the current mode.
    fn command(&mut self, action: Action) -> Vec<Effect> {
        if self.present.is_some() {
            self.present_command(action)
        } else if self.popup.is_some() {
            self.popup_command(action)
        } else if self.searching.is_some() {
            self.search_command(action)
        } else {
            self.view_command(action)
        }
    }

    /// A key for the text input: one the mode binds runs its command (so a key sent as input
    /// still goes through the table); otherwise it edits the text, if the mode has any.
    fn input(&mut self, key: Key) -> Vec<Effect> {
        let mode = self.mode();
        if let Some(action) = self.keys.action(mode, &event_of(&press_of(&key))) {
            return self.command(action);
        }
        if mode.types_text() {
            self.type_key(&key);
        }
        Vec::new()
    }

    /// Takes the board as just read from disk: nothing unsaved, nothing to undo.
    pub(super) fn replace_board(
        &mut self,
        board: crate::model::Board,
        disk: crate::store::DiskStamp,
        has_comments: bool,
    ) {
        self.board = std::sync::Arc::new(board);
        self.base = Some(std::sync::Arc::clone(&self.board));
        self.recovery.restart();
        self.disk = Some(disk);
        self.has_comments = has_comments;
        self.undo.clear();
        self.redo.clear();
        self.clean = 0;
        self.serial = 0;
        self.board_changed();
    }

    /// Starts a save (which asks back when it could only keep the changes by dropping comments).
    pub(super) fn save_then(&mut self, quit: bool) -> Vec<Effect> {
        self.quit_after_save = quit;
        let Some(path) = self.path.clone() else {
            self.popup = Some(Popup::SaveAs(SaveAsPrompt {
                input: super::LineEdit::new("board.yaml"),
            }));
            return Vec::new();
        };
        vec![Effect::Save {
            path,
            expected: self.disk,
            new_file: false,
        }]
    }

    fn saved(
        &mut self,
        path: std::path::PathBuf,
        result: Result<super::SaveDone, SaveFailure>,
    ) -> Vec<Effect> {
        match result {
            Ok(done) => {
                let moved = self.path.as_ref() != Some(&path);
                self.path = Some(path.clone());
                self.disk = Some(done.stamp);
                self.clean = self.undo.last().map_or(0, |(s, _)| *s);
                self.popup = None;
                self.message = Some(Message::Saved {
                    path,
                    elsewhere: moved,
                });
                if let Some((board, others)) = done.merged {
                    // Indices in the undo history point into the board before the merge.
                    self.board = std::sync::Arc::new(*board);
                    self.recovery.restart();
                    self.undo.clear();
                    self.redo.clear();
                    self.clean = 0;
                    self.serial = 0;
                    self.board_changed();
                    self.message = Some(Message::SavedMerged(others));
                }
                self.base = Some(std::sync::Arc::clone(&self.board));
                let mut effects = vec![Effect::RemoveRecovery];
                if self.quit_after_save {
                    self.quit = true;
                    effects.push(Effect::Quit);
                }
                effects
            }
            Err(SaveFailure::Conflict) => {
                self.quit_after_save = false;
                self.popup = Some(Popup::Confirm(Confirm::Conflict));
                Vec::new()
            }
            Err(SaveFailure::Clashes(ask)) => {
                self.ask_clashes(*ask);
                Vec::new()
            }
            Err(SaveFailure::WouldDropComments) => {
                self.popup = Some(Popup::Confirm(Confirm::DropComments));
                Vec::new()
            }
            Err(SaveFailure::Other(msg)) => {
                self.quit_after_save = false;
                self.message = Some(Message::Text(msg));
                Vec::new()
            }
        }
    }
}
