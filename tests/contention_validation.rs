//! Every contender passes the harness's validation on tiny cells at 1 and 2 threads, and
//! deliberately broken contenders are reported invalid with a reason.

use gomap_bench::contenders::{self, BuildSpec, Contender, ContenderVisitor, Handle};
use gomap_bench::harness::measuring::runner::{run_cell, CellSpec};
use gomap_bench::results::schema::Row;
use gomap_bench::vocabulary::{Dist, Workload};
use std::sync::atomic::{AtomicU64, Ordering};

fn spec(workload: Workload, dist: Dist, threads: u32) -> CellSpec {
    CellSpec {
        workload,
        dist,
        size: 512,
        threads,
        shards: Some(4),
    }
}

/// Two samples of 3000 ops a thread on streams of 5000: the second sample wraps, so the
/// first pass is validated and the map rebuilt before it, and the final check validates the
/// second pass.
fn cell<C: Contender>(spec: &CellSpec) -> Row {
    run_cell::<C>(spec, 2, 3_000, 5_000)
}

struct Run(CellSpec);
impl ContenderVisitor for Run {
    type Output = Row;
    fn visit<C: Contender>(self) -> Row {
        cell::<C>(&self.0)
    }
}

fn check(name: &str, threads: u32, workloads: &[Workload]) {
    for &w in workloads {
        for dist in [Dist::Uniform, Dist::Zipf] {
            let row = contenders::visit(name, Run(spec(w, dist, threads))).unwrap();
            assert!(
                row.valid,
                "{name} {w} {dist} threads={threads}: {:?}",
                row.extra.validation_error
            );
            assert_eq!(row.samples.len(), 2);
            assert!(row.median > 0.0);
            assert_eq!(row.extra.ops_per_thread, Some(3_000));
        }
    }
}

#[test]
fn every_contender_validates_at_one_thread() {
    for name in contenders::names() {
        check(name, 1, &Workload::ALL);
    }
}

#[test]
fn every_contender_validates_at_two_threads() {
    for d in contenders::all() {
        let name = d.name;
        if !d.runs_at(2) {
            // gomap-failfast, a detector, not a lock: tested in contention_failfast.
            continue;
        }
        match name {
            // crossbeam-skiplist 0.1.3: a replace unlinks the old node before the new one is
            // in, so a `get` racing with it can miss the key (crossbeam-rs/crossbeam#1023) and
            // an insert racing with it can find the key absent and report it new: `exchange`
            // (updates of keys others read) and `shared-write` (everything on shared keys) are
            // reported invalid. Here we check the rest of its behaviour.
            "skipmap" => check(
                name,
                2,
                &[
                    Workload::ReadHeavy,
                    Workload::WriteHeavy,
                    Workload::RapidGrow,
                ],
            ),
            _ => check(name, 2, &Workload::ALL),
        }
    }
}

#[test]
fn sharded_rows_record_the_shard_count() {
    let row = contenders::visit(
        "gomap-sharded",
        Run(spec(Workload::Exchange, Dist::Uniform, 2)),
    )
    .unwrap();
    assert_eq!(row.extra.facts.shards, Some(4));
    let row =
        contenders::visit("dashmap", Run(spec(Workload::Exchange, Dist::Uniform, 1))).unwrap();
    assert_eq!(row.extra.facts.shards, Some(4));
}

/// Drops every 100th insert while reporting it as done.
struct DropsInserts {
    map: dashmap::DashMap<u64, u64>,
    inserts: AtomicU64,
}

impl Contender for DropsInserts {
    const NAME: &'static str = "broken-drops-inserts";
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        DropsInserts {
            map: dashmap::DashMap::with_capacity(spec.capacity),
            inserts: AtomicU64::new(0),
        }
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.map.len()
    }
}

impl Handle for &DropsInserts {
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.map.get(k).map(|v| *v)
    }
    fn insert(&mut self, k: u64, v: u64) -> bool {
        if self.inserts.fetch_add(1, Ordering::Relaxed) % 100 == 99 {
            return true; // the lie
        }
        self.map.insert(k, v).is_none()
    }
    fn remove(&mut self, k: &u64) -> bool {
        self.map.remove(k).is_some()
    }
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.map.insert(k, v).is_some()
    }
}

/// Reports every remove as failed (but does remove).
struct MisreportsRemoves(dashmap::DashMap<u64, u64>);

impl Contender for MisreportsRemoves {
    const NAME: &'static str = "broken-misreports-removes";
    type Handle<'a> = &'a Self;
    fn build(_: &BuildSpec) -> Self {
        MisreportsRemoves(dashmap::DashMap::new())
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.0.len()
    }
}

impl Handle for &MisreportsRemoves {
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.0.get(k).map(|v| *v)
    }
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.0.insert(k, v).is_none()
    }
    fn remove(&mut self, k: &u64) -> bool {
        self.0.remove(k);
        false
    }
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.0.insert(k, v).is_some()
    }
}

#[test]
fn broken_contenders_are_reported_invalid() {
    for threads in [1, 2] {
        let row = cell::<DropsInserts>(&spec(Workload::Exchange, Dist::Uniform, threads));
        assert!(!row.valid);
        // The lie shows up as a missing prefilled key (a read that misses), a wrong length or
        // a missing insert, depending on which insert was dropped.
        let err = row.extra.validation_error.as_deref().unwrap();
        assert!(
            ["read", "len", "insert"].iter().any(|w| err.contains(w)),
            "{err}"
        );

        let row = cell::<MisreportsRemoves>(&spec(Workload::WriteHeavy, Dist::Zipf, threads));
        assert!(!row.valid);
        let err = row.extra.validation_error.as_deref().unwrap();
        assert!(err.contains("remove:"), "{err}");
    }
}

