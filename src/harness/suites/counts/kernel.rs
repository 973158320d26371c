//! The kernel: what one counted process runs (`gomap-bench kernel`, under callgrind). The
//! loop the ops suite times, for one map, op and size, with only that loop inside a
//! function whose name holds `counted_kernel` (`KERNEL_MARK`), so that callgrind collects there alone and
//! building and prefilling the map are not counted.

use super::MIN_OPS;
use crate::contenders::added::Jobs;
use crate::contenders::single::{self, SingleMap, Visit};
use crate::harness::measuring::single::Fixture;
use crate::vocabulary::Op;
use std::hint::black_box;

/// Runs `op` on the map named `map` at size `n` (whole passes, at least [`MIN_OPS`]
/// operations) with only the timed loop inside a `counted_kernel` function; returns the
/// number of operations.
pub fn run_kernel(map: &str, op: Op, n: usize) -> Result<u64, String> {
    single::dispatch(map, Kernel { op, n })
        .ok_or_else(|| format!("unknown or unavailable map `{map}`"))?
}

struct Kernel {
    op: Op,
    n: usize,
}

/// Gives the single-thread map `M`, added by a user's binary, the job of this module (see
/// `contenders::added`).
pub fn add_single_jobs<M: SingleMap>(jobs: &mut Jobs) {
    jobs.single::<Kernel, M>();
}

impl Visit for Kernel {
    type Out = Result<u64, String>;
    fn visit<M: SingleMap>(self, _: &single::Entry) -> Result<u64, String> {
        let fx = Fixture::new(self.n);
        let passes = MIN_OPS.div_ceil(self.n);
        let mut checksum = 0u64;
        for _ in 0..passes {
            checksum = checksum.wrapping_add(match self.op {
                Op::GetHit | Op::GetMiss => {
                    let m: M = fx.prefilled();
                    let keys = if self.op == Op::GetHit {
                        &fx.hits
                    } else {
                        &fx.misses
                    };
                    let (found, sum) = counted_kernel_gets(&m, keys);
                    let want = if self.op == Op::GetHit { fx.n } else { 0 };
                    if found != want {
                        return Err(format!(
                            "{}: {found} found, {want} expected",
                            self.op.name()
                        ));
                    }
                    sum
                }
                Op::InsertPresized | Op::InsertGrow => {
                    let hint = if self.op == Op::InsertPresized {
                        fx.n
                    } else {
                        0
                    };
                    let mut m = Box::new(M::with_capacity(hint));
                    let new =
                        M::in_isa(m.isa_token(), || counted_kernel_inserts(&mut *m, &fx.hits));
                    if new != fx.n || m.len() != fx.n {
                        return Err(format!("{}: {new} new keys of {}", self.op.name(), fx.n));
                    }
                    let probe = fx.hits[fx.n / 2];
                    if m.get(probe) != Some((fx.n / 2) as u64) {
                        return Err(format!(
                            "{}: an inserted key does not read back",
                            self.op.name()
                        ));
                    }
                    new as u64
                }
                Op::Remove => {
                    let mut m: Box<M> = Box::new(fx.prefilled());
                    let (found, sum) = counted_kernel_removes(&mut *m, &fx.hits);
                    if found != fx.n || !m.is_empty() {
                        return Err(format!("remove: {found} found of {}", fx.n));
                    }
                    sum
                }
            });
        }
        black_box(checksum);
        Ok((passes * self.n) as u64)
    }
}

// The counted loops: the same work as `single::time_gets` / `time_writes`, without the
// clock. `inline(never)` keeps each a function callgrind can toggle on (see KERNEL_MARK); the
// loop itself runs inside the map's `in_isa`, as the timed loops do, so that a vector key
// probe is inlined into it (a function without AVX2 enabled cannot inline one that has it).

#[inline(never)]
fn counted_kernel_gets<M: SingleMap>(m: &M, keys: &[u64]) -> (usize, u64) {
    M::in_isa(
        m.isa_token(),
        #[inline(always)]
        || {
            let (mut found, mut sum) = (0usize, 0u64);
            for &k in keys {
                if let Some(v) = m.get(k) {
                    found += 1;
                    sum = sum.wrapping_add(v);
                }
            }
            (found, sum)
        },
    )
}

#[inline(never)]
fn counted_kernel_inserts<M: SingleMap>(m: &mut M, keys: &[u64]) -> usize {
    M::in_isa(
        m.isa_token(),
        #[inline(always)]
        || {
            let mut new = 0usize;
            for (j, &k) in keys.iter().enumerate() {
                new += m.insert(k, j as u64) as usize;
            }
            new
        },
    )
}

#[inline(never)]
fn counted_kernel_removes<M: SingleMap>(m: &mut M, keys: &[u64]) -> (usize, u64) {
    M::in_isa(
        m.isa_token(),
        #[inline(always)]
        || {
            let (mut found, mut sum) = (0usize, 0u64);
            for &k in keys {
                if let Some(v) = m.remove(k) {
                    found += 1;
                    sum = sum.wrapping_add(v);
                }
            }
            (found, sum)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kernel_runs_every_op_and_counts_whole_passes() {
        for op in Op::ALL {
            assert_eq!(run_kernel("gomap/generic", op, 1000).unwrap(), 66_000);
        }
        assert!(run_kernel("no-such-map", Op::Remove, 8).is_err());
    }
}
