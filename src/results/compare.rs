//! The baseline comparison: a pure function of two results documents.
//!
//! Rows are matched on [`Row::identity`]. This machine drifts by more than the effects we
//! look for between two runs minutes apart, so two medians measured at different moments
//! are not evidence of anything. What reproduces is a ratio measured in the same rounds:
//! every row of ours carries its paired ratio to its group's reference, with a 95% interval,
//! and a row of ours is judged by how that *ratio* moved. The reference and the other
//! third-party maps cannot regress because of this project; their absolute change is the
//! machine's drift, reported as such.
//!
//! A matched pair gets a verdict:
//!
//! * `invalid`: either side failed validation (`valid: false`), the units differ, or a
//!   median is missing or zero. Never a win, never a regression.
//! * `drift` (third-party rows: the reference, other maps, the harness, the Go anchor): the
//!   change of the median, shown so the reader sees how much the machine moved; never fatal.
//! * For our rows with a ratio on both sides, Δ = ln(current ratio ÷ baseline ratio), and
//!   its noise is the larger of (a) the two ratios' 95% half-widths combined,
//!   √(h_b² + h_c²) in log space, widened for the family of rows judged together
//!   ([`analysis::family_widening`]: Bonferroni over the m ratios of ours, so that a comparison of
//!   one build with itself flags none of them with 95% — not each with 95%, which over
//!   150 rows would flag seven by chance), and (b) how far each ratio moved *within its own run*
//!   (its first half of rounds against its second: `ratio.halves`), and (c) the baseline's
//!   run-to-run calibration (`ratio.run_to_run`: how far the machine moved the ratios of
//!   the row's class between passes of one build when the baseline was made; see
//!   [`super::calibrate`]), which is what a run cannot see of itself — the machine's state
//!   changing between runs. Then:
//!   * `unchanged`: |Δ| within the threshold (default 5%);
//!   * `regressed` / `improved`: beyond the threshold and beyond the noise, in the worse /
//!     better direction (ns/op: the ratio went up / down; Mops/s: the other way);
//!   * `noisy`: beyond the threshold but within the noise, or flagged noisy (another
//!     process used the CPU) unless beyond twice the threshold and the noise.
//! * Our rows without a ratio (files from before the interleaved rounds; criterion's) are
//!   judged by their medians, as they always were: beyond the threshold with separated
//!   noise bands (interquartile ranges) is a regression or an improvement, else noisy or
//!   unchanged.
//! * `new` (only in the current file) and `missing` (only in the baseline): reported, never
//!   fatal.
//! * Rows of the `counts` suite (events per op on a simulated CPU) have their own, exact
//!   rule ([`counted`]); two files whose counts were made under different facts (compiler,
//!   target features, cache geometry, valgrind) are refused, and two files that hold only
//!   counts need not come from the same machine.
//! * A row whose unit is not a performance figure ([`Unit::Fraction`], the detection rates)
//!   is always `invalid` ("not judged"): a detection rate that moves is neither a regression
//!   nor a win.
//!
//! Only `regressed` makes the CLI exit 1. Refusals (different machines without
//! `--cross-machine`, no rows in common) are errors, so the CLI exits 2.
//!
//! The statistics the rules use (noise bands, the family widening, a ratio's half width and
//! halves, the drift's median) are [`analysis`]'s, and the figures are written by
//! [`super::format`]. What is left is one piece: the rules above and the code that applies
//! them are read together, and nearly a third of the file is the tests of those rules.

use super::analysis;
use super::counted;
use super::error::ResultsError;
use super::format::{num, Estimate};
use super::io;
use super::runinfo;
use super::schema::{Direction, Ratio, Results, Row, Unit};
use crate::contenders::registry;
use crate::vocabulary::{Identity, Role, Suite};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The default regression threshold, in percent.
pub const DEFAULT_THRESHOLD_PCT: f64 = 5.0;

/// How to compare.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// A change must exceed this many percent of the baseline median to count.
    pub threshold_pct: f64,
    /// Compare runs from different machines anyway (the verdicts then mean little).
    pub cross_machine: bool,
    /// The thresholds of the `counts` suite's rows ([`counted`]).
    pub counts: counted::Thresholds,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold_pct: DEFAULT_THRESHOLD_PCT,
            cross_machine: false,
            counts: counted::Thresholds::default(),
        }
    }
}

