//! `gomap-bench stream`: one thread's contention op stream as text
//! ([`crate::harness::workloads::stream`]), for the Go anchor's cross-check.

use super::{emit, Outcome};
use crate::harness::workloads::stream;
use crate::vocabulary::{Dist, Workload};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value = "read-heavy")]
    workload: String,
    #[arg(long, default_value = "zipf")]
    dist: String,
    /// Prefilled entries.
    #[arg(long, default_value_t = 65536)]
    size: u64,
    #[arg(long, default_value_t = 0)]
    thread: u32,
    #[arg(long, default_value_t = 1000)]
    ops: u64,
    /// Write here (default: stdout).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(a: Args) -> Outcome {
    let workload: Workload = a.workload.parse()?;
    let dist: Dist = a.dist.parse()?;
    stream::check(workload, a.size, a.thread, a.ops)?;
    let text = stream::render(workload, dist, a.size, a.thread, a.ops);
    emit(&text, a.out.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
