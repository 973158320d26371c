//! Comparison groups: what is measured side by side, how its members are built, and the rows
//! they become.
//!
//! A group is everything one question compares at one point: the maps of one single-thread
//! op at one size (and, for get_hit, each map's from-B twin), the two bucket-index
//! strategies of one kernel, the probe strategies of one pattern, or the contenders of one
//! workload, distribution and thread count. Its members are built before the first round
//! (and refused, in one line, if they would not fit in memory), sampled in interleaved
//! rounds ([`rounds`](crate::harness::measuring::rounds)), checked, and turned into rows, each with its ratio to
//! the group's reference, paired round by round:
//!
//! | group | reference (declared by) |
//! |---|---|
//! | ops | `hashbrown` (`contenders::single`, `Role::Reference`) |
//! | ops, get_hit: a map vs its from-B twin | the twin (`Entry::from_b_of`), rows of suite `locate` |
//! | locate index kernels | `from-b`, Go's way ([`Locate::IS_GO`]) |
//! | probe | `scalar`, Go's loop ([`Probe::IS_GO`]) |
//! | contention | `dashmap` (`contenders`, `Role::Reference`) |
//!
//! [`with_group`] builds a group and hands it to a driver: the local suites run the rounds
//! of all their groups in sweeps ([`run_groups`]), each group's blocks spread over the
//! suite, every finished block journaled; `gomap-bench ab`'s workers run them one request
//! at a time, so that two builds alternate.
//!
//! A contention member runs a map under test, which is untrusted code: every call into a
//! member (its build, a sample, a rebuild, the final checks, its facts, its drop) is caught
//! ([`fault`]: a panic puts that member out with its message, the others go on) and, in a
//! contention group, watched ([`watchdog`]: a call that never returns stops the run, the
//! journal saying which cell hung). The maps come from the registry, a user's own
//! included (`contenders::added`).
//!
//! What a row's figures are (its ratio, its interval, a paired difference) is computed in
//! `results::analysis`; this file only says which samples are paired with which. It is one
//! piece, tests included, because the spec, the group, its builders and the sweeps share a
//! visit's state (`Earlier`, `Start`, a slot's member), which stays private here.

use crate::harness::measuring::index_kernels::{self, Header};

use crate::contenders::added::Jobs;
use crate::contenders::single::{self as single_reg, Entry, SingleMap, Visit};
use crate::contenders::{self, Contender, ContenderVisitor};
use crate::gomap::locate::{FromB, Locate, Precomputed};
use crate::gomap::probe::{Probe, Scalar, Swar};
use crate::harness::measuring::fault::{self, Fault};
use crate::harness::measuring::journal::Journal;
use crate::harness::measuring::noise;
use crate::harness::measuring::placement;
use crate::harness::measuring::probe_kernels::{self};
use crate::harness::measuring::rounds::{self, KernelMember, Member, Outcome, Plan};
use crate::harness::measuring::runner::{generate_streams, CellSpec, ContentionMember, SampleSize};
use crate::harness::measuring::single::{Fixture, OpMember};
use crate::harness::measuring::stop::{self, Signal};
use crate::harness::measuring::watchdog::{self, Watched};
use crate::harness::workloads::workload::ThreadStream;
use crate::results::analysis;
use crate::results::format::{self, SizeStyle};
use crate::results::schema::{Failure, Ratio, Rounds, Row, Unit};
use crate::rng::SplitMix64;
use crate::vocabulary::{Identity, IndexKernel, Isa, Op, OpId, Pattern, Role, Suite};
use serde::{Deserialize, Serialize};
use std::time::{Duration, Instant};

/// One comparison group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum GroupSpec {
    /// One single-thread op at one size; `maps` are single-thread registry names.
    Ops {
        op: Op,
        size: u64,
        maps: Vec<String>,
    },
    /// One bucket-index kernel, both strategies.
    Index { kernel: IndexKernel },
    /// One probe pattern, every strategy this CPU runs.
    Probe { pattern: Pattern },
    /// One contention cell; `maps` are contender names; each thread's op stream holds
    /// `stream_ops` ops (the steady workloads wrap around it, rebuilding the map);
    /// `sample_ops` fixes the timed ops per thread of a sample instead of calibrating.
    Contention {
        cell: CellSpec,
        maps: Vec<String>,
        stream_ops: u64,
        sample_ops: Option<u64>,
    },
}

/// B of the index kernels: a 2^10-entry table fits in L1, so the latency chain measures the
/// index computation, not the cache.
pub const INDEX_B: u8 = 10;

/// A rough upper bound of the bytes one u64 → u64 entry costs in any map we run, growth
/// included (GoMap: 144-byte buckets at ≥ 81% load, doubled; SwissTables: 17 bytes a slot at
/// ≥ 7/8, doubled; old and new arrays both live during a growth).
const BYTES_PER_ENTRY: u64 = 128;

impl GroupSpec {
    /// A one-line name: `ops get_hit 2^16`, `contention exchange zipf 2 threads`.
    pub fn label(&self) -> String {
        match self {
            GroupSpec::Ops { op, size, .. } => {
                format!(
                    "ops {} {}",
                    op.name(),
                    format::size(*size, SizeStyle::Power)
                )
            }
            GroupSpec::Index { kernel } => format!("locate {}", kernel.name()),
            GroupSpec::Probe { pattern } => format!("probe {}", pattern.name()),
            GroupSpec::Contention { cell, .. } => format!(
                "contention {} {} {} thr",
                cell.workload,
                cell.identity("-").dist_name(),
                cell.threads
            ),
        }
    }

