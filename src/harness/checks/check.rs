//! The `check` command: what every contender does when threads write the same keys, checked
//! rather than timed.
//!
//! 1. **Linearizability on hot keys.** Each contender that runs at `threads` threads (≥ 2)
//!    is driven by that many threads over a few hot keys with `shared-write`'s mix; every op's
//!    invocation and response time, call and answer are recorded (a bounded history: `ops`
//!    per thread and run), and each key's history is checked by the Wing–Gong search of
//!    [`linearizability`](crate::harness::checks::linearizability). A contender passes when every key of every
//!    run does; a failure is shown as its shortest failing window. Recording puts two clock
//!    reads around each op, so these runs say nothing about speed and no timing of theirs is
//!    reported anywhere.
//! 2. **The two-writers program**, Go's classic `concurrent map writes` example: two threads,
//!    released together, each insert keys 0..1000 into one fresh map. `gomap-failfast` must
//!    detect it (its `Result` API, [`detection`](crate::harness::checks::detect)): detections over N runs.
//!    Every map that allows two threads must end with exactly the 1000 keys, each with its
//!    value, in every run.
//! 3. **What the conservation ledger costs** the timed loop of a `shared-write` cell
//!    ([`ledger_cost`](crate::harness::measuring::runner::ledger_cost)), with the `null` contender.

use crate::harness::checks::detect::{self, SpinBarrier};

use crate::contenders::added::Jobs;
use crate::contenders::{self, BuildSpec, Contender, ContenderVisitor, Handle};
use crate::harness::checks::linearizability::{self, Answer, Call, Op};
use crate::harness::measuring::noise;
use crate::harness::measuring::runner::{self, LedgerCost};
use crate::harness::workloads::keys::key;
use crate::harness::workloads::workload::{shared_value, Writer, MAX_THREADS};
use crate::results::format::Estimate;
use crate::rng::SplitMix64;
use crate::vocabulary::{OpKind, Program, Role, Workload};
use std::fmt::{self, Write as _};
use std::sync::Barrier;
use std::thread;
use std::time::Instant;

/// What `gomap-bench check` runs.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckConfig {
    /// Registry names.
    pub maps: Vec<String>,
    /// Threads of the linearizability runs (at least 2).
    pub threads: u32,
    /// Hot keys of the linearizability runs (a few: the fewer, the more overlap).
    pub hot_keys: u64,
    /// Ops each thread records per run (bounds each key's history).
    pub ops: u64,
    /// Recorded runs per contender.
    pub runs: u32,
    /// Runs of the two-writers program per map.
    pub two_writers_runs: u32,
    /// Rounds of the ledger-cost measurement (0: skip it), and the hot set it uses.
    pub ledger_rounds: u32,
    pub ledger_hot_keys: u64,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            maps: contenders::names().map(String::from).collect(),
            threads: 2,
            hot_keys: 4,
            ops: 400,
            runs: 50,
            two_writers_runs: 100,
            ledger_rounds: 30,
            ledger_hot_keys: crate::harness::workloads::workload::DEFAULT_HOT_KEYS,
        }
    }
}

/// The most ops a thread records per run: keeps every key's history small enough to search.
pub const MAX_RECORDED_OPS: u64 = 5_000;

impl CheckConfig {
    /// `--quick`: fewer runs, seconds in all.
    pub fn quick() -> Self {
        CheckConfig {
            runs: 10,
            two_writers_runs: 20,
            ledger_rounds: 10,
            ..Self::default()
        }
    }

