//! Paired differences and their 95% confidence interval: how the locate suite reports
//! "precomputed vs from-B", including when the difference is zero.
//!
//! Samples of the two variants are taken interleaved (A, B, A, B, …) so that drift in the
//! machine's state hits both alike; each pair gives one difference, and the interval is
//! mean ± t(0.975, n−1) · sd / √n.

/// Mean of the paired differences `a[i] − b[i]` and its 95% confidence interval.
pub fn diff_ci95(a: &[f64], b: &[f64]) -> (f64, f64, f64) {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let n = d.len();
    if n == 0 {
        return (f64::NAN, f64::NAN, f64::NAN);
    }
    let mean = d.iter().sum::<f64>() / n as f64;
    if n == 1 {
        return (mean, f64::NEG_INFINITY, f64::INFINITY);
    }
    let var = d.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let half = t975(n - 1) * (var / n as f64).sqrt();
    (mean, mean - half, mean + half)
}

/// Student's t quantile at 0.975 for `df` degrees of freedom (table, then the normal limit).
fn t975(df: usize) -> f64 {
    const T: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    match df {
        0 => f64::INFINITY,
        1..=30 => T[df - 1],
        31..=60 => 2.00,
        _ => 1.96,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_difference_interval_contains_zero() {
        let a = [10.0, 11.0, 9.0, 10.5];
        let (m, lo, hi) = diff_ci95(&a, &a);
        assert_eq!((m, lo, hi), (0.0, 0.0, 0.0));
        let b = [9.0, 10.2, 8.1, 9.4];
        let (m, lo, hi) = diff_ci95(&a, &b);
        assert!(m > 0.8 && lo > 0.0 && hi > m);
    }
}
