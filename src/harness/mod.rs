//! The harness: workloads, keys, the core-pinned runner, validation, and what surrounds a
//! measurement (noise, latency, memory, progress, machine facts).
//!
//! - [`keys`]: fixed-seed keys shared by every suite and the Go anchor.
//! - [`workload`]: the contention op mixes and each thread's pre-generated op stream.
//! - [`runner`]: one cell (contender × workload × dist × threads): calibrate, pin, time.
//! - [`validate`]: every cell's outcome against the one its streams predict.
//! - [`noise`], [`latency`], [`alloc_counter`], [`progress`], [`machine`]: the surroundings.
//! - [`contention`]: the `contention` command: config, the cell matrix, results, summary.

pub mod alloc_counter;
pub mod contention;
pub mod keys;
pub mod latency;
pub mod machine;
pub mod noise;
pub mod progress;
pub mod runner;
pub mod validate;
pub mod workload;
