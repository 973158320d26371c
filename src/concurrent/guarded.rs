//! One GoMap behind one lock: [`MutexGoMap`] and [`RwLockGoMap`] (std's `Mutex` / `RwLock`).
//!
//! This is what a Go program does with `sync.Mutex` or `sync.RWMutex` around a `map`, and the
//! baseline the sharded and lock-free contenders must beat: every operation serializes on one
//! cache line. The key is hashed *before* the lock is taken, with the wrapper's own clone of the
//! map's `BuildHasher`, and the hash is passed down (`get_hashed` / `insert_hashed` /
//! `remove_hashed`), so the critical section holds only the bucket walk.
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
use std::sync::{Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// A lock that a panic inside a map operation poisoned: the map may be half-updated, so every
/// later user panics too rather than benchmark a broken map.
const POISONED: &str = "GoMap lock poisoned: a map operation panicked while holding it";

/// `Mutex<GoMap>`: one writer or one reader at a time.
pub struct MutexGoMap<K, V, S = DefaultHashBuilder> {
    hasher: S,
    map: Mutex<GoMap<K, V, S>>,
}

/// `RwLock<GoMap>`: many readers or one writer.
pub struct RwLockGoMap<K, V, S = DefaultHashBuilder> {
    hasher: S,
    map: RwLock<GoMap<K, V, S>>,
}

impl<K: Hash + Eq, V> MutexGoMap<K, V> {
    pub fn with_capacity(n: usize) -> Self {
        Self::with_capacity_and_hasher(n, DefaultHashBuilder::default())
    }
}

impl<K: Hash + Eq, V, S: BuildHasher + Clone> MutexGoMap<K, V, S> {
    /// A map for `n` entries; the wrapper keeps a clone of `hasher` to hash outside the lock.
    pub fn with_capacity_and_hasher(n: usize, hasher: S) -> Self {
        let map = GoMap::with_capacity_and_hasher(n, hasher.clone());
        MutexGoMap {
            hasher,
            map: Mutex::new(map),
        }
    }

    /// The hash `GoMap::hash_key` computes, computed without the lock.
    #[inline(always)]
    pub fn hash_key<Q: ?Sized + Hash>(&self, k: &Q) -> u64 {
        self.hasher.hash_one(k)
    }

    /// The map itself, locked, for anything the wrapper does not forward.
    pub fn lock(&self) -> MutexGuard<'_, GoMap<K, V, S>> {
        self.map.lock().expect(POISONED)
    }

    #[inline(always)]
    pub fn get<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        V: Clone,
    {
        let h = self.hash_key(k);
        self.lock().get_hashed(h, k).cloned()
    }

    #[inline(always)]
    pub fn insert(&self, k: K, v: V) -> Option<V> {
        let h = self.hash_key(&k);
        self.lock().insert_hashed(h, k, v)
    }

    #[inline(always)]
    pub fn remove<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let h = self.hash_key(k);
        self.lock().remove_hashed(h, k)
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<K: Hash + Eq, V> RwLockGoMap<K, V> {
    pub fn with_capacity(n: usize) -> Self {
        Self::with_capacity_and_hasher(n, DefaultHashBuilder::default())
    }
}

impl<K: Hash + Eq, V, S: BuildHasher + Clone> RwLockGoMap<K, V, S> {
    /// A map for `n` entries; the wrapper keeps a clone of `hasher` to hash outside the lock.
    pub fn with_capacity_and_hasher(n: usize, hasher: S) -> Self {
        let map = GoMap::with_capacity_and_hasher(n, hasher.clone());
        RwLockGoMap {
            hasher,
            map: RwLock::new(map),
        }
    }

    /// The hash `GoMap::hash_key` computes, computed without the lock.
    #[inline(always)]
    pub fn hash_key<Q: ?Sized + Hash>(&self, k: &Q) -> u64 {
        self.hasher.hash_one(k)
    }

    pub fn read(&self) -> RwLockReadGuard<'_, GoMap<K, V, S>> {
        self.map.read().expect(POISONED)
    }

    pub fn write(&self) -> RwLockWriteGuard<'_, GoMap<K, V, S>> {
        self.map.write().expect(POISONED)
    }

    #[inline(always)]
    pub fn get<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        V: Clone,
    {
        let h = self.hash_key(k);
        self.read().get_hashed(h, k).cloned()
    }

    #[inline(always)]
    pub fn insert(&self, k: K, v: V) -> Option<V> {
        let h = self.hash_key(&k);
        self.write().insert_hashed(h, k, v)
    }

    #[inline(always)]
    pub fn remove<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let h = self.hash_key(k);
        self.write().remove_hashed(h, k)
    }

    pub fn len(&self) -> usize {
        self.read().len()
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
            assert_eq!(m.hash_key(&k), m.lock().hash_key(&k));
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