    /// Bytes the group holds at once, roughly: every read map lives through all rounds; a
    /// write op holds one map at a time; contention holds every member's map and the streams.
    pub fn bytes_needed(&self) -> u64 {
        match self {
            GroupSpec::Ops { op, size, maps } => {
                let live = if op.is_read() { maps.len() as u64 } else { 1 };
                live * size * BYTES_PER_ENTRY + size * 16
            }
            GroupSpec::Index { .. } | GroupSpec::Probe { .. } => 1 << 20,
            GroupSpec::Contention {
                cell,
                maps,
                stream_ops,
                sample_ops,
            } => {
                let streams = cell.stream_len(*stream_ops, *sample_ops) * 8 * cell.threads as u64;
                let entries = cell.workload.prefill(cell.size) + cell.size * cell.threads as u64;
                maps.len() as u64 * entries * BYTES_PER_ENTRY + streams
            }
        }
    }

    /// What names the group in a journal (`harness::measuring::journal`): its whole spec, as JSON.
    pub fn key(&self) -> serde_json::Value {
        serde_json::to_value(self).expect("a group spec is plain data")
    }

    /// The maps of a group of named maps, in the order of its members.
    pub fn maps(&self) -> Option<&[String]> {
        match self {
            GroupSpec::Ops { maps, .. } | GroupSpec::Contention { maps, .. } => Some(maps),
            GroupSpec::Index { .. } | GroupSpec::Probe { .. } => None,
        }
    }

    /// Refuses a group that would not fit in the memory available now.
    pub fn check_memory(&self) -> Result<(), String> {
        let need = self.bytes_needed();
        match available_bytes() {
            Some(avail) if need > avail / 10 * 8 => Err(format!(
                "{}: needs about {:.1} GiB for its maps, {:.1} GiB are available; use fewer maps or a smaller size",
                self.label(),
                need as f64 / GIB,
                avail as f64 / GIB
            )),
            _ => Ok(()),
        }
    }
}

const GIB: f64 = (1u64 << 30) as f64;

/// `MemAvailable` of /proc/meminfo, in bytes.
fn available_bytes() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// A member, or why it could not be built.
type Built<'a> = Result<Box<dyn Member + 'a>, Fault>;

/// One member as the group keeps it: the identity of its row, its part, and the member
/// itself (or why it could not be built).
pub struct Slot<'a> {
    pub id: Identity,
    pub role: Role,
    /// For a from-B twin: the slot of the map it is the twin of.
    pub twin_of: Option<usize>,
    member: Built<'a>,
}

impl Slot<'_> {
    /// `hashbrown [sse2]`, `dashmap`: how a ratio names its reference.
    pub fn label(&self) -> String {
        format::map_label(&self.id)
    }
}

/// A built group, ready for rounds.
pub struct Group<'a> {
    pub spec: GroupSpec,
    pub unit: Unit,
    pub slots: Vec<Slot<'a>>,
    outcomes: Vec<Outcome>,
    rounds_run: u32,
    seed: u64,
    started: Instant,
    noise_before: Option<noise::CpuSnapshot>,
    /// Single-thread groups: whether the thread runs pinned to its core.
    pinned: Option<bool>,
    /// What earlier visits of this group measured (see [`run_groups`]).
    earlier: Earlier,
    /// Blocks the group's rounds are cut into ([`Plan::blocks`]).
    blocks: u32,
    /// Contention groups: how their calls into members are watched for hangs.
    watch: Option<Watch>,
}

/// How a group starts: its shuffle seed, when it was built, whether its thread is pinned,
/// what earlier visits measured, the plan's blocks, and the watch on its calls.
struct Start {
    seed: u64,
    t0: Instant,
    pinned: Option<bool>,
    earlier: Earlier,
    blocks: u32,
    watch: Option<Watch>,
}

/// What a group's earlier visits left: each member's samples so far (or why it failed),
/// the rounds planned and run, their wall time, and the most CPU other processes took during
/// any of them. The next visit builds every member afresh (but those that failed) and goes
/// on from here. It is all data, so a journal keeps it after each block (see [`run_groups`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Earlier {
    outcomes: Option<Vec<Outcome>>,
    rounds_run: u32,
    /// The rounds of the whole group, planned on its first visit.
    planned: Option<u32>,
    secs: f64,
    other: Option<noise::OtherCpu>,
    /// Taken from a journal: blocks of this group were measured by an earlier sitting.
    #[serde(skip)]
    from_journal: bool,
}

impl Earlier {
    /// Member `slot` of `slots` failed (`failure`) for `reason`: it is out from now on, and
    /// not built again.
    fn fail(&mut self, slot: usize, slots: usize, failure: Failure, reason: String) {
        let outcomes = self.outcomes.get_or_insert_with(Vec::new);
        if outcomes.len() < slots {
            outcomes.resize(slots, Outcome::default());
        }
        outcomes[slot].fail(Fault {
            reason,
            failure: Some(failure),
        });
    }

    /// Why member `slot` is out, if an earlier visit (or sitting) put it out.
    fn fault_of(&self, slot: usize) -> Option<Fault> {
        let o = self.outcomes.as_ref()?.get(slot)?;
        o.error.clone().map(|reason| Fault {
            reason,
            failure: o.failure,
        })
    }
}

/// How a contention group's calls into its members are watched ([`watchdog`]).
#[derive(Clone, Debug)]
struct Watch {
    /// The group's journal key.
    group: serde_json::Value,
    cell: CellSpec,
    /// An upper bound of the map ops one thread makes in any one call: a pass over the
    /// streams, a validation's read-back, a rebuild's prefill and a checked replay's.
    ops: u64,
    sample_secs: f64,
}

