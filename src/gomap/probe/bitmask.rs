//! The result of a probe: one bit per slot, bit i for slot i.

/// A set of slots of one bucket. Iterating yields the slot indices in ascending order,
/// which is the order Go's loop visits them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BitMask(pub u8);

impl BitMask {
    #[inline(always)]
    pub fn any(self) -> bool {
        self.0 != 0
    }

    #[inline(always)]
    pub fn lowest(self) -> Option<usize> {
        if self.0 == 0 {
            None
        } else {
            Some(self.0.trailing_zeros() as usize)
        }
    }
}

impl Iterator for BitMask {
    type Item = usize;
    #[inline(always)]
    fn next(&mut self) -> Option<usize> {
        let i = self.lowest()?;
        self.0 &= self.0 - 1;
        Some(i)
    }
}
