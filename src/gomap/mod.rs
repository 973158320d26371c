//! `GoMap`: the Go runtime's classic hash map (go1.19 … go1.23 `runtime/map.go`), in Rust.
//!
//! # The design, as Go has it
//! The header (Go's `hmap`) holds the entry count, a flags byte, B (log2 of the bucket
//! count), an approximate count of overflow buckets, the per-map hash seed, the bucket array
//! and, while the map grows, the old bucket array and the evacuation mark `nevacuate`.
//!
//! A hash picks a bucket by its low B bits (`hash & bucketMask(B)`); its top byte becomes the
//! slot's *tophash* (lifted above the reserved markers, see [`bucket`]). A bucket holds 8
//! slots; when they are full, a chain of overflow buckets follows. A lookup walks the chain,
//! compares tophash bytes first and keys only where the tophash matches, and stops at the
//! first `emptyRest` marker, which removal maintains ("nothing after this slot").
//!
//! The map grows when an insert of a new key would put it over the load factor of 6.5
//! entries a bucket (doubling), or when it has as many overflow buckets as regular ones
//! (same-size growth, which compacts the chains that removals left sparse). Growth only
//! allocates the new array; entries move *incrementally*: every insert or remove during a
//! growth first evacuates the old bucket it is about to touch, then one more at `nevacuate`
//! ([`grow`]). Lookups never move anything: they read the old bucket while it is not yet
//! evacuated.
//!
//! # Where we depart from Go, and why
//! - The hasher is a `BuildHasher` type parameter (default foldhash, the harness's hasher
//!   for every contender); its own seed is the per-map seed (Go's `hash0`). Go reseeds when
//!   the map empties; a generic `BuildHasher` cannot be reseeded, so we keep the seed.
//! - Go's `hashWriting` and iterator flag bits police misuse at run time; here the borrow
//!   checker rules out both statically. The flag protocol lives in
//!   `concurrent::failfast`, where a map really is shared.
//! - Large keys and values stay inline (see [`bucket`]); iteration walks an unevacuated old
//!   bucket once, whole (see [`iter`]).
//! - Choices Go hard-codes are type parameters, so one binary measures the variants side
//!   by side: how the bucket index's mask is obtained ([`locate`]), how tophash bytes are
//!   matched ([`probe`]) and how a remove keeps the emptyRest markers ([`empty_rest`]: Go's
//!   slot-by-slot walk back, or one word computed from masks, the default; the bytes are the
//!   same), and how growth moves a bucket ([`evacuate`]: Go's slot loop, the default, or the
//!   live slots from one mask; again the same bytes).
//! - Writes ask for the bucket's key and value lines as soon as the bucket is known, as
//!   lookups do ([`bucket::Bucket::prefetch_slots`]); Go does not.
//!
//! The generic path (Go's `mapaccess1`, `mapassign`, `mapdelete`) is [`generic`]; u64 keys
//! have a specialized path, as Go's `mapaccess1_fast64` & co ([`fast64`]).

pub mod bucket;
pub mod empty_rest;
pub mod evacuate;
pub mod fast64;
mod generic;
mod grow;
mod invariants;
mod iter;
pub mod locate;
pub mod probe;
mod rand;
#[doc(hidden)]
pub mod snapshot;

pub use empty_rest::{DefaultEmptyRest, EmptyRest, GoWalk, RunMask};
pub use evacuate::{DefaultEvacuate, Evacuate, GoSlots, LiveMask};
pub use fast64::{KeyProbe64, KeysScalar};
pub use grow::EVACUATION_LOOKAHEAD;
pub use iter::{Iter, Keys, Values};
pub use locate::{FromB, Locate, Precomputed};
pub use probe::{DefaultProbe, Probe};

use bucket::{Bucket, BucketArray, BUCKET_CNT};
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

/// The default hasher: foldhash, seeded per map. Every contender of the harness that takes a
/// hasher is built with this one.
pub type DefaultHashBuilder = foldhash::fast::RandomState;
/// How [`DefaultHashBuilder`] is named in results files.
pub const DEFAULT_HASHER_NAME: &str = "foldhash::fast::RandomState";

/// Go's flag bit: the current growth is a same-size one.
const SAME_SIZE_GROW: u8 = 8;

