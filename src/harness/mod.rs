//! The harness: workloads, keys, the timed loops, the core-pinned runner, validation, and
//! what surrounds a measurement (noise, latency, memory, progress, machine facts).
//!
//! - [`keys`]: fixed-seed keys shared by every suite and the Go anchor.
//! - [`single`], [`index_kernels`], [`probe_kernels`]: the single-thread timed
//!   loops and statistics; [`locate_suite`]: the `locate` command.
//! - [`workload`]: the contention op mixes and each thread's pre-generated op stream.
//! - [`runner`]: one cell (contender × workload × dist × threads): calibrate, pin, time.
//! - [`validate`]: every cell's outcome against the one its streams predict;
//!   [`conserve`]: `shared-write`'s conservation check, key by key.
//! - [`linearizability`]: a Wing–Gong checker of per-key histories; [`sharing`]: the `check`
//!   command (linearizability of every contender on hot keys, the two-writers program, the
//!   cost of the conservation ledger).
//! - [`op_counts`]: the `counts` command: per-op events (instructions, mispredictions,
//!   cache misses) of the single-thread loops on a simulated CPU.
//! - [`noise`], [`latency`], [`allocator`], [`placement`], [`progress`]: the surroundings;
//!   [`stop`]: SIGINT and SIGTERM, which end a run after its current group.
//! - [`contention`]: the `contention` command: config, the cell matrix, results, summary.
//! - [`detection`]: the `detect` command: the Go anchor's racy programs against
//!   `gomap-failfast`'s `Result` API; [`stream_print`]: op streams as text for the Go anchor.

pub mod allocator;
pub mod conserve;
pub mod contention;
pub mod detection;
pub mod groups;
pub mod index_kernels;
pub mod keys;
pub mod latency;
pub mod linearizability;
pub mod locate_suite;
pub mod noise;
pub mod op_counts;
pub mod placement;
pub mod probe_kernels;
pub mod progress;
pub mod rounds;
pub mod runner;
pub mod sharing;
pub mod single;
pub mod stop;
pub mod stream_print;
pub mod validate;
pub mod workload;
