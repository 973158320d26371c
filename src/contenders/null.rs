//! `null`: no map at all. Its operations only fold the key into a running value, so a `null`
//! cell measures what the harness itself costs per op (op decode, key scramble, the latency
//! sampling check, success counting). Its answers mean nothing and are not validated.

use super::{BuildSpec, Contender, Handle};
use std::hint::black_box;

pub struct Null;

/// Per-thread sink so that the compiler cannot drop the "work".
pub struct NullHandle(u64);

impl Contender for Null {
    const NAME: &'static str = "null";
    const DOES_MAP_WORK: bool = false;
    type Handle<'a> = NullHandle;
    fn build(_spec: &BuildSpec) -> Self {
        Null
    }
    fn handle(&self) -> NullHandle {
        NullHandle(0)
    }
    fn len(&self) -> usize {
        0
    }
}

impl Handle for NullHandle {
    #[inline]
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.0 ^= black_box(*k);
        Some(self.0)
    }
    #[inline]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.0 ^= black_box(k ^ v);
        true
    }
    #[inline]
    fn remove(&mut self, k: &u64) -> bool {
        self.0 ^= black_box(*k);
        true
    }
    #[inline]
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.0 ^= black_box(k ^ v);
        true
    }
}
