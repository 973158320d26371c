//! Statistics of one sample: the median's distribution-free interval, the mean's t interval,
//! Student's t over blocks, a row's noise band, and how much a family of intervals widens.
//!
//! Kept apart from the ratios ([`super::ratios`]) because these know nothing of pairing:
//! they take a slice of numbers (log ratios, differences, block medians, samples) and give
//! its centre and spread.

use super::{finite, middle, Interval};
use statrs::distribution::{Binomial, ContinuousCDF, DiscreteCDF, Normal, StudentsT};

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
    let mut v = finite(values);
    v.sort_by(f64::total_cmp);
    let median = middle(&v)?;
    let n = v.len();
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

/// Mean of the paired differences `a[i] − b[i]` and its 95% interval (Student's t): how the
/// locate suite reports "precomputed − from-B" in nanoseconds, including when it is zero.
pub fn mean_difference(a: &[f64], b: &[f64]) -> Option<Interval> {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    mean_interval(&d)
}

/// The mean of the finite `values` and its 95% interval (Student's t; unbounded for one
/// value).
pub fn mean_interval(values: &[f64]) -> Option<Interval> {
    let d = finite(values);
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

/// How much wider than a 95% interval one of `m` intervals must be for all `m` to hold
/// together with 95% (Bonferroni, in the normal approximation: z(1 − 2.5%/m) ÷ z(97.5%)).
/// 1 for one row; ≈1.6 for 20 rows, ≈1.8 for 150.
pub fn family_widening(m: usize) -> f64 {
    if m <= 1 {
        return 1.0;
    }
    let n = Normal::new(0.0, 1.0).expect("standard normal");
    n.inverse_cdf(1.0 - 0.025 / m as f64) / n.inverse_cdf(0.975)
}

/// Below this many samples the interquartile range means little; use min..max instead.
const MIN_SAMPLES_FOR_IQR: usize = 5;

/// The band a row's samples spread over, `[low, high]`; `None` without a finite sample.
///
/// With at least 5 samples, the interquartile range (25th..75th percentile, linear
/// interpolation): it ignores the odd outlier that min..max would let swallow every real
/// change. With 1–4 samples, min..max.
pub fn noise_band(samples: &[f64]) -> Option<[f64; 2]> {
    let mut s = finite(samples);
    s.sort_by(f64::total_cmp);
    match s.len() {
        0 => None,
        n if n < MIN_SAMPLES_FOR_IQR => Some([s[0], s[n - 1]]),
        _ => Some([quantile_sorted(&s, 0.25), quantile_sorted(&s, 0.75)]),
    }
}

/// The `q` quantile of sorted, non-empty `s`, interpolating linearly between ranks.
pub(super) fn quantile_sorted(s: &[f64], q: f64) -> f64 {
    let pos = q * (s.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    s[lo] + (s[hi] - s[lo]) * (pos - lo as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_that_disagree_widen_the_interval() {
        assert_eq!(block_half_width(&[0.1]), None);
        assert!(block_half_width(&[0.1, 0.1, 0.1]).unwrap() < 1e-12);
        // Four blocks at ±5%: sd ≈ 5.8%, t(3) = 3.18, so ±9.2%.
        let w = block_half_width(&[0.05, -0.05, 0.05, -0.05]).unwrap();
        assert!((w - 3.182 * 0.0577 / 2.0).abs() < 1e-3, "{w}");
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
    fn a_median_interval_is_centred_on_the_one_median() {
        let v = [5.0, 1.0, 4.0, 2.0, 3.0, 6.0];
        let i = median_interval(&v).unwrap();
        assert_eq!((i.median, i.n), (super::super::median(&v).unwrap(), 6));
        assert_eq!((i.ci95_low, i.ci95_high), (1.0, 6.0));
        let few = median_interval(&[2.0, 1.0]).unwrap();
        assert_eq!(few.median, 1.5);
        assert_eq!(
            (few.ci95_low, few.ci95_high),
            (f64::NEG_INFINITY, f64::INFINITY)
        );
        assert!(median_interval(&[]).is_none());
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
    fn bands() {
        assert_eq!(noise_band(&[3.0]), Some([3.0, 3.0]));
        assert_eq!(noise_band(&[3.0, 1.0]), Some([1.0, 3.0]));
        assert_eq!(noise_band(&[1.0, 2.0, 3.0, 4.0, 100.0]), Some([2.0, 4.0]));
        assert_eq!(noise_band(&[]), None);
    }

    #[test]
    fn a_family_widens_each_interval() {
        assert_eq!(family_widening(1), 1.0);
        let (w20, w150) = (family_widening(20), family_widening(150));
        assert!(w20 > 1.5 && w20 < 1.7, "{w20}");
        assert!(w150 > w20 && w150 < 1.9, "{w150}");
    }
}
