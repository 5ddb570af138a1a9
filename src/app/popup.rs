//! What is open over the board, and the one place keys reach it: each popup is a small state
//! machine with its own handler (one file each), which changes itself and answers with a
//! [`Reply`]; what it asks of the board is a [`Request`] carried out in `requests`.

use super::requests::Request;
use super::{
    Action, App, ClashAsk, Confirm, Details, Effect, ExtendPrompt, FilterMenu, Form, Help, Key,
    LineEdit, NotePrompt, SaveAsPrompt, SincePrompt,
};
use crate::keymap::Mode;

/// What is open over the board.
#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    /// Every field of a task.
    Details(Details),
    /// The keys.
    Help(Help),
    /// The task form.
    Form(Box<Form>),
    /// A question.
    Confirm(Confirm),
    /// A progress note being typed.
    Note(NotePrompt),
    /// A deadline extension being typed.
    Extend(ExtendPrompt),
    /// The filter menu.
    Filter(FilterMenu),
    /// A file name for saving elsewhere.
    SaveAs(SaveAsPrompt),
    /// The date changes are counted from, being typed.
    Since(SincePrompt),
    /// A save met fields that someone else changed differently.
    Clash(Box<ClashAsk>),
}

/// What a popup's handler answers.
pub(super) enum Reply {
    /// Stay open (changed or not).
    Stay,
    /// Close.
    Close,
    /// Give way to another popup.
    Swap(Popup),
    /// Close, and have the app do this.
    Then(Request),
    /// Stay open while the user edits this text in their editor.
    Edit(String),
}

impl Popup {
    /// The mode keys are read in while it is open.
    pub fn mode(&self) -> Mode {
        match self {
            Popup::Details(_) => Mode::Details,
            Popup::Help(_) => Mode::Help,
            Popup::Form(f) => f.mode(),
            Popup::Confirm(c) => c.mode(),
            Popup::Note(_) => Mode::Note,
            Popup::Extend(_) => Mode::Extend,
            Popup::Filter(_) => Mode::Filter,
            Popup::SaveAs(_) => Mode::SaveAs,
            Popup::Since(_) => Mode::Since,
            Popup::Clash(_) => Mode::Clash,
        }
    }

    /// Runs an action of the popup's mode.
    fn handle(&mut self, action: &Action, app: &App) -> Reply {
        match self {
            Popup::Details(d) => d.handle(action, app),
            Popup::Help(h) => h.handle(action, app),
            Popup::Form(f) => f.handle(action, app),
            Popup::Confirm(c) => c.handle(action, app),
            Popup::Note(n) => n.handle(action),
            Popup::Extend(x) => x.handle(action, app),
            Popup::Filter(m) => m.handle(action),
            Popup::SaveAs(s) => s.handle(action),
            Popup::Since(s) => s.handle(action, app),
            Popup::Clash(c) => c.handle(action),
        }
    }

    /// Applies a key of the text input, if the popup has one.
    fn edit(&mut self, key: &Key) {
        match self {
            Popup::Form(f) => f.edit(key),
            Popup::Filter(m) => m.edit(key),
            Popup::Extend(x) => x.edit(key),
            Popup::Since(s) => s.edit(key),
            _ => {
                if let Some(e) = self.input() {
                    e.edit(key);
                }
            }
        }
    }

    /// The text input that typing and pasting go to, if any.
    fn input(&mut self) -> Option<&mut LineEdit> {
        match self {
            Popup::Form(f) => Some(f.input()),
            Popup::Filter(m) => Some(&mut m.choice.filter),
            Popup::Extend(x) => Some(x.input()),
            Popup::Note(n) => Some(&mut n.input),
            Popup::SaveAs(s) => Some(&mut s.input),
            Popup::Since(s) => Some(&mut s.input),
            Popup::Details(_) | Popup::Help(_) | Popup::Confirm(_) | Popup::Clash(_) => None,
        }
    }

    /// Brings a scroll position back to the end the last frame found.
    pub(super) fn clamp_scroll(&mut self, end: u16) {
        match self {
            Popup::Details(d) => d.scroll = d.scroll.min(end),
            Popup::Help(h) => h.scroll = h.scroll.min(end),
            _ => {}
        }
    }
}

impl App {
    /// Runs an action of the open popup; the popup is taken out once and put back only when it
    /// stays open.
    pub(super) fn popup_command(&mut self, action: Action) -> Vec<Effect> {
        let Some(mut popup) = self.popup.take() else {
            return Vec::new();
        };
        match popup.handle(&action, self) {
            Reply::Stay => {
                self.popup = Some(popup);
                Vec::new()
            }
            Reply::Close => Vec::new(),
            Reply::Swap(next) => {
                self.popup = Some(next);
                Vec::new()
            }
            Reply::Then(request) => self.carry_out(request, popup),
            Reply::Edit(text) => {
                self.popup = Some(popup);
                vec![Effect::EditText { text }]
            }
        }
    }

    /// Types a key into the open popup's or the search prompt's text.
    pub(super) fn type_key(&mut self, key: &Key) {
        if let Some(p) = &mut self.popup {
            p.edit(key);
        } else if let Some(e) = &mut self.searching {
            e.edit(key);
            self.refresh();
        }
    }

    /// Pastes text into the open popup's or the search prompt's text.
    pub(super) fn paste(&mut self, text: &str) {
        if let Some(p) = &mut self.popup {
            if let Popup::Note(n) = p {
                // A note keeps the pasted lines; every other field is one line.
                n.input.insert_lines(text);
            } else if let Some(e) = p.input() {
                e.insert(text);
            }
            match p {
                Popup::Form(f) => f.follow(),
                Popup::Filter(m) => m.choice.follow(),
                _ => {}
            }
        } else if let Some(e) = &mut self.searching {
            e.insert(text);
            self.refresh();
        }
    }
}
