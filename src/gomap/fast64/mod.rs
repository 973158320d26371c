//! The u64 fast path: Go's `mapaccess1_fast64`, `mapassign_fast64`, `mapdelete_fast64`.
//!
//! Go's compiler calls these for any map whose key is 8 bytes wide; Rust has no
//! specialization, so they are explicit methods of `GoMap<u64, V, …>`. What makes them fast
//! is what they leave out:
//! - the key is passed by value and compared directly, 8 bytes at a time: lookups never
//!   compute or compare a tophash; they accept a key only in a non-empty slot;
//! - with B = 0 (one bucket) a lookup does not even hash;
//! - a lookup and a delete do not stop at emptyRest; an assign does.
//!
//! Which key comparison runs is a [`KeyProbe64`] value: Go's scalar loop ([`KeysScalar`]),
//! or a vector compare of all 8 keys (SSE2: four 128-bit compares; AVX2: two 256-bit ones;
//! AVX-512: one). The AVX probes can only be obtained from `detect()`, which checks the CPU, so holding one proves
//! the instructions exist: the check happens once per run, never per probe.

mod keys;
#[cfg(target_arch = "x86_64")]
mod keys_avx2;
#[cfg(target_arch = "x86_64")]
mod keys_avx512;
#[cfg(target_arch = "x86_64")]
mod keys_sse2;

pub use keys::{KeyProbe64, KeysScalar};
#[cfg(target_arch = "x86_64")]
pub use keys_avx2::KeysAvx2;
#[cfg(target_arch = "x86_64")]
pub use keys_avx512::KeysAvx512;
#[cfg(target_arch = "x86_64")]
pub use keys_sse2::KeysSse2;

use super::bucket::{Bucket, BUCKET_CNT};
use super::empty_rest::EmptyRest;
use super::evacuate::Evacuate;
use super::locate::Locate;
use super::probe::Probe;
use super::GoMap;
use std::hash::BuildHasher;

/// The 8 keys of a u64 bucket as plain integers.
#[inline(always)]
fn keys_of<V>(b: &Bucket<u64, V>) -> &[u64; BUCKET_CNT] {
    // SAFETY: `MaybeUninit<u64>` has u64's layout. Every key byte is initialized: buckets
    // are allocated zeroed, slots are only ever written with whole u64 keys, and moving a
    // key out (remove, evacuation) copies it without de-initializing the source. So reading
    // an empty slot yields a stale or zero key, which the probes reject by its tophash.
    unsafe { &*(b.keys.as_ptr() as *const [u64; BUCKET_CNT]) }
}

impl<V, S: BuildHasher, L: Locate, P: Probe, R: EmptyRest, E: Evacuate>
    GoMap<u64, V, S, L, P, R, E>
{
    /// Go's `mapaccess1_fast64`, with Go's scalar key loop.
    #[inline]
    pub fn get_fast64(&self, key: u64) -> Option<&V> {
        self.get_fast64_with(key, KeysScalar)
    }

    /// Go's `mapassign_fast64`: insert or overwrite; returns the old value.
    #[inline]
    pub fn insert_fast64(&mut self, key: u64, value: V) -> Option<V> {
        self.insert_fast64_with(key, value, KeysScalar)
    }

    /// Go's `mapdelete_fast64`.
    #[inline]
    pub fn remove_fast64(&mut self, key: u64) -> Option<V> {
        self.remove_fast64_with(key, KeysScalar)
    }

    /// The slot of `key` in the chain starting at `b`, by key compare alone.
    #[inline(always)]
    fn find_fast64<KP: KeyProbe64>(
        mut b: *mut Bucket<u64, V>,
        key: u64,
        kp: KP,
    ) -> Option<(*mut Bucket<u64, V>, usize)> {
        loop {
            // SAFETY: `b` is a bucket of a live array (the caller's start, then overflow links).
            let bucket = unsafe { &*b };
            bucket.prefetch_slots();
            if let Some(i) = kp.find(&bucket.tophash, keys_of(bucket), key) {
                return Some((b, i));
            }
            if bucket.overflow.is_null() {
                return None;
            }
            b = bucket.overflow;
        }
    }

    /// `get_fast64` with a chosen key probe.
    #[inline(always)]
    pub fn get_fast64_with<KP: KeyProbe64>(&self, key: u64, kp: KP) -> Option<&V> {
        if self.count == 0 {
            return None;
        }
        if self.b == 0 {
            // One bucket, and no growth can be in progress with B = 0: skip the hash.
            let b = self.buckets.bucket(0);
            // SAFETY: a live slot; the reference lives as long as `&self`.
            return Self::find_fast64(b, key, kp)
                .map(|(b, i)| unsafe { (*b).values[i].assume_init_ref() });
        }
        self.get_fast64_hashed_with(self.hash_key(&key), key, kp)
    }

    /// `get_fast64_with`, the hash computed by the caller (with this map's hasher), as the
    /// sharded map does.
    #[inline(always)]
    pub fn get_fast64_hashed_with<KP: KeyProbe64>(
        &self,
        hash: u64,
        key: u64,
        kp: KP,
    ) -> Option<&V> {
        if self.count == 0 {
            return None;
        }
        let b = self.read_bucket(hash);
        // SAFETY: a live slot; the reference lives as long as `&self`.
        Self::find_fast64(b, key, kp).map(|(b, i)| unsafe { (*b).values[i].assume_init_ref() })
    }

    /// `insert_fast64` with a chosen key probe.
    #[inline(always)]
    pub fn insert_fast64_with<KP: KeyProbe64>(&mut self, key: u64, value: V, kp: KP) -> Option<V> {
        self.insert_fast64_hashed_with(self.hash_key(&key), key, value, kp)
    }

    /// `insert_fast64_with`, the hash computed by the caller (with this map's hasher).
    #[inline(always)]
    pub fn insert_fast64_hashed_with<KP: KeyProbe64>(
        &mut self,
        hash: u64,
        key: u64,
        value: V,
        kp: KP,
    ) -> Option<V> {
        // Go's mapassign_fast64 compares keys directly; the rest of the assign is shared.
        self.assign(hash, key, value, |bucket, &key| {
            kp.find(&bucket.tophash, keys_of(bucket), key)
        })
    }

    /// `remove_fast64` with a chosen key probe. Like Go's, it does not stop early at
    /// emptyRest: it compares keys down the whole chain.
    #[inline(always)]
    pub fn remove_fast64_with<KP: KeyProbe64>(&mut self, key: u64, kp: KP) -> Option<V> {
        self.remove_fast64_hashed_with(self.hash_key(&key), key, kp)
    }

    /// `remove_fast64_with`, the hash computed by the caller (with this map's hasher).
    #[inline(always)]
    pub fn remove_fast64_hashed_with<KP: KeyProbe64>(
        &mut self,
        hash: u64,
        key: u64,
        kp: KP,
    ) -> Option<V> {
        if self.count == 0 {
            return None;
        }
        let first = self.write_bucket(hash);
        let (b, i) = Self::find_fast64(first, key, kp)?;
        // SAFETY: a live slot in the chain at `first` of the current array.
        Some(unsafe { self.take_slot(first, b, i) })
    }
}
