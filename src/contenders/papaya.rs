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

use super::guard_policy::{Epoch, EpochMap, Held, PerOp};
use super::hasher::SeededState;
use super::BuildSpec;
use ::papaya::{HashMap, LocalGuard};

/// papaya's map, as [`Epoch`] calls it.
pub struct Papaya(HashMap<u64, u64, SeededState>);

/// `papaya`: a guard pinned per operation.
pub type PapayaContender = Epoch<Papaya, PerOp>;
/// `papaya-held`: a guard held by the handle, refreshed every 256 operations.
pub type PapayaHeld = Epoch<Papaya, Held>;

impl EpochMap for Papaya {
    const PER_OP_NAME: &'static str = "papaya";
    const HELD_NAME: &'static str = "papaya-held";
    const CRATE: &'static str = concat!("papaya ", env!("GOMAP_BENCH_VERSION_PAPAYA"));
    type Guard<'a> = LocalGuard<'a>;
    fn build(spec: &BuildSpec) -> Self {
        Papaya(
            HashMap::builder()
                .capacity(spec.capacity)
                .hasher(SeededState::default())
                .build(),
        )
    }
    #[inline(always)]
    fn guard(&self) -> LocalGuard<'_> {
        self.0.guard()
    }
    #[inline(always)]
    fn get(&self, k: &u64, g: &LocalGuard<'_>) -> Option<u64> {
        self.0.get(k, g).copied()
    }
    #[inline(always)]
    fn insert(&self, k: u64, v: u64, g: &LocalGuard<'_>) -> Option<u64> {
        self.0.insert(k, v, g).copied()
    }
    #[inline(always)]
    fn remove(&self, k: &u64, g: &LocalGuard<'_>) -> bool {
        self.0.remove(k, g).is_some()
    }
    fn entries(&self) -> usize {
        self.0.len()
    }
}
