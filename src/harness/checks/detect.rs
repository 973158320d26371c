//! Detection, measured: the Go anchor's four racy programs run against `gomap-failfast`
//! through its `Result` API, to set beside how often Go's own detector fires.
//!
//! Go's `concurrent map writes` kills the process, so the Go anchor (`scripts/go-anchor/
//! detect.go`) can only count how many runs die. [`FailFastGoMap`]'s `try_*` methods report a
//! conflict as an `Err` and leave the map untouched, so a run here always finishes and more can
//! be counted: how many runs saw a conflict at all, how many conflicts per run, how many writes
//! were refused, and whether any write that *succeeded* was lost. That last count is the
//! soundness claim of `concurrent/failfast.rs` checked at run time: a write that returned `Ok`
//! reached the map under an exclusive claim, so its key must be there at the end, and the final
//! `len` must equal the number of distinct keys whose insert succeeded.
//!
//! The programs are the Go anchor's, two threads (each pinned to its own core) released by
//! one spin barrier, keys `0..K` as `u64` (not scrambled: Go's programs write `m[k] = k`
//! too):
//!
//! | program | thread 1 | thread 2 |
//! |---|---|---|
//! | `same-keys` (K = 1000) | inserts 0..K | inserts 0..K |
//! | `same-keys-grow` (K = 2^16) | the same, from an empty map: it grows while both write | |
//! | `writer-reader` (K = 1000) | inserts 0..K | reads 0..K over and over until thread 1 is done |
//! | `disjoint-keys` (K = 1000) | inserts 0..K | inserts K..2K |
//!
//! A refused write is not retried (the caller's choice; Go's program would be dead). Rows go
//! to their own file (`results/detection-rust.json` by default), never into the baseline: a
//! rate is not a speed ([`Unit::Fraction`]; `compare` never judges one).

use crate::concurrent::{ConcurrentMapError, FailFastGoMap};
use crate::harness::measuring::noise;
use crate::results::schema::{Row, Unit};
use crate::vocabulary::{Identity, Program, Suite};
use serde::Serialize;
use serde_json::json;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::thread;

/// The suite of every detection row (the Go anchor's rows use it too).
pub const SUITE: &str = "detection";
/// The map name of the rows.
pub const MAP: &str = "gomap-failfast";
/// Runs per program unless told otherwise (the Go anchor's default too).
pub const DEFAULT_RUNS: u32 = 300;

/// What one thread saw.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct ThreadLog {
    /// `Err(Writes)` answers.
    writes_errors: u64,
    /// `Err(ReadWrite)` answers.
    read_write_errors: u64,
    /// Inserts refused (either error).
    refused_writes: u64,
    /// Keys whose insert returned `Ok` (in order; a key may appear once per thread).
    accepted: Vec<u64>,
    reads: u64,
}

/// One run of one program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunOutcome {
    /// Every `Err` either thread got.
    pub detections: u64,
    pub writes_errors: u64,
    pub read_write_errors: u64,
    pub refused_writes: u64,
    pub accepted_writes: u64,
    /// Keys whose insert returned `Ok` but are missing at the end (must be 0).
    pub lost_writes: u64,
    /// Keys present with a value that no accepted insert wrote (must be 0).
    pub wrong_values: u64,
    pub final_len: u64,
    /// Distinct keys with an accepted insert: what `final_len` must be.
    pub expected_len: u64,
}

/// Releases `parties` threads at once, each on its own core: each pins itself to core
/// `party mod cores`, announces itself, then spins until all have. The last to arrive
/// releases the others by arriving, and no third thread takes part. The detector can only
/// report an overlap that happens, so the start must make it happen whenever the machine
/// has the cores (with another process busy on one of two cores, no start can): an earlier
/// version had the main thread spin (yielding) until it opened a gate — a third runnable
/// thread that could hold one of two cores at the moment of release — and left the writers
/// unpinned, free to be queued on one core; both let the writers run one after the other.
pub(crate) struct SpinBarrier {
    ready: AtomicU32,
    parties: u32,
}

