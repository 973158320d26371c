//! The GoMap contenders: `gomap-mutex`, `gomap-rwlock`, `gomap-sharded`, `gomap-failfast`,
//! `gomap-concurrent`.
//!
//! The four wrappers use the generic hashed API, not GoMap's u64 fast path (`get_fast64` …): a
//! sharded map needs the hash to pick the shard, and the lock wrappers hash outside the
//! critical section, so all four hash once in the wrapper and pass the hash down. The fast
//! path belongs to the single-thread `ops` suite. `gomap-concurrent` is Go's layout rebuilt for
//! sharing (`concurrent::lockfree`), u64 → u64 only: its operations are fast64's, and it pins
//! an epoch guard per operation, as `papaya` does.

use super::hasher::SeededState;
use super::locked::LockedName;
use super::{BuildSpec, Contender, Facts, Handle, ThreadLimit};
use crate::concurrent::sharded::default_shard_count;
use crate::concurrent::{
    ConcurrentGoMap, Exclusive, FailFastGoMap, Guarded, LockPolicy, ShardedGoMap, SharedReads,
};
use crate::vocabulary::Role;
use std::marker::PhantomData;

/// The sharded and fail-fast wrappers share GoMap's API shape (`get` / `insert` / `remove`
/// through `&self`), so one handle body serves both.
macro_rules! delegate_handle {
    ([$($generics:tt)*] $t:ty) => {
        impl<$($generics)*> Handle for &$t {
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

/// A GoMap behind one lock of policy `P` (`concurrent::guarded`); `N` names the contender.
pub struct GoMapLocked<P: LockPolicy, N>(Guarded<u64, u64, SeededState, P>, PhantomData<N>);

/// `gomap-mutex`: one GoMap behind one `std::sync::Mutex`.
pub type GoMapMutex = GoMapLocked<Exclusive, GoMapMutexName>;
/// `gomap-rwlock`: one GoMap behind one `std::sync::RwLock`.
pub type GoMapRwLock = GoMapLocked<SharedReads, GoMapRwLockName>;

#[doc(hidden)]
pub struct GoMapMutexName;
impl LockedName for GoMapMutexName {
    const NAME: &'static str = "gomap-mutex";
}
#[doc(hidden)]
pub struct GoMapRwLockName;
impl LockedName for GoMapRwLockName {
    const NAME: &'static str = "gomap-rwlock";
}

/// `gomap-sharded`: cache-padded `RwLock<GoMap>` shards.
pub struct GoMapSharded(ShardedGoMap<u64, u64, SeededState>);
/// `gomap-failfast`: no lock, Go's writer detector.
pub struct GoMapFailFast(FailFastGoMap<u64, u64, SeededState>);
/// `gomap-concurrent`: lock-free reads, a lock per bucket chain for writes.
pub struct GoMapConcurrent(ConcurrentGoMap<SeededState>);

impl<P: LockPolicy, N: LockedName> Contender for GoMapLocked<P, N>
where
    Guarded<u64, u64, SeededState, P>: Send + Sync,
{
    const NAME: &'static str = N::NAME;
    const ROLE: Role = Role::Ours;
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        GoMapLocked(
            Guarded::with_capacity_and_hasher(spec.capacity, SeededState::default()),
            PhantomData,
        )
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.0.len()
    }
}

delegate_handle!([P: LockPolicy, N] GoMapLocked<P, N>);

impl Contender for GoMapSharded {
    const NAME: &'static str = "gomap-sharded";
    const ROLE: Role = Role::Ours;
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        let shards = spec.shards.unwrap_or_else(default_shard_count);
        GoMapSharded(ShardedGoMap::with_capacity_shards_and_hasher(
            spec.capacity,
            shards,
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
            shards: Some(self.0.shard_count()),
            ..Facts::default()
        }
    }
}

delegate_handle!([] GoMapSharded);

impl Contender for GoMapFailFast {
    const NAME: &'static str = "gomap-failfast";
    const ROLE: Role = Role::Ours;
    const THREAD_LIMIT: Option<ThreadLimit> = Some(ThreadLimit {
        max: 1,
        why: "it is a detector, not a lock; concurrent writers would panic \
              `concurrent map writes`, as Go's map would",
    });
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        GoMapFailFast(FailFastGoMap::with_capacity_and_hasher(
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
            failfast_mode: Some("panicking API (Go's behaviour); run at threads=1 only".into()),
            ..Facts::default()
        }
    }
}

// The panicking API: at one thread a panic would be a bug, and the runner reports it.
delegate_handle!([] GoMapFailFast);

impl Contender for GoMapConcurrent {
    const NAME: &'static str = "gomap-concurrent";
    const ROLE: Role = Role::Ours;
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        GoMapConcurrent(ConcurrentGoMap::with_capacity_and_hasher(
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
            guard: Some("pinned per operation".into()),
            ..Facts::default()
        }
    }
}

impl Handle for &GoMapConcurrent {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.0.get(*k)
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.0.insert(k, v).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        self.0.remove(*k).is_some()
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.0.insert(k, v).is_some()
    }
}
