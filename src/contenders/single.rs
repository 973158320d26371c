//! Single-thread contenders: the maps the locate and ops suites time, u64 → u64, all built
//! with the same hasher (foldhash).
//!
//! The trait is deliberately tiny; the registry turns a name into a monomorphized call
//! (a visitor), so the timed loops never go through `dyn`. Each map is declared once, in the
//! `registry!` table: its name, the (map, ISA) identity of its rows, its [`Role`], and for a
//! from-B variant the map it is the twin of (the locate suite's reference for that map).

use super::added::{self, Dispatched};
use super::hasher::SeededState;
use super::registry::{Family, Listing};
use super::ThreadLimit;
use crate::concurrent::ConcurrentGoMap;
use crate::gomap::fast64::KeyProbe64;
#[cfg(target_arch = "x86_64")]
use crate::gomap::fast64::{KeysAvx2, KeysAvx512, KeysSse2};
use crate::gomap::{
    DefaultEmptyRest, DefaultEvacuate, DefaultProbe, EmptyRest, Evacuate, FromB, GoMap, GoSlots,
    GoWalk, KeysScalar, LiveMask, Locate, Precomputed, Probe,
};
use crate::vocabulary::{Isa, Role};

/// A u64 → u64 map as the single-thread suites use it.
///
/// A map of the user's own implements the operations, `len` (exact), and the instruction
/// set in three lines: `fn isa() -> Isa { Isa::Scalar }` (or the ISA its probe runs on, as the
/// rows record it), `type Token = ();` and `fn isa_token(&self) {}`. A single-thread map's
/// every op is checked against a model (a wrong answer fails its cell, not the run).
pub trait SingleMap: Sized + 'static {
    /// `hint` = 0 builds a map with no capacity hint (so it grows from empty).
    fn with_capacity(hint: usize) -> Self;
    fn get(&self, k: u64) -> Option<u64>;
    /// True when the key was new.
    fn insert(&mut self, k: u64, v: u64) -> bool;
    fn remove(&mut self, k: u64) -> Option<u64>;
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The instruction set the timed code uses, for the results.
    fn isa() -> Isa;
    /// False where this CPU cannot run it (a vector key probe without its feature).
    fn available() -> bool {
        true
    }
    /// Proof that the map's instruction set is available (a zero-sized copy of its key probe).
    type Token: Copy;
    fn isa_token(&self) -> Self::Token;
    /// Runs a timed loop with this map's instruction set enabled (see `KeyProbe64::in_isa`).
    #[inline(always)]
    fn in_isa<R>(_isa: Self::Token, f: impl FnOnce() -> R) -> R {
        f()
    }
}

/// GoMap through its generic path (tophash probe `P`, bucket index `L`, delete tail `R`,
/// evacuation `E`).
pub struct GoGeneric<
    L: Locate = Precomputed,
    P: Probe = DefaultProbe,
    R: EmptyRest = DefaultEmptyRest,
    E: Evacuate = DefaultEvacuate,
>(GoMap<u64, u64, SeededState, L, P, R, E>);