    /// The one-line refusals of bad input.
    pub fn validate(&self) -> Result<(), String> {
        for m in &self.maps {
            contenders::describe(m).map_err(|e| e.to_string())?;
        }
        if self.maps.is_empty() {
            return Err("--maps: empty list".into());
        }
        if !(2..=MAX_THREADS).contains(&self.threads) {
            return Err(format!(
                "--threads {}: the check needs 2 to {MAX_THREADS} threads",
                self.threads
            ));
        }
        if !(1..=1024).contains(&self.hot_keys) {
            return Err(format!("--hot-keys {}: must be in 1..=1024", self.hot_keys));
        }
        if !(1..=MAX_RECORDED_OPS).contains(&self.ops) {
            return Err(format!(
                "--ops {}: must be in 1..={MAX_RECORDED_OPS}",
                self.ops
            ));
        }
        if self.runs == 0 || self.two_writers_runs == 0 {
            return Err("--runs and --two-writers-runs must be at least 1".into());
        }
        if !(1..=crate::harness::workloads::workload::MAX_HOT_KEYS).contains(&self.ledger_hot_keys)
        {
            return Err(format!(
                "--ledger-hot-keys {}: must be in 1..={}",
                self.ledger_hot_keys,
                crate::harness::workloads::workload::MAX_HOT_KEYS
            ));
        }
        Ok(())
    }
}

/// One contender's linearizability verdict.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Every key of every run was linearizable; ops checked in all.
    Pass { ops: u64 },
    /// A key's history was not: run, key index, and the shortest failing window.
    Fail { run: u32, key: u64, window: Vec<Op> },
    /// A thread panicked.
    Panicked(String),
    /// Not run, and why.
    Skipped(String),
}

/// One map's two-writers result.
#[derive(Clone, Debug, PartialEq)]
pub enum TwoWriters {
    /// Runs that ended with exactly the 1000 keys and their values; the first wrong one.
    Exact {
        runs: u32,
        exact: u32,
        first_wrong: Option<String>,
    },
    /// gomap-failfast: runs with a detection, and the accepted writes lost (must be 0); how
    /// busy other processes kept the machine meanwhile (load lowers the threads' overlap, and
    /// so the rate: the detector can only see an overlap that happens).
    Detected {
        tally: detect::Tally,
        other_cpu_pct: Option<f64>,
    },
    Skipped(String),
}

/// Everything `check` found.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckReport {
    pub config: CheckConfig,
    pub linearizability: Vec<(String, Verdict)>,
    pub two_writers: Vec<(String, TwoWriters)>,
    pub ledger: Option<LedgerCost>,
}

impl CheckReport {
    /// True when a map gave a wrong answer (a detection rate below N of N is a finding, not a
    /// wrong answer).
    pub fn failed(&self) -> bool {
        self.linearizability
            .iter()
            .any(|(_, v)| matches!(v, Verdict::Fail { .. } | Verdict::Panicked(_)))
            || self.two_writers.iter().any(|(_, t)| match t {
                TwoWriters::Exact { runs, exact, .. } => exact != runs,
                TwoWriters::Detected { tally, .. } => {
                    tally.lost_writes != 0 || tally.wrong_values != 0 || tally.runs_wrong_len != 0
                }
                TwoWriters::Skipped(_) => false,
            })
    }
}

/// Runs every check of `cfg`; `progress` gets a line per contender.
pub fn run(cfg: &CheckConfig, progress: &mut dyn FnMut(&str)) -> Result<CheckReport, String> {
    cfg.validate()?;
    let mut report = CheckReport {
        config: cfg.clone(),
        linearizability: Vec::new(),
        two_writers: Vec::new(),
        ledger: None,
    };
    for name in &cfg.maps {
        let linearize = contenders::visit(name, Linearizer).map_err(|e| e.to_string())?;
        let v = linearize(cfg);
        progress(&format!("linearizability {name}: {}", VerdictLine(&v)));
        report.linearizability.push((name.clone(), v));
    }
    for name in &cfg.maps {
        let t = contenders::visit(name, TwoWritersRun(cfg.two_writers_runs))
            .map_err(|e| e.to_string())?;
        progress(&format!("two-writers {name}: {}", TwoWritersLine(&t)));
        report.two_writers.push((name.clone(), t));
    }
    if cfg.ledger_rounds > 0 {
        report.ledger = runner::ledger_cost(cfg.ledger_hot_keys, cfg.ledger_rounds.max(6), 0.005);
    }
    Ok(report)
}

