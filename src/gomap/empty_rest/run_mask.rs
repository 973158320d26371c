//! The delete tail without a branch inside the bucket: the bucket's 8 tophash bytes are read
//! as one word, the new word (the slot emptyOne, and the run of emptyOne slots that ends at it
//! emptyRest when nothing live follows) is computed from masks, and stored once.
//!
//! Go's walk branches on "does anything live follow this slot" and then once per slot of the
//! run. On a map being emptied in random order those branches are coin flips: counted on a
//! simulated CPU (`gomap-bench counts`, remove 2^10), Go's walk mispredicted 0.88 branches a
//! remove against hashbrown's 0.04. Here, per bucket: `ones` marks the emptyOne bytes, the
//! highest byte at or below the slot that is *not* emptyOne ends the run (a leading-zero
//! count), and "does anything follow" becomes an all-ones or all-zeros mask, not a jump.
//! Only two rare cases branch: the removed slot is the bucket's last (the answer is in the
//! next bucket of the chain), and the run reaches slot 0 of an overflow bucket (it goes on
//! in the previous bucket, found from the chain's head, exactly as Go's walk does).
//! The bytes written are Go's in every state the map's invariants allow (tests compare them
//! over every such state of a two-bucket chain).

use super::{next_is_rest, previous, EmptyRest};
use crate::gomap::bucket::{Bucket, BUCKET_CNT, EMPTY_ONE};
use crate::gomap::probe::swar::zero_bytes;

#[derive(Clone, Copy, Debug, Default)]
pub struct RunMask;

/// The bytes of slots `0..=i` of a tophash word (little-endian: slot j is byte j).
#[inline(always)]
fn through(i: usize) -> u64 {
    debug_assert!(i < BUCKET_CNT);
    u64::MAX >> (56 - 8 * i)
}

/// 0x80 in each byte of `w` that is not emptyOne, 0 elsewhere.
#[inline(always)]
fn not_empty_one_bytes(w: u64) -> u64 {
    !zero_bytes(w ^ u64::from_ne_bytes([EMPTY_ONE; 8])) & 0x8080_8080_8080_8080
}

/// The first slot of the run of emptyOne slots that ends at slot `i` of `w`: one past the
/// highest slot at or below `i` that is not emptyOne, 0 if there is none; `i + 1` when slot
/// `i` itself is not emptyOne (an empty run).
#[inline(always)]
fn run_start(w: u64, i: usize) -> usize {
    // The stops sit at bit 8k+7 of their byte k; a fake one at bit 0 stands for "none"
    // (it gives 0), so the highest set bit always exists: a plain bit scan, no zero test.
    let stops = (not_empty_one_bytes(w) & through(i)) | 1;
    (64 - stops.leading_zeros() as usize) / 8
}

/// `x`, unchanged, as a value the optimizer knows nothing about, so that a mask made from a
/// boolean stays arithmetic instead of being turned into a conditional jump (the
/// "optimization barrier" constant-time code uses for the same purpose). On x86_64 an empty
/// `asm!` that claims to rewrite the register: no instruction, no memory access.
#[inline(always)]
fn opaque(mut x: u64) -> u64 {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: the template is empty: it executes nothing, reads or writes no memory and
    // leaves every register as it was; `x` keeps its value.
    unsafe {
        std::arch::asm!("/* {0} */", inout(reg) x, options(pure, nomem, nostack, preserves_flags));
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        x = std::hint::black_box(x);
    }
    x
}

/// Clears (to emptyRest) slots `lo..=i` of `w`; nothing when `lo > i`.
#[inline(always)]
fn cleared(w: u64, lo: usize, i: usize) -> u64 {
    let run = through(i) & u64::MAX.checked_shl(8 * lo as u32).unwrap_or(0);
    w & !run
}

impl EmptyRest for RunMask {
    const NAME: &'static str = "run-mask";

    #[inline]
    unsafe fn mark_deleted<K, V>(first: *mut Bucket<K, V>, b: *mut Bucket<K, V>, i: usize) {
        // SAFETY: every pointer followed is a bucket of the chain (caller's contract).
        unsafe {
            let at = 8 * i as u32;
            let w = (u64::from_le_bytes((*b).tophash) & !(0xff << at)) | ((EMPTY_ONE as u64) << at);
            let lo = run_start(w, i);
            // lo <= i here (slot i is emptyOne), so the shift stays below 64.
            let run = through(i) & (u64::MAX << (8 * lo));
            // Whether nothing live follows slot i picks the run or nothing, by a mask (all
            // ones or zero) rather than a jump: it is a coin flip on a map being emptied.
            // The mask goes through `opaque`, else the compiler sees a boolean and turns the
            // choice back into a jump (counted: 0.35 mispredicted a remove, as with
            // `std::hint::select_unpredictable`). `next_is_rest` branches only for the last
            // slot, rarely taken.
            let rest = opaque((next_is_rest(b, i) as u64).wrapping_neg());
            let word = w & !(run & rest);
            (*b).tophash = word.to_le_bytes();
            // The run took the whole bucket (slot 0 is emptyRest now: in a map that keeps the
            // invariants, only a run reaching slot 0 makes it so) and the bucket is an
            // overflow one: go on in the previous bucket, from its last slot. Rare, and tested
            // on the word just stored rather than on the choice above, so that the compiler
            // does not turn that choice back into a jump.
            if (word & 0xff == 0) & (b != first) {
                continue_run(first, previous(first, b));
            }
        }
    }
}

/// Go's walk stepping back into bucket `b` (from the one after it, which was cleared whole):
/// clears its trailing run of emptyOne slots, and goes on back while a whole bucket clears.
///
/// # Safety
/// `b` is a bucket of the chain that starts at `first`.
#[cold]
unsafe fn continue_run<K, V>(first: *mut Bucket<K, V>, mut b: *mut Bucket<K, V>) {
    // SAFETY: every pointer followed is a bucket of the chain (caller's contract).
    unsafe {
        loop {
            let w = u64::from_le_bytes((*b).tophash);
            let lo = run_start(w, BUCKET_CNT - 1);
            (*b).tophash = cleared(w, lo, BUCKET_CNT - 1).to_le_bytes();
            if lo != 0 || b == first {
                break;
            }
            b = previous(first, b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gomap::bucket::{EMPTY_REST, MIN_TOP_HASH};

    #[test]
    fn masks() {
        assert_eq!(through(7), u64::MAX);
        assert_eq!(through(0), 0xFF);
        assert_eq!(cleared(u64::MAX, 2, 4), !0x00FF_FFFF_0000);
        assert_eq!(cleared(u64::MAX, 8, 7), u64::MAX);
        let w = u64::from_le_bytes([EMPTY_REST, 1, 1, MIN_TOP_HASH, 1, 1, 0xff, 1]);
        assert_eq!(not_empty_one_bytes(w), 0x0080_0000_8000_0080);
        assert_eq!(run_start(w, 5), 4);
        assert_eq!(run_start(w, 2), 1);
        assert_eq!(run_start(w, 3), 4, "slot 3 is live: an empty run");
        assert_eq!(run_start(u64::from_le_bytes([1; 8]), 7), 0);
    }
}
