//! Go's emptyRest walk, as `mapdelete` has it: mark the slot, step back one slot, stop at the
//! first slot that is not emptyOne; at slot 0 step into the previous bucket of the chain.

use super::{previous, EmptyRest};
use crate::gomap::bucket::{Bucket, BUCKET_CNT, EMPTY_ONE, EMPTY_REST};
use crate::gomap::probe::Probe;

#[derive(Clone, Copy, Debug, Default)]
pub struct GoWalk;

impl EmptyRest for GoWalk {
    const NAME: &'static str = "go-walk";
    const IS_GO: bool = true;

    #[inline]
    unsafe fn mark_rest<K, V, P: Probe>(
        first: *mut Bucket<K, V>,
        mut b: *mut Bucket<K, V>,
        mut i: usize,
    ) {
        // SAFETY: every pointer followed is a bucket of the chain (caller's contract).
        unsafe {
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
