//! `gomap-bench locate`: the single-thread suites (locate, probe, ops;
//! [`crate::harness::suites::locate`]) into one results file, journaled for `--resume`; the
//! findings tables on stdout.

use super::{baseline_policy, parse_name, Outcome, PlanArgs};
use crate::harness::measuring::progress::Detail;
use crate::harness::measuring::{facts, journal};
use crate::harness::suites::locate::{self, LocateConfig};
use crate::results::schema::Results;
use crate::results::{findings, io};
use crate::vocabulary::Op;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Small sizes and short samples: under a minute.
    #[arg(long)]
    quick: bool,
    /// Map sizes as log2 (e.g. 10,16,20,23).
    #[arg(long, value_delimiter = ',')]
    sizes_log2: Option<Vec<u32>>,
    /// Operations (get_hit, get_miss, insert_presized, insert_grow, remove).
    #[arg(long, value_delimiter = ',', value_parser = parse_name::<Op>)]
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
    /// blocks of rounds are not measured again (same configuration and build only).
    #[arg(long)]
    resume: bool,
}

pub fn run(a: Args) -> Outcome {
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
    let policy = baseline_policy(a.update_baseline);
    io::check_baseline_overwrite(&a.out, policy)?;
    let config = serde_json::to_value(&cfg)?;
    let header = journal::Header::new("locate", config.clone());
    let mut journal = journal::open(&a.out, &header, a.resume, &mut super::progress)?;
    let (rows, stopped) = locate::run_journaled(
        &cfg,
        Some(&mut journal),
        Detail::Lines,
        &mut super::progress,
    )?;
    let mut run = facts::collect(config);
    run.partial = stopped.is_some();
    let results = Results::new(run, rows);
    io::write(&a.out, &results, policy)?;
    print!("{}", findings::findings(&results.rows));
    eprintln!("wrote {}", a.out.display());
    let status = journal::close(journal, stopped, &a.out, &mut super::progress)?;
    Ok(status.into())
}
