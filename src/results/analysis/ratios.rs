//! Paired ratios: from two series sampled in the same rounds to a [`Ratio`] with its
//! interval, its halves and its blocks; the same ratio pooled over processes; the paired
//! differences; and the verdict an interval gives.
//!
//! Everything that divides one member by another goes through here: a group's rows
//! (`harness::measuring::groups`), pooling (`results::pool`), and `ab`'s HEAD ÷ BASE.

use super::intervals::MIN_PAIRS_FOR_INTERVAL;
use super::intervals::{block_half_width, block_half_width_at, median_interval_at};
use super::{mean, median, Interval};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A row ÷ the reference of its group, from rounds in which both were sampled: the median of
/// the per-round ratios and its distribution-free 95% interval. In the row's unit: above 1
/// means more ns/op (slower) or more Mops/s (faster) than the reference. Part of the results
/// format (`extra.ratio`, see `results::schema`), defined here with the code that computes
/// it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ratio {
    /// The reference: its map, and `[isa]` where one applies.
    pub to: String,
    /// Median of the per-round ratios.
    pub median: f64,
    /// The 95% interval of that median.
    pub ci95_low: f64,
    /// Upper end of that interval.
    pub ci95_high: f64,
    /// Rounds paired (the undisturbed ones).
    pub n: u32,
    /// The same ratio from the first and from the second half of the rounds: how far it
    /// moved within the run, which `compare` counts as noise between runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub halves: Option<[f64; 2]>,
    /// The same ratio from each block of rounds (blocks are spread over the run, each on
    /// maps built afresh): the interval above is at least as wide as Student's t over
    /// these allows ([`block_half_width`]), since rounds of one block share the
    /// machine's state of their moment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocks: Option<Vec<f64>>,
    /// In a baseline: how far this machine moved the ratios of the row's class between two
    /// runs of one build, as |ln(ratio ÷ ratio)| (see `results::calibrate`); `compare`
    /// counts it as noise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_to_run: Option<f64>,
}

impl Ratio {
    /// From a paired interval.
    pub fn new(to: String, i: &Interval) -> Ratio {
        Ratio {
            to,
            median: i.median,
            ci95_low: i.ci95_low,
            ci95_high: i.ci95_high,
            n: i.n,
            halves: None,
            blocks: None,
            run_to_run: None,
        }
    }

    /// As an interval, for the statistics.
    pub fn interval(&self) -> Interval {
        Interval {
            median: self.median,
            ci95_low: self.ci95_low,
            ci95_high: self.ci95_high,
            n: self.n,
        }
    }

    /// The ratio a row records: `a ÷ b` over their undisturbed rounds ([`blocked_ratio_at`]),
    /// with the same ratio from each half of the rounds and from each block (`blocks`: the
    /// rounds of each, as index ranges). `to` names the reference.
    pub fn measure(
        to: &str,
        a: &[f64],
        b: &[f64],
        costs: bool,
        blocks: &[Range<usize>],
    ) -> Option<Ratio> {
        let (iv, per_block) = blocked_ratio_at(a, b, costs, blocks, 0.05)?;
        let mut r = Ratio::new(to.to_string(), &iv);
        let n = a.len().min(b.len());
        let h = n / 2;
        if h >= 2 {
            let first = undisturbed_ratio(&a[..h], &b[..h], costs);
            let second = undisturbed_ratio(&a[h..n], &b[h..n], costs);
            r.halves = first.zip(second).map(|(x, y)| [x.median, y.median]);
        }
        // Each block's ratio is its median over the rounds kept for the whole run (a block
        // whose rounds were all disturbed drops out). Measured on two A/A pairs of the main
        // job: a block judged against its own level instead keeps a 2×-slow regime's blocks
        // (hashbrown get_hit 2^10 at 8–9 ns against 4 ns, in which GoMap ÷ hashbrown reads
        // 0.90 against 1.06–1.12), which doubled the intervals' median half-width (3.8% →
        // 8.2%) for no better agreement between runs.
        if per_block.len() >= 2 {
            r.blocks = Some(per_block);
        }
        Some(r)
    }

