//! Reminder notices from the board, and the date changes are counted from: `C` issues the
//! notices (written beside the board as Word files) and records their 催办 entries as one
//! change, so one undo takes them all back.

use super::popup::Popup;
use super::{App, Confirm, Edit, Effect, Message, View};
use crate::notice;

impl App {
    /// The units a notice goes to from here: the unit chosen in the by-unit view, else all.
    fn notice_units(&self) -> Vec<String> {
        match (&self.view, &self.units.open) {
            (View::Units, Some(u)) => vec![u.clone()],
            (View::Units, None) => self
                .units
                .rows
                .get(self.units.row)
                .map(|u| vec![u.id.clone()])
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// Asks before issuing the notices, saying to whom; says so when there is nobody to chase.
    pub(super) fn ask_notices(&mut self) {
        let units = self.notice_units();
        let today = self.opts.today;
        let n = notice::notices(&self.board, &units, today, notice::default_reply_by(today));
        if n.is_empty() {
            self.message = Some(Message::NoOneToChase);
            return;
        }
        self.popup = Some(Popup::Confirm(Confirm::Notices(units)));
    }

    /// Where notices issued today are written: a folder beside the board.
    pub fn notice_dir(&self) -> std::path::PathBuf {
        let dir = self
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(|p| p.to_path_buf())
            .unwrap_or_default();
        let name = self.board.lang().pick("催办单", "notices");
        dir.join(format!("{name}-{}", self.opts.today))
    }

    /// Issues the notices: one 催办 entry per task concerned, applied as one change, and the
    /// Word files written beside the board.
    pub(super) fn issue_notices(&mut self, units: &[String]) -> Vec<Effect> {
        let today = self.opts.today;
        let reply_by = notice::default_reply_by(today);
        let notices = notice::notices(&self.board, units, today, reply_by);
        let at = crate::model::Stamp::from_datetime(self.now);
        let entries = notice::chase_entries(&self.board, &notices, &at, &self.opts.user);
        let mut files = Vec::new();
        for n in &notices {
            match notice::docx(&self.board, n) {
                Ok(bytes) => files.push((notice::file_name(&self.board, n, "docx"), bytes)),
                Err(e) => {
                    self.message = Some(Message::Text(e));
                    return Vec::new();
                }
            }
        }
        let edits = entries
            .into_iter()
            .map(|(index, entry)| {
                let before = Box::new(self.board.tasks[index].clone());
                let mut after = before.clone();
                after.progress.push(entry);
                Edit::Replace {
                    index,
                    before,
                    after,
                }
            })
            .collect();
        let mut effects = vec![Effect::WriteFiles {
            dir: self.notice_dir(),
            files,
        }];
        effects.extend(self.apply(Edit::Group(edits)));
        effects
    }
}
