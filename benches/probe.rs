//! `probe`: the tophash probe strategies (`gomap::probe`: scalar loop, SWAR word, SSE2 on
//! x86_64) on the same stream of buckets, one group per pattern: the target byte in slot
//! 0 … 7, a miss in a full bucket, and an early stop at emptyRest.
//!
//! Timed by `harness::probe_kernels::run`, the loop `gomap-bench locate` runs, after every
//! strategy has been checked on the very cases it will be timed on. Ids follow the `collect`
//! convention: group `probe/<pattern>`, function `<strategy>` (an ISA name, so `collect`
//! records it as the row's ISA too), no parameter (size 0).

mod common;

use gomap_bench::gomap::probe::{Probe, Scalar, Swar};
use gomap_bench::harness::measuring::probe_kernels::{self, Case};
use gomap_bench::vocabulary::Pattern;
use std::time::Duration;

const BENCH: &str = "probe";
/// Buckets per pattern: 4096 × 9 bytes stays in L1.
const CASES: usize = 4096;

/// A strategy's timed loop: `probe_kernels::run::<P>`.
type Run = fn(&[Case], u64) -> Duration;

/// One strategy: validated on `cases`, then its name and timed loop.
fn strategy<P: Probe>(p: Pattern, cases: &[Case]) -> (&'static str, Run) {
    if let Err(e) = probe_kernels::validate::<P>(p, cases) {
        panic!("{BENCH}: {} on {} failed validation: {e}", P::ISA, p.name());
    }
    (P::ISA.name(), probe_kernels::run::<P>)
}

fn main() {
    common::pin(BENCH);
    let mut c = common::criterion();
    for p in Pattern::all() {
        let cases = probe_kernels::cases(p, CASES);
        let mut strategies = vec![strategy::<Scalar>(p, &cases), strategy::<Swar>(p, &cases)];
        #[cfg(target_arch = "x86_64")]
        strategies.push(strategy::<gomap_bench::gomap::probe::Sse2>(p, &cases));
        let mut g = c.benchmark_group(format!("{BENCH}/{}", p.name()));
        for (name, run) in strategies {
            g.bench_function(name, |b| b.iter_custom(|n| run(&cases, n)));
        }
        g.finish();
    }
    c.final_summary();
}
