//! `gomap-bench contention`: the concurrent maps under contention
//! ([`crate::harness::suites::contention`]), journaled for `--resume`; a summary on stdout.
//!
//! Its exit status ([`status_of`]): 0 when every cell was measured (a map that answered wrongly
//! is a measured cell, invalid: a finding, as skipmap's at two threads); [`EXIT_CELL_FAILED`]
//! when a map panicked or hung (its row is marked `failure`); [`EXIT_HUNG`](super::EXIT_HUNG) when a map hung in
//! this sitting and stopped it; 128 + the signal when stopped by one; 2 on bad input.

use super::{baseline_policy, Outcome, PlanArgs, EXIT_CELL_FAILED};
use crate::harness::measuring::journal;
use crate::harness::measuring::progress::Detail;
use crate::harness::suites::contention::{self, ContentionConfig};
use crate::results::io;
use crate::results::schema::Results;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Thread counts, e.g. 1,2 (default: 1, 2, 4, … up to the core count).
    #[arg(long)]
    threads: Option<String>,
    /// Workloads: read-heavy, exchange, write-heavy, rapid-grow, shared-write (default: all).
    #[arg(long)]
    workloads: Option<String>,
    /// The hot set of shared-write: every thread reads and writes these keys (default 64).
    #[arg(long)]
    hot_keys: Option<u64>,
    /// Maps, e.g. gomap-sharded,dashmap (default: all registered).
    #[arg(long)]
    maps: Option<String>,
    /// Key distributions of reads and updates: uniform, zipf (default: both).
    #[arg(long)]
    dist: Option<String>,
    /// Prefilled entries (default 65536; --quick 4096).
    #[arg(long)]
    size: Option<u64>,
    #[command(flatten)]
    plan: PlanArgs,
    /// A fixed count of timed ops per thread and sample instead of calibrating.
    #[arg(long)]
    ops: Option<u64>,
    /// Shards of gomap-sharded and dashmap (power of two; default next ≥ 4 × cores).
    #[arg(long)]
    shards: Option<usize>,
    /// Short samples, few rounds, a small map: all maps in under a minute.
    #[arg(long)]
    quick: bool,
    /// Allow more threads than cores.
    #[arg(long)]
    oversubscribe: bool,
    /// Results file (schema v1), written atomically.
    #[arg(long, default_value = "results/local/contention.json")]
    out: PathBuf,
    /// Allow `--out` to replace an existing baseline.json.
    #[arg(long)]
    update_baseline: bool,
    /// No progress output.
    #[arg(long)]
    quiet: bool,
    /// Go on from the journal a stopped or killed run left beside `--out`: its finished
    /// blocks of rounds are not measured again, and a map it says hung is reported failed,
    /// not run again (same configuration and build only).
    #[arg(long)]
    resume: bool,
}

/// The preset (`--quick` or not), with every flag given put over it, checked.
fn config(a: &Args) -> Result<ContentionConfig, Box<dyn std::error::Error>> {
    let mut c = if a.quick {
        ContentionConfig::quick()
    } else {
        ContentionConfig::default()
    };
    if let Some(t) = &a.threads {
        c.threads = contention::parse_threads(t)?;
    }
    if let Some(w) = &a.workloads {
        c.workloads = contention::parse_list(w)?;
    }
    if let Some(m) = &a.maps {
        c.maps = contention::parse_maps(m)?;
    }
    if let Some(d) = &a.dist {
        c.dists = contention::parse_list(d)?;
    }
    c.size = a.size.unwrap_or(c.size);
    c.hot_keys = a.hot_keys.unwrap_or(c.hot_keys);
    a.plan.apply(&mut c.plan);
    c.ops_per_sample = a.ops.or(c.ops_per_sample);
    c.shards = a.shards.or(c.shards);
    c.oversubscribe = a.oversubscribe;
    c.detail = if a.quiet {
        Detail::Quiet
    } else {
        Detail::Lines
    };
    c.validate()?;
    Ok(c)
}

pub fn run(a: Args) -> Outcome {
    let config = config(&a)?;
    let policy = baseline_policy(a.update_baseline);
    io::check_baseline_overwrite(&a.out, policy)?;
    let header = journal::Header::new("contention", config.describe());
    let mut journal = journal::open(&a.out, &header, a.resume, &mut super::progress)?;
    let measured = contention::run_contention_journaled(&config, Some(&mut journal))?;
    print!("{}", contention::summary(&measured.results));
    io::write(&a.out, &measured.results, policy)?;
    println!("results: {}", a.out.display());
    let status = journal::close(journal, measured.stopped, &a.out, &mut super::progress)?;
    Ok(status_of(status, &measured.results).into())
}

/// The exit status of a run that `journal::close` gave `closed` (0, or a signal's): a
/// complete run with a failed cell is [`EXIT_CELL_FAILED`].
pub fn status_of(closed: u8, results: &Results) -> u8 {
    if closed == 0 && contention::any_failed(results) {
        EXIT_CELL_FAILED
    } else {
        closed
    }
}
