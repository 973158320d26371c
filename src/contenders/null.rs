//! `null`: no map at all. Its operations only consume the key (`black_box`), so a `null`
//! cell measures what the harness itself costs per op (op decode, key scramble, the latency
//! sampling check, success counting). Its answers mean nothing and are not validated.

use super::{BuildSpec, Contender, Handle};
use crate::vocabulary::Role;
use std::hint::black_box;

pub struct Null;

/// A handle with nothing in it.
pub struct NullHandle;

impl Contender for Null {
    const NAME: &'static str = "null";
    const ROLE: Role = Role::HarnessOnly;
    type Handle<'a> = NullHandle;
    fn build(_spec: &BuildSpec) -> Self {
        Null
    }
    fn handle(&self) -> NullHandle {
        NullHandle
    }
    fn len(&self) -> usize {
        0
    }
}

impl Handle for NullHandle {
    // Each operation passes its key through `black_box` and nothing else: folding it into
    // the handle's state would add a load–xor–store chain through memory per op, a cost no
    // real map has, and the null contender must not be slower than the harness itself.
    #[inline(always)]
    fn get(&mut self, k: &u64) -> Option<u64> {
        Some(black_box(*k))
    }
    #[inline(always)]
    fn insert(&mut self, k: u64, v: u64) -> bool {
        black_box(k ^ v);
        true
    }
    #[inline(always)]
    fn remove(&mut self, k: &u64) -> bool {
        black_box(*k);
        true
    }
    #[inline(always)]
    fn update(&mut self, k: u64, v: u64) -> bool {
        black_box(k ^ v);
        true
    }
}
