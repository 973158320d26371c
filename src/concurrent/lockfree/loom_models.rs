//! Loom models of the protocol: a tiny map (one old bucket growing into two, or one bucket)
//! with concurrent reads and writes during an evacuation step, explored interleaving by
//! interleaving, with the weak-memory outcomes loom's model allows.
//!
//! Run with `RUSTFLAGS="--cfg loom" cargo test --release --lib concurrent::lockfree`
//! (a separate `CARGO_TARGET_DIR` keeps the normal build's cache). Each model prints how many
//! executions it explored. `LOOM_MAX_PREEMPTIONS` bounds the preemptions per execution
//! (default here: 3, loom's documented sweet spot; unset bound = exhaustive, much slower).
//!
//! Every actor is a spawned thread; the main thread only builds the map and joins. (A reader
//! run on the main thread right after the spawn was explored in a single execution: loom
//! learns a thread's next operation only once it runs, so its reduction never saw the races
//! of the main thread's loads. With both actors spawned, the same model takes thousands of
//! executions and the broken reader below is caught.)
//!
//! Two deliberately broken readers must fail: [`broken_reader_is_caught`] (`read::<false, _>`:
//! no second look at the version word) pairs a key with another key's value, which is what the
//! version check prevents; [`reader_ignoring_the_old_table_is_caught`] (`read::<_, false>`:
//! reads the new table during a growth whatever the old bucket's state) misses a present key.

use super::reclaim::pin;
use super::ConcurrentGoMap;
use foldhash::fast::FixedState;
use loom::sync::Arc;
use loom::thread;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

type Map = ConcurrentGoMap<FixedState>;

/// A map of one bucket holding `entries`.
fn map_with(entries: &[(u64, u64)]) -> Map {
    let m = Map::with_capacity_and_hasher(0, FixedState::with_seed(7));
    for &(k, v) in entries {
        assert_eq!(m.insert(k, v), None);
    }
    m
}

/// Runs `f` under loom with a preemption bound, and prints how many executions it took.
fn check(name: &str, f: impl Fn() + Sync + Send + 'static) {
    check_with(name, 3, f)
}

/// `check` with a default preemption bound of `bound` (`LOOM_MAX_PREEMPTIONS` overrides it)
/// and room for long executions (a growth that moves 8 entries is hundreds of loom steps).
fn check_with(name: &str, bound: usize, f: impl Fn() + Sync + Send + 'static) {
    let runs = std::sync::Arc::new(AtomicUsize::new(0));
    let mut builder = loom::model::Builder::new();
    if builder.preemption_bound.is_none() {
        builder.preemption_bound = Some(bound);
    }
    builder.max_branches = builder.max_branches.max(20_000);
    let bound = builder.preemption_bound;
    let start = Instant::now();
    let counted = runs.clone();
    builder.check(move || {
        counted.fetch_add(1, Ordering::Relaxed);
        f()
    });
    println!(
        "loom model {name}: {} executions, preemption bound {bound:?}, {:.1} s",
        runs.load(Ordering::Relaxed),
        start.elapsed().as_secs_f64()
    );
}

/// Runs `f` on the map in a thread of its own.
fn spawn<T: Send + 'static>(
    m: &Arc<Map>,
    f: impl FnOnce(&Map) -> T + Send + 'static,
) -> thread::JoinHandle<T> {
    let m = m.clone();
    thread::spawn(move || f(&m))
}

/// The map at the end of a model, quiescent: its invariants must hold.
fn finish(m: Arc<Map>) -> Map {
    let mut m = Arc::try_unwrap(m).ok().expect("every thread joined");
    m.check_invariants().unwrap();
    m
}

/// A writer whose growWork evacuates the one old bucket (and so ends the growth), against a
/// reader of a key that was there before and of the key being inserted.
fn get_during_evacuation(read: fn(&Map, u64) -> Option<u64>) {
    let m = map_with(&[(1, 10), (2, 20)]);
    m.force_growth(true);
    let m = Arc::new(m);
    let w = spawn(&m, |m| assert_eq!(m.insert(3, 30), None));
    let r = spawn(&m, move |m| (read(m, 1), read(m, 3)));
    let (v1, v3) = r.join().unwrap();
    assert_eq!(v1, Some(10), "get(1) during the evacuation");
    assert!(v3.is_none() || v3 == Some(30), "{v3:?}");
    w.join().unwrap();
    let mut m = finish(m);
    assert!(!m.is_growing());
    let mut e = m.entries();
    e.sort();
    assert_eq!(e, [(1, 10), (2, 20), (3, 30)]);
}

#[test]
fn get_during_evacuation_finds_the_key() {
    check("get_during_evacuation_finds_the_key", || {
        get_during_evacuation(|m, k| m.get(k))
    });
}

