//! The main job, `gomap-bench run`: a quick but complete pass over every question the tool
//! answers, into one results file, then the plots, then the comparison with the baseline.
//!
//! It chains what the other commands do separately (`locate`, `contention`, `plot`,
//! `compare`) with settings sized for a few minutes on a 2-core machine (`--quick`: under a
//! minute); the full-length version is `scripts/bench.sh` (criterion + contention).
//!
//! A user's run writes under `results/local/` (git-ignored) and is compared with this
//! machine's baseline: the user's own, or the committed reference run when it was measured on
//! this machine. Only `--update-reference` touches the committed files.

use crate::harness::contention::{self, ContentionConfig, DEFAULT_SEED};
use crate::harness::locate_suite::{self, LocateConfig};
use crate::harness::rounds::Plan;
use crate::results::compare::{self, Options};
use crate::results::io::{self, BaselinePolicy};
use crate::results::schema::{Machine, Results};
use crate::results::{plots, report, runinfo};
use serde_json::json;
use std::path::{Path, PathBuf};

/// Where a user's runs go: git-ignored, so running the main job never changes a tracked
/// file.
pub const LOCAL_DIR: &str = "results/local";
/// The user's own baseline (`run --update-baseline`).
pub const LOCAL_BASELINE: &str = "results/local/baseline.json";
/// The committed reference run: the README's figures, and the baseline of the machine it
/// was measured on. Changed only by `run --update-reference`.
pub const REFERENCE_BASELINE: &str = "results/reference/baseline.json";
/// The committed plots of the reference run.
pub const REFERENCE_PLOTS: &str = "results/plots";

/// What `run` replaces when asked to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Update {
    Nothing,
    /// The user's baseline ([`LOCAL_BASELINE`]).
    Baseline,
    /// The committed reference run and its plots ([`REFERENCE_BASELINE`]).
    Reference,
}

/// What `run` does and where it writes.
#[derive(Clone, Debug)]
pub struct RunConfig {
    pub quick: bool,
    /// The results file (default `results/local/latest.json`).
    pub out: PathBuf,
    pub plots_dir: PathBuf,
    /// The baseline to compare with; `None`: this machine's own (see [`find_baseline`]).
    pub baseline: Option<PathBuf>,
    pub threshold_pct: f64,
    pub update: Update,
}

/// The baseline a run on `machine` is compared with: the user's own if it is from this
/// machine, else the committed reference if that is; otherwise a line saying there is none
/// and how to make one.
pub fn find_baseline(machine: &Machine) -> Result<PathBuf, String> {
    let mut seen = Vec::new();
    for path in [LOCAL_BASELINE, REFERENCE_BASELINE] {
        let path = Path::new(path);
        if !path.exists() {
            continue;
        }
        match io::read(path) {
            Ok(b) => match runinfo::machine_difference(&b.run.machine, machine) {
                None => return Ok(path.to_path_buf()),
                Some(diff) => seen.push(format!(
                    "{} is from another machine ({diff})",
                    path.display()
                )),
            },
            Err(e) => seen.push(e.to_string()),
        }
    }
    let why = if seen.is_empty() {
        String::new()
    } else {
        format!(" ({})", seen.join("; "))
    };
    Err(format!(
        "no baseline for this machine ({}, {} cores){why}; `gomap-bench run --update-baseline` makes one at {LOCAL_BASELINE}",
        machine.cpu_model, machine.cores
    ))
}

/// What came of a run.
pub struct RunOutcome {
    pub results: Results,
    pub plots: Vec<PathBuf>,
    /// The comparison report, or why there was none.
    pub comparison: String,
    /// True when the comparison found a regression.
    pub regressed: bool,
}

/// The locate/ops settings of the main job: every operation and map, three sizes.
pub fn locate_config(quick: bool) -> LocateConfig {
    if quick {
        LocateConfig::quick()
    } else {
        LocateConfig {
            sizes: vec![1 << 10, 1 << 16, 1 << 20],
            plan: Plan {
                max_rounds: 30,
                min_rounds: 10,
                group_secs: 3.0,
                seed: DEFAULT_SEED,
                sample_secs: 0.003,
                blocks: 4,
            },
            ..LocateConfig::default_full()
        }
    }
}

/// The contention settings of the main job: every map, workload and distribution at the
/// machine's thread counts, shorter cells than the standalone command.
pub fn contention_config(quick: bool) -> ContentionConfig {
    if quick {
        ContentionConfig {
            quiet: true,
            ..ContentionConfig::quick()
        }
    } else {
        ContentionConfig {
            plan: Plan {
                max_rounds: 30,
                min_rounds: 10,
                group_secs: 3.0,
                seed: DEFAULT_SEED,
                sample_secs: 0.005,
                blocks: 4,
            },
            stream_ops: 1 << 21,
            quiet: true,
            ..ContentionConfig::default()
        }
    }
}

