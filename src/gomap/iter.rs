//! Iteration in Go's order: a random start bucket and a random slot offset, then every
//! bucket with wrap-around, each chain in order.
//!
//! In the middle of an evacuation a key lives either in an unevacuated old bucket or in
//! the new array, never both. Go's iterator must survive the map growing *under* it, so
//! for every new bucket it re-walks the matching old bucket and rehashes each key to keep
//! only the ones that belong there. A Rust iterator borrows the map, so the state it sees is
//! frozen: we walk each unevacuated old bucket once, in full, when the iterator reaches its
//! first new bucket (X), and skip it at the second (Y). Each live entry comes out exactly
//! once, no hashing needed.

use super::bucket::{is_live, Bucket, BucketArray, BUCKET_CNT};
use super::rand::fastrand;
use std::iter::FusedIterator;
use std::marker::PhantomData;

pub struct Iter<'a, K, V> {
    new: &'a BucketArray<K, V>,
    old: Option<&'a BucketArray<K, V>>,
    same_size: bool,
    /// New buckets visited so far.
    visited: usize,
    start: usize,
    offset: usize,
    /// The chain being walked and the slot within its current bucket.
    b: *const Bucket<K, V>,
    i: usize,
    remaining: usize,
    _marker: PhantomData<(&'a K, &'a V)>,
}

impl<'a, K, V> Iter<'a, K, V> {
    pub(super) fn new(
        new: &'a BucketArray<K, V>,
        old: Option<&'a BucketArray<K, V>>,
        same_size: bool,
        count: usize,
    ) -> Self {
        let r = fastrand() as usize;
        let n = new.nbuckets();
        let start = if n == 0 { 0 } else { r & (n - 1) };
        Iter {
            new,
            old,
            same_size,
            visited: 0,
            start,
            // Go: `uint8(r >> h.B & (bucketCnt - 1))`.
            offset: (r >> n.trailing_zeros().min(63)) & (BUCKET_CNT - 1),
            b: std::ptr::null(),
            i: 0,
            remaining: count,
            _marker: PhantomData,
        }
    }

    /// The chain to walk for new bucket `nb`: the old bucket's while it is not evacuated
    /// (only at its X bucket), else the new bucket's.
    fn chain_for(&self, nb: usize) -> *const Bucket<K, V> {
        if let Some(old) = self.old {
            let nold = old.nbuckets();
            let ob = old.bucket(nb & (nold - 1));
            // SAFETY: `ob` is a bucket of the live old array.
            if unsafe { !(*ob).evacuated() } {
                let is_x = self.same_size || nb < nold;
                return if is_x { ob } else { std::ptr::null() };
            }
        }
        self.new.bucket(nb)
    }
}

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        while self.remaining > 0 {
            if self.b.is_null() {
                if self.visited == self.new.nbuckets() {
                    break;
                }
                let nb = (self.start + self.visited) & (self.new.nbuckets() - 1);
                self.visited += 1;
                self.b = self.chain_for(nb);
                self.i = 0;
                continue;
            }
            if self.i == BUCKET_CNT {
                // SAFETY: `b` is a bucket of a live array borrowed for 'a.
                self.b = unsafe { (*self.b).overflow };
                self.i = 0;
                continue;
            }
            let slot = (self.i + self.offset) & (BUCKET_CNT - 1);
            self.i += 1;
            // SAFETY: as above; a live tophash means an initialized entry, which the map
            // cannot change while it is borrowed for 'a.
            unsafe {
                let b = &*self.b;
                if is_live(b.tophash[slot]) {
                    self.remaining -= 1;
                    return Some((
                        b.keys[slot].assume_init_ref(),
                        b.values[slot].assume_init_ref(),
                    ));
                }
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl<K, V> ExactSizeIterator for Iter<'_, K, V> {}
impl<K, V> FusedIterator for Iter<'_, K, V> {}

// SAFETY: an Iter is a shared borrow of the map's arrays that hands out `&K` / `&V`; it may
// cross threads exactly when those references may.
unsafe impl<K: Sync, V: Sync> Send for Iter<'_, K, V> {}
// SAFETY: as above.
unsafe impl<K: Sync, V: Sync> Sync for Iter<'_, K, V> {}

pub struct Keys<'a, K, V>(pub(super) Iter<'a, K, V>);

impl<'a, K, V> Iterator for Keys<'a, K, V> {
    type Item = &'a K;
    fn next(&mut self) -> Option<&'a K> {
        self.0.next().map(|(k, _)| k)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K, V> ExactSizeIterator for Keys<'_, K, V> {}

pub struct Values<'a, K, V>(pub(super) Iter<'a, K, V>);

impl<'a, K, V> Iterator for Values<'a, K, V> {
    type Item = &'a V;
    fn next(&mut self) -> Option<&'a V> {
        self.0.next().map(|(_, v)| v)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K, V> ExactSizeIterator for Values<'_, K, V> {}