/// Hands out [`linearize`] for a contender.
struct Linearizer;

impl ContenderVisitor for Linearizer {
    type Output = fn(&CheckConfig) -> Verdict;
    fn visit<C: Contender>(self) -> Self::Output {
        linearize::<C>
    }
}

/// Gives the concurrent map `C`, added by a user's binary, the jobs of this module (see
/// `contenders::added`).
pub fn add_concurrent_jobs<C: Contender>(jobs: &mut Jobs) {
    jobs.concurrent::<Linearizer, C>();
    jobs.concurrent::<TwoWritersRun, C>();
}

/// The linearizability check of `C` on hot keys, `cfg.runs` recorded runs.
fn linearize<C: Contender>(cfg: &CheckConfig) -> Verdict {
    if C::ROLE == Role::HarnessOnly {
        return Verdict::Skipped(format!("{} does no map work", C::NAME));
    }
    if let Some(l) = C::THREAD_LIMIT.filter(|l| cfg.threads > l.max) {
        return Verdict::Skipped(l.why.to_string());
    }
    let mut ops = 0u64;
    for run in 0..cfg.runs {
        let seed = 0xC0FF_EE00 ^ u64::from(run);
        let per_key = match record::<C>(cfg.threads, cfg.hot_keys, cfg.ops, seed) {
            Ok(h) => h,
            Err(e) => return Verdict::Panicked(e),
        };
        for (k, history) in per_key.iter().enumerate() {
            let k = k as u64;
            ops += history.len() as u64;
            let initial = Some(Workload::SharedWrite.initial_value(k));
            if let Some(window) = linearizability::shortest_failing(initial, history) {
                return Verdict::Fail {
                    run,
                    key: k,
                    window,
                };
            }
        }
    }
    Verdict::Pass { ops }
}

