//! The entry count (Go's `count`), striped so that writers to different keys rarely write the
//! same cache line, and Go's load-factor test on it.
//!
//! A key always counts in the same one of [`STRIPES`] cache-padded counters (chosen from hash
//! bits 40..44, which neither the bucket index nor the tophash uses), changed under the lock
//! of the chain that gains or loses the key, so each stripe is the number of live keys of its
//! stripe whenever no writer is inside, and so is their sum, which is when `len` is asked
//! (evacuation moves keys without counting). Readers never touch the stripes.
//!
//! Go tests `overLoadFactor(count+1, B)` on every insert of a new key. Summing the stripes on
//! every insert would read every stripe's line; instead a writer first looks at its own
//! stripe, and sums only when that stripe holds at least 3/4 of its share of the limit.
//! Hashes spread keys evenly over stripes, so the sum is near the limit only when most
//! stripes are near their share: the growth starts on the first new key (or, when that key's
//! stripe is a light one, one of the next few) past Go's limit. This is the one rule of Go's
//! this map applies approximately; it says when to grow, never what the map holds.

use super::sync::{AtomicIsize, Ordering};
use crate::gomap::bucket::BUCKET_CNT;
use crate::gomap::locate::bucket_shift;
use crate::gomap::over_load_factor;
use crossbeam_utils::CachePadded;

/// How many counters (a power of two).
pub(super) const STRIPES: usize = 16;
/// The lowest hash bit of the stripe index.
const STRIPE_SHIFT: u32 = 40;

pub(super) struct Count {
    stripes: [CachePadded<AtomicIsize>; STRIPES],
}

/// The stripe that counts the key of `hash`.
#[inline(always)]
pub(super) fn stripe_of(hash: u64) -> usize {
    (hash >> STRIPE_SHIFT) as usize & (STRIPES - 1)
}

impl Count {
    pub(super) fn new() -> Self {
        Count {
            stripes: std::array::from_fn(|_| CachePadded::new(AtomicIsize::new(0))),
        }
    }

    /// Adds `delta` to the stripe of `hash` (under that key's bucket lock).
    #[inline(always)]
    pub(super) fn add(&self, hash: u64, delta: isize) {
        self.stripes[stripe_of(hash)].fetch_add(delta, Ordering::Relaxed);
    }

    /// The sum of the stripes: exact when no writer is inside.
    pub(super) fn sum(&self) -> usize {
        let s: isize = self.stripes.iter().map(|c| c.load(Ordering::Relaxed)).sum();
        s.max(0) as usize
    }

    /// Go's `overLoadFactor(count+1, B)` for an insert of a new key of `hash`, looking at the
    /// sum only when this key's stripe is near its share (see the module docs).
    #[inline(always)]
    pub(super) fn over_load_factor_after_insert(&self, hash: u64, b: u8) -> bool {
        let own = self.stripes[stripe_of(hash)].load(Ordering::Relaxed).max(0) as usize;
        // Go's limit: more than 8, and more than 6.5 a bucket.
        let limit = BUCKET_CNT.max(13 * (bucket_shift(b) / 2));
        if 4 * (own + 1) * STRIPES < 3 * limit {
            return false;
        }
        over_load_factor(self.sum() + 1, b)
    }
}
