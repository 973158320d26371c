//! `cht`: `cht::HashMap<u64, u64>` with foldhash, a lock-free open-addressing map of atomic
//! pointers to boxed buckets (after Preshing's Junction linear map), resized by copying
//! buckets into a new array, memory reclaimed through `crossbeam-epoch`.
//!
//! API: `get` / `insert` / `remove`, the map's plain calls (each clones the `u64` it returns).
//! Insert-or-replace is `insert`, whose old value says whether the key was present.
//!
//! Guards: none to choose. Every call pins `crossbeam_epoch` itself, once per operation, as
//! `papaya` and `flurry` do in their registered policy; the API offers no way to pass a guard
//! in. Every insert and update allocates a bucket and retires the one it replaces, and a
//! remove leaves a tombstone that only the same key may reuse until the next resize: the
//! map's design, measured as it is. It keeps its length in one shared atomic counter,
//! updated by every insert and remove.
//!
//! Caveats: the crate's last release (0.5.0) dates from 2021. It is licensed
//! **AGPL-3.0-or-later**, the only dependency without a permissive licence: a binary that
//! links it carries AGPL obligations when distributed, whatever this crate's own licence
//! says. So it is an optional dependency: the default build neither links nor registers
//! it, and `--features cht` adds it (as the contender `cht`).
//!
//! Capacity: `with_capacity_and_hasher(n)` holds `n` entries without a resize (an array of
//! the next power of two ≥ 2n buckets).

use super::hasher::SeededState;
use super::{BuildSpec, Contender, Facts, Handle};
use ::cht::HashMap;

/// The crate, as `Cargo.lock` resolved it (see `build.rs`).
const CRATE: &str = concat!("cht ", env!("GOMAP_BENCH_VERSION_CHT"));

pub struct ChtContender(HashMap<u64, u64, SeededState>);

impl Contender for ChtContender {
    const NAME: &'static str = "cht";
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        ChtContender(HashMap::with_capacity_and_hasher(
            spec.capacity,
            SeededState::default(),
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
            guard: Some("pinned per operation, inside the map (crossbeam-epoch)".into()),
            crate_version: Some(CRATE.into()),
            ..Facts::default()
        }
    }
}

impl Handle for &ChtContender {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.0.get(k)
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.0.insert(k, v).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        self.0.remove(k).is_some()
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.0.insert(k, v).is_some()
    }
}
