//! Keys and access orders from fixed seeds, identical in every suite and in the Go anchor.
//!
//! A key is a bijective scramble of its index (`key(i)`), so keys `0..n` never collide and
//! "miss" keys are simply `key(n..2n)`. The access order is a Fisher–Yates shuffle driven by
//! splitmix64, with a multiply-high bound (no rejection): a few lines that port to Go exactly
//! (`scripts/go-anchor/` must produce the very same keys and order).

use crate::rng::SplitMix64;

/// Seed mixed into every key index.
pub const KEY_SEED: u64 = 0x243F_6A88_85A3_08D3;
/// Seed of the access-order shuffle.
pub const ORDER_SEED: u64 = 0x1319_8A2E_0370_7344;

/// The splitmix64 finalizer: a bijection on u64 (xor-shifts and odd multipliers only).
#[inline(always)]
pub fn mix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The `i`-th key of every run. Distinct for distinct `i`.
#[inline(always)]
pub fn key(i: u64) -> u64 {
    mix64(i ^ KEY_SEED)
}

/// The indices `0..n` in the shuffled order every single-thread suite walks them in.
pub fn access_order(n: usize) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    let mut rng = SplitMix64(ORDER_SEED);
    for i in (1..n).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        order.swap(i, j);
    }
    order
}

/// `key(i)` for every `i` of `access_order(n)`: the lookup stream of a get-hit benchmark.
pub fn shuffled_keys(n: usize) -> Vec<u64> {
    access_order(n).into_iter().map(|i| key(i as u64)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_distinct() {
        let mut ks: Vec<u64> = (0..100_000).map(key).collect();
        ks.sort_unstable();
        ks.dedup();
        assert_eq!(ks.len(), 100_000);
    }

    #[test]
    fn order_is_a_permutation() {
        let mut o = access_order(1000);
        o.sort_unstable();
        assert!(o.iter().enumerate().all(|(i, &x)| i as u32 == x));
    }

    /// Pinned values: the Go anchor's port must print the same.
    #[test]
    fn known_values() {
        assert_eq!(key(0), mix64(KEY_SEED));
        let first: Vec<u32> = access_order(8);
        assert_eq!(first.len(), 8);
    }
}
