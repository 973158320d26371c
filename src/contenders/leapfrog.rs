//! `leapfrog`: `leapfrog::LeapMap<u64, u64>` with foldhash, a lock-free open-addressing map
//! (Preshing's leapfrog probing: each cell links to the next of its bucket by a byte offset)
//! whose keys and values are atomics in the cells themselves, so no operation allocates or
//! retires anything and no guard exists.
//!
//! API: `get` (a `Ref` to the cell; `Ref::value` loads it, following a migration if one
//! moved the cell), `insert` (insert or replace, returning the old value), `remove`. The
//! trait's update is `insert` too: `LeapMap::update` only replaces, and reports a replace that
//! raced with a remove as `Some(null)` rather than as an insert.
//!
//! What the map reserves, and how the adapter keeps clear of it:
//! - **Hash 0** marks an empty cell (`null_hash`): a key whose hash is 0 would claim a cell
//!   that still looks empty. The map documents this only for its Murmur hasher (which
//!   hashes key 0 to 0); any hasher hashes *some* key to 0 for *some* seed, 2^-64 a key.
//!   The adapter hashes with foldhash, seeded like every map, through [`NonZeroHash`], which
//!   turns a 0 into 1 (`h | (h == 0)`: two instructions an op, no branch; the stored keys
//!   still tell 1 from 0 apart). Keys themselves are not reserved: the map stores them and
//!   compares them after the hash, so our streams' keys, any `u64`, go in unchanged.
//! - **Values `u64::MAX` and `u64::MAX − 1`** (`Value` for `u64`: the redirect marker of a
//!   migration, and the empty value). No bijection of `u64` avoids two values, so these are a
//!   precondition, checked: a write of either panics (a compare and a never-taken branch
//!   per write) instead of hanging a reader (redirect) or making a key vanish (empty). Our
//!   workloads never write them: prefill values are indices below 2^31, insert and update
//!   values fit 32 bits, `shared-write`'s values hold the writer (at most 256) in bits
//!   32..48, so the largest, 0xFFFF_0100_FFFF_FFFF, is far below; `check`'s two writers
//!   write 0..1000.
//!
//! Caveats, from its source (0.3.3): a new table's key words are left uninitialized (only
//! hashes and values are written), and a probe loads a cell's key before comparing its
//! hash, so lookups read uninitialized memory as an integer — undefined behaviour by
//! Rust's rules, harmless on x86-64 in practice (the key is compared only when the hash
//! matched, and a cell's key is written before its value is published). And when two
//! threads insert one absent key at once, the loser of the value CAS returns "replaced"
//! with its own value as the old one, and its value is dropped (the winner's stays):
//! `check` is what says whether that shows. `len` walks the whole table (the map keeps no
//! count); the harness calls it only when no thread runs.
//!
//! Capacity: `with_capacity_and_hasher(n)` makes a table of `n` cells (a power of two), and
//! the map migrates to a table twice its live entries when a neighbourhood overflows — so a
//! prefill of `n` keys migrates once, untimed, to the size it keeps.

use super::hasher::SeededState;
use super::{BuildSpec, Contender, Facts, Handle};
use ::leapfrog::LeapMap;
use std::hash::{BuildHasher, Hasher};

/// The crate, as `Cargo.lock` resolved it (see `build.rs`).
const CRATE: &str = concat!("leapfrog ", env!("GOMAP_BENCH_VERSION_LEAPFROG"));

/// The smallest value the map reserves (`u64::MAX − 1`, the empty value; `u64::MAX` is the
/// migration's redirect).
const FIRST_RESERVED_VALUE: u64 = u64::MAX - 1;

pub struct LeapfrogContender(LeapMap<u64, u64, NonZeroHash>);

impl Contender for LeapfrogContender {
    const NAME: &'static str = "leapfrog";
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        LeapfrogContender(LeapMap::with_capacity_and_hasher(
            spec.capacity,
            NonZeroHash::default(),
        ))
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn facts(&self) -> Facts {
        Facts {
            crate_version: Some(CRATE.into()),
            ..Facts::default()
        }
    }
}

impl LeapfrogContender {
    /// Inserts or replaces; true when the key was present.
    #[inline(always)]
    fn put(&self, k: u64, v: u64) -> bool {
        if v >= FIRST_RESERVED_VALUE {
            reserved_value(v);
        }
        self.0.insert(k, v).is_some()
    }
}

#[cold]
#[inline(never)]
fn reserved_value(v: u64) -> ! {
    panic!("leapfrog reserves the value {v:#x} (u64::MAX and u64::MAX - 1)")
}

impl Handle for &LeapfrogContender {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.0.get(k).and_then(|mut r| r.value())
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        !self.put(k, v)
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        self.0.remove(k).is_some()
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.put(k, v)
    }
}

/// The shared hasher ([`SeededState`]) with hash 0, the map's empty-cell mark, moved to 1.
#[derive(Clone, Default)]
pub struct NonZeroHash(SeededState);

impl BuildHasher for NonZeroHash {
    type Hasher = NonZeroHasher;
    #[inline(always)]
    fn build_hasher(&self) -> NonZeroHasher {
        NonZeroHasher(self.0.build_hasher())
    }
}

/// A hasher (foldhash's, in the map) with every write passed through — the `u64` one too,
/// foldhash's fast path for integer keys — and 0 finished as 1.
pub struct NonZeroHasher<H = <SeededState as BuildHasher>::Hasher>(H);

impl<H: Hasher> Hasher for NonZeroHasher<H> {
    #[inline(always)]
    fn finish(&self) -> u64 {
        let h = self.0.finish();
        h | u64::from(h == 0)
    }
    #[inline(always)]
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }
    #[inline(always)]
    fn write_u64(&mut self, x: u64) {
        self.0.write_u64(x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_foldhash_but_never_zero() {
        let s = NonZeroHash::default();
        for k in [0u64, 1, 7, u64::MAX] {
            let h = s.0.hash_one(k);
            assert_eq!(s.hash_one(k), if h == 0 { 1 } else { h });
        }
        /// A hasher that finishes every key with the value it was last given.
        struct Echo(u64);
        impl Hasher for Echo {
            fn finish(&self) -> u64 {
                self.0
            }
            fn write(&mut self, _: &[u8]) {}
            fn write_u64(&mut self, x: u64) {
                self.0 = x;
            }
        }
        let finish = |x: u64| {
            let mut h = NonZeroHasher(Echo(99));
            h.write_u64(x);
            h.finish()
        };
        assert_eq!((finish(0), finish(1), finish(5)), (1, 1, 5));
    }

    #[test]
    fn reserved_values_panic_instead_of_corrupting() {
        let m = LeapfrogContender::build(&BuildSpec::default());
        let mut h = m.handle();
        assert!(h.insert(1, FIRST_RESERVED_VALUE - 1));
        assert_eq!(h.get(&1), Some(FIRST_RESERVED_VALUE - 1));
        for v in [u64::MAX - 1, u64::MAX] {
            let r =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| m.handle().insert(2, v)));
            assert!(r.is_err(), "{v:#x}");
        }
        assert_eq!(h.get(&2), None);
    }
}