    /// One ratio from its measurements in several processes of one run; `None` when the
    /// parts divide by different references.
    ///
    /// The parts' per-block ratios are the blocks of the whole (each part lists its own; a
    /// part without blocks is one block); the pooled ratio is their geometric mean (the mean
    /// in ln space: the centre of Student's t, as in [`blocked_ratio_at`]); its interval is
    /// the wider of Student's t over all blocks ([`block_half_width`], which now spans
    /// processes) and the parts' own intervals shrunk by √parts (their rounds, pooled).
    /// `halves` become the first and second half of the blocks: for two parts, process one
    /// against process two.
    pub fn pool(parts: &[&Ratio]) -> Option<Ratio> {
        let first = *parts.first()?;
        if parts.iter().any(|r| r.to != first.to) {
            return None;
        }
        let logs: Vec<f64> = parts
            .iter()
            .flat_map(|r| match &r.blocks {
                Some(b) => b.iter().map(|x| x.ln()).collect(),
                None => vec![r.median.ln()],
            })
            .collect();
        let m = mean(&logs)?;
        let own = parts.iter().map(|r| r.log_reach()).sum::<f64>()
            / parts.len() as f64
            / (parts.len() as f64).sqrt();
        let w = block_half_width(&logs).map_or(own, |b| b.max(own));
        let half = logs.len() / 2;
        let halves = match (mean(&logs[..half]), mean(&logs[half..])) {
            (Some(a), Some(b)) if half >= 1 => Some([a.exp(), b.exp()]),
            _ => None,
        };
        let mut pooled = Ratio::new(
            first.to.clone(),
            &Interval {
                median: m.exp(),
                ci95_low: (m - w).exp(),
                ci95_high: (m + w).exp(),
                n: parts.iter().map(|r| r.n).sum(),
            },
        );
        pooled.halves = halves;
        pooled.blocks = Some(logs.iter().map(|x| x.exp()).collect());
        Some(pooled)
    }

    /// The interval's half width in log space, (ln high − ln low) / 2: what `compare`
    /// combines across two runs; infinite where an end is (too few rounds).
    pub fn log_half_width(&self) -> f64 {
        let w = (self.ci95_high.ln() - self.ci95_low.ln()) / 2.0;
        if w.is_finite() {
            w
        } else {
            f64::INFINITY
        }
    }

    /// How far the interval reaches from the estimate in log space, on its wider side: what
    /// [`Ratio::pool`] keeps of each process's own interval.
    pub fn log_reach(&self) -> f64 {
        let c = self.median.ln();
        (c - self.ci95_low.ln()).max(self.ci95_high.ln() - c)
    }

    /// How far the ratio moved within its run, |ln(first half ÷ second half)|; 0 without
    /// halves.
    pub fn within_run(&self) -> f64 {
        self.halves.map_or(0.0, |[x, y]| (x / y).ln().abs())
    }
}

/// The paired ratio `a[i] / b[i]` over the pairs where both are positive and finite: the
/// median of the log ratios and its interval, turned back into a ratio.
pub fn paired_ratio(a: &[f64], b: &[f64]) -> Option<Interval> {
    paired_ratio_at(a, b, 0.05)
}

/// [`paired_ratio`] with coverage ≥ 1 − `alpha`.
pub fn paired_ratio_at(a: &[f64], b: &[f64], alpha: f64) -> Option<Interval> {
    let logs: Vec<f64> = a
        .iter()
        .zip(b)
        .filter(|(x, y)| x.is_finite() && y.is_finite() && **x > 0.0 && **y > 0.0)
        .map(|(x, y)| (x / y).ln())
        .collect();
    let i = median_interval_at(&logs, alpha)?;
    Some(Interval {
        median: i.median.exp(),
        ci95_low: i.ci95_low.exp(),
        ci95_high: i.ci95_high.exp(),
        n: i.n,
    })
}

/// How much slower than its own usual level a sample may be and still count as
/// undisturbed: 1.25× its lower quartile (in cost: ns/op, or 1 / Mops/s).
pub const DISTURBED_FACTOR: f64 = 1.25;