impl Watch {
    /// The watch on `spec`'s calls, for contention groups (the others run no map of a user's).
    fn of(spec: &GroupSpec, plan: &Plan) -> Option<Watch> {
        match spec {
            GroupSpec::Contention {
                cell,
                stream_ops,
                sample_ops,
                ..
            } => Some(Watch {
                group: spec.key(),
                cell: *cell,
                ops: 3 * cell.workload.prefill(cell.size)
                    + 2 * cell.stream_len(*stream_ops, *sample_ops),
                sample_secs: plan.sample_secs,
            }),
            _ => None,
        }
    }

    /// `map`'s cell, doing `doing`.
    fn watched(&self, map: &str, doing: &str) -> Watched {
        let c = &self.cell;
        Watched {
            group: self.group.clone(),
            map: map.into(),
            cell: format!(
                "{map} {} {} size={} threads={}",
                c.workload,
                c.identity(map).dist_name(),
                c.size,
                c.threads
            ),
            doing: doing.into(),
        }
    }

    /// The deadline of a call planned to take `planned` seconds.
    fn limit(&self, planned: f64) -> Duration {
        watchdog::deadline(planned.max(self.sample_secs), self.ops, self.cell.threads)
    }
}

/// Calls `f`, a call into `map`'s member doing `doing` (planned to take `planned` seconds):
/// caught, and watched where the group is.
fn guarded<T>(
    watch: Option<&Watch>,
    map: &str,
    doing: &str,
    planned: f64,
    f: impl FnOnce() -> Result<T, String>,
) -> Result<T, Fault> {
    match watch {
        Some(w) => watchdog::watch(w.watched(map, doing), w.limit(planned), || fault::call(f)),
        None => fault::call(f),
    }
}

/// The busier of two measurements of the other processes' CPU.
fn busier(a: Option<noise::OtherCpu>, b: Option<noise::OtherCpu>) -> Option<noise::OtherCpu> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.pct > x.pct { y } else { x }),
        (x, y) => x.or(y),
    }
}

impl<'a> Group<'a> {
    fn new(spec: &GroupSpec, unit: Unit, slots: Vec<Slot<'a>>, start: Start) -> Self {
        let Start {
            seed,
            t0,
            pinned,
            mut earlier,
            blocks,
            watch,
        } = start;
        // A member keeps its samples from earlier visits; one that failed then, or cannot
        // be built now, is out.
        let mut outcomes = earlier.outcomes.take().unwrap_or_default();
        outcomes.resize(slots.len(), Outcome::default());
        for (o, s) in outcomes.iter_mut().zip(&slots) {
            if let (None, Err(f)) = (&o.error, &s.member) {
                o.fail(f.clone());
            }
        }
        Group {
            spec: spec.clone(),
            unit,
            slots,
            outcomes,
            rounds_run: earlier.rounds_run,
            seed,
            started: t0,
            noise_before: noise::snapshot(),
            pinned,
            earlier,
            blocks,
            watch,
        }
    }

