//! One bucket of the concurrent map: Go's `bmap` for u64 → u64 (8 tophash bytes, 8 keys,
//! 8 values, the overflow link) with every field an atomic, and a version word in front.
//!
//! The 8 tophash bytes are one `AtomicU64` (byte i is slot i, little-endian, so in memory
//! it is Go's `tophash [8]uint8`): a reader takes all eight with one load, and a writer,
//! who owns the chain, rewrites the word. Keys and values are `AtomicU64`s read with
//! `Relaxed` loads (on x86_64 a plain `mov`): no byte that a writer may store concurrently
//! is ever read non-atomically. That rules out the single-threaded map's vector key probes
//! (a 256-bit load of eight atomics is not an atomic access in Rust's memory model), so the
//! key compare is Go's own scalar loop.
//!
//! Departure from Go's layout: the version word adds 8 bytes (152 bytes a bucket, against
//! Go's 144). Only a chain's first bucket uses its word (it guards the whole chain); an
//! overflow bucket carries it unused, so that every bucket is one type, as in Go.

use super::sync::{AtomicPtr, AtomicU64, Ordering};
use super::version::Version;
use crate::gomap::bucket::{is_empty, BUCKET_CNT};

/// One bucket. `repr(C)`: the version word, then Go's field order.
#[repr(C)]
pub(super) struct Bucket {
    /// The chain's seqlock (first bucket of a chain only).
    pub(super) version: Version,
    /// Go's `tophash [8]uint8`, as one word.
    pub(super) tophash: AtomicU64,
    pub(super) keys: [AtomicU64; BUCKET_CNT],
    pub(super) values: [AtomicU64; BUCKET_CNT],
    /// The next bucket of the chain; stored `Release` and loaded `Acquire`, so that the
    /// zeroed memory of a freshly allocated bucket is visible to whoever follows the link.
    pub(super) overflow: AtomicPtr<Bucket>,
}

impl Bucket {
    /// An empty bucket: every tophash emptyRest, no overflow, version 0.
    pub(super) fn new() -> Self {
        Bucket {
            version: Version::new(),
            tophash: AtomicU64::new(0),
            keys: std::array::from_fn(|_| AtomicU64::new(0)),
            values: std::array::from_fn(|_| AtomicU64::new(0)),
            overflow: AtomicPtr::new(std::ptr::null_mut()),
        }
    }

    /// The next bucket of the chain, or null.
    #[inline(always)]
    pub(super) fn next(&self) -> *mut Bucket {
        self.overflow.load(Ordering::Acquire)
    }

    /// Go's `mapaccess1_fast64` inner loop on one bucket: compare each key, accept it only in
    /// a non-empty slot; the value of the first match. All loads `Relaxed`: the caller's
    /// version check decides whether what they read is one state.
    #[inline(always)]
    pub(super) fn probe(&self, key: u64) -> Option<u64> {
        let tophash = self.tophash.load(Ordering::Relaxed);
        for i in 0..BUCKET_CNT {
            if self.keys[i].load(Ordering::Relaxed) == key && !is_empty(top_at(tophash, i)) {
                return Some(self.values[i].load(Ordering::Relaxed));
            }
        }
        None
    }
}

/// Slot `i`'s tophash byte in a tophash word.
#[inline(always)]
pub(super) fn top_at(word: u64, i: usize) -> u8 {
    (word >> (8 * i)) as u8
}

/// The tophash word with slot `i`'s byte set to `top`.
#[inline(always)]
pub(super) fn with_top(word: u64, i: usize, top: u8) -> u64 {
    (word & !(0xff << (8 * i))) | (u64::from(top) << (8 * i))
}

/// `n` empty buckets. Outside loom the memory comes zeroed from the allocator, as Go's
/// `makeBucketArray` does (large arrays then cost no page touches until used); loom's atomics
/// are bookkept objects, so under loom each is constructed.
pub(super) fn empty_buckets(n: usize) -> Box<[Bucket]> {
    #[cfg(not(loom))]
    {
        use std::alloc::{self, Layout};
        if n == 0 {
            return Box::new([]);
        }
        let layout = Layout::array::<Bucket>(n).expect("bucket array too large");
        // SAFETY: the layout is non-zero-sized (n > 0, a bucket is 152 bytes). All-zero bytes
        // are a valid empty `Bucket`: std's atomics have the representation of their integer
        // (zero), and a null `AtomicPtr` is all zeros.
        let raw = unsafe { alloc::alloc_zeroed(layout) } as *mut Bucket;
        if raw.is_null() {
            alloc::handle_alloc_error(layout);
        }
        // SAFETY: `raw` is a fresh allocation of exactly `n` initialized buckets, with the
        // layout `Box<[Bucket]>` frees it with.
        unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(raw, n)) }
    }
    #[cfg(loom)]
    {
        (0..n).map(|_| Bucket::new()).collect()
    }
}
