//! Contention workloads: the op mix, the key distribution, the prefill, and each thread's
//! pre-generated op stream with the outcome every op must have.
//!
//! # The exact spec (the Go anchor mirrors it)
//!
//! | workload | read | insert | remove | update | prefill |
//! |---|---|---|---|---|---|
//! | `read-heavy` | 98 | 1 | 1 | 0 | P |
//! | `exchange` | 10 | 40 | 40 | 10 | P |
//! | `write-heavy` | 50 | 25 | 25 | 0 | P |
//! | `rapid-grow` | 20 | 80 | 0 | 0 | 0, no capacity hint: the map really grows |
//! | `shared-write` | 40 | 20 | 20 | 20 | H = `--hot-keys` (default 64): the whole hot set |
//!
//! - Prefill: keys `key(0..P)` ([`key`](crate::harness::workloads::keys::key)), value = index; P = `--size` (default 2^16), 0 for
//!   rapid-grow. Prefilled keys are never removed.
//! - Thread `t` (0-based) draws from `rng = SplitMix64(0x5851F42D4C957F2D ^ (t + 1))`. Per op
//!   `i` (0-based): `r = rng.below(100)` picks the kind by cumulative percentages in the order
//!   read, insert, remove, update.
//! - read / update (P > 0) target a prefilled index: `rng.below(P)` (uniform), or for zipf a
//!   rank drawn from `rand_distr::Zipf::new(P, 0.99)` fed by a second stream,
//!   `zrng = SplitMix64(0x2545F4914F6CDD1D ^ (t + 1))` (f64 = `(next_u64 >> 11) · 2^-53`, rand's
//!   conversion), mapped to the index `((rank − 1) · 2654435761) mod P` — a bijection on `0..P`
//!   (2654435761 is a prime above any allowed P) that scatters the hot ranks. The separate
//!   stream keeps the kind sequence identical under both distributions (the uniform
//!   `rng.below(P)` is drawn under zipf too, and discarded). Reads always hit.
//! - rapid-grow reads (P = 0) target one of this thread's own earlier inserts,
//!   `rng.below(j)` where `j` inserts were made so far (a hit), or, before the first insert, the
//!   never-present miss key below (a miss). The hit rate is fixed by the stream, the same at
//!   every thread count; it is printed and recorded.
//! - Insert number `j` of thread `t` inserts `key(2^40 + t·2^32 + j)`, value `j`: fresh and
//!   private to the thread.
//! - Remove takes this thread's oldest still-present insert (FIFO); with none, it removes
//!   `key(2^41 + t·2^32 + i)`, never present (expected to fail).
//! - Update overwrites a prefilled key (shared keys: same-key contention), value `i`.
//!
//! Since insert and remove keys are thread-private, every op's outcome is known in advance:
//! the generator counts the expected successes per kind, and the harness checks them.
//!
//! # `shared-write`: every thread writes the same keys
//! The workloads above never let two threads insert or remove one key, the most race-prone
//! paths of a concurrent map (and Go's `concurrent map writes`). In `shared-write` the key
//! space is a small hot set, `key(0..H)` (the cell's `size` is H), all present at the start
//! with value [`shared_value`]`(h, prefill)`; every op of every thread (read, insert, remove,
//! update: 40 / 20 / 20 / 20) targets `h = rng.below(H)`, or under zipf the scattered rank
//! drawn exactly as above with P = H. Insert and update write `shared_value(h, t, i)`: the key
//! index, the writing thread and its op position, so that any value read can be traced back to
//! the op that wrote it. No outcome is predictable here; such a cell is validated by
//! conservation, key by key ([`conserve`](crate::harness::workloads::conserve)), not by [`Expected`] (whose
//! `successes` mean nothing for it).
//!
//! # Encoding
//! One op is one `u64`: the kind in bits 62..64, the *key index* in bits 0..62. The timed loop
//! computes `key(index)` (a few multiply/xor-shifts, the same for every contender and measured
//! by `null`); the insert value is the index's low 32 bits (`j`). 8 bytes per op keeps a
//! second of ops within a few hundred MB.

use crate::rng::SplitMix64;
use crate::vocabulary::{Dist, OpKind, Workload};
use rand::RngCore;
use rand_distr::{Distribution, Zipf};

