//! `gomap-bench ab BASE HEAD`: two builds measured alternately in one sitting
//! ([`crate::ab`]), rendered as `compare` renders (and with `--html`, as the report's
//! verdicts section renders them); exit 0 no regression, 1 regression, 2 bad input.

use super::{emit, parse_name, Outcome};
use crate::ab;
use crate::harness::suites::counts;
use crate::results::compare::{self, Comparison};
use crate::results::{counted, html, io, report};
use crate::vocabulary::Suite;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The old build: a gomap-bench binary, a git revision (its committed files, built under
    /// target/ab/), or WORKTREE: the working tree as it is, uncommitted edits included.
    base: String,
    /// The new build: a gomap-bench binary, a git revision, or WORKTREE.
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
    /// table, markdown, json, gab, gab-bigger or bmf, as `compare`.
    #[arg(long, default_value = "table", value_parser = parse_name::<report::Format>)]
    format: report::Format,
    /// Write the report to FILE instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Also write the verdicts as one self-contained HTML page (the HTML report's verdicts
    /// section: regressions first).
    #[arg(long, value_name = "FILE.html")]
    html: Option<PathBuf>,
    /// Count instead of timing: both builds count the counts gate's grid (or `--maps`) on
    /// valgrind's simulated CPU, judged exactly (instructions, branches) and within a
    /// calibrated band (cache misses, mispredicts): did my change add work?
    #[arg(long, conflicts_with_all = ["quick", "suite", "min_effect"])]
    counts: bool,
}

pub fn run(a: Args) -> Outcome {
    if a.counts {
        return run_counts(a);
    }
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
    answer(
        &outcome.comparison,
        a.format,
        a.out.as_deref(),
        a.html.as_deref(),
    )
}

/// `ab --counts`: the counts gate's grid, or its maps narrowed by `--maps`.
fn run_counts(a: Args) -> Outcome {
    let mut grid = counts::gate();
    if !a.maps.is_empty() {
        grid.maps = a.maps;
    }
    let cmp = ab::counts::run(
        &a.base,
        &a.head,
        &grid,
        counted::Thresholds::default(),
        &mut super::progress,
    )?;
    answer(&cmp, a.format, a.out.as_deref(), a.html.as_deref())
}

/// The verdicts in `format` (to `out` or stdout) and as a page (to `page_to`), the summary on
/// stderr for machine formats, and the exit status: 1 on a regression.
fn answer(
    cmp: &Comparison,
    format: report::Format,
    out: Option<&Path>,
    page_to: Option<&Path>,
) -> Outcome {
    emit(&report::render(cmp, format), out)?;
    if let Some(path) = page_to {
        let page = html::verdicts_page(&html::Verdicts::Ab {
            comparison: cmp.clone(),
        });
        io::write_atomic(path, page.as_bytes())?;
    }
    if out.is_some() || !format.is_for_people() {
        eprintln!("{}", cmp.summary()); // machine formats keep stdout pure
    }
    Ok(ExitCode::from(u8::from(cmp.has_regression())))
}
