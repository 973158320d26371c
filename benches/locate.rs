//! `locate`: does keeping the bucket mask in the header beat recomputing it from B, as Go
//! does (`bucketMask(h.B)`)?
//!
//! Two views, both timed by the library's loops so that criterion and `gomap-bench locate`
//! measure the same code:
//! - the index alone (`harness::index_kernels`), B = 10: `locate/index_throughput` (independent
//!   hashes) and `locate/index_latency` (a dependent chain), functions `precomputed` and
//!   `from-b`, parameter 2^B;
//! - in situ: `locate/get_hit` through GoMap's generic path and its u64 fast path, each with
//!   both strategies (`gomap/generic`, `gomap/generic/from-b`, `gomap/fast64`,
//!   `gomap/fast64/from-b`), at 2^10, 2^16, 2^20 and 2^23 entries.
//!
//! Function ids carry the ISA as their last segment (see `common::function_id`), as
//! `gomap-bench collect` expects.

mod common;

use criterion::{BenchmarkId, Criterion};
use gomap_bench::contenders::single::{dispatch, entries, entry, Entry, SingleMap, Visit};
use gomap_bench::gomap::locate::{FromB, Locate, Precomputed};
use gomap_bench::harness::measuring::index_kernels::{self, Header};
use gomap_bench::harness::measuring::single::Fixture;
use gomap_bench::rng::SplitMix64;
use gomap_bench::vocabulary::{Isa, Op};
use std::time::Duration;

const BENCH: &str = "locate";
/// B of the index kernels: a 2^10-entry table fits in L1, so the latency chain measures the
/// index computation, not the cache.
const B: u8 = 10;
/// The index kernels are plain integer code: no vector unit involved.
const KERNEL_ISA: Isa = Isa::Scalar;

/// The index kernels, on the same hashes and table as `gomap-bench locate`.
fn index(c: &mut Criterion) {
    let mut rng = SplitMix64(7);
    let hashes: Vec<u64> = (0..4096).map(|_| rng.next_u64()).collect();
    let table: Vec<u64> = (0..1usize << B).map(|_| rng.next_u64()).collect();
    let header = Header::new(B);
    let headers = [header, header];
    let id = |l: &str| BenchmarkId::new(common::function_id(l, KERNEL_ISA), 1u64 << B);

    type Kernel<'a> = &'a dyn Fn(u64) -> Duration;
    let kernels: [(&str, [(&str, Kernel); 2]); 2] = [
        (
            "index_throughput",
            [
                (Precomputed::NAME, &|n| {
                    index_kernels::throughput::<Precomputed>(&header, &hashes, n)
                }),
                (FromB::NAME, &|n| {
                    index_kernels::throughput::<FromB>(&header, &hashes, n)
                }),
            ],
        ),
        (
            "index_latency",
            [
                (Precomputed::NAME, &|n| {
                    index_kernels::latency::<Precomputed>(&headers, &table, n)
                }),
                (FromB::NAME, &|n| {
                    index_kernels::latency::<FromB>(&headers, &table, n)
                }),
            ],
        ),
    ];
    for (op, pair) in kernels {
        let mut g = common::group(c, BENCH, op, 1 << B);
        for (name, kernel) in pair {
            // `dyn` only selects the kernel; each kernel's loop is monomorphized inside.
            g.bench_function(id(name), |b| b.iter_custom(kernel));
        }
        g.finish();
    }
}

/// Hands out [`get_hit`] for a map (a visitor is `'static`: it borrows nothing).
struct GetHit;

impl Visit for GetHit {
    type Out = fn(&mut Criterion, &Fixture, &Entry);
    fn visit<M: SingleMap>(self, _: &Entry) -> Self::Out {
        get_hit::<M>
    }
}

/// get_hit of one map at one size.
fn get_hit<M: SingleMap>(c: &mut Criterion, fx: &Fixture, entry: &Entry) {
    let name = entry.map;
    let mut g = common::group(c, BENCH, Op::GetHit.name(), fx.n);
    let mut state: common::ReadState<M> = None;
    common::bench_read(&mut g, BENCH, name, Op::GetHit, fx, &mut state);
    g.finish();
}

/// The in situ maps: each map the registry lists with a from-B twin, then the twin.
fn in_situ() -> Vec<&'static str> {
    entries()
        .iter()
        .filter_map(|twin| Some([twin.from_b_of()?, twin.name]))
        .flatten()
        .collect()
}

fn main() {
    common::pin(BENCH);
    let mut c = common::criterion();
    index(&mut c);
    for n in common::sizes() {
        let fx = Fixture::new(n);
        for map in in_situ() {
            let entry = entry(map).expect("always available");
            dispatch(map, GetHit).expect("always available")(&mut c, &fx, &entry);
        }
    }
    c.final_summary();
}
