//! One bucket of the Go map (Go's `bmap`) and the arrays that hold them.
//!
//! A bucket is 8 tophash bytes, then the 8 keys together, then the 8 values together, then
//! the overflow link: the same order as Go, so that `GoMap<u64, u64>` has Go's 144-byte
//! bucket and a lookup touches the same cache lines as Go's does. Keys and values are kept
//! apart (not interleaved) because that avoids padding between, say, a u8 key and a u64 value.
//!
//! Departure from Go: Go stores keys or values over 128 bytes behind a pointer, because its
//! one generic runtime routine must bound a bucket's size. Rust monomorphizes every bucket
//! type, so we keep them inline; only the bucket grows.

use std::alloc::{self, Layout};
use std::mem::MaybeUninit;
use std::ptr::{self, NonNull};

/// Slots per bucket (Go's `bucketCnt`).
pub const BUCKET_CNT: usize = 8;

// The tophash markers. A live slot's tophash is always >= MIN_TOP_HASH, so these never
// collide with a real hash byte.
/// This slot is empty, and so is every later slot of the bucket and of its overflow chain.
pub const EMPTY_REST: u8 = 0;
/// This slot is empty (a later slot may be full).
pub const EMPTY_ONE: u8 = 1;
/// The entry was evacuated to the first half (X) of the new array.
pub const EVACUATED_X: u8 = 2;
/// The entry was evacuated to the second half (Y) of the new array.
pub const EVACUATED_Y: u8 = 3;
/// The slot was empty when its bucket was evacuated.
pub const EVACUATED_EMPTY: u8 = 4;
/// The smallest tophash of a live slot.
pub const MIN_TOP_HASH: u8 = 5;

/// The tophash of a hash: its top byte, lifted above the reserved markers (Go's `tophash`).
#[inline(always)]
pub fn tophash(hash: u64) -> u8 {
    let top = (hash >> 56) as u8;
    if top < MIN_TOP_HASH {
        top + MIN_TOP_HASH
    } else {
        top
    }
}

/// Whether a tophash marks an empty slot (Go's `isEmpty`).
#[inline(always)]
pub fn is_empty(top: u8) -> bool {
    top <= EMPTY_ONE
}

/// Whether a tophash marks a live entry.
#[inline(always)]
pub fn is_live(top: u8) -> bool {
    top >= MIN_TOP_HASH
}

/// One bucket. `repr(C)` keeps Go's field order.
#[repr(C)]
pub struct Bucket<K, V> {
    pub tophash: [u8; BUCKET_CNT],
    pub keys: [MaybeUninit<K>; BUCKET_CNT],
    pub values: [MaybeUninit<V>; BUCKET_CNT],
    pub overflow: *mut Bucket<K, V>,
}

impl<K, V> Bucket<K, V> {
    /// Asks for the cache lines of the bucket's keys and values while its first line (the
    /// tophash bytes) is being loaded and compared.
    ///
    /// In Go's layout a hit reads the tophash line, then the matching key's line, then its
    /// value's line (64 bytes further on for u64 → u64), each address waiting on the compare
    /// before it: on a large map, cache misses in a row. Prefetching the keys' last line and
    /// the values' first and last lines starts them alongside the first. Measured (README):
    /// it shortens hits and removes on large maps and leaves misses unchanged. Inserts ask for
    /// the same lines, which the new entry's key and value are written to: `ab`, insert
    /// pre-sized 2^16 and 2^20 0.90–0.92× of the build without, in-cache sizes unchanged.
    /// (Prefetching, during a growth, the next old bucket to evacuate and its two
    /// destinations measured no gain: insert growing 1.00–1.02×.) Go does not do this; it
    /// changes no layout and no result, only when memory is asked. (Keys or values spanning
    /// more than two lines leave their middle lines to the hardware prefetcher.)
    #[inline(always)]
    pub fn prefetch_slots(&self) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            let keys = self.keys.as_ptr() as *const i8;
            let values = self.values.as_ptr() as *const i8;
            let ks = std::mem::size_of_val(&self.keys);
            let vs = std::mem::size_of_val(&self.values);
            // SAFETY: a prefetch never faults and reads nothing architecturally; every address
            // is inside this bucket.
            unsafe {
                if ks > 0 {
                    _mm_prefetch(keys.add(ks - 1), _MM_HINT_T0);
                }
                if vs > 0 {
                    _mm_prefetch(values, _MM_HINT_T0);
                    _mm_prefetch(values.add(vs - 1), _MM_HINT_T0);
                }
            }
        }
    }

    /// Whether this (old) bucket has been evacuated (Go's `evacuated`): evacuation marks every
    /// slot, so slot 0 tells for the whole chain.
    #[inline(always)]
    pub fn evacuated(&self) -> bool {
        let h = self.tophash[0];
        h > EMPTY_ONE && h < MIN_TOP_HASH
    }
}

/// An array of 2^B buckets plus the overflow buckets that belong to it (Go's `buckets` with
/// `extra.nextOverflow` and `extra.overflow`).
///
/// Like Go's `makeBucketArray`, an array for B >= 4 carries 2^(B-4) preallocated overflow
/// buckets after the 2^B regular ones, handed out by a bump index; when they run out,
/// overflow buckets are allocated one at a time and remembered here so they are freed with
/// the array. The array owns memory only: the map drops the entries before freeing it.
pub struct BucketArray<K, V> {
    ptr: NonNull<Bucket<K, V>>,
    /// 2^B; 0 for the unallocated array of an empty map (Go's `buckets == nil`).
    nbuckets: usize,
    /// Regular plus preallocated overflow buckets in the allocation.
    total: usize,
    /// Index of the next unused preallocated overflow bucket.
    next_overflow: usize,
    /// Overflow buckets allocated one by one.
    extra: Vec<NonNull<Bucket<K, V>>>,
}