/// What happened to one row between the baseline and the current run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Regressed,
    Improved,
    Noisy,
    Invalid,
    Unchanged,
    /// A third-party row moved (or not): the machine's drift, never this project's.
    Drift,
    New,
    Missing,
}

impl Verdict {
    pub const ALL: [Verdict; 8] = [
        Verdict::Regressed,
        Verdict::Improved,
        Verdict::Noisy,
        Verdict::Invalid,
        Verdict::Unchanged,
        Verdict::Drift,
        Verdict::New,
        Verdict::Missing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Regressed => "regressed",
            Verdict::Improved => "improved",
            Verdict::Noisy => "noisy",
            Verdict::Invalid => "invalid",
            Verdict::Unchanged => "unchanged",
            Verdict::Drift => "drift",
            Verdict::New => "new",
            Verdict::Missing => "missing",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One row of the comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComparedRow {
    /// The identity, displayed (`suite/map/op/size=…/threads=…/dist/isa`).
    pub name: String,
    #[serde(skip)]
    pub identity: Identity,
    pub unit: Unit,
    pub direction: Direction,
    /// Baseline median (`None` for a new row).
    pub baseline: Option<f64>,
    /// Current median (`None` for a missing row).
    pub current: Option<f64>,
    /// (current - baseline) / baseline, in percent; positive means the number went up.
    pub change_pct: Option<f64>,
    /// The noise band of each side, `[low, high]` (see [`noise_band`]).
    pub baseline_band: Option<[f64; 2]>,
    pub current_band: Option<[f64; 2]>,
    /// For our rows: each side's ratio to its reference, `[median, low, high]`.
    pub baseline_ratio: Option<[f64; 3]>,
    pub current_ratio: Option<[f64; 3]>,
    /// For our rows: the ratio's change in percent, the basis of the verdict.
    pub ratio_change_pct: Option<f64>,
    /// What the verdict rests on, for people: the two ratios with their intervals, the two
    /// noise bands, or an A/B ratio.
    pub evidence: String,
    pub verdict: Verdict,
    /// Why, in a few words.
    pub reason: String,
}

/// The whole comparison, rows sorted by identity.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub rows: Vec<ComparedRow>,
    pub threshold_pct: f64,
    /// Things the reader should know (tuning differences, cross-machine comparison).
    pub notes: Vec<String>,
}

impl Comparison {
    pub fn has_regression(&self) -> bool {
        self.rows.iter().any(|r| r.verdict == Verdict::Regressed)
    }

    pub fn count(&self, v: Verdict) -> usize {
        self.rows.iter().filter(|r| r.verdict == v).count()
    }

    /// The machine's drift between the two runs: the median ([`analysis::median`]) and range
    /// of the third-party rows' changes, in percent.
    pub fn drift(&self) -> Option<(f64, f64, f64)> {
        let mut c: Vec<f64> = self
            .rows
            .iter()
            .filter(|r| r.verdict == Verdict::Drift)
            .filter_map(|r| r.change_pct)
            .collect();
        let m = analysis::median(&c)?;
        c.sort_by(f64::total_cmp);
        Some((m, c[0], c[c.len() - 1]))
    }

    /// `1 regressed, 2 unchanged, …` (only the verdicts that occur).
    pub fn summary(&self) -> String {
        let parts: Vec<String> = Verdict::ALL
            .iter()
            .filter_map(|&v| {
                let n = self.count(v);
                (n > 0).then(|| format!("{n} {v}"))
            })
            .collect();
        let body = if parts.is_empty() {
            "no rows".to_string()
        } else {
            parts.join(", ")
        };
        let drift = self.drift().map_or(String::new(), |(m, lo, hi)| {
            format!("; machine drift (third-party rows): median {m:+.1}%, {lo:+.1}% .. {hi:+.1}%")
        });
        format!("{body} (threshold {}%){drift}", self.threshold_pct)
    }
}

/// Why two documents could not be compared at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareError {
    /// The machines differ (the first differing field) and `cross_machine` was not set.
    DifferentMachines(String),
    /// No identity occurs in both documents.
    NoCommonRows,
    /// Both hold counts, made under different facts (the first that differs).
    CountsIncomparable(String),
}

