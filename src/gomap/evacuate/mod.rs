//! Evacuation of one old bucket's chain during a growth: every live entry moves to its
//! destination in the new array, and every old slot gets its evacuation mark.
//!
//! Go's `evacuate` walks the chain slot by slot: an empty slot becomes evacuatedEmpty, a live
//! one is rehashed (doubling: the hash bit the larger mask adds picks the X or the Y half),
//! copied to the next free slot of its destination, and marked evacuatedX or evacuatedY.
//! Two of its branches are coin flips on a growing map: "is this slot empty" and "X or Y".
//! Counted on a simulated CPU (`gomap-bench counts`, insert_grow 2^10) they are most of
//! GoMap's mispredictions in a growing insert.
//!
//! One trait, one file per strategy, as in [`probe`](super::probe):
//! - [`GoSlots`]: Go's loop over the 8 slots; the faithful reference, and the default.
//! - [`LiveMask`]: visits the live slots only, from one mask of the tophash bytes; the
//!   destination is picked by indexing, not by a jump; the old bucket's marks are built in a
//!   register and stored as one word.
//!
//! Both leave the same bytes in both arrays, slot for slot (tests/gomap_write_strategies.rs
//! compares the layouts of maps that differ only in the strategy after every operation).
//!
//! Go's loop stays the default because it measured faster. Counted (`gomap-bench counts`,
//! insert_grow): the mask removes 0.2 mispredicted branches an insert (1.49 → 1.27 at 2^10,
//! 1.09 → 0.85 at 2^20) but adds 40 instructions (227 → 267), since building the marks and
//! iterating a mask cost more than the slot loop they replace; timed in interleaved rounds
//! (×hashbrown, two runs), 1.63× against 1.48× at 2^10 and 2.52× against 2.33× at 2^20.
//! The mispredictions that remain are Go's design rather than this loop: the "is this old
//! bucket evacuated yet" tests of incremental growth and the chain walks of each insert.

mod go_slots;
mod live_mask;

pub use go_slots::GoSlots;
pub use live_mask::LiveMask;

use super::bucket::{Bucket, BUCKET_CNT, EVACUATED_X};
use super::empty_rest::EmptyRest;
use super::locate::Locate;
use super::probe::Probe;
use super::GoMap;
use std::hash::{BuildHasher, Hash};
use std::ptr;

/// An evacuation strategy. Zero-sized; chosen as a type parameter of the map.
pub trait Evacuate: Sized + 'static {
    /// Its name in results and test messages.
    const NAME: &'static str;
    /// True for Go's own loop: the faithful reference.
    const IS_GO: bool = false;

    /// Moves every live entry of the chain that starts at old bucket `ob` to `xy` (X: the
    /// bucket of the same index in the new array; Y: the one `split` further on, when
    /// doubling) and marks every old slot evacuated (X, Y or empty). `split` is the old
    /// bucket count when doubling (the hash bit that picks Y), `None` for a same-size growth.
    ///
    /// # Safety
    /// `ob` is an unevacuated bucket of `map`'s old array; `xy` are the empty destination
    /// buckets of the current array that only this old bucket fills.
    unsafe fn evacuate_chain<K, V, S, L, P, R>(
        map: &mut GoMap<K, V, S, L, P, R, Self>,
        ob: *mut Bucket<K, V>,
        xy: &mut [Dest<K, V>; 2],
        split: Option<usize>,
    ) where
        K: Hash,
        S: BuildHasher,
        L: Locate,
        P: Probe,
        R: EmptyRest;
}

/// The strategy a `GoMap` uses unless told otherwise: Go's loop, which measured faster than
/// the mask (see the module docs).
pub type DefaultEvacuate = GoSlots;

/// Where evacuated entries of one old bucket go (Go's `evacDst`): a bucket of the new array
/// and its next free slot.
pub struct Dest<K, V> {
    pub b: *mut Bucket<K, V>,
    pub i: usize,
}

/// Moves the live entry in slot `i` of old bucket `b` (tophash `top`) to the next free slot
/// of `xy[use_y]`, linking a new overflow bucket when that one is full, and marks the old
/// slot evacuatedX or evacuatedY (Go's per-entry step, shared by the strategies).
///
/// # Safety
/// As [`Evacuate::evacuate_chain`]; slot `i` of `b` is live; `use_y` is 0, or 1 when doubling.
#[inline(always)]
unsafe fn move_entry<K, V, S, L, P, R, E>(
    map: &mut GoMap<K, V, S, L, P, R, E>,
    b: *mut Bucket<K, V>,
    i: usize,
    top: u8,
    xy: &mut [Dest<K, V>; 2],
    use_y: usize,
) where
    L: Locate,
    P: Probe,
    R: EmptyRest,
    E: Evacuate,
{
    // SAFETY: the caller's contract: a live source slot, destinations that only this old
    // bucket fills (so their next slot is empty). The entry is moved bitwise once and its old
    // slot marked right after, so it is never dropped or read there again.
    unsafe {
        if xy[use_y].i == BUCKET_CNT {
            xy[use_y].b = map.new_overflow(xy[use_y].b);
            xy[use_y].i = 0;
        }
        let dst = &mut xy[use_y];
        (*dst.b).tophash[dst.i] = top;
        ptr::copy_nonoverlapping((*b).keys[i].as_ptr(), (*dst.b).keys[dst.i].as_mut_ptr(), 1);
        ptr::copy_nonoverlapping(
            (*b).values[i].as_ptr(),
            (*dst.b).values[dst.i].as_mut_ptr(),
            1,
        );
        (*b).tophash[i] = EVACUATED_X + use_y as u8;
        dst.i += 1;
    }
}
