//! The `contention` command: every chosen contender × workload × distribution × thread count,
//! measured by the [`runner`](crate::harness::measuring::runner), written as results schema v1.
//!
//! ```no_run
//! use gomap_bench::harness::suites::contention::{run_contention, summary, ContentionConfig};
//! let mut config = ContentionConfig::quick();
//! config.maps = vec!["gomap-sharded".into(), "dashmap".into()];
//! let results = run_contention(&config).unwrap();
//! println!("{}", summary(&results));
//! ```

use crate::concurrent::sharded::MAX_SHARDS;
use crate::contenders;
use crate::harness::measuring::facts;
use crate::harness::measuring::groups::{run_groups, GroupSpec};
use crate::harness::measuring::journal::Journal;
use crate::harness::measuring::progress::{Detail, Progress};
use crate::harness::measuring::rounds::{validate_plan, Plan};
use crate::harness::measuring::runner::{CellSpec, MAX_OPS_PER_THREAD};
use crate::harness::measuring::stop::Signal;
use crate::harness::suites::plans;
use crate::harness::workloads::workload::MAX_THREADS;
use crate::harness::workloads::workload::{DEFAULT_HOT_KEYS, MAX_HOT_KEYS, MAX_OPS, MAX_PREFILL};
use crate::results::format::Estimate;
use crate::results::schema::{Failure, Results, Row};
use crate::vocabulary::{Dist, OpId, Workload};
use serde_json::json;
use std::fmt::{self, Write as _};
use std::str::FromStr;

/// Why a run did not happen: bad input, one line (the CLI exits 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentionError(pub String);

impl fmt::Display for ContentionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ContentionError {}

fn usage(m: impl Into<String>) -> ContentionError {
    ContentionError(m.into())
}

/// What to measure and how long.
#[derive(Clone, Debug, PartialEq)]
pub struct ContentionConfig {
    pub threads: Vec<u32>,
    pub workloads: Vec<Workload>,
    /// Registry names ([`contenders::names`]).
    pub maps: Vec<String>,
    pub dists: Vec<Dist>,
    /// Prefill of every workload but rapid-grow and shared-write (and the ops per thread of a
    /// rapid-grow sample).
    pub size: u64,
    /// The hot set of shared-write (its cells' `size`).
    pub hot_keys: u64,
    /// The interleaved rounds of each group (one workload, distribution and thread count).
    pub plan: Plan,
    /// Ops per thread of a group's streams; the steady workloads wrap around them.
    pub stream_ops: u64,
    /// A fixed number of timed ops per thread and sample instead of calibrating.
    pub ops_per_sample: Option<u64>,
    /// Shards of `gomap-sharded` and `dashmap` (default: next power of two ≥ 4 × cores).
    pub shards: Option<usize>,
    /// Allow more threads than cores.
    pub oversubscribe: bool,
    /// What it says on stderr while it runs: every cell's line by default.
    pub detail: Detail,
}

/// 1, 2, 4, … up to the core count, and the core count itself.
pub fn default_threads() -> Vec<u32> {
    let cores = cores();
    let mut t: Vec<u32> = std::iter::successors(Some(1u32), |x| x.checked_mul(2))
        .take_while(|&x| x <= cores)
        .collect();
    if t.last() != Some(&cores) {
        t.push(cores);
    }
    t
}

impl Default for ContentionConfig {
    /// Every map, workload and distribution at 1..cores threads, 2^16 entries,
    /// [`plans::CONTENTION`].
    fn default() -> Self {
        ContentionConfig {
            threads: default_threads(),
            workloads: Workload::ALL.to_vec(),
            maps: contenders::names().map(String::from).collect(),
            dists: Dist::ALL.to_vec(),
            size: 1 << 16,
            hot_keys: DEFAULT_HOT_KEYS,
            plan: plans::CONTENTION,
            stream_ops: 1 << 22,
            ops_per_sample: None,
            shards: None,
            oversubscribe: false,
            detail: Detail::Lines,
        }
    }
}

