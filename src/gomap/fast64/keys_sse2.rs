//! SSE2 key probe: SSE2 is the x86_64 baseline, so this one needs no detection and inlines
//! into any caller, which the AVX probes cannot do outside code compiled for AVX (see
//! `KeyProbe64::in_isa`). SSE2 has no 64-bit equality compare (`pcmpeqq` is SSE4.1), so it
//! compares 32-bit halves: 4 × (`pcmpeqd`, `movmskps`), and a key matches where both halves of
//! its lane do.

use super::keys::KeyProbe64;
use crate::gomap::bucket::{is_empty, BUCKET_CNT};
use crate::vocabulary::Isa;
use std::arch::x86_64::*;

#[derive(Clone, Copy, Debug, Default)]
pub struct KeysSse2;

/// Bit 2i set when key i matches (bit 2i+1 is scratch and cleared).
#[inline(always)]
fn match_keys(keys: &[u64; BUCKET_CNT], key: u64) -> u32 {
    // SAFETY: SSE2 is always present on x86_64; the four unaligned 16-byte loads read exactly
    // the 64 bytes of `keys`.
    let halves = unsafe {
        let k = _mm_set1_epi64x(key as i64);
        let p = keys.as_ptr() as *const __m128i;
        let m = |j: usize| {
            let eq = _mm_cmpeq_epi32(_mm_loadu_si128(p.add(j)), k);
            _mm_movemask_ps(_mm_castsi128_ps(eq)) as u32
        };
        m(0) | (m(1) << 4) | (m(2) << 8) | (m(3) << 12)
    };
    // Both 32-bit halves of a lane equal ⇔ bits 2i and 2i+1 both set.
    halves & (halves >> 1) & 0x5555
}

impl KeyProbe64 for KeysSse2 {
    const ISA: Isa = Isa::Sse2;
    fn detect() -> Option<Self> {
        Some(KeysSse2)
    }
    #[inline(always)]
    fn find(self, tophash: &[u8; BUCKET_CNT], keys: &[u64; BUCKET_CNT], key: u64) -> Option<usize> {
        let mut m = match_keys(keys, key);
        // Confirm by tophash: an empty slot may hold a stale copy of the key.
        while m != 0 {
            let i = (m.trailing_zeros() / 2) as usize;
            if !is_empty(tophash[i]) {
                return Some(i);
            }
            m &= m - 1;
        }
        None
    }
}
