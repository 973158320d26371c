//! `ops`: GoMap against hashbrown and std on the five single-thread operations, u64 → u64,
//! foldhash everywhere, at 2^10, 2^16, 2^20 and 2^23 entries.
//!
//! Maps: GoMap's generic path (`gomap/generic`), its u64 fast path with Go's scalar key loop
//! (`gomap/fast64`) and, where this CPU has them, the AVX2 / AVX-512 key compares; then
//! `hashbrown` and `std`. Each is monomorphized through `contenders::single::dispatch`, and
//! timed by the library's own loops (`harness::measuring::single::time_read` / `time_writes`), the ones
//! `gomap-bench locate` runs. Ids follow the `collect` convention: group `ops/<op>`,
//! function `<map>/<isa>`, parameter the size.

mod common;

use criterion::Criterion;
use gomap_bench::contenders::single::{dispatch, entry, ops_defaults, Entry, SingleMap, Visit};
use gomap_bench::harness::measuring::single::Fixture;
use gomap_bench::vocabulary::Op;

const BENCH: &str = "ops";

/// Hands out [`ops_cell`] for a map (a visitor is `'static`: it borrows nothing).
struct OpsCell;

impl Visit for OpsCell {
    type Out = fn(&mut Criterion, &Fixture, &Entry);
    fn visit<M: SingleMap>(self, _: &Entry) -> Self::Out {
        ops_cell::<M>
    }
}

/// Every op of one map at one size. Reads share one prefilled map; writes build their own.
fn ops_cell<M: SingleMap>(c: &mut Criterion, fx: &Fixture, entry: &Entry) {
    let name = entry.map;
    let n = fx.n;
    let mut state: common::ReadState<M> = None;
    for op in [Op::GetHit, Op::GetMiss] {
        let mut g = common::group(c, BENCH, op.name(), n);
        common::bench_read(&mut g, BENCH, name, op, fx, &mut state);
        g.finish();
    }
    if let Some((m, _)) = &state {
        // The reads must have left the map as they found it.
        fx.validate_full(m)
            .unwrap_or_else(|e| common::invalid(BENCH, name, n, &e));
    }
    drop(state);
    for op in [Op::InsertPresized, Op::InsertGrow, Op::Remove] {
        let mut g = common::group(c, BENCH, op.name(), n);
        common::bench_write::<M>(&mut g, BENCH, name, op, fx);
        g.finish();
    }
}

fn main() {
    common::pin(BENCH);
    let mut c = common::criterion();
    for n in common::sizes() {
        let fx = Fixture::new(n);
        // Every contender but the from-B twins (those are `locate`'s).
        for map in ops_defaults() {
            let entry = entry(map).expect("listed by ops_defaults()");
            dispatch(map, OpsCell).expect("listed")(&mut c, &fx, &entry);
        }
    }
    c.final_summary();
}
