//! The harness: keys and workloads, the timed loops, validation, and the suites that turn
//! them into results.

pub mod index_kernels;
pub mod keys;
pub mod locate_suite;
pub mod paired;
pub mod probe_kernels;
pub mod single;
