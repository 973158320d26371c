//! Unit tests of the map's internals; the model-based tests are in tests/gomap_model.rs.

use super::bucket::tophash;
use super::*;

#[test]
fn bucket_is_go_sized() {
    assert_eq!(std::mem::size_of::<Bucket<u64, u64>>(), 144);
}

#[test]
fn makemap_chooses_b_like_go() {
    // hint ≤ 8 → B = 0; then the smallest B with hint ≤ 6.5·2^B.
    for (hint, b) in [
        (0, 0),
        (8, 0),
        (9, 1),
        (13, 1),
        (14, 2),
        (26, 2),
        (27, 3),
        (1 << 20, 18),
    ] {
        let m: GoMap<u64, u64> = GoMap::with_capacity(hint);
        assert_eq!(m.bucket_log2(), b, "hint {hint}");
    }
}

#[test]
fn tophash_is_lifted_above_markers() {
    assert_eq!(tophash(0), MIN_TOP_HASH_FOR_TEST);
    assert_eq!(tophash(4 << 56), 9);
    assert_eq!(tophash(5 << 56), 5);
    assert_eq!(tophash(u64::MAX), 0xFF);
}
const MIN_TOP_HASH_FOR_TEST: u8 = bucket::MIN_TOP_HASH;

#[test]
fn grows_incrementally_and_finishes() {
    let mut m: GoMap<u64, u64> = GoMap::new();
    let mut saw_growth = false;
    for i in 0..10_000u64 {
        m.insert(i, i);
        saw_growth |= m.is_growing();
        if i % 97 == 0 {
            m.check_invariants().unwrap();
        }
    }
    assert!(saw_growth);
    for i in 0..10_000u64 {
        assert_eq!(m.get(&i), Some(&i));
    }
}
