//! The statistics every verdict of this project rests on, in one place.
//!
//! The machine drifts: a whole suite can run 40–80% slower minutes later, and a loop 1.2–3.5×
//! slower for a tenth of a second. So nothing here compares two numbers measured at different
//! moments. Members of a comparison group are measured in the same rounds, and each round
//! gives one *paired* ratio (member ÷ reference, or HEAD ÷ BASE), in which the drift both
//! sides saw cancels. A ratio's estimate is the median of the per-round log ratios, and its
//! 95% interval is distribution-free: the order statistics of those log ratios whose ranks
//! a Binomial(n, ½) puts around the median (the sign test's interval: no assumption about the
//! shape of the noise, which on this machine has long, one-sided tails from the bursts).
//!
//! Rounds in which either side was *disturbed* (far slower than its own usual level) are
//! left out of a ratio ([`undisturbed`]): on this machine the ratio of a cache-missing map to
//! another moves with the machine's state, so a ratio is quoted for the undisturbed machine.
//!
//! [`Judgement`] turns an interval into a verdict with a minimum effect: a change is reported
//! only when the interval lies entirely beyond "no change" *and* the estimate is beyond the
//! minimum effect, so a tight but tiny change does not fail a build, and a large but noisy
//! one is called noisy, not a regression.

use serde::{Deserialize, Serialize};
use statrs::distribution::{Binomial, ContinuousCDF, DiscreteCDF, StudentsT};

/// An estimate and its 95% interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// The point estimate.
    pub median: f64,
    /// Lower end of the 95% interval.
    pub ci95_low: f64,
    /// Upper end of the 95% interval.
    pub ci95_high: f64,
    /// Pairs (rounds) it was computed from.
    pub n: u32,
}

impl Interval {
    /// The half width relative to the estimate, e.g. 0.02 for ±2%.
    pub fn relative_half_width(&self) -> f64 {
        (self.ci95_high - self.ci95_low) / 2.0 / self.median.abs()
    }
}

/// Fewest pairs with a 95% order-statistics interval (2·½⁶ < 5%).
pub const MIN_PAIRS_FOR_INTERVAL: usize = 6;

/// The 1-based rank `k` such that `[x(k), x(n+1-k)]` of `n` sorted values covers the median
/// with probability ≥ 95%: the largest `k` with P(Binomial(n, ½) ≤ k − 1) ≤ 2.5%. `None`
/// below [`MIN_PAIRS_FOR_INTERVAL`].
pub fn median_ci_rank(n: usize) -> Option<usize> {
    median_ci_rank_at(n, 0.05)
}

/// [`median_ci_rank`] for coverage ≥ 1 − `alpha`: the largest `k` with
/// P(Binomial(n, ½) ≤ k − 1) ≤ `alpha` / 2; `None` when even `[min, max]` covers less.
pub fn median_ci_rank_at(n: usize, alpha: f64) -> Option<usize> {
    if n < MIN_PAIRS_FOR_INTERVAL {
        return None;
    }
    let b = Binomial::new(0.5, n as u64).expect("valid binomial");
    if b.cdf(0) > alpha / 2.0 {
        return None;
    }
    // cdf is increasing in k: walk up from k = 1 (the interval [min, max]).
    let mut k = 1;
    while k < n / 2 && b.cdf(k as u64) <= alpha / 2.0 {
        k += 1;
    }
    Some(k)
}

/// Median of `values` and its distribution-free 95% interval; the interval is
/// (−∞, +∞) with too few values to have one.
pub fn median_interval(values: &[f64]) -> Option<Interval> {
    median_interval_at(values, 0.05)
}

/// [`median_interval`] with coverage ≥ 1 − `alpha` (still named `ci95_*` in [`Interval`]).
pub fn median_interval_at(values: &[f64], alpha: f64) -> Option<Interval> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    let (lo, hi) = match median_ci_rank_at(n, alpha) {
        Some(k) => (v[k - 1], v[n - k]),
        None => (f64::NEG_INFINITY, f64::INFINITY),
    };
    Some(Interval {
        median,
        ci95_low: lo,
        ci95_high: hi,
        n: n as u32,
    })
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

