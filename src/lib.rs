//! gomap-bench: how does the Go runtime's classic map design behave in Rust, on one core,
//! on many cores, and against the real thing?
//!
//! Data flows one way: `gomap` (the map) → `concurrent` (the map made shareable) →
//! `contenders` (every map under test behind one trait) → `harness` (workloads, pinned
//! runner, validation) → `results` (JSON, comparison, plots). No module imports one to
//! its left.

pub mod concurrent;
pub mod contenders;
pub mod gomap;
pub mod harness;
pub mod results;

pub use gomap::GoMap;
