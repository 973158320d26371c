//! `dashmap`: `DashMap<u64, u64>` with foldhash. DashMap is the sharded-`RwLock<hashbrown>`
//! design `gomap-sharded` copies, so both get the same shard count (`--shards`, default the next
//! power of two ≥ 4 × cores, which is also DashMap's own default); it is recorded per row.

use super::hasher::SeededState;
use super::{BuildSpec, Contender, Facts, Handle};
use crate::concurrent::sharded::default_shard_count;
use crate::vocabulary::Role;
use ::dashmap::DashMap;

/// The crate, as `Cargo.lock` resolved it (see `build.rs`).
const CRATE: &str = concat!("dashmap ", env!("GOMAP_BENCH_VERSION_DASHMAP"));

pub struct DashMapContender {
    map: DashMap<u64, u64, SeededState>,
    shards: usize,
}

impl Contender for DashMapContender {
    const NAME: &'static str = "dashmap";
    /// The contention suite's reference: the most used concurrent map of the ecosystem,
    /// sharded like `gomap-sharded`, so every other map is divided by it.
    const ROLE: Role = Role::Reference;
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        // DashMap insists on at least 2 shards.
        let shards = spec.shards.unwrap_or_else(default_shard_count).max(2);
        DashMapContender {
            map: DashMap::with_capacity_and_hasher_and_shard_amount(
                spec.capacity,
                SeededState::default(),
                shards,
            ),
            shards,
        }
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.map.len()
    }
    fn facts(&self) -> Facts {
        Facts {
            shards: Some(self.shards),
            crate_version: Some(CRATE.into()),
            ..Facts::default()
        }
    }
}

impl Handle for &DashMapContender {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.map.get(k).map(|r| *r)
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.map.insert(k, v).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        self.map.remove(k).is_some()
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.map.insert(k, v).is_some()
    }
}
