//! `skipmap`: `crossbeam_skiplist::SkipMap<u64, u64>`, a lock-free ordered map (no hasher; the
//! capacity hint is ignored, a skip list has none).
//!
//! `SkipMap::insert` replaces silently and returns the new entry, so it cannot say whether the
//! key was new. We insert with `compare_insert(k, v, |_| { saw_old = true; true })` instead: the
//! closure runs only when a node with the key is found (and says "replace"), so `saw_old` tells
//! exactly whether the key was present — no separate `get`, no race between check and insert.

use super::{BuildSpec, Contender, Facts, Handle};
use crossbeam_skiplist::SkipMap;
use std::cell::Cell;

/// The crate, as `Cargo.lock` resolved it (see `build.rs`).
const CRATE: &str = concat!(
    "crossbeam-skiplist ",
    env!("GOMAP_BENCH_VERSION_CROSSBEAM_SKIPLIST")
);

pub struct SkipMapContender(SkipMap<u64, u64>);

impl SkipMapContender {
    /// Inserts or replaces; true when the key was present.
    #[inline]
    fn replace(&self, k: u64, v: u64) -> bool {
        let saw_old = Cell::new(false);
        self.0.compare_insert(k, v, |_| {
            saw_old.set(true);
            true
        });
        saw_old.get()
    }
}

impl Contender for SkipMapContender {
    const NAME: &'static str = "skipmap";
    type Handle<'a> = &'a Self;
    fn build(_spec: &BuildSpec) -> Self {
        SkipMapContender(SkipMap::new())
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn facts(&self) -> Facts {
        Facts {
            insert_api: Some("compare_insert (reports whether the key was present)".into()),
            crate_version: Some(CRATE.into()),
            ..Facts::default()
        }
    }
}

impl Handle for &SkipMapContender {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.0.get(k).map(|e| *e.value())
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        !self.replace(k, v)
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        self.0.remove(k).is_some()
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.replace(k, v)
    }
}
