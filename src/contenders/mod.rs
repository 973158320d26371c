//! Every map under test behind one small trait, and the registry (name → contender).
//! The single-thread suites use their own, even smaller trait: [`single`].
//!
//! The trait is bustle's shape: a [`Contender`] is built once (capacity hint), each thread
//! makes its own [`Handle`] once, outside the timed loop, and the timed loop calls the handle's
//! four methods on `u64 → u64`. Every method reports what happened (hit, new key, removed,
//! key was present), so that the harness can check every operation's outcome against the one
//! the workload predicts.
//!
//! The registry keeps monomorphization: [`visit`] maps a name to a call of
//! [`ContenderVisitor::visit::<C>`], so the harness's generic timed loop is compiled once per
//! contender and never calls through `dyn`.
//!
//! | name | what | hasher |
//! |---|---|---|
//! | `gomap-mutex` | `Mutex<GoMap>` | foldhash |
//! | `gomap-rwlock` | `RwLock<GoMap>` | foldhash |
//! | `gomap-sharded` | N cache-padded `RwLock<GoMap>` shards | foldhash |
//! | `gomap-failfast` | GoMap + Go's writer detector; 1 thread only | foldhash |
//! | `dashmap` | `DashMap` | foldhash |
//! | `hashbrown-mutex` / `hashbrown-rwlock` | `Mutex` / `RwLock<hashbrown::HashMap>` | foldhash |
//! | `std-mutex` | `Mutex<std::collections::HashMap>` | foldhash |
//! | `papaya` | `papaya::HashMap`, a guard pinned per operation | foldhash |
//! | `skipmap` | `crossbeam_skiplist::SkipMap` (ordered, no hasher) | — |
//! | `scc` | `scc::HashMap`, shared-read `read_sync` for gets | foldhash |
//! | `null` | no map at all: the harness's own cost per op | — |

mod dashmap;
mod gomap;
mod locked;
mod null;
mod papaya;
mod scc;
pub mod single;
mod skipmap;

pub use self::dashmap::DashMapContender;
pub use self::gomap::{GoMapFailFast, GoMapMutex, GoMapRwLock, GoMapSharded};
pub use self::locked::{HashbrownMutex, HashbrownRwLock, StdMutex};
pub use self::null::Null;
pub use self::papaya::PapayaContender;
pub use self::scc::SccContender;
pub use self::skipmap::SkipMapContender;

/// The hasher of every contender that takes one.
pub type Hasher = foldhash::fast::RandomState;
/// How [`Hasher`] is named in results files.
pub const HASHER_NAME: &str = "foldhash::fast::RandomState";

/// How a contender is built.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BuildSpec {
    /// Capacity hint (0: none, the map grows from empty).
    pub capacity: usize,
    /// Shard count for sharded contenders (`None`: the contender's default).
    pub shards: Option<usize>,
}

/// A map under test, shared by all threads of a cell.
pub trait Contender: Send + Sync + Sized + 'static {
    /// The registry name, also the `map` of every result row.
    const NAME: &'static str;
    /// The most threads it may run with (`gomap-failfast`: 1, since it panics on overlap).
    const MAX_THREADS: Option<u32> = None;
    /// False only for `null`, whose answers mean nothing and are not validated.
    const DOES_MAP_WORK: bool = true;

    /// One thread's view of the map, made once per thread outside the timed loop.
    type Handle<'a>: Handle
    where
        Self: 'a;

    fn build(spec: &BuildSpec) -> Self;
    fn handle(&self) -> Self::Handle<'_>;
    /// Entries now (called when no thread is running).
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Facts recorded with every row of this contender (`shards`, guard policy, …).
    fn facts(&self) -> Vec<(&'static str, serde_json::Value)> {
        Vec::new()
    }
}

/// The four operations of the timed loop. Each reports its outcome exactly.
pub trait Handle {
    /// The value, if the key is present.
    fn get(&mut self, k: &u64) -> Option<u64>;
    /// Inserts or replaces; true when the key was new.
    fn insert(&mut self, k: u64, v: u64) -> bool;
    /// True when the key was present (and is now gone).
    fn remove(&mut self, k: &u64) -> bool;
    /// Overwrites the value (inserting when absent); true when the key was present.
    fn update(&mut self, k: u64, v: u64) -> bool;
}

