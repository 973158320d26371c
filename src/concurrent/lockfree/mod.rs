//! [`ConcurrentGoMap`]: Go's classic map layout for `u64 → u64`, shared by threads, whose
//! readers take no lock and write nothing shared (registry name `gomap-concurrent`).
//!
//! # The design
//! The buckets are Go's (8 slots, tophash bytes, keys together, values together, overflow
//! chains; [`bucket`]), grown by Go's rules: load factor 6.5 (doubling) or as many overflow
//! buckets as regular ones (same-size growth), and evacuated *incrementally*: a write during a
//! growth first moves the old bucket it is about to touch, then the one at the evacuation mark
//! (Go's `growWork`; [`grow`]). Every field a writer may change is an atomic.
//!
//! - **A chain is a seqlock.** Its first bucket carries a version word ([`version`]): a lock
//!   bit, an evacuated bit, a counter. A writer takes the lock bit, changes the chain, and
//!   leaves with the counter bumped. A reader reads the word (waiting while it is locked),
//!   probes the chain with `Relaxed` loads, and reads the word again: equal means the probe
//!   saw one state of the chain; otherwise it starts over. A reader stores nothing but its
//!   epoch pin (its thread's own slot; see [`reclaim`]), except that crossbeam-epoch, once
//!   every 128 pins of a thread, tries to advance the global epoch and frees due garbage.
//! - **Writes are serialized per chain**, by that lock bit. Nothing else is locked on the
//!   write path except what growth needs: *starting* a growth takes the map's `grow_lock`
//!   (it allocates the new table and publishes it; no bucket lock is held meanwhile), and
//!   *evacuating* old bucket i takes old bucket i's lock, then its destinations' locks, X (i)
//!   before Y (i + old count). Lock order is old before new, lower index before higher, and a
//!   thread holding a new bucket's lock takes no other, so no cycle can form.
//! - **The map points at its current table** ([`table`]); a growing table points at the old
//!   one it drains, and the evacuation mark lives in the new table. A growth starts only when
//!   the current table is not growing (Go's `!h.growing()`), ends when the last old bucket is
//!   evacuated: the thread whose CAS moves the mark past it unlinks the old table and retires
//!   it; crossbeam-epoch frees it once no pinned thread can be in it ([`reclaim`]).
//!
//! ```text
//!   map.current ──► Table (B+1) ─ old ─► Table (B)         every chain:
//!                   nevacuate = 2        bucket 0 [EVACUATED]   version │ tophash×8 │ keys×8 │ values×8 │ ovf ─►
//!                                        bucket 1 [EVACUATED]
//!                                        bucket 2 [    v=12 ]  ◄─ a reader of a key of bucket 2 or 2+2^B
//!                                        bucket 3 [ LOCKED  ]     reads here; of bucket 0, in the new table
//!   get(k):    t = current; o = t.old; if o and o[k & oldmask] not EVACUATED: seqlock-read it
//!              else seqlock-read t[k & mask] (EVACUATED there too: t is stale, reload current)
//!   insert(k): t = current; if t.old: evacuate o[k & oldmask], then o[nevacuate]
//!              lock t[k & mask] (EVACUATED: t is stale, start over); Go's assign walk;
//!              new key over the load factor: unlock, start a growth, start over
//!   evacuate(i): lock o[i]; lock X = t[i], Y = t[i + 2^B]; move, mark slots evacuatedX/Y/Empty;
//!                unlock Y, X; unlock o[i] with EVACUATED set; advance nevacuate by CAS
//! ```
//!
//! # Why a reader's answer is right (the memory-ordering argument)
//! Writers store only inside a critical section, which begins with a CAS that sets LOCKED
//! (`Acquire`) followed by a `Release` fence, and ends with one `Release` store of the next
//! word (the counter bumped; or, when nothing was stored, the word it found). Readers load the
//! word with `Acquire` (r1, waiting until it is unlocked), load the chain with `Relaxed`, run
//! an `Acquire` fence, and load the word again with `Relaxed` (r2); they accept iff r1 == r2.
//!
//! 1. *A reader never accepts a store of a section that overlaps it.* Suppose a data load of
//!    the reader read a store S of a section C. C's `Release` fence precedes S, the reader's
//!    `Acquire` fence follows the load: the fences synchronize, so C's locking CAS
//!    happens-before r2, and r2 reads that CAS or a later word (coherence). Words only go
//!    up (the counter is 62 bits; a section that stored nothing restores its own word, and
//!    one that stored S leaves a higher one), and every word from C's CAS to its end is
//!    LOCKED: so r2 is LOCKED or greater than any word before C. r1 is an unlocked word; if
//!    it equals r2, r1 was read after C ended.
//! 2. *A reader sees every section that ended before r1.* r1 reads the final `Release` store
//!    of a section (or a later word), and is `Acquire`: that section's stores, and all that
//!    happened before them, happen-before the reader's loads, which therefore cannot read
//!    anything older (coherence).
//!
//! So an accepted probe read exactly the state after the sections that ended before r1, with
//! none after: the read linearizes at r1. Every load in between is an atomic: there is no
//! data race, even in the probes that get thrown away. Chain links are the one load
//! that must be `Acquire` (and their store `Release`): a reader may follow a link to an
//! overflow bucket allocated during the section it will reject, and its zeroed memory must
//! be visible before it is read.
//!
//! **During a growth.** A key of old bucket i lives in old bucket i until the section that
//! evacuates it ends, and in the new table only after: a writer touches a new bucket only
//! after its own `growWork` saw old bucket i evacuated, and a writer that locks an old bucket
//! and finds it EVACUATED goes to the new table. A reader that validates old bucket i
//! unevacuated read the truth at r1; one that finds it EVACUATED (with `Acquire`, after the
//! evacuation's section ended, which itself happened after the destinations' sections ended)
//! reads the new bucket under that bucket's own seqlock. A reader whose current table was
//! replaced meanwhile finds EVACUATED on the bucket it wanted and reloads the current table.
//!
//! **Memory.** A table (its array and its overflow buckets) is freed only after the growth
//! that drained it ended and every thread pinned at that moment unpinned ([`reclaim`]); every
//! operation pins before loading `current`, so no pointer a thread holds can dangle.
//!
//! # Where it departs from Go (and from [`GoMap`](crate::GoMap)), and why
//! - A version word in each bucket (152 bytes, not 144); Go's header split into tables.
//! - The table is allocated at construction (Go allocates on the first write), so `current`
//!   is never null.
//! - The load-factor test reads a striped count and sums it only near the limit ([`count`]).
//! - Keys are compared by Go's scalar loop, not a vector probe ([`bucket`] says why), and
//!   the delete tail is Go's emptyRest walk rewritten on atomic tophash words (the
//!   single-threaded strategies work on plain bytes through `*mut`).
//! - The evacuation mark moves by CAS, so two writers that finish buckets at once never
//!   lose a step; the one whose step passes the last old bucket ends the growth.
//!
//! ```
//! use gomap_bench::concurrent::ConcurrentGoMap;
//! let m: ConcurrentGoMap = ConcurrentGoMap::with_capacity(0);
//! std::thread::scope(|s| {
//!     s.spawn(|| for k in 0..1000 { m.insert(k, k + 1); });
//!     s.spawn(|| for k in 1000..2000 { m.insert(k, k + 1); });
//! });
//! assert_eq!(m.len(), 2000);
//! assert_eq!(m.get(1500), Some(1501));
//! ```

