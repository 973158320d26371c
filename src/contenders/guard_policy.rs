//! How an adapter of an epoch-based map (papaya, flurry) pins the guard every access needs:
//! a zero-sized policy type ([`PerOp`], [`Held`]) chosen per registered contender, so that one
//! binary measures both policies of one map side by side, each monomorphized.
//!
//! A guard marks its thread as active: nothing retired after it was pinned may be freed
//! until it is dropped or refreshed. Pinning costs a thread-local lookup and a store that
//! must be ordered before the thread's next loads — in seize 0.3 (flurry's) a `SeqCst` store,
//! a full fence on x86-64; in seize 0.5 (papaya's) a light store and barrier, a compiler
//! fence where Linux offers `membarrier` — and unpinning an atomic swap. Holding a guard
//! saves that cost but delays reclamation.
//!
//! - [`PerOp`]: a guard pinned and dropped around every operation — the pattern the maps'
//!   own examples use (`map.pin().get(..)`), and the one every map that pins inside its
//!   calls pays alike (scc, cht, crossbeam-skiplist).
//! - [`Held`]: the handle owns one guard for its whole life and refreshes it every
//!   [`REFRESH_EVERY`] operations ([`HeldGuard`]): the pinning cost is amortized, as a
//!   program that does a batch of accesses under one guard would, and memory stays bounded
//!   (a refresh lets everything retired before it be reclaimed, as a drop and re-pin would).
//!
//! The adapter is written once, [`Epoch`]: a map says how it is built, pinned and called
//! ([`EpochMap`], one small impl in its own file), and `Epoch<M, PerOp>` /
//! `Epoch<M, Held>` are its two contenders.

use super::{BuildSpec, Contender, Facts, Handle};
use std::marker::PhantomData;

/// How many operations a held guard serves before it is refreshed: large enough that the
/// refresh's cost vanishes per op, small enough that a thread never keeps more than a few
/// hundred operations' garbage alive (the maps retire in batches of tens anyway).
pub const REFRESH_EVERY: u32 = 256;

/// A guard policy, as the `guard` fact of every row says it.
pub trait GuardPolicy: Send + Sync + 'static {
    /// The `guard` fact.
    const FACT: &'static str;
}

/// A guard pinned per operation.
pub struct PerOp;

/// A guard held by the handle, refreshed every [`REFRESH_EVERY`] operations.
pub struct Held;

impl GuardPolicy for PerOp {
    const FACT: &'static str = "pinned per operation";
}

impl GuardPolicy for Held {
    const FACT: &'static str = "held by the handle, refreshed every 256 operations";
}

/// A guard that can be refreshed in place: like dropping it and pinning a new one, but
/// cheaper (both seize versions offer it).
pub trait Refresh {
    fn refresh(&mut self);
}

impl Refresh for ::papaya::LocalGuard<'_> {
    #[inline]
    fn refresh(&mut self) {
        ::papaya::Guard::refresh(self);
    }
}

impl Refresh for ::flurry::Guard<'_> {
    #[inline]
    fn refresh(&mut self) {
        ::flurry::Guard::refresh(self);
    }
}

