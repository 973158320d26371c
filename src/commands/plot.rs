//! `gomap-bench plot`: SVG charts of results files ([`crate::results::plots`]); the files
//! written on stdout, notes on stderr.

use super::Outcome;
use crate::results::plots;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Results files; rows of later files replace rows of earlier ones.
    #[arg(required = true)]
    results: Vec<PathBuf>,
    /// Where the charts go (git-ignored by default; the committed `results/plots/` is
    /// redrawn only when named, as `scripts/plot.sh` does without arguments).
    #[arg(long, default_value = "results/local/plots")]
    out_dir: PathBuf,
}

pub fn run(a: Args) -> Outcome {
    let report = plots::plot_files(&a.results, &a.out_dir)?;
    for n in &report.notes {
        eprintln!("note: {n}");
    }
    for f in &report.files {
        println!("{}", f.display());
    }
    Ok(ExitCode::SUCCESS)
}
