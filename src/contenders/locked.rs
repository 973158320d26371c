//! hashbrown and std's `HashMap` behind one std lock: `hashbrown-mutex`, `hashbrown-rwlock`,
//! `std-mutex`. The same sharing scheme as `gomap-mutex` / `gomap-rwlock` (the same
//! [`LockPolicy`] types), around SwissTable maps, so the difference is the map, not the lock.
//! All use GoMap's hasher; here the map hashes inside the critical section, as a plain
//! `Mutex<HashMap>` user would.

use super::hasher::SeededState;
use super::{BuildSpec, Contender, Handle};
use crate::concurrent::{Exclusive, LockPolicy, SharedReads};
use std::marker::PhantomData;

/// The three operations a locked map needs, over hashbrown's and std's `HashMap` alike.
pub trait PlainMap: Send + Sync + 'static {
    fn with_capacity(n: usize) -> Self;
    fn get(&self, k: &u64) -> Option<u64>;
    fn insert(&mut self, k: u64, v: u64) -> Option<u64>;
    fn remove(&mut self, k: &u64) -> Option<u64>;
    fn len(&self) -> usize;
}

macro_rules! plain_map {
    ($t:ty) => {
        impl PlainMap for $t {
            fn with_capacity(n: usize) -> Self {
                <$t>::with_capacity_and_hasher(n, SeededState::default())
            }
            #[inline(always)]
            fn get(&self, k: &u64) -> Option<u64> {
                <$t>::get(self, k).copied()
            }
            #[inline(always)]
            fn insert(&mut self, k: u64, v: u64) -> Option<u64> {
                <$t>::insert(self, k, v)
            }
            #[inline(always)]
            fn remove(&mut self, k: &u64) -> Option<u64> {
                <$t>::remove(self, k)
            }
            fn len(&self) -> usize {
                <$t>::len(self)
            }
        }
    };
}
plain_map!(hashbrown::HashMap<u64, u64, SeededState>);
plain_map!(std::collections::HashMap<u64, u64, SeededState>);

/// Map `M` behind one lock of policy `P`; `N` names the contender.
pub struct Locked<M, P: LockPolicy, N> {
    map: P::Lock<M>,
    name: PhantomData<N>,
}

/// The registry name of a [`Locked`] contender.
pub trait LockedName: Send + Sync + 'static {
    const NAME: &'static str;
}

macro_rules! locked {
    ($(#[$doc:meta])* $alias:ident, $tag:ident, $name:literal, $map:ty, $policy:ty) => {
        $(#[$doc])*
        pub type $alias = Locked<$map, $policy, $tag>;
        #[doc(hidden)]
        pub struct $tag;
        impl LockedName for $tag {
            const NAME: &'static str = $name;
        }
    };
}

locked!(
    /// `hashbrown-mutex`.
    HashbrownMutex,
    HashbrownMutexName,
    "hashbrown-mutex",
    hashbrown::HashMap<u64, u64, SeededState>,
    Exclusive
);
locked!(
    /// `hashbrown-rwlock`.
    HashbrownRwLock,
    HashbrownRwLockName,
    "hashbrown-rwlock",
    hashbrown::HashMap<u64, u64, SeededState>,
    SharedReads
);
locked!(
    /// `std-mutex`: `Mutex<std::collections::HashMap>` with GoMap's hasher (not SipHash), so
    /// it differs from `hashbrown-mutex` only by std's wrapper.
    StdMutex,
    StdMutexName,
    "std-mutex",
    std::collections::HashMap<u64, u64, SeededState>,
    Exclusive
);

impl<M: PlainMap, P: LockPolicy, N: LockedName> Contender for Locked<M, P, N>
where
    P::Lock<M>: Send + Sync,
{
    const NAME: &'static str = N::NAME;
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        Locked {
            map: P::new(M::with_capacity(spec.capacity)),
            name: PhantomData,
        }
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        P::read(&self.map).len()
    }
}

impl<M: PlainMap, P: LockPolicy, N> Handle for &Locked<M, P, N> {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        P::read(&self.map).get(k)
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        P::write(&self.map).insert(k, v).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        P::write(&self.map).remove(k).is_some()
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        P::write(&self.map).insert(k, v).is_some()
    }
}
