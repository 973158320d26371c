//! `flurry`: `flurry::HashMap<u64, u64>` with foldhash, the port of Java's
//! `ConcurrentHashMap`: lock-free reads, a lock in the first node of a bin for writes, old
//! nodes and values reclaimed through epoch guards (`seize` 0.3).
//!
//! API: `get` / `insert` / `remove` with an explicit guard, the calls `map.pin()` makes for
//! you (its `HashMapRef` only carries the guard along). Insert-or-replace is `insert`, whose
//! old value says whether the key was present. flurry stores every value behind a pointer,
//! so each insert and update allocates, and each replace or remove retires a node or value:
//! that is the map's design, measured as it is.
//!
//! Guards: one pinned per operation (`map.guard()`), the same policy as `papaya` and for the
//! same reason (see [`guard_policy`](super::guard_policy) and `papaya.rs`): it is what every
//! other epoch-based map of the matrix pays, and flurry's docs show `map.pin()` per access
//! and warn that garbage piles up behind a long-held guard. Its docs offer the other
//! choice too (reuse one guard for many calls): [`FlurryHeld`] is that policy, with the
//! guard refreshed every 256 operations as `papaya-held`'s. It is not registered — one flurry
//! is enough for the matrix — but one short run measured both (add `FlurryHeld` to the
//! `registry!` line to rerun it):
//!
//! `contention --quick --rounds 12 --dist uniform`, 2-core VM, while other engineers' builds
//! used 1.2–1.7 cores (so: indications, not findings), per-op → held, ratio to dashmap with
//! its 95% interval: read-heavy, 1 thread 0.295 [0.242, 0.375] → 0.405 [0.171, 0.962],
//! 2 threads 0.647 [0.274, 1.531] → 0.989 [0.910, 1.075]; exchange, 1 thread 0.145 [0.141,
//! 0.186] → 0.157 [0.147, 0.202], 2 threads 0.279 [0.087, 0.900] → 0.274 [0.079, 0.949].
//! Pinning costs flurry's reads about 9 ns an op (28.3 → 37.4 Mops/s at 1 thread) and its
//! writes nothing visible: their allocation and retirement dwarf it.
//!
//! Capacity: `with_capacity_and_hasher(n)` presizes to the power of two ≥ 1.5n + 1 bins, as
//! Java's constructor does, so `n` entries fit under its 0.75 load factor.

use super::guard_policy::{Epoch, EpochMap, Held, PerOp};
use super::hasher::SeededState;
use super::BuildSpec;
use ::flurry::{Guard, HashMap};

/// flurry's map, as [`Epoch`] calls it.
pub struct Flurry(HashMap<u64, u64, SeededState>);

/// `flurry`: a guard pinned per operation.
pub type FlurryContender = Epoch<Flurry, PerOp>;
/// A guard held by the handle, refreshed every 256 operations (measured once, not
/// registered: see the module docs).
pub type FlurryHeld = Epoch<Flurry, Held>;

impl EpochMap for Flurry {
    const PER_OP_NAME: &'static str = "flurry";
    const HELD_NAME: &'static str = "flurry-held";
    const CRATE: &'static str = concat!("flurry ", env!("GOMAP_BENCH_VERSION_FLURRY"));
    type Guard<'a> = Guard<'a>;
    fn build(spec: &BuildSpec) -> Self {
        Flurry(HashMap::with_capacity_and_hasher(
            spec.capacity,
            SeededState::default(),
        ))
    }
    #[inline(always)]
    fn guard(&self) -> Guard<'_> {
        self.0.guard()
    }
    #[inline(always)]
    fn get(&self, k: &u64, g: &Guard<'_>) -> Option<u64> {
        self.0.get(k, g).copied()
    }
    #[inline(always)]
    fn insert(&self, k: u64, v: u64, g: &Guard<'_>) -> Option<u64> {
        self.0.insert(k, v, g).copied()
    }
    #[inline(always)]
    fn remove(&self, k: &u64, g: &Guard<'_>) -> bool {
        self.0.remove(k, g).is_some()
    }
    fn entries(&self) -> usize {
        self.0.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contenders::guard_policy::GuardPolicy;
    use crate::contenders::{Contender, ContenderVisitor};

    /// The unregistered policy still answers exactly (the registered one is checked with
    /// every contender in `contenders::tests`).
    #[test]
    fn the_held_policy_reports_outcomes_exactly() {
        crate::contenders::tests::Smoke.visit::<FlurryHeld>();
        assert_eq!(
            FlurryHeld::build(&BuildSpec::default())
                .facts()
                .guard
                .as_deref(),
            Some(Held::FACT)
        );
    }
}