/// One recorded run: `threads` threads, `ops` ops each over `keys` hot keys (all present at
/// the start, as in `shared-write`), the history of each key.
pub fn record<C: Contender>(
    threads: u32,
    keys: u64,
    ops: u64,
    seed: u64,
) -> Result<Vec<Vec<Op>>, String> {
    let map = C::build(&BuildSpec {
        capacity: keys as usize,
        shards: None,
    });
    {
        let mut h = map.handle();
        for k in 0..keys {
            h.insert(key(k), Workload::SharedWrite.initial_value(k));
        }
    }
    let mix = Workload::SharedWrite.mix();
    let barrier = Barrier::new(threads as usize);
    let clock = Instant::now();
    let logs: Vec<thread::Result<Vec<(u64, Op)>>> = thread::scope(|s| {
        let hs: Vec<_> = (0..threads)
            .map(|t| {
                let (map, barrier) = (&map, &barrier);
                s.spawn(move || {
                    let mut rng = SplitMix64(seed ^ (u64::from(t) + 1).wrapping_mul(0x9E37_79B9));
                    let mut h = map.handle();
                    let mut log = Vec::with_capacity(ops as usize);
                    barrier.wait();
                    for i in 0..ops {
                        let r = rng.below(100);
                        let k = rng.below(keys);
                        let v = shared_value(k, Writer::Thread(t), i);
                        let kind = pick(r, &mix.0);
                        let invoke = clock.elapsed().as_nanos() as u64;
                        let (call, answer) = match kind {
                            OpKind::Read => (Call::Get, Answer::Value(h.get(&key(k)))),
                            OpKind::Insert => (Call::Insert(v), Answer::Flag(h.insert(key(k), v))),
                            OpKind::Remove => (Call::Remove, Answer::Flag(h.remove(&key(k)))),
                            OpKind::Update => (Call::Update(v), Answer::Flag(h.update(key(k), v))),
                        };
                        let respond = clock.elapsed().as_nanos() as u64;
                        log.push((
                            k,
                            Op {
                                thread: t,
                                invoke,
                                respond,
                                call,
                                answer,
                            },
                        ));
                    }
                    log
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join()).collect()
    });
    let mut per_key = vec![Vec::new(); keys as usize];
    for (t, log) in logs.into_iter().enumerate() {
        let log = log.map_err(|p| {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            format!("thread {t} panicked: {msg}")
        })?;
        for (k, op) in log {
            per_key[k as usize].push(op);
        }
    }
    Ok(per_key)
}

/// The kind a draw `r` in 0..100 picks under the percentages `mix` (read, insert, remove,
/// update, cumulated in that order, as in the workload spec).
fn pick(r: u64, mix: &[u64; 4]) -> OpKind {
    let mut acc = 0;
    for (k, &p) in OpKind::ALL.iter().zip(mix) {
        acc += p;
        if r < acc {
            return *k;
        }
    }
    OpKind::Update
}

/// Keys each thread of the two-writers program inserts.
pub const TWO_WRITERS_KEYS: u64 = 1000;

struct TwoWritersRun(u32);

impl ContenderVisitor for TwoWritersRun {
    type Output = TwoWriters;
    fn visit<C: Contender>(self) -> TwoWriters {
        let runs = self.0;
        if C::ROLE == Role::HarnessOnly {
            return TwoWriters::Skipped(format!("{} does no map work", C::NAME));
        }
        if let Some(l) = C::THREAD_LIMIT.filter(|l| l.max < 2) {
            // The detector: its `Result` API, as `gomap-bench detect` runs it.
            if C::NAME == detect::MAP {
                let before = noise::snapshot();
                let tally = detect::measure(Program::SameKeys, runs);
                let other_cpu_pct = before
                    .zip(noise::snapshot())
                    .map(|(b, a)| (noise::other_cpu(&b, &a).pct * 10.0).round() / 10.0);
                return TwoWriters::Detected {
                    tally,
                    other_cpu_pct,
                };
            }
            return TwoWriters::Skipped(l.why.to_string());
        }
        let mut exact = 0;
        let mut first_wrong = None;
        for _ in 0..runs {
            match two_writers_once::<C>() {
                Ok(()) => exact += 1,
                Err(e) => {
                    first_wrong.get_or_insert(e);
                }
            }
        }
        TwoWriters::Exact {
            runs,
            exact,
            first_wrong,
        }
    }
}

/// One run of the two-writers program on a fresh `C`: both threads insert `k → k` for `k` in
/// 0..1000 (plain keys, as Go's program writes `m[k] = k`); the map must hold exactly those.
fn two_writers_once<C: Contender>() -> Result<(), String> {
    let map = C::build(&BuildSpec::default());
    let barrier = SpinBarrier::new(2);
    thread::scope(|s| {
        let writers: Vec<_> = (0..2)
            .map(|party| {
                let (map, barrier) = (&map, &barrier);
                s.spawn(move || {
                    let mut h = map.handle();
                    barrier.wait(party);
                    for k in 0..TWO_WRITERS_KEYS {
                        h.insert(k, k);
                    }
                })
            })
            .collect();
        for w in writers {
            w.join().map_err(|_| "a writer panicked".to_string())?;
        }
        Ok::<(), String>(())
    })?;
    let len = map.len() as u64;
    let mut h = map.handle();
    let wrong = (0..TWO_WRITERS_KEYS)
        .filter(|k| h.get(k) != Some(*k))
        .count();
    if len != TWO_WRITERS_KEYS || wrong != 0 {
        return Err(format!(
            "{len} entries, {wrong} of the {TWO_WRITERS_KEYS} keys missing or wrong"
        ));
    }
    Ok(())
}

struct VerdictLine<'a>(&'a Verdict);

impl fmt::Display for VerdictLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Verdict::Pass { ops } => write!(f, "pass ({ops} ops checked)"),
            Verdict::Fail { run, key, window } => {
                write!(
                    f,
                    "FAIL: run {run}, key #{key}, shortest failing window of {} ops:",
                    window.len()
                )?;
                for op in window {
                    write!(f, "\n    {op}")?;
                }
                Ok(())
            }
            Verdict::Panicked(e) => write!(f, "FAIL: {e}"),
            Verdict::Skipped(why) => write!(f, "skipped: {why}"),
        }
    }
}