impl ContentionConfig {
    /// `--quick`: every map still, but 2^12 entries, [`plans::QUICK`].
    pub fn quick() -> Self {
        ContentionConfig {
            size: 1 << 12,
            plan: plans::QUICK,
            stream_ops: 1 << 16,
            ..Self::default()
        }
    }

    /// Every check the CLI's "bad input → exit 2" promises, the memory each group needs
    /// included.
    pub fn validate(&self) -> Result<(), ContentionError> {
        let cores = cores();
        if self.threads.is_empty() {
            return Err(usage("no thread counts given"));
        }
        for &t in &self.threads {
            if t == 0 {
                return Err(usage(
                    "thread count 0: every cell needs at least one thread",
                ));
            }
            if t > MAX_THREADS {
                return Err(usage(format!("{t} threads: at most {MAX_THREADS}")));
            }
            if t > cores && !self.oversubscribe {
                return Err(usage(format!(
                    "{t} threads but {cores} cores: pass --oversubscribe to allow it"
                )));
            }
        }
        if self.workloads.is_empty() || self.maps.is_empty() || self.dists.is_empty() {
            return Err(usage("empty list of workloads, maps or distributions"));
        }
        for m in &self.maps {
            contenders::describe(m).map_err(|e| usage(e.to_string()))?;
        }
        validate_plan(&self.plan).map_err(usage)?;
        match self.ops_per_sample {
            Some(0) => return Err(usage("--ops 0: every thread needs at least one op")),
            Some(n) if n > MAX_OPS.min(MAX_OPS_PER_THREAD) / 2 => {
                return Err(usage(format!(
                    "--ops {n}: at most {} per thread",
                    MAX_OPS.min(MAX_OPS_PER_THREAD) / 2
                )))
            }
            _ => {}
        }
        if self.size == 0 || self.size > MAX_PREFILL {
            return Err(usage(format!(
                "--size {}: must be in 1..={MAX_PREFILL}",
                self.size
            )));
        }
        if !(1..=MAX_HOT_KEYS).contains(&self.hot_keys) {
            return Err(usage(format!(
                "--hot-keys {}: must be in 1..={MAX_HOT_KEYS}",
                self.hot_keys
            )));
        }
        if let Some(s) = self.shards {
            if !s.is_power_of_two() || s > MAX_SHARDS {
                return Err(usage(format!(
                    "--shards {s}: must be a power of two in 1..={MAX_SHARDS}"
                )));
            }
        }
        for (g, _) in self.groups().0 {
            g.check_memory().map_err(usage)?;
        }
        Ok(())
    }

    /// The groups in run order, each with every map that runs at its thread count, and the
    /// skip notes of those that do not. Rapid-grow runs once per thread count: its reads
    /// target the thread's own inserts, so no distribution applies.
    pub fn groups(&self) -> (Vec<(GroupSpec, CellSpec)>, Vec<String>) {
        let mut groups = Vec::new();
        let mut skipped = Vec::new();
        for &workload in &self.workloads {
            let dists: &[Dist] = if workload == Workload::RapidGrow {
                &self.dists[..1]
            } else {
                &self.dists
            };
            for &dist in dists {
                for &threads in &self.threads {
                    let mut maps = Vec::new();
                    for map in &self.maps {
                        let Ok(d) = contenders::describe(map) else {
                            continue; // validate() reports it
                        };
                        match d.thread_limit.filter(|_| !d.runs_at(threads)) {
                            Some(limit) => skipped.push(format!(
                                "{map} {workload} threads={threads}: skipped — {}",
                                limit.why
                            )),
                            None => maps.push(map.clone()),
                        }
                    }
                    let cell = CellSpec {
                        workload,
                        dist,
                        // shared-write's key space is its hot set.
                        size: if workload.is_shared() {
                            self.hot_keys
                        } else {
                            self.size
                        },
                        threads,
                        shards: self.shards,
                    };
                    let spec = GroupSpec::Contention {
                        cell,
                        maps,
                        stream_ops: self.stream_ops,
                        sample_ops: self.ops_per_sample,
                    };
                    groups.push((spec, cell));
                }
            }
        }
        (groups, skipped)
    }

