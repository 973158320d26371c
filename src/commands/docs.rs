//! `gomap-bench docs [--check]`: regenerates every generated block of the README and the
//! docs from the committed results ([`crate::results::generated`]), or, with `--check`,
//! says which blocks differ from what the committed data produce and exits 1.
//!
//! The documents are the README, `results/README.md` and every `docs/*.md`, found from the
//! repository root (`--root`, default the current directory). A block whose source file is
//! missing is an error naming both.

use super::Outcome;
use crate::results::generated::tree::regenerate_tree;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Do not write: list the stale blocks and exit 1 if there is any.
    #[arg(long)]
    check: bool,
    /// The repository root.
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

pub fn run(a: Args) -> Outcome {
    let stale = regenerate_tree(&a.root, a.check)?;
    for s in &stale {
        println!(
            "{}: {} {}",
            s.document.display(),
            if a.check { "stale" } else { "regenerated" },
            s.blocks.join(", ")
        );
    }
    if a.check && !stale.is_empty() {
        eprintln!("generated blocks differ from the committed results: run `gomap-bench docs`");
        return Ok(ExitCode::from(1));
    }
    if stale.is_empty() {
        println!("every generated block is up to date");
    }
    Ok(ExitCode::SUCCESS)
}
