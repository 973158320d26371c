//! The key-probe trait of the u64 fast path, and Go's scalar loop.

use crate::gomap::bucket::{is_empty, BUCKET_CNT};
use crate::gomap::probe::BitMask;
use crate::vocabulary::Isa;

/// Finds a key among the 8 keys of a bucket, accepting only non-empty slots.
///
/// Implementations are zero-sized *values*: a vector one can only be made by its
/// `detect()`, so whoever holds one has proved the CPU supports it.
pub trait KeyProbe64: Copy + 'static {
    /// The instruction set the probe runs on; also its name in results.
    const ISA: Isa;
    /// The probe, if this CPU can run it. Call once per run, not per operation.
    fn detect() -> Option<Self>;
    fn find(self, tophash: &[u8; BUCKET_CNT], keys: &[u64; BUCKET_CNT], key: u64) -> Option<usize>;
    /// Runs `f` with this probe's instruction set enabled, so that a loop of map operations
    /// written inside `f` inlines the vector compare instead of calling it every probe
    /// (a function without AVX2 enabled cannot inline one that has it).
    #[inline(always)]
    fn in_isa<R>(self, f: impl FnOnce() -> R) -> R {
        f()
    }
}

/// Go's loop: compare each key, then check that its slot is not empty.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeysScalar;

impl KeyProbe64 for KeysScalar {
    const ISA: Isa = Isa::Scalar;
    fn detect() -> Option<Self> {
        Some(KeysScalar)
    }
    #[inline(always)]
    fn find(self, tophash: &[u8; BUCKET_CNT], keys: &[u64; BUCKET_CNT], key: u64) -> Option<usize> {
        (0..BUCKET_CNT).find(|&i| keys[i] == key && !is_empty(tophash[i]))
    }
}

/// The first slot of a key-match mask whose slot is not empty.
///
/// An empty slot can hold a stale copy of a removed key (moving a key out leaves its bytes),
/// so a vector match must be confirmed by the slot's tophash, as Go's loop does. Matches are
/// rare (almost always zero or one per bucket), so checking the matched slots one by one is
/// cheaper than computing the bucket's whole live mask first.
#[inline(always)]
pub(super) fn first_live(matches: u8, tophash: &[u8; BUCKET_CNT]) -> Option<usize> {
    BitMask(matches).find(|&i| !is_empty(tophash[i]))
}
