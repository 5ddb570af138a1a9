use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    ducha::cli::pipe::die_on_broken_pipe();
    ducha::cli::run(ducha::cli::Cli::parse())
}
