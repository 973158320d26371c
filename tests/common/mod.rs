//! Helpers shared by the map tests: hashers that collide on purpose.
#![allow(dead_code)]

use std::hash::{BuildHasher, Hasher};

/// Hashers that make collisions on purpose.
#[derive(Clone, Copy, Debug)]
pub enum Bad {
    /// Only 5 distinct hashes, spread over the top byte and the low bits.
    FewHashes,
    /// Low bits from the key, top byte always 0x42.
    SameTop,
}

#[derive(Clone, Copy, Debug)]
pub struct BadState(pub Bad);

pub struct BadHasher(Bad, u64);

impl Hasher for BadHasher {
    fn finish(&self) -> u64 {
        match self.0 {
            Bad::FewHashes => (self.1 % 5).wrapping_mul(0x9E37_79B9_7F4A_7C15),
            Bad::SameTop => (0x42 << 56) | (self.1 & 0x00FF_FFFF_FFFF_FFFF),
        }
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.1 = self.1.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.1 = x;
    }
}

impl BuildHasher for BadState {
    type Hasher = BadHasher;
    fn build_hasher(&self) -> BadHasher {
        BadHasher(self.0, 0)
    }
}
