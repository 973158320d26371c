//! Tophash matching: which of a bucket's 8 slots hold a given tophash byte.
//!
//! One trait, one result type, one file per strategy, in the manner of hashbrown's control
//! groups: the map's code asks a `Probe` for a `BitMask` and iterates the set bits, and
//! never knows whether a loop, a word trick or a vector compare produced them.
//!
//! - [`Scalar`]: Go's classic loop, one byte at a time.
//! - [`Swar`]: the 8 bytes as one u64 and the exact zero-byte test (no false positives).
//! - [`Sse2`] (x86_64): one vector compare and a movemask.
//!
//! Every strategy returns exactly the same masks; `tests` prove it exhaustively over the
//! marker values and over a large random sample.

mod bitmask;
mod scalar;
#[cfg(target_arch = "x86_64")]
mod sse2;
pub(crate) mod swar;

pub use bitmask::BitMask;
pub use scalar::Scalar;
#[cfg(target_arch = "x86_64")]
pub use sse2::Sse2;
pub use swar::Swar;

use super::bucket::{BUCKET_CNT, EMPTY_REST};
use crate::vocabulary::Isa;

/// A tophash matching strategy. Zero-sized; chosen as a type parameter of the map.
pub trait Probe: 'static {
    /// The instruction set it runs on; also its name in results.
    const ISA: Isa;
    /// True for Go's own loop: the faithful reference the others are measured against.
    const IS_GO: bool = false;
    /// Slots whose tophash equals `top`.
    fn match_byte(tophash: &[u8; BUCKET_CNT], top: u8) -> BitMask;
    /// Slots that are empty (tophash <= emptyOne): where an insert may go.
    fn match_empty(tophash: &[u8; BUCKET_CNT]) -> BitMask;
    /// Whether the bucket has an emptyRest slot, so the chain ends here.
    #[inline(always)]
    fn has_empty_rest(tophash: &[u8; BUCKET_CNT]) -> bool {
        Self::match_byte(tophash, EMPTY_REST).any()
    }
}

/// The strategy a `GoMap` uses unless told otherwise: the fastest one measured on the
/// target (`benches/probe.rs` and `gomap-bench locate`; see the README's findings).
#[cfg(target_arch = "x86_64")]
pub type DefaultProbe = Sse2;
#[cfg(not(target_arch = "x86_64"))]
pub type DefaultProbe = Swar;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gomap::bucket::*;

    fn reference(t: &[u8; 8], top: u8) -> u8 {
        (0..8).filter(|&i| t[i] == top).fold(0, |m, i| m | 1 << i)
    }

    fn check(t: &[u8; 8], top: u8) {
        let want = reference(t, top);
        assert_eq!(Scalar::match_byte(t, top).0, want, "scalar {t:?} {top}");
        assert_eq!(Swar::match_byte(t, top).0, want, "swar {t:?} {top}");
        #[cfg(target_arch = "x86_64")]
        assert_eq!(Sse2::match_byte(t, top).0, want, "sse2 {t:?} {top}");
        let empty = (0..8)
            .filter(|&i| t[i] <= EMPTY_ONE)
            .fold(0, |m, i| m | 1 << i);
        assert_eq!(Scalar::match_empty(t).0, empty);
        assert_eq!(Swar::match_empty(t).0, empty, "swar empty {t:?}");
        #[cfg(target_arch = "x86_64")]
        assert_eq!(Sse2::match_empty(t).0, empty);
    }

    /// Every bucket made of the marker values and two live tophashes, in every position:
    /// 7 values in 8 slots, 5.7 million patterns, each probed for every interesting byte.
    #[test]
    fn exhaustive_over_markers() {
        let values = [
            EMPTY_REST,
            EMPTY_ONE,
            EVACUATED_X,
            EVACUATED_Y,
            EVACUATED_EMPTY,
            MIN_TOP_HASH,
            0xFF,
        ];
        let n = values.len();
        let mut t = [0u8; 8];
        for mut code in 0..n.pow(8) {
            for slot in t.iter_mut() {
                *slot = values[code % n];
                code /= n;
            }
            for &top in &[EMPTY_REST, MIN_TOP_HASH, 0xFF] {
                check(&t, top);
            }
        }
    }

    /// Random buckets, with bytes next to the target (top ± 1) that trip naive SWAR.
    #[test]
    fn random_sample() {
        let mut x = 0x1234_5678_9ABC_DEF1u64;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let top = ((x >> 56) as u8).max(MIN_TOP_HASH);
            let mut t = x.to_le_bytes();
            for (i, b) in t.iter_mut().enumerate() {
                match (x >> (i * 3)) & 7 {
                    0 => *b = top,
                    1 => *b = top.wrapping_add(1),
                    2 => *b = top.wrapping_sub(1),
                    3 => *b = EMPTY_REST,
                    4 => *b = EMPTY_ONE,
                    _ => {}
                }
            }
            check(&t, top);
            check(&t, top ^ 0x80);
        }
    }

    #[test]
    fn bitmask_iterates_set_bits() {
        let v: Vec<usize> = BitMask(0b1010_0101).collect();
        assert_eq!(v, vec![0, 2, 5, 7]);
        assert_eq!(BitMask(0b1000).lowest(), Some(3));
        assert_eq!(BitMask(0).lowest(), None);
    }
}
