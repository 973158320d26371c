//! Model-based property tests: random operation sequences run on a `GoMap` and on
//! `std::collections::HashMap`, which must agree after every step.
//!
//! Three key spaces (tiny, medium, full u64) and three hashers: foldhash, one that maps every
//! key to one of a handful of hashes (long overflow chains, same-size growth), and one whose
//! hashes all share the top byte (every tophash compare matches; only the key decides).
//! The fast64 paths, every probe strategy and both bucket-index strategies run the same
//! sequences.

use gomap_bench::gomap::fast64::{KeyProbe64, KeysScalar};
use gomap_bench::gomap::probe::{Scalar, Swar};
use gomap_bench::gomap::{DefaultProbe, FromB, Locate, Precomputed, Probe};
use gomap_bench::GoMap;
use proptest::prelude::*;
use std::collections::HashMap;
use std::hash::BuildHasher;

mod common;
use common::{Bad, BadState};

#[derive(Clone, Debug)]
enum Op {
    Insert(u64, u64),
    Remove(u64),
    Get(u64),
    GetMut(u64, u64),
    Iter,
    Clear,
    WithCapacity(usize),
}

fn ops(keys: impl Strategy<Value = u64> + Clone, len: usize) -> impl Strategy<Value = Vec<Op>> {
    let op = prop_oneof![
        30 => (keys.clone(), any::<u64>()).prop_map(|(k, v)| Op::Insert(k, v)),
        15 => keys.clone().prop_map(Op::Remove),
        10 => keys.clone().prop_map(Op::Get),
        4 => (keys, any::<u64>()).prop_map(|(k, v)| Op::GetMut(k, v)),
        1 => Just(Op::Iter),
        1 => Just(Op::Clear),
        1 => (0usize..200).prop_map(Op::WithCapacity),
    ];
    proptest::collection::vec(op, 1..len)
}

/// How the u64 operations are issued: the generic path or a fast64 path.
trait Path: Copy {
    fn get<S: BuildHasher, L: Locate, P: Probe>(
        self,
        m: &GoMap<u64, u64, S, L, P>,
        k: u64,
    ) -> Option<u64>;
    fn insert<S: BuildHasher, L: Locate, P: Probe>(
        self,
        m: &mut GoMap<u64, u64, S, L, P>,
        k: u64,
        v: u64,
    ) -> Option<u64>;
    fn remove<S: BuildHasher, L: Locate, P: Probe>(
        self,
        m: &mut GoMap<u64, u64, S, L, P>,
        k: u64,
    ) -> Option<u64>;
}

#[derive(Clone, Copy)]
struct Generic;
impl Path for Generic {
    fn get<S: BuildHasher, L: Locate, P: Probe>(
        self,
        m: &GoMap<u64, u64, S, L, P>,
        k: u64,
    ) -> Option<u64> {
        m.get(&k).copied()
    }
    fn insert<S: BuildHasher, L: Locate, P: Probe>(
        self,
        m: &mut GoMap<u64, u64, S, L, P>,
        k: u64,
        v: u64,
    ) -> Option<u64> {
        m.insert(k, v)
    }
    fn remove<S: BuildHasher, L: Locate, P: Probe>(
        self,
        m: &mut GoMap<u64, u64, S, L, P>,
        k: u64,
    ) -> Option<u64> {
        m.remove(&k)
    }
}

#[derive(Clone, Copy)]
struct Fast<KP>(KP);
impl<KP: KeyProbe64> Path for Fast<KP> {
    fn get<S: BuildHasher, L: Locate, P: Probe>(
        self,
        m: &GoMap<u64, u64, S, L, P>,
        k: u64,
    ) -> Option<u64> {
        m.get_fast64_with(k, self.0).copied()
    }
    fn insert<S: BuildHasher, L: Locate, P: Probe>(
        self,
        m: &mut GoMap<u64, u64, S, L, P>,
        k: u64,
        v: u64,
    ) -> Option<u64> {
        m.insert_fast64_with(k, v, self.0)
    }
    fn remove<S: BuildHasher, L: Locate, P: Probe>(
        self,
        m: &mut GoMap<u64, u64, S, L, P>,
        k: u64,
    ) -> Option<u64> {
        m.remove_fast64_with(k, self.0)
    }
}

