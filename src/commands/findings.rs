//! `gomap-bench findings FILE`: the findings tables of a results file
//! ([`crate::results::findings`]), as `run` prints them.

use super::Outcome;
use crate::results::plots::sources::run_line;
use crate::results::{findings, io};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// A results file, e.g. results/reference/baseline.json.
    file: PathBuf,
}

pub fn run(a: Args) -> Outcome {
    let results = io::read(&a.file)?;
    // Every table says where it was measured: date, machine, build.
    println!("{}: {}\n", a.file.display(), run_line(&results.run));
    println!("{}", findings::findings(&results.rows));
    Ok(ExitCode::SUCCESS)
}
