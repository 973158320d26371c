//! Growth under concurrency: Go's `hashGrow`, `growWork`, `evacuate` and
//! `advanceEvacuationMark`, with the locks each step needs.
//!
//! - Starting a growth ([`hash_grow`](ConcurrentGoMap::hash_grow)) takes the map's
//!   `grow_lock`, checks that the table it was asked about is still current and not growing
//!   (another writer may have started the growth first), allocates the new table pointing at
//!   the old one and publishes it (`Release`). No bucket lock is held meanwhile.
//! - Evacuating old bucket i takes old bucket i's lock, then X's, then Y's (fixed order),
//!   moves the entries as Go does (rehashing to pick X or Y, keeping the tophash), marks every
//!   old slot evacuatedX / evacuatedY / evacuatedEmpty, and leaves old bucket i with the
//!   EVACUATED bit set. X and Y are uncontended: no writer touches a new bucket before its old
//!   bucket is evacuated, and no reader reads it before then either; their locks make every
//!   store of the map a store inside its chain's seqlock section, with no exception to argue.
//! - The evacuation mark advances by CAS past evacuated buckets only (at most Go's lookahead
//!   per call); the CAS that moves it to the old bucket count ends the growth: that thread
//!   unlinks the old table and retires it.

use super::bucket::{top_at, with_top, Bucket};
use super::reclaim::Guard;
use super::sync::{Ordering, PoisonError};
use super::table::Table;
use super::version::EVACUATED;
use super::ConcurrentGoMap;
use crate::gomap::bucket::{is_empty, BUCKET_CNT, EVACUATED_EMPTY, EVACUATED_X};
use crate::gomap::{over_load_factor, EVACUATION_LOOKAHEAD};
use std::hash::BuildHasher;
use std::ptr;

impl<S: BuildHasher> ConcurrentGoMap<S> {
    /// Go's `hashGrow`, if `t` is still current and not growing: doubling when the map is
    /// over its load factor, same-size otherwise (it was called for too many overflow buckets).
    #[cold]
    pub(super) fn hash_grow(&self, t: &Table) {
        let _one_growth = self
            .grow_lock
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if !ptr::eq(self.current.load(Ordering::Acquire), t) || !t.old().is_null() {
            return;
        }
        let bigger = over_load_factor(self.count.sum() + 1, t.b);
        self.publish_growth(t, bigger);
    }

    /// Starts a growth now, doubling or same-size, whatever the load (for the tests and the
    /// loom models, which need a growth in a map of a few keys).
    #[cfg(any(test, loom))]
    pub(super) fn force_growth(&self, bigger: bool) {
        let _one_growth = self
            .grow_lock
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let guard = super::reclaim::pin();
        let t = self.current(&guard);
        assert!(t.old().is_null(), "already growing");
        self.publish_growth(t, bigger);
    }

    /// Makes a table of 2^(B+1) buckets (`bigger`) or 2^B draining `t` the current one.
    /// The caller holds `grow_lock` and has checked that `t` is current and not growing.
    fn publish_growth(&self, t: &Table, bigger: bool) {
        let new = Table::new(
            t.b + u8::from(bigger),
            !bigger,
            t as *const Table as *mut Table,
        );
        // Release: the new table's initialization before its address.
        self.current
            .store(Box::into_raw(Box::new(new)), Ordering::Release);
    }

    /// Go's `growWork` for a write of `hash` to growing table `t`: evacuate the old bucket the
    /// write's new bucket draws from, then the one at the evacuation mark.
    pub(super) fn grow_work(&self, guard: &Guard, t: &Table, hash: u64) {
        let old = t.old();
        if old.is_null() {
            return;
        }
        // SAFETY: reachable from `t` under our pin; freed only after we unpin (reclaim.rs).
        let old = unsafe { &*old };
        self.evacuate(guard, t, old, hash as usize & old.mask);
        if !t.old().is_null() {
            let n = t.nevacuate.load(Ordering::Relaxed);
            if n < old.nbuckets() {
                self.evacuate(guard, t, old, n);
            }
        }
    }

