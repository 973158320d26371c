//! The results format: one versioned JSON document per run.
//!
//! Every command that measures something (`locate`, `contention`, `run`, `collect`, the Go
//! anchor) writes this shape, and every consumer (plots, `compare`, `merge`) reads only this
//! shape, so a result can be re-plotted or compared long after the run that made it.
//!
//! In memory a row is typed: its [`Identity`] is (suite, map, op, size, threads, dist, isa)
//! with enums for the closed sets and `Option` where a field does not apply; its [`Extra`]
//! facts are named fields. On disk the row is the flat version-1 object that readers have
//! always seen (`"dist": "-"` for "does not apply", `direction` written next to `unit`):
//! [`RowWire`] is that object, and the conversions between the two are the only place that
//! knows the spelling.

// The file format is the contract with every reader: each item says what it means.
#![warn(missing_docs)]

use super::analysis::{self, summarize};
use crate::contenders::Facts;
use crate::vocabulary::{Identity, OpKind, Role, NOT_APPLICABLE};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bumped whenever a field is removed or changes meaning; readers reject other versions.
pub const SCHEMA_VERSION: u32 = 1;

/// One results file.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Results {
    /// [`SCHEMA_VERSION`] when written by this build.
    pub schema_version: u32,
    /// Where and how the rows were measured.
    pub run: RunInfo,
    /// Every measured cell; no two share an identity.
    pub rows: Vec<Row>,
}

impl Results {
    /// A results document of the current schema version.
    pub fn new(run: RunInfo, rows: Vec<Row>) -> Results {
        Results {
            schema_version: SCHEMA_VERSION,
            run,
            rows,
        }
    }
}

/// Where and how the numbers were made: enough to refuse comparing apples with oranges.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct RunInfo {
    /// RFC 3339, UTC.
    pub timestamp: String,
    /// `git rev-parse HEAD` of the source the binary was built from, or `unknown`.
    pub git_revision: String,
    /// Tracked files were modified.
    pub git_dirty: bool,
    /// `rustc -V` of the compiler that built the binary.
    pub rustc: String,
    /// `release`, `bench`, `debug`.
    pub profile: String,
    /// The RUSTFLAGS the binary was built with.
    pub rustflags: String,
    /// The machine identity and tuning state.
    pub machine: Machine,
    /// The hasher every contender that accepts one was built with.
    pub hasher: String,
    /// The global allocator (and whether it counted bytes).
    pub allocator: String,
    /// The command line and its parsed options.
    pub config: serde_json::Value,
    /// The run was stopped (SIGINT, SIGTERM) before every group had finished: the rows are
    /// the groups it finished, and the others are missing (`harness::measuring::journal`). Absent in
    /// a complete run's file, and in every file written before it existed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub partial: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The machine identity; `compare` refuses to compare rows from different machines.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct Machine {
    /// `model name` of /proc/cpuinfo.
    pub cpu_model: String,
    /// Logical CPUs.
    pub cores: u32,
    /// MemTotal, rounded to GiB.
    pub memory_gib: u32,
    /// `PRETTY_NAME` of /etc/os-release.
    pub os: String,
    /// /proc/sys/kernel/osrelease.
    pub kernel: String,
    /// Transparent huge pages mode, e.g. `madvise` (the bracketed word of
    /// /sys/kernel/mm/transparent_hugepage/enabled), or `unknown`.
    pub thp: String,
    /// CPU frequency governor, or `unknown` where unreadable (most VMs).
    pub governor: String,
    /// The best ISA the CPU offers for our SIMD strategies (`avx512`, `avx2`, `sse2`, `scalar`).
    pub isa: String,
}

/// The unit of a row, and so its direction: ns/op is better lower, Mops/s better higher.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum Unit {
    /// Nanoseconds per operation (better lower).
    #[serde(rename = "ns/op")]
    NsPerOp,
    /// Million operations per second, all threads together (better higher).
    #[serde(rename = "Mops/s")]
    MopsPerSec,
    /// A measured rate in [0, 1] (the `detection` suite: runs in which a race was detected).
    /// Not a performance figure: its direction is written as `higher_is_better` only because
    /// every row has one; `compare` never judges it and the plots skip its suite.
    #[serde(rename = "fraction")]
    Fraction,
    /// Events per operation on a simulated CPU (the `counts` suite: instructions, branches,
    /// mispredictions, cache misses; the row's op names the event). Better lower.
    #[serde(rename = "events/op")]
    EventsPerOp,
}

