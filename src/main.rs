//! The `gomap-bench` command line: parses, calls the library, prints. No logic of its own.
//!
//! Adding a subcommand is one `Command` variant (with its `Args` struct) and one match arm
//! in `main`, each in its own block, so parallel additions merge without touching each other.
//! Every subcommand returns `Result<ExitCode, Box<dyn Error>>`; an error is printed as one
//! line on stderr and exits 2 (as clap's own usage errors do).

use clap::{Parser, Subcommand};
use gomap_bench::harness::alloc_counter::CountingAllocator;
use gomap_bench::harness::contention::{self, ContentionConfig};
use gomap_bench::harness::locate_suite::{self, LocateConfig};
use gomap_bench::pipeline;
use gomap_bench::results::schema::Results;
use gomap_bench::results::{collect, compare, findings, io, merge, plots, report, runinfo};
use std::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;

type CmdResult = Result<ExitCode, Box<dyn Error>>;

/// Counts bytes during the prefill windows only (see `harness::alloc_counter`).
#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

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
    /// Turn criterion's output into a results file.
    Collect(CollectArgs),
    /// Merge results files from one machine (later rows replace earlier ones).
    Merge(MergeArgs),
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
    let result = match cli.command {
        Command::Run(a) => cmd_run(a),
        Command::Locate(a) => cmd_locate(a),
        Command::Contention(a) => cmd_contention(a),
        Command::Compare(a) => cmd_compare(a),
        Command::Plot(a) => cmd_plot(a),
        Command::Collect(a) => cmd_collect(a),
        Command::Merge(a) => cmd_merge(a),
    };
    result.unwrap_or_else(|e| {
        eprintln!("gomap-bench: error: {e}");
        ExitCode::from(EXIT_BAD_INPUT)
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
    /// Small maps and short cells: under a minute.
    #[arg(long)]
    quick: bool,
    /// Results file (never the baseline).
    #[arg(long, default_value = "results/latest.json")]
    out: PathBuf,
    #[arg(long, default_value = "results/plots")]
    plots_dir: PathBuf,
    #[arg(long, default_value = "results/baseline.json")]
    baseline: PathBuf,
    /// Changes within this many percent count as unchanged.
    #[arg(long, default_value = "5%")]
    threshold: String,
    /// Also make this run the new baseline (after comparing with the old one).
    #[arg(long)]
    update_baseline: bool,
}

fn cmd_run(a: RunArgs) -> CmdResult {
    let cfg = pipeline::RunConfig {
        quick: a.quick,
        out: a.out,
        plots_dir: a.plots_dir,
        baseline: a.baseline,
        threshold_pct: compare::parse_threshold(&a.threshold)?,
        update_baseline: a.update_baseline,
    };
    let outcome = pipeline::run(&cfg, &mut |l| eprintln!("{l}"))?;
    println!("{}", findings::findings(&outcome.results.rows));
    println!("{}", outcome.comparison);
    Ok(ExitCode::from(u8::from(outcome.regressed)))
}

// ---- locate ------------------------------------------------------------------------------

#[derive(clap::Args)]
struct LocateArgs {
    /// Small sizes and short samples: under a minute.
    #[arg(long)]
    quick: bool,
    /// Map sizes as log2 (e.g. 10,16,20,23).
    #[arg(long, value_delimiter = ',')]
    sizes_log2: Option<Vec<u32>>,
    /// Operations (get_hit, get_miss, insert_presized, insert_grow, remove).
    #[arg(long, value_delimiter = ',')]
    ops: Option<Vec<String>>,
    /// Maps of the ops suite.
    #[arg(long, value_delimiter = ',')]
    maps: Option<Vec<String>>,
    /// Samples per cell.
    #[arg(long)]
    reps: Option<usize>,
    /// Seconds per sample.
    #[arg(long)]
    secs: Option<f64>,
    /// Results file to write.
    #[arg(long, default_value = "results/locate.json")]
    out: PathBuf,
    /// Allow `--out` to replace an existing results/baseline.json.
    #[arg(long)]
    update_baseline: bool,
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
    cfg.reps = a.reps.unwrap_or(cfg.reps);
    cfg.secs = a.secs.unwrap_or(cfg.secs);
    cfg.validate()?;
    io::check_baseline_overwrite(&a.out, baseline_policy(a.update_baseline))?;
    let rows = locate_suite::run(&cfg, &mut |l| eprintln!("{l}"))?;
    let results = Results::new(runinfo::collect(serde_json::to_value(&cfg)?), rows);
    io::write(&a.out, &results, baseline_policy(a.update_baseline))?;
    print!("{}", findings::findings(&results.rows));
    eprintln!("wrote {}", a.out.display());
    Ok(ExitCode::SUCCESS)
}

// ---- contention --------------------------------------------------------------------------

#[derive(clap::Args)]
struct ContentionArgs {
    /// Thread counts, e.g. 1,2 (default: 1, 2, 4, … up to the core count).
    #[arg(long)]
    threads: Option<String>,
    /// Workloads: read-heavy, exchange, write-heavy, rapid-grow (default: all).
    #[arg(long)]
    workloads: Option<String>,
    /// Maps, e.g. gomap-sharded,dashmap (default: all registered).
    #[arg(long)]
    maps: Option<String>,
    /// Key distributions of reads and updates: uniform, zipf (default: both).
    #[arg(long)]
    dist: Option<String>,
    /// Prefilled entries (default 65536; --quick 4096).
    #[arg(long)]
    size: Option<u64>,
    /// Timed seconds per cell, all repetitions together (default 1; --quick 0.05).
    #[arg(long)]
    secs: Option<f64>,
    /// Repetitions per cell (default 3; --quick 1).
    #[arg(long)]
    reps: Option<u32>,
    /// A fixed op count per thread instead of calibrating to --secs.
    #[arg(long)]
    ops: Option<u64>,
    /// Shards of gomap-sharded and dashmap (power of two; default next ≥ 4 × cores).
    #[arg(long)]
    shards: Option<usize>,
    /// Short cells, one repetition, a small map: all maps in under a minute.
    #[arg(long)]
    quick: bool,
    /// Allow more threads than cores.
    #[arg(long)]
    oversubscribe: bool,
    /// Results file (schema v1), written atomically.
    #[arg(long, default_value = "results/contention-latest.json")]
    out: PathBuf,
    /// Allow `--out` to replace an existing results/baseline.json.
    #[arg(long)]
    update_baseline: bool,
    /// No progress output.
    #[arg(long)]
    quiet: bool,
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
    c.secs = a.secs.unwrap_or(c.secs);
    c.reps = a.reps.unwrap_or(c.reps);
    c.ops_per_thread = a.ops.or(c.ops_per_thread);
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
    let results = contention::run_contention(&config)?;
    print!("{}", contention::summary(&results));
    io::write(&a.out, &results, policy)?;
    println!("results: {}", a.out.display());
    Ok(ExitCode::SUCCESS)
}

// ---- compare ------------------------------------------------------------------------------

#[derive(clap::Args)]
struct CompareArgs {
    /// The baseline results file (e.g. results/baseline.json).
    baseline: PathBuf,
    /// The results file to judge (e.g. results/latest.json).
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

// ---- collect ------------------------------------------------------------------------------

#[derive(clap::Args)]
struct CollectArgs {
    #[arg(long, default_value = "target/criterion")]
    criterion_dir: PathBuf,
    /// Write here (default: stdout).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Allow `--out` to replace an existing results/baseline.json.
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
    let (results, skipped) = collect::collect(&a.criterion_dir)?;
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
    /// Allow `--out` to replace an existing results/baseline.json.
    #[arg(long)]
    update_baseline: bool,
}

fn cmd_merge(a: MergeArgs) -> CmdResult {
    let merged = merge::merge_files(&a.inputs, &a.out, baseline_policy(a.update_baseline))?;
    eprintln!("{} rows -> {}", merged.rows.len(), a.out.display());
    Ok(ExitCode::SUCCESS)
}