/// Compares `current` against `baseline` (pure: no I/O).
pub fn compare(
    baseline: &Results,
    current: &Results,
    opts: &Options,
) -> Result<Comparison, CompareError> {
    let (bm, cm) = (&baseline.run.machine, &current.run.machine);
    let mut notes = Vec::new();
    if let Some(diff) = counted::facts_difference(baseline, current) {
        return Err(CompareError::CountsIncomparable(diff));
    }
    // Simulated counts do not depend on the machine that simulates them.
    let counts_only = counted::only_counts(baseline) && counted::only_counts(current);
    if let Some(diff) = runinfo::machine_difference(bm, cm).filter(|_| !counts_only) {
        if !opts.cross_machine {
            return Err(CompareError::DifferentMachines(diff));
        }
        notes.push(format!(
            "cross-machine comparison ({diff}): verdicts are indicative only"
        ));
    }
    notes.extend(runinfo::condition_differences(bm, cm));
    for (doc, which) in [(baseline, "the baseline"), (current, "the current run")] {
        if doc.run.partial {
            notes.push(format!(
                "{which} is partial: it was stopped before every group had finished, so the rows it lacks are not judged"
            ));
        }
    }
    if baseline.run.profile != current.run.profile {
        notes.push(format!(
            "profile differs: {:?} vs {:?}",
            baseline.run.profile, current.run.profile
        ));
    }

    let ratios = || baseline.rows.iter().filter_map(|r| r.extra.ratio.as_ref());
    if ratios().next().is_some() && ratios().all(|q| q.run_to_run.is_none()) {
        notes.push(
            "the baseline has no run-to-run calibration, so ratios are judged by their intervals alone, which miss this machine's drift between runs; `gomap-bench run --update-baseline` measures one".into(),
        );
    }
    let base: BTreeMap<Identity, &Row> = baseline.rows.iter().map(|r| (r.identity(), r)).collect();
    let cur: BTreeMap<Identity, &Row> = current.rows.iter().map(|r| (r.identity(), r)).collect();
    if !base.keys().any(|k| cur.contains_key(k)) {
        return Err(CompareError::NoCommonRows);
    }

    let mut ids: Vec<&Identity> = base.keys().chain(cur.keys()).collect();
    ids.sort();
    ids.dedup();
    // The rows judged by their ratios are a family: their intervals are widened so that
    // the chance of any of them straying by luck alone is 5%, not 5% each.
    let judged = ids
        .iter()
        .filter(|id| match (base.get(*id), cur.get(*id)) {
            (Some(b), Some(c)) => is_ours(c) && b.extra.ratio.is_some() && c.extra.ratio.is_some(),
            _ => false,
        })
        .count();
    let family = analysis::family_widening(judged);
    if judged > 1 {
        notes.push(format!(
            "{judged} ratios of ours judged as one family: each interval ×{family:.2} (95% for them all)"
        ));
    }
    let rows = ids
        .into_iter()
        .map(|id| {
            compare_row(
                id,
                base.get(id).copied(),
                cur.get(id).copied(),
                opts,
                family,
            )
        })
        .collect();
    Ok(Comparison {
        rows,
        threshold_pct: opts.threshold_pct,
        notes,
    })
}

/// Reads both files and compares them; errors name the file they are about.
pub fn compare_files(
    baseline: &Path,
    current: &Path,
    opts: &Options,
) -> Result<Comparison, ResultsError> {
    let b = io::read(baseline)?;
    let c = io::read(current)?;
    compare(&b, &c, opts).map_err(|e| match e {
        CompareError::DifferentMachines(diff) => ResultsError::at(
            current,
            format!(
                "measured on a different machine than {} ({diff}); pass --cross-machine to compare anyway",
                baseline.display()
            ),
        ),
        CompareError::NoCommonRows => ResultsError::at(
            current,
            format!("no rows in common with {}", baseline.display()),
        ),
        CompareError::CountsIncomparable(diff) => ResultsError::at(
            current,
            format!(
                "its counts cannot be compared with those of {} ({diff}): count both with the same toolchain and settings",
                baseline.display()
            ),
        ),
    })
}

/// The noise band of a row: the band its samples spread over ([`analysis::noise_band`]), or
/// its median alone (a point) without samples.
pub fn noise_band(row: &Row) -> [f64; 2] {
    analysis::noise_band(&row.samples).unwrap_or([row.median, row.median])
}

