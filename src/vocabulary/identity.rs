//! A row's identity: (suite, map, op, size, threads, dist, isa). The baseline comparison
//! matches rows on it, `merge` and `plot` replace rows by it, and it is unique within a
//! results file. [`Suite`] and [`OpId`] are its closed sets.

use super::event::Counted;
use super::isa::Isa;
use super::kernel::{IndexKernel, Pattern};
use super::op::Op;
use super::program::Program;
use super::workload::{Dist, Workload};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// The spelling of "does not apply" in the `dist` and `isa` fields of a file.
pub const NOT_APPLICABLE: &str = "-";

/// Which suite a row belongs to: the question it answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Suite {
    /// The bucket index, alone and in a lookup: precomputed mask vs recomputed from B.
    Locate,
    /// Tophash probe strategies on the same buckets.
    Probe,
    /// Single-thread operations, every map (and the Go anchor's maps).
    Ops,
    /// Concurrent maps under a workload at a thread count.
    Contention,
    /// Go's racy programs: how often a concurrent write is detected (rates, not speeds).
    Detection,
    /// Events per operation of the single-thread loops on a simulated CPU (valgrind's
    /// callgrind): instructions, branches, mispredictions, cache misses.
    Counts,
}

impl Suite {
    /// Every suite.
    pub const ALL: [Suite; 6] = [
        Suite::Locate,
        Suite::Probe,
        Suite::Ops,
        Suite::Contention,
        Suite::Detection,
        Suite::Counts,
    ];

    /// The name files and the CLI use.
    pub fn name(self) -> &'static str {
        match self {
            Suite::Locate => "locate",
            Suite::Probe => "probe",
            Suite::Ops => "ops",
            Suite::Contention => "contention",
            Suite::Detection => "detection",
            Suite::Counts => "counts",
        }
    }
}

impl FromStr for Suite {
    type Err = String;
    fn from_str(s: &str) -> Result<Suite, String> {
        Suite::ALL
            .into_iter()
            .find(|x| x.name() == s)
            .ok_or_else(|| format!("unknown suite '{s}'"))
    }
}

/// What a row times: a single-thread operation, a contention workload, an index kernel or a
/// probe pattern. The names of the four sets are disjoint, so a name alone says which.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OpId {
    /// A single-thread operation (`ops`, `locate`).
    Single(Op),
    /// A contention workload.
    Workload(Workload),
    /// A bucket-index kernel (`locate`).
    Index(IndexKernel),
    /// A tophash probe pattern (`probe`).
    Probe(Pattern),
    /// A racy program (`detection`).
    Detection(Program),
    /// One event of a counted single-thread operation (`counts`).
    Counted(Counted),
}

impl OpId {
    /// The name files use.
    pub fn name(self) -> &'static str {
        match self {
            OpId::Single(o) => o.name(),
            OpId::Workload(w) => w.name(),
            OpId::Index(k) => k.name(),
            OpId::Probe(p) => p.name(),
            OpId::Detection(p) => p.name(),
            OpId::Counted(c) => c.name(),
        }
    }
}

impl FromStr for OpId {
    type Err = String;
    fn from_str(s: &str) -> Result<OpId, String> {
        Op::parse(s)
            .map(OpId::Single)
            .or_else(|| s.parse().ok().map(OpId::Workload))
            .or_else(|| IndexKernel::parse(s).map(OpId::Index))
            .or_else(|| Pattern::parse(s).map(OpId::Probe))
            .or_else(|| s.parse().ok().map(OpId::Detection))
            .or_else(|| Counted::parse(s).map(OpId::Counted))
            .ok_or_else(|| format!("unknown op '{s}'"))
    }
}

impl From<Op> for OpId {
    fn from(o: Op) -> OpId {
        OpId::Single(o)
    }
}
impl From<Workload> for OpId {
    fn from(w: Workload) -> OpId {
        OpId::Workload(w)
    }
}
impl From<IndexKernel> for OpId {
    fn from(k: IndexKernel) -> OpId {
        OpId::Index(k)
    }
}
impl From<Program> for OpId {
    fn from(p: Program) -> OpId {
        OpId::Detection(p)
    }
}
impl From<Counted> for OpId {
    fn from(c: Counted) -> OpId {
        OpId::Counted(c)
    }
}
impl From<Pattern> for OpId {
    fn from(p: Pattern) -> OpId {
        OpId::Probe(p)
    }
}

impl fmt::Display for OpId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

serde_by_name!(Suite);
serde_by_name!(OpId);

/// What a row is about: the baseline comparison matches rows on it, `merge` and `plot`
/// replace rows by it, and it is unique within a file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Identity {
    /// The question the row answers.
    pub suite: Suite,
    /// The contender, e.g. `gomap/fast64`, `hashbrown`, `go1.22 map` (an open set: the Go
    /// anchor names its toolchains).
    pub map: String,
    /// What is timed.
    pub op: OpId,
    /// Entries in the map (prefill for contention); 0 where size does not apply.
    pub size: u64,
    /// Threads running the op.
    pub threads: u32,
    /// The key distribution of reads and updates, where one applies.
    pub dist: Option<Dist>,
    /// The instruction set the timed code ran with, where one applies.
    pub isa: Option<Isa>,
}

impl Identity {
    /// A one-thread identity without size, distribution or ISA; set those that apply with
    /// the builder methods.
    pub fn new(suite: Suite, map: impl Into<String>, op: impl Into<OpId>) -> Identity {
        Identity {
            suite,
            map: map.into(),
            op: op.into(),
            size: 0,
            threads: 1,
            dist: None,
            isa: None,
        }
    }
    /// With `size` entries.
    pub fn size(mut self, size: u64) -> Identity {
        self.size = size;
        self
    }
    /// At `threads` threads.
    pub fn threads(mut self, threads: u32) -> Identity {
        self.threads = threads;
        self
    }
    /// With this key distribution (`None`: does not apply).
    pub fn dist(mut self, dist: Option<Dist>) -> Identity {
        self.dist = dist;
        self
    }
    /// Run with this ISA (`None`: does not apply).
    pub fn isa(mut self, isa: Option<Isa>) -> Identity {
        self.isa = isa;
        self
    }

    /// The `dist` field as written in files and reports.
    pub fn dist_name(&self) -> &'static str {
        self.dist.map_or(NOT_APPLICABLE, Dist::name)
    }

    /// The `isa` field as written in files and reports.
    pub fn isa_name(&self) -> &'static str {
        self.isa.map_or(NOT_APPLICABLE, Isa::name)
    }

    /// The order reports list rows in: field by field, by the names a file spells.
    fn sort_key(&self) -> (&str, &str, &str, u64, u32, &str, &str) {
        (
            self.suite.name(),
            &self.map,
            self.op.name(),
            self.size,
            self.threads,
            self.dist_name(),
            self.isa_name(),
        )
    }
}

impl Ord for Identity {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialOrd for Identity {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}/{}/size={}/threads={}/{}/{}",
            self.suite.name(),
            self.map,
            self.op,
            self.size,
            self.threads,
            self.dist_name(),
            self.isa_name()
        )
    }
}