impl Unit {
    /// The unit as written in JSON and shown to people: `ns/op` or `Mops/s`.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::NsPerOp => "ns/op",
            Unit::MopsPerSec => "Mops/s",
            Unit::Fraction => "fraction",
            Unit::EventsPerOp => "events/op",
        }
    }
    /// False for [`Unit::Fraction`]: a rate whose change is neither a regression nor a win.
    pub fn is_performance(self) -> bool {
        !matches!(self, Unit::Fraction)
    }
    /// True for ns/op and events/op.
    pub fn lower_is_better(self) -> bool {
        matches!(self, Unit::NsPerOp | Unit::EventsPerOp)
    }
    /// Which way is better for this unit.
    pub fn direction(self) -> Direction {
        if self.lower_is_better() {
            Direction::LowerIsBetter
        } else {
            Direction::HigherIsBetter
        }
    }
}

/// Which way is better; it follows from the unit and is stored in files for their readers.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// ns/op.
    LowerIsBetter,
    /// Mops/s.
    HigherIsBetter,
}

/// One measured cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "RowWire", try_from = "RowWire")]
pub struct Row {
    /// What the row is about.
    pub id: Identity,
    /// The unit of every sample; it also fixes the direction (see [`Unit::direction`]).
    pub unit: Unit,
    /// Every sample (one per round / repetition / criterion sample), in `unit`.
    pub samples: Vec<f64>,
    /// Median, min and max of `samples` (NaN when there are none, e.g. an invalid row;
    /// JSON has no NaN, so it is written as `null` and read back as NaN). `collect` replaces
    /// the median with criterion's own estimate.
    pub median: f64,
    /// The smallest sample.
    pub min: f64,
    /// The largest sample.
    pub max: f64,
    /// False when the contender failed validation: never plotted or counted as a win. The
    /// reason is `extra.validation_error`.
    pub valid: bool,
    /// True when other processes used enough CPU during the cell to distort it.
    pub noisy: bool,
    /// Everything else the suite records.
    pub extra: Extra,
}

impl Row {
    /// A valid row from its samples: median, min and max are derived here, in one place.
    pub fn new(id: Identity, unit: Unit, samples: Vec<f64>) -> Row {
        let (median, min, max) = summarize(&samples);
        Row {
            id,
            unit,
            samples,
            median,
            min,
            max,
            valid: true,
            noisy: false,
            extra: Extra::default(),
        }
    }

    /// A paired-difference row: its samples are the per-round differences A − B (ns/op), and
    /// it records their mean and its t interval ([`Row::set_difference_interval`]).
    pub fn difference(id: Identity, diffs: Vec<f64>) -> Row {
        let mut row = Row::new(id, Unit::NsPerOp, diffs);
        row.set_difference_interval();
        row
    }

    /// Sets `extra.mean_diff` and its interval from the samples (the differences): when the
    /// row is made, and again when pooling has joined several processes' rounds.
    pub fn set_difference_interval(&mut self) {
        if let Some(d) = analysis::mean_interval(&self.samples) {
            self.extra.mean_diff = Some(d.median);
            self.extra.ci95_low = Some(d.ci95_low);
            self.extra.ci95_high = Some(d.ci95_high);
        }
    }

    /// A row that failed validation: no samples, and the reason.
    pub fn failed(id: Identity, unit: Unit, reason: impl Into<String>) -> Row {
        let mut row = Row::new(id, unit, Vec::new());
        row.invalidate(reason);
        row
    }

    /// A row whose map could not be measured at all ([`Failure`]): invalid, with the reason
    /// and how it failed.
    pub fn crashed(id: Identity, unit: Unit, failure: Failure, reason: impl Into<String>) -> Row {
        let mut row = Row::failed(id, unit, reason);
        row.extra.failure = Some(failure);
        row
    }

    /// Marks the row invalid with `reason` (the first reason given wins).
    pub fn invalidate(&mut self, reason: impl Into<String>) {
        self.valid = false;
        self.extra.validation_error.get_or_insert(reason.into());
    }

    /// The identity the baseline comparison matches rows on.
    pub fn identity(&self) -> Identity {
        self.id.clone()
    }

    /// Which way is better for this row.
    pub fn direction(&self) -> Direction {
        self.unit.direction()
    }

    /// A paired-difference row (its samples are differences A − B, `extra.mean_diff` set).
    pub fn is_difference(&self) -> bool {
        self.extra.mean_diff.is_some()
    }
}