    /// Calls member `i` (caught, and watched in a contention group), doing `doing`: its
    /// answer, or `None` once it is out. A fault puts it out, the reason prefixed by
    /// `doing`; one whose map did not answer (a panic) is dropped at once.
    fn call_member<T>(
        &mut self,
        i: usize,
        doing: &str,
        f: impl FnOnce(&mut (dyn Member + 'a)) -> Result<T, String>,
    ) -> Option<T> {
        if self.outcomes[i].error.is_some() {
            return None;
        }
        let slot = &mut self.slots[i];
        let m = slot.member.as_mut().ok()?;
        let planned = m.sample_cost_secs();
        match guarded(self.watch.as_ref(), &slot.id.map, doing, planned, || {
            f(&mut **m)
        }) {
            Ok(x) => Some(x),
            Err(fault) => {
                let crashed = fault.failure.is_some();
                self.outcomes[i].fail(fault.at(doing));
                if crashed {
                    self.retire(i);
                }
                None
            }
        }
    }

    /// Drops member `i` (caught and watched: it is the map's code); a drop that panics is
    /// the member's fault, returned.
    fn retire(&mut self, i: usize) -> Option<Fault> {
        let why = Fault::from(self.outcomes[i].error.clone().unwrap_or_default());
        let m = std::mem::replace(&mut self.slots[i].member, Err(why)).ok()?;
        let map = &self.slots[i].id.map;
        guarded(self.watch.as_ref(), map, "drop", 0.0, || {
            drop(m);
            Ok(())
        })
        .err()
        .map(|f| f.at("drop"))
    }

    /// Drops every member; a member still in the running whose drop panics is out.
    fn retire_all(&mut self) -> Vec<Option<Fault>> {
        (0..self.slots.len())
            .map(|i| {
                let f = self.retire(i);
                if let (Some(f), None) = (&f, &self.outcomes[i].error) {
                    self.outcomes[i].fail(f.clone());
                }
                f
            })
            .collect()
    }

    /// Runs every member's checks, drops them, and keeps what this visit measured for the
    /// next one.
    fn leave(mut self) -> Earlier {
        self.check_members();
        self.retire_all();
        let other = busier(self.earlier.other, self.other_cpu());
        Earlier {
            outcomes: Some(self.outcomes),
            rounds_run: self.rounds_run,
            planned: self.earlier.planned,
            secs: self.earlier.secs + self.started.elapsed().as_secs_f64(),
            other,
            from_journal: self.earlier.from_journal,
        }
    }

    /// CPU other processes took during this visit.
    fn other_cpu(&self) -> Option<noise::OtherCpu> {
        self.noise_before
            .zip(noise::snapshot())
            .map(|(b, a)| noise::other_cpu(&b, &a))
    }

    /// The final checks of every member still in the running.
    fn check_members(&mut self) {
        for i in 0..self.slots.len() {
            self.call_member(i, "final checks", |m| m.finish());
        }
    }

    /// Wall seconds one round takes, by the members' calibration.
    pub fn round_cost_secs(&self) -> f64 {
        self.slots
            .iter()
            .filter_map(|s| s.member.as_ref().ok())
            .map(|m| m.sample_cost_secs())
            .sum()
    }

    /// Runs the next round (members in the plan's shuffled order); returns each member's
    /// sample, `None` for a member that has failed.
    pub fn round(&mut self) -> Vec<Option<f64>> {
        let mut got = vec![None; self.slots.len()];
        for i in self.order() {
            got[i] = self.sample_one(i);
        }
        self.end_round();
        got
    }

    /// The shuffled order of the next round.
    pub fn order(&self) -> Vec<usize> {
        rounds::order(self.seed, self.rounds_run, self.slots.len())
    }

    /// One sample of member `i` in the current round; `None` once it has failed.
    pub fn sample_one(&mut self, i: usize) -> Option<f64> {
        let round = format!("round {}", self.rounds_run + 1);
        let x = self.call_member(i, &round, |m| m.sample())?;
        self.outcomes[i].samples.push(x);
        Some(x)
    }

    /// Closes the current round (after [`Group::sample_one`] of each member).
    pub fn end_round(&mut self) {
        self.rounds_run += 1;
    }

    /// Rebuilds every member that is still in the running (between blocks of rounds).
    pub fn rebuild(&mut self) {
        let doing = format!("rebuild after round {}", self.rounds_run);
        for i in 0..self.slots.len() {
            self.call_member(i, &doing, |m| m.rebuild());
        }
    }

    /// The rounds of each block, as index ranges into a member's samples.
    fn block_ranges(&self) -> Vec<std::ops::Range<usize>> {
        (0..self.blocks.max(1))
            .map(|k| {
                let r = rounds::block_rounds(self.blocks, k, self.rounds_run);
                r.start as usize..r.end as usize
            })
            .collect()
    }

    /// The final checks, then the rows (from every visit's rounds).
    pub fn finish(mut self) -> Vec<Row> {
        self.check_members();
        let other = busier(self.earlier.other, self.other_cpu());
        let rounds = Rounds {
            rounds: self.rounds_run,
            seed: self.seed,
            group_secs: self.earlier.secs + self.started.elapsed().as_secs_f64(),
        };
        let mut rows: Vec<Row> = Vec::new();
        for (s, o) in self.slots.iter().zip(&self.outcomes) {
            let mut row = match (&o.error, o.failure) {
                (None, _) => Row::new(s.id.clone(), self.unit, o.samples.clone()),
                (Some(e), None) => Row::failed(s.id.clone(), self.unit, e.clone()),
                (Some(e), Some(f)) => Row::crashed(s.id.clone(), self.unit, f, e.clone()),
            };
            row.extra.role = Some(s.role);
            row.extra.rounds = Some(rounds);
            if self.earlier.from_journal {
                // Stitched: its first blocks were measured by an earlier sitting.
                row.extra.from_journal = Some(true);
            }
            if let Ok(m) = &s.member {
                // The contender's facts are the map's code too.
                let mut x = row.extra.clone();
                match guarded(self.watch.as_ref(), &s.id.map, "facts", 0.0, || {
                    m.describe(&mut x);
                    Ok(())
                }) {
                    Ok(()) => row.extra = x,
                    Err(f) => crash(&mut row, f.at("facts")),
                }
            }
            if self.pinned.is_some() {
                row.extra.pinned = self.pinned;
            }
            if let Some(o) = &other {
                row.noisy = o.is_noisy();
                row.extra.other_cpu_pct = Some((o.pct * 10.0).round() / 10.0);
            }
            rows.push(row);
        }
        for (row, f) in rows.iter_mut().zip(self.retire_all()) {
            if let (true, Some(f)) = (row.valid, f) {
                crash(row, f);
            }
        }
        // Each row ÷ the group's reference, round by round.
        if let Some(r) = self.slots.iter().position(|s| s.role == Role::Reference) {
            if rows[r].valid {
                let label = self.slots[r].label();
                let costs = self.unit.lower_is_better();
                let blocks = self.block_ranges();
                for i in 0..rows.len() {
                    if i != r && rows[i].valid {
                        let (a, b) = (&rows[i].samples, &rows[r].samples);
                        rows[i].extra.ratio = Ratio::measure(&label, a, b, costs, &blocks);
                    }
                }
            }
        }
        // A from-B twin: the map's own locate row (its ratio to the twin) and the paired
        // difference precomputed − from-B in ns.
        let mut extra_rows = Vec::new();
        for (t, slot) in self.slots.iter().enumerate() {
            let Some(m) = slot.twin_of else { continue };
            let (main, twin) = (&rows[m], &rows[t]);
            if !(main.valid && twin.valid) {
                continue;
            }
            let mut own = main.clone();
            own.id.suite = twin.id.suite;
            own.extra.ratio = Ratio::measure(
                &self.slots[t].label(),
                &main.samples,
                &twin.samples,
                true,
                &self.block_ranges(),
            );
            let short = main.id.map.strip_prefix("gomap/").unwrap_or(&main.id.map);
            let mut diff_id = twin.id.clone();
            diff_id.map = difference_name(Some(short));
            extra_rows.push(own);
            extra_rows.push(difference_row(diff_id, &main.samples, &twin.samples));
        }
        // The index kernels: the same difference between the two strategies.
        if let GroupSpec::Index { .. } = self.spec {
            if let [pre, fromb] = &rows[..] {
                if pre.valid && fromb.valid {
                    let mut id = pre.id.clone();
                    id.map = difference_name(None);
                    extra_rows.push(difference_row(id, &pre.samples, &fromb.samples));
                }
            }
        }
        rows.extend(extra_rows);
        rows
    }
}

/// Marks a row failed by `f`, a panic: no samples, the reason and the failure; the facts
/// it has are kept.
fn crash(row: &mut Row, f: Fault) {
    let failure = f.failure.unwrap_or(Failure::Panicked);
    let mut extra = std::mem::take(&mut row.extra);
    *row = Row::crashed(row.id.clone(), row.unit, failure, f.reason);
    extra.validation_error = row.extra.validation_error.take();
    extra.failure = Some(failure);
    row.extra = extra;
}

/// The map name of a paired-difference row: `<a>-minus-<b>`, prefixed by the path.
pub fn difference_name(path: Option<&str>) -> String {
    let pair = format!("{}-minus-{}", Precomputed::NAME, FromB::NAME);
    match path {
        Some(p) => format!("{p}: {pair}"),
        None => pair,
    }
}

/// The paired-difference row: its samples are the differences A − B (ns/op) of the
/// undisturbed rounds, with the t interval of their mean.
fn difference_row(id: Identity, a: &[f64], b: &[f64]) -> Row {
    Row::difference(id, analysis::paired_differences(a, b))
}

/// Builds `spec`'s group and hands it to `drive`. The fixture, streams and tables the
/// members borrow live here, for as long as `drive` runs.
pub fn with_group<R>(
    spec: &GroupSpec,
    plan: &Plan,
    drive: impl FnOnce(Group<'_>) -> R,
) -> Result<R, String> {
    with_group_after(spec, plan, Earlier::default(), drive)
}

/// [`with_group`] for a later visit of a group: the members are built afresh (but those an
/// earlier visit put out) and go on from what `earlier` visits measured.
fn with_group_after<R>(
    spec: &GroupSpec,
    plan: &Plan,
    earlier: Earlier,
    drive: impl FnOnce(Group<'_>) -> R,
) -> Result<R, String> {
    spec.check_memory()?;
    // Single-thread members are built, calibrated and sampled on one fixed core; contention
    // members pin their own threads.
    let pin = match spec {
        GroupSpec::Contention { .. } => None,
        _ => Some(placement::pin_to_last_core()),
    };
    let pinned = pin.as_ref().map(|p| p.ok);
    let t0 = Instant::now();
    let seed = plan.seed ^ fnv1a(spec.label().as_bytes());
    let watch = Watch::of(spec, plan);
    // Members an earlier visit put out are not built again (one that hung would hang again).
    let out: Vec<Option<Fault>> = (0..spec.maps().map_or(0, <[String]>::len))
        .map(|i| earlier.fault_of(i))
        .collect();
    let start = Start {
        seed,
        t0,
        pinned,
        earlier,
        blocks: plan.blocks,
        watch: watch.clone(),
    };
    match spec {
        GroupSpec::Ops { op, size, maps } => {
            let fx = Fixture::new(*size as usize);
            let mut slots = Vec::new();
            for (i, name) in maps.iter().enumerate() {
                let entry = single_reg::entry(name)
                    .ok_or_else(|| format!("unknown or unavailable map `{name}`"))?;
                let make = single_reg::dispatch(name, OpMaker).expect("listed");
                let member = match &out[i] {
                    Some(f) => Err(f.clone()),
                    None => fault::call(|| make(*op, &fx, plan.sample_secs)),
                };
                slots.push((entry, member));
            }
            let slots = ops_slots(*op, *size, slots);
            Ok(drive(Group::new(spec, Unit::NsPerOp, slots, start)))
        }
        GroupSpec::Index { kernel } => {
            let mut rng = SplitMix64(7);
            let hashes: Vec<u64> = (0..4096).map(|_| rng.next_u64()).collect();
            let table: Vec<u64> = (0..1usize << INDEX_B).map(|_| rng.next_u64()).collect();
            let header = Header::new(INDEX_B);
            let headers = [header, header];
            let secs = plan.sample_secs;
            let (pre, fromb): (Box<dyn Member + '_>, Box<dyn Member + '_>) = match kernel {
                IndexKernel::Throughput => (
                    Box::new(KernelMember::new(
                        |n| index_kernels::throughput::<Precomputed>(&header, &hashes, n),
                        secs,
                    )),
                    Box::new(KernelMember::new(
                        |n| index_kernels::throughput::<FromB>(&header, &hashes, n),
                        secs,
                    )),
                ),
                IndexKernel::Latency => (
                    Box::new(KernelMember::new(
                        |n| index_kernels::latency::<Precomputed>(&headers, &table, n),
                        secs,
                    )),
                    Box::new(KernelMember::new(
                        |n| index_kernels::latency::<FromB>(&headers, &table, n),
                        secs,
                    )),
                ),
            };
            let slots = vec![
                index_slot::<Precomputed>(*kernel, pre),
                index_slot::<FromB>(*kernel, fromb),
            ];
            Ok(drive(Group::new(spec, Unit::NsPerOp, slots, start)))
        }
        GroupSpec::Probe { pattern } => {
            let cases = probe_kernels::cases(*pattern, 4096);
            let secs = plan.sample_secs;
            let mut slots = vec![probe_slot::<Scalar>(*pattern, &cases, secs)];
            slots.push(probe_slot::<Swar>(*pattern, &cases, secs));
            #[cfg(target_arch = "x86_64")]
            slots.push(probe_slot::<crate::gomap::probe::Sse2>(
                *pattern, &cases, secs,
            ));
            Ok(drive(Group::new(spec, Unit::NsPerOp, slots, start)))
        }
        GroupSpec::Contention {
            cell,
            maps,
            stream_ops,
            sample_ops,
        } => {
            let streams = generate_streams(cell, cell.stream_len(*stream_ops, *sample_ops));
            let size = match cell.sample_ops(*sample_ops) {
                Some(n) => SampleSize::Ops(n),
                None => SampleSize::Secs(plan.sample_secs),
            };
            let mut slots = Vec::new();
            for (i, name) in maps.iter().enumerate() {
                let d = contenders::describe(name).map_err(|e| e.to_string())?;
                let make = contenders::visit(name, ContentionMaker).map_err(|e| e.to_string())?;
                let member = match &out[i] {
                    Some(f) => Err(f.clone()),
                    None => guarded(watch.as_ref(), name, "build", 0.0, || {
                        make(*cell, &streams, size)
                    })
                    .map_err(|f| f.at("build")),
                };
                slots.push(Slot {
                    id: cell.identity(name),
                    role: d.role,
                    twin_of: None,
                    member,
                });
            }
            Ok(drive(Group::new(spec, Unit::MopsPerSec, slots, start)))
        }
    }
}

/// Runs the rounds of every group in `specs`, in `plan.blocks` sweeps: sweep `k` visits
/// each group in turn, builds its members afresh and runs its block `k` of rounds. Returns
/// each group's rows, in `specs`' order; `visited(i, rows)` is told of each visit of group
/// `i`, with its rows on the last one.
///
/// Why sweeps: this VM has regimes lasting seconds to a minute, in which the maps do not
/// slow alike (measured: GoMap remove 2^10 ÷ hashbrown 2.44 in a 1.5×-slow stretch,
/// 2.77–2.83 in the fourteen blocks after it, one process). A group measured in one
/// stretch of a few seconds inherits that stretch's regime whole, and the next run, in
/// another, disagrees far beyond either interval. Spread over the suite, a group's rounds
/// sample the regimes the run went through, the slow ones are left out as disturbed
/// (`analysis::undisturbed`, against the series' own fast quartile), and the ratio's halves
/// (its early and its late blocks) show what moved within the run.
///
/// With a `journal`, every visit is appended to it as soon as it ends: a block
/// ([`Earlier`], all the group carries into its next visit) or, on the group's last, its
/// rows. A resumed run takes a group the journal holds whole (its rows marked so), goes on
/// with a group it holds blocks of from the block after its last one (so its rows have the
/// same blocks, rounds and sample counts as if it had never stopped), and reports a map
/// the journal says hung as failed instead of building it again. A stop ([`stop`]) is obeyed
/// between visits; a second signal abandons the visit under way at its next round. Either
/// way the unfinished groups are `None`.
pub fn run_groups(
    specs: &[GroupSpec],
    plan: &Plan,
    mut journal: Option<&mut Journal>,
    mut visited: impl FnMut(usize, Option<&[Row]>),
) -> Result<Swept, String> {
    for s in specs {
        s.check_memory()?;
    }
    let sweeps = plan.blocks.max(1);
    let mut earlier: Vec<Earlier> = vec![Earlier::default(); specs.len()];
    // Blocks of each group already measured (by an earlier sitting, for a resumed run).
    let mut done = vec![0u32; specs.len()];
    let mut rows: Vec<Option<Vec<Row>>> = specs
        .iter()
        .map(|s| journal.as_deref().and_then(|j| j.rows_of(&s.key())))
        .collect();
    if let Some(j) = journal.as_deref() {
        for (i, spec) in specs.iter().enumerate() {
            if rows[i].is_none() {
                (earlier[i], done[i]) = resumed(j, spec, sweeps)?;
            }
        }
    }
    // A hang is recorded in the journal by the watchdog, while this thread is stuck.
    let _hangs_journaled = HangsJournaled::start(journal.as_deref())?;
    let mut stopped = None;
    'sweeps: for k in 0..sweeps {
        for (i, spec) in specs.iter().enumerate() {
            if rows[i].is_some() || done[i] > k {
                continue;
            }
            if let Some(sig) = stop::requested() {
                stopped = Some(sig);
                break 'sweeps;
            }
            let before = std::mem::take(&mut earlier[i]);
            let last = k + 1 == sweeps;
            let visit = |mut g: Group<'_>| {
                let cost = g.round_cost_secs();
                let rounds = *g
                    .earlier
                    .planned
                    .get_or_insert_with(|| plan.rounds_for(cost));
                for _ in plan.block_rounds(k, rounds) {
                    if stop::abandoned() {
                        g.retire_all();
                        return VisitEnd::Abandoned;
                    }
                    g.round();
                }
                if last {
                    VisitEnd::Done(g.finish())
                } else {
                    VisitEnd::Left(g.leave())
                }
            };
            match with_group_after(spec, plan, before, visit)? {
                VisitEnd::Left(e) => {
                    if let Some(j) = journal.as_deref_mut() {
                        let state = serde_json::to_value(&e).map_err(|e| e.to_string())?;
                        j.append_block(spec.key(), k, state)
                            .map_err(|e| e.to_string())?;
                    }
                    earlier[i] = e;
                    done[i] = k + 1;
                    visited(i, None);
                }
                VisitEnd::Done(r) => {
                    if let Some(j) = journal.as_deref_mut() {
                        j.append(spec.key(), &r).map_err(|e| e.to_string())?;
                    }
                    visited(i, Some(&r));
                    rows[i] = Some(r);
                }
                VisitEnd::Abandoned => {
                    stopped = stop::requested();
                    break 'sweeps;
                }
            }
        }
    }
    if rows.iter().all(Option::is_some) {
        // A signal during the very last group: it finished, and so did the run.
        stopped = None;
    }
    Ok(Swept { rows, stopped })
}

/// What `journal` holds of unfinished group `spec`: what its last journaled block left, and
/// how many of its blocks that is, with the maps that hung put out.
fn resumed(j: &Journal, spec: &GroupSpec, sweeps: u32) -> Result<(Earlier, u32), String> {
    let key = spec.key();
    let (mut earlier, done) = match j.block_of(&key) {
        None => (Earlier::default(), 0),
        Some(b) => {
            let e = serde_json::from_value(b.state.clone()).map_err(|e| {
                format!(
                    "{}: block {} of {} cannot be read ({e}); run without --resume to start afresh",
                    j.path().display(),
                    b.block + 1,
                    spec.label()
                )
            })?;
            let e = Earlier {
                from_journal: true,
                ..e
            };
            (e, (b.block + 1).min(sweeps.saturating_sub(1)))
        }
    };
    let maps = spec.maps().unwrap_or_default();
    for cell in j.failed_of(&key) {
        if let Some(slot) = maps.iter().position(|m| *m == cell.map) {
            earlier.fail(slot, maps.len(), Failure::Hung, cell.reason);
        }
    }
    Ok((earlier, done))
}

/// While it lives, a hang is recorded in this journal ([`watchdog::journal_into`]).
struct HangsJournaled;

impl HangsJournaled {
    fn start(journal: Option<&Journal>) -> Result<HangsJournaled, String> {
        let log = journal
            .map(Journal::failure_log)
            .transpose()
            .map_err(|e| e.to_string())?;
        watchdog::journal_into(log);
        Ok(HangsJournaled)
    }
}

impl Drop for HangsJournaled {
    fn drop(&mut self) {
        watchdog::journal_into(None);
    }
}

/// What the sweeps of [`run_groups`] ended with.
#[derive(Debug)]
pub struct Swept {
    /// Each group's rows, in the specs' order: taken from the journal, measured now, or
    /// `None` for a group a stop left unfinished.
    pub rows: Vec<Option<Vec<Row>>>,
    /// The signal that stopped the sweeps before every group had finished.
    pub stopped: Option<Signal>,
}

impl Swept {
    /// Every finished group's rows, in the specs' order.
    pub fn into_rows(self) -> Vec<Row> {
        self.rows.into_iter().flatten().flatten().collect()
    }
}

/// What one visit of a group ends with.
enum VisitEnd {
    /// More sweeps to come: what it measured so far.
    Left(Earlier),
    /// The last sweep: the group's rows.
    Done(Vec<Row>),
    /// A second signal came: the visit was dropped.
    Abandoned,
}

/// Runs one group's rounds (its blocks back to back, each on a fresh build).
pub fn run_group(spec: &GroupSpec, plan: &Plan) -> Result<Vec<Row>, String> {
    Ok(run_groups(std::slice::from_ref(spec), plan, None, |_, _| {})?.into_rows())
}

/// A 64-bit FNV-1a hash: each group's shuffle seed is the plan's seed mixed with its label.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A bucket-index strategy's slot: Go's way is the reference.
fn index_slot<'a, L: Locate>(kernel: IndexKernel, member: Box<dyn Member + 'a>) -> Slot<'a> {
    Slot {
        id: Identity::new(Suite::Locate, L::NAME, kernel)
            .size(1 << INDEX_B)
            // Plain integer code: no vector unit involved.
            .isa(Some(Isa::Scalar)),
        role: if L::IS_GO {
            Role::Reference
        } else {
            Role::Ours
        },
        twin_of: None,
        member: Ok(member),
    }
}

