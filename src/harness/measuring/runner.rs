//! The core-pinned runner: a contender under a workload at a thread count, as a member of an
//! interleaved group ([`rounds`](crate::harness::measuring::rounds)).
//!
//! A [`ContentionMember`] owns one map of its contender, built and prefilled once, and walks
//! through the group's pre-generated op streams (one per thread, shared by every member of
//! the group, so all of them run exactly the same ops):
//! 1. **Calibrate** (when built): short trials (2^12 ops per thread, ×4 until a trial takes
//!    ≥ 2 ms) size the ops of one sample to the plan's sample time. Trial ops are part of the
//!    stream and are checked like any other.
//! 2. **Sample**: one thread per requested thread, each pinned to core `t mod cores` (pinning
//!    unavailable → noted in the row), runs a warm-up of the next ops of its stream
//!    (untimed), waits on one `Barrier` with the others, then times its next ops. The timed
//!    loop is generic over the handle type (monomorphized per contender, no `dyn`, no
//!    allocation); every result is folded into a success count or a checksum. Sample = ops of
//!    all threads / (last finish − first start), in Mops/s.
//! 3. **Validate** at the end of every pass over the streams ([`validate`]): the counts of
//!    every op kind, the final length and a sample of keys, against what the consumed prefix
//!    of the streams predicts (for `shared-write`, where threads write the same keys:
//!    conservation key by key, [`conserve`]); then the map is rebuilt, untimed, and the
//!    streams start over. A wrong outcome fails the member with the reason: for the
//!    predicted workloads, the first wrong answer of a checked replay of the pass
//!    ([`validate::check_answer`]) beside the totals that caught it. A panicking thread's
//!    panic is raised again on the calling thread ([`ThreadPanic`]), where the group catches
//!    it as the member's fault ([`fault`](crate::harness::measuring::fault)).
//!
//! Rapid-grow grows a map from empty, so its pass is one sample long (every sample starts
//! from an empty map), and every member of its group runs the same number of ops: how far
//! the map grows is what it measures. The steady workloads keep the map near its prefill, so
//! there each member's sample is sized to its own speed.
//!
//! One piece: the timed loop, the pinned threads that run it and the members that drive them
//! share one segment machinery (`run_segment_with`, `SegmentOut`, the tallies), private here;
//! the statistics of what they measure are `results::analysis`'s.

use crate::contenders::{BuildSpec, Contender, Handle};
use crate::harness::measuring::allocator;
use crate::harness::measuring::fault::{self, ThreadPanic};
use crate::harness::measuring::latency::{Latency, SAMPLE_EVERY, SAMPLE_MASK};
use crate::harness::measuring::rounds::Member;
use crate::harness::workloads::conserve::{HotKeys, KeyCounts, Ledger, NoLedger};
use crate::harness::workloads::keys::key;
use crate::harness::workloads::validate::{self, Answer, WrongAnswer};
use crate::harness::workloads::workload::ThreadStream;
use crate::harness::workloads::workload::{self, index_of, kind_of, Expected, PerKind, Stream};
use crate::results::analysis;
use crate::results::schema::{Calibration, Extra, Row, Unit};
use crate::vocabulary::{Dist, Identity, OpKind, Role, Suite, Workload};
use std::hint::black_box;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::Barrier;
use std::thread;
use std::time::Instant;

/// Op streams are 8 bytes per op; this caps one thread's stream at 256 MiB.
pub const MAX_OPS_PER_THREAD: u64 = 1 << 25;
/// The fewest ops a thread runs in a sample.
pub const MIN_OPS_PER_THREAD: u64 = 1 << 10;
const CALIBRATION_START: u64 = 1 << 12;
const CALIBRATION_MIN_SECS: f64 = 0.002;

