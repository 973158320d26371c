//! `FailFastGoMap`: deterministic proofs that overlaps are detected (writes/writes, read/write,
//! write/read, with Go's exact messages), and a short 2-thread stress test showing that every
//! operation that returned `Ok` took effect and every one that returned `Err` did not.

use gomap_bench::concurrent::{ConcurrentMapError, FailFastGoMap};
use std::hash::{Hash, Hasher};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;

/// A test-only hook: the first time a gated key is hashed — which the map does *inside* its
/// claim — the hashing thread meets the test on `entered`, then blocks on `release`. While it
/// blocks, the test knows for certain that the claim is held.
struct Gate {
    armed: AtomicBool,
    entered: Barrier,
    release: Barrier,
}

impl Gate {
    fn new() -> Arc<Gate> {
        Arc::new(Gate {
            armed: AtomicBool::new(true),
            entered: Barrier::new(2),
            release: Barrier::new(2),
        })
    }
}

struct Key {
    id: u64,
    gate: Option<Arc<Gate>>,
}

fn key(id: u64) -> Key {
    Key { id, gate: None }
}

fn gated(id: u64, g: &Arc<Gate>) -> Key {
    Key {
        id,
        gate: Some(g.clone()),
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        if let Some(g) = &self.gate {
            if g.armed.swap(false, Ordering::SeqCst) {
                g.entered.wait();
                g.release.wait();
            }
        }
        self.id.hash(h);
    }
}

impl PartialEq for Key {
    fn eq(&self, o: &Key) -> bool {
        self.id == o.id
    }
}
impl Eq for Key {}

type Map = FailFastGoMap<Key, u64>;

/// The panic message of `f`, which must panic.
fn panic_message(f: impl FnOnce()) -> String {
    let p = catch_unwind(AssertUnwindSafe(f)).expect_err("expected a panic");
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap()
}

#[test]
fn a_writer_inside_makes_other_writers_and_readers_fail() {
    let m = Arc::new(Map::new());
    m.insert(key(7), 70);
    let g = Gate::new();
    let writer = {
        let (m, g) = (m.clone(), g.clone());
        thread::spawn(move || m.try_insert(gated(1, &g), 10))
    };
    g.entered.wait(); // the writer holds hashWriting now, and stays until `release`

    assert_eq!(m.try_insert(key(2), 20), Err(ConcurrentMapError::Writes));
    assert_eq!(m.try_remove(&key(7)), Err(ConcurrentMapError::Writes));
    assert_eq!(m.try_get(&key(7)), Err(ConcurrentMapError::ReadWrite));
    assert_eq!(
        panic_message(|| {
            m.insert(key(3), 30);
        }),
        "concurrent map writes"
    );
    assert_eq!(
        panic_message(|| {
            m.get(&key(7));
        }),
        "concurrent map read and map write"
    );

    g.release.wait();
    assert_eq!(writer.join().unwrap(), Ok(None));
    // The failed operations never touched the map; the claimed one did.
    assert_eq!(m.try_get(&key(1)), Ok(Some(10)));
    assert_eq!(m.try_get(&key(2)), Ok(None));
    assert_eq!(m.try_get(&key(3)), Ok(None));
    assert_eq!(m.try_get(&key(7)), Ok(Some(70)));
    assert_eq!(m.len(), 2);
}

#[test]
fn a_reader_inside_makes_writers_fail_but_not_readers() {
    let m = Arc::new(Map::new());
    m.insert(key(1), 10);
    m.insert(key(2), 20);
    let g = Gate::new();
    let reader = {
        let (m, g) = (m.clone(), g.clone());
        thread::spawn(move || m.try_get(&gated(1, &g)))
    };
    g.entered.wait(); // the reader is registered now

    assert_eq!(m.try_get(&key(2)), Ok(Some(20))); // readers share
    assert_eq!(m.try_insert(key(3), 30), Err(ConcurrentMapError::ReadWrite));
    assert_eq!(
        panic_message(|| {
            m.remove(&key(2));
        }),
        "concurrent map read and map write"
    );

    g.release.wait();
    assert_eq!(reader.join().unwrap(), Ok(Some(10)));
    assert_eq!(m.try_insert(key(3), 30), Ok(None));
    assert_eq!(m.len(), 3);
}

#[test]
fn a_panic_inside_a_claim_releases_it() {
    struct Bomb;
    impl Hash for Bomb {
        fn hash<H: Hasher>(&self, _: &mut H) {
            panic!("boom");
        }
    }
    impl PartialEq for Bomb {
        fn eq(&self, _: &Bomb) -> bool {
            true
        }
    }
    impl Eq for Bomb {}
    let m: FailFastGoMap<Bomb, u8> = FailFastGoMap::new();
    assert_eq!(
        panic_message(|| {
            let _ = m.try_insert(Bomb, 1);
        }),
        "boom"
    );
    assert_eq!(m.try_len(), Ok(0)); // not stuck in "writing"
}

#[test]
fn stress_every_ok_took_effect_and_every_err_did_not() {
    const OPS: u64 = 30_000;
    let m: Arc<FailFastGoMap<u64, u64>> = Arc::new(FailFastGoMap::new());
    let start = Arc::new(Barrier::new(2));
    let workers: Vec<_> = (0..2u64)
        .map(|t| {
            let (m, start) = (m.clone(), start.clone());
            thread::spawn(move || {
                let base = (t + 1) << 32;
                let mut present = Vec::new(); // keys this thread knows are in the map
                let mut absent = Vec::new(); // keys it knows are not
                let mut errors = 0u64;
                start.wait();
                for i in 0..OPS {
                    let k = base + i;
                    match m.try_insert(k, !k) {
                        Ok(None) => present.push(k),
                        Ok(Some(v)) => panic!("fresh key {k} was present with {v}"),
                        Err(_) => {
                            errors += 1;
                            absent.push(k);
                        }
                    }
                    if i % 3 == 0 && !present.is_empty() {
                        let victim = present[(i as usize * 7) % present.len()];
                        match m.try_remove(&victim) {
                            Ok(Some(v)) => {
                                assert_eq!(v, !victim);
                                present.retain(|&x| x != victim);
                                absent.push(victim);
                            }
                            Ok(None) => panic!("key {victim} vanished"),
                            Err(_) => errors += 1,
                        }
                    }
                    if let Some(&probe) = present.last() {
                        match m.try_get(&probe) {
                            Ok(v) => assert_eq!(v, Some(!probe), "corrupt read of {probe}"),
                            Err(e) => {
                                assert_eq!(e, ConcurrentMapError::ReadWrite);
                                errors += 1;
                            }
                        }
                    }
                }
                (present, absent, errors)
            })
        })
        .collect();
    let mut total_present = 0;
    let mut total_errors = 0;
    let outcomes: Vec<_> = workers.into_iter().map(|w| w.join().unwrap()).collect();
    for (present, absent, errors) in &outcomes {
        for &k in present {
            assert_eq!(m.get(&k), Some(!k), "lost key {k}");
        }
        for &k in absent {
            assert_eq!(
                m.get(&k),
                None,
                "key {k} present after a failed insert or a remove"
            );
        }
        total_present += present.len();
        total_errors += errors;
    }
    assert_eq!(m.len(), total_present);
    eprintln!("stress: {total_present} keys present, {total_errors} detected overlaps");
}
