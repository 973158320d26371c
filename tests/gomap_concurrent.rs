//! `ConcurrentGoMap` (`concurrent::lockfree`): single-threaded, random operation sequences
//! against `std::collections::HashMap` (with the invariant checker after every step, and the
//! hashers that force long chains and same-size growth); multi-threaded, runs whose end state
//! is known exactly (threads on disjoint keys), and readers that must never miss a key that
//! is present while writers make the map grow under them.
//!
//! (The interleavings themselves are model-checked by loom: `src/concurrent/lockfree/
//! loom_models.rs`.)

use gomap_bench::concurrent::ConcurrentGoMap;
use proptest::prelude::*;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;

mod common;
use common::{Bad, BadState};

#[derive(Clone, Debug)]
enum Op {
    Insert(u64, u64),
    Remove(u64),
    Get(u64),
    WithCapacity(usize),
}

fn ops(keys: impl Strategy<Value = u64> + Clone, len: usize) -> impl Strategy<Value = Vec<Op>> {
    let op = prop_oneof![
        30 => (keys.clone(), any::<u64>()).prop_map(|(k, v)| Op::Insert(k, v)),
        15 => keys.clone().prop_map(Op::Remove),
        10 => keys.prop_map(Op::Get),
        1 => (0usize..200).prop_map(Op::WithCapacity),
    ];
    proptest::collection::vec(op, 1..len)
}

fn run<S: BuildHasher + Clone>(
    hasher: S,
    ops: &[Op],
    check_each: bool,
) -> Result<(), TestCaseError> {
    let mut m = ConcurrentGoMap::with_capacity_and_hasher(0, hasher.clone());
    let mut model: HashMap<u64, u64> = HashMap::new();
    for op in ops {
        match *op {
            Op::Insert(k, v) => prop_assert_eq!(m.insert(k, v), model.insert(k, v)),
            Op::Remove(k) => prop_assert_eq!(m.remove(k), model.remove(&k)),
            Op::Get(k) => prop_assert_eq!(m.get(k), model.get(&k).copied()),
            Op::WithCapacity(n) => {
                m = ConcurrentGoMap::with_capacity_and_hasher(n, hasher.clone());
                model = HashMap::with_capacity(n);
            }
        }
        prop_assert_eq!(m.len(), model.len());
        if check_each {
            m.check_invariants().map_err(TestCaseError::fail)?;
        }
    }
    m.check_invariants().map_err(TestCaseError::fail)?;
    let mut got = m.entries();
    let mut want: Vec<(u64, u64)> = model.into_iter().collect();
    got.sort_unstable();
    want.sort_unstable();
    prop_assert_eq!(got, want);
    Ok(())
}

fn foldhash() -> foldhash::fast::RandomState {
    foldhash::fast::RandomState::default()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn tiny_keyspace_checked_each_step(ops in ops(0u64..16, 200)) {
        run(foldhash(), &ops, true)?;
    }

    #[test]
    fn medium_keyspace(ops in ops(0u64..512, 1500)) {
        run(foldhash(), &ops, false)?;
    }

    #[test]
    fn full_keyspace(ops in ops(any::<u64>(), 1500)) {
        run(foldhash(), &ops, false)?;
    }

    #[test]
    fn few_hashes_force_long_chains(ops in ops(0u64..64, 600)) {
        run(BadState(Bad::FewHashes), &ops, true)?;
    }

    #[test]
    fn same_top_byte(ops in ops(0u64..256, 800)) {
        run(BadState(Bad::SameTop), &ops, true)?;
    }
}

/// How many threads the multi-threaded tests run: more than this machine's cores, so that
/// threads are preempted inside critical sections too.
const THREADS: u64 = 4;

/// Threads on disjoint key ranges, from an empty map (so through every growth): each inserts
/// its range, overwrites every third key, removes every odd one. The end state is exact.
fn disjoint_ranges<S: BuildHasher + Clone + Send + Sync>(hasher: S, per_thread: u64) {
    let mut m = ConcurrentGoMap::with_capacity_and_hasher(0, hasher);
    thread::scope(|s| {
        for t in 0..THREADS {
            let m = &m;
            s.spawn(move || {
                let range = t * per_thread..(t + 1) * per_thread;
                for k in range.clone() {
                    assert_eq!(m.insert(k, k), None, "key {k}");
                }
                for k in range.clone().filter(|k| k % 3 == 0) {
                    assert_eq!(m.insert(k, k + 1), Some(k), "key {k}");
                }
                for k in range.clone().filter(|k| k % 2 == 1) {
                    let want = if k % 3 == 0 { k + 1 } else { k };
                    assert_eq!(m.remove(k), Some(want), "key {k}");
                }
                for k in range {
                    let want = (k % 2 == 0).then_some(if k % 3 == 0 { k + 1 } else { k });
                    assert_eq!(m.get(k), want, "key {k}");
                }
            });
        }
    });
    m.check_invariants().unwrap();
    let mut got = m.entries();
    got.sort_unstable();
    let want: Vec<(u64, u64)> = (0..THREADS * per_thread)
        .filter(|k| k % 2 == 0)
        .map(|k| (k, if k % 3 == 0 { k + 1 } else { k }))
        .collect();
    assert_eq!(m.len(), want.len());
    assert_eq!(got, want);
}