/// What a cell is: the workload, its keys and its threads.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CellSpec {
    pub workload: Workload,
    pub dist: Dist,
    /// `--size`: the prefill of every workload but rapid-grow, and the ops per thread of a
    /// rapid-grow sample.
    pub size: u64,
    pub threads: u32,
    /// Shard count for sharded contenders.
    pub shards: Option<usize>,
}

impl CellSpec {
    /// The `dist` of the row: rapid-grow reads its own inserts, so no distribution applies.
    pub fn row_dist(&self) -> Option<Dist> {
        match self.workload {
            Workload::RapidGrow => None,
            _ => Some(self.dist),
        }
    }

    /// The identity of `map`'s row for this cell.
    pub fn identity(&self, map: &str) -> Identity {
        Identity::new(Suite::Contention, map, self.workload)
            .size(self.workload.prefill(self.size))
            .threads(self.threads)
            .dist(self.row_dist())
    }

    /// Timed ops per thread of one sample when they are fixed: `fixed`, or for rapid-grow
    /// `size` (every member grows its map equally far: that is what rapid-grow measures).
    pub fn sample_ops(&self, fixed: Option<u64>) -> Option<u64> {
        match self.workload {
            Workload::RapidGrow => Some(fixed.unwrap_or(self.size)),
            _ => fixed,
        }
    }

    /// Ops per thread of the group's streams: `stream_ops` for the steady workloads (at
    /// least two fixed samples), one sample, warm-up included, for rapid-grow.
    pub fn stream_len(&self, stream_ops: u64, fixed: Option<u64>) -> u64 {
        let one = self.sample_ops(fixed).map(|n| n + warm_ops(n));
        match (self.workload, one) {
            (Workload::RapidGrow, Some(n)) => n,
            (_, Some(n)) => stream_ops.max(2 * n).min(MAX_OPS_PER_THREAD),
            (_, None) => stream_ops.clamp(4 * MIN_OPS_PER_THREAD, MAX_OPS_PER_THREAD),
        }
    }
}

/// The untimed warm-up before `ops` timed ops: an eighth of them.
pub fn warm_ops(ops: u64) -> u64 {
    (ops / 8).max(64)
}

/// Per-kind success counts and the checksum of the values read, kept in registers: an array
/// indexed by the op's kind would put a load–add–store chain through memory on every op
/// (about 2 ns alone), which is harness cost, not map cost.
#[derive(Default)]
pub(crate) struct Tally {
    reads: u64,
    inserts: u64,
    removes: u64,
    updates: u64,
    checksum: u64,
}

impl Tally {
    fn successes(&self) -> PerKind<u64> {
        PerKind([self.reads, self.inserts, self.removes, self.updates])
    }
}

/// One op, counted in `t` when it succeeds (hit / new / removed / was present), and in the
/// ledger `l` when it changed the key's presence (see [`conserve`]).
#[inline(always)]
fn do_op<H: Handle, L: Ledger>(h: &mut H, op: u64, i: u64, t: &mut Tally, l: &mut L) {
    let index = index_of(op);
    let k = key(index);
    match kind_of(op) {
        OpKind::Read => {
            if let Some(v) = h.get(&k) {
                t.reads += 1;
                t.checksum = t.checksum.wrapping_add(v);
                l.read(index, v);
            }
        }
        OpKind::Insert => {
            let new = h.insert(k, l.value(index, i, true));
            t.inserts += new as u64;
            l.made_present(index, new);
        }
        OpKind::Remove => {
            let removed = h.remove(&k);
            t.removes += removed as u64;
            l.made_absent(index, removed);
        }
        OpKind::Update => {
            let was = h.update(k, l.value(index, i, false));
            t.updates += was as u64;
            // An update of an absent key inserts it.
            l.made_present(index, !was);
        }
    }
}

