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

use crate::harness::measuring::facts;
use crate::harness::measuring::journal::{self, Header, Journal};
use crate::harness::measuring::progress::Detail;
use crate::harness::measuring::{stop, watchdog};
use crate::harness::suites::contention::{self, ContentionConfig};
use crate::harness::suites::locate::{self, LocateConfig};
use crate::harness::suites::plans;
use crate::results::compare::{self, ComparedRow, Options, Verdict};
use crate::results::io::{self, BaselinePolicy};
use crate::results::schema::{Machine, Results};
use crate::results::{calibrate, html, plots, pool, report, runinfo, ResultsError};
use serde_json::json;
use std::path::{Path, PathBuf};

/// Where a user's runs go: git-ignored, so running the main job never changes a tracked
/// file.
pub const LOCAL_DIR: &str = "results/local";
/// The user's own baseline (`run --update-baseline`).
pub const LOCAL_BASELINE: &str = "results/local/baseline.json";
/// The committed reference run: the README's figures, and the baseline of the machine it
/// was measured on. Changed only by `run --update-reference`. (Named once, where the
/// README's generated blocks read it.)
pub use crate::results::generated::blocks::REFERENCE as REFERENCE_BASELINE;
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
    /// The HTML report of the run (default `results/local/report.html`), with the verdicts of
    /// its comparison with the baseline (or why there was none).
    pub report: PathBuf,
    /// The baseline to compare with; `None`: this machine's own (see [`find_baseline`]).
    pub baseline: Option<PathBuf>,
    pub threshold_pct: f64,
    pub update: Update,
    /// Passes of the measurement when a baseline is made (at least 2): the baseline is the
    /// last, calibrated by all of them (see [`crate::results::calibrate`]).
    pub calibration_passes: u32,
    /// A `gomap-bench` binary that runs each calibration pass as a process of its own
    /// (`gomap-bench measure`); `None`: the passes run in this process. A process is what
    /// the next run will be: measured, two passes in one process agree more closely than two
    /// processes do (GoMap remove 2^10 ÷ hashbrown: within 4% over three passes of one
    /// process, 9–13% off in the next process), so in-process passes calibrate too tight.
    pub pass_binary: Option<PathBuf>,
    /// Processes each pass is measured in, each with its share of every group's blocks,
    /// pooled into one document (see [`crate::results::pool`]): a process draws a state that
    /// lasts its lifetime, so a run's intervals see that draw only if it has several.
    pub processes: u32,
    /// Go on from the journals a stopped or killed run left (one per process and pass,
    /// beside its part file): their finished blocks of rounds are not measured again.
    pub resume: bool,
    /// Every single-thread group's line as it ends, as `locate` prints them; otherwise a bar
    /// per suite and one line when it ends ([`Detail::Summary`]), so that the findings are
    /// not buried under a line per group of every process.
    pub verbose: bool,
}

/// The file process `part` (0-based) of pass `pass` writes its share into; its journal is
/// beside it (`harness::measuring::journal::path_for`).
pub fn part_file(pass: u32, part: u32) -> PathBuf {
    Path::new(LOCAL_DIR).join(format!(".pass-{pass}-part-{part}.json"))
}

/// The journal header of process `part` of `parts` (what `measure` writes, and what `run
/// --resume` checks before it starts any).
pub fn part_header(quick: bool, part: u32, parts: u32) -> Header {
    let (lc, cc) = part_configs(quick, part, parts);
    Header::new("measure", measure_config(quick, part, parts, &lc, &cc))
}

/// The configuration a `measure` process journals: the main job's settings and its share.
pub fn measure_config(
    quick: bool,
    part: u32,
    parts: u32,
    lc: &LocateConfig,
    cc: &ContentionConfig,
) -> serde_json::Value {
    json!({
        "quick": quick,
        "part": part,
        "parts": parts,
        "locate": serde_json::to_value(lc).expect("plain data"),
        "contention": cc.describe(),
    })
}