struct TwoWritersLine<'a>(&'a TwoWriters);

impl fmt::Display for TwoWritersLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            TwoWriters::Exact {
                runs,
                exact,
                first_wrong,
            } => {
                write!(
                    f,
                    "{exact} of {runs} runs ended with exactly {TWO_WRITERS_KEYS} entries"
                )?;
                if let Some(e) = first_wrong {
                    write!(f, " (FAIL; first wrong run: {e})")?;
                }
                Ok(())
            }
            TwoWriters::Detected {
                tally,
                other_cpu_pct,
            } => {
                write!(
                    f,
                    "detected in {} of {} runs ({} detections, {} accepted writes lost, {} runs \
                     with a wrong len)",
                    tally.runs_detected,
                    tally.runs,
                    tally.detections,
                    tally.lost_writes,
                    tally.runs_wrong_len
                )?;
                match other_cpu_pct {
                    Some(p) => write!(f, "; other processes used {p}% of a core meanwhile"),
                    None => Ok(()),
                }
            }
            TwoWriters::Skipped(why) => write!(f, "skipped: {why}"),
        }
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.config;
        let mut s = String::new();
        let _ = writeln!(
            s,
            "linearizability: {} threads, {} hot keys, {} ops per thread, {} runs per map \
             (recording runs: no timing of theirs is a measurement)",
            c.threads, c.hot_keys, c.ops, c.runs
        );
        for (m, v) in &self.linearizability {
            let _ = writeln!(s, "  {m:<18} {}", VerdictLine(v));
        }
        let _ = writeln!(
            s,
            "two-writers: two threads insert keys 0..{TWO_WRITERS_KEYS} into one fresh map, {} \
             runs per map",
            c.two_writers_runs
        );
        for (m, t) in &self.two_writers {
            let _ = writeln!(s, "  {m:<18} {}", TwoWritersLine(t));
        }
        if let Some(l) = &self.ledger {
            let _ = writeln!(
                s,
                "shared-write ledger cost (null contender, 1 thread, {} hot keys, {} interleaved \
                 rounds): {:.2} ns/op with, {:.2} without: {:+.2} (95%)",
                c.ledger_hot_keys,
                l.rounds,
                l.with_ns,
                l.without_ns,
                Estimate::of(&l.difference).mark(" ns/op")
            );
        }
        f.write_str(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_is_refused_in_one_line() {
        let ok = CheckConfig::quick();
        assert_eq!(ok.validate(), Ok(()));
        for bad in [
            CheckConfig {
                threads: 1,
                ..ok.clone()
            },
            CheckConfig {
                hot_keys: 0,
                ..ok.clone()
            },
            CheckConfig {
                maps: vec!["nope".into()],
                ..ok.clone()
            },
        ] {
            let e = bad.validate().unwrap_err();
            assert!(!e.contains('\n'), "{e}");
        }
    }

    #[test]
    fn the_kind_picker_follows_the_cumulated_mix() {
        let mix = Workload::SharedWrite.mix().0;
        assert_eq!(pick(0, &mix), OpKind::Read);
        assert_eq!(pick(39, &mix), OpKind::Read);
        assert_eq!(pick(40, &mix), OpKind::Insert);
        assert_eq!(pick(60, &mix), OpKind::Remove);
        assert_eq!(pick(99, &mix), OpKind::Update);
    }
}