/// The rounds in which neither of two paired series was disturbed.
///
/// A burst (a loop 1.2–3.5× slower for a tenth of a second) or a slow regime (memory-bound
/// code 1.5–1.8× slower for a second or more, seen on this VM while another core is busy)
/// slows every member of a round, but not by the same factor: a cache-missing lookup and an
/// in-cache one suffer differently, so the paired ratio itself moves with the machine's
/// state, and its median with the share of disturbed rounds in a run. A sample counts as
/// disturbed when its cost is more than [`DISTURBED_FACTOR`] times its own series' lower
/// quartile; the ratio is taken over the rounds where neither side was. The rule looks at each
/// series alone, never at the ratio, so a real difference between the two (a regression
/// of 5% all through) cannot be filtered away. When fewer than a third of the rounds (or
/// fewer than [`MIN_PAIRS_FOR_INTERVAL`]) are left, every round is used.
///
/// `costs` says how to read a sample: `true` for ns/op (bigger is worse), `false` for Mops/s.
pub fn undisturbed(a: &[f64], b: &[f64], costs: bool) -> Vec<usize> {
    let n = a.len().min(b.len());
    let cost = |x: f64| if costs { x } else { 1.0 / x };
    let level = |s: &[f64]| {
        let mut c: Vec<f64> = s[..n]
            .iter()
            .map(|&x| cost(x))
            .filter(|x| x.is_finite())
            .collect();
        c.sort_by(f64::total_cmp);
        c.get(c.len() / 4).copied().unwrap_or(f64::INFINITY)
    };
    let (la, lb) = (level(a), level(b));
    let kept: Vec<usize> = (0..n)
        .filter(|&i| cost(a[i]) <= DISTURBED_FACTOR * la && cost(b[i]) <= DISTURBED_FACTOR * lb)
        .collect();
    if kept.len() < MIN_PAIRS_FOR_INTERVAL.max(n / 3) {
        (0..n).collect()
    } else {
        kept
    }
}

/// [`paired_ratio`] over the [`undisturbed`] rounds of `a` and `b`.
pub fn undisturbed_ratio(a: &[f64], b: &[f64], costs: bool) -> Option<Interval> {
    undisturbed_ratio_at(a, b, costs, 0.05)
}

/// [`undisturbed_ratio`] with coverage ≥ 1 − `alpha` (`ab`'s family-wise intervals).
pub fn undisturbed_ratio_at(a: &[f64], b: &[f64], costs: bool, alpha: f64) -> Option<Interval> {
    let keep = undisturbed(a, b, costs);
    let pick = |s: &[f64]| keep.iter().map(|&i| s[i]).collect::<Vec<f64>>();
    paired_ratio_at(&pick(a), &pick(b), alpha)
}

/// A ratio measured in blocks: `a ÷ b` over their [`undisturbed`] rounds, where `blocks`
/// gives each block's rounds (index ranges). The estimate is the geometric mean of the
/// blocks' own medians (each block one draw of the machine's state and of the maps'
/// placement, counted once however many of its rounds were kept): the centre of Student's
/// t over the blocks ([`block_half_width_at`]), so that estimate and interval are one
/// computation; the interval, of coverage ≥ 1 − `alpha`, is the wider of that and the sign
/// test's over the rounds. With fewer than two blocks it is the rounds' ratio. Also returns
/// the per-block ratios.
///
/// Why the mean, not the median of the blocks: the blocks are few (6 in the main job, 16 in
/// `ab`), and over them the mean moves less from run to run. Measured on the blocks of six
/// A/A pairs of the main job (93 headline ratios each; 8, 6, 8, 6, 24 and 6 blocks a row),
/// the number of ratios the two runs agreed on within 5%: 40, 73, 82, 67, 85, 55 with the
/// mean against 40, 73, 64, 65, 83, 54 with the median.
pub fn blocked_ratio_at(
    a: &[f64],
    b: &[f64],
    costs: bool,
    blocks: &[Range<usize>],
    alpha: f64,
) -> Option<(Interval, Vec<f64>)> {
    let keep = undisturbed(a, b, costs);
    let pick = |s: &[f64]| keep.iter().map(|&i| s[i]).collect::<Vec<f64>>();
    let mut r = paired_ratio_at(&pick(a), &pick(b), alpha)?;
    let n = a.len().min(b.len());
    let per_block: Vec<f64> = blocks
        .iter()
        .filter_map(|range| {
            let logs: Vec<f64> = keep
                .iter()
                .filter(|&&i| range.contains(&i) && i < n)
                .map(|&i| (a[i] / b[i]).ln())
                .collect();
            median(&logs)
        })
        .collect();
    if let (Some(w), Some(m)) = (block_half_width_at(&per_block, alpha), mean(&per_block)) {
        r.median = m.exp();
        r.ci95_low = r.ci95_low.min((m - w).exp());
        r.ci95_high = r.ci95_high.max((m + w).exp());
    }
    Some((r, per_block.iter().map(|x| x.exp()).collect()))
}

/// The differences `a[i] − b[i]` (ns/op) of the [`undisturbed`] rounds: the samples of a
/// paired-difference row, whose mean and t interval (`mean_interval`) it records.
pub fn paired_differences(a: &[f64], b: &[f64]) -> Vec<f64> {
    undisturbed(a, b, true)
        .into_iter()
        .map(|i| a[i] - b[i])
        .collect()
}

