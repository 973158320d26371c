//! Probe strategies on one stream of buckets: the same tophash patterns for every strategy,
//! so the only difference is how the 8 bytes are matched.
//!
//! Patterns: the target byte in slot 0 … 7 (other slots full with other bytes), a miss in a
//! full bucket, and an early stop (the bucket ends in emptyRest after a few live slots).

use crate::gomap::bucket::{EMPTY_REST, MIN_TOP_HASH};
use crate::gomap::probe::Probe;
use crate::vocabulary::Pattern;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// One probe: a bucket's tophash bytes and the byte searched.
#[derive(Clone, Copy)]
pub struct Case {
    pub tophash: [u8; 8],
    pub top: u8,
}

/// `n` cases of a pattern with pseudo-random live bytes (never equal to the target except
/// where the pattern puts it).
pub fn cases(p: Pattern, n: usize) -> Vec<Case> {
    let mut x = 0x9E37_79B9_7F4A_7C15u64 ^ n as u64;
    let mut byte = move || {
        x ^= x << 7;
        x ^= x >> 9;
        (x as u8).max(MIN_TOP_HASH)
    };
    (0..n)
        .map(|_| {
            let top = byte();
            let mut t = [0u8; 8];
            for s in t.iter_mut() {
                let mut v = byte();
                while v == top {
                    v = byte();
                }
                *s = v;
            }
            match p {
                Pattern::Slot(i) => t[i as usize] = top,
                Pattern::Miss => {}
                Pattern::EmptyRest => {
                    for s in t.iter_mut().skip(3) {
                        *s = EMPTY_REST;
                    }
                }
            }
            Case { tophash: t, top }
        })
        .collect()
}

/// What a lookup does with a bucket: the matches, then whether the chain ends here.
/// Returns a value that depends on both, for `black_box`.
#[inline(always)]
fn probe_once<P: Probe>(c: &Case) -> u32 {
    let m = P::match_byte(&c.tophash, c.top);
    let first = m.lowest().map_or(8, |i| i as u32);
    first + ((P::has_empty_rest(&c.tophash) as u32) << 4)
}

/// `iters` probes over `cases` (wrapping); returns the elapsed time.
#[inline(never)]
pub fn run<P: Probe>(cases: &[Case], iters: u64) -> Duration {
    let mut acc = 0u32;
    let mut i = 0;
    let start = Instant::now();
    for _ in 0..iters {
        acc = acc.wrapping_add(probe_once::<P>(&cases[i]));
        i += 1;
        if i == cases.len() {
            i = 0;
        }
    }
    let d = start.elapsed();
    black_box(acc);
    d
}

/// The expected result of `probe_once` for a pattern, so every strategy's output is checked.
pub fn expected(p: Pattern) -> u32 {
    match p {
        Pattern::Slot(i) => i as u32,
        Pattern::Miss => 8,
        Pattern::EmptyRest => 8 + 16,
    }
}

/// Checks a strategy on the cases (outside any timing).
pub fn validate<P: Probe>(p: Pattern, cases: &[Case]) -> Result<(), String> {
    let want = expected(p);
    for c in cases {
        let got = probe_once::<P>(c);
        if got != want {
            return Err(format!("{} on {:?}: got {got}, want {want}", P::ISA, p));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gomap::probe::{Scalar, Swar};

    #[test]
    fn patterns_validate_on_every_strategy() {
        for p in Pattern::all() {
            let c = cases(p, 500);
            validate::<Scalar>(p, &c).unwrap();
            validate::<Swar>(p, &c).unwrap();
            #[cfg(target_arch = "x86_64")]
            validate::<crate::gomap::probe::Sse2>(p, &c).unwrap();
            assert!(run::<Scalar>(&c, 1000) > Duration::ZERO);
        }
    }
}