mod bucket;
mod count;
mod grow;
mod invariants;
mod pinned;
mod reclaim;
mod sync;
mod table;
mod version;
mod write;

#[cfg(loom)]
mod loom_models;
#[cfg(all(test, not(loom)))]
mod tests;

use crate::gomap::{b_for_hint, DefaultHashBuilder};
use count::Count;
pub use pinned::Pinned;
use reclaim::{pin, Guard, Reclaim};
use std::hash::BuildHasher;
use sync::{AtomicPtr, Mutex, Ordering};
use table::Table;
use version::EVACUATED;

/// Go's map layout for `u64 → u64`, shared between threads: lock-free reads, writes locked per
/// bucket chain, incremental growth. See the module docs.
pub struct ConcurrentGoMap<S = DefaultHashBuilder> {
    /// The hasher and its seed (Go's `hash0`).
    hasher: S,
    /// The current table (never null); a growing one points at its old table.
    current: AtomicPtr<Table>,
    /// The entry count (Go's `count`), striped.
    count: Count,
    /// Held while a growth is started: one growth at a time.
    grow_lock: Mutex<()>,
    reclaim: Reclaim,
}

impl ConcurrentGoMap<DefaultHashBuilder> {
    /// A map sized for `hint` entries (B as Go's `makemap` chooses it).
    pub fn with_capacity(hint: usize) -> Self {
        Self::with_capacity_and_hasher(hint, DefaultHashBuilder::default())
    }
}

