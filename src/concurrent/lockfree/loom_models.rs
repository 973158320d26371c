//! Loom models of the protocol: a tiny map (one old bucket growing into two, or one bucket)
//! with concurrent reads and writes during an evacuation step, explored interleaving by
//! interleaving, with the weak-memory outcomes loom's model allows.
//!
//! Run with `RUSTFLAGS="--cfg loom" cargo test --release --lib concurrent::lockfree`
//! (a separate `CARGO_TARGET_DIR` keeps the normal build's cache). Each model prints how many
//! executions it explored. `LOOM_MAX_PREEMPTIONS` bounds the preemptions per execution
//! (default here: 3, loom's documented sweet spot; unset bound = exhaustive, much slower).
//!
//! [`broken_reader_is_caught`] runs the deliberately broken reader (`read::<false>`: no second
//! look at the version word) and must fail: it shows the models can see what the version
//! check prevents, a key paired with another key's value.

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
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let mut builder = loom::model::Builder::new();
    if builder.preemption_bound.is_none() {
        builder.preemption_bound = Some(3);
    }
    let bound = builder.preemption_bound;
    let start = Instant::now();
    let before = RUNS.load(Ordering::Relaxed);
    builder.check(move || {
        RUNS.fetch_add(1, Ordering::Relaxed);
        f()
    });
    println!(
        "loom model {name}: {} executions, preemption bound {bound:?}, {:.1} s",
        RUNS.load(Ordering::Relaxed) - before,
        start.elapsed().as_secs_f64()
    );
}

/// The map at the end of a model, quiescent: its invariants must hold.
fn finish(m: Arc<Map>) -> Map {
    let mut m = Arc::try_unwrap(m).ok().expect("every thread joined");
    m.check_invariants().unwrap();
    m
}

#[test]
fn get_during_evacuation() {
    check("get_during_evacuation", || {
        let m = map_with(&[(1, 10), (2, 20)]);
        m.force_growth(true);
        let m = Arc::new(m);
        let w = {
            let m = m.clone();
            // Its growWork evacuates the one old bucket and ends the growth.
            thread::spawn(move || assert_eq!(m.insert(3, 30), None))
        };
        assert_eq!(m.get(1), Some(10));
        let v3 = m.get(3);
        assert!(v3.is_none() || v3 == Some(30), "{v3:?}");
        w.join().unwrap();
        let mut m = finish(m);
        assert!(!m.is_growing());
        let mut e = m.entries();
        e.sort();
        assert_eq!(e, [(1, 10), (2, 20), (3, 30)]);
    });
}

#[test]
fn remove_during_evacuation() {
    check("remove_during_evacuation", || {
        let m = map_with(&[(1, 10), (2, 20)]);
        m.force_growth(true);
        let m = Arc::new(m);
        let w = {
            let m = m.clone();
            thread::spawn(move || assert_eq!(m.remove(1), Some(10)))
        };
        assert_eq!(m.get(2), Some(20));
        let v1 = m.get(1);
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
        let w = {
            let m = m.clone();
            thread::spawn(move || assert_eq!(m.insert(3, 30), None))
        };
        // Both writers' growWork race for the same old bucket and the end of the growth.
        assert_eq!(m.insert(2, 21), Some(20));
        w.join().unwrap();
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
        let w = {
            let m = m.clone();
            thread::spawn(move || assert_eq!(m.insert(1, 11), None))
        };
        assert_eq!(m.get(2), Some(20));
        let v1 = m.get(1);
        assert!(v1.is_none() || v1 == Some(11), "{v1:?}");
        w.join().unwrap();
        let m = finish(m);
        assert_eq!(m.len(), 2);
    });
}

/// A writer that empties a slot and fills it with another key, against a reader of that
/// key: the reader must see the new key with its own value or not at all.
fn slot_reuse(read: fn(&Map, u64) -> Option<u64>) {
    let m = Arc::new(map_with(&[(1, 10)]));
    let w = {
        let m = m.clone();
        thread::spawn(move || {
            assert_eq!(m.remove(1), Some(10));
            // The first empty slot is slot 0, where key 1 was.
            assert_eq!(m.insert(3, 30), None);
        })
    };
    let v3 = read(&m, 3);
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
            m.read::<false>(&guard, m.hash_key(k), k)
        })
    });
}
