//! emptyRest maintenance on remove: how the run of empty slots that ends at a just-removed
//! slot becomes emptyRest.
//!
//! When a remove leaves nothing live after slot i of its chain, Go's `mapdelete` turns slot i
//! and the run of emptyOne slots before it into emptyRest, one slot at a time, stepping back
//! into earlier buckets of the chain when the run reaches slot 0. That walk has a branch per
//! slot. The same run can be read off one mask of the bucket's 8 tophash bytes ("which slots
//! are emptyOne") and cleared with one 8-byte store, a bucket at a time.
//!
//! One trait, one file per strategy, as in [`probe`](super::probe):
//! - [`GoWalk`]: Go's loop, slot by slot; the faithful reference and the default.
//! - [`RunMask`]: one mask and one store a bucket.
//!
//! Both leave exactly the same bucket bytes (tests/gomap_empty_rest.rs compares every
//! tophash, slot and chain of two maps after every operation), so the choice changes speed
//! only. The default stays Go's until a measurement says otherwise. Measured so far
//! (`gomap-bench ab BASE HEAD --suite ops --maps gomap/generic,hashbrown`, 2-core VM, two
//! runs each, HEAD ÷ BASE remove with family-wise 95% intervals): RunMask as the default,
//! 0.90 [0.87, 0.93] at 2^10 and no clear change at 2^16 (0.93 [0.81, 1.12]) or 2^20
//! (0.995 [0.94, 1.06]) — not yet enough to leave Go's loop. A scratch build with no
//! emptyRest upkeep at all (wrong, never committed) read 0.24–0.30 at 2^10, 0.46–0.48 at
//! 2^16, 0.66–0.70 at 2^20: far more than the walk's one or two steps a remove should
//! cost, so something around it (inlining, branches) is worth a look before a default is
//! chosen.

mod run_mask;
mod walk;

pub use run_mask::RunMask;
pub use walk::GoWalk;

use super::bucket::Bucket;
use super::probe::Probe;

/// An emptyRest maintenance strategy. Zero-sized; chosen as a type parameter of the map.
pub trait EmptyRest: 'static {
    /// Its name in results and test messages.
    const NAME: &'static str;
    /// True for Go's own loop: the faithful reference the others are measured against.
    const IS_GO: bool = false;

    /// Slot `i` of `b` has just been marked emptyOne, and nothing live follows it in the
    /// chain (the next slot, or the next bucket's slot 0, is emptyRest, or the chain ends).
    /// Turns slot `i` and the run of emptyOne slots right before it into emptyRest, walking
    /// back across the buckets of the chain that starts at `first` (Go's `mapdelete` tail).
    /// `P` is the map's tophash matcher, for strategies that want a mask.
    ///
    /// # Safety
    /// `b` is a bucket of the chain that starts at `first`, in a live array.
    unsafe fn mark_rest<K, V, P: Probe>(first: *mut Bucket<K, V>, b: *mut Bucket<K, V>, i: usize);
}

/// The strategy a `GoMap` uses unless told otherwise: Go's walk (see the module docs).
pub type DefaultEmptyRest = GoWalk;

/// The bucket before `b` in the chain that starts at `first` (Go walks forward from the head
/// to find it: a chain is singly linked).
///
/// # Safety
/// `b` is in the chain that starts at `first`, and is not `first`.
#[inline]
unsafe fn previous<K, V>(first: *mut Bucket<K, V>, b: *mut Bucket<K, V>) -> *mut Bucket<K, V> {
    let mut c = first;
    // SAFETY: every bucket followed is in the chain before `b` (caller's contract), so the
    // links are valid until `b` is reached.
    unsafe {
        while (*c).overflow != b {
            c = (*c).overflow;
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gomap::bucket::{BUCKET_CNT, EMPTY_ONE, EMPTY_REST, MIN_TOP_HASH};
    use crate::gomap::probe::{DefaultProbe, Scalar, Swar};
    use std::mem::MaybeUninit;
    use std::ptr;

    fn bucket(tophash: [u8; 8]) -> Bucket<(), ()> {
        Bucket {
            tophash,
            keys: [MaybeUninit::uninit(); 8],
            values: [MaybeUninit::uninit(); 8],
            overflow: ptr::null_mut(),
        }
    }

    fn pattern(bits: u32, at: u32) -> [u8; 8] {
        std::array::from_fn(|j| {
            if bits >> (at + j as u32) & 1 == 1 {
                EMPTY_ONE
            } else {
                MIN_TOP_HASH
            }
        })
    }

    /// Runs strategy `R` on a two-bucket chain and returns both buckets' bytes.
    fn after<R: EmptyRest, P: Probe>(
        t0: [u8; 8],
        t1: [u8; 8],
        in_second: bool,
        i: usize,
    ) -> [[u8; 8]; 2] {
        let mut b1 = bucket(t1);
        let mut b0 = bucket(t0);
        b0.overflow = &mut b1;
        let (first, b): (*mut Bucket<(), ()>, *mut Bucket<(), ()>) =
            (&mut b0, if in_second { b0.overflow } else { &mut b0 });
        // SAFETY: both buckets live on this stack frame and form a chain; `b` is one of them.
        unsafe {
            (*b).tophash[i] = EMPTY_ONE;
            R::mark_rest::<(), (), P>(first, b, i);
            [(*first).tophash, (*(*first).overflow).tophash]
        }
    }

    /// Every pattern of emptyOne and live slots over a two-bucket chain, every removed slot:
    /// the mask writes exactly the bytes Go's walk writes (even where the invariants would
    /// not allow the pattern, Go's loop defines the answer and the mask must match it).
    #[test]
    fn run_mask_writes_go_walks_bytes() {
        for bits in 0..1u32 << 16 {
            let (t0, t1) = (pattern(bits, 0), pattern(bits, 8));
            for in_second in [false, true] {
                for i in 0..BUCKET_CNT {
                    let want = after::<GoWalk, Scalar>(t0, t1, in_second, i);
                    assert_eq!(after::<RunMask, DefaultProbe>(t0, t1, in_second, i), want);
                    assert_eq!(after::<RunMask, Swar>(t0, t1, in_second, i), want);
                    assert_eq!(after::<RunMask, Scalar>(t0, t1, in_second, i), want);
                }
            }
        }
        // Spot check of the walk itself: removing the last slot of a chain whose slots are
        // all emptyOne clears the whole chain.
        let all = after::<GoWalk, Scalar>([EMPTY_ONE; 8], [EMPTY_ONE; 8], true, 7);
        assert_eq!(all, [[EMPTY_REST; 8]; 2]);
    }
}
