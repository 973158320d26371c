//! gomap-bench: how does the Go runtime's classic map design behave in Rust, on one core,
//! on many cores, and against the real thing?
//!
//! Data flows one way: `gomap` (the map) → `concurrent` (the map made shareable) →
//! `contenders` (every map under test behind one trait) → `harness` (workloads, pinned
//! runner, validation) → `results` (JSON, comparison, plots). No module imports one to
//! its left.
//!
//! - [`gomap`]: the Go-layout map, single-threaded.
//! - [`concurrent`]: GoMap behind a `Mutex` / `RwLock`, sharded, or watched by Go's
//!   `concurrent map writes` detector (made sound).
//! - [`contenders`]: the `Contender` / `Handle` traits, one adapter per map, the registry.
//! - [`harness`]: keys, workloads, the runner, validation (predicted outcomes, or conservation
//!   key by key for shared writes), a linearizability checker, and the `contention`, `detect`
//!   and `check` commands.
//! - [`results`]: the versioned results schema, comparison, plots.
//! - [`isa`]: the instruction set a timed loop ran with, as a type.
//! - [`ab`]: `gomap-bench ab`: two builds measured alternately in one sitting.
//! - [`pipeline`]: the main job (`gomap-bench run`): all of the above in one pass.

// Declared before the modules so that every one of them can use it.
/// Serializes a closed-set type as its name and reads it back with `FromStr`, so that the
/// JSON shows the same words the CLI accepts.
macro_rules! serde_by_name {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <String as serde::Deserialize>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub mod ab;
pub mod concurrent;
pub mod contenders;
pub mod gomap;
pub mod harness;
pub mod pipeline;
pub mod results;
pub mod rng;
pub mod vocabulary;

pub use gomap::GoMap;