/// The timed loop, compiled once per handle and ledger type; `first` is the position of
/// `ops[0]` in the stream (the value of an update).
#[inline(never)]
pub(crate) fn timed_loop<H: Handle, L: Ledger>(
    h: &mut H,
    ops: &[u64],
    first: u64,
    lat: &mut Latency,
    l: &mut L,
) -> Tally {
    let mut t = Tally::default();
    for (i, &op) in ops.iter().enumerate() {
        let i = first + i as u64;
        if i & SAMPLE_MASK == 0 {
            let t0 = Instant::now();
            do_op(h, op, i, &mut t, l);
            lat.record(kind_of(op), t0.elapsed().as_nanos() as u64);
        } else {
            do_op(h, op, i, &mut t, l);
        }
    }
    black_box(t.checksum);
    t
}

/// The untimed ops: same outcomes counted, no latency sampling.
#[inline(never)]
fn untimed_loop<H: Handle, L: Ledger>(h: &mut H, ops: &[u64], first: u64, l: &mut L) -> Tally {
    let mut t = Tally::default();
    for (i, &op) in ops.iter().enumerate() {
        do_op(h, op, first + i as u64, &mut t, l);
    }
    black_box(t.checksum);
    t
}

/// What one thread brings back from a segment.
struct WorkerOut {
    start: Instant,
    end: Instant,
    successes: PerKind<u64>,
    latency: Latency,
    pinned: bool,
    keys: Option<KeyCounts>,
}

/// What one segment (all threads) brings back.
struct SegmentOut {
    secs: f64,
    successes: PerKind<u64>,
    latency: Latency,
    pinned: bool,
    /// `shared-write`: every thread's ledger, summed.
    keys: Option<KeyCounts>,
}

#[allow(clippy::too_many_arguments)]
fn worker<C: Contender, L: Ledger>(
    map: &C,
    thread: u32,
    keys: u64,
    warm: &[u64],
    timed: &[u64],
    first: u64,
    barrier: &Barrier,
    core: Option<core_affinity::CoreId>,
) -> WorkerOut {
    // Everything before the barrier is caught, so that a panic here cannot leave the other
    // threads waiting forever; it is re-raised after the barrier.
    let prepared = catch_unwind(AssertUnwindSafe(|| {
        let pinned = core.is_some_and(core_affinity::set_for_current);
        let mut h = map.handle();
        let mut ledger = L::for_thread(thread, keys);
        let warmed = untimed_loop(&mut h, warm, first, &mut ledger);
        (h, warmed, pinned, ledger)
    }));
    barrier.wait();
    let (mut h, warmed, pinned, mut ledger) = prepared.unwrap_or_else(|p| resume_unwind(p));
    let mut latency = Latency::new();
    let start = Instant::now();
    let t = timed_loop(
        &mut h,
        timed,
        first + warm.len() as u64,
        &mut latency,
        &mut ledger,
    );
    let end = Instant::now();
    let mut successes = warmed.successes();
    successes.add(&t.successes());
    WorkerOut {
        start,
        end,
        successes,
        latency,
        pinned,
        keys: ledger.into_counts(),
    }
}

/// Raises a worker thread's panic again on this thread, naming the thread, once every
/// thread has been joined.
fn raise(thread: u32, p: &(dyn std::any::Any + Send)) -> ! {
    let message = fault::message(p);
    std::panic::resume_unwind(Box::new(ThreadPanic { thread, message }))
}

/// False for the harness-only contender, whose answers mean nothing and are not validated.
fn does_map_work<C: Contender>() -> bool {
    C::ROLE != Role::HarnessOnly
}

fn build_and_prefill<C: Contender>(spec: &CellSpec) -> Result<C, String> {
    let map = C::build(&BuildSpec {
        capacity: spec.workload.capacity_hint(spec.size),
        shards: spec.shards,
    });
    {
        let mut h = map.handle();
        for i in 0..spec.workload.prefill(spec.size) {
            if !h.insert(key(i), spec.workload.initial_value(i)) && does_map_work::<C>() {
                return Err(format!("prefill insert #{i} reported the key as present"));
            }
        }
    }
    Ok(map)
}

