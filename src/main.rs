//! The `gomap-bench` command line: parses, calls the library, prints.
//!
//! Bad input of any kind prints one line and exits with status 2.

use clap::{Args, Parser, Subcommand};
use gomap_bench::harness::alloc_counter::CountingAllocator;
use gomap_bench::harness::contention::{self, ContentionConfig, ContentionError};
use std::path::PathBuf;
use std::process::ExitCode;

/// Counts bytes during the prefill windows only (see `harness::alloc_counter`).
#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

#[derive(Parser)]
#[command(
    name = "gomap-bench",
    version,
    about = "Go's map design in Rust, measured"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Concurrent maps under contention: every map × workload × distribution × thread count.
    Contention(ContentionArgs),
}

#[derive(Args)]
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
    /// No progress output.
    #[arg(long)]
    quiet: bool,
}

fn contention_config(a: &ContentionArgs) -> Result<ContentionConfig, ContentionError> {
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

fn contention(a: ContentionArgs) -> Result<(), ContentionError> {
    let config = contention_config(&a)?;
    let results = contention::run_contention(&config)?;
    print!("{}", contention::summary(&results));
    contention::write_results_atomic(&a.out, &results)?;
    println!("results: {}", a.out.display());
    Ok(())
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
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Command::Contention(a) => contention(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
