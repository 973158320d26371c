package main

// A port of src/harness/workloads/keys.rs: the fixed-seed keys and the access order every suite walks.
// It must produce the very same numbers as the Rust side; `-selftest` checks the pinned values.

import "math/bits"

const (
	keySeed   uint64 = 0x243F6A8885A308D3 // KEY_SEED in keys.rs
	orderSeed uint64 = 0x13198A2E03707344 // ORDER_SEED in keys.rs
	golden    uint64 = 0x9E3779B97F4A7C15
)

// mix64 is the splitmix64 finalizer: a bijection on uint64.
func mix64(x uint64) uint64 {
	z := x + golden
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// key is the i-th key of every run; distinct for distinct i.
func key(i uint64) uint64 { return mix64(i ^ keySeed) }

// splitMix64 is a splitmix64 stream (SplitMix64 in keys.rs).
type splitMix64 struct{ state uint64 }

func (r *splitMix64) next() uint64 {
	r.state += golden
	z := r.state
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// below returns a number in 0..bound by multiply-high, without rejection (as keys.rs).
func (r *splitMix64) below(bound uint64) uint64 {
	hi, _ := bits.Mul64(r.next(), bound)
	return hi
}

// accessOrder is the Fisher–Yates shuffle of 0..n every single-thread suite walks.
func accessOrder(n int) []uint32 {
	order := make([]uint32, n)
	for i := range order {
		order[i] = uint32(i)
	}
	rng := splitMix64{orderSeed}
	for i := n - 1; i >= 1; i-- {
		j := rng.below(uint64(i) + 1)
		order[i], order[j] = order[j], order[i]
	}
	return order
}

// shuffledKeys is key(i) for every i of accessOrder(n).
func shuffledKeys(n int) []uint64 {
	order := accessOrder(n)
	ks := make([]uint64, n)
	for i, o := range order {
		ks[i] = key(uint64(o))
	}
	return ks
}