/// Runs everything; `log` receives progress lines.
pub fn run(
    cfg: &RunConfig,
    log: &mut dyn FnMut(&str),
) -> Result<RunOutcome, Box<dyn std::error::Error>> {
    // Refuse up front rather than after minutes of measuring.
    io::check_baseline_overwrite(&cfg.out, BaselinePolicy::Protect)?;
    let lc = locate_config(cfg.quick);
    let cc = contention_config(cfg.quick);
    lc.validate()?;
    cc.validate()?;
    let started = std::time::Instant::now();

    log("== single thread: locate, probe, ops");
    let mut rows = locate_suite::run(&lc, log)?;
    log("== contention");
    let cont = contention::run_contention(&cc)?;
    rows.extend(cont.rows);

    let config = json!({
        "command": "run",
        "quick": cfg.quick,
        "locate": serde_json::to_value(&lc)?,
        "contention": cont.run.config,
        "measuring_secs": started.elapsed().as_secs_f64(),
    });
    let run = runinfo::collect(config);
    let results = Results::new(run, rows);
    io::write(&cfg.out, &results, BaselinePolicy::Protect)?;
    log(&format!("wrote {}", cfg.out.display()));

    // Compare before replacing a baseline, so that an update still reports the change.
    let baseline = match &cfg.baseline {
        Some(p) => Ok(p.clone()),
        None => find_baseline(&results.run.machine),
    };
    let (comparison, regressed) = match baseline {
        Ok(b) => compare_with_baseline(&b, &cfg.out, cfg.threshold_pct),
        Err(line) => (line, false),
    };
    let replaced = match cfg.update {
        Update::Nothing => None,
        Update::Baseline => Some(LOCAL_BASELINE),
        Update::Reference => Some(REFERENCE_BASELINE),
    };
    if let Some(path) = replaced {
        io::write(Path::new(path), &results, BaselinePolicy::Replace)?;
        log(&format!("wrote {path} (the new baseline)"));
    }

    let plots = plots::render_all(std::slice::from_ref(&results), &cfg.plots_dir)?;
    log(&format!(
        "{} plots in {}",
        plots.len(),
        cfg.plots_dir.display()
    ));
    if cfg.update == Update::Reference {
        let files = regenerate_reference_plots()?;
        log(&format!("{} plots in {REFERENCE_PLOTS}", files.len()));
    }
    Ok(RunOutcome {
        results,
        plots,
        comparison,
        regressed,
    })
}

/// The files the committed plots are drawn from: the Go anchor (when present) and the
/// reference run, whose rows win where both have one.
pub fn reference_plot_sources() -> Vec<PathBuf> {
    [GO_ANCHOR, REFERENCE_BASELINE]
        .iter()
        .map(PathBuf::from)
        .filter(|p| p.exists())
        .collect()
}

/// The committed Go anchor's results.
pub const GO_ANCHOR: &str = "results/go-anchor.json";

/// Redraws [`REFERENCE_PLOTS`] from [`reference_plot_sources`], removing charts whose rows
/// are gone (what `scripts/plot.sh` does without arguments).
pub fn regenerate_reference_plots() -> Result<Vec<PathBuf>, crate::results::ResultsError> {
    let dir = Path::new(REFERENCE_PLOTS);
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "svg") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(plots::plot_files(&reference_plot_sources(), dir)?.files)
}

/// The comparison report of `current` (a results file) against `baseline`, or a line saying
/// why there is none.
fn compare_with_baseline(baseline: &Path, current: &Path, threshold_pct: f64) -> (String, bool) {
    if !baseline.exists() {
        return (
            format!("no baseline at {}: nothing to compare", baseline.display()),
            false,
        );
    }
    let opts = Options {
        threshold_pct,
        cross_machine: false,
    };
    match compare::compare_files(baseline, current, &opts) {
        Ok(c) => {
            // The rows that need a look (regressed, invalid), then the counts; the full table
            // is one `gomap-bench compare` away.
            let table = report::render(&c, report::Format::Table);
            let mut text = format!("compared with {}:\n", baseline.display());
            for l in table.lines() {
                if l.starts_with("verdict")
                    || l.starts_with("regressed")
                    || l.starts_with("improved")
                    || l.starts_with("invalid")
                {
                    text.push_str(l);
                    text.push('\n');
                }
            }
            text.push_str(&c.summary());
            text.push('\n');
            (text, c.has_regression())
        }
        Err(e) => (format!("not compared: {e}"), false),
    }
}
