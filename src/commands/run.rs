//! `gomap-bench run`: the main job ([`crate::pipeline`]), its flags, and what it prints: the
//! findings tables and the comparison with the baseline on stdout, progress on stderr (a bar
//! and one short line per suite and process; each group's line with `--verbose`); exit 1 on
//! a regression, 128 + the signal when stopped, 4 when a map hung (`--resume` goes on
//! without its cell).

use super::Outcome;
use crate::pipeline;
use crate::results::{compare, findings};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Small maps and short samples: under a minute.
    #[arg(long)]
    quick: bool,
    /// Results file (never a baseline).
    #[arg(long, default_value = "results/local/latest.json")]
    out: PathBuf,
    #[arg(long, default_value = "results/local/plots")]
    plots_dir: PathBuf,
    /// The HTML report of the run (beside its plots), with its verdicts against the baseline.
    #[arg(long, default_value = "results/local/report.html")]
    report: PathBuf,
    /// Compare with this file instead of this machine's baseline.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Ratio changes within this many percent count as unchanged.
    #[arg(long, default_value = "5%")]
    threshold: String,
    /// Also make this run this machine's baseline (results/local/baseline.json), after
    /// comparing with the old one.
    #[arg(long, conflicts_with = "update_reference")]
    update_baseline: bool,
    /// Also make this run the committed reference run (results/reference/baseline.json: the
    /// README's figures and its machine's baseline), after comparing.
    #[arg(long)]
    update_reference: bool,
    /// With --update-baseline / --update-reference: measure this many times (at least 2)
    /// and record how far the ratios moved between passes, which `compare` counts as noise.
    #[arg(long, default_value_t = pipeline::DEFAULT_CALIBRATION_PASSES)]
    calibration_passes: u32,
    /// Measure each pass in this many processes, each with its share of every group's
    /// blocks, pooled (default 6, one per block; 1 with --quick; at most 32): what a process
    /// draws for its lifetime then shows in the intervals. Past 6, each process adds a block
    /// of 6 rounds: 24 takes ~15 minutes for intervals of about ±4% instead of ±9%.
    #[arg(long)]
    processes: Option<u32>,
    /// Go on from the journals a stopped or killed run left (beside each process's part
    /// file in results/local/): finished blocks of rounds are not measured again.
    #[arg(long)]
    resume: bool,
    /// Print every single-thread group's line as it ends (what `locate` prints), instead of
    /// a progress bar and one line per suite and process.
    #[arg(long)]
    verbose: bool,
}

pub fn run(a: Args) -> Outcome {
    let update = match (a.update_baseline, a.update_reference) {
        (_, true) => pipeline::Update::Reference,
        (true, _) => pipeline::Update::Baseline,
        _ => pipeline::Update::Nothing,
    };
    let cfg = pipeline::RunConfig {
        quick: a.quick,
        out: a.out,
        plots_dir: a.plots_dir,
        report: a.report,
        baseline: a.baseline,
        threshold_pct: compare::parse_threshold(&a.threshold)?,
        update,
        calibration_passes: a.calibration_passes,
        // Each calibration pass and process is this very binary, run again.
        pass_binary: std::env::current_exe().ok(),
        processes: a.processes.unwrap_or(if a.quick {
            1
        } else {
            pipeline::DEFAULT_PROCESSES
        }),
        resume: a.resume,
        verbose: a.verbose,
    };
    let outcome = match pipeline::run(&cfg, &mut super::progress) {
        Err(e) if e.is::<pipeline::Hung>() => {
            eprintln!("gomap-bench: {e}");
            return Ok(ExitCode::from(super::EXIT_HUNG));
        }
        r => r?,
    };
    if let Some(sig) = outcome.stopped {
        eprintln!(
            "stopped by {}: {} is partial; `run --resume` goes on from the journals in {}",
            sig.name(),
            cfg.out.display(),
            pipeline::LOCAL_DIR
        );
        return Ok(ExitCode::from(sig.exit_code()));
    }
    println!("{}", findings::findings(&outcome.results.rows));
    println!("{}", outcome.comparison);
    Ok(ExitCode::from(u8::from(outcome.regressed)))
}
