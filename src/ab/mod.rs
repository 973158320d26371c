//! `gomap-bench ab BASE HEAD`: did my change make anything slower?
//!
//! Two builds are compared in one sitting, never from two runs made at different moments:
//! on this machine the drift between runs minutes apart (40–80%) dwarfs the changes worth
//! catching. Each build runs as a worker process ([`worker`]). A group (one of the main
//! job's, or a filtered part of them) is measured in **blocks**, each on a fresh pair of
//! workers: both build the group's members, and then, member by member in a shuffled order,
//! round after round, the driver asks one worker for a sample and then the other: A then B
//! in even rounds, B then A in odd ones (ABBA), so that whatever the machine does at a given
//! moment lands on both, and a steady drift on neither more than the other. The two samples
//! of one member in one round are milliseconds apart.
//!
//! Why a pair of processes per block: a process draws something for its whole life (where
//! its pages landed), which rebuilding its maps does not draw again; measured, one pair of
//! binaries compared twice with one pair of workers each: the same hashbrown code on both
//! sides read HEAD ÷ BASE +2% in one sitting and −11% to −19% in every block of the next.
//! So each block is one draw of both processes, the workers run with address-space
//! randomization on (each draws its layout, instead of every process of one build landing
//! alike), and the interval counts the blocks as the independent draws.
//!
//! Each row is then judged by its HEAD ÷ BASE ratios (the undisturbed rounds, as
//! `results::analysis` explains): the geometric mean of the blocks' medians, and an interval
//! that is the wider of the sign test's over the rounds and Student's t over the blocks
//! ([`analysis::blocked_ratio_at`]), family-wise (Bonferroni over the rows of ours). A row is
//! **regressed** when the whole interval lies on the worse side of 1 *and* the estimate is
//! beyond the minimum effect (default 2%); **improved** the same way on the better side;
//! **noisy** when the estimate is beyond the minimum effect but the interval reaches 1;
//! **unchanged** otherwise. The minimum effect keeps a tiny but consistent difference (code
//! alignment moves loops by a percent or so) from failing a build. Third-party maps are
//! measured too, as **controls**: the same code in both builds, they get the verdict
//! `drift`, never `regressed`, and a note counts how many of them moved beyond their
//! interval — the false-positive rate to expect of the rows of ours.
//!
//! BASE and HEAD are each a path to a `gomap-bench` binary, or a git revision, which is
//! exported (`git archive`, so committed files only) and built in release mode under
//! `target/ab/` (built once per commit and kept), or the word `WORKTREE`: the working tree
//! as it is, uncommitted edits included ([`build`]; it says in one line when a revision
//! given is the last commit of a tree with uncommitted changes). The driver's side of a worker process is [`process`], the
//! worker's own side [`worker`], the lines between them [`protocol`].

mod build;
pub mod counts;
mod process;
mod protocol;
pub mod worker;

use crate::contenders::registry;
use crate::harness::measuring::groups::GroupSpec;
use crate::harness::measuring::rounds::{self, Plan};
use crate::harness::suites::plans;
use crate::results::analysis::{self, Interval, Judgement};
use crate::results::compare::{self, ComparedRow, Comparison, Verdict};
use crate::results::format::Estimate;
use crate::results::schema::Row;
use crate::vocabulary::{Identity, Suite};
pub use build::{label, resolve, WORKTREE};
use process::{built, end_round, finish, sample, Builds};
use std::collections::HashMap;
use std::time::Instant;

/// What to compare and how.
#[derive(Clone, Debug)]
pub struct AbConfig {
    pub base: String,
    pub head: String,
    /// The main job's `--quick` groups.
    pub quick: bool,
    /// Only these suites (empty: all).
    pub suites: Vec<Suite>,
    /// Only these maps (single-thread and contention registry names; empty: all).
    pub maps: Vec<String>,
    /// The smallest HEAD ÷ BASE change, in percent, that counts.
    pub min_effect_pct: f64,
}

/// Refuses, in one line, a name in `--maps` that the registry does not know, in either
/// family (a typo would otherwise filter every group away, or quietly leave the map out).
pub fn check_maps(maps: &[String]) -> Result<(), String> {
    match maps.iter().find(|m| registry::find(m).is_none()) {
        Some(m) => Err(format!("unknown map '{m}'")),
        None => Ok(()),
    }
}

