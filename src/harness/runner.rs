//! The core-pinned runner: one cell = one contender × workload × distribution × thread count.
//!
//! A cell goes:
//! 1. **Calibrate.** Unless the op count is fixed (`ops_per_thread`), run short trials on a
//!    fresh, prefilled map (2^13 ops per thread, ×4 until a trial takes ≥ 20 ms) and size the
//!    op count so that all repetitions together take about `secs`. Trials are not validated or
//!    recorded, only timed (they also warm caches and the allocator).
//! 2. **Generate** each thread's op stream (in parallel, before any timing): a `Vec<u64>`.
//! 3. **Repeat** `reps` times, each on a fresh map: build + prefill (bytes held measured on the
//!    first), spawn one thread per requested thread, each pinned to core `t mod cores` (pinning
//!    unavailable → noted in the row), each making its handle and latency histograms, then all
//!    wait on one `Barrier` with the main thread. The timed loop is generic over the handle
//!    type (monomorphized per contender, no `dyn`, no allocation); every result is folded into
//!    a checksum or a success count. Sample = total ops / (last finish − first start), Mops/s.
//! 4. **Validate** after every repetition ([`validate`]); the first failure
//!    marks the row invalid with its reason. A panicking thread is a failure too.

use super::alloc_counter;
use super::keys::key;
use super::latency::{Latency, SAMPLE_EVERY, SAMPLE_MASK};
use super::noise::{self, OtherCpu};
use super::validate;
use super::workload::{self, index_of, kind_of, Dist, Expected, OpKind, PerKind, Stream};
use super::workload::{ThreadStream, Workload};
use crate::contenders::{BuildSpec, Contender, Handle, Role};
use crate::results::schema::{Calibration, Identity, Row, Suite, Unit};
use std::hint::black_box;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::Barrier;
use std::thread;
use std::time::Instant;

/// Op streams are 8 bytes per op; this caps one thread's stream at 256 MiB.
pub const MAX_OPS_PER_THREAD: u64 = 1 << 25;
/// The fewest ops a thread runs in a measured repetition.
pub const MIN_OPS_PER_THREAD: u64 = 1 << 10;
const CALIBRATION_START: u64 = 1 << 13;
const CALIBRATION_MIN_SECS: f64 = 0.02;

/// One cell's parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct CellSpec {
    pub workload: Workload,
    pub dist: Dist,
    /// `--size`: the prefill of every workload but rapid-grow.
    pub size: u64,
    pub threads: u32,
    /// Timed seconds of the whole cell (all repetitions), when the op count is calibrated.
    pub secs: f64,
    pub reps: u32,
    /// A fixed op count per thread (skips calibration).
    pub ops_per_thread: Option<u64>,
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
}

/// What one thread brings back.
struct WorkerOut {
    start: Instant,
    end: Instant,
    successes: PerKind<u64>,
    checksum: u64,
    latency: Latency,
    pinned: bool,
}

/// What one repetition brings back.
struct RepOut {
    secs: f64,
    total_ops: u64,
    latency: Latency,
    pinned: bool,
    other_cpu: Option<OtherCpu>,
    bytes_after_prefill: Option<i64>,
    /// A panic or a validation failure.
    error: Option<String>,
}

