//! The map stopped in the middle of an evacuation: reads, writes and iteration there.

use gomap_bench::GoMap;
use std::collections::HashSet;

mod common;
use common::{Bad, BadState};

/// Every key present exactly once through get and iter, and the invariants hold.
fn check_all<S: std::hash::BuildHasher>(m: &GoMap<u64, u64, S>, live: &HashSet<u64>) {
    m.check_invariants().unwrap();
    assert_eq!(m.len(), live.len());
    for &k in live {
        assert_eq!(m.get(&k), Some(&(k * 2)), "key {k}");
    }
    let seen: Vec<u64> = m.keys().copied().collect();
    assert_eq!(seen.len(), live.len(), "iteration yields each entry once");
    assert_eq!(seen.iter().copied().collect::<HashSet<_>>(), *live);
}

#[test]
fn doubling_growth_midway() {
    let mut m: GoMap<u64, u64> = GoMap::new();
    let mut live = HashSet::new();
    let mut k = 0u64;
    // Fill until a large growth starts.
    while !(m.is_growing() && m.bucket_log2() >= 8) {
        m.insert(k, k * 2);
        live.insert(k);
        k += 1;
    }
    assert!(!m.is_same_size_growing());
    assert!(m.evacuation_mark() < 4, "growth just started");
    check_all(&m, &live);
    // Writes during the growth: new keys, overwrites, removes; each moves at most 2 buckets.
    let mut steps = 0;
    while m.is_growing() {
        match steps % 3 {
            0 => {
                m.insert(k, k * 2);
                live.insert(k);
                k += 1;
            }
            1 => {
                let victim = *live.iter().next().unwrap();
                assert_eq!(m.remove(&victim), Some(victim * 2));
                live.remove(&victim);
            }
            _ => {
                let some = *live.iter().next().unwrap();
                assert_eq!(m.insert(some, some * 2), Some(some * 2));
            }
        }
        steps += 1;
        if steps % 16 == 0 {
            check_all(&m, &live);
        }
    }
    assert!(steps > 50, "evacuation was incremental ({steps} writes)");
    check_all(&m, &live);
}

#[test]
fn same_size_growth_midway() {
    let mut m: GoMap<u64, u64, BadState> = GoMap::with_hasher(BadState(Bad::FewHashes));
    let mut live = HashSet::new();
    // Churn between hash classes until a same-size growth is in progress.
    'outer: for round in 0..1000u64 {
        let key = |i: u64| (round * 1000 + i) * 5 + round % 5;
        for i in 0..40 {
            m.insert(key(i), key(i) * 2);
            live.insert(key(i));
            if m.is_same_size_growing() {
                break 'outer;
            }
        }
        for i in 0..40 {
            m.remove(&key(i));
            live.remove(&key(i));
        }
    }
    assert!(m.is_same_size_growing());
    check_all(&m, &live);
    let extra = 7_000_000u64;
    m.insert(extra, extra * 2);
    live.insert(extra);
    check_all(&m, &live);
    while m.is_growing() {
        let victim = *live.iter().next().unwrap();
        m.remove(&victim);
        live.remove(&victim);
        check_all(&m, &live);
    }
    check_all(&m, &live);
}

#[test]
fn clear_in_the_middle_of_a_growth() {
    let mut m: GoMap<u64, u64> = GoMap::new();
    let mut k = 0;
    while !(m.is_growing() && m.bucket_log2() >= 6) {
        m.insert(k, k);
        k += 1;
    }
    m.clear();
    assert!(!m.is_growing());
    assert!(m.is_empty());
    m.check_invariants().unwrap();
    m.insert(1, 1);
    assert_eq!(m.get(&1), Some(&1));
}
