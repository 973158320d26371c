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
//! - [`harness`]: keys, workloads, the runner, validation, and the `contention` command.
//! - [`results`]: the versioned results schema, comparison, plots.
//! - [`isa`]: the instruction set a timed loop ran with, as a type.
//! - [`pipeline`]: the main job (`gomap-bench run`): all of the above in one pass.

pub mod concurrent;
pub mod contenders;
pub mod gomap;
pub mod harness;
pub mod isa;
pub mod pipeline;
pub mod results;

pub use gomap::GoMap;