/// Runs ops `[pos, pos + warm)` untimed and `[pos + warm, pos + warm + timed)` timed on every
/// thread's stream, with the ledger the workload needs.
fn run_segment<C: Contender>(
    spec: &CellSpec,
    map: &C,
    streams: &[ThreadStream],
    pos: usize,
    warm: usize,
    timed: usize,
) -> SegmentOut {
    if spec.workload.is_shared() {
        run_segment_with::<C, HotKeys>(spec, map, streams, pos, warm, timed)
    } else {
        run_segment_with::<C, NoLedger>(spec, map, streams, pos, warm, timed)
    }
}

fn run_segment_with<C: Contender, L: Ledger>(
    spec: &CellSpec,
    map: &C,
    streams: &[ThreadStream],
    pos: usize,
    warm: usize,
    timed: usize,
) -> SegmentOut {
    let keys = spec.workload.prefill(spec.size);
    let cores = core_affinity::get_core_ids().filter(|c| !c.is_empty());
    let barrier = Barrier::new(streams.len() + 1);
    let outs: Vec<thread::Result<WorkerOut>> = thread::scope(|s| {
        let handles: Vec<_> = streams
            .iter()
            .enumerate()
            .map(|(t, stream)| {
                let core = cores.as_ref().map(|c| c[t % c.len()]);
                let w = &stream.ops[pos..pos + warm];
                let x = &stream.ops[pos + warm..pos + warm + timed];
                let barrier = &barrier;
                let t = stream.thread;
                s.spawn(move || worker::<C, L>(map, t, keys, w, x, pos as u64, barrier, core))
            })
            .collect();
        barrier.wait();
        handles.into_iter().map(|h| h.join()).collect()
    });
    let mut out = SegmentOut {
        secs: f64::INFINITY,
        successes: PerKind::default(),
        latency: Latency::new(),
        pinned: true,
        keys: None,
    };
    let (mut first, mut last) = (None::<Instant>, None::<Instant>);
    let mut workers = Vec::with_capacity(outs.len());
    for (o, stream) in outs.into_iter().zip(streams) {
        match o {
            Ok(w) => workers.push(w),
            Err(p) => raise(stream.thread, &*p),
        }
    }
    for w in workers {
        out.latency.merge(&w.latency);
        out.successes.add(&w.successes);
        out.pinned &= w.pinned;
        if let Some(k) = &w.keys {
            out.keys.get_or_insert_with(KeyCounts::default).add(k);
        }
        first = Some(first.map_or(w.start, |f| f.min(w.start)));
        last = Some(last.map_or(w.end, |l| l.max(w.end)));
    }
    if let (Some(f), Some(l)) = (first, last) {
        out.secs = l.duration_since(f).as_secs_f64();
    }
    out
}

/// One op, unrecorded: what the map answered.
fn answer<H: Handle>(h: &mut H, op: u64, i: u64) -> Answer {
    let index = index_of(op);
    let k = key(index);
    // The values the timed loop writes.
    let values = NoLedger;
    match kind_of(op) {
        OpKind::Read => Answer::Read(h.get(&k)),
        OpKind::Insert => Answer::Insert(h.insert(k, values.value(index, i, true))),
        OpKind::Remove => Answer::Remove(h.remove(&k)),
        OpKind::Update => Answer::Update(h.update(k, values.value(index, i, false))),
    }
}

