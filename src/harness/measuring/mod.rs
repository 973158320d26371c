//! How a number is made: interleaved rounds, groups of members, timed loops, and what
//! surrounds a sample (placement, allocator, noise, latency, progress, stop signals).

pub mod allocator;
pub mod facts;
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