/// What an interval of a ratio says, given a minimum effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Judgement {
    /// The interval contains 1 or the estimate is within the minimum effect.
    NoChange,
    /// The whole interval is above 1 and the estimate beyond the minimum effect.
    Higher,
    /// The whole interval is below 1 and the estimate beyond the minimum effect.
    Lower,
    /// Beyond the minimum effect, but the interval reaches 1: not evidence.
    Unclear,
}

/// Judges a ratio (`1.0` = no change) against a minimum effect in percent.
pub fn judge_ratio(r: &Interval, min_effect_pct: f64) -> Judgement {
    let big = (r.median.ln()).abs() > (1.0 + min_effect_pct / 100.0).ln();
    match (big, r.ci95_low > 1.0, r.ci95_high < 1.0) {
        (false, _, _) => Judgement::NoChange,
        (true, true, _) => Judgement::Higher,
        (true, _, true) => Judgement::Lower,
        (true, false, false) => Judgement::Unclear,
    }
}

#[cfg(test)]
mod tests {
    use super::super::median_interval;
    use super::*;
    use crate::rng::SplitMix64;

    /// A uniform draw in [0, 1).
    fn unit(rng: &mut SplitMix64) -> f64 {
        (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Two members measured in `n` rounds on a machine like ours: its speed drifts by up to
    /// 3× from round to round, a burst 3.5× slower covers a whole round one time in five (a
    /// burst outlasts a round) and one member's sample alone one time in ten; `b` is `shift`
    /// times slower than `a`, and each sample has ±3% noise of its own.
    fn drifting_pairs(n: usize, shift: f64, seed: u64) -> (Vec<f64>, Vec<f64>) {
        let mut rng = SplitMix64(seed);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..n {
            let mut drift = 1.0 + 2.0 * unit(&mut rng);
            if unit(&mut rng) < 0.2 {
                drift *= 3.5;
            }
            let mut one = |base: f64| {
                let burst = if unit(&mut rng) < 0.1 { 3.5 } else { 1.0 };
                base * drift * burst * (0.97 + 0.06 * unit(&mut rng))
            };
            a.push(one(10.0));
            b.push(one(10.0 * shift));
        }
        (a, b)
    }

    #[test]
    fn a_five_percent_shift_under_heavy_drift_is_detected() {
        for seed in 0..20 {
            let (a, b) = drifting_pairs(40, 1.05, seed);
            let r = paired_ratio(&b, &a).unwrap();
            assert!((1.02..1.08).contains(&r.median), "seed {seed}: {r:?}");
            assert_eq!(
                judge_ratio(&r, 2.0),
                Judgement::Higher,
                "seed {seed}: {r:?}"
            );
            // Unpaired, the same samples say nothing: the drift is 30 times the effect.
            let (ma, mb) = (median_interval(&a).unwrap(), median_interval(&b).unwrap());
            assert!(mb.ci95_low < ma.ci95_high, "seed {seed}");
        }
    }

    #[test]
    fn equal_members_under_the_same_drift_are_not_flagged() {
        let mut flagged = 0;
        for seed in 0..200 {
            let (a, b) = drifting_pairs(40, 1.0, 1000 + seed);
            let r = paired_ratio(&b, &a).unwrap();
            if judge_ratio(&r, 2.0) != Judgement::NoChange {
                flagged += 1;
            }
            assert!(
                r.ci95_low <= 1.0 + 0.03 && r.ci95_high >= 1.0 - 0.03,
                "{r:?}"
            );
        }
        // The interval alone misses 1 up to 5% of the time; the minimum effect removes most.
        assert!(flagged <= 3, "{flagged} of 200 A/A pairs flagged");
    }

    /// `ab`'s samples: `blocks` blocks of `per` rounds, each block on a fresh pair of
    /// processes, each of which draws a placement for its life that makes it up to ±`draw`
    /// slower or faster (uniform, independent for the two sides). Within a block the two
    /// samples of a round are milliseconds apart: the machine's drift (up to 2×, from round
    /// to round) is common to both, and a burst (3.5×) hits one sample alone one time in
    /// twenty; each sample has ±3% noise of its own. HEAD (`b`) is `shift` times slower.
    /// Returns (a, b, blocks).
    fn drawn_blocks(
        blocks: usize,
        per: usize,
        draw: f64,
        shift: f64,
        seed: u64,
    ) -> (Vec<f64>, Vec<f64>, Vec<Range<usize>>) {
        let mut rng = SplitMix64(seed ^ 0x5EED);
        let (mut a, mut b, mut ranges) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..blocks {
            let (da, db) = (
                1.0 + draw * (2.0 * unit(&mut rng) - 1.0),
                1.0 + draw * (2.0 * unit(&mut rng) - 1.0),
            );
            let from = a.len();
            for _ in 0..per {
                let drift = 1.0 + unit(&mut rng);
                let mut one = |level: f64| {
                    let burst = if unit(&mut rng) < 0.05 { 3.5 } else { 1.0 };
                    level * drift * burst * (0.97 + 0.06 * unit(&mut rng))
                };
                a.push(one(10.0 * da));
                b.push(one(10.0 * shift * db));
            }
            ranges.push(from..a.len());
        }
        (a, b, ranges)
    }

    #[test]
    fn per_process_draws_are_held_by_the_blocks_interval_not_by_the_rounds() {
        // Equal builds, ±8% a process: the rounds' sign test alone calls many of them
        // different (the draws are not in its model); the blocks' interval almost never
        // (5 of these 100: its nominal 5%; it may call more of them noisy: beyond the minimum
        // effect, with an interval that reaches 1).
        let (mut by_rounds, mut by_blocks) = (0, 0);
        for seed in 0..100 {
            let (a, b, bl) = drawn_blocks(8, 6, 0.08, 1.0, seed);
            let rounds = undisturbed_ratio(&b, &a, true).unwrap();
            let (blocked, per_block) = blocked_ratio_at(&b, &a, true, &bl, 0.05).unwrap();
            assert!((6..=8).contains(&per_block.len()), "{}", per_block.len());
            assert!(blocked.ci95_low <= rounds.ci95_low && blocked.ci95_high >= rounds.ci95_high);
            let flagged =
                |r: &Interval| matches!(judge_ratio(r, 2.0), Judgement::Higher | Judgement::Lower);
            by_rounds += usize::from(flagged(&rounds));
            by_blocks += usize::from(flagged(&blocked));
        }
        assert!(
            by_rounds >= 10,
            "sign test over rounds flagged only {by_rounds} of 100"
        );
        assert!(
            by_blocks <= 7,
            "blocks' interval flagged {by_blocks} of 100"
        );
    }

    #[test]
    fn a_five_percent_shift_is_found_through_per_process_draws_with_enough_blocks() {
        // ±4% a process, 16 blocks of 6 rounds, as `ab` runs a cheap group; Bonferroni over
        // 15 rows, as `ab` of one suite and two maps.
        let mut found = 0;
        for seed in 0..100 {
            let (a, b, bl) = drawn_blocks(16, 6, 0.04, 1.05, seed);
            let (r, _) = blocked_ratio_at(&b, &a, true, &bl, 0.05 / 15.0).unwrap();
            assert_ne!(judge_ratio(&r, 2.0), Judgement::Lower, "seed {seed}: {r:?}");
            found += usize::from(judge_ratio(&r, 2.0) == Judgement::Higher);
        }
        assert!(found >= 85, "found in {found} of 100");
    }

    #[test]
    fn a_measured_ratio_carries_its_halves_and_blocks() {
        let (a, b, bl) = drawn_blocks(4, 6, 0.0, 1.0, 3);
        let r = Ratio::measure("hashbrown [sse2]", &b, &a, true, &bl).unwrap();
        let (iv, per_block) = blocked_ratio_at(&b, &a, true, &bl, 0.05).unwrap();
        assert_eq!(r.interval(), iv);
        assert_eq!(r.to, "hashbrown [sse2]");
        assert_eq!(r.blocks.as_deref(), Some(&per_block[..]));
        let [h1, h2] = r.halves.unwrap();
        assert_eq!(
            h1,
            undisturbed_ratio(&b[..12], &a[..12], true).unwrap().median
        );
        assert_eq!(
            h2,
            undisturbed_ratio(&b[12..], &a[12..], true).unwrap().median
        );
        // One block: no blocks recorded; three rounds: no halves.
        let whole = 0..24;
        let one = Ratio::measure("x", &b, &a, true, std::slice::from_ref(&whole)).unwrap();
        assert!(one.blocks.is_none() && one.halves.is_some());
        let short = Ratio::measure("x", &b[..3], &a[..3], true, &[]).unwrap();
        assert!(short.halves.is_none());
        assert!(Ratio::measure("x", &[], &[], true, &[]).is_none());
    }

    #[test]
    fn paired_differences_leave_out_the_disturbed_rounds() {
        let a = [10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 30.0, 10.0];
        let b = [9.0; 8];
        let d = paired_differences(&a, &b);
        assert_eq!(d, vec![1.0; 7]);
    }

    #[test]
    fn a_slow_regime_does_not_move_the_ratio() {
        // 30 rounds at a 1.00 ratio, then 15 in which the machine slows `a` 1.8× and `b`
        // 1.5×: the plain median moves with the share of slow rounds, the undisturbed one
        // does not.
        let mut rng = SplitMix64(5);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for r in 0..45 {
            let (sa, sb) = if r >= 30 { (1.8, 1.5) } else { (1.0, 1.0) };
            a.push(36.0 * sa * (0.98 + 0.04 * unit(&mut rng)));
            b.push(36.0 * sb * (0.98 + 0.04 * unit(&mut rng)));
        }
        let plain = paired_ratio(&a, &b).unwrap();
        let kept = undisturbed_ratio(&a, &b, true).unwrap();
        assert!((kept.median - 1.0).abs() < 0.01, "{kept:?}");
        assert_eq!(kept.n, 30);
        assert!(plain.ci95_high > 1.02, "{plain:?}");
        // A member 5% slower in every round stays 5% slower.
        let c: Vec<f64> = b.iter().map(|x| x * 1.05).collect();
        let r = undisturbed_ratio(&c, &b, true).unwrap();
        assert!((r.median - 1.05).abs() < 1e-9, "{r:?}");
    }

    #[test]
    fn too_few_pairs_have_an_unbounded_interval() {
        let r = paired_ratio(&[2.0, 2.0], &[1.0, 1.0]).unwrap();
        assert_eq!(r.median, 2.0);
        assert_eq!(judge_ratio(&r, 2.0), Judgement::Unclear);
        assert!(paired_ratio(&[], &[]).is_none());
    }

    /// A process's ratio from its blocks, ±1% around their median.
    fn process(blocks: &[f64]) -> Ratio {
        let logs: Vec<f64> = blocks.iter().map(|x| x.ln()).collect();
        let m = median(&logs).unwrap().exp();
        Ratio {
            to: "hashbrown [sse2]".into(),
            median: m,
            ci95_low: m * 0.99,
            ci95_high: m * 1.01,
            n: 20,
            halves: None,
            blocks: Some(blocks.to_vec()),
            run_to_run: None,
        }
    }

    #[test]
    fn processes_that_disagree_widen_the_interval() {
        // Each process's blocks agree (within ±1%), the processes do not (3.27 vs 3.84):
        // one process's interval excludes the other's ratio; the pooled one holds both.
        let (a, b) = (process(&[3.25, 3.30]), process(&[3.77, 3.91]));
        assert!(a.ci95_high < b.median);
        let p = Ratio::pool(&[&a, &b]).unwrap();
        assert!(p.ci95_low < a.median && b.median < p.ci95_high, "{p:?}");
        assert_eq!(p.blocks.as_ref().unwrap().len(), 4);
        let [h1, h2] = p.halves.unwrap();
        assert!((h1 - a.median).abs() < 1e-9 && (h2 - b.median).abs() < 1e-9);
        assert_eq!(p.n, 40);
    }

    #[test]
    fn processes_that_agree_keep_a_tight_interval() {
        let (a, b) = (process(&[1.30, 1.31]), process(&[1.31, 1.30]));
        let p = Ratio::pool(&[&a, &b]).unwrap();
        assert!(p.ci95_high / p.ci95_low < 1.03, "{p:?}");
        let mut other = b.clone();
        other.to = "std".into();
        assert!(Ratio::pool(&[&a, &other]).is_none());
    }

    #[test]
    fn widths_in_log_space() {
        let mut r = process(&[2.0]);
        (r.ci95_low, r.ci95_high) = (1.0, 4.0);
        assert!((r.log_half_width() - 2f64.ln()).abs() < 1e-12);
        assert!((r.log_reach() - 2f64.ln()).abs() < 1e-12);
        r.ci95_high = 3.0;
        assert!((r.log_reach() - 2f64.ln()).abs() < 1e-12);
        r.ci95_low = 0.0;
        assert_eq!(r.log_half_width(), f64::INFINITY);
        assert_eq!(r.within_run(), 0.0);
        r.halves = Some([1.1, 1.0]);
        assert!((r.within_run() - 1.1f64.ln()).abs() < 1e-12);
    }
}
