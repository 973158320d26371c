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
//! contender and never calls through `dyn`. Each built-in contender type is named once, in
//! the `registry!` line; a user's binary adds its own at start-up ([`added`], through
//! `gomap_bench::main_with`), and from then on they are listed, described and visited like
//! the built-in ones. A contender's name, role ([`Role`]: ours, the reference, another map,
//! the harness alone) and thread limit are its own declaration ([`Contender`]), read as
//! [`Descriptor`]s. Questions about any registered map, concurrent or single-thread, go to
//! [`registry`].
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
//! | `papaya-held` | `papaya::HashMap`, a guard held by the handle, refreshed every 256 ops | foldhash |
//! | `flurry` | `flurry::HashMap` (Java's `ConcurrentHashMap`), a guard pinned per operation | foldhash |
//! | `cht` | `cht::HashMap`, lock-free, pins crossbeam-epoch inside each call (AGPL) | foldhash |
//! | `skipmap` | `crossbeam_skiplist::SkipMap` (ordered, no hasher) | — |
//! | `scc` | `scc::HashMap`, shared-read `read_sync` for gets | foldhash |
//! | `null` | no map at all: the harness's own cost per op | — |
//!
//! Each third-party map's rows record its crate and the version `Cargo.lock` resolved
//! (`crate_version`, read by `build.rs`), and the epoch-based ones how they pin their guard
//! (`guard`; the policies are [`guard_policy`]'s).

pub mod added;
#[cfg(feature = "cht")]
mod cht;
mod dashmap;
mod flurry;
mod gomap;
pub mod guard_policy;
pub mod hasher;
mod locked;
mod null;
mod papaya;
pub mod registry;
mod scc;
pub mod single;
mod skipmap;

#[cfg(feature = "cht")]
pub use self::cht::ChtContender;
pub use self::dashmap::DashMapContender;
pub use self::flurry::{FlurryContender, FlurryHeld};
pub use self::gomap::{GoMapConcurrent, GoMapFailFast, GoMapMutex, GoMapRwLock, GoMapSharded};
pub use self::locked::{HashbrownMutex, HashbrownRwLock, StdMutex};
pub use self::null::Null;
pub use self::papaya::{PapayaContender, PapayaHeld};
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
    /// A third-party map's crate and the version `Cargo.lock` resolved (`"papaya 0.2.5"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crate_version: Option<String>,
}

/// A map under test, shared by all threads of a cell. Everything generic code needs to know
/// about a particular contender is declared here, by the contender.
///
/// What the harness relies on, and checks: `build` gives an empty map (the capacity is a
/// hint); [`handle`](Contender::handle) may be called from any thread, once per thread
/// per cell, outside the timed loop; the handle's four operations report their outcomes
/// exactly (see [`Handle`]) — every cell predicts each op's outcome, or for `shared-write`
/// each key's final value, and a map that differs is reported invalid with the first wrong
/// operation; `len` is exact when no thread runs, and is compared with the prediction after
/// each cell. A panic in any method fails that cell (the run goes on with the others); a
/// cell that does not finish by its deadline stops the run with one line naming it.
pub trait Contender: Send + Sync + Sized + 'static {
    /// The registry name, also the `map` of every result row (unique across the registry).
    const NAME: &'static str;
    /// The part it plays: [`Role::Other`] for a map measured beside ours; a user's map that is
    /// the subject of the study may say [`Role::Ours`]. One map, dashmap, is the reference.
    const ROLE: Role = Role::Other;
    /// `None`: any thread count.
    const THREAD_LIMIT: Option<ThreadLimit> = None;

    /// One thread's view of the map, made once per thread outside the timed loop (often
    /// `&'a Self`; a map with per-thread state, such as a pinned guard, keeps it here).
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
/// `'static`, so that a user's map can keep each visitor's instantiation ([`added::Jobs`]).
pub trait ContenderVisitor: 'static {
    type Output: 'static;
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