fn probe_slot<'a, P: Probe>(
    pattern: Pattern,
    cases: &'a [probe_kernels::Case],
    secs: f64,
) -> Slot<'a> {
    // A probe strategy is named by its ISA: it is both the row's map and its isa.
    let id = Identity::new(Suite::Probe, P::ISA.name(), OpId::Probe(pattern)).isa(Some(P::ISA));
    let member: Built<'a> = probe_kernels::validate::<P>(pattern, cases)
        .map(|()| {
            Box::new(KernelMember::new(
                move |n| probe_kernels::run::<P>(cases, n),
                secs,
            )) as Box<dyn Member + 'a>
        })
        .map_err(Fault::from);
    Slot {
        id,
        role: if P::IS_GO {
            Role::Reference
        } else {
            Role::Ours
        },
        twin_of: None,
        member,
    }
}

/// The slots of an ops group: each map's row (suite `ops`, or `locate` for a from-B twin,
/// which is linked to the map it recomputes the mask of).
fn ops_slots<'a>(op: Op, size: u64, built: Vec<(Entry, Built<'a>)>) -> Vec<Slot<'a>> {
    let names: Vec<&str> = built.iter().map(|(e, _)| e.name).collect();
    built
        .into_iter()
        .map(|(e, member)| {
            let twin_of = e
                .from_b_of()
                .and_then(|of| names.iter().position(|n| *n == of));
            let suite = if twin_of.is_some() {
                Suite::Locate
            } else {
                Suite::Ops
            };
            Slot {
                id: Identity::new(suite, e.map, op)
                    .size(size)
                    .isa(Some(e.isa())),
                role: e.role,
                twin_of,
                member,
            }
        })
        .collect()
}

