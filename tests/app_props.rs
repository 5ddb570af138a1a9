//! Random key sequences never panic and never leave an invalid board.

mod common;

use common::*;
use ducha::model::validate::{validate, Severity};
use proptest::prelude::*;

/// Keys worth pressing: every board key, editing keys, and text (Chinese included).
const KEYS: &[&str] = &[
    "h", "j", "k", "l", "Left", "Right", "Up", "Down", "PgUp", "PgDn", "g", "G", "Tab", "BackTab",
    "[", "]", "1", "3", "9", ">", "<", "L", "H", "S-Right", "Enter", "e", "n", "d", "p", "x", "/",
    "f", "v", "u", "C-r", "U", "?", "Esc", "y", "a", "r", "Bs", "Home", "End", "C-u", "C-s", "2",
    "0", "-", "作", "风", " ", "q",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_keep_the_board_valid(seq in proptest::collection::vec(0..KEYS.len(), 0..120)) {
        let mut app = open_sample("zhucheng-2017.yaml", "2017-07-10");
        let original = app.board.tasks.clone();
        for &k in &seq {
            press(&mut app, &[KEYS[k]]);
            // The screen draws at the smallest supported size after every key.
            let s = screen(&mut app, 60, 16);
            prop_assert!(!s.contains("<<OVERLAP>>"));
            if app.quit {
                break;
            }
        }
        let errors: Vec<_> = validate(&app.board).into_iter().filter(|d| d.severity == Severity::Error).collect();
        prop_assert!(errors.is_empty(), "{errors:?}");
        // Undoing everything gives back the board as it was opened.
        app.popup = None;
        app.searching = None;
        while !app.undo.is_empty() {
            ducha::tui::handle(&mut app, ducha::app::Action::Undo);
        }
        prop_assert_eq!(&app.board.tasks, &original);
    }
}
