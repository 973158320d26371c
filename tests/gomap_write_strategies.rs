//! Byte-identity of the write strategies: two maps with the same hasher and capacity, one
//! with Go's loops (the delete tail by Go's walk, [`GoWalk`]; evacuation slot by slot,
//! [`GoSlots`]) and one with the mask strategies ([`RunMask`], [`LiveMask`]), run the same
//! operations, and after *every* operation their layouts must be equal: header (count, B,
//! flags, noverflow, nevacuate), every tophash byte, which slot holds which entry, and every
//! chain's shape and storage buckets, in the current and the old array.
//!
//! Small key spaces fill buckets and grow overflow chains; removes empty whole buckets; the
//! few-hashes hasher builds long chains and forces same-size growth; removes land in the
//! middle of evacuations (doubling and same-size), which the deterministic tests assert.

use gomap_bench::gomap::fast64::KeysScalar;
use gomap_bench::gomap::probe::{Scalar, Swar};
use gomap_bench::gomap::{DefaultProbe, GoSlots, GoWalk, LiveMask, Precomputed, Probe, RunMask};
use gomap_bench::GoMap;
use proptest::prelude::*;
use std::hash::BuildHasher;

mod common;
use common::{Bad, BadState};

#[derive(Clone, Debug)]
enum Op {
    Insert(u64),
    Remove(u64),
    RemoveFast64(u64),
    Get(u64),
    Clear,
    WithCapacity(usize),
}

fn ops(keys: impl Strategy<Value = u64> + Clone, len: usize) -> impl Strategy<Value = Vec<Op>> {
    let op = prop_oneof![
        30 => keys.clone().prop_map(Op::Insert),
        20 => keys.clone().prop_map(Op::Remove),
        8 => keys.clone().prop_map(Op::RemoveFast64),
        6 => keys.prop_map(Op::Get),
        1 => Just(Op::Clear),
        1 => (0usize..200).prop_map(Op::WithCapacity),
    ];
    proptest::collection::vec(op, 1..len)
}

/// The same map twice, differing only in the write strategies: Go's loops, and the masks.
struct Pair<S, P: Probe> {
    go: GoMap<u64, u64, S, Precomputed, P, GoWalk, GoSlots>,
    mask: GoMap<u64, u64, S, Precomputed, P, RunMask, LiveMask>,
}

/// What the removes met, so tests can show they reached the interesting states.
#[derive(Default, Debug)]
struct Seen {
    removes: usize,
    while_doubling: usize,
    while_same_size: usize,
}

impl<S: BuildHasher + Clone, P: Probe> Pair<S, P> {
    fn new(h: &S, cap: usize) -> Self {
        Pair {
            go: GoMap::with_capacity_and_hasher(cap, h.clone()),
            mask: GoMap::with_capacity_and_hasher(cap, h.clone()),
        }
    }

    /// Applies `op` to both, checks they answer alike and their layouts are equal.
    fn step(&mut self, h: &S, op: &Op, check: bool, seen: &mut Seen) -> Result<(), String> {
        if matches!(op, Op::Remove(_) | Op::RemoveFast64(_)) && self.go.is_growing() {
            if self.go.is_same_size_growing() {
                seen.while_same_size += 1;
            } else {
                seen.while_doubling += 1;
            }
        }
        let (a, b) = match *op {
            Op::Insert(k) => (self.go.insert(k, !k), self.mask.insert(k, !k)),
            Op::Remove(k) => {
                seen.removes += 1;
                (self.go.remove(&k), self.mask.remove(&k))
            }
            Op::RemoveFast64(k) => {
                seen.removes += 1;
                (
                    self.go.remove_fast64_with(k, KeysScalar),
                    self.mask.remove_fast64_with(k, KeysScalar),
                )
            }
            Op::Get(k) => (self.go.get(&k).copied(), self.mask.get(&k).copied()),
            Op::Clear => {
                self.go.clear();
                self.mask.clear();
                (None, None)
            }
            Op::WithCapacity(n) => {
                *self = Pair::new(h, n);
                (None, None)
            }
        };
        if a != b {
            return Err(format!("{op:?}: go-walk answered {a:?}, run-mask {b:?}"));
        }
        let (la, lb) = (self.go.layout(), self.mask.layout());
        if la != lb {
            return Err(format!(
                "{op:?}: layouts differ\ngo-walk:  {la:?}\nrun-mask: {lb:?}"
            ));
        }
        if check {
            self.go.check_invariants()?;
            self.mask.check_invariants()?;
        }
        Ok(())
    }
}

fn run<S: BuildHasher + Clone, P: Probe>(h: S, ops: &[Op], check: bool) -> Result<Seen, String> {
    let mut pair = Pair::<S, P>::new(&h, 0);
    let mut seen = Seen::default();
    for op in ops {
        pair.step(&h, op, check, &mut seen)?;
    }
    Ok(seen)
}

