//! `gomap-bench measure` (hidden): one process's share of one pass of the main job into a
//! results file ([`crate::pipeline::measure_part`]): what `run` starts for each process of
//! each pass; not for people.

use super::Outcome;
use crate::harness::measuring::stop;
use crate::pipeline;
use crate::results::io;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    out: PathBuf,
    #[arg(long)]
    quick: bool,
    /// This process's share (0-based) of a run measured in `--parts` processes.
    #[arg(long, default_value_t = 0)]
    part: u32,
    #[arg(long, default_value_t = 1)]
    parts: u32,
    /// Go on from the journal beside `--out`.
    #[arg(long)]
    resume: bool,
    /// Every single-thread group's line (`run --verbose`).
    #[arg(long)]
    verbose: bool,
}

pub fn run(a: Args) -> Outcome {
    let results = pipeline::measure_part(
        &a.out,
        a.quick,
        a.part,
        a.parts,
        a.resume,
        a.verbose,
        &mut super::progress,
    )?;
    io::write(&a.out, &results, io::BaselinePolicy::Protect)?;
    // The journal stays either way: `run` removes it once the whole run is written.
    Ok(match stop::requested().filter(|_| results.run.partial) {
        Some(sig) => ExitCode::from(sig.exit_code()),
        None => ExitCode::SUCCESS,
    })
}