/// A member as a map's constructor makes it (a panic in it is caught by the caller).
type Made<'a> = Result<Box<dyn Member + 'a>, String>;

/// An ops member's constructor, monomorphized for one single-thread map.
type MakeOp = for<'f> fn(Op, &'f Fixture, f64) -> Made<'f>;

/// Hands out [`MakeOp`] for a map: the job of the ops suite.
struct OpMaker;

impl Visit for OpMaker {
    type Out = MakeOp;
    fn visit<M: SingleMap>(self, _entry: &Entry) -> MakeOp {
        make_op::<M>
    }
}

fn make_op<M: SingleMap>(op: Op, fx: &Fixture, secs: f64) -> Made<'_> {
    OpMember::<M>::new(op, fx, secs).map(|m| Box::new(m) as Box<dyn Member>)
}

/// A contention member's constructor, monomorphized for one contender.
type MakeContention = for<'s> fn(CellSpec, &'s [ThreadStream], SampleSize) -> Made<'s>;

/// Hands out [`MakeContention`] for a contender: the job of the contention suite.
struct ContentionMaker;

impl ContenderVisitor for ContentionMaker {
    type Output = MakeContention;
    fn visit<C: Contender>(self) -> MakeContention {
        make_contention::<C>
    }
}

fn make_contention<C: Contender>(
    cell: CellSpec,
    streams: &[ThreadStream],
    size: SampleSize,
) -> Made<'_> {
    ContentionMember::<C>::new(cell, streams, size).map(|m| Box::new(m) as Box<dyn Member + '_>)
}

