//! [`FailFastGoMap`]: Go's `concurrent map writes` detection, done soundly.
//!
//! A Go map has no lock. Its header holds a `hashWriting` flag bit: a writer checks it on entry
//! (`fatal("concurrent map writes")` when set), sets it, does its work, checks it is still set
//! and clears it; a reader checks it (`fatal("concurrent map read and map write")`). But Go sets
//! and clears the bit with plain byte read-modify-writes (`h.flags ^= hashWriting`, no LOCK
//! prefix), so two writers can both load the byte, both see the bit clear, and both run — the
//! detection is best effort, and an undetected overlap corrupts the map.
//!
//! This type keeps the idea — a detector, not a lock: nobody ever waits, a conflicting operation
//! fails at once — but makes the claim an atomic read-modify-write on one word, `state`:
//!
//! ```text
//!   bit 31     WRITING: a writer owns the map
//!   bits 0..31 the number of readers registered right now
//! ```
//!
//! - A writer claims with `compare_exchange(0 → WRITING)`. It succeeds only if there was no
//!   writer and no reader; otherwise it fails with `concurrent map writes` (WRITING was set) or
//!   `concurrent map read and map write` (readers were registered).
//! - A reader registers with `fetch_add(1)`. If the value it replaced had WRITING set, it
//!   unregisters and fails with `concurrent map read and map write`.
//!
//! **Why no data race can reach the map.** Every change of `state` is an atomic RMW, so all of
//! them form one total order (the word's modification order), and each RMW reads the value left
//! by the one just before it. A writer's CAS succeeds only when it reads 0; from then until its
//! release every RMW reads a value with WRITING set, so every reader backs off and every other
//! writer's CAS fails — *before* touching the map. While readers are registered the count is
//! non-zero, so no writer's CAS can succeed. Hence `&mut GoMap` exists only while exactly one
//! writer holds WRITING, and `&GoMap` only while no writer does: the aliasing rules of
//! `RwLock<GoMap>`, obtained with `try_` semantics. Ordering: a claim is `Acquire`, a release is
//! `Release`; releases and the later RMWs form a release sequence, so the next successful
//! claimant synchronizes with every earlier release and all earlier map accesses happen-before
//! its own. Failed claims use `Relaxed`: they never touch the map.
//!
//! **Contrast with Go.** Go can miss an overlap (two writers both pass the non-atomic check);
//! this detector never misses an overlap that actually reaches the map, because reaching the map
//! requires winning the claim. It can report an overlap Go would not see: a writer that finds a
//! registered reader fails too (Go's writer never looks for readers), and a reader that is
//! backing off from a writer still counts as registered for that instant.
//!
//! Two APIs: [`insert`](FailFastGoMap::insert) / [`get`](FailFastGoMap::get) /
//! [`remove`](FailFastGoMap::remove) panic with Go's exact message (Go's `fatal` is not even
//! recoverable; a Rust panic at least unwinds), and [`try_insert`](FailFastGoMap::try_insert) /
//! [`try_get`](FailFastGoMap::try_get) / [`try_remove`](FailFastGoMap::try_remove) return a
//! [`ConcurrentMapError`].
//!
//! ```
//! use gomap_bench::concurrent::FailFastGoMap;
//! let m: FailFastGoMap<u64, u64> = FailFastGoMap::with_capacity(8);
//! m.insert(1, 2);
//! assert_eq!(m.try_get(&1), Ok(Some(2)));
//! ```

use crate::gomap::{DefaultHashBuilder, GoMap};
use std::borrow::Borrow;
use std::cell::UnsafeCell;
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::sync::atomic::{AtomicU32, Ordering};

/// The writer bit of `state`.
const WRITING: u32 = 1 << 31;
/// The reader-count bits of `state`.
const READERS: u32 = WRITING - 1;

/// What the detector saw; `Display` prints Go's exact runtime message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConcurrentMapError {
    /// A writer found another writer: `concurrent map writes`.
    Writes,
    /// A reader found a writer, or a writer found readers: `concurrent map read and map write`.
    ReadWrite,
}

impl ConcurrentMapError {
    /// Go's message, word for word.
    pub fn message(self) -> &'static str {
        match self {
            ConcurrentMapError::Writes => "concurrent map writes",
            ConcurrentMapError::ReadWrite => "concurrent map read and map write",
        }
    }
}

impl fmt::Display for ConcurrentMapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for ConcurrentMapError {}