/// Optional facts of a row, each a named field with the JSON key it has always had. A suite
/// fills the ones it knows; absent ones are not written.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extra {
    /// Why the row is invalid (set with `valid: false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_error: Option<String>,
    /// Why a row was not validated at all (the harness-only contender).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation: Option<String>,
    /// Set on an invalid row whose map did not answer at all, rather than answered wrongly:
    /// it panicked or hung (the reason is `validation_error`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<Failure>,
    /// The 95% interval: of the median (criterion) or of the mean difference (locate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci95_low: Option<f64>,
    /// The upper end of that interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci95_high: Option<f64>,
    /// The part its map plays: ours, the group's reference, another map, the harness alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// This row ÷ its group's reference, paired round by round (see [`Ratio`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<Ratio>,
    /// Interleaved rounds: how many the group ran, and the seed of their orders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounds: Option<Rounds>,
    /// The mean of a paired-difference row's samples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_diff: Option<f64>,
    /// Operations per criterion iteration (`Throughput::Elements`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ops_per_iter: Option<f64>,
    /// Contention: ops each thread ran per repetition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ops_per_thread: Option<u64>,
    /// Contention: the trial the op count was sized from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calibration: Option<Calibration>,
    /// Contention: every thread ran on the core it was pinned to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinned: Option<bool>,
    /// Contention: fraction of reads that hit, fixed by the op streams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hit_rate: Option<f64>,
    /// Contention: latency percentiles per op kind, in ns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency: Option<BTreeMap<OpKind, Percentiles>>,
    /// Contention: one op in this many was timed for `latency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_sample_every: Option<u64>,
    /// Contention: the most CPU other processes used during a repetition, % of one core.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_cpu_pct: Option<f64>,
    /// The same, per repetition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_cpu_pct_reps: Option<Vec<f64>>,
    /// Contention: bytes the map held after its prefill.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes_after_prefill: Option<i64>,
    /// The row was measured, whole or in part (its first blocks of rounds), by an earlier
    /// sitting of the run and taken from its journal by `--resume`
    /// (`harness::measuring::journal`): a stitched row says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_journal: Option<bool>,
    /// What the contender says of itself (shard count, guard policy, …).
    #[serde(flatten)]
    pub facts: Facts,
    /// Facts recorded by producers outside this crate (the Go anchor's toolchain, its mix,
    /// …), kept as they came.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

/// How a cell failed when its map did not answer (a map that answers wrongly is invalid
/// without a failure: that is a finding about the map, and the run measured it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Failure {
    /// A method of the map panicked (in any thread): the message is the reason.
    Panicked,
    /// A call into the map did not return before its deadline; the run stopped there and a
    /// `--resume` reported the cell failed instead of measuring it again.
    Hung,
}

/// A row ÷ the reference of its group, paired round by round, with its 95% interval: defined
/// with the code that computes it, in [`analysis`](super::analysis::Ratio).
pub use super::analysis::Ratio;

/// How a group's rounds were run.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rounds {
    /// Rounds run.
    pub rounds: u32,
    /// Seed of the shuffled orders.
    pub seed: u64,
    /// Wall seconds the group took, builds included.
    pub group_secs: f64,
}

/// The calibration trial of a contention cell.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// Ops per thread of the trial.
    pub trial_ops_per_thread: u64,
    /// How long the trial took.
    pub trial_secs: f64,
}

/// Latency percentiles of one op kind, in ns.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Percentiles {
    /// Median.
    pub p50: u64,
    /// 99th percentile.
    pub p99: u64,
    /// 99.9th percentile.
    pub p999: u64,
    /// The slowest op timed.
    pub max: u64,
    /// Ops timed.
    #[serde(default)]
    pub samples: u64,
}

/// A row exactly as version 1 of the format spells it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RowWire {
    suite: String,
    map: String,
    op: String,
    size: u64,
    threads: u32,
    dist: String,
    isa: String,
    unit: Unit,
    direction: Direction,
    samples: Vec<f64>,
    #[serde(deserialize_with = "f64_or_null")]
    median: f64,
    #[serde(deserialize_with = "f64_or_null")]
    min: f64,
    #[serde(deserialize_with = "f64_or_null")]
    max: f64,
    valid: bool,
    noisy: bool,
    #[serde(default, skip_serializing_if = "extra_is_empty")]
    extra: Extra,
}

fn extra_is_empty(e: &Extra) -> bool {
    *e == Extra::default()
}