/// The half width, in log space, of a 95% interval for a ratio measured in `blocks`
/// (each block's median log ratio, one per block): Student's t over the blocks,
/// t(k − 1) · sd / √k. `None` below two blocks.
///
/// Why: rounds within a block share the machine's state of that moment, so they are not
/// independent draws; on this VM a regime lasting seconds moves a ratio by 5–15% (memory-
/// bound maps more than in-cache ones). The sign test over all rounds treats them as
/// independent and is too narrow then; the blocks, spread over the run, are the
/// independent draws of the machine's state.
pub fn block_half_width(blocks: &[f64]) -> Option<f64> {
    block_half_width_at(blocks, 0.05)
}

/// [`block_half_width`] for coverage 1 − `alpha` (`ab`'s family-wise intervals).
pub fn block_half_width_at(blocks: &[f64], alpha: f64) -> Option<f64> {
    let k = blocks.len();
    if k < 2 {
        return None;
    }
    let mean = blocks.iter().sum::<f64>() / k as f64;
    let var = blocks.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (k - 1) as f64;
    let t = StudentsT::new(0.0, 1.0, (k - 1) as f64)
        .expect("valid t")
        .inverse_cdf(1.0 - alpha / 2.0);
    Some(t * (var / k as f64).sqrt())
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
    blocks: &[std::ops::Range<usize>],
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

/// The mean of a slice's finite values; `None` when it has none.
pub fn mean(values: &[f64]) -> Option<f64> {
    let v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// The median of a non-empty slice (the mean of the middle two for an even length).
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Mean of the paired differences `a[i] − b[i]` and its 95% interval (Student's t): how the
/// locate suite reports "precomputed − from-B" in nanoseconds, including when it is zero.
pub fn mean_difference(a: &[f64], b: &[f64]) -> Option<Interval> {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    mean_interval(&d)
}

/// The mean of the finite `values` and its 95% interval (Student's t; unbounded for one
/// value).
pub fn mean_interval(values: &[f64]) -> Option<Interval> {
    let d: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    let n = d.len();
    if n == 0 {
        return None;
    }
    let mean = d.iter().sum::<f64>() / n as f64;
    let (lo, hi) = if n == 1 {
        (f64::NEG_INFINITY, f64::INFINITY)
    } else {
        let var = d.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
        let t = StudentsT::new(0.0, 1.0, (n - 1) as f64)
            .expect("valid t")
            .inverse_cdf(0.975);
        let half = t * (var / n as f64).sqrt();
        (mean - half, mean + half)
    };
    Some(Interval {
        median: mean,
        ci95_low: lo,
        ci95_high: hi,
        n: n as u32,
    })
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
    fn blocks_that_disagree_widen_the_interval() {
        assert_eq!(block_half_width(&[0.1]), None);
        assert!(block_half_width(&[0.1, 0.1, 0.1]).unwrap() < 1e-12);
        // Four blocks at ±5%: sd ≈ 5.8%, t(3) = 3.18, so ±9.2%.
        let w = block_half_width(&[0.05, -0.05, 0.05, -0.05]).unwrap();
        assert!((w - 3.182 * 0.0577 / 2.0).abs() < 1e-3, "{w}");
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn ranks_match_the_sign_test_tables() {
        assert_eq!(median_ci_rank(5), None);
        assert_eq!(median_ci_rank(6), Some(1));
        assert_eq!(median_ci_rank(10), Some(2));
        assert_eq!(median_ci_rank(20), Some(6));
        assert_eq!(median_ci_rank(30), Some(10));
        assert_eq!(median_ci_rank(100), Some(40));
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
    ) -> (Vec<f64>, Vec<f64>, Vec<std::ops::Range<usize>>) {
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
    fn mean_difference_of_equal_samples_is_zero() {
        let a = [10.0, 11.0, 9.0, 10.5];
        let d = mean_difference(&a, &a).unwrap();
        assert_eq!((d.median, d.ci95_low, d.ci95_high), (0.0, 0.0, 0.0));
        let b = [9.0, 10.2, 8.1, 9.4];
        let d = mean_difference(&a, &b).unwrap();
        assert!(d.median > 0.8 && d.ci95_low > 0.0 && d.ci95_high > d.median);
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
}
