//! Go's evacuation loop, as `evacuate` has it: every slot of every bucket of the chain, in
//! order; an empty one is marked evacuatedEmpty, a live one rehashed (when doubling) and
//! moved.

use super::{Evacuate, Mover};
use crate::gomap::bucket::{is_empty, Bucket, BUCKET_CNT, EVACUATED_EMPTY, MIN_TOP_HASH};

#[derive(Clone, Copy, Debug, Default)]
pub struct GoSlots;

impl Evacuate for GoSlots {
    const NAME: &'static str = "go-slots";
    const IS_GO: bool = true;

    #[inline]
    unsafe fn evacuate_chain<K, V, M: Mover<K, V>>(ob: *mut Bucket<K, V>, m: &mut M) {
        let mut b = ob;
        // SAFETY: `b` walks the old chain (caller's contract); every slot is visited once,
        // so a live one is moved once.
        unsafe {
            while !b.is_null() {
                for i in 0..BUCKET_CNT {
                    let top = (*b).tophash[i];
                    if is_empty(top) {
                        (*b).tophash[i] = EVACUATED_EMPTY;
                        continue;
                    }
                    debug_assert!(top >= MIN_TOP_HASH, "bad map state");
                    // (Go also special-cases NaN keys here; Rust keys are `Eq`, so reflexive.)
                    let half = m.half((*b).keys[i].assume_init_ref());
                    m.move_entry(b, i, top, half);
                }
                b = (*b).overflow;
            }
        }
    }
}