#[test]
fn disjoint_ranges_end_exactly() {
    disjoint_ranges(foldhash(), 25_000);
}

#[test]
fn disjoint_ranges_with_long_chains_end_exactly() {
    disjoint_ranges(BadState(Bad::SameTop), 5_000);
}

/// One writer grows the map from empty, publishing how many keys it has inserted; readers
/// check, over and over, that every published key is found with its value, and that keys
/// not yet inserted are absent. A second writer churns a disjoint range (insert, remove),
/// so that chains change under the readers too.
#[test]
fn readers_never_miss_a_present_key_across_growth() {
    const N: u64 = 60_000;
    const CHURN: u64 = 1 << 40;
    let m = ConcurrentGoMap::with_capacity(0);
    let published = AtomicU64::new(0);
    let done = AtomicBool::new(false);
    let value = |k: u64| k ^ 0xABCD;
    thread::scope(|s| {
        s.spawn(|| {
            for k in 0..N {
                assert_eq!(m.insert(k, value(k)), None);
                published.store(k + 1, Ordering::Release);
            }
            done.store(true, Ordering::Release);
        });
        s.spawn(|| {
            let mut i = 0u64;
            while !done.load(Ordering::Acquire) {
                let k = CHURN + i % 4096;
                m.insert(k, i);
                if i.is_multiple_of(3) {
                    m.remove(k);
                }
                i += 1;
            }
        });
        for r in 0..THREADS - 2 {
            let (m, published, done) = (&m, &published, &done);
            s.spawn(move || {
                let mut x = 0x9E37_79B9_7F4A_7C15u64.wrapping_mul(r + 1);
                let mut checks = 0u64;
                while !done.load(Ordering::Acquire) || checks < 10_000 {
                    let p = published.load(Ordering::Acquire);
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    if p > 0 {
                        // A key inserted before `p` was read: it must be there.
                        let k = x % p;
                        assert_eq!(m.get(k), Some(value(k)), "present key {k} missed");
                        // The newest key, the one most likely in a moving bucket.
                        assert_eq!(m.get(p - 1), Some(value(p - 1)));
                    }
                    // A key never inserted.
                    assert_eq!(m.get(N + x % N), None);
                    checks += 1;
                }
            });
        }
    });
    // The churn range keeps whatever its last rounds left.
    let churn_left = (CHURN..CHURN + 4096)
        .filter(|&k| m.get(k).is_some())
        .count() as u64;
    assert_eq!(m.len() as u64, N + churn_left);
    for k in 0..N {
        assert_eq!(m.get(k), Some(value(k)));
    }
}

/// Threads that hold a pinned view across many operations (repinning now and then) while the
/// map grows from empty: the same answers, and retired tables still get freed.
#[test]
fn pinned_views_across_growth() {
    const PER: u64 = 20_000;
    let mut m = ConcurrentGoMap::with_capacity(0);
    thread::scope(|s| {
        for t in 0..THREADS {
            let m = &m;
            s.spawn(move || {
                let mut p = m.pin();
                for k in t * PER..(t + 1) * PER {
                    assert_eq!(p.insert(k, k + 7), None);
                    assert_eq!(p.get(k), Some(k + 7));
                    if k % 512 == 0 {
                        p.repin();
                    }
                }
                for k in (t * PER..(t + 1) * PER).step_by(2) {
                    assert_eq!(p.remove(k), Some(k + 7));
                }
            });
        }
    });
    m.check_invariants().unwrap();
    let mut got = m.entries();
    got.sort_unstable();
    let want: Vec<(u64, u64)> = (0..THREADS * PER)
        .filter(|k| k % 2 == 1)
        .map(|k| (k, k + 7))
        .collect();
    assert_eq!(got, want);
}
