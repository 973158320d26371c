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
//! insert_grow): the mask removes 0.23–0.25 mispredicted branches an insert (1.47 → 1.22 at
//! 2^10, 1.08 → 0.85 at 2^20) but adds 34 instructions (227 → 261), since building the marks and
//! iterating a mask cost more than the slot loop they replace; timed in interleaved rounds
//! (×hashbrown, two runs), 1.63× against 1.48× at 2^10 and 2.52× against 2.33× at 2^20.
//! The mispredictions that remain are Go's design rather than this loop: the "is this old
//! bucket evacuated yet" tests of incremental growth and the chain walks of each insert.

mod go_slots;
mod live_mask;

pub use go_slots::GoSlots;
pub use live_mask::LiveMask;

use super::bucket::Bucket;
use super::probe::BitMask;

/// An evacuation strategy. Zero-sized; chosen as a type parameter of the map.
pub trait Evacuate: 'static {
    /// Its name in results and test messages.
    const NAME: &'static str;
    /// True for Go's own loop: the faithful reference.
    const IS_GO: bool = false;

    /// Moves every live entry of the chain that starts at old bucket `ob`, through `m`, and
    /// marks every old slot evacuated (X, Y or empty). The strategy decides the order of the
    /// visits and how the marks are written; `m` (the map's side) picks each entry's half
    /// and moves it.
    ///
    /// # Safety
    /// `ob` is an unevacuated bucket of the old array `m` evacuates.
    unsafe fn evacuate_chain<K, V, M: Mover<K, V>>(ob: *mut Bucket<K, V>, m: &mut M);
}

/// The map's side of an evacuation, as a strategy sees it (implemented in `grow.rs`).
pub trait Mover<K, V> {
    /// The live slots of an unevacuated old bucket, by the map's probe.
    fn live(&self, tophash: &[u8; 8]) -> BitMask;
    /// Which half of the new array `key` goes to: 0 (X) or 1 (Y). Rehashes the key when
    /// doubling (Go does too); always 0 in a same-size growth.
    fn half(&self, key: &K) -> usize;
    /// Moves the live entry in slot `i` of old bucket `b` (tophash `top`) to the next free
    /// slot of its half, linking a new overflow bucket when that one is full, and marks the
    /// old slot evacuatedX or evacuatedY (Go's per-entry step).
    ///
    /// # Safety
    /// `b` is in the chain being evacuated; slot `i` is live and not yet moved.
    unsafe fn move_entry(&mut self, b: *mut Bucket<K, V>, i: usize, top: u8, half: usize);
}

/// The strategy a `GoMap` uses unless told otherwise: Go's loop, which measured faster than
/// the mask (see the module docs).
pub type DefaultEvacuate = GoSlots;
