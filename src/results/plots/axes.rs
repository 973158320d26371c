//! Axes: tick positions and labels, and the one axis type every chart draws on.
//!
//! A log axis is a linear axis over log10 of the values, ticked at 1-2-5 steps (finer for a
//! narrow range) and labelled with the values themselves; a percentile axis is the "nines"
//! axis, x = −log10(1 − p), as HdrHistogram's plots draw it; a linear axis gets about six
//! round steps. [`Ticked`] is how plotters is told to draw exactly these ticks and no others.

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

/// A tick label: about three significant digits, no exponent for the magnitudes we draw.
pub(super) fn tick(v: f64) -> String {
    let a = v.abs();
    if a >= 1e6 && a.log10().fract().abs() < 1e-9 {
        format!("1e{}", a.log10().round())
    } else if a >= 100.0 || (a - a.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else if a >= 1.0 {
        format!("{v:.1}")
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').to_string()
    }
}

/// A duration in ns with the unit that keeps it short: `500 ns`, `2 µs`, `10 ms`.
pub(super) fn duration(ns: f64) -> String {
    for (div, unit) in [(1e9, "s"), (1e6, "ms"), (1e3, "µs")] {
        if ns >= div {
            return format!("{} {unit}", tick(ns / div));
        }
    }
    format!("{} ns", tick(ns))
}

/// The x of a percentile on the nines axis.
pub(super) fn nines(p: f64) -> f64 {
    -(1.0 - p).log10()
}

/// The percentile named by a nines-axis x: 0.301 → `50`, 3 → `99.9`. No `%` sign (the
/// axis title says it): five nines, `99.999`, is as wide as a panel leaves for one step.
pub(super) fn nines_label(x: f64) -> String {
    let p = 100.0 * (1.0 - 10f64.powf(-x));
    let s = format!("{p:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Ticks over [lo, hi] (values, not logs) at the coarsest of these mantissa sets that
/// gives at least four: powers of ten, 1-2-5, then finer steps for a narrow range (ratios
/// between 0.7 and 3 would otherwise get two ticks).
pub(super) fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    const STEPS: [&[f64]; 4] = [
        &[1.0],
        &[1.0, 2.0, 5.0],
        &[1.0, 1.5, 2.0, 3.0, 5.0, 7.0],
        &[1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0],
    ];
    let (a, b) = (lo.log10().floor() as i32, hi.log10().ceil() as i32);
    let mut v = Vec::new();
    for steps in STEPS {
        v.clear();
        for e in a..=b {
            for s in steps {
                // Divided rather than multiplied below 1, so that 0.3 is 0.3 (3 × 0.1 is not).
                let t = if e >= 0 {
                    s * 10f64.powi(e)
                } else {
                    s / 10f64.powi(-e)
                };
                if t >= lo && t <= hi {
                    v.push(t);
                }
            }
        }
        if v.len() >= 4 {
            break;
        }
    }
    v
}

/// About six ticks at a round step over [lo, hi].
pub(super) fn linear_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let raw = (hi - lo) / 6.0;
    if raw.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
        return vec![lo];
    }
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let mut t = (lo / step).ceil() * step;
    let mut v = Vec::new();
    while t <= hi + step * 1e-9 {
        v.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
        t += step;
    }
    v
}

/// A linear f64 axis whose ticks are exactly the given values: plotters' own f64 axis
/// picks round numbers, which neither a nines axis nor a log axis drawn over log10 can use.
#[derive(Clone, Debug)]
pub(super) struct Ticked {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
}

impl Ticked {
    pub(super) fn new((lo, hi): (f64, f64), ticks: &[f64]) -> Ticked {
        let ticks = ticks
            .iter()
            .copied()
            .filter(|t| *t >= lo && *t <= hi)
            .collect();
        Ticked { lo, hi, ticks }
    }
}

impl Ranged for Ticked {
    type ValueType = f64;
    type FormatOption = DefaultFormatting;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let span = (self.hi - self.lo).max(f64::MIN_POSITIVE);
        let f = (v - self.lo) / span;
        limit.0 + (f * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        // Ticks are the bold mesh lines; no light lines between them.
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_carry_their_unit() {
        assert_eq!(duration(100.0), "100 ns");
        assert_eq!(duration(1000.0), "1 µs");
        assert_eq!(duration(2.5e7), "25 ms");
    }

    #[test]
    fn the_nines_axis_spaces_each_nine_alike() {
        assert!((nines(0.99) - 2.0).abs() < 1e-9);
        assert!((nines(0.999) - nines(0.99) - 1.0).abs() < 1e-9);
        assert_eq!(nines_label(2.0), "99");
        assert_eq!(nines_label(3.0), "99.9");
        assert_eq!(nines_label(nines(0.5)), "50");
    }

    #[test]
    fn log_ticks_step_one_two_five() {
        assert_eq!(log_ticks(0.3, 1.2), vec![0.3, 0.5, 0.7, 1.0]);
        assert_eq!(log_ticks(0.7, 3.2), vec![0.7, 1.0, 1.5, 2.0, 3.0]);
        assert_eq!(log_ticks(10.0, 1e6), vec![10.0, 100.0, 1e3, 1e4, 1e5, 1e6]);
        assert_eq!(
            linear_ticks(0.0, 12.0),
            vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]
        );
    }
}
