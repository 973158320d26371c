//! The `locate` command: where a single-thread lookup's time goes, in one results file.
//!
//! Three suites, each a group of interleaved rounds per question ([`groups`]):
//! - `locate`: the bucket index alone (throughput and latency), precomputed vs from-B, and
//!   in situ (get-hit of each map with a from-B twin against that twin, in the ops group),
//!   with the paired ratio and the paired difference at every size;
//! - `probe`: each tophash probe strategy on the same stream of buckets, against Go's loop;
//! - `ops`: GoMap (generic; fast64 scalar and vector) vs hashbrown vs std, five operations,
//!   every map against hashbrown.

use crate::contenders::single as contenders;
use crate::harness::measuring::groups::{run_groups, GroupSpec};
use crate::harness::measuring::journal::Journal;
use crate::harness::measuring::progress::{Detail, Progress};
use crate::harness::measuring::rounds::{validate_plan, Plan};
use crate::harness::measuring::stop::Signal;
use crate::harness::suites::plans;
use crate::results::format::{map_label, Estimate};
use crate::results::schema::Row;
use crate::vocabulary::{IndexKernel, Op, Pattern};

/// What to run.
#[derive(Clone, Debug, serde::Serialize)]
pub struct LocateConfig {
    pub sizes: Vec<usize>,
    pub ops: Vec<Op>,
    /// Maps of the ops suite (single-thread registry names); the from-B twins of those that
    /// have one join the get_hit groups.
    pub maps: Vec<String>,
    /// The interleaved rounds of each group.
    pub plan: Plan,
}

/// The smallest and largest map sizes the suites accept.
pub const MIN_SIZE: usize = 1 << 4;
pub const MAX_SIZE: usize = 1 << 28;

impl LocateConfig {
    /// Four sizes up to 2^23, every op and map, [`plans::LOCATE`].
    pub fn default_full() -> Self {
        LocateConfig {
            sizes: vec![1 << 10, 1 << 16, 1 << 20, 1 << 23],
            ops: Op::ALL.to_vec(),
            maps: contenders::ops_defaults()
                .into_iter()
                .map(String::from)
                .collect(),
            plan: plans::LOCATE,
        }
    }

    /// Under a minute on a 2-core machine.
    pub fn quick() -> Self {
        LocateConfig {
            sizes: vec![1 << 10, 1 << 16],
            plan: plans::QUICK,
            ..Self::default_full()
        }
    }

    /// Checks names and numbers (and that every group fits in memory); a one-line error
    /// otherwise.
    pub fn validate(&self) -> Result<(), String> {
        let avail = contenders::available();
        for m in &self.maps {
            if !avail.contains(&m.as_str()) {
                return Err(format!(
                    "unknown or unavailable map `{m}` (available: {})",
                    avail.join(", ")
                ));
            }
        }
        if self.sizes.is_empty() || self.ops.is_empty() || self.maps.is_empty() {
            return Err("empty list of sizes, ops or maps".into());
        }
        if let Some(&s) = self
            .sizes
            .iter()
            .find(|&&s| !(MIN_SIZE..=MAX_SIZE).contains(&s) || !s.is_power_of_two())
        {
            return Err(format!(
                "size {s}: sizes must be powers of two from 2^{} to 2^{}",
                MIN_SIZE.trailing_zeros(),
                MAX_SIZE.trailing_zeros()
            ));
        }
        validate_plan(&self.plan)?;
        for g in self.groups() {
            g.check_memory()?;
        }
        Ok(())
    }

    /// The groups, in run order: the index kernels, the probe patterns, then every op at
    /// every size.
    pub fn groups(&self) -> Vec<GroupSpec> {
        let mut v: Vec<GroupSpec> = IndexKernel::ALL
            .into_iter()
            .map(|kernel| GroupSpec::Index { kernel })
            .collect();
        v.extend(
            Pattern::all()
                .into_iter()
                .map(|pattern| GroupSpec::Probe { pattern }),
        );
        for &n in &self.sizes {
            for &op in &self.ops {
                let mut maps = self.maps.clone();
                if op == Op::GetHit {
                    for e in contenders::entries() {
                        if e.from_b_of()
                            .is_some_and(|of| self.maps.iter().any(|m| m == of))
                            && !maps.iter().any(|m| m == e.name)
                        {
                            maps.push(e.name.to_string());
                        }
                    }
                }
                v.push(GroupSpec::Ops {
                    op,
                    size: n as u64,
                    maps,
                });
            }
        }
        v
    }
}

/// Progress lines go to stderr through this.
pub type Log<'a> = &'a mut dyn FnMut(&str);

