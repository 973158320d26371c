//! Go's delete tail, as `mapdelete` has it: mark the slot emptyOne; if nothing live follows it
//! (the next slot, or the next bucket's slot 0, is emptyRest, or the chain ends), mark it
//! emptyRest, step back one slot and go on while the slots are emptyOne; at slot 0 step into
//! the previous bucket of the chain. A branch per slot, and one on "does anything follow".

use super::{next_is_rest, previous, EmptyRest};
use crate::gomap::bucket::{Bucket, BUCKET_CNT, EMPTY_ONE, EMPTY_REST};

#[derive(Clone, Copy, Debug, Default)]
pub struct GoWalk;

impl EmptyRest for GoWalk {
    const NAME: &'static str = "go-walk";
    const IS_GO: bool = true;

    #[inline]
    unsafe fn mark_deleted<K, V>(first: *mut Bucket<K, V>, mut b: *mut Bucket<K, V>, mut i: usize) {
        // SAFETY: every pointer followed is a bucket of the chain (caller's contract).
        unsafe {
            (*b).tophash[i] = EMPTY_ONE;
            if !next_is_rest(b, i) {
                return;
            }
            loop {
                (*b).tophash[i] = EMPTY_REST;
                if i == 0 {
                    if b == first {
                        break;
                    }
                    b = previous(first, b);
                    i = BUCKET_CNT - 1;
                } else {
                    i -= 1;
                }
                if (*b).tophash[i] != EMPTY_ONE {
                    break;
                }
            }
        }
    }
}
