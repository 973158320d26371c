//! Evacuation by mask: per bucket, one probe of the tophash bytes says which slots are live;
//! only those are visited (lowest first, the order Go fills the destinations in). X or Y is
//! an index computed from the hash bit, not a jump. The bucket's final marks (X or Y for the
//! moved slots, evacuatedEmpty for the empty ones) are built in a register from the word read
//! at the start and stored as one word at the end.
//!
//! The bytes are Go's: the same entries land in the same destination slots in the same
//! order, and every old slot ends with the mark Go's loop gives it. (Until the final store
//! the empty slots are unmarked; nothing reads the bucket then, and a panicking hasher leaves
//! them as harmless empty slots.)

use super::{Evacuate, Mover};
use crate::gomap::bucket::{Bucket, EVACUATED_EMPTY, EVACUATED_X};
use crate::gomap::probe::swar::empty_bytes;

#[derive(Clone, Copy, Debug, Default)]
pub struct LiveMask;

/// `w` with every byte that is 0 or 1 (empty) set to evacuatedEmpty.
#[inline(always)]
fn mark_empties(w: u64) -> u64 {
    // 0x80 in each empty byte, moved down to 1: the bytes to replace.
    let empty = empty_bytes(w) >> 7;
    (w & !(empty * 0xff)) | (empty * EVACUATED_EMPTY as u64)
}

impl Evacuate for LiveMask {
    const NAME: &'static str = "live-mask";

    #[inline]
    unsafe fn evacuate_chain<K, V, M: Mover<K, V>>(ob: *mut Bucket<K, V>, m: &mut M) {
        let mut b = ob;
        // SAFETY: `b` walks the old chain (caller's contract); each live slot is visited
        // once, so moved once.
        unsafe {
            while !b.is_null() {
                // Read once, before anything is written: the marks are built in a register
                // and stored as one word at the end. (Reading the word back after the
                // per-slot stores would stall on them: a wide load cannot be forwarded from
                // narrower stores.)
                let w = u64::from_le_bytes((*b).tophash);
                // An unevacuated old bucket holds live slots and empty ones only.
                let (mut marks, mut moved) = (0u64, 0u64);
                for i in m.live(&(*b).tophash) {
                    let top = (w >> (8 * i)) as u8;
                    let half = m.half((*b).keys[i].assume_init_ref());
                    // Marks the old slot too (Go's order: a panicking hasher at the next slot
                    // leaves every moved entry marked, so nothing is dropped twice).
                    m.move_entry(b, i, top, half);
                    marks |= u64::from(EVACUATED_X + half as u8) << (8 * i);
                    moved |= 0xff << (8 * i);
                }
                (*b).tophash = ((mark_empties(w) & !moved) | marks).to_le_bytes();
                b = (*b).overflow;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gomap::bucket::{EMPTY_ONE, EMPTY_REST, EVACUATED_Y, MIN_TOP_HASH};

    #[test]
    fn marks_exactly_the_empty_bytes() {
        let before = [
            EMPTY_REST,
            EMPTY_ONE,
            EVACUATED_X,
            EVACUATED_Y,
            0xff,
            1,
            0,
            MIN_TOP_HASH,
        ];
        let after = mark_empties(u64::from_le_bytes(before)).to_le_bytes();
        let e = EVACUATED_EMPTY;
        assert_eq!(
            after,
            [e, e, EVACUATED_X, EVACUATED_Y, 0xff, e, e, MIN_TOP_HASH]
        );
    }
}
