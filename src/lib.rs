//! gomap-bench: how does the Go runtime's classic map design behave in Rust, on one core,
//! on many cores, and against the real thing?
//!
//! # Layers
//!
//! Data flows one way. Each line below is a layer; a module imports only from its own layer
//! and the layers under it, never from one above, and two modules that share a line (`|`)
//! do not import each other. `tests/layers.rs` reads this very block and fails the build's
//! tests on any `use` (or path) that breaks it, and on a module that no line names.
//!
//! ```text
//! commands
//! pipeline | ab
//! harness::suites
//! harness::checks
//! harness::measuring
//! harness::workloads
//! results
//! contenders
//! concurrent
//! gomap
//! vocabulary | rng
//! ```
//!
//! - [`commands`]: one file per subcommand of the `gomap-bench` binary; `main.rs` only parses
//!   and dispatches.
//! - [`pipeline`]: the main job (`gomap-bench run`): the suites in processes of their own,
//!   pooled, calibrated, compared, plotted. [`ab`]: two builds measured alternately in one
//!   sitting.
//! - [`harness`]: everything that runs a map, in four rooms, top to bottom: `suites` (what
//!   each measuring command measures: locate, contention, counts; every preset plan of
//!   rounds, in one file), `checks` (answers checked rather than timed: linearizability,
//!   the two-writers program, Go's racy programs), `measuring` (interleaved rounds, groups,
//!   the timed loops, the pinned runner, placement, allocator, noise, stop signals, the
//!   journal, a map's faults and the watchdog on its hangs, this machine's facts) and
//!   `workloads` (keys, op mixes and streams, validation,
//!   conservation). The rooms answer the questions a newcomer brings — what does this
//!   command measure, is it correct, how is it timed, what does a thread do — and each uses
//!   only the rooms under it.
//! - [`results`]: the versioned results schema and everything that reads it: the analysis
//!   (medians, intervals, paired ratios, pooling — each computed once), the formats (a ratio
//!   with its interval, a size, a number — each written once), compare, findings, plots, the
//!   HTML report. Pure functions of JSON documents, so a run can be judged and redrawn long
//!   after, from its file alone; the journal and the machine's facts, which touch the disk
//!   and the OS while a run is measured, are the harness's.
//! - [`contenders`]: every map under test behind one of two small traits (concurrent,
//!   single-thread), and one registry that describes both alike.
//! - [`concurrent`]: GoMap behind a `Mutex` / `RwLock`, sharded, or watched by Go's
//!   `concurrent map writes` detector (made sound); and Go's layout rebuilt for sharing,
//!   with readers that take no lock (`lockfree`).
//! - [`gomap`]: the Go-layout map, single-threaded.
//! - [`vocabulary`]: the closed sets every layer speaks (ops, workloads, distributions,
//!   kernels, programs, roles, ISA, a row's identity), with their names and parsing only.
//!   [`rng`]: the one pseudo-random stream (splitmix64) of keys, streams and round orders.

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

// Unix only: the signal handling (`harness::measuring::stop`), the exit status of a
// re-executed process, the link `counts` runs its kernels through and the shell `ab` exports
// a revision with are Unix calls. Beyond that, what needs Linux or x86_64 has a fallback or
// a one-line refusal (the README's platforms paragraph lists them).
#[cfg(not(unix))]
compile_error!(
    "gomap-bench builds on Unix only, and measures fully on Linux x86_64 (see the README)"
);

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

pub use commands::entry::{main, main_with, Registrar};
pub use gomap::GoMap;
