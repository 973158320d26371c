//! A small read-heavy contention matrix under criterion (`cargo bench --bench contention`):
//! every registered contender × 1..cores threads (at most 2), 2^12 entries, uniform keys.
//!
//! One criterion iteration is one op per thread; `iter_custom` runs a whole pinned, validated
//! repetition (`harness::measuring::runner`: every worker pinned to its own core) and returns its wall
//! time, so throughput is ops of all threads per second. The configuration (times, quick
//! mode) is `common`'s, as for every bench; ids follow `collect`'s convention, so the rows
//! have the identities the `contention` command gives the same cells. The `contention`
//! command is the real measurement; this is the criterion view of its read-heavy cells.

mod common;

use criterion::{BenchmarkId, Throughput};
use gomap_bench::contenders::{self, Contender, ContenderVisitor};
use gomap_bench::harness::measuring::runner::{generate_streams, timed_rep, CellSpec};
use gomap_bench::vocabulary::{Dist, Role, Workload};

const BENCH: &str = "contention";
const SIZE: u64 = 1 << 12;
const WORKLOAD: Workload = Workload::ReadHeavy;

type Group<'c> = criterion::BenchmarkGroup<'c, criterion::measurement::WallTime>;

/// Hands out [`bench`] for a contender (a visitor is `'static`: it borrows nothing).
struct Bench;

impl ContenderVisitor for Bench {
    type Output = fn(&mut Group<'_>, u32);
    fn visit<C: Contender>(self) -> Self::Output {
        bench::<C>
    }
}

/// The read-heavy cell of `C` at `threads` threads.
fn bench<C: Contender>(g: &mut Group<'_>, threads: u32) {
    g.throughput(Throughput::Elements(threads as u64));
    let spec = CellSpec {
        workload: WORKLOAD,
        dist: Dist::Uniform,
        size: SIZE,
        threads,
        shards: None,
    };
    let value = format!("size={SIZE},threads={threads},dist={}", Dist::Uniform);
    g.bench_function(BenchmarkId::new(C::NAME, value), |b| {
        b.iter_custom(|iters| {
            let streams = generate_streams(&spec, iters);
            timed_rep::<C>(&spec, &streams)
                .unwrap_or_else(|e| common::invalid(BENCH, C::NAME, SIZE as usize, &e))
        })
    });
}

fn main() {
    let mut c = common::criterion();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get() as u32);
    let mut g = common::group(&mut c, BENCH, WORKLOAD.name(), SIZE as usize);
    for threads in [1, 2].into_iter().filter(|&t| t <= cores) {
        // The harness alone (`null`) would only measure criterion's own loop here.
        let maps = contenders::all().filter(|d| d.role != Role::HarnessOnly && d.runs_at(threads));
        for d in maps {
            contenders::visit(d.name, Bench).expect("registered")(&mut g, threads);
        }
    }
    g.finish();
    c.final_summary();
}
