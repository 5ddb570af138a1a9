//! The one way the commands print a line: through [`printable`], so that values, keys, file
//! names and user names from outside never reach the terminal as control sequences.

use crate::model::text::{printable, printable_lines};

/// Prints one line on standard output.
pub fn out(line: &str) {
    println!("{}", printable(line));
}

/// Prints one line on standard error; a standard error that is gone (a hung-up terminal) is
/// no reason to fail, so nothing is said then.
pub fn err(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{}", printable(line));
}

/// Prints multi-line text (a report) on standard output, keeping its line breaks.
pub fn text(body: &str) {
    print!("{}", printable_lines(body));
}
