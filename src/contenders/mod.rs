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
//! contender and never calls through `dyn`. Each contender type is named once, in the
//! `registry!` line; its name, role ([`Role`]: ours, the reference, another map, the harness
//! alone) and thread limit are its own declaration ([`Contender`]), read as [`Descriptor`]s.
//! Questions about any registered map, concurrent or single-thread, go to [`registry`].
//!
//! | name | what | hasher |
//! |---|---|---|
//! | `gomap-mutex` | `Mutex<GoMap>` | foldhash |
//! | `gomap-rwlock` | `RwLock<GoMap>` | foldhash |
//! | `gomap-sharded` | N cache-padded `RwLock<GoMap>` shards | foldhash |
//! | `gomap-failfast` | GoMap + Go's writer detector; 1 thread only | foldhash |
//! | `gomap-concurrent` | Go's layout rebuilt for sharing: seqlock reads, a lock per chain, epochs | foldhash |
//! | `dashmap` | `DashMap` | foldhash |
//! | `hashbrown-mutex` / `hashbrown-rwlock` | `Mutex` / `RwLock<hashbrown::HashMap>` | foldhash |
//! | `std-mutex` | `Mutex<std::collections::HashMap>` | foldhash |
//! | `papaya` | `papaya::HashMap`, a guard pinned per operation | foldhash |
//! | `skipmap` | `crossbeam_skiplist::SkipMap` (ordered, no hasher) | — |
//! | `scc` | `scc::HashMap`, shared-read `read_sync` for gets | foldhash |
//! | `null` | no map at all: the harness's own cost per op | — |

mod dashmap;
mod gomap;
pub mod hasher;
mod locked;
mod null;
mod papaya;
pub mod registry;
mod scc;
pub mod single;
mod skipmap;

pub use self::dashmap::DashMapContender;
pub use self::gomap::{GoMapConcurrent, GoMapFailFast, GoMapMutex, GoMapRwLock, GoMapSharded};
pub use self::locked::{HashbrownMutex, HashbrownRwLock, StdMutex};
pub use self::null::Null;
pub use self::papaya::PapayaContender;
pub use self::scc::SccContender;
pub use self::skipmap::SkipMapContender;

use crate::vocabulary::Role;
use serde::{Deserialize, Serialize};

/// Every contender that takes a hasher is built with this one, so that no map wins by hashing
/// faster; results files record it under [`HASHER_NAME`].
pub use self::hasher::{SeededState, HASHER_NAME};

/// How a contender is built.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BuildSpec {
    /// Capacity hint (0: none, the map grows from empty).
    pub capacity: usize,
    /// Shard count for sharded contenders (`None`: the contender's default).
    pub shards: Option<usize>,
}

/// The most threads a contender may run with, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThreadLimit {
    pub max: u32,
    /// Why, as a clause that completes "skipped: …".
    pub why: &'static str,
}

/// What a contender says of itself in every row it produces (written under these keys in
/// `extra`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// Shard count of a sharded map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shards: Option<usize>,
    /// How an epoch-based map pins its guard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guard: Option<String>,
    /// Which read API the adapter calls, where the map has several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_api: Option<String>,
    /// Which insert API the adapter calls, where the map has several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insert_api: Option<String>,
    /// How the fail-fast map is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failfast_mode: Option<String>,
}

/// A map under test, shared by all threads of a cell. Everything generic code needs to know
/// about a particular contender is declared here, by the contender.
pub trait Contender: Send + Sync + Sized + 'static {
    /// The registry name, also the `map` of every result row.
    const NAME: &'static str;
    const ROLE: Role = Role::Other;
    /// `None`: any thread count.
    const THREAD_LIMIT: Option<ThreadLimit> = None;

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
    /// Facts recorded with every row of this contender.
    fn facts(&self) -> Facts {
        Facts::default()
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

/// A contender's declaration, as data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Descriptor {
    pub name: &'static str,
    pub role: Role,
    pub thread_limit: Option<ThreadLimit>,
}

impl Descriptor {
    /// What `C` declares.
    pub const fn of<C: Contender>() -> Descriptor {
        Descriptor {
            name: C::NAME,
            role: C::ROLE,
            thread_limit: C::THREAD_LIMIT,
        }
    }

    /// Its description in the one registry's terms.
    pub fn listing(&self) -> registry::Listing {
        registry::Listing {
            name: self.name,
            map: self.name,
            role: self.role,
            family: registry::Family::Concurrent,
            thread_limit: self.thread_limit,
        }
    }

    /// Whether it may run at `threads` threads.
    pub fn runs_at(&self, threads: u32) -> bool {
        self.thread_limit.is_none_or(|l| threads <= l.max)
    }
}

/// The registry: each contender type named once; the list, the lookup and the dispatch
/// all come from that one line.
macro_rules! registry {
    ($($t:ty),* $(,)?) => {
        /// Every registered contender, in the order runs use by default.
        pub const ALL: &[Descriptor] = &[$(Descriptor::of::<$t>()),*];

        /// Calls `v.visit::<C>()` with the contender registered as `name`.
        pub fn visit<V: ContenderVisitor>(name: &str, v: V) -> Result<V::Output, UnknownContender> {
            $(if name == <$t as Contender>::NAME {
                return Ok(v.visit::<$t>());
            })*
            Err(UnknownContender(name.to_string()))
        }
    };
}

registry!(
    GoMapMutex,
    GoMapRwLock,
    GoMapSharded,
    GoMapFailFast,
    GoMapConcurrent,
    DashMapContender,
    HashbrownMutex,
    HashbrownRwLock,
    StdMutex,
    PapayaContender,
    SkipMapContender,
    SccContender,
    Null,
);

/// Every registered name, in the order runs use by default.
pub fn names() -> impl Iterator<Item = &'static str> {
    ALL.iter().map(|d| d.name)
}

/// The declaration of the contender named `name`.
pub fn describe(name: &str) -> Result<&'static Descriptor, UnknownContender> {
    ALL.iter()
        .find(|d| d.name == name)
        .ok_or_else(|| UnknownContender(name.to_string()))
}

/// The contender every other one of the contention suite is divided by.
pub fn reference() -> &'static Descriptor {
    ALL.iter()
        .find(|d| d.role == Role::Reference)
        .expect("the registry declares one reference")
}

/// An unknown contender name; `Display` is one line listing the known ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownContender(pub String);

impl std::fmt::Display for UnknownContender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let known: Vec<&str> = names().collect();
        write!(f, "unknown map '{}' (known: {})", self.0, known.join(", "))
    }
}

impl std::error::Error for UnknownContender {}

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
            if C::ROLE == Role::HarnessOnly {
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
        for name in names() {
            visit(name, Smoke).unwrap();
        }
        assert_eq!(
            ALL.iter().filter(|d| d.role == Role::Reference).count(),
            1,
            "one reference"
        );
    }

    #[test]
    fn unknown_name_is_one_line() {
        let e = visit("nope", Smoke).unwrap_err().to_string();
        assert!(e.starts_with("unknown map 'nope'") && !e.contains('\n'));
        assert!(!describe("gomap-failfast").unwrap().runs_at(2));
        assert!(describe("dashmap").unwrap().runs_at(64));
        assert_eq!(reference().name, "dashmap");
    }
}