/// A contender that panics mid-run becomes an invalid row, not a crashed run.
struct Panics;
impl Contender for Panics {
    const NAME: &'static str = "broken-panics";
    type Handle<'a> = &'a Self;
    fn build(_: &BuildSpec) -> Self {
        Panics
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        0
    }
}
impl Handle for &Panics {
    fn get(&mut self, _: &u64) -> Option<u64> {
        panic!("injected failure")
    }
    fn insert(&mut self, _: u64, _: u64) -> bool {
        true
    }
    fn remove(&mut self, _: &u64) -> bool {
        true
    }
    fn update(&mut self, _: u64, _: u64) -> bool {
        true
    }
}

#[test]
fn a_panicking_contender_is_an_invalid_row() {
    let row = cell::<Panics>(&spec(Workload::ReadHeavy, Dist::Uniform, 2));
    assert!(!row.valid);
    let err = row.extra.validation_error.as_deref().unwrap();
    assert!(err.contains("panicked: injected failure"), "{err}");
}

/// Reports every remove as a success, without checking whether the key was there.
struct RemoveAlwaysSucceeds(dashmap::DashMap<u64, u64>);

impl Contender for RemoveAlwaysSucceeds {
    const NAME: &'static str = "broken-remove-always-succeeds";
    type Handle<'a> = &'a Self;
    fn build(_: &BuildSpec) -> Self {
        RemoveAlwaysSucceeds(dashmap::DashMap::new())
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.0.len()
    }
}

impl Handle for &RemoveAlwaysSucceeds {
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.0.get(k).map(|v| *v)
    }
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.0.insert(k, v).is_none()
    }
    fn remove(&mut self, k: &u64) -> bool {
        self.0.remove(k);
        true // the lie
    }
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.0.insert(k, v).is_some()
    }
}

/// Hands out a value no thread wrote to the key (another hot key's prefill value).
struct ReadsForeignValues(dashmap::DashMap<u64, u64>);

impl Contender for ReadsForeignValues {
    const NAME: &'static str = "broken-reads-foreign-values";
    type Handle<'a> = &'a Self;
    fn build(_: &BuildSpec) -> Self {
        ReadsForeignValues(dashmap::DashMap::new())
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.0.len()
    }
}

impl Handle for &ReadsForeignValues {
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.0.get(k).map(|v| *v ^ (1 << 48))
    }
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.0.insert(k, v).is_none()
    }
    fn remove(&mut self, k: &u64) -> bool {
        self.0.remove(k).is_some()
    }
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.0.insert(k, v).is_some()
    }
}

fn shared(threads: u32) -> CellSpec {
    CellSpec {
        size: 16,
        ..spec(Workload::SharedWrite, Dist::Uniform, threads)
    }
}

#[test]
fn shared_write_flags_a_remove_that_always_succeeds() {
    for threads in [1, 2] {
        let row = cell::<RemoveAlwaysSucceeds>(&shared(threads));
        assert!(!row.valid);
        let err = row.extra.validation_error.as_deref().unwrap();
        assert!(
            err.contains("key #") && err.contains("made absent"),
            "{err}"
        );
        // The same map, honest, passes.
        assert!(cell::<dashmap_honest::Honest>(&shared(threads)).valid);
    }
}

#[test]
fn shared_write_flags_a_read_of_a_value_never_written_to_the_key() {
    let row = cell::<ReadsForeignValues>(&shared(2));
    assert!(!row.valid);
    let err = row.extra.validation_error.as_deref().unwrap();
    assert!(
        err.starts_with("key #") && err.contains("written to another key"),
        "{err}"
    );
}

#[test]
fn the_linearizability_check_catches_the_lying_remove() {
    use gomap_bench::harness::checks::check::record;
    use gomap_bench::harness::checks::linearizability::shortest_failing;
    use gomap_bench::vocabulary::Workload;
    let mut caught = false;
    for run in 0..20 {
        let per_key = record::<RemoveAlwaysSucceeds>(2, 2, 200, run).unwrap();
        for (k, h) in per_key.iter().enumerate() {
            let initial = Some(Workload::SharedWrite.initial_value(k as u64));
            if let Some(w) = shortest_failing(initial, h) {
                assert!(!w.is_empty() && w.len() <= h.len());
                caught = true;
            }
        }
    }
    assert!(caught);
    // An honest map passes.
    for run in 0..5 {
        let per_key = record::<dashmap_honest::Honest>(2, 2, 200, run).unwrap();
        for (k, h) in per_key.iter().enumerate() {
            let initial = Some(Workload::SharedWrite.initial_value(k as u64));
            assert_eq!(shortest_failing(initial, h), None);
        }
    }
}

/// The same adapter without the lies, as the control of the tests above.
mod dashmap_honest {
    use super::*;
    pub struct Honest(dashmap::DashMap<u64, u64>);
    impl Contender for Honest {
        const NAME: &'static str = "honest-dashmap";
        type Handle<'a> = &'a Self;
        fn build(_: &BuildSpec) -> Self {
            Honest(dashmap::DashMap::new())
        }
        fn handle(&self) -> &Self {
            self
        }
        fn len(&self) -> usize {
            self.0.len()
        }
    }
    impl Handle for &Honest {
        fn get(&mut self, k: &u64) -> Option<u64> {
            self.0.get(k).map(|v| *v)
        }
        fn insert(&mut self, k: u64, v: u64) -> bool {
            self.0.insert(k, v).is_none()
        }
        fn remove(&mut self, k: &u64) -> bool {
            self.0.remove(k).is_some()
        }
        fn update(&mut self, k: u64, v: u64) -> bool {
            self.0.insert(k, v).is_some()
        }
    }
}