/// Gives the concurrent map `C`, added by a user's binary, the jobs of this module
/// (see `contenders::added`).
pub fn add_concurrent_jobs<C: Contender>(jobs: &mut Jobs) {
    jobs.concurrent::<ContentionMaker, C>();
}

/// Gives the single-thread map `M`, added by a user's binary, the jobs of this module.
pub fn add_single_jobs<M: SingleMap>(jobs: &mut Jobs) {
    jobs.single::<OpMaker, M>();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        Plan {
            max_rounds: 8,
            min_rounds: 8,
            group_secs: 1.0,
            seed: 1,
            sample_secs: 0.0005,
            blocks: 1,
        }
    }

    #[test]
    fn an_ops_group_gives_ratios_and_locate_rows() {
        let spec = GroupSpec::Ops {
            op: Op::GetHit,
            size: 1 << 10,
            maps: vec![
                "gomap/generic".into(),
                "gomap/generic/from-b".into(),
                "hashbrown".into(),
            ],
        };
        let rows = run_group(&spec, &plan()).unwrap();
        assert!(rows.iter().all(|r| r.valid), "{rows:?}");
        let find = |suite, map: &str| {
            rows.iter()
                .find(|r| r.id.suite == suite && r.id.map == map)
                .unwrap_or_else(|| panic!("{map}"))
        };
        let g = find(Suite::Ops, "gomap/generic");
        assert_eq!(g.samples.len(), 8);
        assert_eq!(g.extra.ratio.as_ref().unwrap().to, "hashbrown [sse2]");
        assert!(find(Suite::Ops, "hashbrown").extra.ratio.is_none());
        let own = find(Suite::Locate, "gomap/generic");
        assert_eq!(
            own.extra.ratio.as_ref().unwrap().to,
            "gomap/generic/from-b [sse2]"
        );
        assert!(find(Suite::Locate, "generic: precomputed-minus-from-b").is_difference());
    }

    #[test]
    fn a_contention_group_validates_every_member() {
        let spec = GroupSpec::Contention {
            cell: CellSpec {
                workload: crate::vocabulary::Workload::Exchange,
                dist: crate::vocabulary::Dist::Uniform,
                size: 512,
                threads: 1,
                shards: Some(4),
            },
            maps: vec!["gomap-sharded".into(), "dashmap".into(), "null".into()],
            stream_ops: 1 << 13,
            sample_ops: None,
        };
        let rows = run_group(&spec, &plan()).unwrap();
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.valid), "{rows:?}");
        assert!(rows[0].extra.ratio.is_some() && rows[1].extra.ratio.is_none());
    }

    #[test]
    fn a_journaled_group_is_taken_not_measured_and_a_finished_one_is_appended() {
        use crate::harness::measuring::journal::{self, Header};
        let ops = |size| GroupSpec::Ops {
            op: Op::GetHit,
            size,
            maps: vec!["hashbrown".into(), "std".into()],
        };
        let (held, fresh) = (ops(1 << 10), ops(1 << 11));
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("x.json");
        let header = Header::new("test", serde_json::json!({}));
        let mut j = Journal::open(&out, &header, false).unwrap().journal;
        let fake = Row::new(
            Identity::new(Suite::Ops, "hashbrown", Op::GetHit).size(1 << 10),
            Unit::NsPerOp,
            vec![42.0; 8],
        );
        j.append(held.key(), std::slice::from_ref(&fake)).unwrap();
        drop(j);
        let mut j = Journal::open(&out, &header, true).unwrap().journal;
        let mut visits = Vec::new();
        let swept = run_groups(&[held, fresh.clone()], &plan(), Some(&mut j), |i, _| {
            visits.push(i)
        })
        .unwrap();
        assert_eq!(
            visits,
            vec![1],
            "only the group the journal lacks is measured"
        );
        assert!(swept.stopped.is_none());
        let rows = swept.into_rows();
        assert_eq!(rows[0].samples, fake.samples);
        assert_eq!(rows[0].extra.from_journal, Some(true));
        assert!(rows[1..].iter().all(|r| r.extra.from_journal.is_none()));
        let read = journal::read_journal(&std::fs::read(j.path()).unwrap()).unwrap();
        assert_eq!(read.entries.len(), 2);
        assert_eq!(read.entries[1].group, fresh.key());
        assert!(
            matches!(&read.entries[1].kept, journal::Kept::Rows(r) if r.len() == 2),
            "{:?}",
            read.entries[1]
        );
    }

    #[test]
    fn a_group_too_big_for_memory_is_refused_in_one_line() {
        let spec = GroupSpec::Ops {
            op: Op::GetHit,
            size: 1 << 40,
            maps: vec!["hashbrown".into(), "std".into()],
        };
        let e = run_group(&spec, &plan()).unwrap_err();
        assert!(e.contains("GiB") && !e.contains('\n'), "{e}");
    }
}
