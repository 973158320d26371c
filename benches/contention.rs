//! A small read-heavy contention matrix under criterion (`cargo bench --bench contention`):
//! a few maps × 1..cores threads, 2^12 entries, uniform keys. One criterion iteration is one op
//! per thread; `iter_custom` runs a whole pinned, validated repetition (see
//! `harness::runner`) and returns its wall time, so throughput is ops of all threads per second.
//! Short measurement times keep the whole file under a minute; the `contention` command is the
//! real measurement.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gomap_bench::contenders::{self, Contender, ContenderVisitor};
use gomap_bench::harness::runner::{generate_streams, timed_rep, CellSpec};
use gomap_bench::harness::workload::{Dist, Workload};
use std::time::Duration;

const MAPS: &[&str] = &[
    "gomap-rwlock",
    "gomap-sharded",
    "dashmap",
    "hashbrown-rwlock",
    "papaya",
    "scc",
];

struct Bench<'a, 'c> {
    c: &'a mut criterion::BenchmarkGroup<'c, criterion::measurement::WallTime>,
    threads: u32,
}

impl ContenderVisitor for Bench<'_, '_> {
    type Output = ();
    fn visit<C: Contender>(self) {
        let threads = self.threads;
        self.c.throughput(Throughput::Elements(threads as u64));
        self.c.bench_function(
            BenchmarkId::new(C::NAME, format!("threads={threads}")),
            |b| {
                b.iter_custom(|iters| {
                    let spec = CellSpec {
                        workload: Workload::ReadHeavy,
                        dist: Dist::Uniform,
                        size: 1 << 12,
                        threads,
                        secs: 0.0,
                        reps: 1,
                        ops_per_thread: Some(iters),
                        shards: None,
                    };
                    let owned = generate_streams(&spec, iters);
                    let streams: Vec<_> = owned.iter().map(|s| s.as_stream()).collect();
                    timed_rep::<C>(&spec, &streams).unwrap_or_else(|e| panic!("{}: {e}", C::NAME))
                })
            },
        );
    }
}

fn contention(c: &mut Criterion) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get() as u32);
    let mut group = c.benchmark_group("contention/read-heavy");
    group
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_millis(1500))
        .sample_size(10);
    for threads in [1, 2].into_iter().filter(|&t| t <= cores) {
        for name in MAPS {
            contenders::visit(
                name,
                Bench {
                    c: &mut group,
                    threads,
                },
            )
            .expect("registered");
        }
    }
    group.finish();
}

criterion_group!(benches, contention);
criterion_main!(benches);
