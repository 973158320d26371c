//! `gomap-bench worker` (hidden): one build's side of `ab`, serving the driver's requests
//! on stdin ([`crate::ab::worker`]).

use super::Outcome;
use crate::ab;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_: Args) -> Outcome {
    let stdin = std::io::stdin();
    ab::worker::serve(stdin.lock(), std::io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}
