//! `gomap-bench report`: one self-contained HTML page of results files
//! ([`crate::results::html`]), answers first; with `--baseline`, `compare`'s verdicts of the
//! last file against it under the answers. Its path on stdout; exit 0 even on a regression
//! (the page is for reading: `compare` is the gate).

use super::Outcome;
use crate::results::{compare, html};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Results files; rows of later files replace rows of earlier ones.
    #[arg(required = true)]
    results: Vec<PathBuf>,
    /// The HTML file to write (atomically; git-ignored by default: the committed
    /// `results/report.html` is rewritten only when named, as `scripts/plot.sh` does).
    #[arg(long, default_value = "results/local/report.html")]
    out: PathBuf,
    /// Judge the last results file against this one, as `gomap-bench compare BASELINE LAST`
    /// does, and show the verdicts under the answers (regressions first).
    #[arg(long, value_name = "BASELINE.json")]
    baseline: Option<PathBuf>,
    /// With --baseline: ratio changes within this many percent are `unchanged` (`5%` or `5`).
    #[arg(long, default_value = "5%", requires = "baseline")]
    threshold: String,
    /// With --baseline: compare runs from different machines anyway.
    #[arg(long, requires = "baseline")]
    cross_machine: bool,
}

pub fn run(a: Args) -> Outcome {
    let verdicts = match &a.baseline {
        None => None,
        Some(b) => {
            let opts = compare::Options {
                threshold_pct: compare::parse_threshold(&a.threshold)?,
                cross_machine: a.cross_machine,
                ..compare::Options::default()
            };
            let last = a.results.last().expect("clap requires one file at least");
            Some(html::Verdicts::Baseline {
                baseline: b.display().to_string(),
                comparison: compare::compare_files(b, last, &opts)?,
            })
        }
    };
    html::write_report_with(&a.results, &a.out, verdicts.as_ref())?;
    println!("{}", a.out.display());
    Ok(ExitCode::SUCCESS)
}
