//! When an old table may be freed: after the growth that drained it ends *and* no thread
//! can still be reading it.
//!
//! A reader loads the current table, then maybe its old one, and walks their chains without
//! a lock; a growth can end (and unlink the old table) at any moment in between. So every
//! operation runs inside a [`Guard`] (crossbeam-epoch's pin: the thread announces the global
//! epoch it entered in, in its own slot), and the table a finishing growth unlinks is
//! *retired*, not freed: crossbeam frees it once every thread pinned at the time has unpinned,
//! so no guard that could have loaded the pointer outlives the memory. Every function of the
//! map that follows a table pointer takes `&Guard`, so a pointer cannot be used unpinned.
//!
//! Under loom the stand-in [`Reclaim`] never frees during the model: retired tables wait in
//! a list until the map is dropped. That is the property crossbeam-epoch guarantees (memory
//! retired while a thread is pinned outlives its pin), given for free, so loom checks the map's
//! protocol — seqlocks, evacuation, the end of a growth — against exactly the promise the real
//! reclamation makes. (crossbeam-epoch's own implementation is model-checked by crossbeam.)

use super::table::Table;

/// Proof that this thread is pinned: tables it loads stay allocated while it lives.
pub(crate) struct Guard {
    #[cfg(not(loom))]
    _pin: crossbeam_epoch::Guard,
}

impl Guard {
    /// Unpins and pins again: tables retired meanwhile may be freed once every other guard
    /// that could hold them is gone too.
    pub(crate) fn repin(&mut self) {
        #[cfg(not(loom))]
        self._pin.repin();
    }
}

/// Pins the current thread.
#[inline(always)]
pub(crate) fn pin() -> Guard {
    Guard {
        #[cfg(not(loom))]
        _pin: crossbeam_epoch::pin(),
    }
}

/// The map's side of reclamation: nothing outside loom (crossbeam's collector is global);
/// under loom, the list of retired tables.
#[derive(Default)]
pub(super) struct Reclaim {
    #[cfg(loom)]
    retired: super::sync::Mutex<Vec<Retired>>,
}

/// A retired table waiting for the map's drop (loom only).
#[cfg(loom)]
struct Retired(*mut Table);

// SAFETY: a retired table is unreachable and only freed, by whoever drops the map.
#[cfg(loom)]
unsafe impl Send for Retired {}

impl Reclaim {
    /// Frees `t` once no thread that may have loaded it is still pinned.
    ///
    /// # Safety
    /// `t` came from `Box::into_raw`, is no longer reachable from the map (so no thread that
    /// pins from now on can load it), and is retired once.
    pub(super) unsafe fn retire(&self, guard: &Guard, t: *mut Table) {
        #[cfg(not(loom))]
        {
            let _ = self;
            // SAFETY: the closure frees `t` after every thread pinned now has unpinned
            // (crossbeam-epoch's guarantee); by the caller's contract, threads pinned later
            // cannot reach it. `Table` holds only atomics and owned memory, so freeing it on
            // another thread is fine.
            unsafe {
                guard._pin.defer_unchecked(move || drop(Box::from_raw(t)));
            }
        }
        #[cfg(loom)]
        {
            let _ = guard;
            self.retired.lock().unwrap().push(Retired(t));
        }
    }
}

#[cfg(loom)]
impl Drop for Reclaim {
    fn drop(&mut self) {
        for Retired(t) in self.retired.lock().unwrap().drain(..) {
            // SAFETY: retired once, unreachable, and the map is being dropped: no thread runs.
            drop(unsafe { Box::from_raw(t) });
        }
    }
}