/// A GoMap shared without a lock, watched by Go's writing flag (made atomic).
pub struct FailFastGoMap<K, V, S = DefaultHashBuilder> {
    state: AtomicU32,
    map: UnsafeCell<GoMap<K, V, S>>,
}

// SAFETY: the map is reached only through a claim on `state` (module docs): `&mut GoMap` while a
// single writer holds WRITING, `&GoMap` while readers are registered and no writer is. That is
// exactly `RwLock<GoMap>`'s discipline, so we require what `RwLock<T>: Sync` requires: the map
// may be mutated from (moved into) another thread (`Send`) and read from several at once (`Sync`).
unsafe impl<K, V, S> Sync for FailFastGoMap<K, V, S> where GoMap<K, V, S>: Send + Sync {}

/// Proof of an exclusive claim; releases WRITING on drop (also when the map op panics).
struct WriteClaim<'a>(&'a AtomicU32);

impl Drop for WriteClaim<'_> {
    fn drop(&mut self) {
        // Release: our map writes happen-before the next claimant's accesses.
        self.0.fetch_and(!WRITING, Ordering::Release);
    }
}

/// Proof of a shared claim; unregisters the reader on drop.
struct ReadClaim<'a>(&'a AtomicU32);

impl Drop for ReadClaim<'_> {
    fn drop(&mut self) {
        // Release: our map reads happen-before the next writer's accesses.
        self.0.fetch_sub(1, Ordering::Release);
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn fatal(e: ConcurrentMapError) -> ! {
    panic!("{}", e.message())
}

impl<K: Hash + Eq, V> FailFastGoMap<K, V> {
    pub fn new() -> Self {
        Self::with_capacity(0)
    }

    pub fn with_capacity(n: usize) -> Self {
        Self::with_capacity_and_hasher(n, DefaultHashBuilder::default())
    }
}

impl<K: Hash + Eq, V> Default for FailFastGoMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Hash + Eq, V, S: BuildHasher> FailFastGoMap<K, V, S> {
    pub fn with_capacity_and_hasher(n: usize, hasher: S) -> Self {
        Self::from_map(GoMap::with_capacity_and_hasher(n, hasher))
    }

    pub fn from_map(map: GoMap<K, V, S>) -> Self {
        FailFastGoMap {
            state: AtomicU32::new(0),
            map: UnsafeCell::new(map),
        }
    }

    pub fn into_inner(self) -> GoMap<K, V, S> {
        self.map.into_inner()
    }

    /// The map, through `&mut self`: exclusive by the borrow checker, no claim needed.
    pub fn get_mut(&mut self) -> &mut GoMap<K, V, S> {
        self.map.get_mut()
    }

    fn claim_write(&self) -> Result<WriteClaim<'_>, ConcurrentMapError> {
        // The one place a writer enters: an atomic RMW that must succeed before the map is
        // touched. Acquire pairs with the Release of the previous writer / last reader.
        match self
            .state
            .compare_exchange(0, WRITING, Ordering::Acquire, Ordering::Relaxed)
        {
            Ok(_) => Ok(WriteClaim(&self.state)),
            Err(seen) if seen & WRITING != 0 => Err(ConcurrentMapError::Writes),
            Err(_) => Err(ConcurrentMapError::ReadWrite),
        }
    }

    fn claim_read(&self) -> Result<ReadClaim<'_>, ConcurrentMapError> {
        let prev = self.state.fetch_add(1, Ordering::Acquire);
        if prev & WRITING != 0 {
            // We never touched the map; just take our registration back.
            self.state.fetch_sub(1, Ordering::Relaxed);
            return Err(ConcurrentMapError::ReadWrite);
        }
        // 2^31 - 1 simultaneous readers would carry into WRITING; no machine has that many
        // threads, but a wrong answer here would be unsound, so check.
        assert!(
            prev & READERS != READERS,
            "FailFastGoMap: reader count overflow"
        );
        Ok(ReadClaim(&self.state))
    }

    /// Runs `f` on the map under a write claim.
    #[inline]
    fn with_write<R>(
        &self,
        f: impl FnOnce(&mut GoMap<K, V, S>) -> R,
    ) -> Result<R, ConcurrentMapError> {
        let _claim = self.claim_write()?;
        // SAFETY: `_claim` proves our CAS moved `state` from 0 (no reader, no writer) to WRITING,
        // and no other claim can succeed until `_claim` drops (after `f` returns): every later
        // reader sees WRITING and backs off, every later writer's CAS fails. So this is the only
        // reference to the map for its whole lifetime, and the Acquire CAS ordered us after every
        // earlier access. The reference does not escape `f`.
        let map = unsafe { &mut *self.map.get() };
        Ok(f(map))
    }

    /// Runs `f` on the map under a read claim.
    #[inline]
    fn with_read<R>(&self, f: impl FnOnce(&GoMap<K, V, S>) -> R) -> Result<R, ConcurrentMapError> {
        let _claim = self.claim_read()?;
        // SAFETY: `_claim` proves our fetch_add found WRITING clear, and while our registration
        // counts no writer's CAS (which needs `state == 0`) can succeed, so no `&mut GoMap`
        // exists until `_claim` drops; other readers hold only `&GoMap`. The Acquire RMW ordered
        // us after the last writer's Release. The reference does not escape `f`.
        let map = unsafe { &*self.map.get() };
        Ok(f(map))
    }

    /// Inserts or replaces; fails instead of touching the map when another thread is inside.
    #[inline]
    pub fn try_insert(&self, k: K, v: V) -> Result<Option<V>, ConcurrentMapError> {
        // Hashing happens inside the claim: the hasher lives in the map.
        self.with_write(|m| {
            let h = m.hash_key(&k);
            m.insert_hashed(h, k, v)
        })
    }

    #[inline]
    pub fn try_remove<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> Result<Option<V>, ConcurrentMapError>
    where
        K: Borrow<Q>,
    {
        self.with_write(|m| {
            let h = m.hash_key(k);
            m.remove_hashed(h, k)
        })
    }

    /// The value, cloned out (a reference could not outlive the read claim).
    #[inline]
    pub fn try_get<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> Result<Option<V>, ConcurrentMapError>
    where
        K: Borrow<Q>,
        V: Clone,
    {
        self.with_read(|m| {
            let h = m.hash_key(k);
            m.get_hashed(h, k).cloned()
        })
    }

    pub fn try_len(&self) -> Result<usize, ConcurrentMapError> {
        self.with_read(|m| m.len())
    }

    /// Like Go's `m[k] = v`: panics with `concurrent map writes` (or
    /// `concurrent map read and map write`) when it overlaps another operation.
    #[inline]
    #[track_caller]
    pub fn insert(&self, k: K, v: V) -> Option<V> {
        self.try_insert(k, v).unwrap_or_else(|e| fatal(e))
    }

    /// Like Go's `delete(m, k)`; panics like [`insert`](Self::insert).
    #[inline]
    #[track_caller]
    pub fn remove<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.try_remove(k).unwrap_or_else(|e| fatal(e))
    }

    /// Like Go's `v, ok := m[k]`; panics with `concurrent map read and map write` when a writer
    /// is inside.
    #[inline]
    #[track_caller]
    pub fn get<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        V: Clone,
    {
        self.try_get(k).unwrap_or_else(|e| fatal(e))
    }

    #[track_caller]
    pub fn len(&self) -> usize {
        self.try_len().unwrap_or_else(|e| fatal(e))
    }

    #[track_caller]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_gos() {
        assert_eq!(
            ConcurrentMapError::Writes.to_string(),
            "concurrent map writes"
        );
        assert_eq!(
            ConcurrentMapError::ReadWrite.to_string(),
            "concurrent map read and map write"
        );
    }

    #[test]
    fn single_thread_never_fails_and_state_returns_to_zero() {
        let m: FailFastGoMap<u64, u64> = FailFastGoMap::new();
        for i in 0..1000 {
            assert_eq!(m.try_insert(i, i), Ok(None));
        }
        assert_eq!(m.try_get(&5), Ok(Some(5)));
        assert_eq!(m.try_remove(&5), Ok(Some(5)));
        assert_eq!(m.get(&5), None);
        assert_eq!(m.len(), 999);
        assert_eq!(m.state.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn claims_exclude_each_other() {
        let m: FailFastGoMap<u64, u64> = FailFastGoMap::new();
        {
            let _w = m.claim_write().unwrap();
            assert_eq!(m.try_insert(1, 1).unwrap_err(), ConcurrentMapError::Writes);
            assert_eq!(m.try_get(&1).unwrap_err(), ConcurrentMapError::ReadWrite);
        }
        {
            let _r = m.claim_read().unwrap();
            assert_eq!(m.try_get(&1), Ok(None)); // readers share
            assert_eq!(m.try_remove(&1).unwrap_err(), ConcurrentMapError::ReadWrite);
        }
        assert_eq!(m.state.load(Ordering::Relaxed), 0);
        assert_eq!(m.try_insert(1, 1), Ok(None));
    }
}
