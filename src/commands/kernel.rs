//! `gomap-bench kernel` (hidden): one counted loop of `counts`, run under callgrind
//! ([`crate::harness::suites::counts::run_kernel`]); prints its op count.

use super::{parse_name, Outcome};
use crate::harness::suites::counts;
use crate::vocabulary::Op;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    map: String,
    #[arg(long, value_parser = parse_name::<Op>)]
    op: Op,
    #[arg(long)]
    size_log2: u32,
}

pub fn run(a: Args) -> Outcome {
    let ops = counts::run_kernel(&a.map, a.op, 1usize << a.size_log2.min(30))?;
    println!("{ops}");
    Ok(ExitCode::SUCCESS)
}
