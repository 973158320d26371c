//! Benchmarking a map of your own: a striped `RwLock<HashMap>` (16 stripes, the shared
//! hasher), and `BTreeMap` as a single-thread map, measured beside the built-in maps with the
//! whole `gomap-bench` command line:
//!
//! ```text
//! cargo run --release --example striped -- contention --quick --maps striped,dashmap
//! cargo run --release --example striped -- check --quick --maps striped
//! cargo run --release --example striped -- locate --quick --maps btree,hashbrown
//! ```

use gomap_bench::contenders::single::SingleMap;
use gomap_bench::contenders::{BuildSpec, Contender, Handle, SeededState};
use gomap_bench::harness::measuring::allocator::HarnessAllocator;
use gomap_bench::vocabulary::{Isa, Role};
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;
use std::sync::RwLock;

// Optional: huge pages for big allocations and the bytes each map holds after prefill.
#[global_allocator]
static ALLOCATOR: HarnessAllocator = HarnessAllocator;

/// 16 stripes, each a `RwLock<HashMap>`; a key's stripe comes from the top bits of its hash.
struct Striped {
    hasher: SeededState,
    stripes: Vec<RwLock<HashMap<u64, u64, SeededState>>>,
}

impl Striped {
    fn stripe(&self, k: u64) -> &RwLock<HashMap<u64, u64, SeededState>> {
        &self.stripes[(self.hasher.hash_one(k) >> 60) as usize]
    }
}

impl Contender for Striped {
    const NAME: &'static str = "striped";
    type Handle<'a> = &'a Striped;
    fn build(spec: &BuildSpec) -> Self {
        let per = spec.capacity / 16;
        let stripes = (0..16)
            .map(|_| {
                RwLock::new(HashMap::with_capacity_and_hasher(
                    per,
                    SeededState::default(),
                ))
            })
            .collect();
        Striped {
            hasher: SeededState::default(),
            stripes,
        }
    }
    fn handle(&self) -> &Striped {
        self
    }
    fn len(&self) -> usize {
        self.stripes.iter().map(|s| s.read().unwrap().len()).sum()
    }
}

impl Handle for &Striped {
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.stripe(*k).read().unwrap().get(k).copied()
    }
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.stripe(k).write().unwrap().insert(k, v).is_none()
    }
    fn remove(&mut self, k: &u64) -> bool {
        self.stripe(*k).write().unwrap().remove(k).is_some()
    }
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.stripe(k).write().unwrap().insert(k, v).is_some()
    }
}

/// `BTreeMap` as a single-thread map (ordered, no hasher).
struct BTree(BTreeMap<u64, u64>);

impl SingleMap for BTree {
    fn with_capacity(_hint: usize) -> Self {
        BTree(BTreeMap::new())
    }
    fn get(&self, k: u64) -> Option<u64> {
        self.0.get(&k).copied()
    }
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.0.insert(k, v).is_none()
    }
    fn remove(&mut self, k: u64) -> Option<u64> {
        self.0.remove(&k)
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn isa() -> Isa {
        Isa::Scalar
    }
    type Token = ();
    fn isa_token(&self) {}
}

fn main() -> std::process::ExitCode {
    gomap_bench::main_with(|r| {
        r.add::<Striped>();
        r.add_single::<BTree>("btree", Role::Other);
    })
}