    /// Go's `evacuate`: moves old bucket `i`'s chain into `t`, unless someone already did,
    /// then advances the mark if it stood at `i`.
    fn evacuate(&self, guard: &Guard, t: &Table, old: &Table, i: usize) {
        let ob = old.bucket(i);
        if ob.version.peek() & EVACUATED == 0 {
            let mut wo = ob.version.lock();
            if !wo.evacuated() {
                let nold = old.nbuckets();
                let x = t.bucket(i);
                let mut wx = x.version.lock();
                let y = (!t.same_size).then(|| t.bucket(i + nold));
                let mut wy = y.map(|y| y.version.lock());
                self.move_chain(t, ob, x, y, nold);
                wx.changed();
                if let Some(wy) = &mut wy {
                    wy.changed();
                }
                drop(wy);
                drop(wx);
                wo.set_evacuated();
            }
        }
        if i == t.nevacuate.load(Ordering::Relaxed) {
            self.advance_evacuation_mark(guard, t, old);
        }
    }

    /// Moves every live entry of the chain at `ob` to `x` or (doubling) `y`, in slot order,
    /// and marks every old slot, as Go's loop does. The caller holds all three locks.
    fn move_chain(&self, t: &Table, ob: &Bucket, x: &Bucket, y: Option<&Bucket>, nold: usize) {
        let mut dst = [
            Dest { b: x, i: 0 },
            Dest {
                b: y.unwrap_or(x),
                i: 0,
            },
        ];
        let mut b = ob;
        loop {
            let th = b.tophash.load(Ordering::Relaxed);
            let mut marks = th;
            for i in 0..BUCKET_CNT {
                let top = top_at(th, i);
                if is_empty(top) {
                    marks = with_top(marks, i, EVACUATED_EMPTY);
                    continue;
                }
                let key = b.keys[i].load(Ordering::Relaxed);
                let value = b.values[i].load(Ordering::Relaxed);
                // Doubling: the hash bit the larger mask adds picks the half (Go rehashes too).
                let half = usize::from(y.is_some() && self.hash_key(key) as usize & nold != 0);
                dst[half].push(t, top, key, value);
                marks = with_top(marks, i, EVACUATED_X + half as u8);
            }
            b.tophash.store(marks, Ordering::Relaxed);
            let next = b.next();
            if next.is_null() {
                return;
            }
            // SAFETY: a link of the old chain, whose table we are pinned in.
            b = unsafe { &*next };
        }
    }

    /// Go's `advanceEvacuationMark`, by CAS: steps past evacuated buckets (at most Go's
    /// lookahead); the step that passes the last old bucket ends the growth.
    fn advance_evacuation_mark(&self, guard: &Guard, t: &Table, old: &Table) {
        let nold = old.nbuckets();
        for _ in 0..=EVACUATION_LOOKAHEAD {
            let n = t.nevacuate.load(Ordering::Acquire);
            if n >= nold || old.bucket(n).version.peek() & EVACUATED == 0 {
                return;
            }
            if t.nevacuate
                .compare_exchange(n, n + 1, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok()
                && n + 1 == nold
            {
                self.finish_growth(guard, t);
                return;
            }
        }
    }

    /// Every old bucket is evacuated: unlink the old table and retire it. Called once per
    /// growth, by the thread whose CAS moved the mark to the end.
    fn finish_growth(&self, guard: &Guard, t: &Table) {
        let old = t.old.swap(std::ptr::null_mut(), Ordering::AcqRel);
        debug_assert!(!old.is_null());
        // SAFETY: `old` came from `Box::into_raw` (a table is only made current that way), is
        // now unreachable (the current table no longer points at it, and a table that is not
        // current is never made current again), and only this call retires it.
        unsafe { self.reclaim.retire(guard, old) };
    }
}

/// Where evacuated entries go (Go's `evacDst`): a bucket and its next free slot.
struct Dest<'a> {
    b: &'a Bucket,
    i: usize,
}

impl Dest<'_> {
    /// Appends an entry, linking a fresh overflow bucket from `t` when this one is full.
    fn push(&mut self, t: &Table, top: u8, key: u64, value: u64) {
        if self.i == BUCKET_CNT {
            let ovf = t.take_overflow();
            // Release: the new bucket's initialization before the link.
            self.b.overflow.store(ovf, Ordering::Release);
            // SAFETY: just taken from `t`, which owns it as long as itself; the table `t`
            // outlives this evacuation (we are pinned).
            self.b = unsafe { &*ovf };
            self.i = 0;
        }
        let b = self.b;
        b.keys[self.i].store(key, Ordering::Relaxed);
        b.values[self.i].store(value, Ordering::Relaxed);
        let th = b.tophash.load(Ordering::Relaxed);
        b.tophash
            .store(with_top(th, self.i, top), Ordering::Relaxed);
        self.i += 1;
    }
}