impl<S: BuildHasher> ConcurrentGoMap<S> {
    pub fn with_capacity_and_hasher(hint: usize, hasher: S) -> Self {
        let table = Box::new(Table::new(b_for_hint(hint), false, std::ptr::null_mut()));
        ConcurrentGoMap {
            hasher,
            current: AtomicPtr::new(Box::into_raw(table)),
            count: Count::new(),
            grow_lock: Mutex::new(()),
            reclaim: Reclaim::default(),
        }
    }

    /// The hash every operation on `key` uses.
    #[inline(always)]
    pub fn hash_key(&self, key: u64) -> u64 {
        self.hasher.hash_one(key)
    }

    /// The current table, valid for as long as the guard.
    #[inline(always)]
    fn current<'g>(&self, _guard: &'g Guard) -> &'g Table {
        // SAFETY: `current` is never null, and a table stops being current only when a growth
        // drains it, after which it is retired, and freed only once every thread pinned now
        // (us, by `_guard`) has unpinned (reclaim.rs). `Acquire` pairs with the `Release`
        // store that published it, so its initialization is visible.
        unsafe { &*self.current.load(Ordering::Acquire) }
    }

    /// The value of `key` (Go's `mapaccess1_fast64`), without a lock.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u64> {
        self.get_hashed(self.hash_key(key), key)
    }

    /// `get`, the hash computed by the caller with [`hash_key`](Self::hash_key).
    #[inline]
    pub fn get_hashed(&self, hash: u64, key: u64) -> Option<u64> {
        let guard = pin();
        self.read::<true, true>(&guard, hash, key)
    }

    /// The read path (`read::<true, true>`). The other three are the deliberately broken
    /// readers the loom models must catch, instantiated only there: `RECHECK = false` trusts
    /// its probe without the second look at the version word; `OLD_FIRST = false` ignores
    /// Go's rule during a growth and reads the new table whether or not the key's old bucket
    /// has moved yet.
    #[inline(always)]
    fn read<const RECHECK: bool, const OLD_FIRST: bool>(
        &self,
        guard: &Guard,
        hash: u64,
        key: u64,
    ) -> Option<u64> {
        loop {
            let t = self.current(guard);
            let old = t.old();
            if OLD_FIRST && !old.is_null() {
                // SAFETY: a table reachable from the current one, under our pin (see `current`).
                let old = unsafe { &*old };
                let ob = old.bucket_of(hash);
                let v = ob.version.read_begin();
                if v & EVACUATED == 0 {
                    // Not yet evacuated: the key, if present, is in the old chain.
                    let found = probe_chain(ob, key);
                    if !RECHECK || ob.version.read_validate(v) {
                        return found;
                    }
                    continue;
                }
            }
            let b = t.bucket_of(hash);
            let v = b.version.read_begin();
            if v & EVACUATED != 0 {
                // `t` was replaced by a growth that has moved this bucket: start from the
                // current table again.
                continue;
            }
            let found = probe_chain(b, key);
            if !RECHECK || b.version.read_validate(v) {
                return found;
            }
        }
    }

    /// Entries now: exact when no writer is inside.
    pub fn len(&self) -> usize {
        self.count.sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// log2 of the current table's bucket count (Go's `B`).
    pub fn bucket_log2(&self) -> u8 {
        let guard = pin();
        self.current(&guard).b
    }

    /// Whether a growth is in progress.
    pub fn is_growing(&self) -> bool {
        let guard = pin();
        !self.current(&guard).old().is_null()
    }
}

/// Go's fast64 lookup over a chain: the first bucket with the key answers.
#[inline(always)]
fn probe_chain(head: &bucket::Bucket, key: u64) -> Option<u64> {
    let mut b = head;
    loop {
        if let Some(v) = b.probe(key) {
            return Some(v);
        }
        let next = b.next();
        if next.is_null() {
            return None;
        }
        // SAFETY: a link of a chain of a table we are pinned in; buckets of a table are freed
        // only with it (table.rs), and the `Acquire` load of the link made the bucket's
        // initialization visible.
        b = unsafe { &*next };
    }
}

impl<S> Drop for ConcurrentGoMap<S> {
    fn drop(&mut self) {
        let t = self.current.load(Ordering::Relaxed);
        // SAFETY: `&mut self`: no thread is inside. The current table and, while growing, its
        // old one are owned by the map (retired tables belong to the reclaimer); each is freed
        // once.
        unsafe {
            let old = (*t).old.load(Ordering::Relaxed);
            if !old.is_null() {
                drop(Box::from_raw(old));
            }
            drop(Box::from_raw(t));
        }
    }
}
