//! The hasher every contender that takes one is built with: foldhash's fast hash, each map
//! seeded from one fixed sequence rather than from the operating system.
//!
//! Why not `foldhash::fast::RandomState` (what `GoMap` itself defaults to, as Go seeds each
//! map from `fastrand`)? Its hash function is drawn once per *process*, so two processes of
//! one build lay their maps out differently and measure different maps. That matters most
//! to `gomap-bench ab`, whose BASE and HEAD are two processes: with a fixed sequence they
//! build the very same layouts, and what differs between them is the code. (It is not what
//! makes two runs of the main job disagree on this VM: four processes of one build gave
//! GoMap ÷ hashbrown, insert_presized 2^10, 1.46, 1.21, 1.21, 1.44 with per-process seeds and
//! 1.48, 1.29, 1.47, 1.26 with this sequence — the machine's slow and fast regimes, which
//! `compare` has to allow for; see `results::compare`.)
//!
//! Why not one fixed seed for every map? Then every sample rebuilds the very same layout and
//! replays the very same branch history, which a modern predictor learns: GoMap's remove at
//! 2^10 measured 10–13 ns with one seed for every map against 24–32 ns with a fresh seed per
//! map — a benchmark of the predictor's memory, not of the map. So each map gets the next
//! seed of the sequence: a layout is never replayed within a run, and every run replays the
//! same sequence of layouts.

use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering};

/// How [`SeededState`] is named in results files (`run.hasher`).
pub const HASHER_NAME: &str = "foldhash::fast, a seed per map from a fixed sequence";

/// Where the sequence starts (any constant; changing it changes every layout).
const FIRST_SEED: u64 = 0x005E_ED0F_6A4D_B311;

/// How many maps have taken a seed in this process.
static TAKEN: AtomicU64 = AtomicU64::new(0);

/// foldhash's fast hash with a per-map seed from the fixed sequence (see the module docs).
#[derive(Clone, Debug)]
pub struct SeededState(foldhash::fast::FixedState);

impl SeededState {
    /// The `i`-th seed of the sequence: a Weyl step (an odd multiplier, so no two maps of one
    /// process share a seed; foldhash mixes the seed into every hash anyway).
    fn nth(i: u64) -> SeededState {
        let seed = FIRST_SEED.wrapping_add(i.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        SeededState(foldhash::fast::FixedState::with_seed(seed))
    }
}

impl Default for SeededState {
    /// The next seed of the sequence.
    fn default() -> Self {
        SeededState::nth(TAKEN.fetch_add(1, Ordering::Relaxed))
    }
}

impl BuildHasher for SeededState {
    type Hasher = <foldhash::fast::FixedState as BuildHasher>::Hasher;

    #[inline(always)]
    fn build_hasher(&self) -> Self::Hasher {
        self.0.build_hasher()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_map_gets_another_seed_and_the_sequence_is_fixed() {
        let (a, b) = (SeededState::default(), SeededState::default());
        assert_ne!(a.hash_one(7u64), b.hash_one(7u64));
        // The same position of the sequence hashes alike in every process.
        assert_eq!(
            SeededState::nth(3).hash_one(7u64),
            SeededState::nth(3).hash_one(7u64)
        );
        assert_ne!(
            SeededState::nth(3).hash_one(7u64),
            SeededState::nth(4).hash_one(7u64)
        );
    }
}
