//! `gomap-bench compare BASELINE CURRENT`: two results files judged row by row
//! ([`crate::results::compare`]), rendered in one of the report formats; exit 0 no
//! regression, 1 regression, 2 bad input.

use super::{emit, parse_name, Outcome};
use crate::results::{compare, counted, report};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The baseline results file (e.g. results/reference/baseline.json).
    baseline: PathBuf,
    /// The results file to judge (e.g. results/local/latest.json).
    current: PathBuf,
    /// Changes within this many percent are `unchanged` (`5%` or `5`).
    #[arg(long, default_value = "5%")]
    threshold: String,
    /// table, markdown, json, gab (github-action-benchmark customSmallerIsBetter: the ns/op
    /// rows), gab-bigger (customBiggerIsBetter: the Mops/s rows) or bmf (Bencher's metric
    /// format: every row).
    #[arg(long, default_value = "table", value_parser = parse_name::<report::Format>)]
    format: report::Format,
    /// Compare runs from different machines anyway.
    #[arg(long)]
    cross_machine: bool,
    /// Counts rows (suite `counts`): instructions and branches changed by more than this
    /// are regressed or improved (they repeat exactly).
    #[arg(long, default_value = "0.1%")]
    counts_threshold: String,
    /// Counts rows: the threshold of the simulated events (mispredicts, cache misses), which
    /// move a little with where the allocator put the data.
    #[arg(long, default_value = "5%")]
    counts_simulated_threshold: String,
    /// Write the report to FILE instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(a: Args) -> Outcome {
    let opts = compare::Options {
        threshold_pct: compare::parse_threshold(&a.threshold)?,
        cross_machine: a.cross_machine,
        counts: counted::Thresholds {
            exact_pct: compare::parse_threshold(&a.counts_threshold)?,
            simulated_pct: compare::parse_threshold(&a.counts_simulated_threshold)?,
        },
    };
    let cmp = compare::compare_files(&a.baseline, &a.current, &opts)?;
    emit(&report::render(&cmp, a.format), a.out.as_deref())?;
    if a.out.is_some() || !a.format.is_for_people() {
        eprintln!("{}", cmp.summary()); // machine formats keep stdout pure
    }
    Ok(ExitCode::from(u8::from(cmp.has_regression())))
}
