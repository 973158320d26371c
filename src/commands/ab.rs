//! `gomap-bench ab BASE HEAD`: two builds measured alternately in one sitting
//! ([`crate::ab`]), rendered as `compare` renders; exit 0 no regression, 1 regression, 2 bad
//! input.

use super::{emit, parse_name, Outcome};
use crate::ab;
use crate::results::{compare, report};
use crate::vocabulary::Suite;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The old build: a gomap-bench binary or a git revision (built under target/ab/).
    base: String,
    /// The new build: a gomap-bench binary or a git revision.
    head: String,
    /// The main job's --quick groups: under a couple of minutes.
    #[arg(long)]
    quick: bool,
    /// Only these suites (locate, probe, ops, contention).
    #[arg(long, value_delimiter = ',', value_parser = parse_name::<Suite>)]
    suite: Vec<Suite>,
    /// Only these maps (registry names, single-thread or concurrent).
    #[arg(long, value_delimiter = ',')]
    maps: Vec<String>,
    /// The smallest HEAD ÷ BASE change that counts (`2%` or `2`).
    #[arg(long, default_value = "2%")]
    min_effect: String,
    /// table, markdown, json, gab or gab-bigger, as `compare`.
    #[arg(long, default_value = "table", value_parser = parse_name::<report::Format>)]
    format: report::Format,
    /// Write the report to FILE instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(a: Args) -> Outcome {
    ab::check_maps(&a.maps)?;
    let cfg = ab::AbConfig {
        base: a.base,
        head: a.head,
        quick: a.quick,
        suites: a.suite,
        maps: a.maps,
        min_effect_pct: compare::parse_threshold(&a.min_effect)?,
    };
    let outcome = ab::run(&cfg, &mut super::progress)?;
    let cmp = &outcome.comparison;
    emit(&report::render(cmp, a.format), a.out.as_deref())?;
    if a.out.is_some() || !a.format.is_for_people() {
        eprintln!("{}", cmp.summary()); // machine formats keep stdout pure
    }
    Ok(ExitCode::from(u8::from(cmp.has_regression())))
}
