//! A table: one bucket array with what Go's header says about it — B, the overflow buckets
//! it owns, its approximate overflow count — and, while it is the target of a growth, the
//! old table it drains and the evacuation mark.
//!
//! Go keeps `buckets`, `oldbuckets`, `B`, `nevacuate`, `noverflow` and the sameSizeGrow flag
//! in one header that a writer rewrites in place. Readers here must find a consistent pair
//! (new array, old array) without a lock, so the pair is one object: the map points at its
//! current table, and a growing table points at its old one (`old`, cleared when the last old
//! bucket is evacuated). B, the mask and whether the growth is a same-size one never change
//! for a table's life; the rest are atomics.

use super::bucket::{empty_buckets, Bucket};
use super::sync::{AtomicPtr, AtomicU32, AtomicUsize, Ordering};
use crate::gomap::locate::{bucket_mask, bucket_shift};
use crate::gomap::{counts_new_overflow, too_many_overflow_buckets};

pub(super) struct Table {
    /// log2 of the regular bucket count (Go's `B`).
    pub(super) b: u8,
    /// `bucketMask(b)`.
    pub(super) mask: usize,
    /// This table is a same-size growth of `old` (Go's `sameSizeGrow` flag, which belongs to
    /// the pair of arrays, so it lives with them).
    pub(super) same_size: bool,
    /// The table being evacuated into this one (Go's `oldbuckets`); null when not growing.
    pub(super) old: AtomicPtr<Table>,
    /// Old buckets below this index are evacuated (Go's `nevacuate`); moves only forward, by CAS.
    pub(super) nevacuate: AtomicUsize,
    /// Approximate count of overflow buckets taken (Go's `noverflow`, sampled the same way).
    noverflow: AtomicU32,
    /// 2^b regular buckets, then the preallocated overflow buckets (2^(b-4) when b >= 4).
    storage: Box<[Bucket]>,
    /// Index of the next unused preallocated overflow bucket (Go's `nextOverflow`).
    next_overflow: AtomicUsize,
}

impl Table {
    /// An empty table of 2^b buckets (Go's `makeBucketArray`), draining `old` when not null.
    pub(super) fn new(b: u8, same_size: bool, old: *mut Table) -> Table {
        let n = bucket_shift(b);
        let prealloc = if b >= 4 { 1usize << (b - 4) } else { 0 };
        Table {
            b,
            mask: bucket_mask(b),
            same_size,
            old: AtomicPtr::new(old),
            nevacuate: AtomicUsize::new(0),
            noverflow: AtomicU32::new(0),
            storage: empty_buckets(n + prealloc),
            next_overflow: AtomicUsize::new(n),
        }
    }

    /// How many regular buckets.
    #[inline(always)]
    pub(super) fn nbuckets(&self) -> usize {
        self.mask + 1
    }

    /// The `i`-th regular bucket (the head of chain `i`).
    #[inline(always)]
    pub(super) fn bucket(&self, i: usize) -> &Bucket {
        debug_assert!(i < self.nbuckets());
        &self.storage[i]
    }

    /// The head of the chain `hash` belongs to.
    #[inline(always)]
    pub(super) fn bucket_of(&self, hash: u64) -> &Bucket {
        &self.storage[hash as usize & self.mask]
    }

    /// The old table, or null when not growing.
    #[inline(always)]
    pub(super) fn old(&self) -> *mut Table {
        self.old.load(Ordering::Acquire)
    }

    /// A fresh, empty overflow bucket for a chain of this table (Go's `newoverflow`, minus
    /// the link, which the caller stores under the chain's lock): a preallocated one while
    /// they last, then one from the allocator. Counted in `noverflow` by Go's sampling rule.
    pub(super) fn take_overflow(&self) -> *mut Bucket {
        if counts_new_overflow(self.b) {
            self.noverflow.fetch_add(1, Ordering::Relaxed);
        }
        let i = self.next_overflow.fetch_add(1, Ordering::Relaxed);
        if i < self.storage.len() {
            // Never handed out before (each index is taken once), so still empty.
            return &self.storage[i] as *const Bucket as *mut Bucket;
        }
        // Freed with the table (`Drop` finds it on its chain: a taken bucket is always linked).
        Box::into_raw(Box::new(Bucket::new()))
    }

    /// Go's `tooManyOverflowBuckets` on this table's count.
    pub(super) fn too_many_overflow_buckets(&self) -> bool {
        let n = self
            .noverflow
            .load(Ordering::Relaxed)
            .min(u32::from(u16::MAX)) as u16;
        too_many_overflow_buckets(n, self.b)
    }

    /// Whether `b` lies in this table's own allocation (as opposed to a one-by-one overflow
    /// bucket).
    fn owns(&self, b: *const Bucket) -> bool {
        self.storage.as_ptr_range().contains(&b)
    }
}

impl Drop for Table {
    fn drop(&mut self) {
        // The one-by-one overflow buckets: every one was linked into exactly one chain right
        // after it was taken, and links are never removed, so walking every chain from its
        // head meets each once. (`old` is not ours: a growing table's old one is freed by the
        // map or by the growth that finishes.)
        for i in 0..self.nbuckets() {
            let mut b = self.storage[i].next();
            while !b.is_null() {
                // SAFETY: `b` is a live bucket of this table's chains (we have `&mut self`:
                // nobody else is looking), allocated by `take_overflow` with `Box` when it is
                // outside `storage`; read its link before freeing it.
                let next = unsafe { (*b).next() };
                if !self.owns(b) {
                    // SAFETY: a one-by-one bucket, reached once (see above).
                    drop(unsafe { Box::from_raw(b) });
                }
                b = next;
            }
        }
    }
}
