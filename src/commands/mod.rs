//! The commands: one file per subcommand of `gomap-bench`, named as the command, each with
//! its flags (`Args`, a clap struct whose field docs are the `--help` text) and its `run`,
//! which turns the flags into the library's configuration, calls the library and prints.
//!
//! This is the top layer: a command may use every layer below it (the main job, `ab`, the
//! harness, results), and nothing below knows the commands exist. What a command checks,
//! measures or renders lives below, next to what it is about (a configuration's
//! `validate`, a suite's run, a results renderer); a command holds only what is about the
//! command line itself: which flag overrides which default, what goes to stdout and what to
//! stderr, and the exit status. [`entry`] parses and dispatches (`main.rs` calls it; so does a
//! user's binary, with maps of its own added).
//!
//! Every command returns an [`Outcome`]: its exit status, or an error that `main` prints as
//! one line on stderr, exiting [`EXIT_BAD_INPUT`] (as clap's own usage errors do). Progress
//! goes to stderr ([`progress`]), so that stdout holds only what a command answers.

pub mod ab;
pub mod baseline;
pub mod check;
pub mod collect;
pub mod compare;
pub mod contention;
pub mod counts;
pub mod detect;
pub mod docs;
pub mod entry;
pub mod findings;
pub mod kernel;
pub mod locate;
pub mod measure;
pub mod merge;
pub mod plot;
pub mod report;
pub mod run;
pub mod stream;
pub mod worker;

use crate::harness::measuring::rounds::Plan;
use crate::results::io::{self, BaselinePolicy};
use std::path::Path;
use std::process::ExitCode;

/// What every command's `run` returns.
pub type Outcome = Result<ExitCode, Box<dyn std::error::Error>>;

/// Exit status for bad input (unreadable, malformed, incomparable files; bad flags).
pub const EXIT_BAD_INPUT: u8 = 2;

/// Exit status of a measuring run that completed but could not measure a cell: its map
/// panicked, or hung in an earlier sitting of a resumed run (the row is marked `failure`).
/// Distinct from a regression's 1: nothing was compared.
pub const EXIT_CELL_FAILED: u8 = 3;

/// Exit status of a run that a hung map stopped: one line on stderr names the cell, the
/// journal keeps every finished block and the hung cell, `--resume` goes on without it.
pub const EXIT_HUNG: u8 = crate::harness::measuring::watchdog::HUNG_EXIT;

/// A progress line, on stderr.
pub fn progress(line: &str) {
    eprintln!("{line}");
}

/// Writes `text` to `out` (atomically) or to stdout.
pub fn emit(text: &str, out: Option<&Path>) -> Result<(), Box<dyn std::error::Error>> {
    match out {
        Some(path) => io::write_atomic(path, text.as_bytes())?,
        None => print!("{text}"),
    }
    Ok(())
}

/// `--update-baseline` as a policy: a results file may replace a baseline only when asked.
pub fn baseline_policy(update: bool) -> BaselinePolicy {
    if update {
        BaselinePolicy::Replace
    } else {
        BaselinePolicy::Protect
    }
}

/// A closed-set name (`get_hit`, `ops`, `table`) as clap's value parser, with the set's own
/// one-line error.
pub fn parse_name<T: std::str::FromStr<Err = String>>(s: &str) -> Result<T, String> {
    s.parse()
}

/// How the interleaved rounds of every group are run (shared by locate and contention).
#[derive(clap::Args)]
pub struct PlanArgs {
    /// Rounds per group, at most (at least 6: a ratio needs them for a 95% interval).
    #[arg(long)]
    rounds: Option<u32>,
    /// Wall seconds a group may take; rounds are cut to fit, down to the minimum.
    #[arg(long)]
    secs: Option<f64>,
    /// Timed milliseconds of one sample.
    #[arg(long)]
    sample_ms: Option<f64>,
    /// Seed of the shuffled member orders.
    #[arg(long)]
    seed: Option<u64>,
    /// Blocks of rounds; every map is rebuilt (at new addresses) between two.
    #[arg(long)]
    blocks: Option<u32>,
}

impl PlanArgs {
    /// Adjusts a preset ([`crate::harness::suites::plans`]) by the flags given.
    pub fn apply(&self, p: &mut Plan) {
        if let Some(r) = self.rounds {
            p.max_rounds = r;
            p.min_rounds = p.min_rounds.min(r);
        }
        p.group_secs = self.secs.unwrap_or(p.group_secs);
        p.sample_secs = self.sample_ms.map_or(p.sample_secs, |ms| ms / 1e3);
        p.seed = self.seed.unwrap_or(p.seed);
        p.blocks = self.blocks.unwrap_or(p.blocks);
    }
}
