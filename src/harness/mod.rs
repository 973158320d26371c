//! The harness: workloads, keys, the core-pinned runner, validation, machine facts.

pub mod keys;
