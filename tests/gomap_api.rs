//! Drop accounting, zero-sized values, large keys and values, and the std-like traits.

use gomap_bench::gomap::{
    DefaultHashBuilder, DefaultProbe, EmptyRest, Evacuate, GoSlots, GoWalk, LiveMask, Precomputed,
    RunMask,
};
use gomap_bench::GoMap;
use std::cell::Cell;
use std::rc::Rc;

/// A value that counts its drops in a shared cell.
#[derive(Debug)]
struct Counted(Rc<Cell<usize>>, u64);

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

impl PartialEq for Counted {
    fn eq(&self, o: &Self) -> bool {
        self.1 == o.1
    }
}
impl Eq for Counted {}
impl std::hash::Hash for Counted {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.1.hash(h)
    }
}

/// Every write strategy: the default, Go's loops, and the masks (whose moves and marks are
/// unsafe code of their own).
#[test]
fn every_key_and_value_dropped_exactly_once() {
    drops_exactly_once::<gomap_bench::gomap::DefaultEmptyRest, gomap_bench::gomap::DefaultEvacuate>(
    );
    drops_exactly_once::<GoWalk, GoSlots>();
    drops_exactly_once::<RunMask, LiveMask>();
}

type Strategies<R, E> =
    GoMap<Counted, Counted, DefaultHashBuilder, Precomputed, DefaultProbe, R, E>;

fn drops_exactly_once<R: EmptyRest, E: Evacuate>() {
    let kd = Rc::new(Cell::new(0));
    let vd = Rc::new(Cell::new(0));
    let k = |i| Counted(kd.clone(), i);
    let v = |i| Counted(vd.clone(), i);
    let n = 5000;
    let mut extra_key_drops = 0;
    {
        let mut m = Strategies::<R, E>::with_hasher(Default::default());
        for i in 0..n {
            assert!(m.insert(k(i), v(i)).is_none()); // growth happens throughout
        }
        assert_eq!((kd.get(), vd.get()), (0, 0));
        // Overwrite: the old value comes back, the duplicate key is dropped.
        let old = m.insert(k(1), v(1)).unwrap();
        assert_eq!((kd.get(), vd.get()), (1, 0));
        drop(old);
        assert_eq!(vd.get(), 1);
        // Remove: the key is dropped, the value comes back.
        let removed = m.remove(&k(2)).unwrap();
        extra_key_drops += 1;
        assert_eq!(kd.get(), 3); // the probe key and the stored key
        drop(removed);
        assert_eq!(vd.get(), 2);
        // Clear drops the rest once.
        m.clear();
        assert_eq!(kd.get(), 3 + (n as usize - 1));
        assert_eq!(vd.get(), 2 + (n as usize - 1));
        for i in 0..100 {
            m.insert(k(i), v(i));
        }
        // Grow until a growth starts, then remove every other new key (the delete tail's
        // runs, during the evacuation and after it), and drop the map.
        let mut i = 1000;
        while !m.is_growing() {
            m.insert(k(i), v(i));
            i += 1;
        }
        for j in (1000..i).step_by(2) {
            drop(m.remove(&k(j)).unwrap());
            extra_key_drops += 1;
        }
    }
    assert_eq!(
        kd.get(),
        vd.get() + extra_key_drops,
        "one extra key drop a remove: its probe key"
    );
}

#[test]
fn zero_sized_values_make_a_set() {
    let mut set: GoMap<u64, ()> = GoMap::new();
    for i in 0..1000 {
        assert_eq!(
            set.insert(i % 500, ()),
            if i < 500 { None } else { Some(()) }
        );
    }
    assert_eq!(set.len(), 500);
    assert!(set.contains_key(&499));
    assert!(!set.contains_key(&500));
    set.check_invariants().unwrap();
}

#[test]
fn large_keys_and_values() {
    let key = |i: u64| {
        let mut a = [0u8; 200];
        a[..8].copy_from_slice(&i.to_le_bytes());
        a
    };
    let mut m: GoMap<[u8; 200], [u64; 40]> = GoMap::new();
    for i in 0..300 {
        m.insert(key(i), [i; 40]);
    }
    for i in 0..300 {
        assert_eq!(m.get(&key(i)).unwrap()[39], i);
    }
    assert_eq!(m.remove(&key(7)).unwrap()[0], 7);
    assert_eq!(m.len(), 299);
    m.check_invariants().unwrap();
}

#[test]
fn string_keys_borrowed_lookup() {
    let mut m: GoMap<String, usize> = GoMap::new();
    for i in 0..100 {
        m.insert(format!("k{i}"), i);
    }
    assert_eq!(m.get("k42"), Some(&42));
    *m.get_mut("k42").unwrap() += 1;
    assert_eq!(m.remove("k42"), Some(43));
    assert_eq!(m.get("k42"), None);
}

#[test]
fn std_traits() {
    let m: GoMap<u64, u64> = (0..100).map(|i| (i, i * 3)).collect();
    assert_eq!(m.len(), 100);
    let mut c = m.clone();
    c.extend([(1000, 1), (1, 2)]);
    assert_eq!(c.len(), 101);
    assert_eq!(m.get(&1), Some(&3));
    assert_eq!(c.get(&1), Some(&2));
    let empty: GoMap<u64, u64> = GoMap::default();
    assert_eq!(format!("{empty:?}"), "{}");
    let one: GoMap<u64, u64> = [(5, 6)].into_iter().collect();
    assert_eq!(format!("{one:?}"), "{5: 6}");
    assert_eq!(m.values().sum::<u64>(), 3 * (0..100).sum::<u64>());
    assert_eq!((&m).into_iter().count(), 100);
}