/// Replays the first `pos` ops of every stream on a fresh map, untimed, every thread at once
/// as in the timed pass, each checking every answer ([`validate::check_answer`]) and stopping
/// at its first wrong one; the earliest of those (by position in the stream, then thread).
/// For the workloads that predict every answer.
fn first_wrong_answer<C: Contender>(
    spec: &CellSpec,
    streams: &[ThreadStream],
    pos: usize,
) -> Result<Option<WrongAnswer>, String> {
    let map = build_and_prefill::<C>(spec)?;
    let map = &map;
    let found: Vec<thread::Result<Option<WrongAnswer>>> = thread::scope(|s| {
        let hs: Vec<_> = streams
            .iter()
            .map(|stream| {
                s.spawn(move || {
                    let mut h = map.handle();
                    let ops = &stream.ops[..pos.min(stream.ops.len())];
                    ops.iter().enumerate().find_map(|(i, &op)| {
                        let got = answer(&mut h, op, i as u64);
                        validate::check_answer(spec.workload, stream.thread, i as u64, op, got)
                            .err()
                    })
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join()).collect()
    });
    let mut wrong = Vec::new();
    for (f, stream) in found.into_iter().zip(streams) {
        match f {
            Ok(w) => wrong.extend(w),
            Err(p) => raise(stream.thread, &*p),
        }
    }
    Ok(wrong.into_iter().min_by_key(|w| (w.position, w.thread)))
}

/// Every thread's first `n` ops, generated in parallel.
pub fn generate_streams(spec: &CellSpec, n: u64) -> Vec<ThreadStream> {
    thread::scope(|s| {
        let hs: Vec<_> = (0..spec.threads)
            .map(|t| s.spawn(move || workload::generate(spec.workload, spec.dist, spec.size, t, n)))
            .collect();
        hs.into_iter()
            .map(|h| h.join().expect("stream generation panicked"))
            .collect()
    })
}

/// How a member's samples are sized.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SampleSize {
    /// Calibrated to this many timed seconds.
    Secs(f64),
    /// Exactly this many timed ops per thread (rapid-grow, tests).
    Ops(u64),
}

/// Contender `C` in one cell, as a member of its group. See the module docs.
pub struct ContentionMember<'s, C: Contender> {
    spec: CellSpec,
    streams: &'s [ThreadStream],
    map: C,
    /// Ops of every thread's stream consumed in this pass.
    pos: usize,
    /// Timed and warm-up ops per thread of one sample.
    ops: usize,
    warm: usize,
    /// Successes per kind in this pass.
    successes: PerKind<u64>,
    /// `shared-write`: every thread's ledger of this pass.
    keys: KeyCounts,
    /// Reads and read hits over every pass (the hit rate of `shared-write`, which the streams
    /// do not fix).
    reads: [u64; 2],
    /// Over every sample.
    latency: Latency,
    pinned: bool,
    bytes_after_prefill: Option<i64>,
    calibration: Option<Calibration>,
    /// Seconds per op (all threads) seen so far, and the seconds a rebuild took.
    secs_per_op: f64,
    rebuild_secs: f64,
}

impl<'s, C: Contender> ContentionMember<'s, C> {
    /// Builds, prefills (measuring the bytes it holds) and calibrates.
    ///
    /// # Panics
    /// When `spec.threads` exceeds the contender's thread limit (the caller skips those).
    pub fn new(
        spec: CellSpec,
        streams: &'s [ThreadStream],
        size: SampleSize,
    ) -> Result<Self, String> {
        assert!(
            C::THREAD_LIMIT.is_none_or(|l| spec.threads <= l.max),
            "{} runs at most {:?} threads",
            C::NAME,
            C::THREAD_LIMIT
        );
        let t0 = Instant::now();
        let (map, bytes) = allocator::measure(|| build_and_prefill::<C>(&spec));
        let mut m = ContentionMember {
            spec,
            streams,
            map: map?,
            pos: 0,
            ops: 0,
            warm: 0,
            successes: PerKind::default(),
            keys: KeyCounts::default(),
            reads: [0; 2],
            latency: Latency::new(),
            pinned: true,
            bytes_after_prefill: bytes,
            calibration: None,
            secs_per_op: 0.0,
            rebuild_secs: t0.elapsed().as_secs_f64(),
        };
        let len = m.stream_len();
        match size {
            SampleSize::Ops(n) => {
                m.ops = (n as usize).min(len);
                m.warm = (warm_ops(n) as usize).min(len - m.ops);
                m.secs_per_op = 1e-8;
            }
            SampleSize::Secs(secs) => m.calibrate(secs)?,
        }
        Ok(m)
    }

    fn stream_len(&self) -> usize {
        self.streams.first().map_or(0, |s| s.ops.len())
    }

    fn calibrate(&mut self, secs: f64) -> Result<(), String> {
        let len = self.stream_len();
        let mut n = (CALIBRATION_START as usize).min(len / 4);
        loop {
            if self.pos + n > len {
                self.end_pass(true)?;
            }
            let r = run_segment(&self.spec, &self.map, self.streams, self.pos, 0, n);
            self.absorb(n, &r)?;
            if r.secs >= CALIBRATION_MIN_SECS || n >= len / 4 {
                let per_op = r.secs / n as f64;
                let ops = ((secs / per_op.max(1e-12)) as usize)
                    .clamp(MIN_OPS_PER_THREAD as usize, len * 7 / 9);
                self.ops = ops.min(len);
                self.warm = (warm_ops(ops as u64) as usize).min(len - self.ops);
                self.calibration = Some(Calibration {
                    trial_ops_per_thread: n as u64,
                    trial_secs: r.secs,
                });
                return Ok(());
            }
            n = (n * 4).min(len / 4);
        }
    }

    /// Counts a segment of `n` timed ops per thread into this pass.
    fn absorb(&mut self, ops_with_warm: usize, r: &SegmentOut) -> Result<(), String> {
        if self.spec.workload.is_shared() {
            let span = self.pos..self.pos + ops_with_warm;
            let reads: u64 = self
                .streams
                .iter()
                .map(|s| Expected::of(&s.ops[span.clone()]).attempts[OpKind::Read])
                .sum();
            self.reads[0] += reads;
            self.reads[1] += r.successes[OpKind::Read];
        }
        self.pos += ops_with_warm;
        self.successes.add(&r.successes);
        if let Some(k) = &r.keys {
            self.keys.add(k);
        }
        self.pinned &= r.pinned;
        Ok(())
    }

    /// Validates the pass that ends here; then (unless it is the last) rebuilds the map so
    /// the streams can start over.
    fn end_pass(&mut self, rebuild: bool) -> Result<(), String> {
        if does_map_work::<C>() && self.pos > 0 {
            let prefixes: Vec<Stream<'_>> = self
                .streams
                .iter()
                .map(|s| s.prefix(self.pos as u64))
                .collect();
            let mut expected = Expected::default();
            prefixes.iter().for_each(|s| expected.add(&s.expected));
            let prefill = self.spec.workload.prefill(self.spec.size);
            if self.spec.workload.is_shared() {
                validate::check_conserved(&self.map, prefill, &prefixes, &self.keys)?;
            } else {
                let checked = validate::check_counts(&expected, &self.successes).and_then(|()| {
                    validate::check_final(&self.map, prefill, &prefixes, &self.successes)
                });
                drop(prefixes);
                if let Err(e) = checked {
                    return Err(self.name_the_wrong_answer(e));
                }
            }
        }
        if rebuild {
            let t0 = Instant::now();
            // The old map goes first: two of them need not fit at once.
            self.map = C::build(&BuildSpec::default());
            self.map = build_and_prefill::<C>(&self.spec)?;
            self.rebuild_secs = t0.elapsed().as_secs_f64();
            self.pos = 0;
            self.successes = PerKind::default();
            self.keys = KeyCounts::default();
        }
        Ok(())
    }
}

impl<C: Contender> ContentionMember<'_, C> {
    /// A failed pass's totals `totals`, with the first op that answered wrongly, found by a
    /// checked replay of the pass on a fresh map (the member is out: its map can go first).
    fn name_the_wrong_answer(&mut self, totals: String) -> String {
        self.map = C::build(&BuildSpec::default());
        match first_wrong_answer::<C>(&self.spec, self.streams, self.pos) {
            Ok(Some(w)) => format!(
                "first wrong answer: {w} (found by a checked replay of the pass, whose totals \
                 were: {totals})"
            ),
            Ok(None) => format!(
                "{totals} (a checked replay of the pass found no op answering wrongly: the \
                 wrong answers depend on timing, or only the totals are wrong)"
            ),
            Err(e) => format!("{totals} (no checked replay: {e})"),
        }
    }
}

