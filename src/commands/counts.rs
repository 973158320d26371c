//! `gomap-bench counts`: where an op's time goes, on a simulated CPU
//! ([`crate::harness::suites::counts`]): one callgrind process per kernel, each this binary's
//! hidden `kernel` command; the tables on stdout.

use super::{parse_name, Outcome};
use crate::contenders::single;
use crate::harness::suites::counts::{self, CountsConfig, DEFAULT_MAPS, DEFAULT_OPS};
use crate::vocabulary::Op;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Maps of the ops suite (default: gomap/generic, gomap/fast64, hashbrown).
    #[arg(long, value_delimiter = ',')]
    maps: Option<Vec<String>>,
    /// Operations (default: insert_presized, insert_grow, remove).
    #[arg(long, value_delimiter = ',', value_parser = parse_name::<Op>)]
    ops: Option<Vec<Op>>,
    /// Map sizes as log2 (default 10,16,20; 2^20 takes a minute a kernel).
    #[arg(long, value_delimiter = ',', default_value = "10,16,20")]
    sizes_log2: Vec<u32>,
    /// Kernels counted at once.
    #[arg(long, default_value_t = 2)]
    jobs: usize,
    /// A markdown table (for the README) instead of text.
    #[arg(long)]
    markdown: bool,
}

pub fn run(a: Args) -> Outcome {
    let cfg = CountsConfig {
        maps: a
            .maps
            .unwrap_or_else(|| DEFAULT_MAPS.map(String::from).to_vec()),
        ops: a.ops.unwrap_or_else(|| DEFAULT_OPS.to_vec()),
        sizes_log2: a.sizes_log2,
        jobs: a.jobs,
    };
    let maps = cfg.validate()?;
    let exe = std::env::current_exe()?;
    let cells = counts::count_grid(
        &exe,
        &maps,
        &cfg.ops,
        &cfg.sizes_log2,
        cfg.jobs,
        &super::progress,
    )?;
    print!(
        "{}",
        counts::render(&cells, single::reference().name, a.markdown)
    );
    Ok(ExitCode::SUCCESS)
}