/// Seed of thread `t`'s op stream: `OP_SEED ^ (t + 1)`.
pub const OP_SEED: u64 = 0x5851_F42D_4C95_7F2D;
/// Seed of thread `t`'s zipf stream: `ZIPF_SEED ^ (t + 1)`.
pub const ZIPF_SEED: u64 = 0x2545_F491_4F6C_DD1D;
/// Zipf exponent θ.
pub const ZIPF_THETA: f64 = 0.99;
/// The prime that scatters zipf ranks over `0..P`.
pub const ZIPF_SCATTER: u64 = 2_654_435_761;
/// First key index of inserted keys: `INSERT_BASE + t·2^32 + j`.
pub const INSERT_BASE: u64 = 1 << 40;
/// First key index of never-present keys: `MISS_BASE + t·2^32 + i`.
pub const MISS_BASE: u64 = 1 << 41;
/// The largest prefill: below 2^31 keeps zipf's scatter a bijection and indices apart.
pub const MAX_PREFILL: u64 = (1 << 31) - 1;
/// Thread ids must fit the 8 bits between 2^32 and 2^40.
pub const MAX_THREADS: u32 = 256;
/// Ops of one thread must fit 32 bits (insert number `j`, op position `i`).
pub const MAX_OPS: u64 = u32::MAX as u64;
/// The most hot keys of `shared-write`: the key index has 16 bits of a [`shared_value`].
pub const MAX_HOT_KEYS: u64 = 1 << 16;
/// The hot set of `shared-write` unless told otherwise (`--hot-keys`).
pub const DEFAULT_HOT_KEYS: u64 = 64;

/// The value `shared-write` writes: key index `h` in bits 48..64, the writer in bits 32..48
/// ([`Writer`]), the writer's op position `i` in bits 0..32. Every value a thread reads must
/// carry the key it was read from, and name an op that wrote it there.
#[inline(always)]
pub fn shared_value(h: u64, writer: Writer, i: u64) -> u64 {
    debug_assert!(h < MAX_HOT_KEYS && i <= MAX_OPS);
    let w = match writer {
        Writer::Prefill => 0,
        Writer::Thread(t) => u64::from(t) + 1,
    };
    (h << 48) | (w << 32) | (i & 0xFFFF_FFFF)
}

/// Who wrote a [`shared_value`]: the prefill, or thread `t` (0-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Writer {
    Prefill,
    Thread(u32),
}

/// A [`shared_value`] taken apart: (key index, writer, op position).
#[inline(always)]
pub fn decode_shared(v: u64) -> (u64, Writer, u64) {
    let w = (v >> 32) & 0xFFFF;
    let writer = match w {
        0 => Writer::Prefill,
        w => Writer::Thread((w - 1) as u32),
    };
    (v >> 48, writer, v & 0xFFFF_FFFF)
}

/// One value per op kind (counts, percentages, histograms), indexed by [`OpKind`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PerKind<T>(pub [T; 4]);

impl<T> std::ops::Index<OpKind> for PerKind<T> {
    type Output = T;
    #[inline(always)]
    fn index(&self, k: OpKind) -> &T {
        &self.0[k.index()]
    }
}

impl<T> std::ops::IndexMut<OpKind> for PerKind<T> {
    #[inline(always)]
    fn index_mut(&mut self, k: OpKind) -> &mut T {
        &mut self.0[k.index()]
    }
}

impl<T: Copy> PerKind<T> {
    /// (kind, value) for every kind, in [`OpKind::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (OpKind, T)> + '_ {
        OpKind::ALL.into_iter().map(|k| (k, self[k]))
    }
}

impl PerKind<u64> {
    /// Adds `o`'s counts to these.
    pub fn add(&mut self, o: &PerKind<u64>) {
        for k in OpKind::ALL {
            self[k] += o[k];
        }
    }
    pub fn total(&self) -> u64 {
        self.0.iter().sum()
    }
}

const KIND_SHIFT: u32 = 62;
const INDEX_MASK: u64 = (1 << KIND_SHIFT) - 1;

/// Packs an op.
#[inline(always)]
pub fn encode(kind: OpKind, index: u64) -> u64 {
    debug_assert!(index <= INDEX_MASK);
    ((kind.index() as u64) << KIND_SHIFT) | index
}

/// The kind of a packed op.
#[inline(always)]
pub fn kind_of(op: u64) -> OpKind {
    match op >> KIND_SHIFT {
        0 => OpKind::Read,
        1 => OpKind::Insert,
        2 => OpKind::Remove,
        _ => OpKind::Update,
    }
}

