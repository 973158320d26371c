//! Instruction sets: which one a piece of timed code ran with, as a type.
//!
//! Every strategy that depends on a CPU feature (a tophash probe, a fast64 key compare)
//! declares its [`Isa`], and every results row records the one its timed code used, so a
//! reader never has to guess from a name. [`Isa::best`] is what this CPU offers, checked
//! once per run.

use std::fmt;
use std::str::FromStr;

/// An instruction set a timed loop ran with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Isa {
    /// Plain integer code, one byte or one key at a time.
    Scalar,
    /// SIMD within a register: eight bytes as one u64.
    Swar,
    Sse2,
    Avx2,
    /// AVX-512 F + BW (the byte compares we need).
    Avx512,
    Neon,
    /// Whatever the Go compiler chose for the runtime's own maps (the Go anchor's rows).
    Go,
}

impl Isa {
    pub const ALL: [Isa; 7] = [
        Isa::Scalar,
        Isa::Swar,
        Isa::Sse2,
        Isa::Avx2,
        Isa::Avx512,
        Isa::Neon,
        Isa::Go,
    ];

    /// The name used in results files and benchmark ids.
    pub const fn name(self) -> &'static str {
        match self {
            Isa::Scalar => "scalar",
            Isa::Swar => "swar",
            Isa::Sse2 => "sse2",
            Isa::Avx2 => "avx2",
            Isa::Avx512 => "avx512",
            Isa::Neon => "neon",
            Isa::Go => "go",
        }
    }

    /// The best ISA our SIMD strategies can use on this CPU: AVX-512 (F and BW), AVX2,
    /// SSE2, else scalar.
    pub fn best() -> Isa {
        #[cfg(target_arch = "x86_64")]
        {
            if is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("avx512bw") {
                return Isa::Avx512;
            }
            if is_x86_feature_detected!("avx2") {
                return Isa::Avx2;
            }
            if is_x86_feature_detected!("sse2") {
                return Isa::Sse2;
            }
        }
        Isa::Scalar
    }
}

impl fmt::Display for Isa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Isa {
    type Err = String;
    fn from_str(s: &str) -> Result<Isa, String> {
        Isa::ALL
            .into_iter()
            .find(|i| i.name() == s)
            .ok_or_else(|| format!("unknown isa '{s}'"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for i in Isa::ALL {
            assert_eq!(i.name().parse::<Isa>(), Ok(i));
        }
        assert!("mmx".parse::<Isa>().is_err());
    }
}

serde_by_name!(Isa);
