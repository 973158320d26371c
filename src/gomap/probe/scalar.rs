//! Go's classic probe: compare the tophash bytes one at a time.

use super::{BitMask, Probe};
use crate::gomap::bucket::{is_empty, BUCKET_CNT};
use crate::vocabulary::Isa;

#[derive(Clone, Copy, Debug, Default)]
pub struct Scalar;

impl Probe for Scalar {
    const ISA: Isa = Isa::Scalar;
    const IS_GO: bool = true;

    #[inline(always)]
    fn match_byte(tophash: &[u8; BUCKET_CNT], top: u8) -> BitMask {
        let mut m = 0u8;
        for (i, &t) in tophash.iter().enumerate() {
            m |= ((t == top) as u8) << i;
        }
        BitMask(m)
    }

    #[inline(always)]
    fn match_empty(tophash: &[u8; BUCKET_CNT]) -> BitMask {
        let mut m = 0u8;
        for (i, &t) in tophash.iter().enumerate() {
            m |= (is_empty(t) as u8) << i;
        }
        BitMask(m)
    }
}
