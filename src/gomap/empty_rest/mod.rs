//! The tail of a remove: marking the slot empty and keeping the emptyRest markers exact.
//!
//! When a remove leaves nothing live after slot i of its chain, Go's `mapdelete` turns slot i
//! and the run of emptyOne slots before it into emptyRest, one slot at a time, stepping back
//! into earlier buckets of the chain when the run reaches slot 0. That walk branches on
//! whether anything follows, then once per slot; on a map emptied in random order those
//! branches are coin flips. The same bytes can be computed from masks over the bucket's 8
//! tophash bytes and stored as one word.
//!
//! One trait, one file per strategy, as in [`probe`](super::probe):
//! - [`GoWalk`]: Go's code, slot by slot; the faithful reference.
//! - [`RunMask`]: one word computed from masks and stored once, no branch inside the
//!   bucket; the default.
//!
//! Both leave exactly the same bucket bytes (tests/gomap_write_strategies.rs compares every
//! tophash, slot and chain of two maps after every operation; the unit test below every
//! pattern of a two-bucket chain), so the choice changes speed only. Why RunMask is the
//! default, with figures: README, "Where a write's time goes".

mod run_mask;
mod walk;

pub use run_mask::RunMask;
pub use walk::GoWalk;

use super::bucket::{Bucket, BUCKET_CNT, EMPTY_REST};

/// An emptyRest maintenance strategy. Zero-sized; chosen as a type parameter of the map.
pub trait EmptyRest: 'static {
    /// Its name in results and test messages.
    const NAME: &'static str;
    /// True for Go's own loop: the faithful reference the others are measured against.
    const IS_GO: bool = false;

    /// Slot `i` of `b` held a live entry, which the caller has just moved out. Marks the
    /// slot emptyOne and, if nothing live follows it in the chain (the next slot, or the next
    /// bucket's slot 0, is emptyRest, or the chain ends), turns it and the run of emptyOne
    /// slots right before it into emptyRest, walking back across the buckets of the chain
    /// that starts at `first` (Go's `mapdelete` tail).
    ///
    /// # Safety
    /// `b` is a bucket of the chain that starts at `first`, in a live array; `i < 8`.
    unsafe fn mark_deleted<K, V>(first: *mut Bucket<K, V>, b: *mut Bucket<K, V>, i: usize);
}

/// The strategy a `GoMap` uses unless told otherwise (see the module docs).
pub type DefaultEmptyRest = RunMask;

/// Whether nothing live follows slot `i` of `b`: the next slot is emptyRest, or, for the
/// last slot, the chain ends or its next bucket starts with emptyRest.
///
/// # Safety
/// `b` is a bucket of a live array; `i < 8`.
#[inline(always)]
unsafe fn next_is_rest<K, V>(b: *mut Bucket<K, V>, i: usize) -> bool {
    // SAFETY: `b` and its overflow link, when not null, are live buckets (caller's contract).
    unsafe {
        if i == BUCKET_CNT - 1 {
            let ovf = (*b).overflow;
            ovf.is_null() || (*ovf).tophash[0] == EMPTY_REST
        } else {
            (*b).tophash[i + 1] == EMPTY_REST
        }
    }
}

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
    use crate::gomap::bucket::{EMPTY_ONE, MIN_TOP_HASH};
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

    /// A two-bucket chain's 16 slots: slots at or past `rest` are emptyRest (as the
    /// invariant has it: nothing live after one), the others live or emptyOne by `bits`.
    fn chain(bits: u32, rest: usize) -> [u8; 16] {
        std::array::from_fn(|j| {
            if j >= rest {
                EMPTY_REST
            } else if bits >> j & 1 == 1 {
                EMPTY_ONE
            } else {
                MIN_TOP_HASH
            }
        })
    }

    /// Deletes live slot `at` (0..16) of a chain by strategy `R` and returns the bytes. With
    /// `one_bucket`, the chain is its first bucket alone (overflow null).
    fn after<R: EmptyRest>(slots: [u8; 16], at: usize, one_bucket: bool) -> [u8; 16] {
        let mut b1 = bucket(slots[8..].try_into().unwrap());
        let mut b0 = bucket(slots[..8].try_into().unwrap());
        if !one_bucket {
            b0.overflow = &mut b1;
        }
        let first: *mut Bucket<(), ()> = &mut b0;
        let b: *mut Bucket<(), ()> = if at >= 8 { &mut b1 } else { first };
        // SAFETY: both buckets live on this frame and form a chain; `b` is one of them.
        unsafe {
            R::mark_deleted(first, b, at % 8);
            let mut out = [0; 16];
            out[..8].copy_from_slice(&(*first).tophash);
            out[8..].copy_from_slice(&b1.tophash);
            out
        }
    }

    /// Every chain the invariants allow (live and emptyOne slots, then emptyRest to the end),
    /// every live slot deleted, with and without a second bucket: the mask writes exactly the
    /// bytes Go's walk writes.
    #[test]
    fn run_mask_writes_go_walks_bytes() {
        let mut cases = 0;
        for rest in 0..=16 {
            for bits in 0..1u32 << rest {
                let slots = chain(bits, rest);
                for at in (0..rest).filter(|&j| slots[j] == MIN_TOP_HASH) {
                    for one_bucket in [false, true] {
                        if one_bucket && rest > 8 {
                            continue;
                        }
                        let want = after::<GoWalk>(slots, at, one_bucket);
                        let got = after::<RunMask>(slots, at, one_bucket);
                        assert_eq!(got, want, "{slots:?}, slot {at} deleted");
                        cases += 1;
                    }
                }
            }
        }
        assert!(cases > 500_000);
        // Spot check of the walk itself: deleting the last live slot of a chain whose other
        // slots are all emptyOne clears the whole chain.
        let mut all = [EMPTY_ONE; 16];
        all[15] = MIN_TOP_HASH;
        assert_eq!(after::<GoWalk>(all, 15, false), [EMPTY_REST; 16]);
        // And a live slot after the deleted one leaves it emptyOne.
        let mut s = [EMPTY_REST; 16];
        s[..3].copy_from_slice(&[MIN_TOP_HASH, MIN_TOP_HASH, MIN_TOP_HASH]);
        assert_eq!(
            after::<GoWalk>(s, 1, false)[..3],
            [MIN_TOP_HASH, EMPTY_ONE, MIN_TOP_HASH]
        );
    }
}