/// Process `part` (0-based) of `parts` of one pass in a child process:
/// `BIN measure --out FILE --part K --parts P [--quick] [--resume] [--verbose]`. The child journals
/// its groups beside FILE; a signal is passed on to it ([`stop::set_child`]), and when it
/// stops early its file is partial (`run.partial`).
fn measure_in_child(
    bin: &Path,
    cfg: &RunConfig,
    pass: u32,
    part: u32,
    parts: u32,
) -> Result<Results, Box<dyn std::error::Error>> {
    let file = part_file(pass, part);
    std::fs::create_dir_all(LOCAL_DIR)?;
    let mut cmd = std::process::Command::new(bin);
    cmd.arg("measure").arg("--out").arg(&file);
    cmd.arg("--part").arg(part.to_string());
    cmd.arg("--parts").arg(parts.to_string());
    if cfg.quick {
        cmd.arg("--quick");
    }
    if cfg.resume {
        cmd.arg("--resume");
    }
    if cfg.verbose {
        cmd.arg("--verbose");
    }
    let _ = std::fs::remove_file(&file);
    stop::detach(&mut cmd);
    let mut child = cmd.spawn()?;
    stop::set_child(Some(child.id()));
    let status = child.wait();
    stop::set_child(None);
    let status = status?;
    // A process stopped by a signal fails, but leaves its partial file.
    let stopped = stop::requested().is_some() && file.exists();
    if status.code() == Some(i32::from(watchdog::HUNG_EXIT)) {
        // It said which cell in one line; its journal recorded it.
        return Err(Box::new(Hung));
    }
    if !(status.success() || stopped) {
        return Err(format!("pass {pass}, process {} failed ({status})", part + 1).into());
    }
    let r = io::read(&file)?;
    let _ = std::fs::remove_file(&file);
    Ok(r)
}

/// A `measure` process was stopped by a map that hung (`harness::measuring::watchdog`):
/// it said which cell on stderr, and its journal holds every finished block and the hung
/// cell, so `run --resume` goes on without it. `run` exits with the watchdog's status.
#[derive(Debug)]
pub struct Hung;

impl std::fmt::Display for Hung {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "a map hung (the line above names the cell); `run --resume` goes on without it"
        )
    }
}

impl std::error::Error for Hung {}

/// Process `part` of `parts` in this process, journaled as a child would be.
fn measure_here(
    cfg: &RunConfig,
    pass: u32,
    part: u32,
    parts: u32,
    log: &mut dyn FnMut(&str),
) -> Result<Results, Box<dyn std::error::Error>> {
    let file = part_file(pass, part);
    measure_part(&file, cfg.quick, part, parts, cfg.resume, cfg.verbose, log)
}

/// Process `part` (0-based) of `parts` of one pass, journaled beside `out` (`gomap-bench
/// measure`, or a pass measured in `run`'s own process). The journal stays either way:
/// `run` removes it once the whole run is written. Stopped by a signal, the results are
/// partial. `verbose`: as [`RunConfig::verbose`].
pub fn measure_part(
    out: &Path,
    quick: bool,
    part: u32,
    parts: u32,
    resume: bool,
    verbose: bool,
    log: &mut dyn FnMut(&str),
) -> Result<Results, Box<dyn std::error::Error>> {
    if part >= parts {
        return Err(format!("--part {part}: below --parts {parts}").into());
    }
    let (lc, cc) = part_configs(quick, part, parts);
    let mut journal = journal::open(out, &part_header(quick, part, parts), resume, log)?;
    measure_once(quick, &lc, &cc, Some(&mut journal), verbose, log)
}

/// The default [`RunConfig::processes`] (`--quick`: 1): one per block of the main job's
/// plans, so that every block is a process of its own. A process draws its pages'
/// placement for life, and rebuilding the maps within it does not draw again (measured in
/// `ab`), so blocks that share a process are not independent draws. Measured, two A/A
/// pairs of the main job on one build, the same hour: with 2 processes of 4 blocks, 40 of
/// 93 headline ratios agreed within 5% and the median interval was ±12.3%; with 8
/// processes of 1 block, 64 of 93 and ±7.1%, at 297–318 s (over the budget; 6 fit it).
pub const DEFAULT_PROCESSES: u32 = 6;