/// The default minimum effect, in percent.
pub const DEFAULT_MIN_EFFECT_PCT: f64 = 2.0;

/// What came of it.
pub struct AbOutcome {
    pub comparison: Comparison,
    /// Every group and the wall seconds it took (both builds, builds of the maps included).
    pub group_secs: Vec<(String, f64)>,
}

/// The groups `ab` runs: the main job's, filtered by suite and map.
pub fn groups(cfg: &AbConfig) -> Vec<GroupSpec> {
    let (lc, cc) = plans::main_job(cfg.quick);
    let mut v = lc.groups();
    v.extend(cc.groups().0.into_iter().map(|(g, _)| g));
    let keep_suite = |g: &GroupSpec| {
        let s = match g {
            GroupSpec::Ops { .. } => Suite::Ops,
            GroupSpec::Index { .. } => Suite::Locate,
            GroupSpec::Probe { .. } => Suite::Probe,
            GroupSpec::Contention { .. } => Suite::Contention,
        };
        cfg.suites.is_empty() || cfg.suites.contains(&s)
    };
    v.into_iter()
        .filter(keep_suite)
        .filter_map(|mut g| {
            if cfg.maps.is_empty() {
                return Some(g);
            }
            match &mut g {
                GroupSpec::Ops { maps, .. } | GroupSpec::Contention { maps, .. } => {
                    maps.retain(|m| cfg.maps.contains(m));
                    (!maps.is_empty()).then_some(g)
                }
                _ => None,
            }
        })
        .collect()
}

/// Runs the comparison.
pub fn run(cfg: &AbConfig, log: &mut dyn FnMut(&str)) -> Result<AbOutcome, String> {
    let groups = groups(cfg);
    if groups.is_empty() {
        return Err("no group left after the --suite and --maps filters".into());
    }
    let builds = Builds {
        base: resolve(&cfg.base, log)?,
        head: resolve(&cfg.head, log)?,
        base_label: format!("BASE {}", label(&cfg.base)),
        head_label: format!("HEAD {}", label(&cfg.head)),
    };
    // Both speak our protocol, before any group is measured.
    drop(builds.spawn()?);
    let plan = plans::ab(cfg.quick, false);
    let cplan = plans::ab(cfg.quick, true);
    let mut pending = Vec::new();
    let mut group_secs = Vec::new();
    for g in &groups {
        let plan = match g {
            GroupSpec::Contention { .. } => cplan,
            _ => plan,
        };
        let t0 = Instant::now();
        pending.extend(one_group(g, &plan, &builds)?);
        let secs = t0.elapsed().as_secs_f64();
        log(&format!("ab: {} in {secs:.1} s", g.label()));
        group_secs.push((g.label(), secs));
    }
    // Bonferroni over the rows of ours: each interval covers 1 − 5%/m, so that the chance
    // that any row of ours is flagged by noise alone is at most 5%. Measured without it:
    // the same binary twice, 3 of 45 rows beyond their separate 95% intervals.
    let m = pending
        .iter()
        .filter(|p| compare::is_ours(&p.head))
        .count()
        .max(1);
    let alpha = FAMILY_ALPHA / m as f64;
    let mut rows: Vec<ComparedRow> = pending
        .iter()
        .map(|p| verdict(p, cfg.min_effect_pct, alpha))
        .collect();
    rows.sort_by(|a, b| a.identity.cmp(&b.identity));
    let total: f64 = group_secs.iter().map(|g| g.1).sum();
    let controls: Vec<&ComparedRow> = rows
        .iter()
        .filter(|r| r.verdict == Verdict::Drift)
        .collect();
    let false_pos = controls
        .iter()
        .filter(|r| beyond_interval(r, cfg.min_effect_pct))
        .count();
    let notes = vec![
        format!(
            "intervals cover 1 − 5%/{m} each (Bonferroni over the {m} rows of ours); controls (third-party rows, the same code in both builds): {false_pos} of {} beyond theirs",
            controls.len()
        ),
        format!("BASE = {} ({})", label(&cfg.base), builds.base.display()),
        format!("HEAD = {} ({})", label(&cfg.head), builds.head.display()),
        format!(
            "{} groups in {total:.0} s ({:.1} s a group, up to {} blocks each on a fresh pair of workers); verdicts: HEAD ÷ BASE, the geometric mean of the blocks' medians, interval the wider of the sign test's over the rounds and Student's t over the blocks (family-wise 95%), minimum effect {}%",
            group_secs.len(),
            total / group_secs.len() as f64,
            plan.blocks,
            cfg.min_effect_pct
        ),
    ];
    Ok(AbOutcome {
        comparison: Comparison {
            rows,
            threshold_pct: cfg.min_effect_pct,
            notes,
        },
        group_secs,
    })
}

