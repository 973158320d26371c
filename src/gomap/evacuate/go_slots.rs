//! Go's evacuation loop, as `evacuate` has it: every slot of every bucket of the chain, in
//! order; an empty one is marked evacuatedEmpty, a live one rehashed (when doubling) and
//! moved.

use super::{move_entry, Dest, Evacuate};
use crate::gomap::bucket::{is_empty, tophash, Bucket, BUCKET_CNT, EVACUATED_EMPTY, MIN_TOP_HASH};
use crate::gomap::empty_rest::EmptyRest;
use crate::gomap::locate::Locate;
use crate::gomap::probe::Probe;
use crate::gomap::GoMap;
use std::hash::{BuildHasher, Hash};

#[derive(Clone, Copy, Debug, Default)]
pub struct GoSlots;

impl Evacuate for GoSlots {
    const NAME: &'static str = "go-slots";
    const IS_GO: bool = true;

    #[inline]
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
        R: EmptyRest,
    {
        let mut b = ob;
        // SAFETY: `b` walks the old chain (caller's contract); see `move_entry`.
        unsafe {
            while !b.is_null() {
                for i in 0..BUCKET_CNT {
                    let top = (*b).tophash[i];
                    if is_empty(top) {
                        (*b).tophash[i] = EVACUATED_EMPTY;
                        continue;
                    }
                    debug_assert!(top >= MIN_TOP_HASH, "bad map state");
                    let mut use_y = 0;
                    if let Some(newbit) = split {
                        // Rehash to learn which half the key belongs to. (Go also
                        // special-cases NaN keys here; Rust keys are `Eq`, so reflexive.)
                        let hash = map.hash0.hash_one((*b).keys[i].assume_init_ref());
                        if hash as usize & newbit != 0 {
                            use_y = 1;
                        }
                        debug_assert_eq!(tophash(hash), top);
                    }
                    move_entry(map, b, i, top, xy, use_y);
                }
                b = (*b).overflow;
            }
        }
    }
}