impl<C: Contender> Member for ContentionMember<'_, C> {
    fn sample(&mut self) -> Result<f64, String> {
        if self.pos + self.warm + self.ops > self.stream_len() {
            self.end_pass(true)?;
        }
        let t0 = Instant::now();
        let r = run_segment(
            &self.spec,
            &self.map,
            self.streams,
            self.pos,
            self.warm,
            self.ops,
        );
        let wall = t0.elapsed().as_secs_f64();
        self.absorb(self.warm + self.ops, &r)?;
        self.latency.merge(&r.latency);
        self.secs_per_op = wall / (self.warm + self.ops) as f64;
        let total = self.ops as f64 * self.spec.threads as f64;
        Ok(total / r.secs / 1e6)
    }

    fn finish(&mut self) -> Result<(), String> {
        self.end_pass(false)
    }

    fn rebuild(&mut self) -> Result<(), String> {
        // The pass ends here (validated); the next sample starts a new one on a new map.
        self.end_pass(true)
    }

    fn describe(&self, x: &mut Extra) {
        let mut expected = Expected::default();
        self.streams.iter().for_each(|s| expected.add(&s.expected));
        x.ops_per_thread = Some(self.ops as u64);
        x.calibration = self.calibration;
        x.pinned = Some(self.pinned);
        x.hit_rate = Some(if self.spec.workload.is_shared() {
            // Not fixed by the streams: whatever the threads' races left present.
            self.reads[1] as f64 / self.reads[0].max(1) as f64
        } else {
            expected.hit_rate()
        });
        x.latency = Some(self.latency.summary());
        x.latency_sample_every = Some(SAMPLE_EVERY);
        x.bytes_after_prefill = self.bytes_after_prefill;
        x.facts = self.map.facts();
        if !does_map_work::<C>() {
            x.validation = Some(format!("skipped: {} does no map work", C::NAME));
        }
    }

    fn sample_cost_secs(&self) -> f64 {
        let len = self.stream_len().max(1);
        let per_pass = (len / (self.warm + self.ops).max(1)).max(1) as f64;
        self.secs_per_op * (self.warm + self.ops) as f64 + self.rebuild_secs / per_pass
    }
}

