//! SSE2: the 8 tophash bytes in the low half of an XMM register, one `pcmpeqb` against the
//! broadcast byte, one `pmovmskb`. SSE2 is part of the x86_64 baseline, so no run-time
//! detection is needed. Go's swiss map does the same on amd64 with its 8-byte control words.

use super::{BitMask, Probe};
use crate::gomap::bucket::{BUCKET_CNT, EMPTY_ONE};
use crate::vocabulary::Isa;
use std::arch::x86_64::*;

#[derive(Clone, Copy, Debug, Default)]
pub struct Sse2;

#[inline(always)]
fn load(tophash: &[u8; BUCKET_CNT]) -> __m128i {
    // SAFETY: SSE2 is always present on x86_64; the load reads exactly the 8 bytes of the
    // array (movq), unaligned loads are allowed.
    unsafe { _mm_loadl_epi64(tophash.as_ptr() as *const __m128i) }
}

impl Probe for Sse2 {
    const ISA: Isa = Isa::Sse2;

    #[inline(always)]
    fn match_byte(tophash: &[u8; BUCKET_CNT], top: u8) -> BitMask {
        // SAFETY: SSE2 intrinsics on x86_64 (baseline); pure register operations.
        unsafe {
            let eq = _mm_cmpeq_epi8(load(tophash), _mm_set1_epi8(top as i8));
            // The upper 8 lanes compare zero bytes; only the low 8 bits are slots.
            BitMask(_mm_movemask_epi8(eq) as u8)
        }
    }

    #[inline(always)]
    fn match_empty(tophash: &[u8; BUCKET_CNT]) -> BitMask {
        // SAFETY: as above. Empty is 0 or 1, i.e. min(byte, 1) == byte.
        unsafe {
            let v = load(tophash);
            let le1 = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(EMPTY_ONE as i8)), v);
            BitMask(_mm_movemask_epi8(le1) as u8)
        }
    }
}
