//! The one place to ask about a registered map, whichever suites run it.
//!
//! Maps are registered in two tables because they are timed through two traits: the
//! concurrent ones ([`Contender`](super::Contender), the contention suite and `check`) in
//! `contenders/mod.rs`, the single-thread ones ([`SingleMap`](super::single::SingleMap), the
//! locate and ops suites) in `contenders/single.rs`. Each table keeps its own monomorphized
//! dispatch (a visitor per trait: no `dyn` call in a timed loop). What a map *is* — its
//! name, the `map` its rows carry, its [`Role`], which family runs it and how many threads
//! it may take — is described here the same way for both, as a [`Listing`], and every caller
//! that asks "is this one of ours", "does this name exist", "what part does this row's map
//! play" asks here, once. Maps a user's binary added at start-up ([`added`](super::added))
//! are listed here like the built-in ones.

use super::single;
use super::ThreadLimit;
use crate::vocabulary::Role;

/// Which trait, and so which suites, time a map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// Shared by threads: the contention suite and `check` ([`Contender`](super::Contender)).
    Concurrent,
    /// One thread: the locate and ops suites and `counts`
    /// ([`SingleMap`](super::single::SingleMap)).
    SingleThread,
}

/// What a registered map says of itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Listing {
    /// The registry name (`--maps`).
    pub name: &'static str,
    /// The `map` of its rows: single-thread variants that differ only in ISA share one.
    pub map: &'static str,
    pub role: Role,
    pub family: Family,
    /// The most threads it may run with, and why (`None`: any).
    pub thread_limit: Option<ThreadLimit>,
}

/// Every registered map this CPU runs: the concurrent ones, then the single-thread ones,
/// each in its table's order.
pub fn listings() -> Vec<Listing> {
    super::all()
        .map(|d| d.listing())
        .chain(single::entries().iter().map(single::Entry::listing))
        .collect()
}

/// The map registered as `name`, in either family.
pub fn find(name: &str) -> Option<Listing> {
    listings().into_iter().find(|l| l.name == name)
}

/// The part a row's `map` plays, from the registry (`None`: no registered map makes such
/// rows, e.g. the Go anchor's).
pub fn role_of_map(map: &str) -> Option<Role> {
    listings()
        .into_iter()
        .find(|l| l.map == map)
        .map(|l| l.role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_families_are_described_alike() {
        let dash = find("dashmap").unwrap();
        assert_eq!(
            (dash.family, dash.role),
            (Family::Concurrent, Role::Reference)
        );
        assert_eq!(dash.map, "dashmap");
        let hb = find("hashbrown").unwrap();
        assert_eq!(
            (hb.family, hb.role),
            (Family::SingleThread, Role::Reference)
        );
        assert_eq!(hb.thread_limit.map(|l| l.max), Some(1));
        assert_eq!(find("gomap/generic/from-b").unwrap().role, Role::Ours);
        assert!(find("nope").is_none());
        // A row's map: the ISA variants share theirs.
        assert_eq!(role_of_map("gomap/fast64"), Some(Role::Ours));
        assert_eq!(role_of_map("gomap-sharded"), Some(Role::Ours));
        assert_eq!(role_of_map("null"), Some(Role::HarnessOnly));
        assert_eq!(role_of_map("go1.22 map"), None);
        // Registry names are unique across the families.
        let names: Vec<_> = listings().iter().map(|l| l.name).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(names.len(), unique.len());
    }
}