impl SpinBarrier {
    pub(crate) fn new(parties: u32) -> Self {
        SpinBarrier {
            ready: AtomicU32::new(0),
            parties,
        }
    }
    pub(crate) fn wait(&self, party: usize) {
        if let Some(ids) = core_affinity::get_core_ids().filter(|c| !c.is_empty()) {
            // Unpinned (refused) is still a valid run, only a likelier miss.
            core_affinity::set_for_current(ids[party % ids.len()]);
        }
        self.ready.fetch_add(1, Ordering::AcqRel);
        while self.ready.load(Ordering::Acquire) < self.parties {
            std::hint::spin_loop();
        }
    }
}

fn insert_range(m: &FailFastGoMap<u64, u64>, keys: std::ops::Range<u64>) -> ThreadLog {
    let mut log = ThreadLog::default();
    for k in keys {
        match m.try_insert(k, k) {
            Ok(_) => log.accepted.push(k),
            Err(e) => {
                log.refused_writes += 1;
                count_error(&mut log, e);
            }
        }
    }
    log
}

fn count_error(log: &mut ThreadLog, e: ConcurrentMapError) {
    match e {
        ConcurrentMapError::Writes => log.writes_errors += 1,
        ConcurrentMapError::ReadWrite => log.read_write_errors += 1,
    }
}

fn read_until(m: &FailFastGoMap<u64, u64>, keys: u64, done: &AtomicBool) -> ThreadLog {
    let mut log = ThreadLog::default();
    let mut sum = 0u64;
    'outer: loop {
        for k in 0..keys {
            if done.load(Ordering::Acquire) {
                break 'outer;
            }
            match m.try_get(&k) {
                Ok(v) => sum = sum.wrapping_add(v.unwrap_or(0)),
                Err(e) => count_error(&mut log, e),
            }
            log.reads += 1;
        }
    }
    std::hint::black_box(sum);
    log
}

/// Runs `program` once on a fresh map from two threads and checks the map afterwards.
pub fn run_once(program: Program) -> RunOutcome {
    let k = program.keys();
    let map: FailFastGoMap<u64, u64> = FailFastGoMap::new();
    let barrier = SpinBarrier::new(2);
    let done = AtomicBool::new(false);
    let (a, b) = thread::scope(|s| {
        let (m, bar, done) = (&map, &barrier, &done);
        let first = s.spawn(move || {
            bar.wait(0);
            let log = insert_range(m, 0..k);
            done.store(true, Ordering::Release);
            log
        });
        let second = s.spawn(move || {
            bar.wait(1);
            match program {
                Program::SameKeys | Program::SameKeysGrow => insert_range(m, 0..k),
                Program::WriterReader => read_until(m, k, done),
                Program::DisjointKeys => insert_range(m, k..2 * k),
            }
        });
        (
            first.join().expect("detection thread panicked"),
            second.join().expect("detection thread panicked"),
        )
    });
    let map = map.into_inner();
    let mut accepted: Vec<u64> = a.accepted.iter().chain(&b.accepted).copied().collect();
    let accepted_writes = accepted.len() as u64;
    accepted.sort_unstable();
    accepted.dedup();
    let lost_writes = accepted.iter().filter(|&&k| map.get(&k).is_none()).count() as u64;
    // Every insert wrote value = key, so any other value is a corrupted slot.
    let wrong_values = map.iter().filter(|(k, v)| k != v).count() as u64;
    let writes_errors = a.writes_errors + b.writes_errors;
    let read_write_errors = a.read_write_errors + b.read_write_errors;
    RunOutcome {
        detections: writes_errors + read_write_errors,
        writes_errors,
        read_write_errors,
        refused_writes: a.refused_writes + b.refused_writes,
        accepted_writes,
        lost_writes,
        wrong_values,
        final_len: map.len() as u64,
        expected_len: accepted.len() as u64,
    }
}

/// The runs of one program, summed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Tally {
    pub runs: u64,
    /// Runs with at least one detection.
    pub runs_detected: u64,
    pub detections: u64,
    pub max_detections_in_a_run: u64,
    pub writes_errors: u64,
    pub read_write_errors: u64,
    pub refused_writes: u64,
    pub accepted_writes: u64,
    pub lost_writes: u64,
    pub wrong_values: u64,
    /// Runs whose final `len` differs from the distinct accepted keys.
    pub runs_wrong_len: u64,
}

