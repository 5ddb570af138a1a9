use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    ducha::cli::run(ducha::cli::Cli::parse())
}