/// The key index of a packed op.
#[inline(always)]
pub fn index_of(op: u64) -> u64 {
    op & INDEX_MASK
}

/// The key index of insert `j` of thread `t`.
#[inline(always)]
pub fn insert_index(t: u32, j: u64) -> u64 {
    INSERT_BASE + ((t as u64) << 32) + j
}

/// A never-present key index for op `i` of thread `t`.
#[inline(always)]
pub fn miss_index(t: u32, i: u64) -> u64 {
    MISS_BASE + ((t as u64) << 32) + i
}

/// What a workload does; its name and parsing are [`crate::vocabulary::Workload`]'s.
impl Workload {
    /// Percentages of each op kind (they sum to 100).
    pub fn mix(self) -> PerKind<u64> {
        PerKind(match self {
            Workload::ReadHeavy => [98, 1, 1, 0],
            Workload::Exchange => [10, 40, 40, 10],
            Workload::WriteHeavy => [50, 25, 25, 0],
            Workload::RapidGrow => [20, 80, 0, 0],
            Workload::SharedWrite => [40, 20, 20, 20],
        })
    }

    /// The value prefilled key `i` starts with.
    pub fn initial_value(self, i: u64) -> u64 {
        match self {
            Workload::SharedWrite => shared_value(i, Writer::Prefill, 0),
            _ => i,
        }
    }

    /// Entries before the threads start: `size` (for shared-write, the hot set), or 0 for
    /// rapid-grow.
    pub fn prefill(self, size: u64) -> u64 {
        match self {
            Workload::RapidGrow => 0,
            _ => size,
        }
    }

    /// The capacity hint the map is built with: the prefill, or none for rapid-grow.
    pub fn capacity_hint(self, size: u64) -> usize {
        self.prefill(size) as usize
    }
}

/// What a thread's stream must produce, known before it runs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expected {
    /// Ops of each kind.
    pub attempts: PerKind<u64>,
    /// Ops of each kind that must succeed (hit, new, removed, present).
    pub successes: PerKind<u64>,
    /// Inserts made (`j` at the end); inserts `removed..inserted` are still present.
    pub inserted: u64,
    /// Inserts removed again (the FIFO head at the end).
    pub removed: u64,
}

impl Expected {
    /// Fraction of reads that hit (1.0 when there are no reads).
    pub fn hit_rate(&self) -> f64 {
        if self.attempts[OpKind::Read] == 0 {
            1.0
        } else {
            self.successes[OpKind::Read] as f64 / self.attempts[OpKind::Read] as f64
        }
    }

    pub fn add(&mut self, o: &Expected) {
        self.attempts.add(&o.attempts);
        self.successes.add(&o.successes);
        self.inserted += o.inserted;
        self.removed += o.removed;
    }
}

impl Expected {
    /// The expectation of an op sequence, read off the ops themselves: every insert succeeds;
    /// a read, remove or update succeeds exactly when its key index is below [`MISS_BASE`]
    /// (the generator sends the ops that must fail to never-present keys). So any prefix of a
    /// stream carries its own expectation.
    pub fn of(ops: &[u64]) -> Expected {
        let mut e = Expected::default();
        for &op in ops {
            let kind = kind_of(op);
            let ok = kind == OpKind::Insert || index_of(op) < MISS_BASE;
            e.attempts[kind] += 1;
            e.successes[kind] += ok as u64;
        }
        e.inserted = e.attempts[OpKind::Insert];
        e.removed = e.successes[OpKind::Remove];
        e
    }
}

/// One thread's pre-generated ops and their expected outcome.
#[derive(Clone, Debug)]
pub struct ThreadStream {
    pub thread: u32,
    pub ops: Vec<u64>,
    pub expected: Expected,
}

/// A borrowed stream: some prefix of a [`ThreadStream`], with its own expectation.
#[derive(Clone, Debug)]
pub struct Stream<'a> {
    pub thread: u32,
    pub ops: &'a [u64],
    pub expected: Expected,
}

impl ThreadStream {
    /// The whole stream, borrowed.
    pub fn as_stream(&self) -> Stream<'_> {
        Stream {
            thread: self.thread,
            ops: &self.ops,
            expected: self.expected.clone(),
        }
    }

    /// The first `n` ops (all of them if there are fewer): the stream a run of `n` ops per
    /// thread would have generated.
    pub fn prefix(&self, n: u64) -> Stream<'_> {
        let ops = &self.ops[..(n as usize).min(self.ops.len())];
        Stream {
            thread: self.thread,
            ops,
            expected: Expected::of(ops),
        }
    }
}