fn foldhash() -> foldhash::fast::RandomState {
    foldhash::fast::RandomState::default()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn tiny_keyspace_same_bytes(ops in ops(0u64..16, 300)) {
        run::<_, DefaultProbe>(foldhash(), &ops, true).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn medium_keyspace_same_bytes(ops in ops(0u64..200, 1500)) {
        run::<_, DefaultProbe>(foldhash(), &ops, false).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn long_chains_same_bytes(ops in ops(0u64..64, 800)) {
        run::<_, DefaultProbe>(BadState(Bad::FewHashes), &ops, true)
            .map_err(TestCaseError::fail)?;
    }

    #[test]
    fn same_top_byte_same_bytes(ops in ops(0u64..128, 800)) {
        run::<_, DefaultProbe>(BadState(Bad::SameTop), &ops, false)
            .map_err(TestCaseError::fail)?;
    }

    /// The strategies do not depend on the map's probe: with every probe the bytes agree.
    #[test]
    fn other_probes_same_bytes(ops in ops(0u64..64, 600)) {
        run::<_, Scalar>(BadState(Bad::FewHashes), &ops, false).map_err(TestCaseError::fail)?;
        run::<_, Swar>(BadState(Bad::FewHashes), &ops, false).map_err(TestCaseError::fail)?;
        run::<_, Swar>(foldhash(), &ops, false).map_err(TestCaseError::fail)?;
    }
}

/// Removes during a doubling growth, compared after every operation: fill until a growth to
/// B ≥ 6 starts, then remove (and insert) while it evacuates, until it ends; then empty the
/// map entirely, whole buckets at a time.
#[test]
fn removes_during_doubling_evacuation() {
    let h = foldhash();
    let mut pair = Pair::<_, DefaultProbe>::new(&h, 0);
    let mut seen = Seen::default();
    let mut k = 0u64;
    while !(pair.go.is_growing() && pair.go.bucket_log2() >= 6) {
        pair.step(&h, &Op::Insert(k), false, &mut seen).unwrap();
        k += 1;
    }
    let mut victim = 0u64;
    let mut n = 0;
    while pair.go.is_growing() {
        let op = if n % 4 == 3 {
            k += 1;
            Op::Insert(k)
        } else {
            victim += 1;
            Op::Remove(victim)
        };
        pair.step(&h, &op, n % 8 == 0, &mut seen).unwrap();
        n += 1;
    }
    assert!(seen.while_doubling > 10, "{seen:?}");
    for key in 0..=k {
        pair.step(&h, &Op::Remove(key), key % 16 == 0, &mut seen)
            .unwrap();
    }
    assert!(pair.go.is_empty());
    // Every slot of every bucket is emptyRest again.
    assert!(pair
        .go
        .layout()
        .buckets
        .iter()
        .flatten()
        .all(|b| b.tophash == [0; 8]));
}

/// Churn between hash classes (5 hashes, long chains) until a same-size growth runs, then
/// remove during its evacuation; compared after every operation.
#[test]
fn removes_during_same_size_evacuation() {
    let h = BadState(Bad::FewHashes);
    let mut pair = Pair::<_, DefaultProbe>::new(&h, 0);
    let mut seen = Seen::default();
    let mut live = Vec::new();
    'outer: for round in 0..1000u64 {
        let key = |i: u64| (round * 1000 + i) * 5 + round % 5;
        for i in 0..40 {
            pair.step(&h, &Op::Insert(key(i)), false, &mut seen)
                .unwrap();
            live.push(key(i));
            if pair.go.is_same_size_growing() {
                break 'outer;
            }
        }
        // Remove from the back (each walk stops at the live slot before it) or from the
        // front (the last remove walks back across every bucket of the chain).
        let order: Vec<u64> = if round % 2 == 0 {
            (0..40).rev().collect()
        } else {
            (0..40).collect()
        };
        for i in order {
            pair.step(&h, &Op::Remove(key(i)), i % 8 == 0, &mut seen)
                .unwrap();
            live.retain(|&x| x != key(i));
        }
    }
    assert!(pair.go.is_same_size_growing());
    while pair.go.is_growing() {
        let victim = live.pop().expect("keys left while growing");
        pair.step(&h, &Op::Remove(victim), true, &mut seen).unwrap();
    }
    assert!(seen.while_same_size > 0, "{seen:?}");
}

/// One chain of several buckets emptied in every order that matters: from the back (the walk
/// crosses into earlier buckets), from the front (no walk until the end), and interleaved.
#[test]
fn chain_emptied_in_many_orders() {
    let h = BadState(Bad::FewHashes);
    for order in 0..4u64 {
        let mut pair = Pair::<_, DefaultProbe>::new(&h, 0);
        let mut seen = Seen::default();
        // 30 keys of one hash class: a chain of 4 buckets in B = 0.
        let keys: Vec<u64> = (0..30).map(|i| i * 5).collect();
        for &k in &keys {
            pair.step(&h, &Op::Insert(k), false, &mut seen).unwrap();
        }
        let mut victims = keys.clone();
        match order {
            0 => victims.reverse(),
            1 => {}
            2 => victims.sort_by_key(|k| (k / 5) % 3),
            _ => victims.sort_by_key(|k| std::cmp::Reverse((k / 5) % 7)),
        }
        for k in victims {
            pair.step(&h, &Op::Remove(k), true, &mut seen).unwrap();
        }
        assert!(pair.go.is_empty());
    }
}
