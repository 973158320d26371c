//! What the single-thread criterion benches (`ops`, `locate`, `probe`) share: the criterion
//! configuration and its quick mode, the sizes, core pinning, the function-id rule that lets
//! `gomap-bench collect` recover each row's ISA (`collect::function_id`, next to its parser),
//! and the read/write cells that call the
//! library's timed loops (`harness::measuring::single`), so that criterion and `gomap-bench locate` time
//! the same code.
//!
//! Budget: the defaults (0.3 s warm-up, 1 s measurement, 20 samples; 10 samples and flat
//! sampling for the big sizes and every write op) give, on a 2-core machine, about 6 minutes
//! of running for ops (half of it at 2^23, where one criterion iteration of insert_grow or
//! remove is a whole pass plus an untimed prefill of 8M keys, and 10 samples is criterion's
//! floor), under a minute each for locate and probe: with the build (3-4 minutes from clean)
//! and the contention bench, `cargo bench` stays near 12 minutes. `GOMAP_BENCH_QUICK=1` cuts
//! the sizes to 2^10 and 2^16 and every time to the minimum, for smoke runs (about 15 s for
//! the three). Flags given to the bench binary (`--warm-up-time`, `--measurement-time`, …)
//! still override the Criterion-level defaults; the per-group sampling choices stay.

// Each bench binary includes this module and uses a subset of it.
#![allow(dead_code)]

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput};
use gomap_bench::contenders::single::SingleMap;
use gomap_bench::harness::measuring::single::{time_read, time_writes, Fixture};
pub use gomap_bench::results::collect::function_id;
use gomap_bench::vocabulary::Op;
use std::path::PathBuf;
use std::time::Duration;

/// `GOMAP_BENCH_QUICK` set to anything but empty or `0`.
pub fn quick() -> bool {
    std::env::var("GOMAP_BENCH_QUICK").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// The map sizes of the ops and locate benches.
pub fn sizes() -> Vec<usize> {
    if quick() {
        vec![1 << 10, 1 << 16]
    } else {
        vec![1 << 10, 1 << 16, 1 << 20, 1 << 23]
    }
}

/// From this size on, a group samples flat with the minimum sample count: one pass or one
/// prefill is already long, and linear sampling would multiply it.
pub const BIG: usize = 1 << 20;

/// The criterion configuration every bench starts from, then the command line's flags.
pub fn criterion() -> Criterion {
    let c = if quick() {
        Criterion::default()
            .warm_up_time(Duration::from_millis(20))
            .measurement_time(Duration::from_millis(50))
            .sample_size(10)
    } else {
        Criterion::default()
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(1))
            .sample_size(20)
    };
    c.configure_from_args()
}

/// Pins the current thread to the last core (away from core 0, where interrupts and the
/// build tend to run), prints the outcome, and records it in
/// `<target>/criterion/pinning-<bench>.json` as `{"bench": …, "core": id or null}`.
pub fn pin(bench: &str) -> Option<usize> {
    let core = core_affinity::get_core_ids()
        .and_then(|ids| ids.into_iter().max_by_key(|c| c.id))
        .filter(|&c| core_affinity::set_for_current(c))
        .map(|c| c.id);
    match core {
        Some(id) => eprintln!("{bench}: pinned to core {id}"),
        None => eprintln!("{bench}: core pinning unavailable; running unpinned"),
    }
    let dir = criterion_dir();
    let json = serde_json::json!({ "bench": bench, "core": core });
    let written = std::fs::create_dir_all(&dir)
        .and_then(|_| std::fs::write(dir.join(format!("pinning-{bench}.json")), json.to_string()));
    if let Err(e) = written {
        eprintln!(
            "{bench}: could not record pinning in {}: {e}",
            dir.display()
        );
    }
    core
}

/// Where criterion writes (it honours `CRITERION_HOME`, else `<target dir>/criterion`);
/// bench binaries run in the package root.
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return home.into();
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").unwrap_or_else(|| "target".into());
    PathBuf::from(target).join("criterion")
}

/// A benchmark group named `<suite>/<op>`, sampled to fit the budget at size `n`.
pub fn group<'c>(
    c: &'c mut Criterion,
    suite: &str,
    op: &str,
    n: usize,
) -> BenchmarkGroup<'c, WallTime> {
    let mut g = c.benchmark_group(format!("{suite}/{op}"));
    if n >= BIG {
        g.sampling_mode(SamplingMode::Flat).sample_size(10);
    }
    g
}

/// A validation failure ends the bench: numbers of an invalid map are never reported.
pub fn invalid(bench: &str, map: &str, n: usize, e: &str) -> ! {
    panic!("{bench}: {map} at size {n} failed validation: {e}")
}

/// A prefilled, validated map and its cursor in the lookup stream, kept across criterion's
/// calls (and across the get_hit and get_miss groups of one map and size).
pub type ReadState<M> = Option<(M, usize)>;

/// Benchmarks a read op (one iteration = one lookup) with `harness::measuring::single::time_read`; the
/// map is built and validated on first use, so a benchmark the filter skips costs nothing.
pub fn bench_read<M: SingleMap>(
    g: &mut BenchmarkGroup<'_, WallTime>,
    bench: &str,
    map: &str,
    op: Op,
    fx: &Fixture,
    state: &mut ReadState<M>,
) {
    let n = fx.n;
    g.bench_function(BenchmarkId::new(function_id(map, M::isa()), n), |b| {
        let (m, cursor) = state.get_or_insert_with(|| {
            let m: M = fx.prefilled();
            fx.validate_full(&m)
                .unwrap_or_else(|e| invalid(bench, map, n, &e));
            (m, 0)
        });
        b.iter_custom(|iters| {
            time_read(op, fx, m, cursor, iters).unwrap_or_else(|e| invalid(bench, map, n, &e))
        });
    });
}

/// Benchmarks a write op with `harness::measuring::single::time_writes`: one iteration = one whole pass
/// of `n` operations on a map built untimed (declared as `Throughput::Elements(n)`, so
/// `collect` reports ns/op), because a partial pass would time another fill level.
pub fn bench_write<M: SingleMap>(
    g: &mut BenchmarkGroup<'_, WallTime>,
    bench: &str,
    map: &str,
    op: Op,
    fx: &Fixture,
) {
    let n = fx.n;
    // Every pass builds a map untimed (and prefills it for remove): keep sample counts low.
    g.sampling_mode(SamplingMode::Flat).sample_size(10);
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function(BenchmarkId::new(function_id(map, M::isa()), n), |b| {
        b.iter_custom(|passes| {
            time_writes::<M>(op, fx, passes * n as u64)
                .unwrap_or_else(|e| invalid(bench, map, n, &e))
        });
    });
}