/// rand's `RngCore` over our SplitMix64, so that `rand_distr::Zipf` draws from a stream the Go
/// anchor can reproduce.
struct Rng64(SplitMix64);

impl RngCore for Rng64 {
    fn next_u32(&mut self) -> u32 {
        (self.0.next_u64() >> 32) as u32
    }
    fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }
    fn fill_bytes(&mut self, dst: &mut [u8]) {
        for chunk in dst.chunks_mut(8) {
            let b = self.0.next_u64().to_le_bytes();
            chunk.copy_from_slice(&b[..chunk.len()]);
        }
    }
}

/// Generates `n` ops of thread `t` (the first `n` of its infinite stream: a shorter stream is a
/// prefix of a longer one).
///
/// # Panics
/// When the arguments leave the encoding's ranges (see the constants).
pub fn generate(workload: Workload, dist: Dist, size: u64, t: u32, n: u64) -> ThreadStream {
    assert!(t < MAX_THREADS && n <= MAX_OPS && size <= MAX_PREFILL);
    assert!(!workload.is_shared() || (1..=MAX_HOT_KEYS).contains(&size));
    let p = workload.prefill(size);
    let shared = workload.is_shared();
    let mix = workload.mix();
    let cumulative = [
        mix[OpKind::Read],
        mix[OpKind::Read] + mix[OpKind::Insert],
        mix[OpKind::Read] + mix[OpKind::Insert] + mix[OpKind::Remove],
    ];
    let mut rng = SplitMix64(OP_SEED ^ (t as u64 + 1));
    let mut zrng = Rng64(SplitMix64(ZIPF_SEED ^ (t as u64 + 1)));
    let zipf = (dist == Dist::Zipf && p > 0)
        .then(|| Zipf::new(p as f64, ZIPF_THETA).expect("zipf parameters are valid"));
    let mut target = |rng: &mut SplitMix64| -> u64 {
        // The uniform draw is made under both distributions, so the kind sequence is the same.
        let uniform = rng.below(p);
        match &zipf {
            None => uniform,
            Some(z) => {
                let rank = (z.sample(&mut zrng) as u64).clamp(1, p) - 1;
                ((rank as u128 * ZIPF_SCATTER as u128) % p as u128) as u64
            }
        }
    };

    let mut ops = Vec::with_capacity(n as usize);
    let (mut j, mut head) = (0u64, 0u64);
    for i in 0..n {
        let r = rng.below(100);
        let kind = if r < cumulative[0] {
            OpKind::Read
        } else if r < cumulative[1] {
            OpKind::Insert
        } else if r < cumulative[2] {
            OpKind::Remove
        } else {
            OpKind::Update
        };
        // Ops that must fail target never-present keys (index ≥ MISS_BASE): `Expected::of`
        // relies on it.
        let index = match kind {
            // Every kind draws from the one hot set.
            _ if shared => target(&mut rng),
            OpKind::Read | OpKind::Update if p > 0 => target(&mut rng),
            // rapid-grow (no prefill): reads hit our own inserts; updates never occur there.
            OpKind::Read | OpKind::Update if j > 0 => insert_index(t, rng.below(j)),
            OpKind::Read | OpKind::Update => miss_index(t, i),
            OpKind::Insert => {
                j += 1;
                insert_index(t, j - 1)
            }
            _ if head < j => {
                head += 1;
                insert_index(t, head - 1)
            }
            _ => miss_index(t, i),
        };
        ops.push(encode(kind, index));
    }
    let expected = Expected::of(&ops);
    debug_assert!(shared || (expected.inserted, expected.removed) == (j, head));
    ThreadStream {
        thread: t,
        ops,
        expected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixes_sum_to_100_and_names_round_trip() {
        for w in Workload::ALL {
            assert_eq!(w.mix().total(), 100);
            assert_eq!(w.name().parse::<Workload>(), Ok(w));
        }
        assert!("nope".parse::<Workload>().is_err());
        assert_eq!("zipf".parse::<Dist>(), Ok(Dist::Zipf));
    }

    #[test]
    fn shorter_stream_is_prefix_and_kinds_match_across_dists() {
        let a = generate(Workload::Exchange, Dist::Uniform, 1000, 1, 500);
        let b = generate(Workload::Exchange, Dist::Uniform, 1000, 1, 1000);
        assert_eq!(a.ops[..], b.ops[..500]);
        let z = generate(Workload::Exchange, Dist::Zipf, 1000, 1, 1000);
        let kinds = |s: &ThreadStream| s.ops.iter().map(|&o| kind_of(o)).collect::<Vec<_>>();
        assert_eq!(kinds(&b), kinds(&z));
    }

    #[test]
    fn prefilled_reads_always_hit_and_counts_add_up() {
        for w in [
            Workload::ReadHeavy,
            Workload::Exchange,
            Workload::WriteHeavy,
        ] {
            for d in Dist::ALL {
                let s = generate(w, d, 4096, 0, 20_000);
                let e = &s.expected;
                assert_eq!(e.attempts.total(), 20_000);
                assert_eq!(e.successes[OpKind::Read], e.attempts[OpKind::Read]);
                assert_eq!(e.successes[OpKind::Insert], e.attempts[OpKind::Insert]);
                assert_eq!(e.successes[OpKind::Update], e.attempts[OpKind::Update]);
                assert_eq!(e.inserted, e.attempts[OpKind::Insert]);
                assert_eq!(e.removed, e.successes[OpKind::Remove]);
                for &op in &s.ops {
                    if matches!(kind_of(op), OpKind::Read | OpKind::Update) {
                        assert!(index_of(op) < 4096);
                    }
                }
            }
        }
    }

    #[test]
    fn a_prefix_is_the_shorter_stream() {
        let long = generate(Workload::Exchange, Dist::Zipf, 300, 2, 5000);
        let short = generate(Workload::Exchange, Dist::Zipf, 300, 2, 1234);
        let p = long.prefix(1234);
        assert_eq!(p.ops, &short.ops[..]);
        assert_eq!(p.expected, short.expected);
        assert_eq!(long.prefix(99_999).ops.len(), 5000);
    }

    #[test]
    fn zipf_is_skewed_and_scattered() {
        let s = generate(Workload::ReadHeavy, Dist::Zipf, 1 << 16, 0, 100_000);
        let mut counts = std::collections::HashMap::new();
        for &op in &s.ops {
            if kind_of(op) == OpKind::Read {
                *counts.entry(index_of(op)).or_insert(0u32) += 1;
            }
        }
        let mut v: Vec<_> = counts.into_iter().collect();
        v.sort_by_key(|&(_, c)| std::cmp::Reverse(c));
        // The hottest key takes a big share; the two hottest are not neighbours.
        assert!(v[0].1 > 5_000, "{:?}", &v[..3]);
        assert!(v[0].0.abs_diff(v[1].0) > 1);
    }

    #[test]
    fn shared_write_draws_every_kind_from_the_hot_set() {
        for d in Dist::ALL {
            let s = generate(Workload::SharedWrite, d, 64, 3, 20_000);
            let mut seen = [false; 64];
            for &op in &s.ops {
                let h = index_of(op);
                assert!(h < 64);
                seen[h as usize] = true;
            }
            assert!(seen.iter().filter(|&&x| x).count() > 32, "{d}");
            let a = &s.expected.attempts;
            assert!(OpKind::ALL.iter().all(|&k| a[k] > 2_000), "{a:?}");
        }
        let v = shared_value(63, Writer::Thread(3), 123_456);
        assert_eq!(decode_shared(v), (63, Writer::Thread(3), 123_456));
        let v0 = Workload::SharedWrite.initial_value(5);
        assert_eq!(decode_shared(v0), (5, Writer::Prefill, 0));
    }

    #[test]
    fn rapid_grow_hit_rate_is_fixed_by_the_stream() {
        let s = generate(Workload::RapidGrow, Dist::Uniform, 1 << 16, 0, 10_000);
        let e = &s.expected;
        assert_eq!(e.attempts[OpKind::Remove] + e.attempts[OpKind::Update], 0);
        assert!(e.hit_rate() > 0.99 && e.hit_rate() <= 1.0);
        // The same for every thread's stream length, independent of the thread count.
        let s1 = generate(Workload::RapidGrow, Dist::Zipf, 1 << 16, 0, 10_000);
        assert_eq!(s.ops, s1.ops);
    }
}