/// One member both builds have: its rows (the first block's, invalid when any block's was)
/// and its paired samples, with the block each came from; judged once every group has run
/// (the number of rows sets the family-wise confidence).
struct Paired {
    base: Row,
    head: Row,
    sb: Vec<f64>,
    sh: Vec<f64>,
    /// The samples' index ranges, one per block.
    blocks: Vec<std::ops::Range<usize>>,
}

impl Paired {
    fn absorb(&mut self, base: &Row, head: &Row) {
        self.base.valid &= base.valid;
        self.head.valid &= head.valid;
    }
}

/// The fewest rounds a block of `ab` gets: a block's median of fewer would be one or two
/// samples.
const MIN_ROUNDS_A_BLOCK: u32 = 3;

/// Both builds through one group, alternating, each block of rounds on a fresh pair of
/// worker processes; every member both have, paired.
///
/// Why fresh processes: a process draws something for its whole life that rebuilding its
/// maps does not draw again (measured, `ab` of one pair of binaries twice, 96 rounds in 8
/// blocks each: hashbrown get_miss 2^20, the same code on both sides, HEAD ÷ BASE +2% in
/// one sitting and −11% to −19% in every block of the next; GoMap remove 2^16, untouched
/// by the change, +4% to +13% in every block of one sitting, −4% to +6% in the next). One
/// pair of workers makes that one draw the whole comparison's, and no interval over its
/// rounds can hold it; a pair per block makes it block-to-block spread, which the blocks'
/// interval measures. The workers run with address-space randomization on, so each pair
/// also draws where code, heap and stack land, rather than every pair of one build landing
/// alike.
fn one_group(g: &GroupSpec, plan: &Plan, builds: &Builds) -> Result<Vec<Paired>, String> {
    // Known after the first block's build: the rounds, and the blocks they make (each with
    // enough rounds for a worker's own interval).
    let mut sized: Option<(u32, u32)> = None;
    // In HEAD's first order; a member is found again by its row's identity.
    let mut paired: Vec<Paired> = Vec::new();
    let seed = plan.seed ^ 0xAB;
    let mut k = 0;
    while sized.is_none_or(|(_, blocks)| k < blocks) {
        let (mut base, mut head) = builds.spawn()?;
        let (bm, bcost) = built(&mut base, g, plan)?;
        let (hm, hcost) = built(&mut head, g, plan)?;
        let (rounds_n, blocks) = *sized.get_or_insert_with(|| {
            let r = plan.rounds_for(bcost + hcost);
            (r, plan.blocks.min(r / MIN_ROUNDS_A_BLOCK).max(1))
        });
        // Members both builds have, as (index in BASE, index in HEAD).
        let pairs: Vec<(usize, usize)> = hm
            .iter()
            .enumerate()
            .filter_map(|(h, id)| bm.iter().position(|b| b == id).map(|b| (b, h)))
            .collect();
        let n = pairs.len();
        let mut sb: Vec<Vec<f64>> = vec![Vec::new(); n];
        let mut sh: Vec<Vec<f64>> = vec![Vec::new(); n];
        for r in rounds::block_rounds(blocks, k, rounds_n) {
            for i in rounds::order(seed, r, n) {
                let (b, h) = pairs[i];
                let (xb, xh) = if r % 2 == 0 {
                    let xb = sample(&mut base, b)?;
                    (xb, sample(&mut head, h)?)
                } else {
                    let xh = sample(&mut head, h)?;
                    (sample(&mut base, b)?, xh)
                };
                // Keep rounds paired: a round counts for a member when both sides sampled it.
                if let (Some(xb), Some(xh)) = (xb, xh) {
                    sb[i].push(xb);
                    sh[i].push(xh);
                }
            }
            for w in [&mut base, &mut head] {
                end_round(w)?;
            }
        }
        let base_rows = finish(&mut base)?;
        let head_rows = finish(&mut head)?;
        fn find<'r>(rows: &'r [Row], id: &str) -> Option<&'r Row> {
            rows.iter().find(|r| r.id.to_string() == id)
        }
        for (i, &(_, h)) in pairs.iter().enumerate() {
            let id = &hm[h];
            let (Some(br), Some(hr)) = (find(&base_rows, id), find(&head_rows, id)) else {
                continue;
            };
            let at = match paired.iter().position(|p| p.head.id == hr.id) {
                Some(at) => at,
                None => {
                    paired.push(Paired {
                        base: br.clone(),
                        head: hr.clone(),
                        sb: Vec::new(),
                        sh: Vec::new(),
                        blocks: Vec::new(),
                    });
                    paired.len() - 1
                }
            };
            let p = &mut paired[at];
            p.absorb(br, hr);
            let from = p.sb.len();
            p.sb.extend_from_slice(&sb[i]);
            p.sh.extend_from_slice(&sh[i]);
            p.blocks.push(from..p.sb.len());
        }
        k += 1;
    }
    Ok(paired)
}

