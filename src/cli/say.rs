//! The one way the commands print a line: through [`printable`], so that values, keys, file
//! names and user names from outside never reach the terminal as control sequences.

use crate::model::text::{printable, printable_lines};

/// Prints one line on standard output.
pub fn out(line: &str) {
    println!("{}", printable(line));
}

/// Prints one line on standard error.
pub fn err(line: &str) {
    eprintln!("{}", printable(line));
}

/// Prints multi-line text (a report) on standard output, keeping its line breaks.
pub fn text(body: &str) {
    print!("{}", printable_lines(body));
}