impl From<Row> for RowWire {
    fn from(r: Row) -> RowWire {
        RowWire {
            suite: r.id.suite.name().into(),
            dist: r.id.dist_name().into(),
            isa: r.id.isa_name().into(),
            op: r.id.op.name().into(),
            map: r.id.map,
            size: r.id.size,
            threads: r.id.threads,
            unit: r.unit,
            direction: r.unit.direction(),
            samples: r.samples,
            median: r.median,
            min: r.min,
            max: r.max,
            valid: r.valid,
            noisy: r.noisy,
            extra: r.extra,
        }
    }
}

impl TryFrom<RowWire> for Row {
    type Error = String;
    fn try_from(w: RowWire) -> Result<Row, String> {
        if w.direction != w.unit.direction() {
            return Err(format!(
                "direction {:?} contradicts unit {}",
                w.direction,
                w.unit.as_str()
            ));
        }
        Ok(Row {
            id: Identity {
                suite: w.suite.parse()?,
                map: w.map,
                op: w.op.parse()?,
                size: w.size,
                threads: w.threads,
                dist: applicable(&w.dist).map(str::parse).transpose()?,
                isa: applicable(&w.isa).map(str::parse).transpose()?,
            },
            unit: w.unit,
            samples: w.samples,
            median: w.median,
            min: w.min,
            max: w.max,
            valid: w.valid,
            noisy: w.noisy,
            extra: w.extra,
        })
    }
}

/// `None` for the file's "does not apply".
fn applicable(s: &str) -> Option<&str> {
    (s != NOT_APPLICABLE).then_some(s)
}

/// serde_json writes a non-finite f64 as `null`; read that `null` back as NaN so a row
/// without samples survives a round trip (a missing field is still an error).
fn f64_or_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
}

/// The rows of `docs` in order, a later row replacing an earlier one with the same identity
/// in place (a re-run wins): what `merge` writes and what `plot` draws.
pub fn latest_rows<'a>(docs: impl IntoIterator<Item = &'a Results>) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut at: std::collections::HashMap<Identity, usize> = std::collections::HashMap::new();
    for row in docs.into_iter().flat_map(|d| &d.rows) {
        match at.get(&row.id) {
            Some(&i) => rows[i] = row.clone(),
            None => {
                at.insert(row.id.clone(), rows.len());
                rows.push(row.clone());
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::{Isa, Op, Suite};

    fn row() -> Row {
        Row::new(
            Identity::new(Suite::Ops, "gomap/fast64", Op::GetHit)
                .size(1024)
                .isa(Some(Isa::Avx2)),
            Unit::NsPerOp,
            vec![3.0, 1.0, 2.0],
        )
    }

    #[test]
    fn wire_form_is_version_1() {
        let v = serde_json::to_value(row()).unwrap();
        assert_eq!(v["suite"], "ops");
        assert_eq!(v["op"], "get_hit");
        assert_eq!(v["dist"], "-");
        assert_eq!(v["isa"], "avx2");
        assert_eq!(v["direction"], "lower_is_better");
        assert_eq!(v["median"], 2.0);
        assert!(v.get("extra").is_none(), "an empty extra is not written");
        let back: Row = serde_json::from_value(v).unwrap();
        assert_eq!(back, row());
    }

    #[test]
    fn closed_sets_are_checked_on_reading() {
        let mut v = serde_json::to_value(row()).unwrap();
        v["op"] = "fly".into();
        let e = serde_json::from_value::<Row>(v.clone()).unwrap_err();
        assert!(e.to_string().contains("unknown op 'fly'"), "{e}");
        v["op"] = "get_hit".into();
        v["direction"] = "higher_is_better".into();
        assert!(serde_json::from_value::<Row>(v).is_err());
    }

    #[test]
    fn unknown_extras_are_kept() {
        let mut v = serde_json::to_value(row()).unwrap();
        v["extra"] = serde_json::json!({"go_version": "go1.22", "shards": 8, "ci95_low": 1.5});
        let r: Row = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(r.extra.other["go_version"], "go1.22");
        assert_eq!(r.extra.facts.shards, Some(8));
        assert_eq!(r.extra.ci95_low, Some(1.5));
        assert_eq!(serde_json::to_value(&r).unwrap(), v);
    }

    #[test]
    fn later_rows_replace_earlier_ones() {
        let mut a = row();
        let mut b = row();
        b.median = 9.0;
        a.id.size = 1;
        let docs = [
            Results::new(RunInfo::default(), vec![a.clone(), row()]),
            Results::new(RunInfo::default(), vec![b.clone()]),
        ];
        assert_eq!(latest_rows(&docs), vec![a, b]);
    }
}
