//! AVX2 key probe: the 8 keys in two 256-bit registers, two `vpcmpeqq`, two `vmovmskpd`.

use super::keys::{first_live, KeyProbe64};
use crate::gomap::bucket::BUCKET_CNT;
use crate::vocabulary::Isa;
use std::arch::x86_64::*;

/// Proof that the CPU has AVX2; get one from [`KeysAvx2::detect`].
#[derive(Clone, Copy, Debug)]
pub struct KeysAvx2(());

#[target_feature(enable = "avx2")]
fn with_avx2<R>(f: impl FnOnce() -> R) -> R {
    f()
}

#[target_feature(enable = "avx2")]
#[inline]
fn match_keys(keys: &[u64; BUCKET_CNT], key: u64) -> u8 {
    let k = _mm256_set1_epi64x(key as i64);
    // SAFETY: the two unaligned 32-byte loads read exactly the 64 bytes of `keys`.
    let (lo, hi) = unsafe {
        (
            _mm256_loadu_si256(keys.as_ptr() as *const __m256i),
            _mm256_loadu_si256(keys.as_ptr().add(4) as *const __m256i),
        )
    };
    let mlo = _mm256_movemask_pd(_mm256_castsi256_pd(_mm256_cmpeq_epi64(lo, k)));
    let mhi = _mm256_movemask_pd(_mm256_castsi256_pd(_mm256_cmpeq_epi64(hi, k)));
    (mlo | (mhi << 4)) as u8
}

impl KeyProbe64 for KeysAvx2 {
    const ISA: Isa = Isa::Avx2;
    fn detect() -> Option<Self> {
        is_x86_feature_detected!("avx2").then_some(KeysAvx2(()))
    }
    #[inline(always)]
    fn in_isa<R>(self, f: impl FnOnce() -> R) -> R {
        // SAFETY: `self` exists only if `detect` saw the feature on this CPU.
        unsafe { with_avx2(f) }
    }
    #[inline(always)]
    fn find(self, tophash: &[u8; BUCKET_CNT], keys: &[u64; BUCKET_CNT], key: u64) -> Option<usize> {
        // SAFETY: `self` exists only if `detect` saw AVX2 on this CPU.
        first_live(unsafe { match_keys(keys, key) }, tophash)
    }
}
