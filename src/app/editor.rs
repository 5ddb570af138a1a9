//! Text edited in the user's editor (`Ctrl-E`): what comes back replaces the field's text and
//! the dialog stays open, to be accepted as usual. Running the editor is the event loop's
//! (`Effect::EditText`); this is the app's side of its answer.

use super::{App, EditorFailure, FormField, LineEdit, Message, Popup};

/// The text an editor left, as the field takes it: exactly one line end at the end dropped
/// (editors add one), CRLF and CR line ends as LF, and in a one-line field every line break a
/// space.
pub(super) fn from_editor(raw: &str, lines: bool) -> String {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let text = unified.strip_suffix('\n').unwrap_or(&unified);
    if lines {
        text.to_string()
    } else {
        text.replace('\n', " ")
    }
}

impl App {
    /// Takes the editor's answer: the text into the field it was started from, or why not on
    /// the footer (the text left as it was).
    pub(super) fn text_edited(&mut self, result: Result<String, EditorFailure>) {
        let raw = match result {
            Ok(raw) => raw,
            Err(e) => {
                self.message = Some(Message::EditorFailed(e));
                return;
            }
        };
        if matches!(self.message, Some(Message::EditorFailed(_))) {
            self.message = None;
        }
        match &mut self.popup {
            Some(Popup::Note(n)) => {
                n.input = LineEdit::default();
                n.input.insert_lines(&from_editor(&raw, true));
            }
            Some(Popup::Form(f)) => {
                let focus = f.focus;
                if let Some(FormField::Text(e) | FormField::Date(e)) = f.fields.get_mut(focus) {
                    *e = LineEdit::default();
                    e.insert(&from_editor(&raw, false));
                }
            }
            // The dialog is gone (it cannot close while the editor runs): nothing to fill.
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::from_editor;

    #[test]
    fn one_line_end_goes_and_line_ends_are_unified() {
        assert_eq!(from_editor("甲\n乙\n", true), "甲\n乙");
        assert_eq!(from_editor("甲\r\n乙\r\n", true), "甲\n乙");
        assert_eq!(
            from_editor("甲\n\n", true),
            "甲\n",
            "only one line end goes"
        );
        assert_eq!(from_editor("甲", true), "甲");
        assert_eq!(from_editor("", true), "");
        assert_eq!(from_editor("甲\r\n乙\n", false), "甲 乙");
        assert_eq!(from_editor("标题\n", false), "标题");
    }
}
