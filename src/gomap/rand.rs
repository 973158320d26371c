//! A cheap random source (Go's `fastrand`), for the two places Go's map wants one:
//! the iteration start and the sampled overflow count of very large maps.

use std::cell::Cell;
use std::hash::{BuildHasher, RandomState};

thread_local! {
    static STATE: Cell<u64> = Cell::new(RandomState::new().hash_one(0x6f6d_6170u64) | 1);
}

/// A pseudo-random u64 (xorshift64*): a handful of instructions, no locking.
pub fn fastrand() -> u64 {
    STATE.with(|s| {
        let mut x = s.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        s.set(x);
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    })
}