/// Whether a row is one of this project's own maps (the GoMap family and its concurrent
/// variants): its recorded role, or for files without one, the registry's word on its map.
pub fn is_ours(r: &Row) -> bool {
    match r.extra.role {
        Some(role) => role.is_ours(),
        None => registry::role_of_map(&r.id.map).is_some_and(Role::is_ours),
    }
}

fn ratio_triple(r: &Row) -> Option<[f64; 3]> {
    r.extra.ratio.as_ref().map(|x| x.interval().triple())
}

fn compare_row(
    id: &Identity,
    b: Option<&Row>,
    c: Option<&Row>,
    opts: &Options,
    family: f64,
) -> ComparedRow {
    let any = c.or(b).expect("an identity comes from one side at least");
    let mut out = ComparedRow {
        baseline_band: b.map(noise_band),
        current_band: c.map(noise_band),
        baseline_ratio: b.and_then(ratio_triple),
        current_ratio: c.and_then(ratio_triple),
        ..ComparedRow::new(id, any.unit, b.map(|r| r.median), c.map(|r| r.median))
    };
    if !any.unit.is_performance() {
        return out.judge(Verdict::Invalid, "a measured rate, not a speed: not judged");
    }
    let (b, c) = match (b, c) {
        (Some(b), Some(c)) => (b, c),
        (None, _) => return out.judge(Verdict::New, "not in the baseline"),
        (_, None) => return out.judge(Verdict::Missing, "not in the current run"),
    };
    if !b.valid || !c.valid {
        let side = if !c.valid { "current" } else { "baseline" };
        return out.judge(
            Verdict::Invalid,
            &format!("failed validation in the {side} run"),
        );
    }
    if b.unit != c.unit {
        return out.judge(Verdict::Invalid, "units differ");
    }
    if c.id.suite == Suite::Counts {
        return counted::judge(out, b, c, &opts.counts);
    }
    if !(b.median.is_finite() && c.median.is_finite()) || b.median == 0.0 {
        return out.judge(Verdict::Invalid, "median missing or zero");
    }
    let change = (c.median - b.median) / b.median * 100.0;
    out.change_pct = Some(change);
    if !is_ours(c) {
        return out.judge(Verdict::Drift, "third-party row: the machine's drift");
    }
    match (&b.extra.ratio, &c.extra.ratio) {
        (Some(rb), Some(rc)) => judge_ratio(out, (b, c), (rb, rc), opts, family),
        _ => judge_medians(out, b, c, change, opts),
    }
}

/// Our row, by its ratio to the reference (see the module docs).
fn judge_ratio(
    mut out: ComparedRow,
    (b, c): (&Row, &Row),
    (rb, rc): (&Ratio, &Ratio),
    opts: &Options,
    family: f64,
) -> ComparedRow {
    if !(rb.median > 0.0 && rc.median > 0.0) {
        return out.judge(Verdict::Invalid, "ratio missing or zero");
    }
    let delta = (rc.median / rb.median).ln();
    out.ratio_change_pct = Some(delta.exp_m1() * 100.0);
    out.evidence = format!(
        "÷{} {} → {} ({:+.1}%)",
        rc.to,
        ratio_text(rb),
        ratio_text(rc),
        delta.exp_m1() * 100.0
    );
    let (hb, hc) = (rb.log_half_width(), rc.log_half_width());
    let noise = (family * (hb.powi(2) + hc.powi(2)).sqrt())
        .max(rb.within_run())
        .max(rc.within_run())
        .max(rb.run_to_run.unwrap_or(0.0));
    let threshold = (1.0 + opts.threshold_pct / 100.0).ln();
    let worse = match c.unit.direction() {
        Direction::LowerIsBetter => delta > 0.0,
        Direction::HigherIsBetter => delta < 0.0,
    };
    let moved = if worse {
        Verdict::Regressed
    } else {
        Verdict::Improved
    };
    let beyond = delta.abs() > threshold;
    let clear = delta.abs() > noise;
    let clearly = delta.abs() > 2.0 * threshold && clear;
    if (b.noisy || c.noisy) && !clearly {
        out.judge(Verdict::Noisy, "flagged noisy (disturbed run)")
    } else if !beyond {
        out.judge(Verdict::Unchanged, "ratio within the threshold")
    } else if !clear {
        out.judge(
            Verdict::Noisy,
            "ratio beyond the threshold but within its intervals",
        )
    } else {
        out.judge(moved, "ratio beyond the threshold and its intervals")
    }
}

