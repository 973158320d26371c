//! The generic path: Go's `mapaccess1`, `mapassign` and `mapdelete` for any `K: Hash + Eq`.
//!
//! A key is hashed once; the hash picks the bucket (reading the old array while that
//! bucket is not yet evacuated, as Go does) and its top byte is matched against the
//! bucket's tophash bytes by the probe strategy `P`, so that keys are compared only where
//! a tophash matches. Writes first help the growth along (`grow_work`), and an insert that
//! would cross the load factor or overflow limit starts one. The u64 keys' specialized
//! path is [`fast64`](super::fast64); both share the header and the buckets of `mod.rs`.

use super::bucket::{tophash, Bucket, BucketArray};
use super::{EmptyRest, Evacuate, GoMap, Locate, Probe};
use std::borrow::Borrow;
use std::hash::{BuildHasher, Hash};
use std::ptr;

impl<K, V, S, L, P, R, E> GoMap<K, V, S, L, P, R, E>
where
    K: Hash + Eq,
    S: BuildHasher,
    L: Locate,
    P: Probe,
    R: EmptyRest,
    E: Evacuate,
{
    /// The hash of a key, by this map's hasher (for wrappers that hash once and pass the
    /// hash down, like the sharded map).
    #[inline(always)]
    pub fn hash_key<Q: Hash + ?Sized>(&self, key: &Q) -> u64 {
        self.hash0.hash_one(key)
    }

    /// Finds the slot of `key` (Go's `mapaccess1`, generic path): tophash first, then key.
    #[inline(always)]
    fn find<Q>(&self, hash: u64, key: &Q) -> Option<(*mut Bucket<K, V>, usize)>
    where
        K: Borrow<Q>,
        Q: Eq + ?Sized,
    {
        if self.count == 0 {
            return None;
        }
        Self::find_in_chain(self.read_bucket(hash), hash, key)
    }

    /// The slot of `key` in the chain starting at `b`: tophash first, then key, stopping at
    /// emptyRest (the walk of Go's `mapaccess1` and `mapdelete`).
    #[inline(always)]
    fn find_in_chain<Q>(
        mut b: *mut Bucket<K, V>,
        hash: u64,
        key: &Q,
    ) -> Option<(*mut Bucket<K, V>, usize)>
    where
        K: Borrow<Q>,
        Q: Eq + ?Sized,
    {
        let top = tophash(hash);
        loop {
            // SAFETY: `b` is a bucket of a live array (the caller's start, then overflow links).
            let bucket = unsafe { &*b };
            bucket.prefetch_slots();
            for i in P::match_byte(&bucket.tophash, top) {
                // SAFETY: a slot whose tophash matches a live tophash is live: initialized.
                if unsafe { bucket.keys[i].assume_init_ref() }.borrow() == key {
                    return Some((b, i));
                }
            }
            if P::has_empty_rest(&bucket.tophash) || bucket.overflow.is_null() {
                return None;
            }
            b = bucket.overflow;
        }
    }

    #[inline]
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.get_hashed(self.hash_key(key), key)
    }

    /// `get` with the hash computed by the caller (with this map's hasher).
    #[inline]
    pub fn get_hashed<Q>(&self, hash: u64, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Eq + ?Sized,
    {
        // SAFETY: `find` returns a live slot; the reference lives as long as `&self`.
        self.find(hash, key)
            .map(|(b, i)| unsafe { (*b).values[i].assume_init_ref() })
    }

    #[inline]
    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let hash = self.hash_key(key);
        // SAFETY: a live slot, borrowed mutably for as long as `&mut self`.
        self.find(hash, key)
            .map(|(b, i)| unsafe { (*b).values[i].assume_init_mut() })
    }

    #[inline]
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.get(key).is_some()
    }

    /// Inserts or overwrites; returns the old value (Go's `mapassign`). On overwrite the map
    /// keeps its key and drops the new one, as `std::collections::HashMap` does.
    #[inline(always)]
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        let hash = self.hash_key(&key);
        self.insert_hashed(hash, key, value)
    }

    /// `insert` with the hash computed by the caller (with this map's hasher).
    #[inline(always)]
    pub fn insert_hashed(&mut self, hash: u64, key: K, value: V) -> Option<V> {
        let top = tophash(hash);
        self.assign(hash, key, value, |bucket, key| {
            P::match_byte(&bucket.tophash, top)
                // SAFETY: matching a live tophash means the slot is live.
                .find(|&i| unsafe { bucket.keys[i].assume_init_ref() } == key)
        })
    }

    /// Go's `mapassign` after the hash, shared by the generic and the fast64 paths, which
    /// differ only in how a bucket is searched for the key (`find_in`: tophash then key, or
    /// keys directly): walk the chain remembering the first empty slot, stop at emptyRest;
    /// overwrite a found key; for a new key, maybe start a growth and search again (Go's
    /// `again`), then fill the remembered slot or a new overflow bucket.
    #[inline(always)]
    pub(crate) fn assign(
        &mut self,
        hash: u64,
        key: K,
        value: V,
        find_in: impl Fn(&Bucket<K, V>, &K) -> Option<usize>,
    ) -> Option<V> {
        if !self.buckets.is_allocated() {
            // Go allocates a single bucket lazily, on the first write.
            self.buckets = BucketArray::new(0);
        }
        loop {
            let mut b = self.write_bucket(hash);
            // Go's `insertb`/`inserti`: the first empty slot of the chain.
            let mut slot: Option<(*mut Bucket<K, V>, usize)> = None;
            let last = loop {
                // SAFETY: `b` is a bucket of the current array (write_bucket, then overflow links).
                let bucket = unsafe { &mut *b };
                bucket.prefetch_slots();
                if let Some(i) = find_in(bucket, &key) {
                    // SAFETY: `find_in` returns live slots only: the value is initialized.
                    let v = unsafe { bucket.values[i].assume_init_mut() };
                    return Some(std::mem::replace(v, value));
                }
                if slot.is_none() {
                    slot = P::match_empty(&bucket.tophash).lowest().map(|i| (b, i));
                }
                if P::has_empty_rest(&bucket.tophash) || bucket.overflow.is_null() {
                    break b;
                }
                b = bucket.overflow;
            };
            // A new key. Growing moves the key's bucket, so start over after it (Go's `again`).
            if self.needs_grow() {
                self.hash_grow();
                continue;
            }
            let (b, i) = slot.unwrap_or_else(|| (self.new_overflow(last), 0));
            // SAFETY: `b`'s slot `i` is empty: found by match_empty or a fresh overflow bucket.
            unsafe { self.write_slot(b, i, tophash(hash), key, value) };
            return None;
        }
    }

    /// Removes `key`; returns its value (Go's `mapdelete`).
    #[inline(always)]
    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let hash = self.hash_key(key);
        self.remove_hashed(hash, key)
    }

    /// `remove` with the hash computed by the caller (with this map's hasher).
    #[inline(always)]
    pub fn remove_hashed<Q>(&mut self, hash: u64, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Eq + ?Sized,
    {
        if self.count == 0 {
            return None;
        }
        let first = self.write_bucket(hash);
        let (b, i) = Self::find_in_chain(first, hash, key)?;
        // SAFETY: a live slot in the chain at `first` of the current array.
        Some(unsafe { self.take_slot(first, b, i) })
    }
}

impl<K, V, S, L: Locate, P: Probe, R: EmptyRest, E: Evacuate> GoMap<K, V, S, L, P, R, E> {
    /// Moves the entry out of a live slot, marks it deleted and drops the key, after the map
    /// is consistent again (so a panicking `Drop` cannot leave it half-updated).
    ///
    /// # Safety
    /// Slot `i` of `b` is live, and `b` is in the chain at `first` of the current array.
    #[inline]
    pub(super) unsafe fn take_slot(
        &mut self,
        first: *mut Bucket<K, V>,
        b: *mut Bucket<K, V>,
        i: usize,
    ) -> V {
        // SAFETY: the slot is live (caller), so both are initialized; marking it deleted right
        // after means they are never read or dropped again through the map.
        let (k, v) = unsafe {
            (
                ptr::read((*b).keys[i].as_ptr()),
                ptr::read((*b).values[i].as_ptr()),
            )
        };
        // SAFETY: forwarded contract.
        unsafe { self.mark_deleted(first, b, i) };
        drop(k);
        v
    }
}