/// A hash map with the Go runtime's classic layout. See the module docs.
///
/// `L` picks how the bucket mask is obtained ([`Precomputed`] or [`FromB`]); `P` picks the
/// tophash matching strategy ([`probe`]); `R` picks how a remove maintains the emptyRest
/// markers ([`GoWalk`], Go's loop, or [`RunMask`], the default); `E` how growth moves a
/// bucket ([`GoSlots`], Go's loop and the default, or [`LiveMask`]). Each pair writes the same
/// bytes.
pub struct GoMap<
    K,
    V,
    S = DefaultHashBuilder,
    L = Precomputed,
    P = DefaultProbe,
    R = DefaultEmptyRest,
    E = DefaultEvacuate,
> {
    /// Live entries (Go's `count`, what `len` reads).
    count: usize,
    /// Go's `flags`; only `SAME_SIZE_GROW` is used (see the module docs).
    flags: u8,
    /// log2 of the bucket count.
    b: u8,
    /// Approximate number of overflow buckets (exact below B = 16), Go's `noverflow`.
    noverflow: u16,
    /// `bucketMask(b)`, kept current by `set_b`; read by the `Precomputed` strategy.
    mask: usize,
    /// The hasher and its seed (Go's `hash0`).
    hash0: S,
    buckets: BucketArray<K, V>,
    /// The previous array while growing (Go's `oldbuckets`); `None` otherwise.
    oldbuckets: Option<BucketArray<K, V>>,
    /// Old buckets below this index are evacuated.
    nevacuate: usize,
    _marker: PhantomData<(K, V, L, P, R, E)>,
}

// SAFETY: a GoMap owns its keys and values exactly like a Box or Vec would (the raw
// pointers inside its bucket arrays are never shared with anything else), so it may move to
// another thread when they may, and be shared when shared references to them may.
unsafe impl<K: Send, V: Send, S: Send, L, P, R, E> Send for GoMap<K, V, S, L, P, R, E> {}
// SAFETY: see Send; `&GoMap` only hands out `&K` / `&V`.
unsafe impl<K: Sync, V: Sync, S: Sync, L, P, R, E> Sync for GoMap<K, V, S, L, P, R, E> {}

/// Go's `overLoadFactor`: would `count` entries in 2^B buckets exceed 6.5 a bucket?
/// (13 * (2^B / 2), as Go writes it, so B = 0 allows 8.)
/// Public so that the concurrent map (`concurrent::lockfree`) grows by the same rule.
#[inline]
pub fn over_load_factor(count: usize, b: u8) -> bool {
    count > BUCKET_CNT && count > 13 * (locate::bucket_shift(b) / 2)
}

/// Go's `tooManyOverflowBuckets`: as many overflow buckets as regular ones (capped at 2^15,
/// the range where `noverflow` is exact).
#[inline]
pub fn too_many_overflow_buckets(noverflow: u16, b: u8) -> bool {
    let b = b.min(15);
    noverflow >= 1u16 << b
}

/// Go's `makemap` choice of B: the smallest B for which `hint` entries are not over the load
/// factor.
pub fn b_for_hint(hint: usize) -> u8 {
    let mut b = 0u8;
    while over_load_factor(hint, b) {
        b += 1;
    }
    b
}

/// Go's `incrnoverflow` sampling: whether a new overflow bucket of a map with 2^B buckets is
/// counted in `noverflow`. Always below B = 16; above, with probability 1/2^(B-15), so that
/// the count still approximates "as many overflow buckets as 2^15".
#[inline]
pub fn counts_new_overflow(b: u8) -> bool {
    if b < 16 {
        return true;
    }
    let mask = (1u32 << (b - 15)) - 1;
    rand::fastrand() as u32 & mask == 0
}

impl<K, V> GoMap<K, V, DefaultHashBuilder> {
    /// An empty map; no buckets are allocated until the first insert (as in Go).
    pub fn new() -> Self {
        Self::with_hasher(Default::default())
    }

    /// A map sized for `hint` entries, B chosen as Go's `makemap` chooses it.
    pub fn with_capacity(hint: usize) -> Self {
        Self::with_capacity_and_hasher(hint, Default::default())
    }
}

impl<K, V, S, L: Locate, P: Probe, R: EmptyRest, E: Evacuate> GoMap<K, V, S, L, P, R, E> {
    pub fn with_hasher(hash0: S) -> Self {
        GoMap {
            count: 0,
            flags: 0,
            b: 0,
            noverflow: 0,
            mask: locate::bucket_mask(0),
            hash0,
            buckets: BucketArray::unallocated(),
            oldbuckets: None,
            nevacuate: 0,
            _marker: PhantomData,
        }
    }

