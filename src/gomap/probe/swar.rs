//! SWAR ("SIMD within a register"): the 8 tophash bytes as one little-endian u64.
//!
//! Matching `top` is finding the zero bytes of `word ^ (top * 0x0101…01)`. The well-known
//! cheap test `(v - L) & !v & H` (L = 0x01…01, H = 0x80…80; Go's swiss map uses it) has false
//! positives: a borrow out of a true zero byte can flag a 0x01 byte above it. Go's swiss map
//! accepts them because a key compare follows. We use the exact form instead,
//! `!(((v & 0x7F…7F) + 0x7F…7F) | v | 0x7F…7F)`, which cannot carry between bytes: one more
//! operation buys masks identical to the scalar loop's, so every strategy is interchangeable
//! and the tests can demand equality.
//!
//! The result has the high bit of each matching byte set; a multiply gathers those 8 bits
//! into one byte (bit i for byte i), the `BitMask` every strategy returns.

use super::{BitMask, Probe};
use crate::gomap::bucket::BUCKET_CNT;
use crate::vocabulary::Isa;

const LO: u64 = 0x0101_0101_0101_0101;
const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// High bit set in each zero byte of `v`, nothing else (exact). Also used on whole tophash
/// words by the write strategies (`empty_rest::RunMask`, `evacuate::LiveMask`).
#[inline(always)]
pub(crate) fn zero_bytes(v: u64) -> u64 {
    !(((v & LOW7).wrapping_add(LOW7)) | v | LOW7)
}

/// High bit set in each byte of a tophash word that is empty (emptyRest or emptyOne: 0 or 1),
/// nothing else: each byte's low bit cleared, then its zero bytes.
#[inline(always)]
pub(crate) fn empty_bytes(word: u64) -> u64 {
    zero_bytes(word & !LO)
}

/// Gathers the high bit of each byte into bit i for byte i: after `>> 7` each byte is 0 or 1,
/// and the multiplier shifts byte i's bit to bit 56 + i with no carries between them.
#[inline(always)]
fn pack(high_bits: u64) -> BitMask {
    BitMask(((high_bits >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8)
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Swar;

impl Probe for Swar {
    const ISA: Isa = Isa::Swar;

    #[inline(always)]
    fn match_byte(tophash: &[u8; BUCKET_CNT], top: u8) -> BitMask {
        let word = u64::from_le_bytes(*tophash);
        pack(zero_bytes(word ^ (LO.wrapping_mul(top as u64))))
    }

    #[inline(always)]
    fn match_empty(tophash: &[u8; BUCKET_CNT]) -> BitMask {
        pack(empty_bytes(u64::from_le_bytes(*tophash)))
    }
}
