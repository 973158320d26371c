//! Analysis: every figure a verdict of this project rests on, computed in one place.
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
//! Rounds come in blocks spread over the run, and processes draw something for their whole
//! life; a ratio's interval is widened to what its blocks ([`blocked_ratio_at`]) and its
//! processes ([`Ratio::pool`]) show.
//!
//! [`Judgement`] turns an interval into a verdict with a minimum effect: a change is reported
//! only when the interval lies entirely beyond "no change" *and* the estimate is beyond the
//! minimum effect, so a tight but tiny change does not fail a build, and a large but noisy
//! one is called noisy, not a regression.
//!
//! Why one module: the same ratio was computed by the harness (a group's rows), by pooling
//! (processes of one run) and by `ab` (two builds), and the same median three ways, one of
//! which answered differently for an even count. Here each exists once, and the harness,
//! `pool`, `compare`, `findings` and `ab` call it. It sits at the bottom of `results` and
//! imports nothing from the rest of it: the values it computes ([`Interval`], [`Ratio`]) are
//! defined here, and `schema` stores them, so no import circle forms. Two files:
//!
//! * `intervals`: statistics of one sample — the median, its sign-test interval, the mean
//!   and its t interval, Student's t over blocks, the noise band, the family widening.
//! * `ratios`: paired ratios — undisturbed rounds, blocks, a row's [`Ratio`] with its
//!   halves and blocks, the ratio pooled across processes, paired differences, the verdict.

mod intervals;
mod ratios;

pub use intervals::{
    block_half_width, block_half_width_at, family_widening, mean_difference, mean_interval,
    median_ci_rank, median_ci_rank_at, median_interval, median_interval_at, noise_band,
    MIN_PAIRS_FOR_INTERVAL,
};
pub use ratios::{
    blocked_ratio_at, judge_ratio, paired_differences, paired_ratio, paired_ratio_at, undisturbed,
    undisturbed_ratio, undisturbed_ratio_at, Judgement, Ratio, DISTURBED_FACTOR,
};

use serde::{Deserialize, Serialize};

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

    /// `[estimate, low, high]`: how a comparison row carries it.
    pub fn triple(&self) -> [f64; 3] {
        [self.median, self.ci95_low, self.ci95_high]
    }

    /// Back from [`Interval::triple`] (the count of pairs is not carried: 0).
    pub fn from_triple([median, ci95_low, ci95_high]: [f64; 3]) -> Interval {
        Interval {
            median,
            ci95_low,
            ci95_high,
            n: 0,
        }
    }
}

/// The median of a slice's finite values (the mean of the middle two for an even count);
/// `None` when it has none. The project's one median: a row's, a ratio's, a block's, the
/// machine's drift in a comparison, the ledger's cost in `check`.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v = finite(values);
    v.sort_by(f64::total_cmp);
    middle(&v)
}

/// The median of sorted, finite `v` (see [`median`]).
fn middle(v: &[f64]) -> Option<f64> {
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => Some((v[n / 2 - 1] + v[n / 2]) / 2.0),
    }
}

/// The `q` quantile (0 ≤ q ≤ 1) of a slice's finite values, interpolating linearly between
/// ranks (the interquartile range of [`noise_band`] is two of them); `None` when it has none.
pub fn quantile(values: &[f64], q: f64) -> Option<f64> {
    let mut v = finite(values);
    v.sort_by(f64::total_cmp);
    (!v.is_empty()).then(|| intervals::quantile_sorted(&v, q.clamp(0.0, 1.0)))
}

/// The mean of a slice's finite values; `None` when it has none.
pub fn mean(values: &[f64]) -> Option<f64> {
    let v = finite(values);
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// The finite values of a slice: a non-finite sample (a missing one is NaN) says nothing.
fn finite(values: &[f64]) -> Vec<f64> {
    values.iter().copied().filter(|x| x.is_finite()).collect()
}

/// Median, min and max of a row's samples (NaN for none): the median of the finite ones, the
/// extremes in `f64::total_cmp`'s order.
pub fn summarize(samples: &[f64]) -> (f64, f64, f64) {
    let lowest = samples.iter().copied().min_by(f64::total_cmp);
    let highest = samples.iter().copied().max_by(f64::total_cmp);
    match (median(samples), lowest, highest) {
        (m, Some(lo), Some(hi)) => (m.unwrap_or(f64::NAN), lo, hi),
        _ => (f64::NAN, f64::NAN, f64::NAN),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        // Not the upper middle element (3.0), which a closure in the runner once took.
        assert_eq!(median(&[1.0, 4.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[7.0]), Some(7.0));
        assert_eq!(median(&[]), None);
        // Non-finite values are not samples.
        assert_eq!(median(&[f64::NAN, 1.0, f64::INFINITY, 3.0]), Some(2.0));
        assert_eq!(median(&[f64::NAN]), None);
    }

    #[test]
    fn a_summary_is_median_min_and_max() {
        assert_eq!(summarize(&[3.0, 1.0, 2.0, 10.0]), (2.5, 1.0, 10.0));
        assert_eq!(summarize(&[5.0]), (5.0, 5.0, 5.0));
        let (m, lo, hi) = summarize(&[]);
        assert!(m.is_nan() && lo.is_nan() && hi.is_nan());
    }

    #[test]
    fn quantiles_interpolate_between_ranks() {
        let v = [4.0, 1.0, f64::NAN, 3.0, 2.0, 5.0];
        assert_eq!(quantile(&v, 0.5), median(&v));
        assert_eq!(quantile(&v, 0.0), Some(1.0));
        assert_eq!(quantile(&v, 1.0), Some(5.0));
        assert!((quantile(&v, 0.9).unwrap() - 4.6).abs() < 1e-12);
        assert_eq!(quantile(&[], 0.9), None);
    }

    #[test]
    fn means_skip_what_is_not_finite() {
        assert_eq!(mean(&[1.0, 2.0, f64::NAN, 6.0]), Some(3.0));
        assert_eq!(mean(&[]), None);
    }

    #[test]
    fn a_triple_goes_there_and_back() {
        let i = Interval {
            median: 1.1,
            ci95_low: 1.0,
            ci95_high: 1.2,
            n: 7,
        };
        assert_eq!(i.triple(), [1.1, 1.0, 1.2]);
        assert_eq!(Interval::from_triple(i.triple()), Interval { n: 0, ..i });
    }
}
