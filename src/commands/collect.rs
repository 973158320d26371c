//! `gomap-bench collect`: criterion's output as a results file
//! ([`crate::results::collect`]), to a file or stdout.

use super::{baseline_policy, Outcome};
use crate::harness::measuring::facts;
use crate::results::{collect, io};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value = "target/criterion")]
    criterion_dir: PathBuf,
    /// Write here (default: stdout).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Allow `--out` to replace an existing baseline.json.
    #[arg(long)]
    update_baseline: bool,
}

pub fn run(a: Args) -> Outcome {
    let run = facts::collect(serde_json::json!({
        "command": "collect",
        "criterion_dir": a.criterion_dir.display().to_string(),
    }));
    let (results, skipped) = collect::collect(&a.criterion_dir, run)?;
    for s in &skipped {
        eprintln!("skipped: {s}");
    }
    match &a.out {
        Some(path) => {
            io::write(path, &results, baseline_policy(a.update_baseline))?;
            eprintln!("{} rows -> {}", results.rows.len(), path.display());
        }
        None => println!("{}", serde_json::to_string_pretty(&results)?),
    }
    Ok(ExitCode::SUCCESS)
}