/// The registry: each built-in contender type named once; the list and the dispatch come
/// from that one line.
macro_rules! registry {
    ($($(#[$cfg:meta])* $t:ty),* $(,)?) => {
        /// Every built-in contender, in the order runs use by default.
        pub const BUILT_IN: &[Descriptor] = &[$($(#[$cfg])* Descriptor::of::<$t>()),*];

        /// Calls `v.visit::<C>()` with the built-in contender registered as `name`.
        fn visit_built_in<V: ContenderVisitor>(name: &str, v: V) -> Result<V::Output, V> {
            $(
                $(#[$cfg])*
                if name == <$t as Contender>::NAME {
                    return Ok(v.visit::<$t>());
                }
            )*
            Err(v)
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
    PapayaHeld,
    FlurryContender,
    // AGPL-3.0: linked only when asked for (`--features cht`), see contenders/cht.rs.
    #[cfg(feature = "cht")]
    ChtContender,
    SkipMapContender,
    SccContender,
    Null,
);

/// Calls `v.visit::<C>()` with the contender registered as `name`, built in or added.
pub fn visit<V: ContenderVisitor>(name: &str, v: V) -> Result<V::Output, UnknownContender> {
    let v = match visit_built_in(name, v) {
        Ok(out) => return Ok(out),
        Err(v) => v,
    };
    match added::visit_concurrent(name, v) {
        added::Dispatched::Done(out) => Ok(out),
        added::Dispatched::NotAdded => Err(UnknownContender::Name(name.to_string())),
        added::Dispatched::NotAJob(job) => Err(UnknownContender::Job {
            name: name.to_string(),
            job,
        }),
    }
}

/// Every registered contender: the built-in ones, then the ones a user's binary added, in
/// the order runs use by default.
pub fn all() -> impl Iterator<Item = Descriptor> {
    BUILT_IN
        .iter()
        .copied()
        .chain(added::added().concurrent.iter().map(|a| a.descriptor))
}

/// Every registered name, in the order runs use by default.
pub fn names() -> impl Iterator<Item = &'static str> {
    all().map(|d| d.name)
}

/// The declaration of the contender named `name`.
pub fn describe(name: &str) -> Result<Descriptor, UnknownContender> {
    all()
        .find(|d| d.name == name)
        .ok_or_else(|| UnknownContender::Name(name.to_string()))
}

/// The contender every other one of the contention suite is divided by.
pub fn reference() -> &'static Descriptor {
    BUILT_IN
        .iter()
        .find(|d| d.role == Role::Reference)
        .expect("the registry declares one reference")
}

/// A name the registry cannot visit; `Display` is one line (listing the known names).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnknownContender {
    /// No registered map has this name.
    Name(String),
    /// A map a user's binary added, asked for a job the harness did not give it when it was
    /// added (a harness bug: the list of jobs in `commands::entry` lacks a visitor).
    Job { name: String, job: &'static str },
}

impl std::fmt::Display for UnknownContender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnknownContender::Name(name) => {
                let known: Vec<&str> = names().collect();
                write!(f, "unknown map '{name}' (known: {})", known.join(", "))
            }
            UnknownContender::Job { name, job } => write!(
                f,
                "map '{name}' was added without the job '{job}' (the harness's list of jobs \
                 lacks it)"
            ),
        }
    }
}

impl std::error::Error for UnknownContender {}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Every op's outcome on a fresh map, one thread: what each contender must report.
    pub(crate) struct Smoke;
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
            all().filter(|d| d.role == Role::Reference).count(),
            1,
            "one reference"
        );
    }

    /// The version a row records is the one `Cargo.lock` holds for that crate.
    #[test]
    fn third_party_rows_record_the_locked_crate_version() {
        struct Version;
        impl ContenderVisitor for Version {
            type Output = Option<String>;
            fn visit<C: Contender>(self) -> Option<String> {
                C::build(&BuildSpec::default()).facts().crate_version
            }
        }
        let lock = include_str!("../../Cargo.lock");
        for name in [
            "dashmap",
            "papaya",
            "papaya-held",
            "flurry",
            #[cfg(feature = "cht")]
            "cht",
            "skipmap",
            "scc",
        ] {
            let recorded = visit(name, Version).unwrap().expect(name);
            let (krate, version) = recorded.split_once(' ').unwrap();
            let entry = format!("name = \"{krate}\"\nversion = \"{version}\"\n");
            assert!(
                lock.contains(&entry),
                "{name}: {recorded} is not in Cargo.lock"
            );
        }
        assert_eq!(visit("gomap-sharded", Version).unwrap(), None);
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
