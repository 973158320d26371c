//! The command line as a library call: [`main`] is the `gomap-bench` binary, and
//! [`main_with`] is the same command line in a binary of the user's own, with the user's
//! maps registered beside the built-in ones.
//!
//! A user's map is added once, at start-up, through a [`Registrar`]; from then on every
//! command lists, measures, checks, reports and compares it as it does the built-in maps
//! (its rows carry its name and role). Adding it instantiates, for its type, every job the
//! harness will ask of it — the list below ([`Registrar::add`], [`Registrar::add_single`]) is
//! the one place that names them all (see `contenders::added` for why a list is needed).
//!
//! ```no_run
//! # use gomap_bench::contenders::{BuildSpec, Contender, Handle};
//! # struct MyMap;
//! # impl Contender for MyMap {
//! #     const NAME: &'static str = "my-map";
//! #     type Handle<'a> = &'a MyMap;
//! #     fn build(_: &BuildSpec) -> Self { MyMap }
//! #     fn handle(&self) -> &MyMap { self }
//! #     fn len(&self) -> usize { 0 }
//! # }
//! # impl Handle for &MyMap {
//! #     fn get(&mut self, _: &u64) -> Option<u64> { None }
//! #     fn insert(&mut self, _: u64, _: u64) -> bool { true }
//! #     fn remove(&mut self, _: &u64) -> bool { false }
//! #     fn update(&mut self, _: u64, _: u64) -> bool { false }
//! # }
//! fn main() -> std::process::ExitCode {
//!     gomap_bench::main_with(|r| r.add::<MyMap>())
//! }
//! ```

use crate::commands::{self, EXIT_BAD_INPUT};
use crate::contenders::added::{self, AddedConcurrent, AddedSingle, Additions, Jobs};
use crate::contenders::single::{Entry, SingleMap};
use crate::contenders::{registry, Contender};
use crate::harness::checks::check;
use crate::harness::measuring::allocator::{self, HUGE_PAGES_ENV};
use crate::harness::measuring::{groups, placement, stop};
use crate::harness::suites::counts::kernel;
use crate::vocabulary::Role;
use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// The maps a user's binary adds, collected before anything runs.
#[derive(Default)]
pub struct Registrar {
    added: Additions,
    /// The first registration that cannot be accepted, said in one line.
    refused: Option<String>,
}

impl Registrar {
    /// Adds the concurrent map `C` (the contention suite, `check`, and everything that reads
    /// their results).
    pub fn add<C: Contender>(&mut self) {
        if let Err(e) = self.check_name(C::NAME, C::ROLE) {
            self.refused.get_or_insert(e);
            return;
        }
        let mut jobs = Jobs::default();
        groups::add_concurrent_jobs::<C>(&mut jobs);
        check::add_concurrent_jobs::<C>(&mut jobs);
        self.added.concurrent.push(AddedConcurrent {
            descriptor: crate::contenders::Descriptor::of::<C>(),
            jobs,
        });
    }

    /// Adds the single-thread map `M` as `name` (the ops suite, `counts`), a map of its own
    /// with role `role` (the rows' `map` is `name` too).
    pub fn add_single<M: SingleMap>(&mut self, name: &'static str, role: Role) {
        if let Err(e) = self.check_name(name, role) {
            self.refused.get_or_insert(e);
            return;
        }
        let mut jobs = Jobs::default();
        groups::add_single_jobs::<M>(&mut jobs);
        kernel::add_single_jobs::<M>(&mut jobs);
        self.added.single.push(AddedSingle {
            entry: Entry::own::<M>(name, role),
            jobs,
        });
    }

    /// A name is one word of `--maps a,b`, new to the registry; the reference is built in.
    fn check_name(&self, name: &str, role: Role) -> Result<(), String> {
        if name.is_empty() || name.contains([',', ' ', '\t', '\n', '[', ']']) {
            return Err(format!(
                "cannot add map '{name}': a name is one word without commas or brackets"
            ));
        }
        let taken = registry::find(name).is_some()
            || self
                .added
                .concurrent
                .iter()
                .any(|a| a.descriptor.name == name)
            || self.added.single.iter().any(|a| a.entry.name == name);
        if taken {
            return Err(format!("cannot add map '{name}': the name is taken"));
        }
        if role == Role::Reference {
            return Err(format!(
                "cannot add map '{name}' as the reference: every map is divided by the \
                 built-in one (use Role::Ours or Role::Other)"
            ));
        }
        Ok(())
    }

    /// Installs what was added, for the rest of the process.
    pub fn install(self) -> Result<(), String> {
        if let Some(e) = self.refused {
            return Err(e);
        }
        added::install(self.added)
    }
}

/// The `gomap-bench` command line with the maps `register` adds beside the built-in ones;
/// returns the process's exit status. Call it from `main` (or a `[[bench]]` with
/// `harness = false`) of a binary of your own.
pub fn main_with(register: impl FnOnce(&mut Registrar)) -> ExitCode {
    let mut r = Registrar::default();
    register(&mut r);
    if let Err(e) = r.install() {
        eprintln!("gomap-bench: error: {e}");
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    main()
}

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
    /// One self-contained HTML page of results files: the headline answers, the verdicts
    /// against --baseline, the charts; ratios, findings, failures and run facts folded.
    Report(commands::report::Args),
    /// Turn criterion's output into a results file.
    Collect(commands::collect::Args),
    /// Merge results files from one machine (later rows replace earlier ones).
    Merge(commands::merge::Args),
    /// Did a change regress? Two builds (binaries, git revisions, or WORKTREE: the working
    /// tree as it is) measured alternately in one sitting, judged by paired ratios: exit 0 no
    /// regression, 1 regression, 2 bad input.
    Ab(commands::ab::Args),
    /// Print the findings tables (ratios with their 95% intervals) of a results file, as
    /// `run` prints them.
    Findings(commands::findings::Args),
    /// Regenerate the README's and docs' generated blocks (every measured figure) from the
    /// committed results; `--check`: list the stale ones and exit 1.
    Docs(commands::docs::Args),
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

/// The `gomap-bench` command line with the built-in maps (and any a user's binary added).
pub fn main() -> ExitCode {
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
        if let Some(note) = placement::missing_here().filter(|_| !cli.command.is_part()) {
            eprintln!("{note}");
        }
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
        Command::Docs(a) => commands::docs::run(a),
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
    /// A process `run` starts for a share of its work (its note was `run`'s to print).
    fn is_part(&self) -> bool {
        matches!(self, Command::Measure(_))
    }

    /// The commands whose numbers are compared with other runs' (see `harness::placement`):
    /// they run without address-space randomization, and stop cleanly on a signal.
    fn measures(&self) -> bool {
        matches!(
            self,
            Command::Run(_) | Command::Locate(_) | Command::Contention(_) | Command::Measure(_)
        )
    }
}
