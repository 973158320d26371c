//! Single-thread contenders: the maps the locate and ops suites time, u64 → u64, all built
//! with the same hasher (foldhash).
//!
//! The trait is deliberately tiny; the registry turns a name into a monomorphized call
//! (a visitor), so the timed loops never go through `dyn`.

use crate::gomap::fast64::KeyProbe64;
#[cfg(target_arch = "x86_64")]
use crate::gomap::fast64::{KeysAvx2, KeysAvx512, KeysSse2};
use crate::gomap::{
    DefaultHashBuilder, DefaultProbe, FromB, GoMap, KeysScalar, Locate, Precomputed, Probe,
};

/// A u64 → u64 map as the single-thread suites use it.
pub trait SingleMap: Sized {
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
    fn isa() -> &'static str;
    /// Proof that the map's instruction set is available (a zero-sized copy of its key probe).
    type Isa: Copy;
    fn isa_token(&self) -> Self::Isa;
    /// Runs a timed loop with this map's instruction set enabled (see `KeyProbe64::in_isa`).
    #[inline(always)]
    fn in_isa<R>(_isa: Self::Isa, f: impl FnOnce() -> R) -> R {
        f()
    }
}

/// GoMap through its generic path (tophash probe `P`, bucket index `L`).
pub struct GoGeneric<L: Locate = Precomputed, P: Probe = DefaultProbe>(
    GoMap<u64, u64, DefaultHashBuilder, L, P>,
);

impl<L: Locate, P: Probe> SingleMap for GoGeneric<L, P> {
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
    fn isa() -> &'static str {
        P::NAME
    }
    type Isa = ();
    fn isa_token(&self) {}
}

/// GoMap through the u64 fast path, with key probe `KP`.
pub struct GoFast64<KP: KeyProbe64, L: Locate = Precomputed> {
    map: GoMap<u64, u64, DefaultHashBuilder, L>,
    kp: KP,
}

impl<KP: KeyProbe64, L: Locate> SingleMap for GoFast64<KP, L> {
    fn with_capacity(hint: usize) -> Self {
        GoFast64 {
            map: GoMap::with_capacity_and_hasher(hint, Default::default()),
            // Registries only list probes this CPU has (see `available`).
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
    fn isa() -> &'static str {
        KP::NAME
    }
    type Isa = KP;
    fn isa_token(&self) -> KP {
        self.kp
    }
    #[inline(always)]
    fn in_isa<R>(kp: KP, f: impl FnOnce() -> R) -> R {
        kp.in_isa(f)
    }
}

/// hashbrown with foldhash.
pub struct Hashbrown(hashbrown::HashMap<u64, u64, DefaultHashBuilder>);

/// `std::collections::HashMap` with foldhash.
pub struct StdMap(std::collections::HashMap<u64, u64, DefaultHashBuilder>);

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
            fn isa() -> &'static str {
                // Both probe 16 control bytes with SSE2 on x86_64 (a SWAR word elsewhere).
                if cfg!(target_arch = "x86_64") {
                    "sse2"
                } else {
                    "swar"
                }
            }
            type Isa = ();
            fn isa_token(&self) {}
        }
    };
}
std_like!(Hashbrown, hashbrown::HashMap<u64, u64, DefaultHashBuilder>);
std_like!(StdMap, std::collections::HashMap<u64, u64, DefaultHashBuilder>);

/// Something to do with a map type, chosen by name at run time and then monomorphized.
pub trait Visit {
    type Out;
    fn visit<M: SingleMap>(self, name: &str) -> Self::Out;
}

/// Every single-thread contender name, in display order (CPU-dependent ones included only
/// when this CPU runs them).
pub fn available() -> Vec<&'static str> {
    let mut v = vec![
        "gomap/generic",
        "gomap/generic/from-b",
        "gomap/fast64",
        "gomap/fast64/from-b",
    ];
    #[cfg(target_arch = "x86_64")]
    {
        v.push("gomap/fast64/sse2");
        if KeysAvx2::detect().is_some() {
            v.push("gomap/fast64/avx2");
        }
        if KeysAvx512::detect().is_some() {
            v.push("gomap/fast64/avx512");
        }
    }
    v.extend(["hashbrown", "std"]);
    v
}

/// How a contender appears in result rows: (map, isa). A name that spells its ISA
/// (`gomap/fast64/avx2`) becomes map `gomap/fast64` with isa `avx2`, so that the variants of
/// one map share a name and differ in the identity's isa field; criterion ids follow the
/// same convention (`<map>/<isa>`, see `results/collect.rs`).
pub fn row_identity<'a>(name: &'a str, isa: &'a str) -> (&'a str, &'a str) {
    let map = name
        .strip_suffix(isa)
        .and_then(|m| m.strip_suffix('/'))
        .unwrap_or(name);
    (map, isa)
}

/// The (map, isa) of a registered contender's rows; `None` for an unknown name.
pub fn identity_of(name: &str) -> Option<(String, String)> {
    struct Isa;
    impl Visit for Isa {
        type Out = &'static str;
        fn visit<M: SingleMap>(self, _name: &str) -> &'static str {
            M::isa()
        }
    }
    let isa = dispatch(name, Isa)?;
    let (m, i) = row_identity(name, isa);
    Some((m.to_string(), i.to_string()))
}

/// The fastest fast64 variant this CPU runs (for the headline comparisons).
pub fn best_fast64() -> &'static str {
    available()
        .into_iter()
        .rfind(|n| n.starts_with("gomap/fast64"))
        .unwrap_or("gomap/fast64")
}

/// Calls `v.visit::<M>()` for the map named `name`; `None` for an unknown or unavailable name.
pub fn dispatch<V: Visit>(name: &str, v: V) -> Option<V::Out> {
    if !available().contains(&name) {
        return None;
    }
    Some(match name {
        "gomap/generic" => v.visit::<GoGeneric<Precomputed>>(name),
        "gomap/generic/from-b" => v.visit::<GoGeneric<FromB>>(name),
        "gomap/fast64" => v.visit::<GoFast64<KeysScalar>>(name),
        "gomap/fast64/from-b" => v.visit::<GoFast64<KeysScalar, FromB>>(name),
        #[cfg(target_arch = "x86_64")]
        "gomap/fast64/sse2" => v.visit::<GoFast64<KeysSse2>>(name),
        #[cfg(target_arch = "x86_64")]
        "gomap/fast64/avx2" => v.visit::<GoFast64<KeysAvx2>>(name),
        #[cfg(target_arch = "x86_64")]
        "gomap/fast64/avx512" => v.visit::<GoFast64<KeysAvx512>>(name),
        "hashbrown" => v.visit::<Hashbrown>(name),
        "std" => v.visit::<StdMap>(name),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Roundtrip;
    impl Visit for Roundtrip {
        type Out = ();
        fn visit<M: SingleMap>(self, name: &str) {
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
    fn row_identity_splits_a_spelled_isa() {
        assert_eq!(
            row_identity("gomap/fast64/avx2", "avx2"),
            ("gomap/fast64", "avx2")
        );
        assert_eq!(
            row_identity("gomap/fast64", "scalar"),
            ("gomap/fast64", "scalar")
        );
        assert_eq!(row_identity("hashbrown", "sse2"), ("hashbrown", "sse2"));
    }

    #[test]
    fn every_contender_behaves() {
        for name in available() {
            dispatch(name, Roundtrip).unwrap();
        }
        assert!(dispatch("nope", Roundtrip).is_none());
    }
}