/// One validated repetition on pre-generated streams, all ops timed; its wall time (first
/// start to last finish). For callers that do their own statistics (the criterion bench);
/// a thread's panic is raised again here.
pub fn timed_rep<C: Contender>(
    spec: &CellSpec,
    streams: &[ThreadStream],
) -> Result<std::time::Duration, String> {
    let map = build_and_prefill::<C>(spec)?;
    let n = streams.first().map_or(0, |s| s.ops.len());
    let r = run_segment(spec, &map, streams, 0, 0, n);
    if does_map_work::<C>() {
        let prefixes: Vec<Stream<'_>> = streams.iter().map(|s| s.as_stream()).collect();
        let mut expected = Expected::default();
        prefixes.iter().for_each(|s| expected.add(&s.expected));
        let prefill = spec.workload.prefill(spec.size);
        if spec.workload.is_shared() {
            let keys = r.keys.unwrap_or_default();
            validate::check_conserved(&map, prefill, &prefixes, &keys)?;
        } else {
            validate::check_counts(&expected, &r.successes)
                .and_then(|()| validate::check_final(&map, prefill, &prefixes, &r.successes))?;
        }
    }
    Ok(std::time::Duration::from_secs_f64(r.secs))
}

/// Contender `C` alone in a cell: `rounds` samples of `ops` timed ops per thread, over
/// streams of `stream_ops` ops (so a pass wraps and is validated when `stream_ops` is small),
/// then its row. For tests and one-off checks of a contender the registry does not list.
pub fn run_cell<C: Contender>(cell: &CellSpec, rounds: u32, ops: u64, stream_ops: u64) -> Row {
    let streams = generate_streams(cell, cell.stream_len(stream_ops, Some(ops)));
    let id = cell.identity(C::NAME);
    let member = match ContentionMember::<C>::new(*cell, &streams, SampleSize::Ops(ops)) {
        Ok(m) => m,
        Err(e) => return Row::failed(id, Unit::MopsPerSec, e),
    };
    let mut members: Vec<Box<dyn Member + '_>> = vec![Box::new(member)];
    let out = crate::harness::measuring::rounds::run(&mut members, rounds, 1, |_| {});
    let mut row = match &out[0].error {
        None => Row::new(id, Unit::MopsPerSec, out[0].samples.clone()),
        Some(e) => Row::failed(id, Unit::MopsPerSec, e.clone()),
    };
    members[0].describe(&mut row.extra);
    row
}

