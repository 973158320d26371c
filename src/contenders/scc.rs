//! `scc`: `scc::HashMap` with foldhash. Gets use `read_sync`, scc's shared-read path (a
//! closure run under a shared bucket lock), not `get_sync`, which returns an exclusive
//! `OccupiedEntry` and would make readers contend like writers.

use super::hasher::SeededState;
use super::{BuildSpec, Contender, Facts, Handle};

/// The crate, as `Cargo.lock` resolved it (see `build.rs`).
const CRATE: &str = concat!("scc ", env!("GOMAP_BENCH_VERSION_SCC"));

pub struct SccContender(::scc::HashMap<u64, u64, SeededState>);

impl Contender for SccContender {
    const NAME: &'static str = "scc";
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        SccContender(::scc::HashMap::with_capacity_and_hasher(
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
            read_api: Some("read_sync (shared)".into()),
            crate_version: Some(CRATE.into()),
            ..Facts::default()
        }
    }
}

impl Handle for &SccContender {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.0.read_sync(k, |_, v| *v)
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        // `insert_sync` refuses an existing key instead of replacing it; `upsert_sync` has the
        // trait's insert-or-replace meaning and returns the old value.
        self.0.upsert_sync(k, v).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        self.0.remove_sync(k).is_some()
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.0.upsert_sync(k, v).is_some()
    }
}
