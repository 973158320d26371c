//! The `gomap-bench` command line: parses, calls the library, prints. No logic of its own.
//!
//! Adding a subcommand is one `Command` variant (with its `Args` struct) and one match arm
//! in `main`, each in its own block, so parallel additions merge without touching each other.
//! Every subcommand returns `Result<ExitCode, Box<dyn Error>>`; an error is printed as one
//! line on stderr and exits 2 (as clap's own usage errors do).

use clap::{Parser, Subcommand};
use gomap_bench::ab;
use gomap_bench::harness::checks::check::{self, CheckConfig};
use gomap_bench::harness::checks::detect::{self, DetectConfig};
use gomap_bench::harness::measuring::allocator::{self, HarnessAllocator};
use gomap_bench::harness::measuring::facts;
use gomap_bench::harness::measuring::journal::{Header, Journal};
use gomap_bench::harness::measuring::rounds::Plan;
use gomap_bench::harness::measuring::stop::{self, Signal};
use gomap_bench::harness::suites::contention::{self, ContentionConfig};
use gomap_bench::harness::suites::locate::{self, LocateConfig};
use gomap_bench::harness::workloads::stream;
use gomap_bench::pipeline;
use gomap_bench::results::schema::Results;
use gomap_bench::results::{collect, compare, findings, html, io, merge, plots, report};
use gomap_bench::vocabulary::{Op, Suite};
use std::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;

type CmdResult = Result<ExitCode, Box<dyn Error>>;

/// Huge pages for big allocations, bytes counted during prefill windows (see
/// `harness::allocator`).
#[global_allocator]
static ALLOCATOR: HarnessAllocator = HarnessAllocator;

/// Exit status for bad input (unreadable, malformed, incomparable files).
const EXIT_BAD_INPUT: u8 = 2;

#[derive(Parser)]
#[command(name = "gomap-bench", version, about = "Go-layout hash map benchmarks")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Single-thread: locate cost (bucket index, probes) and operations vs hashbrown and std.
    Locate(LocateArgs),
    /// The main job: locate, ops and contention in one pass, then plots and the comparison
    /// against the baseline (a few minutes; --quick: under one).
    Run(RunArgs),
    /// Concurrent maps under contention: every map × workload × distribution × thread count.
    Contention(ContentionArgs),
    /// Compare a run against a baseline: exit 0 no regression, 1 regression, 2 bad input.
    Compare(CompareArgs),
    /// Render SVG charts from results files.
    Plot(PlotArgs),
    /// One self-contained HTML page of results files: run facts, findings, ratios with
    /// intervals, invalid and noisy cells, every chart.
    Report(ReportArgs),
    /// Turn criterion's output into a results file.
    Collect(CollectArgs),
    /// Merge results files from one machine (later rows replace earlier ones).
    Merge(MergeArgs),
    /// Did a change regress? Two builds (binaries or git revisions) measured alternately in
    /// one sitting, judged by paired ratios: exit 0 no regression, 1 regression, 2 bad input.
    Ab(AbArgs),
    /// Print the findings tables (ratios with their 95% intervals) of a results file, as
    /// `run` prints them.
    Findings {
        /// A results file, e.g. results/reference/baseline.json.
        file: PathBuf,
    },
    /// Print the path of this machine's baseline (the user's own, or the committed
    /// reference when it was measured here); exit 2 with one line when there is none.
    Baseline,
    /// One pass of the main job's measurements into a results file, nothing else (a
    /// calibration pass of `run --update-baseline`); not for people.
    #[command(hide = true)]
    Measure {
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        quick: bool,
        /// This process's share (0-based) of a run measured in `--parts` processes.
        #[arg(long, default_value_t = 0)]
        part: u32,
        #[arg(long, default_value_t = 1)]
        parts: u32,
        /// Go on from the journal beside `--out`.
        #[arg(long)]
        resume: bool,
    },
    /// One build's side of `ab` (reads requests on stdin); not for people.
    #[command(hide = true)]
    Worker,
    /// Go's racy detection programs against gomap-failfast's Result API (rates, not speeds).
    Detect(DetectArgs),
    /// Threads writing the same keys, checked rather than timed: linearizability of every map
    /// on hot keys, Go's two-writers program, and what shared-write's ledger costs.
    Check(CheckArgs),
    /// Print one thread's contention op stream (for the Go anchor's cross-check).
    Stream(StreamArgs),
    /// Where an op's time goes, on a simulated CPU (valgrind's callgrind): instructions,
    /// mispredicted branches and cache misses per op of the ops suite, ×hashbrown.
    Counts(CountsArgs),
    /// One counted loop of `counts` (run under callgrind); prints its op count. Not for people.
    #[command(hide = true)]
    Kernel {
        #[arg(long)]
        map: String,
        #[arg(long, value_parser = parse_op)]
        op: Op,
        #[arg(long)]
        size_log2: u32,
    },
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
        if let Some(code) = reexec_without_aslr() {
            return code;
        }
    }
    let result = match cli.command {
        Command::Run(a) => cmd_run(a),
        Command::Locate(a) => cmd_locate(a),
        Command::Contention(a) => cmd_contention(a),
        Command::Compare(a) => cmd_compare(a),
        Command::Plot(a) => cmd_plot(a),
        Command::Report(a) => cmd_report(a),
        Command::Collect(a) => cmd_collect(a),
        Command::Merge(a) => cmd_merge(a),
        Command::Ab(a) => cmd_ab(a),
        Command::Worker => cmd_worker(),
        Command::Baseline => cmd_baseline(),
        Command::Findings { file } => cmd_findings(&file),
        Command::Measure {
            out,
            quick,
            part,
            parts,
            resume,
        } => cmd_measure(&out, quick, part, parts, resume),
        Command::Detect(a) => cmd_detect(a),
        Command::Check(a) => cmd_check(a),
        Command::Stream(a) => cmd_stream(a),
        Command::Counts(a) => cmd_counts(a),
        Command::Kernel { map, op, size_log2 } => cmd_kernel(&map, op, size_log2),
    };
    result.unwrap_or_else(|e| {
        eprintln!("gomap-bench: error: {e}");
        ExitCode::from(EXIT_BAD_INPUT)
    })
}