/// `1.252 [1.245, 1.263]`: after `÷reference` a ratio needs no `×`.
fn ratio_text(r: &Ratio) -> String {
    format!("{:.3}", Estimate::of(&r.interval()))
}

/// Our row without ratios, by its medians and noise bands (files from before the rounds).
fn judge_medians(
    mut out: ComparedRow,
    b: &Row,
    c: &Row,
    change: f64,
    opts: &Options,
) -> ComparedRow {
    let worse = match c.unit.direction() {
        Direction::LowerIsBetter => change > 0.0,
        Direction::HigherIsBetter => change < 0.0,
    };
    let moved = if worse {
        Verdict::Regressed
    } else {
        Verdict::Improved
    };
    let (bb, cb) = (noise_band(b), noise_band(c));
    out.evidence = format!(
        "noise {}..{} → {}..{}",
        num(bb[0]),
        num(bb[1]),
        num(cb[0]),
        num(cb[1])
    );
    let separated = cb[0] > bb[1] || cb[1] < bb[0];
    let beyond = change.abs() > opts.threshold_pct;
    let clearly = change.abs() > 2.0 * opts.threshold_pct && separated;
    let flagged = b.noisy || c.noisy;

    if flagged && !clearly {
        out.judge(Verdict::Noisy, "flagged noisy (disturbed run)")
    } else if !beyond {
        out.judge(Verdict::Unchanged, "within the threshold")
    } else if !separated {
        out.judge(
            Verdict::Noisy,
            "beyond the threshold but within the measured noise",
        )
    } else {
        out.judge(moved, "beyond the threshold and the noise")
    }
}

impl ComparedRow {
    /// A row of `id` with its two medians (`None` for the side that lacks it) and nothing
    /// judged yet: `compare` and `ab` fill in what they know, then [`ComparedRow::judge`].
    pub fn new(id: &Identity, unit: Unit, baseline: Option<f64>, current: Option<f64>) -> Self {
        ComparedRow {
            name: id.to_string(),
            identity: id.clone(),
            unit,
            direction: unit.direction(),
            baseline,
            current,
            change_pct: None,
            baseline_band: None,
            current_band: None,
            baseline_ratio: None,
            current_ratio: None,
            ratio_change_pct: None,
            evidence: String::new(),
            verdict: Verdict::Unchanged,
            reason: String::new(),
        }
    }

    /// The row with its verdict and why.
    pub fn judge(mut self, v: Verdict, why: &str) -> Self {
        self.verdict = v;
        self.reason = why.to_string();
        self
    }
}

