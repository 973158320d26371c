//! The write paths: Go's `mapassign_fast64` and `mapdelete_fast64`, each under its chain's
//! lock, after its share of the growth (`growWork`).

use super::bucket::{top_at, with_top, Bucket};
use super::reclaim::{pin, Guard};
use super::sync::Ordering;
use super::table::Table;
use super::version::WriteGuard;
use super::ConcurrentGoMap;
use crate::gomap::bucket::{is_empty, tophash, BUCKET_CNT, EMPTY_ONE, EMPTY_REST};
use std::hash::BuildHasher;
use std::ptr;

impl<S: BuildHasher> ConcurrentGoMap<S> {
    /// Inserts or overwrites; returns the old value (Go's `mapassign_fast64`).
    #[inline]
    pub fn insert(&self, key: u64, value: u64) -> Option<u64> {
        self.insert_hashed(self.hash_key(key), key, value)
    }

    /// Removes `key`; returns its value (Go's `mapdelete_fast64`).
    #[inline]
    pub fn remove(&self, key: u64) -> Option<u64> {
        self.remove_hashed(self.hash_key(key), key)
    }

    /// The chain a write of `hash` goes to, locked, after this write's share of evacuation
    /// (Go: `bucket := hash & bucketMask(h.B); if h.growing() { growWork(…) }`). The chain
    /// is never an evacuated one: finding EVACUATED after locking means a growth replaced
    /// the table we loaded, so we start again from the current one.
    #[inline(always)]
    fn lock_chain<'g>(
        &self,
        guard: &'g Guard,
        hash: u64,
    ) -> (&'g Table, &'g Bucket, WriteGuard<'g>) {
        loop {
            let t = self.current(guard);
            if !t.old().is_null() {
                self.grow_work(guard, t, hash);
            }
            let head = t.bucket_of(hash);
            let w = head.version.lock();
            if !w.evacuated() {
                return (t, head, w);
            }
        }
    }

    /// `insert`, the hash computed by the caller with [`hash_key`](Self::hash_key).
    #[inline]
    pub fn insert_hashed(&self, hash: u64, key: u64, value: u64) -> Option<u64> {
        self.insert_in(&pin(), hash, key, value)
    }

    /// `remove`, the hash computed by the caller. Like Go's fast64 delete it compares keys
    /// down the whole chain (no early stop at emptyRest).
    #[inline]
    pub fn remove_hashed(&self, hash: u64, key: u64) -> Option<u64> {
        self.remove_in(&pin(), hash, key)
    }

    /// The insert, under the caller's pin.
    pub(super) fn insert_in(&self, guard: &Guard, hash: u64, key: u64, value: u64) -> Option<u64> {
        loop {
            let (t, head, mut w) = self.lock_chain(guard, hash);
            // Go's walk: the key, or the first empty slot, stopping at emptyRest. We own the
            // chain, so `Relaxed` loads see its latest state (the lock's Acquire ordered us
            // after the previous owner).
            let mut slot: Option<(&Bucket, usize)> = None;
            let mut b = head;
            let last = 'chain: loop {
                let th = b.tophash.load(Ordering::Relaxed);
                for i in 0..BUCKET_CNT {
                    let top = top_at(th, i);
                    if is_empty(top) {
                        if slot.is_none() {
                            slot = Some((b, i));
                        }
                        if top == EMPTY_REST {
                            break 'chain b;
                        }
                        continue;
                    }
                    if b.keys[i].load(Ordering::Relaxed) == key {
                        let old = b.values[i].load(Ordering::Relaxed);
                        b.values[i].store(value, Ordering::Relaxed);
                        w.changed();
                        return Some(old);
                    }
                }
                let next = b.next();
                if next.is_null() {
                    break b;
                }
                // SAFETY: a link of a chain of a table we are pinned in.
                b = unsafe { &*next };
            };
            // A new key. Go grows first when not growing and over the load factor or with
            // too many overflow buckets, then starts over (its `again`): the growth moves
            // the key's bucket.
            if t.old().is_null()
                && (self.count.over_load_factor_after_insert(hash, t.b)
                    || t.too_many_overflow_buckets())
            {
                drop(w);
                self.hash_grow(t);
                continue;
            }
            let (b, i) = slot.unwrap_or_else(|| {
                let ovf = t.take_overflow();
                // Release: the new bucket's initialization before the link (see Bucket).
                last.overflow.store(ovf, Ordering::Release);
                // SAFETY: just taken from `t`, which owns it as long as itself.
                (unsafe { &*ovf }, 0)
            });
            b.keys[i].store(key, Ordering::Relaxed);
            b.values[i].store(value, Ordering::Relaxed);
            let th = b.tophash.load(Ordering::Relaxed);
            b.tophash
                .store(with_top(th, i, tophash(hash)), Ordering::Relaxed);
            self.count.add(hash, 1);
            w.changed();
            return None;
        }
    }

    /// The remove, under the caller's pin.
    pub(super) fn remove_in(&self, guard: &Guard, hash: u64, key: u64) -> Option<u64> {
        let (_t, head, mut w) = self.lock_chain(guard, hash);
        let mut b = head;
        loop {
            let th = b.tophash.load(Ordering::Relaxed);
            for i in 0..BUCKET_CNT {
                if b.keys[i].load(Ordering::Relaxed) == key && !is_empty(top_at(th, i)) {
                    let v = b.values[i].load(Ordering::Relaxed);
                    mark_deleted(head, b, i);
                    self.count.add(hash, -1);
                    w.changed();
                    return Some(v);
                }
            }
            let next = b.next();
            if next.is_null() {
                return None;
            }
            // SAFETY: a link of a chain of a table we are pinned in.
            b = unsafe { &*next };
        }
    }
}

/// Sets slot `i`'s tophash byte (the caller owns the chain).
#[inline(always)]
fn set_top(b: &Bucket, i: usize, top: u8) {
    let th = b.tophash.load(Ordering::Relaxed);
    b.tophash.store(with_top(th, i, top), Ordering::Relaxed);
}

#[inline(always)]
fn top(b: &Bucket, i: usize) -> u8 {
    top_at(b.tophash.load(Ordering::Relaxed), i)
}

/// Go's `mapdelete` tail: slot `i` of `b` becomes emptyOne; if nothing live follows it in
/// the chain, it and the run of emptyOne slots before it become emptyRest, stepping back
/// into earlier buckets of the chain that starts at `first`. (The same rule as
/// `gomap::empty_rest::GoWalk`, which works on plain tophash bytes through `*mut`; here the
/// bytes are atomic words, owned by the caller's lock.)
fn mark_deleted<'a>(first: &'a Bucket, mut b: &'a Bucket, mut i: usize) {
    set_top(b, i, EMPTY_ONE);
    let next_is_rest = if i == BUCKET_CNT - 1 {
        let ovf = b.next();
        // SAFETY: a link of the chain the caller owns.
        ovf.is_null() || top(unsafe { &*ovf }, 0) == EMPTY_REST
    } else {
        top(b, i + 1) == EMPTY_REST
    };
    if !next_is_rest {
        return;
    }
    loop {
        set_top(b, i, EMPTY_REST);
        if i == 0 {
            if ptr::eq(b, first) {
                break;
            }
            // The previous bucket of the chain, found from its head as Go does.
            let c = b;
            b = first;
            while !ptr::eq(b.next(), c) {
                // SAFETY: `c` is in the chain after `b`, so the link is not null.
                b = unsafe { &*b.next() };
            }
            i = BUCKET_CNT - 1;
        } else {
            i -= 1;
        }
        if top(b, i) != EMPTY_ONE {
            break;
        }
    }
}