impl Command {
    /// The commands whose numbers are compared with other runs' (see `harness::placement`).
    fn measures(&self) -> bool {
        matches!(
            self,
            Command::Run(_) | Command::Locate(_) | Command::Contention(_) | Command::Measure { .. }
        )
    }
}

/// `off` (or `0`): big allocations on ordinary pages instead of huge ones.
const HUGE_PAGES_ENV: &str = "GOMAP_BENCH_HUGE_PAGES";

/// Set in the re-executed process, so that it never re-executes again.
const REEXEC_ENV: &str = "GOMAP_BENCH_FIXED_LAYOUT";

/// Runs this very command again with address-space randomization off, so that two runs of
/// one build place code, heap and stack alike; its exit status, or `None` when this process
/// already runs so (or cannot start one that does, and measures as it is).
fn reexec_without_aslr() -> Option<ExitCode> {
    if gomap_bench::harness::measuring::placement::aslr_off()
        || std::env::var_os(REEXEC_ENV).is_some()
    {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    let mut cmd = std::process::Command::new(exe);
    gomap_bench::harness::measuring::placement::without_aslr(&mut cmd);
    stop::detach(&mut cmd);
    let mut child = cmd
        .args(std::env::args_os().skip(1))
        .env(REEXEC_ENV, "1")
        .spawn()
        .ok()?;
    stop::set_child(Some(child.id()));
    let status = child.wait().ok()?;
    Some(match status.code() {
        Some(c) => ExitCode::from(c.clamp(0, 255) as u8),
        // Killed by a signal: report it as a failure, as a shell would (128 + signal).
        None => {
            use std::os::unix::process::ExitStatusExt;
            ExitCode::from(128u8.saturating_add(status.signal().unwrap_or(0) as u8))
        }
    })
}

/// Writes `text` to `out` (atomically) or to stdout.
fn emit(text: &str, out: Option<&PathBuf>) -> Result<(), Box<dyn Error>> {
    match out {
        Some(path) => io::write_atomic(path, text.as_bytes())?,
        None => print!("{text}"),
    }
    Ok(())
}

// ---- run ---------------------------------------------------------------------------------

#[derive(clap::Args)]
struct RunArgs {
    /// Small maps and short samples: under a minute.
    #[arg(long)]
    quick: bool,
    /// Results file (never a baseline).
    #[arg(long, default_value = "results/local/latest.json")]
    out: PathBuf,
    #[arg(long, default_value = "results/local/plots")]
    plots_dir: PathBuf,
    /// The HTML report of the run (beside its plots).
    #[arg(long, default_value = "results/local/report.html")]
    report: PathBuf,
    /// Compare with this file instead of this machine's baseline.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Ratio changes within this many percent count as unchanged.
    #[arg(long, default_value = "5%")]
    threshold: String,
    /// Also make this run this machine's baseline (results/local/baseline.json), after
    /// comparing with the old one.
    #[arg(long, conflicts_with = "update_reference")]
    update_baseline: bool,
    /// Also make this run the committed reference run (results/reference/baseline.json: the
    /// README's figures and its machine's baseline), after comparing.
    #[arg(long)]
    update_reference: bool,
    /// With --update-baseline / --update-reference: measure this many times (at least 2)
    /// and record how far the ratios moved between passes, which `compare` counts as noise.
    #[arg(long, default_value_t = pipeline::DEFAULT_CALIBRATION_PASSES)]
    calibration_passes: u32,
    /// Measure each pass in this many processes, each with its share of every group's
    /// blocks, pooled (default 6, one per block; 1 with --quick; at most 32): what a process
    /// draws for its lifetime then shows in the intervals. Past 6, each process adds a block
    /// of 6 rounds: 24 takes ~15 minutes for intervals of about ±4% instead of ±9%.
    #[arg(long)]
    processes: Option<u32>,
    /// Go on from the journals a stopped or killed run left (beside each process's part
    /// file in results/local/): finished groups are not measured again.
    #[arg(long)]
    resume: bool,
}

fn cmd_run(a: RunArgs) -> CmdResult {
    let update = match (a.update_baseline, a.update_reference) {
        (_, true) => pipeline::Update::Reference,
        (true, _) => pipeline::Update::Baseline,
        _ => pipeline::Update::Nothing,
    };
    let cfg = pipeline::RunConfig {
        quick: a.quick,
        out: a.out,
        plots_dir: a.plots_dir,
        report: a.report,
        baseline: a.baseline,
        threshold_pct: compare::parse_threshold(&a.threshold)?,
        update,
        calibration_passes: a.calibration_passes,
        pass_binary: std::env::current_exe().ok(),
        processes: a.processes.unwrap_or(if a.quick {
            1
        } else {
            pipeline::DEFAULT_PROCESSES
        }),
        resume: a.resume,
    };
    let outcome = pipeline::run(&cfg, &mut |l| eprintln!("{l}"))?;
    if let Some(sig) = outcome.stopped {
        eprintln!(
            "stopped by {}: {} is partial; `run --resume` goes on from the journals in {}",
            sig.name(),
            cfg.out.display(),
            pipeline::LOCAL_DIR
        );
        return Ok(ExitCode::from(sig.exit_code()));
    }
    println!("{}", findings::findings(&outcome.results.rows));
    println!("{}", outcome.comparison);
    Ok(ExitCode::from(u8::from(outcome.regressed)))
}

// ---- locate ------------------------------------------------------------------------------

/// How the interleaved rounds of every group are run (shared by locate and contention).
#[derive(clap::Args)]
struct PlanArgs {
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
    fn apply(&self, p: &mut Plan) {
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

#[derive(clap::Args)]
struct LocateArgs {
    /// Small sizes and short samples: under a minute.
    #[arg(long)]
    quick: bool,
    /// Map sizes as log2 (e.g. 10,16,20,23).
    #[arg(long, value_delimiter = ',')]
    sizes_log2: Option<Vec<u32>>,
    /// Operations (get_hit, get_miss, insert_presized, insert_grow, remove).
    #[arg(long, value_delimiter = ',', value_parser = parse_op)]
    ops: Option<Vec<Op>>,
    /// Maps of the ops suite.
    #[arg(long, value_delimiter = ',')]
    maps: Option<Vec<String>>,
    #[command(flatten)]
    plan: PlanArgs,
    /// Results file to write.
    #[arg(long, default_value = "results/local/locate.json")]
    out: PathBuf,
    /// Allow `--out` to replace an existing baseline.
    #[arg(long)]
    update_baseline: bool,
    /// Go on from the journal a stopped or killed run left beside `--out`: its finished
    /// groups are not measured again (same configuration and build only).
    #[arg(long)]
    resume: bool,
}

fn parse_op(s: &str) -> Result<Op, String> {
    s.parse()
}

fn cmd_locate(a: LocateArgs) -> CmdResult {
    let mut cfg = if a.quick {
        LocateConfig::quick()
    } else {
        LocateConfig::default_full()
    };
    if let Some(s) = a.sizes_log2 {
        // An exponent past the word size becomes 0, which the config's check refuses.
        cfg.sizes = s
            .into_iter()
            .map(|b| 1usize.checked_shl(b).unwrap_or(0))
            .collect();
    }
    cfg.ops = a.ops.unwrap_or(cfg.ops);
    cfg.maps = a.maps.unwrap_or(cfg.maps);
    a.plan.apply(&mut cfg.plan);
    cfg.validate()?;
    io::check_baseline_overwrite(&a.out, baseline_policy(a.update_baseline))?;
    let config = serde_json::to_value(&cfg)?;
    let mut journal = open_journal(&a.out, "locate", config.clone(), a.resume)?;
    let (rows, stopped) =
        locate::run_journaled(&cfg, Some(&mut journal), &mut |l| eprintln!("{l}"))?;
    let mut run = facts::collect(config);
    run.partial = stopped.is_some();
    let results = Results::new(run, rows);
    io::write(&a.out, &results, baseline_policy(a.update_baseline))?;
    print!("{}", findings::findings(&results.rows));
    eprintln!("wrote {}", a.out.display());
    close_journal(journal, stopped, &a.out)
}

/// The journal beside `out` (see `harness::measuring::journal`), its notes (a resumed run, a torn
/// line) on stderr.
fn open_journal(
    out: &std::path::Path,
    command: &str,
    config: serde_json::Value,
    resume: bool,
) -> Result<Journal, Box<dyn Error>> {
    let opened = Journal::open(out, &Header::new(command, config), resume)?;
    for n in &opened.notes {
        eprintln!("{n}");
    }
    Ok(opened.journal)
}

/// After the results file is written: a complete run's journal goes; a stopped run's stays
/// for `--resume`, and the exit status names the signal (130 SIGINT, 143 SIGTERM).
fn close_journal(journal: Journal, stopped: Option<Signal>, out: &std::path::Path) -> CmdResult {
    match stopped {
        None => {
            journal.remove()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(sig) => {
            eprintln!(
                "stopped by {}: {} is partial; --resume goes on from {}",
                sig.name(),
                out.display(),
                journal.path().display()
            );
            Ok(ExitCode::from(sig.exit_code()))
        }
    }
}

// ---- contention --------------------------------------------------------------------------

#[derive(clap::Args)]
struct ContentionArgs {
    /// Thread counts, e.g. 1,2 (default: 1, 2, 4, … up to the core count).
    #[arg(long)]
    threads: Option<String>,
    /// Workloads: read-heavy, exchange, write-heavy, rapid-grow, shared-write (default: all).
    #[arg(long)]
    workloads: Option<String>,
    /// The hot set of shared-write: every thread reads and writes these keys (default 64).
    #[arg(long)]
    hot_keys: Option<u64>,
    /// Maps, e.g. gomap-sharded,dashmap (default: all registered).
    #[arg(long)]
    maps: Option<String>,
    /// Key distributions of reads and updates: uniform, zipf (default: both).
    #[arg(long)]
    dist: Option<String>,
    /// Prefilled entries (default 65536; --quick 4096).
    #[arg(long)]
    size: Option<u64>,
    #[command(flatten)]
    plan: PlanArgs,
    /// A fixed count of timed ops per thread and sample instead of calibrating.
    #[arg(long)]
    ops: Option<u64>,
    /// Shards of gomap-sharded and dashmap (power of two; default next ≥ 4 × cores).
    #[arg(long)]
    shards: Option<usize>,
    /// Short samples, few rounds, a small map: all maps in under a minute.
    #[arg(long)]
    quick: bool,
    /// Allow more threads than cores.
    #[arg(long)]
    oversubscribe: bool,
    /// Results file (schema v1), written atomically.
    #[arg(long, default_value = "results/local/contention.json")]
    out: PathBuf,
    /// Allow `--out` to replace an existing baseline.json.
    #[arg(long)]
    update_baseline: bool,
    /// No progress output.
    #[arg(long)]
    quiet: bool,
    /// Go on from the journal a stopped or killed run left beside `--out`: its finished
    /// groups are not measured again (same configuration and build only).
    #[arg(long)]
    resume: bool,
}

fn contention_config(a: &ContentionArgs) -> Result<ContentionConfig, Box<dyn Error>> {
    let mut c = if a.quick {
        ContentionConfig::quick()
    } else {
        ContentionConfig::default()
    };
    if let Some(t) = &a.threads {
        c.threads = contention::parse_threads(t)?;
    }
    if let Some(w) = &a.workloads {
        c.workloads = contention::parse_list(w)?;
    }
    if let Some(m) = &a.maps {
        c.maps = contention::parse_maps(m)?;
    }
    if let Some(d) = &a.dist {
        c.dists = contention::parse_list(d)?;
    }
    c.size = a.size.unwrap_or(c.size);
    c.hot_keys = a.hot_keys.unwrap_or(c.hot_keys);
    a.plan.apply(&mut c.plan);
    c.ops_per_sample = a.ops.or(c.ops_per_sample);
    c.shards = a.shards.or(c.shards);
    c.oversubscribe = a.oversubscribe;
    c.quiet = a.quiet;
    c.validate()?;
    Ok(c)
}

fn cmd_contention(a: ContentionArgs) -> CmdResult {
    let config = contention_config(&a)?;
    let policy = baseline_policy(a.update_baseline);
    io::check_baseline_overwrite(&a.out, policy)?;
    let mut journal = open_journal(&a.out, "contention", config.describe(), a.resume)?;
    let measured = contention::run_contention_journaled(&config, Some(&mut journal))?;
    print!("{}", contention::summary(&measured.results));
    io::write(&a.out, &measured.results, policy)?;
    println!("results: {}", a.out.display());
    close_journal(journal, measured.stopped, &a.out)
}

// ---- compare ------------------------------------------------------------------------------

#[derive(clap::Args)]
struct CompareArgs {
    /// The baseline results file (e.g. results/reference/baseline.json).
    baseline: PathBuf,
    /// The results file to judge (e.g. results/local/latest.json).
    current: PathBuf,
    /// Changes within this many percent are `unchanged` (`5%` or `5`).
    #[arg(long, default_value = "5%")]
    threshold: String,
    /// table, markdown, json, gab (github-action-benchmark customSmallerIsBetter: the ns/op
    /// rows) or gab-bigger (customBiggerIsBetter: the Mops/s rows).
    #[arg(long, default_value = "table", value_parser = parse_format)]
    format: report::Format,
    /// Compare runs from different machines anyway.
    #[arg(long)]
    cross_machine: bool,
    /// Write the report to FILE instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

fn parse_format(s: &str) -> Result<report::Format, String> {
    s.parse()
}

fn cmd_compare(a: CompareArgs) -> CmdResult {
    let opts = compare::Options {
        threshold_pct: compare::parse_threshold(&a.threshold)?,
        cross_machine: a.cross_machine,
    };
    let cmp = compare::compare_files(&a.baseline, &a.current, &opts)?;
    emit(&report::render(&cmp, a.format), a.out.as_ref())?;
    if a.out.is_some() || !a.format.is_for_people() {
        eprintln!("{}", cmp.summary()); // machine formats keep stdout pure
    }
    Ok(ExitCode::from(u8::from(cmp.has_regression())))
}

// ---- plot ---------------------------------------------------------------------------------

#[derive(clap::Args)]
struct PlotArgs {
    /// Results files; rows of later files replace rows of earlier ones.
    #[arg(required = true)]
    results: Vec<PathBuf>,
    #[arg(long, default_value = "results/plots")]
    out_dir: PathBuf,
}

fn cmd_plot(a: PlotArgs) -> CmdResult {
    let report = plots::plot_files(&a.results, &a.out_dir)?;
    for n in &report.notes {
        eprintln!("note: {n}");
    }
    for f in &report.files {
        println!("{}", f.display());
    }
    Ok(ExitCode::SUCCESS)
}

// ---- report -------------------------------------------------------------------------------

#[derive(clap::Args)]
struct ReportArgs {
    /// Results files; rows of later files replace rows of earlier ones.
    #[arg(required = true)]
    results: Vec<PathBuf>,
    /// The HTML file to write (atomically).
    #[arg(long, default_value = "results/report.html")]
    out: PathBuf,
}

fn cmd_report(a: ReportArgs) -> CmdResult {
    html::write_report(&a.results, &a.out)?;
    println!("{}", a.out.display());
    Ok(ExitCode::SUCCESS)
}

// ---- collect ------------------------------------------------------------------------------

#[derive(clap::Args)]
struct CollectArgs {
    #[arg(long, default_value = "target/criterion")]
    criterion_dir: PathBuf,
    /// Write here (default: stdout).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Allow `--out` to replace an existing baseline.json.
    #[arg(long)]
    update_baseline: bool,
}

fn baseline_policy(update: bool) -> io::BaselinePolicy {
    if update {
        io::BaselinePolicy::Replace
    } else {
        io::BaselinePolicy::Protect
    }
}

fn cmd_collect(a: CollectArgs) -> CmdResult {
    let run = facts::collect(serde_json::json!({
        "command": "collect",
        "criterion_dir": a.criterion_dir.display().to_string(),
    }));
    let (results, skipped) = collect::collect(&a.criterion_dir, run)?;
    for s in &skipped {
        eprintln!("skipped: {s}");
    }
    match &a.out {
        Some(path) => {
            io::write(path, &results, baseline_policy(a.update_baseline))?;
            eprintln!("{} rows -> {}", results.rows.len(), path.display());
        }
        None => println!("{}", serde_json::to_string_pretty(&results)?),
    }
    Ok(ExitCode::SUCCESS)
}

// ---- merge --------------------------------------------------------------------------------

#[derive(clap::Args)]
struct MergeArgs {
    /// Results files, in order: later rows replace earlier rows with the same identity.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Allow `--out` to replace an existing baseline.json.
    #[arg(long)]
    update_baseline: bool,
}

fn cmd_merge(a: MergeArgs) -> CmdResult {
    let merged = merge::merge_files(&a.inputs, &a.out, baseline_policy(a.update_baseline))?;
    eprintln!("{} rows -> {}", merged.rows.len(), a.out.display());
    Ok(ExitCode::SUCCESS)
}

// ---- ab -----------------------------------------------------------------------------------

#[derive(clap::Args)]
struct AbArgs {
    /// The old build: a gomap-bench binary or a git revision (built under target/ab/).
    base: String,
    /// The new build: a gomap-bench binary or a git revision.
    head: String,
    /// The main job's --quick groups: under a couple of minutes.
    #[arg(long)]
    quick: bool,
    /// Only these suites (locate, probe, ops, contention).
    #[arg(long, value_delimiter = ',', value_parser = parse_suite)]
    suite: Vec<Suite>,
    /// Only these maps (registry names, single-thread or concurrent).
    #[arg(long, value_delimiter = ',')]
    maps: Vec<String>,
    /// The smallest HEAD ÷ BASE change that counts (`2%` or `2`).
    #[arg(long, default_value = "2%")]
    min_effect: String,
    /// table, markdown, json, gab or gab-bigger, as `compare`.
    #[arg(long, default_value = "table", value_parser = parse_format)]
    format: report::Format,
    /// Write the report to FILE instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

// ---- detect -------------------------------------------------------------------------------

#[derive(clap::Args)]
struct DetectArgs {
    /// Runs per program (default 300; --quick 20).
    #[arg(long)]
    runs: Option<u32>,
    /// Programs: same-keys, same-keys-grow, writer-reader, disjoint-keys (default: all).
    #[arg(long, default_value = "all")]
    programs: String,
    /// 20 runs per program: a few seconds.
    #[arg(long)]
    quick: bool,
    /// Results file (its own file: the baseline never holds rates).
    #[arg(long, default_value = "results/detection-rust.json")]
    out: PathBuf,
}

fn cmd_detect(a: DetectArgs) -> CmdResult {
    let mut cfg = if a.quick {
        DetectConfig::quick()
    } else {
        DetectConfig::default()
    };
    cfg.runs = a.runs.unwrap_or(cfg.runs);
    cfg.programs = detect::parse_programs(&a.programs)?;
    cfg.validate()?;
    let policy = io::BaselinePolicy::Protect;
    io::check_baseline_overwrite(&a.out, policy)?;
    let rows = detect::run(&cfg, &mut |l| eprintln!("{l}"));
    let results = Results::new(facts::collect(serde_json::to_value(&cfg)?), rows);
    io::write(&a.out, &results, policy)?;
    eprintln!("wrote {}", a.out.display());
    Ok(ExitCode::SUCCESS)
}

// ---- check --------------------------------------------------------------------------------

#[derive(clap::Args)]
struct CheckArgs {
    /// Maps, e.g. gomap-sharded,dashmap (default: all registered).
    #[arg(long)]
    maps: Option<String>,
    /// Threads of the linearizability runs (default 2).
    #[arg(long)]
    threads: Option<u32>,
    /// Hot keys of the linearizability runs (default 4).
    #[arg(long)]
    hot_keys: Option<u64>,
    /// Ops each thread records per run (default 400).
    #[arg(long)]
    ops: Option<u64>,
    /// Recorded runs per map (default 50; --quick 10).
    #[arg(long)]
    runs: Option<u32>,
    /// Runs of the two-writers program per map (default 100; --quick 20).
    #[arg(long)]
    two_writers_runs: Option<u32>,
    /// Interleaved rounds of the ledger-cost measurement; 0 skips it (default 30).
    #[arg(long)]
    ledger_rounds: Option<u32>,
    /// Fewer runs: seconds in all.
    #[arg(long)]
    quick: bool,
}

fn cmd_check(a: CheckArgs) -> CmdResult {
    let mut cfg = if a.quick {
        CheckConfig::quick()
    } else {
        CheckConfig::default()
    };
    if let Some(m) = &a.maps {
        cfg.maps = contention::parse_maps(m)?;
    }
    cfg.threads = a.threads.unwrap_or(cfg.threads);
    cfg.hot_keys = a.hot_keys.unwrap_or(cfg.hot_keys);
    cfg.ops = a.ops.unwrap_or(cfg.ops);
    cfg.runs = a.runs.unwrap_or(cfg.runs);
    cfg.two_writers_runs = a.two_writers_runs.unwrap_or(cfg.two_writers_runs);
    cfg.ledger_rounds = a.ledger_rounds.unwrap_or(cfg.ledger_rounds);
    let report = check::run(&cfg, &mut |l| eprintln!("{l}"))?;
    print!("{report}");
    // A wrong answer is exit 1, as a regression is for `compare`.
    Ok(ExitCode::from(u8::from(report.failed())))
}

// ---- counts -------------------------------------------------------------------------------

#[derive(clap::Args)]
struct CountsArgs {
    /// Maps of the ops suite (default: gomap/generic, gomap/fast64, hashbrown).
    #[arg(long, value_delimiter = ',')]
    maps: Option<Vec<String>>,
    /// Operations (default: insert_presized, insert_grow, remove).
    #[arg(long, value_delimiter = ',', value_parser = parse_op)]
    ops: Option<Vec<Op>>,
    /// Map sizes as log2 (default 10,16,20; 2^20 takes a minute a kernel).
    #[arg(long, value_delimiter = ',', default_value = "10,16,20")]
    sizes_log2: Vec<u32>,
    /// Kernels counted at once.
    #[arg(long, default_value_t = 2)]
    jobs: usize,
    /// A markdown table (for the README) instead of text.
    #[arg(long)]
    markdown: bool,
}

fn cmd_counts(a: CountsArgs) -> CmdResult {
    use gomap_bench::contenders::single;
    use gomap_bench::harness::suites::counts;
    let names = a.maps.unwrap_or_else(|| {
        ["gomap/generic", "gomap/fast64", "hashbrown"]
            .map(String::from)
            .to_vec()
    });
    let maps = names
        .iter()
        .map(|n| {
            single::entry(n).map(|e| e.name).ok_or_else(|| {
                format!(
                    "unknown map `{n}` (known: {})",
                    single::available().join(", ")
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let ops = a
        .ops
        .unwrap_or_else(|| vec![Op::InsertPresized, Op::InsertGrow, Op::Remove]);
    if let Some(&s) = a.sizes_log2.iter().find(|&&s| !(3..=24).contains(&s)) {
        return Err(format!("--sizes-log2 {s}: sizes from 2^3 to 2^24 only").into());
    }
    let exe = std::env::current_exe()?;
    let cells = counts::count_grid(&exe, &maps, &ops, &a.sizes_log2, a.jobs, &|l| {
        eprintln!("{l}")
    })?;
    print!(
        "{}",
        counts::render(&cells, single::reference().name, a.markdown)
    );
    Ok(ExitCode::SUCCESS)
}

fn cmd_kernel(map: &str, op: Op, size_log2: u32) -> CmdResult {
    let ops =
        gomap_bench::harness::suites::counts::run_kernel(map, op, 1usize << size_log2.min(30))?;
    println!("{ops}");
    Ok(ExitCode::SUCCESS)
}

// ---- stream -------------------------------------------------------------------------------

#[derive(clap::Args)]
struct StreamArgs {
    #[arg(long, default_value = "read-heavy")]
    workload: String,
    #[arg(long, default_value = "zipf")]
    dist: String,
    /// Prefilled entries.
    #[arg(long, default_value_t = 65536)]
    size: u64,
    #[arg(long, default_value_t = 0)]
    thread: u32,
    #[arg(long, default_value_t = 1000)]
    ops: u64,
    /// Write here (default: stdout).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

fn parse_suite(s: &str) -> Result<Suite, String> {
    s.parse()
}

fn cmd_ab(a: AbArgs) -> CmdResult {
    for m in &a.maps {
        let single = gomap_bench::contenders::single::entry(m).is_some();
        if !single && gomap_bench::contenders::describe(m).is_err() {
            return Err(format!("unknown map '{m}'").into());
        }
    }
    let cfg = ab::AbConfig {
        base: a.base,
        head: a.head,
        quick: a.quick,
        suites: a.suite,
        maps: a.maps,
        min_effect_pct: compare::parse_threshold(&a.min_effect)?,
    };
    let outcome = ab::run(&cfg, &mut |l| eprintln!("{l}"))?;
    let cmp = &outcome.comparison;
    emit(&report::render(cmp, a.format), a.out.as_ref())?;
    if a.out.is_some() || !a.format.is_for_people() {
        eprintln!("{}", cmp.summary());
    }
    Ok(ExitCode::from(u8::from(cmp.has_regression())))
}

fn cmd_worker() -> CmdResult {
    let stdin = std::io::stdin();
    ab::worker::serve(stdin.lock(), std::io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}

// ---- measure ------------------------------------------------------------------------------

fn cmd_measure(
    out: &std::path::Path,
    quick: bool,
    part: u32,
    parts: u32,
    resume: bool,
) -> CmdResult {
    if part >= parts {
        return Err(format!("--part {part}: below --parts {parts}").into());
    }
    let (lc, cc) = pipeline::part_configs(quick, part, parts);
    let opened = Journal::open(out, &pipeline::part_header(quick, part, parts), resume)?;
    for n in &opened.notes {
        eprintln!("{n}");
    }
    let mut journal = opened.journal;
    let results = pipeline::measure_once(quick, &lc, &cc, Some(&mut journal), &mut |l| {
        eprintln!("{l}")
    })?;
    io::write(out, &results, io::BaselinePolicy::Protect)?;
    // The journal stays either way: `run` removes it once the whole run is written.
    Ok(match stop::requested().filter(|_| results.run.partial) {
        Some(sig) => ExitCode::from(sig.exit_code()),
        None => ExitCode::SUCCESS,
    })
}

// ---- findings -----------------------------------------------------------------------------

fn cmd_findings(file: &std::path::Path) -> CmdResult {
    let results = io::read(file)?;
    println!("{}", findings::findings(&results.rows));
    Ok(ExitCode::SUCCESS)
}

// ---- baseline -----------------------------------------------------------------------------

fn cmd_baseline() -> CmdResult {
    let path = pipeline::find_baseline(&facts::machine())?;
    println!("{}", path.display());
    Ok(ExitCode::SUCCESS)
}

fn cmd_stream(a: StreamArgs) -> CmdResult {
    use gomap_bench::harness::workloads::workload::{
        MAX_HOT_KEYS, MAX_OPS, MAX_PREFILL, MAX_THREADS,
    };
    use gomap_bench::vocabulary::Workload;
    let workload: Workload = a.workload.parse()?;
    let dist = a.dist.parse()?;
    if a.size > MAX_PREFILL || a.thread >= MAX_THREADS || a.ops > MAX_OPS {
        return Err(format!(
            "--size at most {MAX_PREFILL}, --thread below {MAX_THREADS}, --ops at most {MAX_OPS}"
        )
        .into());
    }
    if Workload::is_shared(workload) && !(1..=MAX_HOT_KEYS).contains(&a.size) {
        return Err(format!(
            "--size {}: shared-write's hot set is 1..={MAX_HOT_KEYS} keys",
            a.size
        )
        .into());
    }
    let text = stream::render(workload, dist, a.size, a.thread, a.ops);
    emit(&text, a.out.as_ref())?;
    Ok(ExitCode::SUCCESS)
}