    /// Go's `makemap(hint)`: the smallest B for which `hint` entries are not over the load
    /// factor; the array (with its preallocated overflow buckets) is allocated now when B > 0.
    pub fn with_capacity_and_hasher(hint: usize, hash0: S) -> Self {
        let mut m = Self::with_hasher(hash0);
        let b = b_for_hint(hint);
        if b > 0 {
            m.set_b(b);
            m.buckets = BucketArray::new(b);
        }
        m
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.count
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    pub fn hasher(&self) -> &S {
        &self.hash0
    }

    /// log2 of the bucket count (Go's `B`).
    pub fn bucket_log2(&self) -> u8 {
        self.b
    }

    /// Whether an evacuation is in progress.
    pub fn is_growing(&self) -> bool {
        self.oldbuckets.is_some()
    }

    /// Whether the growth in progress is a same-size one.
    pub fn is_same_size_growing(&self) -> bool {
        self.flags & SAME_SIZE_GROW != 0
    }

    /// Old buckets below this index are evacuated (Go's `nevacuate`).
    pub fn evacuation_mark(&self) -> usize {
        self.nevacuate
    }

    /// Removes every entry, keeping the bucket array for reuse (Go's `mapclear`).
    pub fn clear(&mut self) {
        // Forget the old array first: its unevacuated entries are dropped with it.
        if let Some(mut old) = self.oldbuckets.take() {
            // SAFETY: live slots of the old array hold initialized entries.
            unsafe { old.drop_entries() };
        }
        self.flags &= !SAME_SIZE_GROW;
        self.nevacuate = 0;
        self.noverflow = 0;
        // Zero the count before running Drop impls: a panicking Drop then leaves an empty map.
        self.count = 0;
        // SAFETY: live slots of the array hold initialized entries.
        unsafe { self.buckets.drop_entries() };
        self.buckets.reset();
    }

    /// Sets B and the precomputed mask together: the mask's one home.
    #[inline]
    fn set_b(&mut self, b: u8) {
        self.b = b;
        self.mask = locate::bucket_mask(b);
    }

    /// The current bucket mask, by the `L` strategy.
    #[inline(always)]
    fn bucket_mask(&self) -> usize {
        L::mask(self.b, self.mask)
    }

    /// The bucket a read of `hash` must search (Go's lookup prologue): the new bucket, unless
    /// the map is growing and the corresponding old bucket is not yet evacuated.
    #[inline(always)]
    fn read_bucket(&self, hash: u64) -> *mut Bucket<K, V> {
        let mut m = self.bucket_mask();
        let b = self.buckets.bucket(hash as usize & m);
        if let Some(old) = &self.oldbuckets {
            if !self.is_same_size_growing() {
                // There used to be half as many buckets; mask down one more power of two.
                m >>= 1;
            }
            let ob = old.bucket(hash as usize & m);
            // SAFETY: `ob` points into the live old array.
            if unsafe { !(*ob).evacuated() } {
                return ob;
            }
        }
        b
    }

    /// The bucket a write of `hash` goes to, after doing this write's share of evacuation
    /// (Go: `bucket := hash & bucketMask(h.B); if h.growing() { growWork(…) }`).
    #[inline(always)]
    fn write_bucket(&mut self, hash: u64) -> *mut Bucket<K, V>
    where
        K: Hash,
        S: BuildHasher,
    {
        let i = hash as usize & self.bucket_mask();
        if self.oldbuckets.is_some() {
            self.grow_work(i);
        }
        self.buckets.bucket(i)
    }

    /// Links a fresh overflow bucket after `b` (Go's `newoverflow`).
    #[cold]
    fn new_overflow(&mut self, b: *mut Bucket<K, V>) -> *mut Bucket<K, V> {
        let ovf = self.buckets.take_overflow();
        self.incr_noverflow();
        // SAFETY: `b` is a bucket of the current array, the end of its chain.
        unsafe { (*b).overflow = ovf };
        ovf
    }

    /// Go's `incrnoverflow`: exact below B = 16; above, incremented with probability
    /// 1/2^(B-15), so that it still approximates "as many overflow buckets as 2^15".
    fn incr_noverflow(&mut self) {
        if counts_new_overflow(self.b) {
            self.noverflow = self.noverflow.wrapping_add(1);
        }
    }

    /// Whether inserting one more key must first start a growth (Go's check in `mapassign`).
    #[inline(always)]
    fn needs_grow(&self) -> bool {
        self.oldbuckets.is_none()
            && (over_load_factor(self.count + 1, self.b)
                || too_many_overflow_buckets(self.noverflow, self.b))
    }

    /// Writes a new entry into slot `i` of `b`, which is empty.
    ///
    /// # Safety
    /// `b` is a bucket of the current array and slot `i` is empty.
    #[inline(always)]
    unsafe fn write_slot(&mut self, b: *mut Bucket<K, V>, i: usize, top: u8, key: K, value: V) {
        // SAFETY: caller's contract: an empty slot of a live bucket, so nothing is overwritten
        // that needs dropping.
        unsafe {
            (*b).keys[i].write(key);
            (*b).values[i].write(value);
            (*b).tophash[i] = top;
        }
        self.count += 1;
    }

    /// Marks slot `i` of `b` deleted, after its entry was moved out, and keeps the emptyRest
    /// markers exact (Go's tail of `mapdelete`), by the `R` strategy ([`empty_rest`]).
    ///
    /// # Safety
    /// `b` is in the chain that starts at `first`, in the current array; slot `i` was live.
    #[inline]
    unsafe fn mark_deleted(&mut self, first: *mut Bucket<K, V>, b: *mut Bucket<K, V>, i: usize) {
        // SAFETY: forwarded contract.
        unsafe { R::mark_deleted(first, b, i) };
        self.count -= 1;
    }

    /// An iterator over `(&K, &V)`, in Go's randomized order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter::new(
            &self.buckets,
            self.oldbuckets.as_ref(),
            self.is_same_size_growing(),
            self.count,
        )
    }

    pub fn keys(&self) -> Keys<'_, K, V> {
        Keys(self.iter())
    }

    pub fn values(&self) -> Values<'_, K, V> {
        Values(self.iter())
    }
}

