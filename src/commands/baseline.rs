//! `gomap-bench baseline`: the path of this machine's baseline
//! ([`crate::pipeline::find_baseline`]), or one line saying there is none (exit 2).

use super::Outcome;
use crate::harness::measuring::facts;
use crate::pipeline;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_: Args) -> Outcome {
    let path = pipeline::find_baseline(&facts::machine())?;
    println!("{}", path.display());
    Ok(ExitCode::SUCCESS)
}
