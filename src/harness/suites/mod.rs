//! The measuring suites as the commands run them: `locate` (locate, probe and ops suites),
//! `contention` (the matrix) and `counts` (per-op events on a simulated CPU), and the
//! `plans` every command measures them with (the main job's included).

pub mod contention;
pub mod counts;
pub mod locate;
pub mod plans;
