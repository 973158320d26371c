//! Bucket-index strategies: where a hash's bucket is.
//!
//! Go computes the mask from B on every call (`bucketMask(h.B)`: a shift and a decrement
//! on a byte it loads from the header). The alternative keeps the mask itself in the
//! header, refreshed whenever B changes, so a lookup loads it and ANDs. Which is faster is
//! the question `benches/locate.rs` answers; both are zero-sized type parameters so one
//! binary benchmarks them side by side, with no runtime dispatch.

/// Go's `bucketShift`: the number of buckets for B. B is masked with 63 so that the shift
/// can never overflow, as in Go (the compiler then emits a bare shift).
#[inline(always)]
pub fn bucket_shift(b: u8) -> usize {
    1usize << (b & 63)
}

/// Go's `bucketMask`.
#[inline(always)]
pub fn bucket_mask(b: u8) -> usize {
    bucket_shift(b) - 1
}

/// A bucket-index strategy. `mask` receives both what the header has: B and the
/// precomputed mask; each strategy reads only its own.
pub trait Locate: 'static {
    /// Name used in results.
    const NAME: &'static str;
    /// True for Go's own way: the faithful reference the other is measured against.
    const IS_GO: bool = false;
    fn mask(b: u8, precomputed: usize) -> usize;
}

/// The mask kept in the header (the default).
#[derive(Clone, Copy, Debug, Default)]
pub struct Precomputed;

impl Locate for Precomputed {
    const NAME: &'static str = "precomputed";
    #[inline(always)]
    fn mask(_b: u8, precomputed: usize) -> usize {
        precomputed
    }
}

/// The mask recomputed from B on every call, as Go does.
#[derive(Clone, Copy, Debug, Default)]
pub struct FromB;

impl Locate for FromB {
    const NAME: &'static str = "from-b";
    const IS_GO: bool = true;
    #[inline(always)]
    fn mask(b: u8, _precomputed: usize) -> usize {
        bucket_mask(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strategies_agree() {
        for b in 0..40u8 {
            assert_eq!(
                Precomputed::mask(b, bucket_mask(b)),
                FromB::mask(b, usize::MAX)
            );
        }
        assert_eq!(bucket_shift(0), 1);
        assert_eq!(bucket_mask(3), 7);
    }
}
