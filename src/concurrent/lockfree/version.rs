//! The version word of a bucket chain: a seqlock with the writers' lock in its low bit.
//!
//! ```text
//!   bit 0      LOCKED: a writer owns the chain (its slots, tophash words, overflow links)
//!   bit 1      EVACUATED: an old bucket whose chain has moved to the new array (for good)
//!   bits 2..64 a counter, +1 each time a writer that changed something leaves
//! ```
//!
//! A reader takes no lock: [`Version::read_begin`] (an `Acquire` load, waiting while
//! LOCKED), then the chain's atomics with `Relaxed` loads, then [`Version::read_validate`]
//! (an `Acquire` fence, then a `Relaxed` load that must see the same word). A writer takes
//! the lock bit with a CAS ([`Version::lock`]), follows it with a `Release` fence, stores
//! with `Relaxed`, and leaves with one `Release` store ([`WriteGuard`]'s drop). Why that is
//! enough is argued in the module docs of [`lockfree`](super).

use super::sync::{fence, wait, AtomicU64, Ordering};

/// A writer owns the chain.
pub(super) const LOCKED: u64 = 1;
/// The (old) bucket's chain has been evacuated; permanent.
pub(super) const EVACUATED: u64 = 2;
/// What a writer that changed the chain adds when it leaves.
const ONE_WRITE: u64 = 4;

/// The version word of one bucket chain (kept in the chain's first bucket).
pub(super) struct Version(AtomicU64);

impl Version {
    pub(super) fn new() -> Self {
        Version(AtomicU64::new(0))
    }

    /// A reader's first look: the word once no writer is inside (so it is even). `Acquire`:
    /// whatever the last writer stored before leaving is visible to the loads that follow.
    #[inline(always)]
    pub(super) fn read_begin(&self) -> u64 {
        let mut spins = 0;
        loop {
            let v = self.0.load(Ordering::Acquire);
            if v & LOCKED == 0 {
                return v;
            }
            wait(&mut spins);
        }
    }

    /// A reader's second look: true when no writer entered the chain since `read_begin`
    /// returned `seen`, so every `Relaxed` load in between read one consistent state.
    /// The `Acquire` fence keeps the second load after the data loads (and makes a writer's
    /// `Release` fence synchronize with it when a data load saw that writer's store).
    #[inline(always)]
    pub(super) fn read_validate(&self, seen: u64) -> bool {
        fence(Ordering::Acquire);
        self.0.load(Ordering::Relaxed) == seen
    }

    /// The word as it is now (`Acquire`), for a writer's quick "already evacuated?" test.
    #[inline(always)]
    pub(super) fn peek(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }

    /// Takes the chain's lock, waiting while another writer holds it.
    #[inline(always)]
    pub(super) fn lock(&self) -> WriteGuard<'_> {
        let mut spins = 0;
        loop {
            let v = self.0.load(Ordering::Relaxed);
            if v & LOCKED == 0
                && self
                    .0
                    .compare_exchange_weak(v, v | LOCKED, Ordering::Acquire, Ordering::Relaxed)
                    .is_ok()
            {
                // No store of this critical section may be seen by a reader whose second
                // look misses LOCKED: the stores come after this fence, and a reader that
                // sees one of them synchronizes with it through its own Acquire fence.
                fence(Ordering::Release);
                return WriteGuard {
                    word: &self.0,
                    before: v,
                    changed: false,
                };
            }
            wait(&mut spins);
        }
    }

    /// The raw word (for the invariant checker, on a quiescent map).
    pub(super) fn load_relaxed(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// A held chain lock. Dropping it leaves: the counter goes up by one when the holder said it
/// changed something ([`WriteGuard::changed`]); otherwise the word goes back to exactly what it
/// was, so that readers who started before need not retry (nothing was stored).
pub(super) struct WriteGuard<'a> {
    word: &'a AtomicU64,
    /// The word before this writer locked it (LOCKED clear).
    before: u64,
    changed: bool,
}

impl WriteGuard<'_> {
    /// Whether the chain had already been evacuated when this writer locked it: the writer
    /// must then look for its key in the new array instead.
    #[inline(always)]
    pub(super) fn evacuated(&self) -> bool {
        self.before & EVACUATED != 0
    }

    /// Records that this writer stored something: readers that overlapped it must retry.
    #[inline(always)]
    pub(super) fn changed(&mut self) {
        self.changed = true;
    }

    /// Marks the chain evacuated (on leaving), which also counts as a change.
    pub(super) fn set_evacuated(&mut self) {
        self.before |= EVACUATED;
        self.changed = true;
    }
}

impl Drop for WriteGuard<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        let next = if self.changed {
            self.before.wrapping_add(ONE_WRITE)
        } else {
            self.before
        };
        // Release: every store of the critical section happens-before a reader's (or the next
        // writer's) Acquire load that sees this word.
        self.word.store(next, Ordering::Release);
    }
}