/// The most [`RunConfig::processes`] `run` accepts. Past [`DEFAULT_PROCESSES`], each
/// process adds a block of the fewest rounds a block may have, so more processes buy more
/// rounds: with 24 (144 rounds a group, 871–886 s measuring), an A/A pair agreed within 5%
/// on 83 of 93 headline ratios, with a median interval of ±3.9%.
pub const MAX_PROCESSES: u32 = 32;

/// The main job's settings for process `part` (0-based) of `parts`: each suite's plan cut to
/// that process's share ([`Plan::part`](crate::harness::measuring::rounds::Plan::part)).
pub fn part_configs(quick: bool, part: u32, parts: u32) -> (LocateConfig, ContentionConfig) {
    let (mut lc, mut cc) = plans::main_job(quick);
    lc.plan = lc.plan.part(part, parts);
    cc.plan = cc.plan.part(part, parts);
    (lc, cc)
}

/// One pass of the main job: its processes, one after another, pooled. A process stopped
/// by a signal ends the pass there, partial.
fn measure_pass(
    cfg: &RunConfig,
    pass: u32,
    passes: u32,
    log: &mut dyn FnMut(&str),
) -> Result<Results, Box<dyn std::error::Error>> {
    let parts = cfg.processes;
    let mut measured = Vec::new();
    let mut stopped = false;
    for part in 0..parts {
        if stop::requested().is_some() {
            // Between two processes: start no more.
            stopped = true;
            break;
        }
        if parts > 1 {
            log(&format!("== process {} of {parts}", part + 1));
        }
        let r = match &cfg.pass_binary {
            Some(bin) if parts > 1 || passes > 1 => measure_in_child(bin, cfg, pass, part, parts)?,
            _ => measure_here(cfg, pass, part, parts, log)?,
        };
        stopped = r.run.partial;
        measured.push(r);
        if stopped {
            break;
        }
    }
    let mut pooled = pool::pool(&measured)
        .unwrap_or_else(|| Results::new(facts::collect(json!({"command": "run"})), Vec::new()));
    pooled.run.partial |= stopped;
    Ok(pooled)
}

/// The default [`RunConfig::calibration_passes`].
pub const DEFAULT_CALIBRATION_PASSES: u32 = 2;

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
    /// The signal that stopped the run: `results` is then partial, and neither compared
    /// nor plotted.
    pub stopped: Option<stop::Signal>,
}