/// Runs every group, each group's line to `log`; returns their rows.
pub fn run(cfg: &LocateConfig, log: Log) -> Result<Vec<Row>, String> {
    Ok(run_journaled(cfg, None, Detail::Lines, log)?.0)
}

/// The suites' name on their progress bar and in their summary line.
pub const LABEL: &str = "single thread (locate, probe, ops)";

/// [`run`], keeping each finished block of rounds in `journal` and taking what it
/// already holds from it (`harness::measuring::journal`); stops early on SIGINT / SIGTERM
/// ([`crate::harness::measuring::stop`]), with the rows of the groups finished so far and
/// the signal. `detail` says how much it tells: each group's line to `log`
/// ([`Detail::Lines`]), or a bar and one line on stderr ([`Detail::Summary`]), or nothing.
pub fn run_journaled(
    cfg: &LocateConfig,
    journal: Option<&mut Journal>,
    detail: Detail,
    log: Log,
) -> Result<(Vec<Row>, Option<Signal>), String> {
    cfg.validate()?;
    let groups = cfg.groups();
    let sweeps = cfg.plan.blocks.max(1);
    let (held_groups, held_blocks) = journal.as_deref().map_or((0, 0), |j| {
        let held = groups.iter().filter(|g| j.holds(&g.key())).count();
        let blocks: u32 = groups.iter().map(|g| j.blocks_kept(&g.key(), sweeps)).sum();
        (held, blocks)
    });
    // Lines go to `log` (the `locate` command's own, unprefixed), so the bar is a summary's.
    let bar_detail = match detail {
        Detail::Summary => Detail::Summary,
        _ => Detail::Quiet,
    };
    let visits = groups.len() as u64 * u64::from(sweeps) - u64::from(held_blocks);
    let left = (groups.len() - held_groups) as u64;
    let mut progress = Progress::new(LABEL, left, visits, bar_detail);
    let swept = run_groups(&groups, &cfg.plan, journal, |i, rows| match rows {
        None => progress.tick(),
        Some(rows) => {
            if detail == Detail::Lines {
                log(&group_line(&groups[i], rows));
            }
            progress.finish("");
        }
    })?;
    progress.close();
    let stopped = swept.stopped;
    Ok((swept.into_rows(), stopped))
}

/// `ops get_hit 2^16 (40 rounds): gomap/generic 4.02 ns 1.11× [1.10, 1.12] …`
fn group_line(g: &GroupSpec, rows: &[Row]) -> String {
    let rounds = rows
        .iter()
        .find_map(|r| r.extra.rounds)
        .map_or(0, |r| r.rounds);
    let mut s = format!("{} ({rounds} rounds):", g.label());
    for r in rows.iter().filter(|r| !r.is_difference()) {
        let name = map_label(&r.id);
        if !r.valid {
            s += &format!("  {name} INVALID");
            continue;
        }
        s += &format!("  {name} {:.2}", r.median);
        if let Some(x) = &r.extra.ratio {
            s += &format!(" ({:.3})", Estimate::ratio(x));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::Suite;

    #[test]
    fn tiny_run_produces_valid_rows() {
        let cfg = LocateConfig {
            sizes: vec![1 << 10],
            ops: vec![Op::GetHit, Op::Remove],
            maps: vec!["gomap/fast64".into(), "hashbrown".into()],
            plan: Plan {
                max_rounds: 6,
                min_rounds: 6,
                group_secs: 0.1,
                seed: 1,
                sample_secs: 0.0003,
                blocks: 1,
            },
        };
        let rows = run(&cfg, &mut |_| {}).unwrap();
        assert!(rows.iter().all(|r| r.valid), "{rows:?}");
        assert!(rows.iter().any(|r| r.id.suite == Suite::Probe));
        assert!(rows
            .iter()
            .any(|r| r.is_difference() && r.extra.ci95_low.is_some()));
        assert_eq!(rows.iter().filter(|r| r.id.suite == Suite::Ops).count(), 4);
        assert!(rows
            .iter()
            .filter(|r| r.id.suite == Suite::Ops && r.id.map != "hashbrown")
            .all(|r| r.extra.ratio.is_some()));
    }

    #[test]
    fn bad_config_is_one_line() {
        let mut cfg = LocateConfig::quick();
        cfg.maps = vec!["nope".into()];
        let e = cfg.validate().unwrap_err();
        assert!(e.contains("nope") && !e.contains('\n'));
        cfg = LocateConfig::quick();
        cfg.sizes = vec![1 << 29];
        assert!(cfg.validate().unwrap_err().contains("2^28"));
        cfg = LocateConfig::quick();
        cfg.plan.max_rounds = 2;
        assert!(cfg.validate().is_err());
    }
}
