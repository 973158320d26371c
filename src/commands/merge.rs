//! `gomap-bench merge`: results files of one machine into one ([`crate::results::merge`]).

use super::{baseline_policy, Outcome};
use crate::results::merge;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Results files, in order: later rows replace earlier rows with the same identity.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Allow `--out` to replace an existing baseline.json.
    #[arg(long)]
    update_baseline: bool,
}

pub fn run(a: Args) -> Outcome {
    let merged = merge::merge_files(&a.inputs, &a.out, baseline_policy(a.update_baseline))?;
    eprintln!("{} rows -> {}", merged.rows.len(), a.out.display());
    Ok(ExitCode::SUCCESS)
}
