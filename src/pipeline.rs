//! The main job, `gomap-bench run`: a quick but complete pass over every question the tool
//! answers, into one results file, then the plots, then the comparison with the baseline.
//!
//! It chains what the other commands do separately (`locate`, `contention`, `plot`,
//! `compare`) with settings sized for a few minutes on a 2-core machine (`--quick`: under a
//! minute); the full-length version is `scripts/bench.sh` (criterion + contention).

use crate::contenders::single::{best_fast64, identity_of};
use crate::harness::contention::{self, ContentionConfig};
use crate::harness::locate_suite::{self, LocateConfig};
use crate::results::compare::{self, Options};
use crate::results::io::{self, BaselinePolicy};
use crate::results::schema::{Results, Row};
use crate::results::{plots, report, runinfo};
use serde_json::json;
use std::fmt::Write as _;
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

/// The short findings table: single-thread ratios to hashbrown, and the contention
/// headline (sharded GoMap vs dashmap, the harness's own cost).
pub fn findings(rows: &[Row]) -> String {
    let mut out = String::new();
    // `map` is a contender name; single-thread rows are matched on its (map, isa).
    let median = |suite: &str, map: &str, op: &str, size: Option<u64>, threads: u32, dist: &str| {
        let (m, isa) = identity_of(map).unwrap_or((map.to_string(), String::new()));
        rows.iter()
            .find(|r| {
                r.suite == suite
                    && r.map == m
                    && (isa.is_empty() || r.isa == isa)
                    && r.op == op
                    && size.is_none_or(|s| r.size == s)
                    && r.threads == threads
                    && r.dist == dist
                    && r.valid
            })
            .map(|r| r.median)
    };
    let fast = best_fast64();
    let _ = writeln!(out, "single thread, get_hit ns/op (× hashbrown):");
    let mut sizes: Vec<u64> = rows
        .iter()
        .filter(|r| r.suite == "ops")
        .map(|r| r.size)
        .collect();
    sizes.sort_unstable();
    sizes.dedup();
    for n in sizes {
        let hb = median("ops", "hashbrown", "get_hit", Some(n), 1, "-");
        let cell = |m: &str| match (median("ops", m, "get_hit", Some(n), 1, "-"), hb) {
            (Some(x), Some(b)) => format!("{x:.2} ({:.2}×)", x / b),
            _ => "—".into(),
        };
        let _ = writeln!(
            out,
            "  2^{:<2}  {fast} {:<16} gomap/generic {:<16} hashbrown {}",
            n.trailing_zeros(),
            cell(fast),
            cell("gomap/generic"),
            hb.map_or("—".into(), |b| format!("{b:.2}"))
        );
    }
    let _ = writeln!(
        out,
        "contention, Mops/s (gomap-sharded ÷ dashmap), uniform keys:"
    );
    let mut threads: Vec<u32> = rows
        .iter()
        .filter(|r| r.suite == "contention")
        .map(|r| r.threads)
        .collect();
    threads.sort_unstable();
    threads.dedup();
    for w in ["read-heavy", "exchange", "write-heavy"] {
        for &t in &threads {
            let s = median("contention", "gomap-sharded", w, None, t, "uniform");
            let d = median("contention", "dashmap", w, None, t, "uniform");
            if let (Some(s), Some(d)) = (s, d) {
                let _ = writeln!(
                    out,
                    "  {w:<12} {t} thr  sharded {s:8.2}  dashmap {d:8.2}  ratio {:.2}",
                    s / d
                );
            }
        }
    }
    for &t in &threads {
        if let Some(n) = median("contention", "null", "read-heavy", None, t, "uniform") {
            let _ = writeln!(
                out,
                "  harness (null, read-heavy) {t} thr: {:.2} ns/op per thread",
                1e3 * t as f64 / n
            );
        }
    }
    out
}