impl<K, V, S, L, P, R, E> Drop for GoMap<K, V, S, L, P, R, E> {
    fn drop(&mut self) {
        // SAFETY: in both arrays, exactly the live slots hold initialized entries; evacuated
        // old slots carry evacuation marks, not live tophashes, so nothing drops twice.
        unsafe {
            if let Some(old) = &mut self.oldbuckets {
                old.drop_entries();
            }
            self.buckets.drop_entries();
        }
    }
}

impl<K, V, S: Default, L: Locate, P: Probe, R: EmptyRest, E: Evacuate> Default
    for GoMap<K, V, S, L, P, R, E>
{
    fn default() -> Self {
        Self::with_hasher(S::default())
    }
}

impl<K, V, S, L, P, R, E> Clone for GoMap<K, V, S, L, P, R, E>
where
    K: Hash + Eq + Clone,
    V: Clone,
    S: BuildHasher + Clone,
    L: Locate,
    P: Probe,
    R: EmptyRest,
    E: Evacuate,
{
    /// A map with the same entries and hasher, built by inserting them (so its layout is
    /// that of a fresh map, not a copy of this one's chains or evacuation state).
    fn clone(&self) -> Self {
        let mut m = Self::with_capacity_and_hasher(self.count, self.hash0.clone());
        for (k, v) in self.iter() {
            m.insert(k.clone(), v.clone());
        }
        m
    }
}

impl<K: fmt::Debug, V: fmt::Debug, S, L: Locate, P: Probe, R: EmptyRest, E: Evacuate> fmt::Debug
    for GoMap<K, V, S, L, P, R, E>
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K, V, S, L, P, R, E> Extend<(K, V)> for GoMap<K, V, S, L, P, R, E>
where
    K: Hash + Eq,
    S: BuildHasher,
    L: Locate,
    P: Probe,
    R: EmptyRest,
    E: Evacuate,
{
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<K, V, S, L, P, R, E> FromIterator<(K, V)> for GoMap<K, V, S, L, P, R, E>
where
    K: Hash + Eq,
    S: BuildHasher + Default,
    L: Locate,
    P: Probe,
    R: EmptyRest,
    E: Evacuate,
{
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let iter = iter.into_iter();
        let mut m = Self::with_capacity_and_hasher(iter.size_hint().0, S::default());
        m.extend(iter);
        m
    }
}

impl<'a, K, V, S, L: Locate, P: Probe, R: EmptyRest, E: Evacuate> IntoIterator
    for &'a GoMap<K, V, S, L, P, R, E>
{
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Iter<'a, K, V> {
        self.iter()
    }
}

#[cfg(test)]
mod tests;
