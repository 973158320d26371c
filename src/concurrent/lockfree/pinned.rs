//! [`Pinned`]: one thread's view of the map for a run of operations that share one epoch pin.
//!
//! Every operation of [`ConcurrentGoMap`] pins crossbeam-epoch around itself, and the pin is a
//! locked read-modify-write on the thread's epoch slot, which also keeps the next operation
//! from starting early. Single-threaded it is about half a read: a get_hit at 2^10 took
//! 8.1–9.7 ns with a pin per get and 4.3–4.6 ns with one pin for many (GoMap's fast64 get:
//! 2.6 ns; one run of five rounds on a loaded 2-core machine, so only the proportions mean
//! anything). A `Pinned` view pays the pin once. The price is reclamation: no table retired
//! while the view is pinned can be freed, so a long-lived view should [`repin`](Pinned::repin)
//! every so often (every few thousand operations, say). The contenders pin per operation, as
//! `papaya`'s does, so that reclamation stays prompt and its cost is in their numbers.
//!
//! ```
//! use gomap_bench::concurrent::ConcurrentGoMap;
//! let m: ConcurrentGoMap = ConcurrentGoMap::with_capacity(0);
//! let mut p = m.pin();
//! for k in 0..1000 {
//!     p.insert(k, k * 2);
//!     if k % 256 == 0 {
//!         p.repin();
//!     }
//! }
//! assert_eq!(p.get(21), Some(42));
//! ```

use super::reclaim::{pin, Guard};
use super::ConcurrentGoMap;
use std::hash::BuildHasher;

/// The map, with this thread pinned (not `Send`: a pin belongs to its thread).
pub struct Pinned<'m, S> {
    map: &'m ConcurrentGoMap<S>,
    guard: Guard,
}

impl<S: BuildHasher> ConcurrentGoMap<S> {
    /// Pins this thread for a run of operations (see [`Pinned`]).
    pub fn pin(&self) -> Pinned<'_, S> {
        Pinned {
            map: self,
            guard: pin(),
        }
    }
}

impl<S: BuildHasher> Pinned<'_, S> {
    /// [`ConcurrentGoMap::get`], under this view's pin.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u64> {
        self.map
            .read::<true, true>(&self.guard, self.map.hash_key(key), key)
    }

    /// [`ConcurrentGoMap::insert`], under this view's pin.
    #[inline]
    pub fn insert(&self, key: u64, value: u64) -> Option<u64> {
        self.map
            .insert_in(&self.guard, self.map.hash_key(key), key, value)
    }

    /// [`ConcurrentGoMap::remove`], under this view's pin.
    #[inline]
    pub fn remove(&self, key: u64) -> Option<u64> {
        self.map.remove_in(&self.guard, self.map.hash_key(key), key)
    }

    /// Unpins and pins again, so that tables retired since the pin can be freed.
    pub fn repin(&mut self) {
        self.guard.repin();
    }
}
