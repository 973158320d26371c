//! The bucket-index computation alone, both ways, as Go's header stores it.
//!
//! Two shapes of loop, because the two strategies can differ in either:
//! - *throughput*: independent hashes, `hash & mask` summed; the CPU overlaps iterations, so
//!   this counts instructions and ports, not latency;
//! - *latency*: a pointer chase where each index picks the next hash, and the header that is
//!   read alternates between two copies chosen by the previous result, so that loading the
//!   header field (B or the mask) and turning it into a mask sit on the critical path,
//!   as they do in a real lookup whose hash has just been computed.
//!
//! The header is read through `black_box` every iteration, so the compiler cannot hoist the
//! load or the shift out of the loop; that is exactly the cost in question.

use crate::gomap::locate::{bucket_mask, Locate};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The two header fields the strategies read, laid out as in `GoMap` (B is a byte, the mask
/// a word).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Header {
    pub b: u8,
    pub mask: usize,
}

impl Header {
    pub fn new(b: u8) -> Header {
        Header {
            b,
            mask: bucket_mask(b),
        }
    }
}

/// `iters` independent index computations over `hashes` (wrapping); returns the elapsed time.
#[inline(never)]
pub fn throughput<L: Locate>(header: &Header, hashes: &[u64], iters: u64) -> Duration {
    let mut acc = 0usize;
    let n = hashes.len();
    let mut i = 0;
    let start = Instant::now();
    for _ in 0..iters {
        let h = black_box(header);
        acc = acc.wrapping_add(hashes[i] as usize & L::mask(h.b, h.mask));
        i += 1;
        if i == n {
            i = 0;
        }
    }
    let d = start.elapsed();
    black_box(acc);
    d
}

/// `iters` dependent index computations: `x = table[x & mask]`, table of 2^b entries that
/// fits in L1 for the b used, headers alternating with the low bit of x.
#[inline(never)]
pub fn latency<L: Locate>(headers: &[Header; 2], table: &[u64], iters: u64) -> Duration {
    debug_assert!(table.len().is_power_of_two());
    let mut x = 0u64;
    let start = Instant::now();
    for _ in 0..iters {
        let h = &black_box(headers)[(x & 1) as usize];
        // The mask never exceeds the table (both come from the same b), so no bounds check
        // is needed in the real map; here the index is masked again so it is safe Rust, and
        // the compiler folds the second AND away when it can.
        let idx = x as usize & L::mask(h.b, h.mask);
        x = table[idx & (table.len() - 1)];
    }
    let d = start.elapsed();
    black_box(x);
    d
}
