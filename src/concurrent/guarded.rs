//! One GoMap behind one lock: [`MutexGoMap`] and [`RwLockGoMap`] (std's `Mutex` / `RwLock`).
//!
//! This is what a Go program does with `sync.Mutex` or `sync.RWMutex` around a `map`, and the
//! baseline the sharded and lock-free contenders must beat: every operation serializes on one
//! cache line. The key is hashed *before* the lock is taken, with the wrapper's own clone of the
//! map's `BuildHasher`, and the hash is passed down (`get_hashed` / `insert_hashed` /
//! `remove_hashed`), so the critical section holds only the bucket walk.
//!
//! The two wrappers are one type, [`Guarded`], over a [`LockPolicy`]: the only difference
//! between them — whether a lookup may share the lock with other lookups — is the policy's
//! `read`, and it has a name of its own instead of living in two copies of every method.
//! `contenders::locked` puts hashbrown and std's map behind the same two policies.
//!
//! ```
//! use gomap_bench::concurrent::RwLockGoMap;
//! let m: RwLockGoMap<u64, u64> = RwLockGoMap::with_capacity(16);
//! assert_eq!(m.insert(1, 10), None);
//! assert_eq!(m.get(&1), Some(10));
//! assert_eq!(m.remove(&1), Some(10));
//! ```

use crate::gomap::{DefaultHashBuilder, GoMap};
use std::borrow::Borrow;
use std::hash::{BuildHasher, Hash};
use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, RwLock};

/// A lock that a panic inside a map operation poisoned: the map may be half-updated, so every
/// later user panics too rather than benchmark a broken map.
pub const POISONED: &str = "lock poisoned: a map operation panicked while holding it";

/// How one lock guards one value: which std lock, and what a reader takes.
pub trait LockPolicy: 'static {
    type Lock<T>;
    fn new<T>(value: T) -> Self::Lock<T>;
    /// The lock a lookup takes: shared for `RwLock`, exclusive for `Mutex`.
    fn read<T>(lock: &Self::Lock<T>) -> impl Deref<Target = T> + '_;
    /// The lock a write takes: always exclusive.
    fn write<T>(lock: &Self::Lock<T>) -> impl DerefMut<Target = T> + '_;
}

/// `std::sync::Mutex`: one reader or writer at a time.
pub struct Exclusive;

/// `std::sync::RwLock`: many readers or one writer.
pub struct SharedReads;

impl LockPolicy for Exclusive {
    type Lock<T> = Mutex<T>;
    fn new<T>(value: T) -> Mutex<T> {
        Mutex::new(value)
    }
    #[inline(always)]
    fn read<T>(lock: &Mutex<T>) -> impl Deref<Target = T> + '_ {
        lock.lock().expect(POISONED)
    }
    #[inline(always)]
    fn write<T>(lock: &Mutex<T>) -> impl DerefMut<Target = T> + '_ {
        lock.lock().expect(POISONED)
    }
}

impl LockPolicy for SharedReads {
    type Lock<T> = RwLock<T>;
    fn new<T>(value: T) -> RwLock<T> {
        RwLock::new(value)
    }
    #[inline(always)]
    fn read<T>(lock: &RwLock<T>) -> impl Deref<Target = T> + '_ {
        lock.read().expect(POISONED)
    }
    #[inline(always)]
    fn write<T>(lock: &RwLock<T>) -> impl DerefMut<Target = T> + '_ {
        lock.write().expect(POISONED)
    }
}

/// One GoMap behind one lock of policy `P`.
pub struct Guarded<K, V, S, P: LockPolicy> {
    hasher: S,
    map: P::Lock<GoMap<K, V, S>>,
}

/// `Mutex<GoMap>`: one writer or one reader at a time.
pub type MutexGoMap<K, V, S = DefaultHashBuilder> = Guarded<K, V, S, Exclusive>;
/// `RwLock<GoMap>`: many readers or one writer.
pub type RwLockGoMap<K, V, S = DefaultHashBuilder> = Guarded<K, V, S, SharedReads>;

impl<K: Hash + Eq, V, P: LockPolicy> Guarded<K, V, DefaultHashBuilder, P> {
    pub fn with_capacity(n: usize) -> Self {
        Self::with_capacity_and_hasher(n, DefaultHashBuilder::default())
    }
}

impl<K: Hash + Eq, V, S: BuildHasher + Clone, P: LockPolicy> Guarded<K, V, S, P> {
    /// A map for `n` entries; the wrapper keeps a clone of `hasher` to hash outside the lock.
    pub fn with_capacity_and_hasher(n: usize, hasher: S) -> Self {
        let map = GoMap::with_capacity_and_hasher(n, hasher.clone());
        Guarded {
            hasher,
            map: P::new(map),
        }
    }

    /// The hash `GoMap::hash_key` computes, computed without the lock.
    #[inline(always)]
    pub fn hash_key<Q: ?Sized + Hash>(&self, k: &Q) -> u64 {
        self.hasher.hash_one(k)
    }

    /// The map, locked as a lookup locks it.
    pub fn read(&self) -> impl Deref<Target = GoMap<K, V, S>> + '_ {
        P::read(&self.map)
    }

    /// The map, locked as a write locks it.
    pub fn write(&self) -> impl DerefMut<Target = GoMap<K, V, S>> + '_ {
        P::write(&self.map)
    }

    #[inline(always)]
    pub fn get<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        V: Clone,
    {
        let h = self.hash_key(k);
        P::read(&self.map).get_hashed(h, k).cloned()
    }

    #[inline(always)]
    pub fn insert(&self, k: K, v: V) -> Option<V> {
        let h = self.hash_key(&k);
        P::write(&self.map).insert_hashed(h, k, v)
    }

    #[inline(always)]
    pub fn remove<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let h = self.hash_key(k);
        P::write(&self.map).remove_hashed(h, k)
    }

    pub fn len(&self) -> usize {
        P::read(&self.map).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapper_hash_is_the_maps_hash() {
        let m: MutexGoMap<u64, u64> = MutexGoMap::with_capacity(4);
        let r: RwLockGoMap<u64, u64> = RwLockGoMap::with_capacity(4);
        for k in [0u64, 1, 42, u64::MAX] {
            assert_eq!(m.hash_key(&k), m.read().hash_key(&k));
            assert_eq!(r.hash_key(&k), r.read().hash_key(&k));
        }
    }

    #[test]
    fn basic_ops_both_locks() {
        let m: MutexGoMap<u64, u64> = MutexGoMap::with_capacity(0);
        let r: RwLockGoMap<u64, u64> = RwLockGoMap::with_capacity(0);
        for i in 0..1000 {
            assert_eq!(m.insert(i, i * 2), None);
            assert_eq!(r.insert(i, i * 2), None);
        }
        assert_eq!((m.len(), r.len()), (1000, 1000));
        assert_eq!(m.insert(7, 0), Some(14));
        assert_eq!(r.remove(&7), Some(14));
        assert_eq!(r.get(&7), None);
        assert_eq!(m.get(&7), Some(0));
    }
}