/// A map whose every access takes a guard: what [`Epoch`] needs of papaya or flurry.
pub trait EpochMap: Send + Sync + Sized + 'static {
    /// The contenders' names under each policy.
    const PER_OP_NAME: &'static str;
    const HELD_NAME: &'static str;
    /// The crate and its version, as `Cargo.lock` resolved it (see `build.rs`).
    const CRATE: &'static str;
    type Guard<'a>: Refresh
    where
        Self: 'a;
    fn build(spec: &BuildSpec) -> Self;
    fn guard(&self) -> Self::Guard<'_>;
    fn get(&self, k: &u64, g: &Self::Guard<'_>) -> Option<u64>;
    /// Inserts or replaces; the old value.
    fn insert(&self, k: u64, v: u64, g: &Self::Guard<'_>) -> Option<u64>;
    /// True when the key was present.
    fn remove(&self, k: &u64, g: &Self::Guard<'_>) -> bool;
    /// Entries now (called when no thread runs).
    fn entries(&self) -> usize;
}

/// The epoch-based map `M` under guard policy `P`, as a contender.
pub struct Epoch<M, P> {
    map: M,
    _policy: PhantomData<P>,
}

impl<M: EpochMap, P: GuardPolicy> Epoch<M, P> {
    fn new(spec: &BuildSpec) -> Self {
        Epoch {
            map: M::build(spec),
            _policy: PhantomData,
        }
    }

    fn facts_of() -> Facts {
        Facts {
            guard: Some(P::FACT.into()),
            crate_version: Some(M::CRATE.into()),
            ..Facts::default()
        }
    }
}

impl<M: EpochMap> Contender for Epoch<M, PerOp> {
    const NAME: &'static str = M::PER_OP_NAME;
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        Epoch::new(spec)
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.map.entries()
    }
    fn facts(&self) -> Facts {
        Self::facts_of()
    }
}

impl<M: EpochMap> Handle for &Epoch<M, PerOp> {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.map.get(k, &self.map.guard())
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.map.insert(k, v, &self.map.guard()).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        self.map.remove(k, &self.map.guard())
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.map.insert(k, v, &self.map.guard()).is_some()
    }
}

impl<M: EpochMap> Contender for Epoch<M, Held> {
    const NAME: &'static str = M::HELD_NAME;
    type Handle<'a> = HeldHandle<'a, M>;
    fn build(spec: &BuildSpec) -> Self {
        Epoch::new(spec)
    }
    fn handle(&self) -> HeldHandle<'_, M> {
        HeldHandle {
            map: &self.map,
            guard: HeldGuard::new(self.map.guard()),
        }
    }
    fn len(&self) -> usize {
        self.map.entries()
    }
    fn facts(&self) -> Facts {
        Self::facts_of()
    }
}

/// One thread's view of `Epoch<M, Held>`: the map and the guard it holds.
pub struct HeldHandle<'a, M: EpochMap> {
    map: &'a M,
    guard: HeldGuard<M::Guard<'a>>,
}

impl<M: EpochMap> Handle for HeldHandle<'_, M> {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.map.get(k, self.guard.for_op())
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.map.insert(k, v, self.guard.for_op()).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        self.map.remove(k, self.guard.for_op())
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.map.insert(k, v, self.guard.for_op()).is_some()
    }
}

/// The guard a [`Held`] handle owns, and how many operations it may still serve.
pub struct HeldGuard<G> {
    guard: G,
    left: u32,
}

impl<G: Refresh> HeldGuard<G> {
    pub fn new(guard: G) -> Self {
        HeldGuard {
            guard,
            left: REFRESH_EVERY,
        }
    }

    /// The guard for the next operation, refreshed first when it has served
    /// [`REFRESH_EVERY`] of them. (`&mut self`: a refresh invalidates what the guard
    /// protected, so no reference from an earlier operation may still be alive.)
    #[inline(always)]
    pub fn for_op(&mut self) -> &G {
        if self.left == 0 {
            self.refresh();
        }
        self.left -= 1;
        &self.guard
    }

    #[cold]
    #[inline(never)]
    fn refresh(&mut self) {
        self.guard.refresh();
        self.left = REFRESH_EVERY;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Counting(u32);
    impl Refresh for Counting {
        fn refresh(&mut self) {
            self.0 += 1;
        }
    }

    #[test]
    fn a_held_guard_is_refreshed_once_every_refresh_every_ops() {
        let mut g = HeldGuard::new(Counting(0));
        for _ in 0..REFRESH_EVERY {
            g.for_op();
        }
        assert_eq!(g.guard.0, 0);
        g.for_op();
        assert_eq!(g.guard.0, 1);
        for _ in 0..3 * REFRESH_EVERY {
            g.for_op();
        }
        assert_eq!(g.guard.0, 4);
        assert!(Held::FACT.contains(&REFRESH_EVERY.to_string()));
    }
}
