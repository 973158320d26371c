//! The GoMap contenders: `gomap-mutex`, `gomap-rwlock`, `gomap-sharded`, `gomap-failfast`.
//!
//! These use the generic hashed API, not GoMap's u64 fast path (`get_fast64` …): a sharded map
//! needs the hash to pick the shard, and the lock wrappers hash outside the critical section, so
//! all four hash once in the wrapper and pass the hash down. The fast path belongs to the
//! single-thread `ops` suite.

use super::{BuildSpec, Contender, Handle, Hasher};
use crate::concurrent::sharded::default_shard_count;
use crate::concurrent::{FailFastGoMap, MutexGoMap, RwLockGoMap, ShardedGoMap};

/// The four wrappers share GoMap's API shape (`get` / `insert` / `remove` through `&self`),
/// so one handle body serves them all.
macro_rules! delegate_handle {
    ($t:ident) => {
        impl Handle for &$t {
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
    };
}

/// `gomap-mutex`: one GoMap behind one `std::sync::Mutex`.
pub struct GoMapMutex(MutexGoMap<u64, u64, Hasher>);
/// `gomap-rwlock`: one GoMap behind one `std::sync::RwLock`.
pub struct GoMapRwLock(RwLockGoMap<u64, u64, Hasher>);
/// `gomap-sharded`: cache-padded `RwLock<GoMap>` shards.
pub struct GoMapSharded(ShardedGoMap<u64, u64, Hasher>);
/// `gomap-failfast`: no lock, Go's writer detector. Runs at 1 thread only: it is a detector,
/// not a lock, and with two threads writing it panics `concurrent map writes`, as Go would.
pub struct GoMapFailFast(FailFastGoMap<u64, u64, Hasher>);

impl Contender for GoMapMutex {
    const NAME: &'static str = "gomap-mutex";
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        GoMapMutex(MutexGoMap::with_capacity_and_hasher(
            spec.capacity,
            Hasher::default(),
        ))
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.0.len()
    }
}

delegate_handle!(GoMapMutex);

impl Contender for GoMapRwLock {
    const NAME: &'static str = "gomap-rwlock";
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        GoMapRwLock(RwLockGoMap::with_capacity_and_hasher(
            spec.capacity,
            Hasher::default(),
        ))
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.0.len()
    }
}

delegate_handle!(GoMapRwLock);

impl Contender for GoMapSharded {
    const NAME: &'static str = "gomap-sharded";
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        let shards = spec.shards.unwrap_or_else(default_shard_count);
        GoMapSharded(ShardedGoMap::with_capacity_shards_and_hasher(
            spec.capacity,
            shards,
            Hasher::default(),
        ))
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn facts(&self) -> Vec<(&'static str, serde_json::Value)> {
        vec![("shards", self.0.shard_count().into())]
    }
}

delegate_handle!(GoMapSharded);

impl Contender for GoMapFailFast {
    const NAME: &'static str = "gomap-failfast";
    const MAX_THREADS: Option<u32> = Some(1);
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        GoMapFailFast(FailFastGoMap::with_capacity_and_hasher(
            spec.capacity,
            Hasher::default(),
        ))
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn facts(&self) -> Vec<(&'static str, serde_json::Value)> {
        vec![(
            "failfast_mode",
            "panicking API (Go's behaviour); run at threads=1 only".into(),
        )]
    }
}

// The panicking API: at one thread a panic would be a bug, and the runner reports it.
delegate_handle!(GoMapFailFast);
