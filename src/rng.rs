//! The one pseudo-random stream of the project: splitmix64, from a fixed seed. Keys, access
//! orders, op streams and round orders are drawn from it (and the Go anchor ports it
//! exactly); the statistics' tests simulate rounds with it. It sits at the bottom beside the
//! vocabulary, so that every layer can draw the same numbers.

/// A splitmix64 stream: a few instructions per number, cheap enough for a timed loop.
#[derive(Clone, Debug)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    #[inline(always)]
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` by multiply-high (Lemire, without the rejection step: the bias
    /// is below 2^-40 for the bounds we use, and it keeps the Go port trivial).
    #[inline(always)]
    pub fn below(&mut self, bound: u64) -> u64 {
        ((self.next_u64() as u128 * bound as u128) >> 64) as u64
    }
}
