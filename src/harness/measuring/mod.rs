//! How a number is made: interleaved rounds, groups of members, timed loops, and what
//! surrounds a sample (placement, allocator, noise, latency, progress, stop signals), with
//! the map under test kept at arm's length (its panics are faults, its hangs the
//! watchdog's).

pub mod allocator;
pub mod facts;
pub mod fault;
pub mod groups;
pub mod index_kernels;
pub mod journal;
pub mod latency;
pub mod noise;
pub mod placement;
pub mod probe_kernels;
pub mod progress;
pub mod rounds;
pub mod runner;
pub mod single;
pub mod stop;
pub mod watchdog;