/// Runs `ops` against the model; checks invariants after every step when `check_each`.
fn run<S, L, P, X>(hasher: S, path: X, ops: &[Op], check_each: bool) -> Result<(), TestCaseError>
where
    S: BuildHasher + Clone,
    L: Locate,
    P: Probe,
    X: Path,
{
    let mut m: GoMap<u64, u64, S, L, P> = GoMap::with_hasher(hasher.clone());
    let mut model: HashMap<u64, u64> = HashMap::new();
    for op in ops {
        match *op {
            Op::Insert(k, v) => prop_assert_eq!(path.insert(&mut m, k, v), model.insert(k, v)),
            Op::Remove(k) => prop_assert_eq!(path.remove(&mut m, k), model.remove(&k)),
            Op::Get(k) => {
                prop_assert_eq!(path.get(&m, k), model.get(&k).copied());
                prop_assert_eq!(m.contains_key(&k), model.contains_key(&k));
            }
            Op::GetMut(k, v) => {
                let got = m.get_mut(&k).map(|x| std::mem::replace(x, v));
                let want = model.get_mut(&k).map(|x| std::mem::replace(x, v));
                prop_assert_eq!(got, want);
            }
            Op::Iter => {
                let mut got: Vec<(u64, u64)> = m.iter().map(|(k, v)| (*k, *v)).collect();
                let mut want: Vec<(u64, u64)> = model.iter().map(|(k, v)| (*k, *v)).collect();
                prop_assert_eq!(m.iter().len(), want.len());
                got.sort_unstable();
                want.sort_unstable();
                prop_assert_eq!(got, want);
            }
            Op::Clear => {
                m.clear();
                model.clear();
            }
            Op::WithCapacity(n) => {
                m = GoMap::with_capacity_and_hasher(n, hasher.clone());
                model = HashMap::with_capacity(n);
            }
        }
        prop_assert_eq!(m.len(), model.len());
        if check_each {
            m.check_invariants().map_err(TestCaseError::fail)?;
        }
    }
    m.check_invariants().map_err(TestCaseError::fail)?;
    // A final sweep: every model key is found with its value.
    for (k, v) in &model {
        prop_assert_eq!(path.get(&m, *k), Some(*v));
    }
    Ok(())
}

fn foldhash() -> foldhash::fast::RandomState {
    foldhash::fast::RandomState::default()
}

/// Every path the u64 map offers, on the same sequence.
fn all_paths<S: BuildHasher + Clone, L: Locate, P: Probe>(
    h: S,
    ops: &[Op],
    check: bool,
) -> Result<(), TestCaseError> {
    run::<S, L, P, _>(h.clone(), Generic, ops, check)?;
    run::<S, L, P, _>(h.clone(), Fast(KeysScalar), ops, check)?;
    #[cfg(target_arch = "x86_64")]
    {
        run::<S, L, P, _>(
            h.clone(),
            Fast(gomap_bench::gomap::fast64::KeysSse2),
            ops,
            check,
        )?;
        if let Some(kp) = <gomap_bench::gomap::fast64::KeysAvx2 as KeyProbe64>::detect() {
            run::<S, L, P, _>(h.clone(), Fast(kp), ops, check)?;
        }
        if let Some(kp) = <gomap_bench::gomap::fast64::KeysAvx512 as KeyProbe64>::detect() {
            run::<S, L, P, _>(h.clone(), Fast(kp), ops, check)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn tiny_keyspace_checked_each_step(ops in ops(0u64..16, 200)) {
        all_paths::<_, Precomputed, DefaultProbe>(foldhash(), &ops, true)?;
    }

    #[test]
    fn medium_keyspace(ops in ops(0u64..512, 1500)) {
        all_paths::<_, Precomputed, DefaultProbe>(foldhash(), &ops, false)?;
    }

    #[test]
    fn full_keyspace(ops in ops(any::<u64>(), 1500)) {
        run::<_, Precomputed, DefaultProbe, _>(foldhash(), Generic, &ops, false)?;
    }

    #[test]
    fn few_hashes_force_long_chains(ops in ops(0u64..64, 600)) {
        all_paths::<_, Precomputed, DefaultProbe>(BadState(Bad::FewHashes), &ops, true)?;
    }

    #[test]
    fn same_top_byte(ops in ops(0u64..256, 800)) {
        all_paths::<_, Precomputed, DefaultProbe>(BadState(Bad::SameTop), &ops, true)?;
    }

    #[test]
    fn from_b_and_other_probes(ops in ops(0u64..128, 600)) {
        run::<_, FromB, Scalar, _>(foldhash(), Generic, &ops, true)?;
        run::<_, FromB, Swar, _>(BadState(Bad::FewHashes), Generic, &ops, true)?;
        run::<_, Precomputed, Swar, _>(BadState(Bad::SameTop), Fast(KeysScalar), &ops, false)?;
    }
}

/// Churn that moves between hash classes leaves long, sparse chains behind: overflow
/// buckets pile up while the count stays low, so a same-size growth must happen.
#[test]
fn same_size_growth_happens_under_churn() {
    let mut m: GoMap<u64, u64, BadState> = GoMap::with_hasher(BadState(Bad::FewHashes));
    let mut saw = false;
    for round in 0..200u64 {
        // All 40 keys of a round share one of the 5 hashes: a chain of 5 buckets.
        let key = |k: u64| (round * 1000 + k) * 5 + round % 5;
        for k in 0..40 {
            m.insert(key(k), k);
            saw |= m.is_same_size_growing();
        }
        for k in 0..40 {
            m.remove(&key(k));
            saw |= m.is_same_size_growing();
        }
        m.check_invariants().unwrap();
    }
    assert!(saw, "no same-size growth");
    assert!(m.is_empty());
}
