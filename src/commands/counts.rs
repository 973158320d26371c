//! `gomap-bench counts`: where an op's time goes, on a simulated CPU
//! ([`crate::harness::suites::counts`]): one callgrind process per kernel, each this binary's
//! hidden `kernel` command; the tables on stdout.

use super::{baseline_policy, parse_name, Outcome};
use crate::contenders::single;
use crate::harness::suites::counts::{self, CountsConfig, DEFAULT_MAPS, DEFAULT_OPS};
use crate::results::io;
use crate::vocabulary::Op;
use std::path::PathBuf;
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
    /// Also write the counts as a results file (suite `counts`: one row per map, op, size
    /// and event), for `compare` and `ab --counts`.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Allow `--out` to replace an existing baseline.json.
    #[arg(long)]
    update_baseline: bool,
    /// The counts gate's grid (every op of gomap/generic, gomap/fast64 and hashbrown at
    /// 2^10 and 2^16: about 25 s), instead of --maps, --ops and --sizes-log2.
    #[arg(long, conflicts_with_all = ["maps", "ops"])]
    gate: bool,
}

pub fn run(a: Args) -> Outcome {
    let cfg = if a.gate {
        counts::gate()
    } else {
        CountsConfig {
            maps: a
                .maps
                .unwrap_or_else(|| DEFAULT_MAPS.map(String::from).to_vec()),
            ops: a.ops.unwrap_or_else(|| DEFAULT_OPS.to_vec()),
            sizes_log2: a.sizes_log2,
            jobs: a.jobs,
        }
    };
    let policy = baseline_policy(a.update_baseline);
    if let Some(out) = &a.out {
        io::check_baseline_overwrite(out, policy)?;
    }
    let exe = std::env::current_exe()?;
    let run = counts::run(&cfg, &exe, &super::progress)?;
    print!(
        "{}",
        counts::render(&run.cells, single::reference().name, a.markdown)
    );
    if let Some(out) = &a.out {
        io::write(out, &run.results, policy)?;
        eprintln!("wrote {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}