    /// The configuration as a results file records it (`run.config`), the groups it skips
    /// included: what a journal's `--resume` must match.
    pub fn describe(&self) -> serde_json::Value {
        self.to_json(&self.groups().1)
    }

    fn to_json(&self, skipped: &[String]) -> serde_json::Value {
        json!({
            "command": "contention",
            "argv": std::env::args().collect::<Vec<_>>(),
            "threads": self.threads,
            "workloads": self.workloads.iter().map(|w| w.name()).collect::<Vec<_>>(),
            "maps": self.maps,
            "dists": self.dists.iter().map(|d| d.name()).collect::<Vec<_>>(),
            "size": self.size,
            "hot_keys": self.hot_keys,
            "plan": self.plan,
            "stream_ops": self.stream_ops,
            "ops_per_sample": self.ops_per_sample,
            "shards": self.shards,
            "default_shards": crate::concurrent::sharded::default_shard_count(),
            "oversubscribe": self.oversubscribe,
            "skipped": skipped,
        })
    }
}

/// `1,2,4` → `[1, 2, 4]`; one-line error on anything else.
pub fn parse_threads(s: &str) -> Result<Vec<u32>, ContentionError> {
    s.split(',')
        .map(|x| {
            x.trim().parse::<u32>().map_err(|_| {
                usage(format!(
                    "bad thread list '{s}': expected numbers like 1,2,4"
                ))
            })
        })
        .collect()
}

/// A comma-separated list of names (`read-heavy,exchange`).
pub fn parse_list<T: FromStr<Err = String>>(s: &str) -> Result<Vec<T>, ContentionError> {
    s.split(',')
        .map(|x| x.trim().parse().map_err(usage))
        .collect()
}

/// Checks a comma-separated list of map names.
pub fn parse_maps(s: &str) -> Result<Vec<String>, ContentionError> {
    s.split(',')
        .map(|x| {
            let x = x.trim();
            contenders::describe(x)
                .map(|_| x.to_string())
                .map_err(|e| usage(e.to_string()))
        })
        .collect()
}

fn cell_line(row: &Row) -> String {
    let id = &row.id;
    let mut s = format!(
        "{} {} {} threads={}: {:.2} Mops/s (min {:.2}, max {:.2})",
        id.map,
        id.op,
        id.dist_name(),
        id.threads,
        row.median,
        row.min,
        row.max
    );
    if let Some(r) = &row.extra.ratio {
        let to = format!("× {}", r.to);
        let _ = write!(s, ", {:.3}", Estimate::ratio(r).mark(&to));
    }
    if row.noisy {
        let _ = write!(
            s,
            " NOISY (others used {}% of a core)",
            row.extra.other_cpu_pct.unwrap_or(f64::NAN)
        );
    }
    if !row.valid {
        let _ = write!(s, " {}: {}", verdict(row), validation_error(row));
    }
    s
}

/// How an invalid row is shown: `FAILED (panicked)` when its map did not answer, `INVALID`
/// when it answered wrongly.
fn verdict(row: &Row) -> String {
    match row.extra.failure {
        Some(f) => format!("FAILED ({})", failure_name(f)),
        None => "INVALID".into(),
    }
}

fn failure_name(f: Failure) -> &'static str {
    match f {
        Failure::Panicked => "panicked",
        Failure::Hung => "hung",
    }
}

/// Whether a cell of `results` failed: its map panicked, or hung (in an earlier sitting of a
/// resumed run). A map that answered wrongly did not fail its cell: the cell was measured,
/// and is invalid.
pub fn any_failed(results: &Results) -> bool {
    results.rows.iter().any(|r| r.extra.failure.is_some())
}

fn validation_error(row: &Row) -> &str {
    row.extra.validation_error.as_deref().unwrap_or("?")
}

/// The suite's name on its progress bar and in its summary line.
const LABEL: &str = "contention";

/// Runs the matrix. Usage errors (a group too big for memory included) are reported before
/// anything runs.
pub fn run_contention(config: &ContentionConfig) -> Result<Results, ContentionError> {
    Ok(run_contention_journaled(config, None)?.results)
}