impl Tally {
    fn add(&mut self, o: &RunOutcome) {
        self.runs += 1;
        self.runs_detected += u64::from(o.detections > 0);
        self.detections += o.detections;
        self.max_detections_in_a_run = self.max_detections_in_a_run.max(o.detections);
        self.writes_errors += o.writes_errors;
        self.read_write_errors += o.read_write_errors;
        self.refused_writes += o.refused_writes;
        self.accepted_writes += o.accepted_writes;
        self.lost_writes += o.lost_writes;
        self.wrong_values += o.wrong_values;
        self.runs_wrong_len += u64::from(o.final_len != o.expected_len);
    }

    /// Fraction of runs with at least one detection.
    pub fn detected_fraction(&self) -> f64 {
        ratio(self.runs_detected, self.runs)
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        f64::NAN
    } else {
        a as f64 / b as f64
    }
}

/// Runs `program` `runs` times.
pub fn measure(program: Program, runs: u32) -> Tally {
    let mut t = Tally::default();
    for _ in 0..runs {
        t.add(&run_once(program));
    }
    t
}

/// What `gomap-bench detect` runs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DetectConfig {
    pub runs: u32,
    pub programs: Vec<Program>,
}

impl Default for DetectConfig {
    fn default() -> Self {
        DetectConfig {
            runs: DEFAULT_RUNS,
            programs: Program::ALL.to_vec(),
        }
    }
}

impl DetectConfig {
    /// `--quick`: 20 runs each, seconds in all.
    pub fn quick() -> Self {
        DetectConfig {
            runs: 20,
            ..Self::default()
        }
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.runs == 0 {
            return Err("--runs must be at least 1".into());
        }
        if self.programs.is_empty() {
            return Err("--programs: empty list".into());
        }
        Ok(())
    }
}

/// The 95% Wilson score interval of `k` successes in `n` trials.
pub fn wilson95(k: u64, n: u64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let z = 1.959_963_984_540_054_f64;
    let (p, n) = (k as f64 / n as f64, n as f64);
    let d = 1.0 + z * z / n;
    let c = (p + z * z / (2.0 * n)) / d;
    let h = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / d;
    ((c - h).max(0.0), (c + h).min(1.0))
}

fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

/// One row: the value is the fraction of runs with a detection; the counts are in `extra`.
pub fn row(program: Program, t: &Tally) -> Row {
    let id = Identity::new(Suite::Detection, MAP, program)
        .size(program.keys())
        .threads(2);
    let mut r = Row::new(id, Unit::Fraction, vec![t.detected_fraction()]);
    let (lo, hi) = wilson95(t.runs_detected, t.runs);
    let e = &mut r.extra.other;
    e.insert("program".into(), json!(program.description()));
    e.insert(
        "value".into(),
        json!("fraction of runs in which a try_* call returned an error"),
    );
    e.insert("runs".into(), json!(t.runs));
    e.insert("detected".into(), json!(t.runs_detected));
    e.insert("detected_ci95".into(), json!([round4(lo), round4(hi)]));
    e.insert(
        "detections_per_run".into(),
        json!(round4(ratio(t.detections, t.runs))),
    );
    e.insert(
        "max_detections_in_a_run".into(),
        json!(t.max_detections_in_a_run),
    );
    e.insert("err_concurrent_map_writes".into(), json!(t.writes_errors));
    e.insert(
        "err_concurrent_map_read_and_map_write".into(),
        json!(t.read_write_errors),
    );
    e.insert(
        "refused_writes_per_run".into(),
        json!(round4(ratio(t.refused_writes, t.runs))),
    );
    e.insert("accepted_writes".into(), json!(t.accepted_writes));
    e.insert("lost_writes".into(), json!(t.lost_writes));
    e.insert("wrong_values".into(), json!(t.wrong_values));
    e.insert("runs_wrong_len".into(), json!(t.runs_wrong_len));
    e.insert("finished_fraction".into(), json!(1.0));
    e.insert(
        "start".into(),
        json!("spin barrier: each thread pinned to its own core, both released together"),
    );
    e.insert("api".into(), json!("try_insert / try_get (Result)"));
    // The map must come out intact whatever the interleaving: otherwise the row is invalid.
    if t.lost_writes != 0 || t.wrong_values != 0 || t.runs_wrong_len != 0 {
        r.invalidate(format!(
            "{} lost writes, {} wrong values, {} runs with a wrong len",
            t.lost_writes, t.wrong_values, t.runs_wrong_len
        ));
    }
    r
}

