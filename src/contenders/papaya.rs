//! `papaya` and `papaya-held`: `papaya::HashMap<u64, u64>` with foldhash, a lock-free map with
//! epoch-style reclamation (`seize`), under both guard policies of
//! [`guard_policy`](super::guard_policy).
//!
//! API: `get` / `insert` / `remove` with an explicit guard — the calls `map.pin()` makes for
//! you, minus the `HashMapRef` wrapper. Insert-or-replace is `insert`, whose old value says
//! whether the key was present.
//!
//! Guards: `papaya` pins one per operation (`map.guard()`); `papaya-held`'s handle owns one
//! `LocalGuard` (`map.guard()` once, on the thread that uses it) and refreshes it every 256
//! operations. `LocalGuard`, not `OwnedGuard` (`owned_guard` / `pin_owned`): papaya and
//! seize document the owned guard as the `Send` one for guards that move between threads
//! (across `.await` in a work-stealing runtime), at the price of a thread slot of its own
//! and a lock around its batch; a handle is made and used on one thread, so the local one is
//! the right and cheaper guard.
//!
//! Which policy the default matrix should judge papaya by: **per operation** (`papaya`). The
//! matrix asks what one operation costs a program, map against map, and every other
//! epoch-based map in it pins per operation inside its own calls (scc, cht, skipmap,
//! `flurry`), while the lock-based ones take their lock per operation. Holding a guard
//! amortizes a cost those maps cannot amortize and delays reclamation (writes' garbage
//! lives up to 256 operations longer), so it answers another question — what papaya costs a
//! program that batches its accesses under one guard — which `papaya-held` answers beside it.
//!
//! How much it matters: held ÷ per-op, paired over 30 interleaved rounds, 2^16 entries,
//! uniform keys, the 2-core AMD EPYC VM idle (`contention --threads 1,2 --secs 8`): read-heavy
//! 1.48× [1.36, 1.69] at 1 thread and 1.39× [1.27, 1.45] at 2; exchange 1.05× [1.01, 1.10]
//! and 1.02× [1.00, 1.05]. Pinning is a third of a read's cost; a write's allocation and
//! retirement dwarf it. (Figures of one sitting: measure again with both registered.)

use super::guard_policy::{GuardPolicy, Held, HeldGuard, PerOp};
use super::hasher::SeededState;
use super::{BuildSpec, Contender, Facts, Handle};
use ::papaya::{HashMap, LocalGuard};
use std::marker::PhantomData;

/// The crate, as `Cargo.lock` resolved it (see `build.rs`).
const CRATE: &str = concat!("papaya ", env!("GOMAP_BENCH_VERSION_PAPAYA"));

/// papaya's map under guard policy `P`.
pub struct Papaya<P> {
    map: HashMap<u64, u64, SeededState>,
    _policy: PhantomData<P>,
}

/// `papaya`: a guard pinned per operation.
pub type PapayaContender = Papaya<PerOp>;
/// `papaya-held`: a guard held by the handle, refreshed every 256 operations.
pub type PapayaHeld = Papaya<Held>;

impl<P: GuardPolicy> Papaya<P> {
    fn build(spec: &BuildSpec) -> Self {
        Papaya {
            map: HashMap::builder()
                .capacity(spec.capacity)
                .hasher(SeededState::default())
                .build(),
            _policy: PhantomData,
        }
    }

    fn facts() -> Facts {
        Facts {
            guard: Some(P::FACT.into()),
            crate_version: Some(CRATE.into()),
            ..Facts::default()
        }
    }
}

impl Contender for Papaya<PerOp> {
    const NAME: &'static str = "papaya";
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        Papaya::build(spec)
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.map.len()
    }
    fn facts(&self) -> Facts {
        Self::facts()
    }
}

impl Handle for &Papaya<PerOp> {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        let g = self.map.guard();
        self.map.get(k, &g).copied()
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        let g = self.map.guard();
        self.map.insert(k, v, &g).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        let g = self.map.guard();
        self.map.remove(k, &g).is_some()
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        let g = self.map.guard();
        self.map.insert(k, v, &g).is_some()
    }
}

impl Contender for Papaya<Held> {
    const NAME: &'static str = "papaya-held";
    type Handle<'a> = HeldHandle<'a>;
    fn build(spec: &BuildSpec) -> Self {
        Papaya::build(spec)
    }
    fn handle(&self) -> HeldHandle<'_> {
        HeldHandle {
            map: &self.map,
            guard: HeldGuard::new(self.map.guard()),
        }
    }
    fn len(&self) -> usize {
        self.map.len()
    }
    fn facts(&self) -> Facts {
        Self::facts()
    }
}

/// One thread's view of `papaya-held`: the map and the guard it holds.
pub struct HeldHandle<'a> {
    map: &'a HashMap<u64, u64, SeededState>,
    guard: HeldGuard<LocalGuard<'a>>,
}

impl Handle for HeldHandle<'_> {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.map.get(k, self.guard.for_op()).copied()
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.map.insert(k, v, self.guard.for_op()).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        self.map.remove(k, self.guard.for_op()).is_some()
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.map.insert(k, v, self.guard.for_op()).is_some()
    }
}