/// What a journaled run ended with: its results (partial when a signal stopped it), and
/// the signal.
#[derive(Debug)]
pub struct Measured {
    pub results: Results,
    pub stopped: Option<Signal>,
}

/// [`run_contention`], keeping each finished block of rounds in `journal` and taking what
/// it already holds from it (a map it says hung is reported failed, not run again) (`harness::measuring::journal`), and stopping early on SIGINT / SIGTERM
/// ([`crate::harness::measuring::stop`]).
pub fn run_contention_journaled(
    config: &ContentionConfig,
    journal: Option<&mut Journal>,
) -> Result<Measured, ContentionError> {
    config.validate()?;
    let (groups, skipped) = config.groups();
    let specs: Vec<GroupSpec> = groups.iter().map(|(g, _)| g.clone()).collect();
    let sweeps = config.plan.blocks.max(1);
    let (held_groups, held_blocks) = journal.as_deref().map_or((0, 0), |j| {
        let groups = specs.iter().filter(|s| j.holds(&s.key())).count();
        let blocks: u32 = specs.iter().map(|s| j.blocks_kept(&s.key(), sweeps)).sum();
        (groups, blocks)
    });
    let visits = specs.len() as u64 * u64::from(sweeps) - u64::from(held_blocks);
    let groups = (specs.len() - held_groups) as u64;
    let mut progress = Progress::new(LABEL, groups, visits, config.detail);
    for s in &skipped {
        progress.note(s);
    }
    let mut unpinned_noted = false;
    let swept = run_groups(&specs, &config.plan, journal, |_, rows| match rows {
        None => progress.tick(),
        Some(rows) => {
            if rows.iter().any(|r| r.extra.pinned == Some(false)) && !unpinned_noted {
                progress.note("note: core pinning unavailable here; threads run unpinned");
                unpinned_noted = true;
            }
            let lines: Vec<String> = rows.iter().map(cell_line).collect();
            progress.finish(&lines.join("\n"));
        }
    })
    .map_err(usage)?;
    progress.close();
    let stopped = swept.stopped;
    let mut run = facts::collect(config.to_json(&skipped));
    run.partial = stopped.is_some();
    Ok(Measured {
        results: Results::new(run, swept.into_rows()),
        stopped,
    })
}

/// The cores this process may use.
pub fn cores() -> u32 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as u32)
}