impl<L: Locate, P: Probe, R: EmptyRest, E: Evacuate> SingleMap for GoGeneric<L, P, R, E> {
    fn with_capacity(hint: usize) -> Self {
        GoGeneric(GoMap::with_capacity_and_hasher(hint, Default::default()))
    }
    #[inline(always)]
    fn get(&self, k: u64) -> Option<u64> {
        self.0.get(&k).copied()
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.0.insert(k, v).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: u64) -> Option<u64> {
        self.0.remove(&k)
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn isa() -> Isa {
        P::ISA
    }
    type Token = ();
    fn isa_token(&self) {}
}

/// GoMap through the u64 fast path, with key probe `KP`.
pub struct GoFast64<KP: KeyProbe64, L: Locate = Precomputed> {
    map: GoMap<u64, u64, SeededState, L>,
    kp: KP,
}

impl<KP: KeyProbe64, L: Locate> SingleMap for GoFast64<KP, L> {
    fn with_capacity(hint: usize) -> Self {
        GoFast64 {
            map: GoMap::with_capacity_and_hasher(hint, Default::default()),
            // The registry only hands out probes this CPU has (see `available`).
            kp: KP::detect().expect("key probe not supported by this CPU"),
        }
    }
    #[inline(always)]
    fn get(&self, k: u64) -> Option<u64> {
        self.map.get_fast64_with(k, self.kp).copied()
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.map.insert_fast64_with(k, v, self.kp).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: u64) -> Option<u64> {
        self.map.remove_fast64_with(k, self.kp)
    }
    fn len(&self) -> usize {
        self.map.len()
    }
    fn isa() -> Isa {
        KP::ISA
    }
    fn available() -> bool {
        KP::detect().is_some()
    }
    type Token = KP;
    fn isa_token(&self) -> KP {
        self.kp
    }
    #[inline(always)]
    fn in_isa<R>(kp: KP, f: impl FnOnce() -> R) -> R {
        kp.in_isa(f)
    }
}

/// The concurrent GoMap (`concurrent::lockfree`) used by one thread: what sharing costs Go's
/// layout when nobody shares (seqlock reads, a chain lock and an epoch pin per operation).
pub struct GoConcurrent(ConcurrentGoMap<SeededState>);

impl SingleMap for GoConcurrent {
    fn with_capacity(hint: usize) -> Self {
        GoConcurrent(ConcurrentGoMap::with_capacity_and_hasher(
            hint,
            Default::default(),
        ))
    }
    #[inline(always)]
    fn get(&self, k: u64) -> Option<u64> {
        self.0.get(k)
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.0.insert(k, v).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: u64) -> Option<u64> {
        self.0.remove(k)
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn isa() -> Isa {
        // Go's scalar key loop: keys are atomics, read one by one (lockfree/bucket.rs).
        Isa::Scalar
    }
    type Token = ();
    fn isa_token(&self) {}
}

/// hashbrown with foldhash.
pub struct Hashbrown(hashbrown::HashMap<u64, u64, SeededState>);

/// `std::collections::HashMap` with foldhash.
pub struct StdMap(std::collections::HashMap<u64, u64, SeededState>);

macro_rules! std_like {
    ($t:ident, $inner:ty) => {
        impl SingleMap for $t {
            fn with_capacity(hint: usize) -> Self {
                $t(<$inner>::with_capacity_and_hasher(hint, Default::default()))
            }
            #[inline(always)]
            fn get(&self, k: u64) -> Option<u64> {
                self.0.get(&k).copied()
            }
            #[inline(always)]
            fn insert(&mut self, k: u64, v: u64) -> bool {
                self.0.insert(k, v).is_none()
            }
            #[inline(always)]
            fn remove(&mut self, k: u64) -> Option<u64> {
                self.0.remove(&k)
            }
            fn len(&self) -> usize {
                self.0.len()
            }
            fn isa() -> Isa {
                // Both probe 16 control bytes with SSE2 on x86_64 (a SWAR word elsewhere).
                if cfg!(target_arch = "x86_64") {
                    Isa::Sse2
                } else {
                    Isa::Swar
                }
            }
            type Token = ();
            fn isa_token(&self) {}
        }
    };
}
std_like!(Hashbrown, hashbrown::HashMap<u64, u64, SeededState>);
std_like!(StdMap, std::collections::HashMap<u64, u64, SeededState>);

/// A single-thread contender's declaration, as data.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The registry name (`--maps`), e.g. `gomap/fast64/avx2`.
    pub name: &'static str,
    /// The `map` of its rows: variants that differ only in ISA share it (`gomap/fast64`), and
    /// differ in the rows' `isa`.
    pub map: &'static str,
    pub role: Role,
    /// Whether it is a map of its own or a variant of another (measured on request).
    pub kin: Kin,
    isa: fn() -> Isa,
    available: fn() -> bool,
}

/// How an entry relates to the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kin {
    /// A map of its own: in the ops suite by default.
    Own,
    /// The twin of the named map that recomputes the bucket mask from B: the locate suite
    /// divides that map by it; the ops suite leaves it out unless named.
    FromBOf(&'static str),
    /// The named map with other write strategies (the same bucket bytes, other code): with
    /// Go's loops everywhere (`…/go-faithful`, the figure a faster default is quoted beside),
    /// or with a strategy that measured slower than the default. Measured when named.
    VariantOf(&'static str),
    /// The named map's layout rebuilt for sharing between threads, timed here on one thread
    /// against it (what the sharing costs when nobody shares). Measured when named.
    SharedTwinOf(&'static str),
}

impl Entry {
    /// A map of its own, `M`, named `name` (its rows' `map` too): how a user's binary adds one.
    pub fn own<M: SingleMap>(name: &'static str, role: Role) -> Entry {
        Entry {
            name,
            map: name,
            role,
            kin: Kin::Own,
            isa: M::isa,
            available: M::available,
        }
    }
    /// For a from-B variant: the map whose bucket mask it recomputes.
    pub fn from_b_of(&self) -> Option<&'static str> {
        match self.kin {
            Kin::FromBOf(of) => Some(of),
            _ => None,
        }
    }
    /// The ISA its timed code runs with.
    pub fn isa(&self) -> Isa {
        (self.isa)()
    }
    /// Whether this CPU runs it.
    pub fn available(&self) -> bool {
        (self.available)()
    }
    /// Its description in the one registry's terms.
    pub fn listing(&self) -> Listing {
        Listing {
            name: self.name,
            map: self.map,
            role: self.role,
            family: Family::SingleThread,
            thread_limit: Some(ThreadLimit {
                max: 1,
                why: "a single-thread map (the locate and ops suites)",
            }),
        }
    }
}

/// Something to do with a map type, chosen by name at run time and then monomorphized.
/// `'static`, so that a user's map can keep each visitor's instantiation
/// ([`added::Jobs`](super::added::Jobs)).
pub trait Visit: 'static {
    type Out: 'static;
    fn visit<M: SingleMap>(self, entry: &Entry) -> Self::Out;
}

/// The registry: one line per contender. It yields the entry list and the dispatch.
macro_rules! registry {
    ($($(#[$cfg:meta])* $name:literal as $map:literal => $t:ty, $role:expr, $kin:expr;)*) => {
        #[allow(clippy::vec_init_then_push)] // each push may be cfg'd out
        fn all_entries() -> Vec<Entry> {
            let mut v = Vec::new();
            $(
                $(#[$cfg])*
                v.push(Entry {
                    name: $name,
                    map: $map,
                    role: $role,
                    kin: $kin,
                    isa: <$t as SingleMap>::isa,
                    available: <$t as SingleMap>::available,
                });
            )*
            v
        }

        /// Calls `v.visit::<M>()` for the built-in map named `name` (`Err(v)`: none).
        fn dispatch_built_in<V: Visit>(name: &str, v: V) -> Result<V::Out, V> {
            let Some(entry) = entry(name) else {
                return Err(v);
            };
            $(
                $(#[$cfg])*
                if name == $name {
                    return Ok(v.visit::<$t>(&entry));
                }
            )*
            Err(v)
        }
    };
}

registry! {
    "gomap/generic" as "gomap/generic" => GoGeneric<Precomputed>, Role::Ours, Kin::Own;
    "gomap/generic/from-b" as "gomap/generic/from-b" => GoGeneric<FromB>, Role::Ours,
        Kin::FromBOf("gomap/generic");
    "gomap/generic/go-faithful" as "gomap/generic/go-faithful"
        => GoGeneric<Precomputed, DefaultProbe, GoWalk, GoSlots>, Role::Ours,
        Kin::VariantOf("gomap/generic");
    "gomap/generic/live-mask" as "gomap/generic/live-mask"
        => GoGeneric<Precomputed, DefaultProbe, DefaultEmptyRest, LiveMask>, Role::Ours,
        Kin::VariantOf("gomap/generic");
    "gomap/fast64" as "gomap/fast64" => GoFast64<KeysScalar>, Role::Ours, Kin::Own;
    "gomap/fast64/from-b" as "gomap/fast64/from-b" => GoFast64<KeysScalar, FromB>, Role::Ours,
        Kin::FromBOf("gomap/fast64");
    #[cfg(target_arch = "x86_64")]
    "gomap/fast64/sse2" as "gomap/fast64" => GoFast64<KeysSse2>, Role::Ours, Kin::Own;
    #[cfg(target_arch = "x86_64")]
    "gomap/fast64/avx2" as "gomap/fast64" => GoFast64<KeysAvx2>, Role::Ours, Kin::Own;
    #[cfg(target_arch = "x86_64")]
    "gomap/fast64/avx512" as "gomap/fast64" => GoFast64<KeysAvx512>, Role::Ours, Kin::Own;
    "gomap-concurrent/fast64" as "gomap-concurrent/fast64" => GoConcurrent, Role::Ours,
        Kin::SharedTwinOf("gomap/fast64");
    "hashbrown" as "hashbrown" => Hashbrown, Role::Reference, Kin::Own;
    "std" as "std" => StdMap, Role::Other, Kin::Own;
}

/// Calls `v.visit::<M>()` for the map named `name`, built in or added; `None` for an
/// unknown name or one this CPU cannot run.
///
/// # Panics
/// For a map a user's binary added without the job `V` (a harness bug: see
/// [`added`](super::added)).
pub fn dispatch<V: Visit>(name: &str, v: V) -> Option<V::Out> {
    let v = match dispatch_built_in(name, v) {
        Ok(out) => return Some(out),
        Err(v) => v,
    };
    match added::visit_single(name, v) {
        Dispatched::Done(out) => Some(out),
        Dispatched::NotAdded => None,
        Dispatched::NotAJob(job) => panic!("map '{name}' was added without the job '{job}'"),
    }
}

/// Every entry this CPU runs, in display order: the built-in ones, then the ones a user's
/// binary added.
pub fn entries() -> Vec<Entry> {
    declared().into_iter().filter(Entry::available).collect()
}

/// Every entry this build declares, whether this CPU runs it or not, in display order: what
/// must not depend on the CPU at hand (the look of a map in a chart drawn from a file).
pub fn declared() -> Vec<Entry> {
    all_entries()
        .into_iter()
        .chain(added::added().single.iter().map(|a| a.entry))
        .collect()
}

/// The entry named `name`, if this CPU runs it.
pub fn entry(name: &str) -> Option<Entry> {
    entries().into_iter().find(|e| e.name == name)
}

/// Every name this CPU runs, in display order.
pub fn available() -> Vec<&'static str> {
    entries().iter().map(|e| e.name).collect()
}

/// The maps of the ops suite by default: the maps of their own (not the from-B twins, the
/// locate suite's, nor the Go-faithful variants, measured when named).
pub fn ops_defaults() -> Vec<&'static str> {
    entries()
        .iter()
        .filter(|e| e.kin == Kin::Own)
        .map(|e| e.name)
        .collect()
}

/// The map every other one of the single-thread suites is divided by.
pub fn reference() -> Entry {
    entries()
        .into_iter()
        .find(|e| e.role == Role::Reference)
        .expect("the registry declares one reference")
}

/// The (map, isa) of a registered contender's rows; `None` for an unknown name.
pub fn identity_of(name: &str) -> Option<(&'static str, Isa)> {
    entry(name).map(|e| (e.map, e.isa()))
}

/// The fastest fast64 variant this CPU runs (for the headline comparisons): the last one
/// the table lists.
pub fn best_fast64() -> &'static str {
    entries()
        .iter()
        .rfind(|e| e.map == "gomap/fast64")
        .map_or("gomap/fast64", |e| e.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Roundtrip;
    impl Visit for Roundtrip {
        type Out = ();
        fn visit<M: SingleMap>(self, entry: &Entry) {
            let name = entry.name;
            let mut m = M::with_capacity(0);
            for k in 0..1000 {
                assert!(m.insert(k, k + 1), "{name}");
            }
            assert!(!m.insert(5, 6));
            assert_eq!(m.get(5), Some(6));
            assert_eq!(m.remove(5), Some(6));
            assert_eq!(m.get(5), None);
            assert_eq!(m.len(), 999);
        }
    }

    #[test]
    fn entries_name_their_rows() {
        assert_eq!(
            identity_of("gomap/fast64"),
            Some(("gomap/fast64", Isa::Scalar))
        );
        if let Some((map, isa)) = identity_of("gomap/fast64/avx2") {
            assert_eq!((map, isa), ("gomap/fast64", Isa::Avx2));
        }
        assert_eq!(reference().name, "hashbrown");
        for e in entries() {
            if let Kin::FromBOf(of) | Kin::VariantOf(of) | Kin::SharedTwinOf(of) = e.kin {
                assert!(
                    entry(of).is_some(),
                    "{} is the twin of a listed map",
                    e.name
                );
                assert!(!ops_defaults().contains(&e.name));
            }
        }
    }

    #[test]
    fn every_contender_behaves() {
        for name in available() {
            dispatch(name, Roundtrip).unwrap();
        }
        assert!(dispatch("nope", Roundtrip).is_none());
    }
}
