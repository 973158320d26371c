//! `gomap-bench report`: one self-contained HTML page of results files
//! ([`crate::results::html`]); its path on stdout.

use super::Outcome;
use crate::results::html;
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
}

pub fn run(a: Args) -> Outcome {
    html::write_report(&a.results, &a.out)?;
    println!("{}", a.out.display());
    Ok(ExitCode::SUCCESS)
}
