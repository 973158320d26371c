//! The results format: one versioned JSON document per run.
//!
//! Every command that measures something (`locate`, `contention`, `collect`, the Go anchor)
//! writes this shape, and every consumer (plots, `compare`) reads only this shape, so a
//! result can be re-plotted or compared long after the run that made it.
//!
//! A row's *identity* is (suite, map, op, size, threads, dist, isa): the baseline comparison
//! matches rows on it, so two rows of one file never share an identity.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bumped whenever a field is removed or changes meaning; readers reject other versions.
pub const SCHEMA_VERSION: u32 = 1;

/// One results file.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Results {
    pub schema_version: u32,
    pub run: RunInfo,
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
    pub git_revision: String,
    pub git_dirty: bool,
    pub rustc: String,
    /// `release`, `bench`, `debug`.
    pub profile: String,
    pub rustflags: String,
    pub machine: Machine,
    /// The hasher every contender that accepts one was built with.
    pub hasher: String,
    pub allocator: String,
    /// The command line and its parsed options.
    pub config: serde_json::Value,
}

/// The machine identity; `compare` refuses to compare rows from different machines.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct Machine {
    pub cpu_model: String,
    pub cores: u32,
    pub memory_gib: u32,
    pub os: String,
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
    #[serde(rename = "ns/op")]
    NsPerOp,
    #[serde(rename = "Mops/s")]
    MopsPerSec,
}

impl Unit {
    /// The unit as written in JSON and shown to people: `ns/op` or `Mops/s`.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::NsPerOp => "ns/op",
            Unit::MopsPerSec => "Mops/s",
        }
    }
    pub fn lower_is_better(self) -> bool {
        matches!(self, Unit::NsPerOp)
    }
    pub fn direction(self) -> Direction {
        if self.lower_is_better() {
            Direction::LowerIsBetter
        } else {
            Direction::HigherIsBetter
        }
    }
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    LowerIsBetter,
    HigherIsBetter,
}

/// One measured cell.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Row {
    /// `locate`, `probe`, `ops`, `contention`, `go-anchor`, …
    pub suite: String,
    /// The contender, e.g. `gomap/fast64/avx2`, `hashbrown`, `go1.22 map`.
    pub map: String,
    /// The operation (`get_hit`, `insert_presized`, …) or workload (`read-heavy`, …).
    pub op: String,
    /// Entries in the map (prefill for contention); 0 where size does not apply.
    pub size: u64,
    pub threads: u32,
    /// Key distribution: `uniform`, `zipf`, or `-` where it does not apply.
    pub dist: String,
    /// The instruction set the timed code ran with (`scalar`, `swar`, `sse2`, `avx2`, `avx512`).
    pub isa: String,
    pub unit: Unit,
    pub direction: Direction,
    /// Every sample (one per repetition / criterion sample), in `unit`.
    pub samples: Vec<f64>,
    /// Median, min and max of `samples` (NaN when there are none, e.g. an invalid row;
    /// JSON has no NaN, so it is written as `null` and read back as NaN).
    #[serde(deserialize_with = "f64_or_null")]
    pub median: f64,
    #[serde(deserialize_with = "f64_or_null")]
    pub min: f64,
    #[serde(deserialize_with = "f64_or_null")]
    pub max: f64,
    /// False when the contender failed validation: never plotted or counted as a win.
    pub valid: bool,
    /// True when other processes used enough CPU during the cell to distort it.
    pub noisy: bool,
    /// Anything else a suite records (shard count, pinned cores, latency percentiles,
    /// bytes held, confidence intervals, validation failure reason).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Row {
    /// A row from its samples: median, min and max are derived here, in one place.
    #[allow(clippy::too_many_arguments)]
    pub fn from_samples(
        suite: &str,
        map: &str,
        op: &str,
        size: u64,
        threads: u32,
        dist: &str,
        isa: &str,
        unit: Unit,
        samples: Vec<f64>,
    ) -> Row {
        let (median, min, max) = summarize(&samples);
        Row {
            suite: suite.into(),
            map: map.into(),
            op: op.into(),
            size,
            threads,
            dist: dist.into(),
            isa: isa.into(),
            unit,
            direction: unit.direction(),
            samples,
            median,
            min,
            max,
            valid: true,
            noisy: false,
            extra: BTreeMap::new(),
        }
    }

    /// The identity the baseline comparison matches rows on.
    pub fn identity(&self) -> Identity {
        Identity {
            suite: self.suite.clone(),
            map: self.map.clone(),
            op: self.op.clone(),
            size: self.size,
            threads: self.threads,
            dist: self.dist.clone(),
            isa: self.isa.clone(),
        }
    }
}

/// (suite, map, op, size, threads, dist, isa).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Identity {
    pub suite: String,
    pub map: String,
    pub op: String,
    pub size: u64,
    pub threads: u32,
    pub dist: String,
    pub isa: String,
}

impl std::fmt::Display for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}/{}/{}/size={}/threads={}/{}/{}",
            self.suite, self.map, self.op, self.size, self.threads, self.dist, self.isa
        )
    }
}

/// serde_json writes a non-finite f64 as `null`; read that `null` back as NaN so a row
/// without samples survives a round trip (a missing field is still an error).
fn f64_or_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
}

/// Median, min and max of a sample set (NaN for an empty one).
pub fn summarize(samples: &[f64]) -> (f64, f64, f64) {
    if samples.is_empty() {
        return (f64::NAN, f64::NAN, f64::NAN);
    }
    let mut s = samples.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let n = s.len();
    let median = if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    };
    (median, s[0], s[n - 1])
}
