//! gomap-bench: how does the Go runtime's classic map design behave in Rust, on one core,
//! on many cores, and against the real thing?
//!
//! Data flows one way, and each layer imports only layers below it (or its own):
//! `commands` → `pipeline`, `ab` → `harness` → `results` → `contenders` → `concurrent` →
//! `gomap`, with `vocabulary` and `rng` at the bottom, under every layer (`tests/layers.rs`
//! holds every module to it).
//!
//! - [`commands`]: one file per subcommand of `gomap-bench` (its flags and its `run`);
//!   `main.rs` only parses and dispatches.
//! - [`pipeline`]: the main job (`gomap-bench run`): measuring, calibration, plots, report
//!   and the comparison with the baseline in one pass.
//! - [`ab`]: `gomap-bench ab`: two builds measured alternately in one sitting.
//! - [`harness`]: how a number is made (rounds, groups, timed loops, pinned runner,
//!   placement, journal), workloads and their validation, the correctness checks, and the
//!   suites with their plans.
//! - [`results`]: the versioned results schema, analysis, comparison, findings, plots and
//!   report: pure functions of JSON documents.
//! - [`contenders`]: the `Contender` / `Handle` traits, one adapter per map, the registry.
//! - [`concurrent`]: GoMap behind a `Mutex` / `RwLock`, sharded, or watched by Go's
//!   `concurrent map writes` detector (made sound).
//! - [`gomap`]: the Go-layout map, single-threaded.
//! - [`vocabulary`]: the closed sets every layer speaks (ops, workloads, distributions,
//!   kernels, programs, roles, ISA, a row's identity); [`rng`]: the one PRNG.

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
pub mod commands;
pub mod concurrent;
pub mod contenders;
pub mod gomap;
pub mod harness;
pub mod pipeline;
pub mod results;
pub mod rng;
pub mod vocabulary;

pub use gomap::GoMap;