/// The summary table: per workload and distribution, map × threads median Mops/s, with
/// `~` for noisy and `INVALID` for failed cells, then the hit rates and the failures.
pub fn summary(results: &Results) -> String {
    let mut out = String::new();
    let mut blocks: Vec<(OpId, Option<Dist>)> = Vec::new();
    let mut threads: Vec<u32> = Vec::new();
    let mut maps: Vec<&str> = Vec::new();
    for r in &results.rows {
        let b = (r.id.op, r.id.dist);
        if !blocks.contains(&b) {
            blocks.push(b);
        }
        if !threads.contains(&r.id.threads) {
            threads.push(r.id.threads);
        }
        if !maps.contains(&r.id.map.as_str()) {
            maps.push(&r.id.map);
        }
    }
    threads.sort_unstable();
    let width = maps.iter().map(|m| m.len()).max().unwrap_or(4).max(4);
    for (op, dist) in &blocks {
        let rows: Vec<&Row> = results
            .rows
            .iter()
            .filter(|r| r.id.op == *op && r.id.dist == *dist)
            .collect();
        let hit = rows
            .first()
            .and_then(|r| r.extra.hit_rate)
            .unwrap_or(f64::NAN);
        let hits = if *op == OpId::Workload(Workload::SharedWrite) {
            // Whatever the threads' races left present: measured per cell, in each row.
            "read hit rate measured per cell: not fixed by the streams".to_string()
        } else {
            format!("read hit rate {:.4}%, fixed by the streams", hit * 100.0)
        };
        let _ = writeln!(
            out,
            "\n{op} / {}, size {}: median Mops/s ({hits})",
            rows.first().map_or("-", |r| r.id.dist_name()),
            rows.first().map_or(0, |r| r.id.size),
        );
        let _ = write!(out, "{:width$}", "map");
        for t in &threads {
            let _ = write!(out, " {:>12}", format!("threads={t}"));
        }
        out.push('\n');
        for m in &maps {
            if !rows.iter().any(|r| r.id.map == *m) {
                continue;
            }
            let _ = write!(out, "{m:width$}");
            for t in &threads {
                let cell = match rows.iter().find(|r| r.id.map == *m && r.id.threads == *t) {
                    None => "-".to_string(),
                    Some(r) if r.extra.failure.is_some() => "FAILED".to_string(),
                    Some(r) if !r.valid => "INVALID".to_string(),
                    Some(r) => format!("{:.2}{}", r.median, if r.noisy { " ~" } else { "" }),
                };
                let _ = write!(out, " {cell:>12}");
            }
            out.push('\n');
        }
    }
    let bad: Vec<&Row> = results.rows.iter().filter(|r| !r.valid).collect();
    let noisy = results.rows.iter().filter(|r| r.noisy).count();
    let failed = bad.iter().filter(|r| r.extra.failure.is_some()).count();
    let _ = writeln!(
        out,
        "\n{} cells, {} valid, {} invalid ({failed} of them failed: the map panicked or hung), \
         {} noisy (~: other processes used > 10% of a core)",
        results.rows.len(),
        results.rows.len() - bad.len(),
        bad.len(),
        noisy
    );
    for r in bad {
        let _ = writeln!(
            out,
            "{} {} {} {} threads={}: {}",
            verdict(r),
            r.id.map,
            r.id.op,
            r.id.dist_name(),
            r.id.threads,
            validation_error(r)
        );
    }
    if let Some(s) = results.run.config.get("skipped").and_then(|s| s.as_array()) {
        for line in s.iter().filter_map(|l| l.as_str()) {
            let _ = writeln!(out, "{line}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_and_validation() {
        assert_eq!(parse_threads("1,2"), Ok(vec![1, 2]));
        assert!(parse_threads("1,,2").is_err());
        assert!(parse_threads("x").is_err());
        assert!(parse_list::<Workload>("read-heavy,nope").is_err());
        assert!(parse_maps("dashmap,nope")
            .unwrap_err()
            .to_string()
            .contains("nope"));
        let mut c = ContentionConfig::quick();
        assert!(c.validate().is_ok());
        c.threads = vec![cores() + 1];
        assert!(c.validate().is_err());
        c.oversubscribe = true;
        assert!(c.validate().is_ok());
        c.plan.group_secs = 0.0;
        assert!(c.validate().is_err());
        c.plan.group_secs = 1.0;
        c.plan.max_rounds = 3;
        assert!(c.validate().unwrap_err().to_string().contains("at least 6"));
    }

    #[test]
    fn the_main_jobs_matrix_has_shared_write_on_the_hot_set() {
        let (_, c) = plans::main_job(true);
        let (groups, _) = c.groups();
        let shared: Vec<&CellSpec> = groups
            .iter()
            .map(|(_, cell)| cell)
            .filter(|cell| cell.workload == Workload::SharedWrite)
            .collect();
        assert!(!shared.is_empty());
        assert!(shared.iter().all(|cell| cell.size == DEFAULT_HOT_KEYS));
        let mut bad = c.clone();
        bad.hot_keys = MAX_HOT_KEYS + 1;
        assert!(bad
            .validate()
            .unwrap_err()
            .to_string()
            .contains("--hot-keys"));
    }

    #[test]
    fn failfast_is_skipped_beyond_one_thread_and_rapid_grow_runs_once() {
        let c = ContentionConfig {
            threads: vec![1, 2],
            maps: vec!["gomap-failfast".into(), "null".into()],
            workloads: vec![Workload::RapidGrow],
            ..ContentionConfig::quick()
        };
        let (groups, skipped) = c.groups();
        assert_eq!(groups.len(), 2);
        assert_eq!(skipped.len(), 1);
        let maps = |g: &GroupSpec| match g {
            GroupSpec::Contention { maps, .. } => maps.len(),
            _ => 0,
        };
        assert_eq!((maps(&groups[0].0), maps(&groups[1].0)), (2, 1));
    }
}
