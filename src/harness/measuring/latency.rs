//! Per-op latency: one op in [`SAMPLE_EVERY`] is timed with `Instant` into an HDR histogram
//! per op kind. The check that picks the sampled op is one AND and a branch on the loop
//! counter; the two `Instant::now()` calls (a vDSO clock read each, ~20–30 ns) amortize to
//! about 1 ns per op — the same for every contender, and measured by `null`.

use crate::harness::workloads::workload::PerKind;

use crate::results::schema::Percentiles;
use crate::vocabulary::OpKind;
use hdrhistogram::Histogram;
use std::collections::BTreeMap;

/// One op in this many is timed (a power of two).
pub const SAMPLE_EVERY: u64 = 64;
/// `i & SAMPLE_MASK == 0` picks the timed ops.
pub const SAMPLE_MASK: u64 = SAMPLE_EVERY - 1;

/// Histograms of ns per op, one per op kind.
#[derive(Clone, Debug)]
pub struct Latency {
    hists: PerKind<Histogram<u64>>,
}

impl Default for Latency {
    fn default() -> Self {
        Self::new()
    }
}

impl Latency {
    /// 1 ns .. 60 s at 3 significant digits; no allocation when recording.
    pub fn new() -> Self {
        let h = || Histogram::new_with_bounds(1, 60_000_000_000, 3).expect("valid bounds");
        Latency {
            hists: PerKind([h(), h(), h(), h()]),
        }
    }

    #[inline(always)]
    pub fn record(&mut self, kind: OpKind, ns: u64) {
        self.hists[kind].saturating_record(ns.max(1));
    }

    pub fn merge(&mut self, other: &Latency) {
        for (a, b) in self.hists.0.iter_mut().zip(&other.hists.0) {
            a.add(b).expect("same bounds");
        }
    }

    /// p50 / p99 / p99.9 / max in ns per op kind, kinds with samples only.
    pub fn summary(&self) -> BTreeMap<OpKind, Percentiles> {
        OpKind::ALL
            .into_iter()
            .filter(|&k| !self.hists[k].is_empty())
            .map(|k| {
                let h = &self.hists[k];
                let p = Percentiles {
                    p50: h.value_at_quantile(0.50),
                    p99: h.value_at_quantile(0.99),
                    p999: h.value_at_quantile(0.999),
                    max: h.max(),
                    samples: h.len(),
                };
                (k, p)
            })
            .collect()
    }
}
