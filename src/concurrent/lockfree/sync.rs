//! The atomics, the lock and the wait the map is built from, in one place, so that a loom
//! build (`RUSTFLAGS="--cfg loom"`) swaps every one of them for loom's model-checked twin and
//! the code above it does not change.
//!
//! Loom explores the interleavings (and the weak-memory outcomes its model allows) of the
//! operations on *its* types only; an atomic the map took from `std` directly would be a
//! blind spot. So nothing else in `lockfree` names `std::sync::atomic`.

#[cfg(loom)]
pub(super) use loom::sync::atomic::{fence, AtomicIsize, AtomicPtr, AtomicU32, AtomicU64};
#[cfg(loom)]
pub(super) use loom::sync::atomic::{AtomicUsize, Ordering};
#[cfg(loom)]
pub(super) use loom::sync::Mutex;

#[cfg(not(loom))]
pub(super) use std::sync::atomic::{fence, AtomicIsize, AtomicPtr, AtomicU32, AtomicU64};
#[cfg(not(loom))]
pub(super) use std::sync::atomic::{AtomicUsize, Ordering};
#[cfg(not(loom))]
pub(super) use std::sync::Mutex;
/// What a poisoned lock hands back (loom's `Mutex` reports poisoning with std's type).
pub(super) use std::sync::PoisonError;

/// One step of waiting for another thread (a writer to leave its bucket, a lock to be
/// free): a pause instruction, and after a while a yield, so that a waiter does not burn the
/// time slice of a preempted lock holder on an oversubscribed machine. Under loom, always a
/// yield: that is how a loom thread tells the model it cannot progress alone.
#[inline(always)]
pub(super) fn wait(spins: &mut u32) {
    #[cfg(loom)]
    {
        let _ = spins;
        loom::thread::yield_now();
    }
    #[cfg(not(loom))]
    {
        *spins += 1;
        if *spins < 64 {
            std::hint::spin_loop();
        } else {
            std::thread::yield_now();
        }
    }
}
