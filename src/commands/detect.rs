//! `gomap-bench detect`: Go's racy detection programs against gomap-failfast
//! ([`crate::harness::checks::detect`]): rates, into a results file of their own.

use super::Outcome;
use crate::harness::checks::detect::{self, DetectConfig};
use crate::harness::measuring::facts;
use crate::results::io;
use crate::results::schema::Results;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Runs per program (default 300; --quick 20).
    #[arg(long)]
    runs: Option<u32>,
    /// Programs: same-keys, same-keys-grow, writer-reader, disjoint-keys (default: all).
    #[arg(long, default_value = "all")]
    programs: String,
    /// 20 runs per program: a few seconds.
    #[arg(long)]
    quick: bool,
    /// Results file (its own file: the baseline never holds rates). Git-ignored by default:
    /// the committed `results/detection-rust.json` is replaced only when named, as
    /// `scripts/go-anchor.sh` does.
    #[arg(long, default_value = "results/local/detection-rust.json")]
    out: PathBuf,
}

pub fn run(a: Args) -> Outcome {
    let mut cfg = if a.quick {
        DetectConfig::quick()
    } else {
        DetectConfig::default()
    };
    cfg.runs = a.runs.unwrap_or(cfg.runs);
    cfg.programs = detect::parse_programs(&a.programs)?;
    cfg.validate()?;
    // Rates are never a baseline, so there is no flag to replace one.
    let policy = io::BaselinePolicy::Protect;
    io::check_baseline_overwrite(&a.out, policy)?;
    let rows = detect::run(&cfg, &mut super::progress);
    let results = Results::new(facts::collect(serde_json::to_value(&cfg)?), rows);
    io::write(&a.out, &results, policy)?;
    eprintln!("wrote {}", a.out.display());
    Ok(ExitCode::SUCCESS)
}
