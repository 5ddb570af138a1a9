//! Questions that need an answer: delete, quit, dropped comments, a conflict on save, a recovery file.

use super::popup::{Confirm, Popup};
use super::{App, Effect, Key, LineEdit};

impl App {
    pub(super) fn confirm_key(&mut self, c: Confirm, key: Key) -> Vec<Effect> {
        let lang = self.lang();
        let yes = matches!(key, Key::Char('y') | Key::Char('Y'));
        match c {
            Confirm::Delete(i) if yes => {
                self.message = Some(format!(
                    "{} {}",
                    self.board.tasks[i].id,
                    lang.pick("已删除（u 可撤销）", "deleted (u to undo)")
                ));
                return self.remove_logged(i);
            }
            Confirm::Notices(units) if yes => return self.issue_notices(&units),
            Confirm::Quit => match key {
                Key::Char('s') | Key::Char('S') => {
                    return self.save_then(true);
                }
                Key::Char('y') | Key::Char('Y') | Key::Char('q') => {
                    // Leaving without saving on purpose: the changes are discarded, and no
                    // recovery file is left to offer them again.
                    self.quit = true;
                    return vec![Effect::RemoveRecovery, Effect::Quit];
                }
                Key::Esc | Key::Char('n') | Key::Char('N') => {}
                _ => self.popup = Some(Popup::Confirm(Confirm::Quit)),
            },
            Confirm::DropComments if yes => {
                self.has_comments = false;
                return self.save_then(self.quit_after_save);
            }
            Confirm::Conflict => match key {
                Key::Char('a') | Key::Char('A') => {
                    let stem = self
                        .path
                        .as_ref()
                        .and_then(|p| p.file_stem())
                        .map(|s| s.to_string_lossy().to_string())
                        .unwrap_or_else(|| "board".into());
                    let user: String = self
                        .opts
                        .user
                        .chars()
                        .filter(|c| c.is_alphanumeric())
                        .collect();
                    self.popup = Some(Popup::SaveAs(LineEdit::new(&format!("{stem}.{user}.yaml"))));
                }
                Key::Char('r') | Key::Char('R') => return vec![Effect::ReloadKeepingCopy],
                Key::Esc | Key::Char('n') => {}
                _ => self.popup = Some(Popup::Confirm(Confirm::Conflict)),
            },
            Confirm::Restore(board, base, source) => match key {
                Key::Char('d') | Key::Char('D') => {
                    self.message = Some(
                        lang.pick("已丢弃恢复文件", "recovery file discarded")
                            .into(),
                    );
                    return vec![Effect::DropRecovery(source)];
                }
                Key::Char('r') | Key::Char('R') | Key::Esc | Key::Enter => {
                    // Made on top of another version of the file: saving then goes through the
                    // conflict question instead of overwriting what someone else saved.
                    if base != self.disk {
                        self.disk = base;
                        // The board it was made from is not kept: a save must not merge against
                        // the wrong one, so it refuses a changed file instead.
                        self.base = None;
                    }
                    self.board = *board;
                    self.recovery.restart();
                    self.undo.clear();
                    self.redo.clear();
                    self.clean = u64::MAX;
                    self.board_changed();
                    self.message = Some(
                        lang.pick(
                            "已恢复未保存的修改，按 s 保存",
                            "unsaved changes restored; press s to save",
                        )
                        .into(),
                    );
                    // This session's own file takes over before the ended session's goes.
                    return vec![Effect::WriteRecovery, Effect::DropRecovery(source)];
                }
                _ => self.popup = Some(Popup::Confirm(Confirm::Restore(board, base, source))),
            },
            other => {
                if !matches!(key, Key::Esc | Key::Char('n') | Key::Char('N')) {
                    self.popup = Some(Popup::Confirm(other));
                }
            }
        }
        Vec::new()
    }
}
