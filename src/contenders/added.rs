//! Maps added at start-up by a binary of the user's own (`gomap_bench::main_with`), beside
//! the ones compiled in.
//!
//! The built-in maps are dispatched by name with a `match` the `registry!` tables write
//! (`contenders::visit`, `single::dispatch`): a name becomes a call of the visitor's generic
//! method, monomorphized for that map, and the visitor can be anything. A map added by a
//! user cannot be in those tables — this crate cannot name the user's type — so its entry
//! carries the calls themselves: when the map is added, every job the harness will ever ask
//! of it (build a contention member, record a linearizability run, time an op, …) is
//! instantiated for its type and kept in a [`Jobs`] table, keyed by the visitor's type.
//! Dispatch then looks the visitor's type up and calls that instantiation: still one
//! monomorphized body per map and job, with one indirect call when a cell is set up, none
//! per operation.
//!
//! Which visitors are jobs is said once, above the harness (`commands::entry`), because only
//! that layer can name them all; a visitor missing there finds no user map (dispatch says so
//! in its error) and a test visits every job of an added map.
//!
//! The additions are installed once per process, before anything runs ([`install`]); later
//! reads see them through a `OnceLock`. A process that installs nothing (the `gomap-bench`
//! binary, the tests) has none.

use super::single::{Entry, SingleMap, Visit};
use super::{Contender, ContenderVisitor, Descriptor};
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::OnceLock;

/// One map's jobs: for each visitor type, its visit instantiated for the map.
#[derive(Default)]
pub struct Jobs(HashMap<TypeId, Box<dyn Any + Send + Sync>>);

impl Jobs {
    /// Keeps `V`'s visit of the concurrent map `C`.
    pub fn concurrent<V: ContenderVisitor, C: Contender>(&mut self) {
        let call: fn(V) -> V::Output = |v| v.visit::<C>();
        self.0.insert(TypeId::of::<V>(), Box::new(call));
    }

    /// Keeps `V`'s visit of the single-thread map `M`.
    pub fn single<V: Visit, M: SingleMap>(&mut self) {
        let call: fn(V, &Entry) -> V::Out = |v, e| v.visit::<M>(e);
        self.0.insert(TypeId::of::<V>(), Box::new(call));
    }

    fn concurrent_call<V: ContenderVisitor>(&self) -> Option<fn(V) -> V::Output> {
        self.0.get(&TypeId::of::<V>())?.downcast_ref().copied()
    }

    fn single_call<V: Visit>(&self) -> Option<fn(V, &Entry) -> V::Out> {
        self.0.get(&TypeId::of::<V>())?.downcast_ref().copied()
    }
}

/// A concurrent map added by the user.
pub struct AddedConcurrent {
    pub descriptor: Descriptor,
    pub jobs: Jobs,
}

/// A single-thread map added by the user.
pub struct AddedSingle {
    pub entry: Entry,
    pub jobs: Jobs,
}

/// Everything a user's binary added.
#[derive(Default)]
pub struct Additions {
    pub concurrent: Vec<AddedConcurrent>,
    pub single: Vec<AddedSingle>,
}

static ADDED: OnceLock<Additions> = OnceLock::new();

/// Installs the additions of this process; a second installation is refused.
pub fn install(a: Additions) -> Result<(), String> {
    ADDED
        .set(a)
        .map_err(|_| "the maps of this process were already installed".to_string())
}

/// The additions installed in this process (none when nothing was installed).
pub fn added() -> &'static Additions {
    static NONE: Additions = Additions {
        concurrent: Vec::new(),
        single: Vec::new(),
    };
    ADDED.get().unwrap_or(&NONE)
}

/// What dispatching a visitor to an added map ended with.
pub enum Dispatched<T> {
    Done(T),
    /// No added map has that name.
    NotAdded,
    /// The map is added, but the visitor is not one of the jobs (a harness bug).
    NotAJob(&'static str),
}

/// Calls `v.visit::<C>()` for the added concurrent map named `name`.
pub fn visit_concurrent<V: ContenderVisitor>(name: &str, v: V) -> Dispatched<V::Output> {
    let Some(a) = added()
        .concurrent
        .iter()
        .find(|a| a.descriptor.name == name)
    else {
        return Dispatched::NotAdded;
    };
    match a.jobs.concurrent_call::<V>() {
        Some(call) => Dispatched::Done(call(v)),
        None => Dispatched::NotAJob(std::any::type_name::<V>()),
    }
}

/// Calls `v.visit::<M>(entry)` for the added single-thread map named `name`.
pub fn visit_single<V: Visit>(name: &str, v: V) -> Dispatched<V::Out> {
    let Some(a) = added().single.iter().find(|a| a.entry.name == name) else {
        return Dispatched::NotAdded;
    };
    match a.jobs.single_call::<V>() {
        Some(call) => Dispatched::Done(call(v, &a.entry)),
        None => Dispatched::NotAJob(std::any::type_name::<V>()),
    }
}
