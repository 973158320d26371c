//! The `gomap-bench` command line: parses and dispatches. Each subcommand is a file of the
//! library's `commands` layer (its flags and its `run`); this file holds what only a binary
//! may: the global allocator, the process's start (huge pages, ASLR), and the exit status.
//!
//! Adding a subcommand is one file in `src/commands/`, one `Command` variant and one match
//! arm in `main`. Every subcommand returns a `commands::Outcome`; an error is printed as one
//! line on stderr and exits 2 (as clap's own usage errors do).

use clap::{Parser, Subcommand};
use gomap_bench::commands::{self, EXIT_BAD_INPUT};
use gomap_bench::harness::measuring::allocator::{self, HarnessAllocator, HUGE_PAGES_ENV};
use gomap_bench::harness::measuring::{placement, stop};
use std::process::ExitCode;

/// Huge pages for big allocations, bytes counted during prefill windows (see
/// `harness::allocator`).
#[global_allocator]
static ALLOCATOR: HarnessAllocator = HarnessAllocator;

#[derive(Parser)]
#[command(name = "gomap-bench", version, about = "Go-layout hash map benchmarks")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Single-thread: locate cost (bucket index, probes) and operations vs hashbrown and std.
    Locate(commands::locate::Args),
    /// The main job: locate, ops and contention in one pass, then plots and the comparison
    /// against the baseline (a few minutes; --quick: under one).
    Run(commands::run::Args),
    /// Concurrent maps under contention: every map × workload × distribution × thread count.
    ///
    /// Exit status: 0 every cell measured (a map that answers wrongly is measured and marked
    /// INVALID); 2 bad input; 3 a cell FAILED: its map panicked, or hung in an earlier
    /// sitting (its row says which, the others were measured); 4 a map hung: the run stopped
    /// with one line naming the cell, its journal keeps every finished block and the hung
    /// cell, and --resume finishes the rest; 130 / 143 stopped by SIGINT / SIGTERM (the
    /// journal kept likewise).
    Contention(commands::contention::Args),
    /// Compare a run against a baseline: exit 0 no regression, 1 regression, 2 bad input.
    Compare(commands::compare::Args),
    /// Render SVG charts from results files.
    Plot(commands::plot::Args),
    /// One self-contained HTML page of results files: run facts, findings, ratios with
    /// intervals, invalid and noisy cells, every chart.
    Report(commands::report::Args),
    /// Turn criterion's output into a results file.
    Collect(commands::collect::Args),
    /// Merge results files from one machine (later rows replace earlier ones).
    Merge(commands::merge::Args),
    /// Did a change regress? Two builds (binaries or git revisions) measured alternately in
    /// one sitting, judged by paired ratios: exit 0 no regression, 1 regression, 2 bad input.
    Ab(commands::ab::Args),
    /// Print the findings tables (ratios with their 95% intervals) of a results file, as
    /// `run` prints them.
    Findings(commands::findings::Args),
    /// Print the path of this machine's baseline (the user's own, or the committed
    /// reference when it was measured here); exit 2 with one line when there is none.
    Baseline(commands::baseline::Args),
    /// One pass of the main job's measurements into a results file, nothing else (a
    /// calibration pass of `run --update-baseline`); not for people.
    #[command(hide = true)]
    Measure(commands::measure::Args),
    /// One build's side of `ab` (reads requests on stdin); not for people.
    #[command(hide = true)]
    Worker(commands::worker::Args),
    /// Go's racy detection programs against gomap-failfast's Result API (rates, not speeds).
    Detect(commands::detect::Args),
    /// Threads writing the same keys, checked rather than timed: linearizability of every map
    /// on hot keys, Go's two-writers program, and what shared-write's ledger costs.
    Check(commands::check::Args),
    /// Print one thread's contention op stream (for the Go anchor's cross-check).
    Stream(commands::stream::Args),
    /// Where an op's time goes, on a simulated CPU (valgrind's callgrind): instructions,
    /// mispredicted branches and cache misses per op of the ops suite, ×hashbrown.
    Counts(commands::counts::Args),
    /// One counted loop of `counts` (run under callgrind); prints its op count. Not for people.
    #[command(hide = true)]
    Kernel(commands::kernel::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => e.exit(), // --help, --version
        Err(e) => {
            // clap's first line is the error itself; the usage lines after it are dropped
            // so that every bad input is one line.
            let msg = e.to_string();
            eprintln!("{}", msg.lines().next().unwrap_or("error: bad arguments"));
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    // Before anything big is allocated (see `harness::allocator`).
    if std::env::var(HUGE_PAGES_ENV).is_ok_and(|v| v == "off" || v == "0") {
        allocator::set_huge_pages(false);
    }
    if cli.command.measures() {
        // Before the re-execution, so that this process passes each signal on to the run
        // instead of dying of it (see `harness::stop`).
        stop::install();
        if let Some(code) = placement::reexec_without_aslr() {
            return ExitCode::from(code);
        }
    }
    let result = match cli.command {
        Command::Run(a) => commands::run::run(a),
        Command::Locate(a) => commands::locate::run(a),
        Command::Contention(a) => commands::contention::run(a),
        Command::Compare(a) => commands::compare::run(a),
        Command::Plot(a) => commands::plot::run(a),
        Command::Report(a) => commands::report::run(a),
        Command::Collect(a) => commands::collect::run(a),
        Command::Merge(a) => commands::merge::run(a),
        Command::Ab(a) => commands::ab::run(a),
        Command::Worker(a) => commands::worker::run(a),
        Command::Baseline(a) => commands::baseline::run(a),
        Command::Findings(a) => commands::findings::run(a),
        Command::Measure(a) => commands::measure::run(a),
        Command::Detect(a) => commands::detect::run(a),
        Command::Check(a) => commands::check::run(a),
        Command::Stream(a) => commands::stream::run(a),
        Command::Counts(a) => commands::counts::run(a),
        Command::Kernel(a) => commands::kernel::run(a),
    };
    result.unwrap_or_else(|e| {
        eprintln!("gomap-bench: error: {e}");
        ExitCode::from(EXIT_BAD_INPUT)
    })
}

impl Command {
    /// The commands whose numbers are compared with other runs' (see `harness::placement`):
    /// they run without address-space randomization, and stop cleanly on a signal.
    fn measures(&self) -> bool {
        matches!(
            self,
            Command::Run(_) | Command::Locate(_) | Command::Contention(_) | Command::Measure(_)
        )
    }
}
