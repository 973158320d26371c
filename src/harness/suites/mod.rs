//! The measuring suites as the commands run them: `locate` (locate, probe and ops suites),
//! `contention` (the matrix) and `counts` (per-op events on a simulated CPU).

pub mod contention;
pub mod counts;
pub mod locate;