/// A callback generic over the contender type: the registry's way to hand out a type.
pub trait ContenderVisitor {
    type Output;
    fn visit<C: Contender>(self) -> Self::Output;
}

/// Every registered name, in the order runs use by default.
pub const NAMES: &[&str] = &[
    GoMapMutex::NAME,
    GoMapRwLock::NAME,
    GoMapSharded::NAME,
    GoMapFailFast::NAME,
    DashMapContender::NAME,
    HashbrownMutex::NAME,
    HashbrownRwLock::NAME,
    StdMutex::NAME,
    PapayaContender::NAME,
    SkipMapContender::NAME,
    SccContender::NAME,
    Null::NAME,
];

/// An unknown contender name; `Display` is one line listing the known ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownContender(pub String);

impl std::fmt::Display for UnknownContender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown map '{}' (known: {})", self.0, NAMES.join(", "))
    }
}

impl std::error::Error for UnknownContender {}

/// Calls `v.visit::<C>()` with the contender registered as `name`.
pub fn visit<V: ContenderVisitor>(name: &str, v: V) -> Result<V::Output, UnknownContender> {
    Ok(match name {
        GoMapMutex::NAME => v.visit::<GoMapMutex>(),
        GoMapRwLock::NAME => v.visit::<GoMapRwLock>(),
        GoMapSharded::NAME => v.visit::<GoMapSharded>(),
        GoMapFailFast::NAME => v.visit::<GoMapFailFast>(),
        DashMapContender::NAME => v.visit::<DashMapContender>(),
        HashbrownMutex::NAME => v.visit::<HashbrownMutex>(),
        HashbrownRwLock::NAME => v.visit::<HashbrownRwLock>(),
        StdMutex::NAME => v.visit::<StdMutex>(),
        PapayaContender::NAME => v.visit::<PapayaContender>(),
        SkipMapContender::NAME => v.visit::<SkipMapContender>(),
        SccContender::NAME => v.visit::<SccContender>(),
        Null::NAME => v.visit::<Null>(),
        _ => return Err(UnknownContender(name.to_string())),
    })
}

/// Checks a name without running anything.
pub fn check_name(name: &str) -> Result<(), UnknownContender> {
    if NAMES.contains(&name) {
        Ok(())
    } else {
        Err(UnknownContender(name.to_string()))
    }
}

/// The thread limit of a registered contender (`None`: unlimited or unknown name).
pub fn max_threads(name: &str) -> Option<u32> {
    struct Max;
    impl ContenderVisitor for Max {
        type Output = Option<u32>;
        fn visit<C: Contender>(self) -> Option<u32> {
            C::MAX_THREADS
        }
    }
    visit(name, Max).ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Smoke;
    impl ContenderVisitor for Smoke {
        type Output = ();
        fn visit<C: Contender>(self) {
            let c = C::build(&BuildSpec {
                capacity: 16,
                shards: Some(4),
            });
            let mut h = c.handle();
            if !C::DOES_MAP_WORK {
                return;
            }
            assert!(h.insert(1, 10), "{}", C::NAME);
            assert!(!h.insert(1, 11), "{}", C::NAME);
            assert_eq!(h.get(&1), Some(11), "{}", C::NAME);
            assert!(h.update(1, 12), "{}", C::NAME);
            assert_eq!(h.get(&1), Some(12), "{}", C::NAME);
            assert!(h.remove(&1), "{}", C::NAME);
            assert!(!h.remove(&1), "{}", C::NAME);
            assert_eq!(h.get(&1), None, "{}", C::NAME);
            assert!(h.insert(2, 20), "{}", C::NAME);
            drop(h);
            assert_eq!(c.len(), 1, "{}", C::NAME);
        }
    }

    #[test]
    fn every_contender_reports_outcomes_exactly() {
        for name in NAMES {
            visit(name, Smoke).unwrap();
        }
    }

    #[test]
    fn unknown_name_is_one_line() {
        let e = visit("nope", Smoke).unwrap_err().to_string();
        assert!(e.starts_with("unknown map 'nope'") && !e.contains('\n'));
        assert_eq!(max_threads("gomap-failfast"), Some(1));
        assert_eq!(max_threads("dashmap"), None);
    }
}
