package main

// A port of the Rust runner's zipf distribution (src/harness/workloads/workload.rs), so that the Go
// anchor's zipf cells draw the very same keys as the Rust ones. math/rand.Zipf cannot be
// used: it needs s > 1, and the Rust side uses s = 0.99.
//
// The Rust side samples rand_distr 0.5's Zipf::new(P, 0.99) (rejection sampling after Jason
// Crease: inverse CDF of a continuous bound, floor, accept with the ratio of the two
// densities) from its own SplitMix64 stream, each f64 made as rand 0.9 makes it:
// (next_u64 >> 11) · 2^-53. The rank r in 1..=P maps to the prefilled index
// ((r − 1) · 2654435761) mod P.
//
// Floating point: every operation below is the one rand_distr performs, in the same order,
// without fused multiply-adds (the explicit float64 conversions forbid fusion on every
// GOARCH). The one thing that is not bit-identical by construction is math.Pow against
// glibc's pow (Rust's f64::powf): they may differ in the last bits. A different last bit
// changes a rank only when the value lands within ~1e-15 (relative) of an integer or of the
// acceptance bound, so the streams agree draw for draw in practice; `-check-stream` compares a
// long Rust-printed stream op by op, and `-selftest` checks pinned values, to make sure.

import "math"

const (
	zipfSeed    uint64 = 0x2545F4914F6CDD1D // ZIPF_SEED in workload.rs
	zipfScatter uint64 = 2654435761         // ZIPF_SCATTER in workload.rs
)

// zipfTheta is ZIPF_THETA. A variable, not a constant: `1 - 0.99` between untyped constants
// would be computed exactly and rounded once, while Rust subtracts two f64 at run time.
var zipfTheta = 0.99

// unitF64 is rand 0.9's StandardUniform f64: 53 high bits, scaled by 2^-53.
func unitF64(r *splitMix64) float64 {
	return float64(r.next()>>11) * (1.0 / float64(uint64(1)<<53))
}

// zipf is rand_distr::Zipf<f64>: s the exponent, t and q precomputed as in Zipf::new.
type zipf struct{ s, t, q float64 }

func newZipf(n, s float64) zipf {
	z := zipf{s: s}
	if s != 1 {
		z.q = 1 / float64(1-s)
		z.t = float64(math.Pow(n, float64(1-s))-s) * z.q
	} else {
		z.t = 1 + math.Log(n)
	}
	return z
}

func (z *zipf) invCDF(p float64) float64 {
	pt := float64(p * z.t)
	switch {
	case pt <= 1:
		return pt
	case z.s != 1:
		return math.Pow(float64(pt*float64(1-z.s))+z.s, z.q)
	default:
		return math.Exp(pt - 1)
	}
}

// sample is Zipf::sample: a rank in 1..=n as a float.
func (z *zipf) sample(r *splitMix64) float64 {
	for {
		invB := z.invCDF(unitF64(r))
		x := math.Floor(invB + 1)
		ratio := math.Pow(x, -z.s)
		if x > 1 {
			ratio = float64(ratio * math.Pow(invB, z.s))
		}
		if y := unitF64(r); y < ratio {
			return x
		}
	}
}

// zipfTarget draws one prefilled index in 0..p: the rank, clamped to 1..=p as the Rust side
// does (`as u64` then clamp), scattered by the prime.
func (z *zipf) target(r *splitMix64, p uint64) uint64 {
	x := z.sample(r)
	var rank uint64
	if x >= 1 { // Rust's `as u64` saturates (NaN → 0); ranks are always ≥ 1 here
		rank = uint64(x)
	}
	if rank < 1 {
		rank = 1
	}
	if rank > p {
		rank = p
	}
	// rank − 1 < 2^31 (the Rust side's MAX_PREFILL) and the prime < 2^32: no overflow.
	return (rank - 1) * zipfScatter % p
}
