//! hashbrown and std's `HashMap` behind one std lock: `hashbrown-mutex`, `hashbrown-rwlock`,
//! `std-mutex`. The same sharing scheme as `gomap-mutex` / `gomap-rwlock` around SwissTable
//! maps, so the difference is the map, not the lock. All use foldhash; here the map hashes
//! inside the critical section, as a plain `Mutex<HashMap>` user would.

use super::{BuildSpec, Contender, Handle, Hasher};
use std::sync::{Mutex, RwLock};

const POISONED: &str = "lock poisoned: a map operation panicked";

/// `hashbrown-mutex`.
pub struct HashbrownMutex(Mutex<hashbrown::HashMap<u64, u64, Hasher>>);
/// `hashbrown-rwlock`.
pub struct HashbrownRwLock(RwLock<hashbrown::HashMap<u64, u64, Hasher>>);
/// `std-mutex`: `Mutex<std::collections::HashMap>` with foldhash (not SipHash), so it differs
/// from `hashbrown-mutex` only by std's wrapper.
pub struct StdMutex(Mutex<std::collections::HashMap<u64, u64, Hasher>>);

impl Contender for HashbrownMutex {
    const NAME: &'static str = "hashbrown-mutex";
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        HashbrownMutex(Mutex::new(hashbrown::HashMap::with_capacity_and_hasher(
            spec.capacity,
            Hasher::default(),
        )))
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.0.lock().expect(POISONED).len()
    }
}

impl Handle for &HashbrownMutex {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.0.lock().expect(POISONED).get(k).copied()
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.0.lock().expect(POISONED).insert(k, v).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        self.0.lock().expect(POISONED).remove(k).is_some()
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.0.lock().expect(POISONED).insert(k, v).is_some()
    }
}

impl Contender for HashbrownRwLock {
    const NAME: &'static str = "hashbrown-rwlock";
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        HashbrownRwLock(RwLock::new(hashbrown::HashMap::with_capacity_and_hasher(
            spec.capacity,
            Hasher::default(),
        )))
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.0.read().expect(POISONED).len()
    }
}

impl Handle for &HashbrownRwLock {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.0.read().expect(POISONED).get(k).copied()
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.0.write().expect(POISONED).insert(k, v).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        self.0.write().expect(POISONED).remove(k).is_some()
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.0.write().expect(POISONED).insert(k, v).is_some()
    }
}

impl Contender for StdMutex {
    const NAME: &'static str = "std-mutex";
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        StdMutex(Mutex::new(
            std::collections::HashMap::with_capacity_and_hasher(spec.capacity, Hasher::default()),
        ))
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.0.lock().expect(POISONED).len()
    }
}

impl Handle for &StdMutex {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.0.lock().expect(POISONED).get(k).copied()
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.0.lock().expect(POISONED).insert(k, v).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        self.0.lock().expect(POISONED).remove(k).is_some()
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.0.lock().expect(POISONED).insert(k, v).is_some()
    }
}