impl<K, V> BucketArray<K, V> {
    /// The array of a map that has not allocated yet.
    pub const fn unallocated() -> Self {
        BucketArray {
            ptr: NonNull::dangling(),
            nbuckets: 0,
            total: 0,
            next_overflow: 0,
            extra: Vec::new(),
        }
    }

    /// 2^b zeroed buckets (every tophash emptyRest, every overflow null), plus the
    /// preallocated overflow buckets.
    pub fn new(b: u8) -> Self {
        let nbuckets = 1usize << b;
        let prealloc = if b >= 4 { 1usize << (b - 4) } else { 0 };
        let total = nbuckets + prealloc;
        let layout = Layout::array::<Bucket<K, V>>(total).expect("bucket array too large");
        // SAFETY: a Bucket always has a non-zero size (8 tophash bytes and a pointer), so the
        // layout is non-zero. Zeroed memory is a valid bucket: tophash all EMPTY_REST, keys
        // and values are MaybeUninit, overflow a null pointer.
        let raw = unsafe { alloc::alloc_zeroed(layout) } as *mut Bucket<K, V>;
        let ptr = NonNull::new(raw).unwrap_or_else(|| alloc::handle_alloc_error(layout));
        BucketArray {
            ptr,
            nbuckets,
            total,
            next_overflow: nbuckets,
            extra: Vec::new(),
        }
    }

    #[inline(always)]
    pub fn is_allocated(&self) -> bool {
        self.nbuckets != 0
    }

    #[inline(always)]
    pub fn nbuckets(&self) -> usize {
        self.nbuckets
    }

    /// The `i`-th regular bucket.
    #[inline(always)]
    pub fn bucket(&self, i: usize) -> *mut Bucket<K, V> {
        debug_assert!(i < self.nbuckets);
        // SAFETY: i < nbuckets <= total, so the result stays inside the allocation.
        unsafe { self.ptr.as_ptr().add(i) }
    }

    /// A fresh, zeroed overflow bucket owned by this array (Go's `newoverflow`, minus the
    /// linking and the noverflow count, which are the map's business).
    pub fn take_overflow(&mut self) -> *mut Bucket<K, V> {
        if self.next_overflow < self.total {
            let i = self.next_overflow;
            self.next_overflow += 1;
            // SAFETY: i < total: inside the allocation, and never handed out before, so still
            // zeroed (clear() re-zeroes before resetting the bump index).
            return unsafe { self.ptr.as_ptr().add(i) };
        }
        let layout = Layout::new::<Bucket<K, V>>();
        // SAFETY: non-zero-sized layout; zeroed memory is a valid empty bucket (see `new`).
        let raw = unsafe { alloc::alloc_zeroed(layout) } as *mut Bucket<K, V>;
        let b = NonNull::new(raw).unwrap_or_else(|| alloc::handle_alloc_error(layout));
        self.extra.push(b);
        b.as_ptr()
    }

    /// Every bucket this array owns, used or not: regular, preallocated overflow, and
    /// one-by-one overflow. Unused ones are zeroed, so they hold no live slot.
    pub fn storage(&self) -> impl Iterator<Item = *mut Bucket<K, V>> + '_ {
        let base = self.ptr.as_ptr();
        // SAFETY (of the `add`): i < total stays inside the allocation.
        (0..self.total)
            .map(move |i| unsafe { base.add(i) })
            .chain(self.extra.iter().map(|b| b.as_ptr()))
    }

    /// Drops every live entry in the array's storage and marks its slot empty.
    ///
    /// # Safety
    /// Every slot whose tophash is live must hold an initialized key and value.
    pub unsafe fn drop_entries(&mut self) {
        if !std::mem::needs_drop::<K>() && !std::mem::needs_drop::<V>() {
            return;
        }
        for b in self.storage() {
            for i in 0..BUCKET_CNT {
                // SAFETY: b points to a bucket of this array; live slots are initialized
                // (caller's contract); the tophash is cleared first, so a panicking Drop
                // cannot lead to a second drop of the same slot.
                unsafe {
                    if is_live((*b).tophash[i]) {
                        (*b).tophash[i] = EMPTY_ONE;
                        ptr::drop_in_place((*b).keys[i].as_mut_ptr());
                        ptr::drop_in_place((*b).values[i].as_mut_ptr());
                    }
                }
            }
        }
    }

    /// Empties the array for reuse without freeing it (Go's `mapclear` reuses the array):
    /// the caller has dropped the entries; the regular and preallocated buckets are
    /// re-zeroed and the one-by-one overflow buckets are freed.
    pub fn reset(&mut self) {
        if !self.is_allocated() {
            return;
        }
        // SAFETY: the allocation holds `total` buckets; all-zero bytes are a valid empty bucket.
        unsafe { ptr::write_bytes(self.ptr.as_ptr(), 0, self.total) };
        self.free_extra();
        self.next_overflow = self.nbuckets;
    }

    fn free_extra(&mut self) {
        let layout = Layout::new::<Bucket<K, V>>();
        for b in self.extra.drain(..) {
            // SAFETY: allocated in take_overflow with this very layout, freed once (drained).
            unsafe { alloc::dealloc(b.as_ptr() as *mut u8, layout) };
        }
    }
}

impl<K, V> Drop for BucketArray<K, V> {
    fn drop(&mut self) {
        self.free_extra();
        if self.total != 0 {
            let layout = Layout::array::<Bucket<K, V>>(self.total).expect("layout was valid");
            // SAFETY: allocated in `new` with this very layout; dropped once.
            unsafe { alloc::dealloc(self.ptr.as_ptr() as *mut u8, layout) };
        }
    }
}