/// What the `shared-write` ledger ([`conserve`]) costs the timed loop: the `null` contender's
/// loop over one thread's `shared-write` stream with the ledger and without it, in
/// interleaved rounds ([`rounds`](crate::harness::measuring::rounds)), as ns per op.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LedgerCost {
    /// The median ns/op with the ledger ([`analysis::median`]: the mean of the middle two
    /// for the even round counts `check` runs; an upper-middle pick before).
    pub with_ns: f64,
    /// The median ns/op without it.
    pub without_ns: f64,
    /// With − without, mean of the paired rounds, with its 95% interval.
    pub difference: analysis::Interval,
    pub rounds: u32,
}

/// Measures [`LedgerCost`] over `hot_keys` keys: `rounds` rounds of `sample_secs` samples.
pub fn ledger_cost(hot_keys: u64, rounds: u32, sample_secs: f64) -> Option<LedgerCost> {
    use crate::contenders::Null;
    use crate::harness::measuring::rounds::KernelMember;
    let stream = workload::generate(Workload::SharedWrite, Dist::Uniform, hot_keys, 0, 1 << 16);
    fn run<L: Ledger>(ops: &[u64], keys: u64, iters: u64) -> std::time::Duration {
        let map = Null;
        let mut h = map.handle();
        let mut ledger = L::for_thread(0, keys);
        let mut lat = Latency::new();
        let t0 = Instant::now();
        let mut left = iters as usize;
        while left > 0 {
            let n = left.min(ops.len());
            black_box(timed_loop(&mut h, &ops[..n], 0, &mut lat, &mut ledger).checksum);
            left -= n;
        }
        let d = t0.elapsed();
        black_box(ledger.into_counts());
        d
    }
    let ops = &stream.ops;
    let mut members: Vec<Box<dyn Member + '_>> = vec![
        Box::new(KernelMember::new(
            |n| run::<HotKeys>(ops, hot_keys, n),
            sample_secs,
        )),
        Box::new(KernelMember::new(
            |n| run::<NoLedger>(ops, hot_keys, n),
            sample_secs,
        )),
    ];
    let out = crate::harness::measuring::rounds::run(&mut members, rounds, 0x1ED6E5, |_| {});
    let (with, without) = (&out[0].samples, &out[1].samples);
    let median = |v: &[f64]| analysis::median(v).unwrap_or(f64::NAN);
    Some(LedgerCost {
        with_ns: median(with),
        without_ns: median(without),
        difference: analysis::mean_difference(with, without)?,
        rounds,
    })
}
