//! The `gomap-bench` command line: parses, calls the library, prints. No logic of its own.

use clap::{Parser, Subcommand};
use gomap_bench::harness::locate_suite::{self, LocateConfig};
use gomap_bench::results::schema::{Results, RunInfo, SCHEMA_VERSION};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "gomap-bench",
    version,
    about = "A Go-layout hash map in Rust, measured against hashbrown, dashmap and the lock-free maps"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Single-thread: locate cost (bucket index, probes) and operations vs hashbrown and std.
    Locate(LocateArgs),
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let r = match cli.cmd {
        Cmd::Locate(a) => locate(a),
    };
    match r {
        Ok(code) => code,
        Err(e) => {
            eprintln!("gomap-bench: {e}");
            ExitCode::from(2)
        }
    }
}

fn locate(a: LocateArgs) -> Result<ExitCode, String> {
    let mut cfg = if a.quick {
        LocateConfig::quick()
    } else {
        LocateConfig::default_full()
    };
    if let Some(s) = a.sizes_log2 {
        if s.iter().any(|&b| !(4..=28).contains(&b)) {
            return Err("--sizes-log2 takes values from 4 to 28".into());
        }
        cfg.sizes = s.into_iter().map(|b| 1usize << b).collect();
    }
    if let Some(o) = a.ops {
        cfg.ops = o;
    }
    if let Some(m) = a.maps {
        cfg.maps = m;
    }
    if let Some(r) = a.reps {
        cfg.reps = r;
    }
    if let Some(s) = a.secs {
        cfg.secs = s;
    }
    cfg.validate()?;
    let rows = locate_suite::run(&cfg, &mut |l| eprintln!("{l}"))?;
    let results = Results {
        schema_version: SCHEMA_VERSION,
        run: RunInfo {
            config: serde_json::to_value(&cfg).map_err(|e| e.to_string())?,
            ..RunInfo::default()
        },
        rows,
    };
    let json = serde_json::to_string_pretty(&results).map_err(|e| e.to_string())?;
    std::fs::write(&a.out, json).map_err(|e| format!("{}: {e}", a.out.display()))?;
    eprintln!("wrote {}", a.out.display());
    Ok(ExitCode::SUCCESS)
}