/// Runs every program of `cfg`, reporting a line per program through `progress`.
pub fn run(cfg: &DetectConfig, progress: &mut dyn FnMut(&str)) -> Vec<Row> {
    cfg.programs
        .iter()
        .map(|&p| {
            let before = noise::snapshot();
            let t = measure(p, cfg.runs);
            let other = before
                .zip(noise::snapshot())
                .map(|(a, b)| noise::other_cpu(&a, &b));
            progress(&format!(
                "detection {:<15} {MAP}: {} runs, {} with a detection ({:.3}), {:.2} detections/run, \
                 {} refused writes, {} lost writes, {} runs with a wrong len",
                p.name(),
                t.runs,
                t.runs_detected,
                t.detected_fraction(),
                ratio(t.detections, t.runs),
                t.refused_writes,
                t.lost_writes,
                t.runs_wrong_len
            ));
            let mut r = row(p, &t);
            if let Some(o) = other {
                // Load lowers the overlap of the two threads, and so every rate: recorded, not
                // a reason to mark the row noisy (a rate is not a time).
                r.extra.other.insert(
                    "other_cpu_pct_of_one_core".into(),
                    json!((o.pct * 10.0).round() / 10.0),
                );
            }
            r
        })
        .collect()
}

/// Parses `same-keys,writer-reader` (or `all`).
pub fn parse_programs(s: &str) -> Result<Vec<Program>, String> {
    if s.trim() == "all" {
        return Ok(Program::ALL.to_vec());
    }
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::parse)
        .collect::<Result<Vec<_>, _>>()
        .and_then(|v| {
            if v.is_empty() {
                Err("--programs: empty list".to_string())
            } else {
                Ok(v)
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for p in Program::ALL {
            assert_eq!(p.name().parse::<Program>(), Ok(p));
        }
        assert!("nope".parse::<Program>().is_err());
        assert_eq!(parse_programs("all").unwrap().len(), 4);
        assert_eq!(
            parse_programs("same-keys, disjoint-keys").unwrap(),
            vec![Program::SameKeys, Program::DisjointKeys]
        );
        assert!(parse_programs(",").is_err());
        assert!(DetectConfig {
            runs: 0,
            ..DetectConfig::default()
        }
        .validate()
        .is_err());
    }

    /// Whatever the interleaving, nothing that was accepted is lost, and every refusal is
    /// counted as a detection.
    #[test]
    fn every_program_keeps_its_accepted_writes() {
        for p in Program::ALL {
            let t = measure(p, 5);
            assert_eq!(t.runs, 5);
            assert_eq!((t.lost_writes, t.wrong_values, t.runs_wrong_len), (0, 0, 0));
            assert_eq!(t.detections, t.writes_errors + t.read_write_errors);
            assert!(t.refused_writes <= t.detections);
            let writers = if p == Program::WriterReader { 1 } else { 2 };
            assert_eq!(
                t.accepted_writes + t.refused_writes,
                5 * writers * p.keys(),
                "{p}"
            );
            let r = row(p, &t);
            assert!(r.valid, "{:?}", r.extra);
            assert_eq!(r.unit, Unit::Fraction);
            assert!((0.0..=1.0).contains(&r.median));
            assert_eq!(r.extra.other["runs"], json!(5));
        }
    }

    #[test]
    fn a_lost_write_invalidates_the_row() {
        let t = Tally {
            runs: 1,
            lost_writes: 1,
            ..Tally::default()
        };
        let r = row(Program::SameKeys, &t);
        assert!(!r.valid);
        assert_eq!(r.median, 0.0);
    }

    #[test]
    fn wilson_interval() {
        let (lo, hi) = wilson95(0, 300);
        assert!(lo.abs() < 1e-12, "{lo}");
        assert!(hi > 0.01 && hi < 0.02, "{hi}");
        let (lo, hi) = wilson95(150, 300);
        assert!(lo < 0.5 && hi > 0.5 && hi - lo < 0.12);
    }
}
