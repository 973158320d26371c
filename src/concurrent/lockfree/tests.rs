//! Unit tests of the concurrent map's internals: the layout, Go's growth rules, growth stopped
//! half way, same-size growth. The properties against a model and the multi-threaded tests
//! are in `tests/gomap_concurrent.rs`; the interleavings are in `loom_models.rs`.

use super::bucket::Bucket;
use super::reclaim::pin;
use super::ConcurrentGoMap;
use foldhash::fast::FixedState;
use std::hash::{BuildHasher, Hasher};

type Map<S = FixedState> = ConcurrentGoMap<S>;

fn map() -> Map {
    Map::with_capacity_and_hasher(0, FixedState::with_seed(42))
}

impl<S: BuildHasher> ConcurrentGoMap<S> {
    /// Whether the growth in progress is a same-size one.
    fn is_same_size_growing(&self) -> bool {
        let guard = pin();
        let t = self.current(&guard);
        !t.old().is_null() && t.same_size
    }
}

#[test]
fn a_bucket_is_gos_plus_a_version_word() {
    assert_eq!(std::mem::size_of::<Bucket>(), 8 + 144);
}

#[test]
fn grows_by_gos_load_factor_and_evacuates_two_buckets_a_write() {
    let mut m = map();
    for k in 0..8 {
        m.insert(k, k);
    }
    assert_eq!(
        (m.bucket_log2(), m.is_growing()),
        (0, false),
        "8 fit in B = 0"
    );
    m.insert(8, 8);
    // The 9th key is over the load factor: B = 1, and that insert's growWork moved the one
    // old bucket, which ended the growth.
    assert_eq!((m.bucket_log2(), m.is_growing()), (1, false));
    m.check_invariants().unwrap();
    let mut grew_at = Vec::new();
    for k in 9..20_000 {
        let b = m.bucket_log2();
        m.insert(k, k + 1);
        if m.bucket_log2() != b {
            grew_at.push((m.len(), m.bucket_log2()));
        }
        if k % 211 == 0 {
            m.check_invariants().unwrap();
        }
    }
    for &(len, b) in &grew_at {
        // Go's rule: grow on the insert that makes count > 6.5 · 2^B; the striped count
        // may look one or a few inserts late (count.rs).
        let limit = 13 * (1usize << (b - 1)) / 2;
        assert!(
            len > limit && len <= limit + 8,
            "grew to B = {b} at {len} entries; Go's limit {limit}"
        );
    }
    assert_eq!(m.len(), 20_000);
    for k in 9..20_000 {
        assert_eq!(m.get(k), Some(k + 1));
    }
    m.check_invariants().unwrap();
}

#[test]
fn a_growth_stopped_half_way_answers_from_both_tables() {
    let mut m = map();
    for k in 0..1000 {
        m.insert(k, k);
    }
    m.force_growth(true);
    // A few writes evacuate a few old buckets (two each), not all of them.
    for k in 0..5 {
        m.insert(k, k + 100);
    }
    assert!(m.is_growing());
    m.check_invariants().unwrap();
    for k in 0..1000 {
        let want = if k < 5 { k + 100 } else { k };
        assert_eq!(m.get(k), Some(want), "key {k}");
    }
    let mut e = m.entries();
    e.sort();
    assert_eq!(e.len(), 1000);
    assert_eq!(m.remove(500), Some(500));
    assert_eq!(m.get(500), None);
    m.check_invariants().unwrap();
    // Writes go on until every old bucket has moved.
    let mut k = 1000;
    while m.is_growing() {
        m.insert(k, k);
        k += 1;
    }
    m.check_invariants().unwrap();
    assert_eq!(m.len(), 999 + (k - 1000) as usize);
}

/// Groups of 64 consecutive keys share one hash: each group fills one chain of 8 buckets.
#[derive(Clone, Copy, Default)]
struct Groups;
struct GroupsHasher(u64);
impl Hasher for GroupsHasher {
    fn finish(&self) -> u64 {
        (self.0 / 64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys")
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}
impl BuildHasher for Groups {
    type Hasher = GroupsHasher;
    fn build_hasher(&self) -> GroupsHasher {
        GroupsHasher(0)
    }
}

#[test]
fn overflow_buckets_left_by_removals_start_a_same_size_growth() {
    let mut m = Map::with_capacity_and_hasher(64, Groups);
    let b = m.bucket_log2();
    let mut same_size = false;
    for g in 0..64u64 {
        for k in g * 64..(g + 1) * 64 {
            m.insert(k, k);
            same_size |= m.is_same_size_growing();
        }
        for k in g * 64..(g + 1) * 64 {
            assert_eq!(m.remove(k), Some(k));
        }
        m.check_invariants().unwrap();
    }
    assert!(same_size, "no same-size growth");
    assert_eq!(m.bucket_log2(), b, "same-size growths only");
    assert!(m.is_empty());
}

#[test]
fn removing_keeps_emptyrest_exact() {
    let mut m = Map::with_capacity_and_hasher(0, Groups);
    // One chain of 3 buckets; remove from the end, the middle and the front.
    for k in 0..20 {
        m.insert(k, k);
    }
    for k in [
        19, 18, 10, 0, 17, 16, 9, 8, 1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15,
    ] {
        assert_eq!(m.remove(k), Some(k));
        m.check_invariants().unwrap();
        assert_eq!(m.remove(k), None);
    }
    assert!(m.is_empty());
}
