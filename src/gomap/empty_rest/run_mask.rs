//! emptyRest by mask: the run of emptyOne slots that ends at the removed slot, found from one
//! mask over the bucket's 8 tophash bytes and cleared with one 8-byte store.
//!
//! Go's walk tests one byte per step and branches on it. Here, per bucket: `stop` = the slots
//! at or below `i` that are *not* emptyOne (from the map's own probe, `P::match_byte`); its
//! highest bit is where Go's walk would stop. Every slot above it, up to `i`, becomes
//! emptyRest (0) in one store. If no slot stops the run, the whole prefix is cleared and the
//! walk goes on in the previous bucket of the chain from its last slot, exactly as Go's does
//! (found the same way, from the chain's head), and ends at the chain's first bucket.
//! The bytes written are the same as Go's in every case; only the number of branches differs.

use super::{previous, EmptyRest};
use crate::gomap::bucket::{Bucket, BUCKET_CNT, EMPTY_ONE};
use crate::gomap::probe::Probe;

#[derive(Clone, Copy, Debug, Default)]
pub struct RunMask;

/// The byte mask of slots `lo..=hi` of a tophash word (little-endian: slot j is byte j).
#[inline(always)]
fn slots(lo: usize, hi: usize) -> u64 {
    debug_assert!(lo <= hi && hi < BUCKET_CNT);
    (u64::MAX >> (56 - 8 * hi)) & (u64::MAX << (8 * lo))
}

impl EmptyRest for RunMask {
    const NAME: &'static str = "run-mask";

    #[inline]
    unsafe fn mark_rest<K, V, P: Probe>(
        first: *mut Bucket<K, V>,
        mut b: *mut Bucket<K, V>,
        mut i: usize,
    ) {
        // Slot i is emptyOne now (the caller just marked it), so the first bucket's run
        // includes it, as Go's walk marks it unconditionally.
        // SAFETY: every pointer followed is a bucket of the chain (caller's contract).
        unsafe {
            loop {
                let tophash = &mut (*b).tophash;
                // Slots 0..=i that end the run: anything but emptyOne.
                let at_or_below = ((2u16 << i) - 1) as u8;
                let stop = !P::match_byte(tophash, EMPTY_ONE).0 & at_or_below;
                // The run is the slots above the highest stop, up to i.
                let lo = if stop == 0 {
                    0
                } else {
                    (u8::BITS - stop.leading_zeros()) as usize
                };
                if lo <= i {
                    let word = u64::from_le_bytes(*tophash) & !slots(lo, i);
                    *tophash = word.to_le_bytes();
                }
                if lo != 0 || b == first {
                    break;
                }
                // The whole prefix was emptyOne: go on in the previous bucket, from its
                // last slot (Go's walk checks that slot before marking it; so does `stop`).
                b = previous(first, b);
                i = BUCKET_CNT - 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_masks() {
        assert_eq!(slots(0, 7), u64::MAX);
        assert_eq!(slots(0, 0), 0xFF);
        assert_eq!(slots(7, 7), 0xFF << 56);
        assert_eq!(slots(2, 4), 0x00FF_FFFF_0000);
    }
}
