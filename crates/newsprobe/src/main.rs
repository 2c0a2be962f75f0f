//! The `newsprobe` command line: a thin layer over the library crates.

mod cli;

use std::process::ExitCode;

use clap::Parser;

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: newsprobe::allocator::MiMalloc = newsprobe::allocator::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsprobe: {e:#}");
            ExitCode::from(1)
        }
    }
}
