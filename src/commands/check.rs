//! `gomap-bench check`: threads writing the same keys, checked rather than timed
//! ([`crate::harness::checks::check`]); the report on stdout, exit 1 on a wrong answer.

use super::Outcome;
use crate::harness::checks::check::{self, CheckConfig};
use crate::harness::suites::contention;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Maps, e.g. gomap-sharded,dashmap (default: all registered).
    #[arg(long)]
    maps: Option<String>,
    /// Threads of the linearizability runs (default 2).
    #[arg(long)]
    threads: Option<u32>,
    /// Hot keys of the linearizability runs (default 4).
    #[arg(long)]
    hot_keys: Option<u64>,
    /// Ops each thread records per run (default 400).
    #[arg(long)]
    ops: Option<u64>,
    /// Recorded runs per map (default 50; --quick 10).
    #[arg(long)]
    runs: Option<u32>,
    /// Runs of the two-writers program per map (default 100; --quick 20).
    #[arg(long)]
    two_writers_runs: Option<u32>,
    /// Interleaved rounds of the ledger-cost measurement; 0 skips it (default 30).
    #[arg(long)]
    ledger_rounds: Option<u32>,
    /// Fewer runs: seconds in all.
    #[arg(long)]
    quick: bool,
}

pub fn run(a: Args) -> Outcome {
    let mut cfg = if a.quick {
        CheckConfig::quick()
    } else {
        CheckConfig::default()
    };
    if let Some(m) = &a.maps {
        cfg.maps = contention::parse_maps(m)?;
    }
    cfg.threads = a.threads.unwrap_or(cfg.threads);
    cfg.hot_keys = a.hot_keys.unwrap_or(cfg.hot_keys);
    cfg.ops = a.ops.unwrap_or(cfg.ops);
    cfg.runs = a.runs.unwrap_or(cfg.runs);
    cfg.two_writers_runs = a.two_writers_runs.unwrap_or(cfg.two_writers_runs);
    cfg.ledger_rounds = a.ledger_rounds.unwrap_or(cfg.ledger_rounds);
    let report = check::run(&cfg, &mut super::progress)?;
    print!("{report}");
    // A wrong answer is exit 1, as a regression is for `compare`.
    Ok(ExitCode::from(u8::from(report.failed())))
}