/// Parses `5%`, `5` or `2.5%` as a threshold in percent.
pub fn parse_threshold(s: &str) -> Result<f64, ResultsError> {
    let t = s.trim();
    let number = t.strip_suffix('%').unwrap_or(t).trim();
    match number.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ => Err(ResultsError::msg(format!(
            "invalid threshold {s:?}: expected a non-negative percentage such as 5%"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::schema::{Ratio, RunInfo};

    fn row(samples: &[f64]) -> Row {
        use crate::vocabulary::Identity;
        use crate::vocabulary::Isa;
        use crate::vocabulary::Op;
        use crate::vocabulary::Suite;
        let id = Identity::new(Suite::Ops, "gomap", Op::GetHit)
            .size(1024)
            .isa(Some(Isa::Avx2));
        let mut r = Row::new(id, Unit::NsPerOp, samples.to_vec());
        r.extra.role = Some(crate::vocabulary::Role::Ours);
        r
    }

    /// A row of ours whose ratio to its reference is `m` [lo, hi], with halves `h`.
    fn with_ratio(median: f64, m: f64, lo: f64, hi: f64, h: [f64; 2]) -> Row {
        let mut r = row(&[median * 0.99, median, median * 1.01]);
        r.extra.ratio = Some(Ratio {
            to: "hashbrown [sse2]".into(),
            median: m,
            ci95_low: lo,
            ci95_high: hi,
            n: 30,
            halves: Some(h),
            blocks: None,
            run_to_run: None,
        });
        r
    }

    fn one(b: Row, c: Row) -> ComparedRow {
        let run = RunInfo::default();
        let cmp = compare(
            &Results::new(run.clone(), vec![b]),
            &Results::new(run, vec![c]),
            &Options::default(),
        )
        .unwrap();
        cmp.rows[0].clone()
    }

    #[test]
    fn bands() {
        assert_eq!(noise_band(&row(&[1.0, 2.0, 3.0, 4.0, 100.0])), [2.0, 4.0]);
        let mut none = row(&[]);
        none.median = 7.0;
        assert_eq!(noise_band(&none), [7.0, 7.0]);
    }

    #[test]
    fn verdicts() {
        let base = row(&[100.0, 101.0, 99.0, 100.5, 99.5]);
        assert_eq!(
            one(base.clone(), row(&[130.0, 131.0, 129.0, 130.5, 129.5])).verdict,
            Verdict::Regressed
        );
        assert_eq!(
            one(base.clone(), row(&[70.0, 71.0, 69.0, 70.5, 69.5])).verdict,
            Verdict::Improved
        );
        assert_eq!(
            one(base.clone(), row(&[102.0, 103.0, 101.0])).verdict,
            Verdict::Unchanged
        );
        // 8% slower, but the spread of both runs overlaps.
        let wide = row(&[90.0, 95.0, 100.0, 105.0, 110.0]);
        assert_eq!(
            one(wide, row(&[96.0, 100.0, 108.0, 112.0, 120.0])).verdict,
            Verdict::Noisy
        );
        let mut bad = row(&[1.0]);
        bad.valid = false;
        assert_eq!(one(base.clone(), bad).verdict, Verdict::Invalid);
        let mut flagged = row(&[107.0, 108.0, 109.0]);
        flagged.noisy = true;
        assert_eq!(one(base.clone(), flagged.clone()).verdict, Verdict::Noisy);
        flagged.samples = vec![150.0, 151.0];
        flagged.median = 150.5;
        assert_eq!(one(base, flagged).verdict, Verdict::Regressed);
    }

    #[test]
    fn our_rows_are_judged_by_their_ratio_not_by_the_drift() {
        // The machine ran 50% slower; the ratio did not move: unchanged.
        let b = with_ratio(10.0, 1.25, 1.24, 1.26, [1.25, 1.25]);
        let c = with_ratio(15.0, 1.26, 1.25, 1.27, [1.26, 1.26]);
        assert_eq!(one(b.clone(), c).verdict, Verdict::Unchanged);
        // Same medians, the ratio 10% up, tight intervals: regressed.
        let c = with_ratio(10.0, 1.375, 1.37, 1.38, [1.375, 1.375]);
        let v = one(b.clone(), c);
        assert_eq!(v.verdict, Verdict::Regressed, "{v:?}");
        assert!((v.ratio_change_pct.unwrap() - 10.0).abs() < 0.01);
        // 10% up, but one run's ratio moved 12% between its halves: noisy.
        let c = with_ratio(10.0, 1.375, 1.37, 1.38, [1.30, 1.46]);
        assert_eq!(one(b.clone(), c).verdict, Verdict::Noisy);
        // 10% down: improved.
        let c = with_ratio(10.0, 1.125, 1.12, 1.13, [1.125, 1.125]);
        assert_eq!(one(b, c).verdict, Verdict::Improved);
    }

    #[test]
    fn many_ratios_are_judged_as_a_family() {
        // Moved 6%, each interval ±3%: alone, √2·3% ≈ 4.2% < 6% is a regression; as one of
        // 150 rows judged together (×1.8 ≈ 7.6%), it is within the noise.
        let b = with_ratio(10.0, 1.0, 0.97, 1.03, [1.0, 1.0]);
        let c = with_ratio(10.0, 1.06, 1.06 * 0.97, 1.06 * 1.03, [1.06, 1.06]);
        assert_eq!(one(b.clone(), c.clone()).verdict, Verdict::Regressed);
        let many = |r: &Row| {
            let rows = (0..150)
                .map(|i| {
                    let mut x = r.clone();
                    x.id.size = 1 << (i % 30);
                    x.id.threads = 1 + i / 30;
                    x
                })
                .collect();
            Results::new(RunInfo::default(), rows)
        };
        let cmp = compare(&many(&b), &many(&c), &Options::default()).unwrap();
        assert_eq!(cmp.count(Verdict::Regressed), 0);
        assert_eq!(cmp.count(Verdict::Noisy), 150);
        assert!(
            cmp.notes.iter().any(|n| n.contains("150 ratios")),
            "{:?}",
            cmp.notes
        );
    }

    #[test]
    fn the_baselines_run_to_run_spread_is_noise() {
        let calibrated = |spread: f64| {
            let mut b = with_ratio(10.0, 1.25, 1.24, 1.26, [1.25, 1.25]);
            b.extra.ratio.as_mut().unwrap().run_to_run = Some(spread);
            b
        };
        let up10 = with_ratio(10.0, 1.375, 1.37, 1.38, [1.375, 1.375]);
        // The machine moved this class by 20% between the baseline's passes: 10% is noise.
        assert_eq!(
            one(calibrated(1.2f64.ln()), up10.clone()).verdict,
            Verdict::Noisy
        );
        // It moved it by 3%: 10% is a regression.
        assert_eq!(
            one(calibrated(1.03f64.ln()), up10).verdict,
            Verdict::Regressed
        );
        // 30% up is beyond a 20% spread.
        let up30 = with_ratio(10.0, 1.625, 1.62, 1.63, [1.625, 1.625]);
        assert_eq!(
            one(calibrated(1.2f64.ln()), up30).verdict,
            Verdict::Regressed
        );
    }

    #[test]
    fn third_party_rows_are_drift_never_regressions() {
        let mut b = row(&[100.0, 101.0, 99.0, 100.5, 99.5]);
        let mut c = row(&[150.0, 151.0, 149.0, 150.5, 149.5]);
        for r in [&mut b, &mut c] {
            r.extra.role = Some(crate::vocabulary::Role::Reference);
        }
        let b_doc = Results::new(RunInfo::default(), vec![b]);
        let cmp = compare(
            &b_doc,
            &Results::new(RunInfo::default(), vec![c]),
            &Options::default(),
        )
        .unwrap();
        assert_eq!(cmp.rows[0].verdict, Verdict::Drift);
        assert!(!cmp.has_regression());
        assert!(cmp.summary().contains("machine drift"), "{}", cmp.summary());
    }

    #[test]
    fn the_drift_is_the_median_of_the_third_party_changes() {
        let drift = |pct: f64| {
            let id = row(&[1.0]).id;
            let mut r = ComparedRow::new(&id, Unit::NsPerOp, Some(1.0), Some(1.0));
            r.change_pct = Some(pct);
            r.judge(Verdict::Drift, "")
        };
        let cmp = |pcts: &[f64]| Comparison {
            rows: pcts.iter().map(|&p| drift(p)).collect(),
            threshold_pct: 5.0,
            notes: Vec::new(),
        };
        // An even count: the mean of the middle two, not the upper one.
        assert_eq!(
            cmp(&[30.0, 10.0, 20.0, -5.0]).drift(),
            Some((15.0, -5.0, 30.0))
        );
        assert_eq!(cmp(&[30.0, 10.0, 20.0]).drift(), Some((20.0, 10.0, 30.0)));
        assert_eq!(cmp(&[]).drift(), None);
    }

    #[test]
    fn throughput_direction() {
        let mut b = row(&[10.0, 10.1, 9.9]);
        let mut c = row(&[12.0, 12.1, 11.9]);
        for r in [&mut b, &mut c] {
            r.unit = Unit::MopsPerSec;
        }
        assert_eq!(one(b, c).verdict, Verdict::Improved);
    }

    #[test]
    fn fractions_are_never_judged() {
        let rate = |v: f64| {
            let mut r = row(&[v]);
            r.unit = Unit::Fraction;
            r
        };
        // A detection rate that halves is not a regression (nor a win when it doubles).
        assert_eq!(one(rate(0.9), rate(0.45)).verdict, Verdict::Invalid);
        assert_eq!(one(rate(0.45), rate(0.9)).verdict, Verdict::Invalid);
        assert_eq!(
            serde_json::to_string(&Unit::Fraction).unwrap(),
            "\"fraction\""
        );
    }

    #[test]
    fn thresholds_parse() {
        assert_eq!(parse_threshold("5%").unwrap(), 5.0);
        assert_eq!(parse_threshold("2.5").unwrap(), 2.5);
        assert!(parse_threshold("x").is_err());
        assert!(parse_threshold("-1%").is_err());
    }
}
