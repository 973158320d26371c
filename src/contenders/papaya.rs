//! `papaya`: a lock-free hash map with epoch-style reclamation (`seize`). Every access needs a
//! guard; we pin one **per operation** (`map.guard()`), the pattern its docs recommend for
//! short operations. A guard held for a whole thread's run would be cheaper per op but would
//! keep every retired table and entry alive until the run ends, so memory would grow with the
//! run's length; per-op pinning keeps reclamation honest and puts its cost in the numbers.

use super::hasher::SeededState;
use super::{BuildSpec, Contender, Facts, Handle};

pub struct PapayaContender(::papaya::HashMap<u64, u64, SeededState>);

impl Contender for PapayaContender {
    const NAME: &'static str = "papaya";
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        PapayaContender(
            ::papaya::HashMap::builder()
                .capacity(spec.capacity)
                .hasher(SeededState::default())
                .build(),
        )
    }
    fn handle(&self) -> &Self {
        self
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn facts(&self) -> Facts {
        Facts {
            guard: Some("pinned per operation".into()),
            ..Facts::default()
        }
    }
}

impl Handle for &PapayaContender {
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        let g = self.0.guard();
        self.0.get(k, &g).copied()
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        let g = self.0.guard();
        self.0.insert(k, v, &g).is_none()
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        let g = self.0.guard();
        self.0.remove(k, &g).is_some()
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        let g = self.0.guard();
        self.0.insert(k, v, &g).is_some()
    }
}