/// Runs everything; `log` receives progress lines.
pub fn run(
    cfg: &RunConfig,
    log: &mut dyn FnMut(&str),
) -> Result<RunOutcome, Box<dyn std::error::Error>> {
    // Refuse up front rather than after minutes of measuring.
    io::check_baseline_overwrite(&cfg.out, BaselinePolicy::Protect)?;
    let (lc, cc) = plans::main_job(cfg.quick);
    lc.validate()?;
    cc.validate()?;
    if !(1..=MAX_PROCESSES).contains(&cfg.processes) {
        return Err(format!(
            "--processes {}: between 1 and {MAX_PROCESSES}",
            cfg.processes
        )
        .into());
    }
    let passes = match cfg.update {
        Update::Nothing => 1,
        _ if cfg.calibration_passes >= 2 => cfg.calibration_passes,
        _ => {
            return Err(format!(
                "--calibration-passes {}: a baseline needs at least 2 passes to see how this machine moves between runs",
                cfg.calibration_passes
            )
            .into())
        }
    };
    if cfg.resume {
        check_journals(cfg, passes)?;
    }
    let mut measured = Vec::new();
    for pass in 1..=passes {
        if passes > 1 {
            log(&format!(
                "== pass {pass} of {passes} (run-to-run calibration)"
            ));
        }
        let r = measure_pass(cfg, pass, passes, log)?;
        if r.run.partial {
            // Stopped: what this pass finished, marked partial; nothing compared or
            // replaced, and the journals kept for --resume.
            io::write(&cfg.out, &r, BaselinePolicy::Protect)?;
            log(&format!("wrote {} (partial)", cfg.out.display()));
            return Ok(RunOutcome {
                results: r,
                plots: Vec::new(),
                comparison: String::new(),
                regressed: false,
                stopped: Some(stop::requested().unwrap_or(stop::Signal::Int)),
            });
        }
        measured.push(r);
    }
    let mut results = calibrate::calibrate(&measured).expect("at least one pass");
    results.run.config["calibration_passes"] = json!(passes);
    io::write(&cfg.out, &results, BaselinePolicy::Protect)?;
    log(&format!("wrote {}", cfg.out.display()));
    // Complete: the journals have served.
    for pass in 1..=passes {
        for part in 0..cfg.processes {
            let _ = std::fs::remove_file(journal::path_for(&part_file(pass, part)));
        }
    }

    // Compare before replacing a baseline, so that an update still reports the change.
    let baseline = match &cfg.baseline {
        Some(p) => Ok(p.clone()),
        None => find_baseline(&results.run.machine),
    };
    let compared = match baseline {
        Ok(b) => compare_with_baseline(&b, &cfg.out, cfg.threshold_pct),
        Err(line) => Compared::not(line),
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

    // Drawn from the file just written, so that charts name it.
    let plots = plots::plot_files(std::slice::from_ref(&cfg.out), &cfg.plots_dir)?.files;
    log(&format!(
        "{} plots in {}",
        plots.len(),
        cfg.plots_dir.display()
    ));
    // The page shows what was just printed: the verdicts against the baseline, or why
    // there are none.
    html::write_report_with(
        std::slice::from_ref(&cfg.out),
        &cfg.report,
        Some(&compared.verdicts),
    )?;
    log(&format!("wrote {}", cfg.report.display()));
    if cfg.update == Update::Reference {
        let files = regenerate_reference_plots()?;
        log(&format!(
            "{} plots in {REFERENCE_PLOTS}, and {REFERENCE_REPORT}",
            files.len()
        ));
        // The README's and docs' figures come from the reference: regenerate their blocks
        // too, so the checkout stays consistent (`gomap-bench docs --check` is clean).
        match crate::results::generated::tree::regenerate_tree(Path::new("."), false) {
            Ok(stale) => {
                for s in stale {
                    log(&format!(
                        "regenerated {} in {}",
                        s.blocks.join(", "),
                        s.document.display()
                    ));
                }
            }
            Err(e) => log(&format!("generated blocks not regenerated: {e}")),
        }
    }
    Ok(RunOutcome {
        results,
        plots,
        regressed: compared.regressed,
        comparison: compared.text,
        stopped: None,
    })
}

/// `run --resume`: refuses, in one line and before anything runs, when a journal of one of
/// the run's processes was written by another configuration or build.
fn check_journals(cfg: &RunConfig, passes: u32) -> Result<(), ResultsError> {
    for pass in 1..=passes {
        for part in 0..cfg.processes {
            let path = journal::path_for(&part_file(pass, part));
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let read = journal::read_journal(&bytes).map_err(|e| ResultsError::at(&path, e))?;
            let now = part_header(cfg.quick, part, cfg.processes);
            if let Some(d) = read.header.and_then(|h| h.difference(&now)) {
                return Err(ResultsError::at(
                    &path,
                    format!("cannot --resume: {d}; run without --resume to start afresh"),
                ));
            }
        }
    }
    Ok(())
}

/// One pass of every suite of the main job (`gomap-bench measure`), each finished group
/// kept in `journal` (and those it holds taken from it). Stopped by a signal, its results
/// are the groups finished so far, marked partial. Each suite says what `cc.detail` says
/// (the main job's: a bar, then one line); `verbose` adds each single-thread group's line
/// to `log`, under a heading per suite.
pub fn measure_once(
    quick: bool,
    lc: &LocateConfig,
    cc: &ContentionConfig,
    mut journal: Option<&mut Journal>,
    verbose: bool,
    log: &mut dyn FnMut(&str),
) -> Result<Results, Box<dyn std::error::Error>> {
    let started = std::time::Instant::now();
    let detail = if verbose {
        log("== single thread: locate, probe, ops");
        Detail::Lines
    } else {
        cc.detail
    };
    let (mut rows, stopped) = locate::run_journaled(lc, journal.as_deref_mut(), detail, log)?;
    if verbose && stopped.is_none() {
        log("== contention");
    }
    // Run even when stopped: it measures nothing then, but takes what the journal holds.
    let cont = contention::run_contention_journaled(cc, journal)?;
    rows.extend(cont.results.rows);
    let config = json!({
        "command": "run",
        "quick": quick,
        "locate": serde_json::to_value(lc)?,
        "contention": cont.results.run.config,
        "measuring_secs": started.elapsed().as_secs_f64(),
    });
    let mut run = facts::collect(config);
    run.partial = stopped.is_some() || cont.stopped.is_some();
    Ok(Results::new(run, rows))
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
pub use crate::results::generated::blocks::GO_ANCHOR;

/// The committed report of the reference run (and the Go anchor).
pub const REFERENCE_REPORT: &str = "results/report.html";

/// Redraws [`REFERENCE_PLOTS`] and [`REFERENCE_REPORT`] from [`reference_plot_sources`],
/// removing charts whose rows are gone (what `scripts/plot.sh` does without arguments).
pub fn regenerate_reference_plots() -> Result<Vec<PathBuf>, crate::results::ResultsError> {
    let dir = Path::new(REFERENCE_PLOTS);
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "svg") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let files = plots::plot_files(&reference_plot_sources(), dir)?.files;
    html::write_report(&reference_plot_sources(), Path::new(REFERENCE_REPORT))?;
    Ok(files)
}

/// What `run` made of its comparison with the baseline: the text it prints, whether it
/// found a regression, and the verdicts its HTML report shows.
struct Compared {
    text: String,
    regressed: bool,
    verdicts: html::Verdicts,
}

impl Compared {
    /// No comparison, and why (the line is printed and shown alike).
    fn not(why: String) -> Compared {
        Compared {
            verdicts: html::Verdicts::NotCompared { why: why.clone() },
            text: why,
            regressed: false,
        }
    }
}

/// The comparison of `current` (a results file) against `baseline`, or a line saying why
/// there is none.
fn compare_with_baseline(baseline: &Path, current: &Path, threshold_pct: f64) -> Compared {
    if !baseline.exists() {
        return Compared::not(format!(
            "no baseline at {}: nothing to compare",
            baseline.display()
        ));
    }
    let opts = Options {
        threshold_pct,
        ..Options::default()
    };
    match compare::compare_files(baseline, current, &opts) {
        Ok(c) => {
            // The rows that need a look (regressed, improved, invalid), then the counts; the
            // full table is one `gomap-bench compare` away.
            let needs_a_look = |r: &ComparedRow| {
                matches!(
                    r.verdict,
                    Verdict::Regressed | Verdict::Improved | Verdict::Invalid
                )
            };
            let mut text = format!("compared with {}:\n", baseline.display());
            text.push_str(&report::table_rows(&c, needs_a_look));
            text.push_str(&c.summary());
            text.push('\n');
            Compared {
                text,
                regressed: c.has_regression(),
                verdicts: html::Verdicts::Baseline {
                    baseline: baseline.display().to_string(),
                    comparison: c,
                },
            }
        }
        Err(e) => Compared::not(format!("not compared: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::Role;

    /// By default the single-thread groups say nothing through `log` (a bar and one line go
    /// to stderr instead); `verbose` gives every group's line, under the suites' headings.
    #[test]
    fn group_lines_are_behind_verbose() {
        use crate::harness::measuring::rounds::Plan;
        use crate::vocabulary::{Dist, Op, Workload};
        let plan = Plan {
            max_rounds: 6,
            min_rounds: 6,
            group_secs: 0.05,
            seed: 1,
            sample_secs: 0.0002,
            blocks: 1,
        };
        let lc = LocateConfig {
            sizes: vec![1 << 10],
            ops: vec![Op::GetHit],
            maps: vec!["gomap/fast64".into(), "hashbrown".into()],
            plan,
        };
        let cc = ContentionConfig {
            threads: vec![1],
            workloads: vec![Workload::ReadHeavy],
            maps: vec!["null".into(), "dashmap".into()],
            dists: vec![Dist::Uniform],
            size: 1 << 10,
            plan,
            stream_ops: 1 << 10,
            ops_per_sample: Some(1 << 10),
            detail: Detail::Quiet,
            ..ContentionConfig::quick()
        };
        let lines = |verbose: bool| {
            let mut lines = Vec::new();
            measure_once(true, &lc, &cc, None, verbose, &mut |l| {
                lines.push(l.to_string())
            })
            .unwrap();
            lines
        };
        assert_eq!(lines(false), Vec::<String>::new());
        let verbose = lines(true);
        assert_eq!(verbose[0], "== single thread: locate, probe, ops");
        assert_eq!(verbose.last().unwrap(), "== contention");
        let groups = lc.groups();
        assert_eq!(verbose.len(), groups.len() + 2, "{verbose:#?}");
        assert!(verbose[1..=groups.len()]
            .iter()
            .zip(&groups)
            .all(|(l, g)| l.starts_with(&g.label())));
    }

    /// `run` prints the rows that need a look as `compare`'s full table shows them: the same
    /// lines as picking them out of that table by their first word.
    #[test]
    fn the_rows_that_need_a_look_are_the_full_tables_lines() {
        let base = Path::new(REFERENCE_BASELINE);
        let mut current = io::read(base).unwrap();
        // Every third row of ours slower, every third faster.
        let ours = current
            .rows
            .iter_mut()
            .filter(|r| r.extra.role == Some(Role::Ours))
            .filter_map(|r| r.extra.ratio.as_mut());
        for (i, x) in ours.enumerate() {
            let f = [1.0, 1.6, 0.5][i % 3];
            (x.median, x.ci95_low, x.ci95_high) = (x.median * f, x.ci95_low * f, x.ci95_high * f);
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("current.json");
        io::write(&path, &current, BaselinePolicy::Protect).unwrap();

        let compared = compare_with_baseline(base, &path, 5.0);
        let (text, regressed) = (compared.text.clone(), compared.regressed);
        let opts = Options {
            threshold_pct: 5.0,
            ..Options::default()
        };
        let c = compare::compare_files(base, &path, &opts).unwrap();
        assert!(regressed);
        assert!(c.count(Verdict::Improved) > 0 && c.count(Verdict::Invalid) > 0);
        assert!(c.count(Verdict::Unchanged) > 0, "some rows are left out");
        let mut want = format!("compared with {}:\n", base.display());
        let table = report::render(&c, report::Format::Table);
        for l in table.lines().filter(|l| {
            ["verdict", "regressed", "improved", "invalid"]
                .iter()
                .any(|w| l.starts_with(w))
        }) {
            want.push_str(l);
            want.push('\n');
        }
        want.push_str(&c.summary());
        want.push('\n');
        assert_eq!(text, want);
        // The report shows the very comparison that was printed (compared as compare's
        // JSON: an invalid row's missing median is NaN, which no `==` equals).
        let html::Verdicts::Baseline {
            baseline,
            comparison,
        } = &compared.verdicts
        else {
            panic!("no comparison for the report: {:?}", compared.verdicts);
        };
        assert_eq!(baseline, &base.display().to_string());
        let json = |c: &compare::Comparison| report::render(c, report::Format::Json);
        assert_eq!(json(comparison), json(&c));
    }
}