/// Per-kind success counts and the checksum of the values read, kept in registers: an array
/// indexed by the op's kind would put a load–add–store chain through memory on every op
/// (about 2 ns alone), which is harness cost, not map cost.
#[derive(Default)]
struct Tally {
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

/// One op, counted in `t` when it succeeds (hit / new / removed / was present).
#[inline(always)]
fn do_op<H: Handle>(h: &mut H, op: u64, i: u64, t: &mut Tally) {
    let k = key(index_of(op));
    match kind_of(op) {
        OpKind::Read => {
            if let Some(v) = h.get(&k) {
                t.reads += 1;
                t.checksum = t.checksum.wrapping_add(v);
            }
        }
        OpKind::Insert => t.inserts += h.insert(k, index_of(op) & 0xFFFF_FFFF) as u64,
        OpKind::Remove => t.removes += h.remove(&k) as u64,
        OpKind::Update => t.updates += h.update(k, i) as u64,
    }
}

/// The timed loop, compiled once per handle type.
#[inline(never)]
fn timed_loop<H: Handle>(h: &mut H, ops: &[u64], lat: &mut Latency) -> (PerKind<u64>, u64) {
    let mut t = Tally::default();
    for (i, &op) in ops.iter().enumerate() {
        let i = i as u64;
        if i & SAMPLE_MASK == 0 {
            let t0 = Instant::now();
            do_op(h, op, i, &mut t);
            lat.record(kind_of(op), t0.elapsed().as_nanos() as u64);
        } else {
            do_op(h, op, i, &mut t);
        }
    }
    (t.successes(), black_box(t.checksum))
}

fn worker<C: Contender>(
    map: &C,
    stream: &Stream<'_>,
    barrier: &Barrier,
    core: Option<core_affinity::CoreId>,
) -> WorkerOut {
    // Everything before the barrier is caught, so that a panic here cannot leave the other
    // threads waiting forever; it is re-raised after the barrier.
    let prepared = catch_unwind(AssertUnwindSafe(|| {
        let pinned = core.is_some_and(core_affinity::set_for_current);
        (map.handle(), Latency::new(), pinned)
    }));
    barrier.wait();
    let (mut h, mut latency, pinned) = prepared.unwrap_or_else(|p| resume_unwind(p));
    let start = Instant::now();
    let (successes, checksum) = timed_loop(&mut h, stream.ops, &mut latency);
    let end = Instant::now();
    WorkerOut {
        start,
        end,
        successes,
        checksum,
        latency,
        pinned,
    }
}

/// False for the harness-only contender, whose answers mean nothing and are not validated.
fn does_map_work<C: Contender>() -> bool {
    C::ROLE != Role::HarnessOnly
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic payload".into())
}

fn build_and_prefill<C: Contender>(spec: &CellSpec) -> (C, Option<String>) {
    let map = C::build(&BuildSpec {
        capacity: spec.workload.capacity_hint(spec.size),
        shards: spec.shards,
    });
    let mut bad = None;
    {
        let mut h = map.handle();
        for i in 0..spec.workload.prefill(spec.size) {
            if !h.insert(key(i), i) && does_map_work::<C>() && bad.is_none() {
                bad = Some(format!("prefill insert #{i} reported the key as present"));
            }
        }
    }
    (map, bad)
}

/// One repetition on a fresh map; `validate_it` checks the outcome.
fn run_rep<C: Contender>(
    spec: &CellSpec,
    streams: &[Stream<'_>],
    measure_bytes: bool,
    validate_it: bool,
) -> RepOut {
    let ((map, mut error), bytes_after_prefill) = if measure_bytes {
        alloc_counter::measure(|| build_and_prefill::<C>(spec))
    } else {
        (build_and_prefill::<C>(spec), None)
    };
    let cores = core_affinity::get_core_ids().filter(|c| !c.is_empty());
    let barrier = Barrier::new(streams.len() + 1);
    let before = noise::snapshot();
    let outs: Vec<thread::Result<WorkerOut>> = thread::scope(|s| {
        let handles: Vec<_> = streams
            .iter()
            .enumerate()
            .map(|(t, stream)| {
                let core = cores.as_ref().map(|c| c[t % c.len()]);
                let (map, barrier) = (&map, &barrier);
                s.spawn(move || worker(map, stream, barrier, core))
            })
            .collect();
        barrier.wait();
        handles.into_iter().map(|h| h.join()).collect()
    });
    let after = noise::snapshot();

    let mut latency = Latency::new();
    let mut successes = PerKind::<u64>::default();
    let mut pinned = true;
    let (mut first, mut last) = (None::<Instant>, None::<Instant>);
    for (t, out) in outs.into_iter().enumerate() {
        match out {
            Ok(w) => {
                latency.merge(&w.latency);
                successes.add(&w.successes);
                black_box(w.checksum);
                pinned &= w.pinned;
                first = Some(first.map_or(w.start, |f| f.min(w.start)));
                last = Some(last.map_or(w.end, |l| l.max(w.end)));
            }
            Err(p) => {
                error.get_or_insert_with(|| format!("thread {t} panicked: {}", panic_message(&*p)));
            }
        }
    }
    let secs = match (first, last) {
        (Some(f), Some(l)) if error.is_none() => l.duration_since(f).as_secs_f64(),
        _ => f64::INFINITY,
    };
    if error.is_none() && validate_it {
        let mut expected = Expected::default();
        streams.iter().for_each(|s| expected.add(&s.expected));
        let prefill = spec.workload.prefill(spec.size);
        error = validate::check_counts(&expected, &successes)
            .and_then(|()| validate::check_final(&map, prefill, streams, &successes))
            .err();
    }
    RepOut {
        secs,
        total_ops: streams.iter().map(|s| s.ops.len() as u64).sum(),
        latency,
        pinned,
        other_cpu: before.zip(after).map(|(b, a)| noise::other_cpu(&b, &a)),
        bytes_after_prefill,
        error,
    }
}

/// One validated repetition on pre-generated streams; its wall time (first start to last
/// finish). For callers that do their own statistics (the criterion bench).
pub fn timed_rep<C: Contender>(
    spec: &CellSpec,
    streams: &[Stream<'_>],
) -> Result<std::time::Duration, String> {
    let r = run_rep::<C>(spec, streams, false, does_map_work::<C>());
    match r.error {
        Some(e) => Err(e),
        None => Ok(std::time::Duration::from_secs_f64(r.secs)),
    }
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

/// Op streams kept from one cell to the next. Cells that differ only in the contender share
/// (workload, dist, size, threads), and a shorter stream is a prefix of a longer one, so the
/// streams are generated once per group, at the longest length asked for (zipf draws cost
/// ~70 ns each: regenerating for every contender would double a run's length).
#[derive(Default)]
pub struct StreamCache {
    key: Option<(Workload, Dist, u64, u32)>,
    streams: Vec<ThreadStream>,
}

impl StreamCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every thread's first `n` ops for `spec`.
    pub fn get(&mut self, spec: &CellSpec, n: u64) -> Vec<Stream<'_>> {
        let key = Some((spec.workload, spec.dist, spec.size, spec.threads));
        let have = self.streams.first().map_or(0, |s| s.ops.len() as u64);
        if self.key != key || have < n {
            // Free the old streams before making new ones; grow geometrically so that a run
            // of increasing requests (calibration) regenerates rarely.
            self.streams = Vec::new();
            let len = if self.key == key {
                n.max((have * 2).min(MAX_OPS_PER_THREAD))
            } else {
                n
            };
            self.streams = generate_streams(spec, len);
            self.key = key;
        }
        self.streams.iter().map(|s| s.prefix(n)).collect()
    }
}

/// Ops per thread that make one repetition last `secs / reps`, and the trial it came from.
fn calibrate<C: Contender>(
    spec: &CellSpec,
    cache: &mut StreamCache,
) -> Result<(u64, u64, f64), String> {
    let target = spec.secs / spec.reps as f64;
    let mut n = CALIBRATION_START.min(MAX_OPS_PER_THREAD);
    loop {
        let streams = cache.get(spec, n);
        let rep = run_rep::<C>(spec, &streams, false, false);
        if let Some(e) = rep.error {
            return Err(format!("calibration: {e}"));
        }
        if rep.secs >= CALIBRATION_MIN_SECS || n >= MAX_OPS_PER_THREAD {
            let ops = (n as f64 * target / rep.secs.max(1e-9)) as u64;
            return Ok((
                ops.clamp(MIN_OPS_PER_THREAD, MAX_OPS_PER_THREAD),
                n,
                rep.secs,
            ));
        }
        n = (n * 4).min(MAX_OPS_PER_THREAD);
    }
}

/// Runs one cell and returns its row (invalid, with the reason, when the contender failed).
///
/// # Panics
/// When `spec.threads` exceeds the contender's thread limit (the caller skips those cells).
pub fn run_cell<C: Contender>(spec: &CellSpec) -> Row {
    run_cell_cached::<C>(spec, &mut StreamCache::new())
}

/// [`run_cell`], reusing (and updating) streams kept from earlier cells.
pub fn run_cell_cached<C: Contender>(spec: &CellSpec, cache: &mut StreamCache) -> Row {
    assert!(
        C::THREAD_LIMIT.is_none_or(|l| spec.threads <= l.max),
        "{} runs at most {:?} threads",
        C::NAME,
        C::THREAD_LIMIT
    );
    let mut calibration = None;
    let mut error = None;
    let ops = match spec.ops_per_thread {
        Some(n) => n,
        None => match calibrate::<C>(spec, cache) {
            Ok((ops, trial_ops, trial_secs)) => {
                calibration = Some(Calibration {
                    trial_ops_per_thread: trial_ops,
                    trial_secs,
                });
                ops
            }
            Err(e) => {
                error = Some(e);
                MIN_OPS_PER_THREAD
            }
        },
    };

    let mut samples = Vec::new();
    let mut latency = Latency::new();
    let mut other = Vec::new();
    let mut pinned = true;
    let mut bytes = None;
    let mut hit_rate = 1.0;
    if error.is_none() {
        let streams = cache.get(spec, ops);
        let mut expected = Expected::default();
        streams.iter().for_each(|s| expected.add(&s.expected));
        hit_rate = expected.hit_rate();
        for rep in 0..spec.reps {
            let r = run_rep::<C>(spec, &streams, rep == 0, does_map_work::<C>());
            samples.push(if r.secs.is_finite() {
                r.total_ops as f64 / r.secs / 1e6
            } else {
                0.0
            });
            latency.merge(&r.latency);
            other.extend(r.other_cpu);
            pinned &= r.pinned;
            if rep == 0 {
                bytes = r.bytes_after_prefill;
            }
            if let Some(e) = r.error {
                error.get_or_insert(format!("rep {}: {e}", rep + 1));
            }
        }
    }
    if samples.is_empty() {
        samples.push(0.0);
    }

    let mut row = Row::new(spec.identity(C::NAME), Unit::MopsPerSec, samples);
    let worst_other = other.iter().map(|o| o.pct).fold(0.0f64, f64::max);
    row.noisy = other.iter().any(OtherCpu::is_noisy);
    let round = |x: f64| (x * 10.0).round() / 10.0;
    let x = &mut row.extra;
    x.calibration = calibration;
    x.ops_per_thread = Some(ops);
    x.pinned = Some(pinned);
    x.hit_rate = Some(hit_rate);
    x.latency = Some(latency.summary());
    x.latency_sample_every = Some(SAMPLE_EVERY);
    x.other_cpu_pct = Some(round(worst_other));
    x.other_cpu_pct_reps = Some(other.iter().map(|o| round(o.pct)).collect());
    if !does_map_work::<C>() {
        x.validation = Some(format!("skipped: {} does no map work", C::NAME));
    }
    x.bytes_after_prefill = bytes;
    x.facts = C::build(&BuildSpec {
        capacity: 0,
        shards: spec.shards,
    })
    .facts();
    if let Some(e) = error {
        row.invalidate(e);
    }
    row
}
