//! The main job, `gomap-bench run`: a quick but complete pass over every question the tool
//! answers, into one results file, then the plots, then the comparison with the baseline.
//!
//! It chains what the other commands do separately (`locate`, `contention`, `plot`,
//! `compare`) with settings sized for a few minutes on a 2-core machine (`--quick`: under a
//! minute); the full-length version is `scripts/bench.sh` (criterion + contention).

use crate::harness::contention::{self, ContentionConfig};
use crate::harness::locate_suite::{self, LocateConfig};
use crate::results::compare::{self, Options};
use crate::results::io::{self, BaselinePolicy};
use crate::results::schema::Results;
use crate::results::{plots, report, runinfo};
use serde_json::json;
use std::path::{Path, PathBuf};

/// What `run` does and where it writes.
#[derive(Clone, Debug)]
pub struct RunConfig {
    pub quick: bool,
    /// The results file (default `results/latest.json`).
    pub out: PathBuf,
    pub plots_dir: PathBuf,
    pub baseline: PathBuf,
    pub threshold_pct: f64,
    /// Also write the results as the new baseline (the only way `run` replaces it).
    pub update_baseline: bool,
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
            reps: 5,
            secs: 0.05,
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
            secs: 0.3,
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
    cc.validate()?;

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
    });
    let mut run = runinfo::collect(config);
    run.allocator = cont.run.allocator;
    let results = Results::new(run, rows);
    io::write(&cfg.out, &results, BaselinePolicy::Protect)?;
    log(&format!("wrote {}", cfg.out.display()));

    // Compare before replacing the baseline, so that an update still reports the change.
    let (comparison, regressed) = compare_with_baseline(&cfg.baseline, &cfg.out, cfg.threshold_pct);
    if cfg.update_baseline {
        io::write(&cfg.baseline, &results, BaselinePolicy::Replace)?;
        log(&format!(
            "wrote {} (the new baseline)",
            cfg.baseline.display()
        ));
    }

    let plots = plots::render_all(std::slice::from_ref(&results), &cfg.plots_dir)?;
    log(&format!(
        "{} plots in {}",
        plots.len(),
        cfg.plots_dir.display()
    ));
    Ok(RunOutcome {
        results,
        plots,
        comparison,
        regressed,
    })
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