/// Whether a row's HEAD ÷ BASE ratio is beyond its interval and the minimum effect (the rule
/// of [`analysis::judge_ratio`], applied to the ratio the row carries).
fn beyond_interval(r: &ComparedRow, min_effect_pct: f64) -> bool {
    r.current_ratio.is_some_and(|t| {
        !matches!(
            analysis::judge_ratio(&Interval::from_triple(t), min_effect_pct),
            Judgement::NoChange | Judgement::Unclear
        )
    })
}

/// The family-wise error rate of an `ab` report's rows of ours.
const FAMILY_ALPHA: f64 = 0.05;

/// The verdict of one row from its paired samples, its interval covering 1 − `alpha`.
fn verdict(p: &Paired, min_effect_pct: f64, alpha: f64) -> ComparedRow {
    let (b, h, sb, sh) = (&p.base, &p.head, &p.sb[..], &p.sh[..]);
    let mut out = ComparedRow::new(&h.id, h.unit, analysis::median(sb), analysis::median(sh));
    if !b.valid || !h.valid {
        let side = if !h.valid { "HEAD" } else { "BASE" };
        return out.judge(Verdict::Invalid, &format!("failed validation in {side}"));
    }
    let Some((r, per_block)) =
        analysis::blocked_ratio_at(sh, sb, h.unit.lower_is_better(), &p.blocks, alpha)
    else {
        return out.judge(Verdict::Invalid, "no paired rounds");
    };
    out.change_pct = Some((r.median - 1.0) * 100.0);
    out.current_ratio = Some(r.triple());
    out.evidence = format!(
        "HEAD÷BASE {:.3}, {} rounds in {} blocks",
        Estimate::of(&r),
        r.n,
        per_block.len()
    );
    let worse_when_higher = h.unit.lower_is_better();
    if !compare::is_ours(h) {
        // The same code in both builds: a control. Its change shows what the comparison
        // lets through by chance, never a regression of this project.
        let why = match analysis::judge_ratio(&r, min_effect_pct) {
            Judgement::NoChange | Judgement::Unclear => "control (same code in both builds)",
            _ => "control (same code in both builds) beyond its interval: a false positive",
        };
        return out.judge(Verdict::Drift, why);
    }
    match analysis::judge_ratio(&r, min_effect_pct) {
        Judgement::NoChange => out.judge(
            Verdict::Unchanged,
            "within the minimum effect or the interval",
        ),
        Judgement::Unclear => out.judge(
            Verdict::Noisy,
            "beyond the minimum effect, interval reaches 1",
        ),
        Judgement::Higher if worse_when_higher => {
            out.judge(Verdict::Regressed, "slower, interval above 1")
        }
        Judgement::Lower if !worse_when_higher => {
            out.judge(Verdict::Regressed, "slower, interval below 1")
        }
        _ => out.judge(Verdict::Improved, "faster, interval clear of 1"),
    }
}

/// The identities of a map's rows in an `ab` comparison (for tests and reports).
pub fn identities(c: &Comparison) -> HashMap<Identity, Verdict> {
    c.rows
        .iter()
        .map(|r| (r.identity.clone(), r.verdict))
        .collect()
}
