//! AVX-512 key probe: the 8 keys in one 512-bit register, one `vpcmpeqq` into a mask register.

use super::keys::{first_live, KeyProbe64};
use crate::gomap::bucket::BUCKET_CNT;
use crate::vocabulary::Isa;
use std::arch::x86_64::*;

/// Proof that the CPU has AVX-512F; get one from [`KeysAvx512::detect`].
#[derive(Clone, Copy, Debug)]
pub struct KeysAvx512(());

#[target_feature(enable = "avx512f")]
fn with_avx512<R>(f: impl FnOnce() -> R) -> R {
    f()
}

#[target_feature(enable = "avx512f")]
#[inline]
fn match_keys(keys: &[u64; BUCKET_CNT], key: u64) -> u8 {
    // SAFETY: one unaligned 64-byte load of exactly the 64 bytes of `keys`.
    let v = unsafe { _mm512_loadu_si512(keys.as_ptr() as *const __m512i) };
    _mm512_cmpeq_epi64_mask(v, _mm512_set1_epi64(key as i64))
}

impl KeyProbe64 for KeysAvx512 {
    const ISA: Isa = Isa::Avx512;
    fn detect() -> Option<Self> {
        is_x86_feature_detected!("avx512f").then_some(KeysAvx512(()))
    }
    #[inline(always)]
    fn in_isa<R>(self, f: impl FnOnce() -> R) -> R {
        // SAFETY: `self` exists only if `detect` saw the feature on this CPU.
        unsafe { with_avx512(f) }
    }
    #[inline(always)]
    fn find(self, tophash: &[u8; BUCKET_CNT], keys: &[u64; BUCKET_CNT], key: u64) -> Option<usize> {
        // SAFETY: `self` exists only if `detect` saw AVX-512F on this CPU.
        first_live(unsafe { match_keys(keys, key) }, tophash)
    }
}