/// The broken reader that skips Go's growth rule (it reads the new table even while the key's
/// old bucket is not evacuated) is caught: it misses key 1 before the writer moves it.
#[test]
#[should_panic(expected = "get(1) during the evacuation")]
fn reader_ignoring_the_old_table_is_caught() {
    check("reader_ignoring_the_old_table_is_caught", || {
        get_during_evacuation(|m, k| m.read::<true, false>(&pin(), m.hash_key(k), k))
    });
}

#[test]
fn remove_during_evacuation() {
    check("remove_during_evacuation", || {
        let m = map_with(&[(1, 10), (2, 20)]);
        m.force_growth(true);
        let m = Arc::new(m);
        let w = spawn(&m, |m| assert_eq!(m.remove(1), Some(10)));
        let r = spawn(&m, |m| (m.get(2), m.get(1)));
        let (v2, v1) = r.join().unwrap();
        assert_eq!(v2, Some(20));
        assert!(v1.is_none() || v1 == Some(10), "{v1:?}");
        w.join().unwrap();
        assert_eq!(m.get(1), None);
        let m = finish(m);
        assert_eq!(m.len(), 1);
    });
}

#[test]
fn two_writers_share_an_evacuation() {
    check("two_writers_share_an_evacuation", || {
        let m = map_with(&[(1, 10), (2, 20)]);
        m.force_growth(true);
        let m = Arc::new(m);
        // Both writers' growWork race for the same old bucket and the end of the growth.
        let a = spawn(&m, |m| assert_eq!(m.insert(3, 30), None));
        let b = spawn(&m, |m| assert_eq!(m.insert(2, 21), Some(20)));
        a.join().unwrap();
        b.join().unwrap();
        let mut m = finish(m);
        let mut e = m.entries();
        e.sort();
        assert_eq!(e, [(1, 10), (2, 21), (3, 30)]);
    });
}

#[test]
fn get_during_same_size_evacuation() {
    check("get_during_same_size_evacuation", || {
        let m = map_with(&[(1, 10), (2, 20)]);
        m.remove(1);
        m.force_growth(false);
        let m = Arc::new(m);
        let w = spawn(&m, |m| assert_eq!(m.insert(1, 11), None));
        let r = spawn(&m, |m| (m.get(2), m.get(1)));
        let (v2, v1) = r.join().unwrap();
        assert_eq!(v2, Some(20));
        assert!(v1.is_none() || v1 == Some(11), "{v1:?}");
        w.join().unwrap();
        let m = finish(m);
        assert_eq!(m.len(), 2);
    });
}

/// Two writers each insert a new key into a full one-bucket map: both find it over the load
/// factor, one starts the growth (under `grow_lock`), the other finds it started (or starts
/// over in the new table); both help evacuate. (Moving 8 entries makes long executions, so
/// this model runs with a preemption bound of 2.)
#[test]
fn growth_starts_once() {
    check_with("growth_starts_once", 2, || {
        let m = Arc::new(map_with(&(1..=8).map(|k| (k, k * 10)).collect::<Vec<_>>()));
        assert_eq!(m.bucket_log2(), 0);
        let a = spawn(&m, |m| assert_eq!(m.insert(100, 1000), None));
        let b = spawn(&m, |m| (m.insert(101, 1010), m.get(5)));
        assert_eq!(b.join().unwrap(), (None, Some(50)));
        a.join().unwrap();
        let m = finish(m);
        assert_eq!((m.bucket_log2(), m.len()), (1, 10));
    });
}

/// A writer that empties a slot and fills it with another key, against a reader of that
/// key: the reader must see the new key with its own value or not at all.
fn slot_reuse(read: fn(&Map, u64) -> Option<u64>) {
    let m = Arc::new(map_with(&[(1, 10)]));
    let w = spawn(&m, |m| {
        assert_eq!(m.remove(1), Some(10));
        // The first empty slot is slot 0, where key 1 was.
        assert_eq!(m.insert(3, 30), None);
    });
    let r = spawn(&m, move |m| read(m, 3));
    let v3 = r.join().unwrap();
    assert!(v3.is_none() || v3 == Some(30), "get(3) answered {v3:?}");
    w.join().unwrap();
    finish(m);
}

#[test]
fn slot_reuse_is_never_torn() {
    check("slot_reuse_is_never_torn", || slot_reuse(|m, k| m.get(k)));
}

/// The broken reader (no second look at the version word) is caught: loom finds the
/// interleaving in which it pairs key 3 with key 1's value.
#[test]
#[should_panic(expected = "get(3) answered Some(10)")]
fn broken_reader_is_caught() {
    check("broken_reader_is_caught", || {
        slot_reuse(|m, k| {
            let guard = pin();
            m.read::<false, true>(&guard, m.hash_key(k), k)
        })
    });
}
