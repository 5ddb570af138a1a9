//! `ducha check FILE...`: every problem of every file, in one run.

use super::say;
use crate::model::text::printable_path;
use crate::model::validate::{has_errors, Severity};
use crate::store;
use std::path::PathBuf;
use std::process::ExitCode;

/// "1 error", "2 errors".
fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Checks each file; 0 when all are usable, 1 when any has errors, 2 when any cannot be read.
pub fn run(files: &[PathBuf]) -> ExitCode {
    let mut worst = 0u8;
    for path in files {
        let name = printable_path(path);
        match store::load(path) {
            Err(e) => {
                say::err(&e.message(Default::default()));
                worst = worst.max(if e.is_unreadable() { 2 } else { 1 });
            }
            Ok(loaded) => {
                let p = &loaded.parsed;
                let lang = p.board.lang();
                for d in &p.diagnostics {
                    say::err(&d.render(&name, lang));
                }
                let errors = p
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                let warnings = p.diagnostics.len() - errors;
                if has_errors(&p.diagnostics) {
                    worst = worst.max(1);
                    say::err(&match lang {
                        crate::model::Lang::Zh => {
                            format!("{name}: {errors} 个错误，{warnings} 个警告")
                        }
                        crate::model::Lang::En => format!(
                            "{name}: {}, {}",
                            count(errors, "error"),
                            count(warnings, "warning")
                        ),
                    });
                } else {
                    say::out(&match lang {
                        crate::model::Lang::Zh => format!(
                            "{name}: 通过（{} 项任务，{warnings} 个警告）",
                            p.board.tasks.len()
                        ),
                        crate::model::Lang::En => format!(
                            "{name}: ok ({}, {})",
                            count(p.board.tasks.len(), "task"),
                            count(warnings, "warning")
                        ),
                    });
                }
            }
        }
    }
    ExitCode::from(worst)
}
