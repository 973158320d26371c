package main

// Suite "ops": single-thread operations on map[uint64]uint64, mirroring the Rust ops suite.
//
// Every op walks the shared fixed-seed key stream (keys.go). A sample is one repetition:
// the stream is walked `loops` times, loops chosen so that a sample lasts at least
// -sample-ms, and the sample is the nanoseconds per operation. Only the operations are
// timed: building the map a pass needs (make, prefill) happens outside the clock.

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

// sink keeps results observable so the compiler cannot drop the work that made them.
var sink uint64

type opsConfig struct {
	sizes      []int
	reps       int
	bigReps    int // reps for sizes above bigSize, where one pass is already long
	bigSize    int
	sampleTime time.Duration
	noise      float64
}

// opsEnv is what every op of one size shares: the keys and the stream order.
type opsEnv struct {
	n        int
	order    []uint32 // accessOrder(n)
	hitKeys  []uint64 // key(order[i])
	missKeys []uint64 // key(n + order[i])
	hitSum   uint64   // sum of the values 0..n-1 (wrapping)
}

func newOpsEnv(n int) *opsEnv {
	e := &opsEnv{n: n, order: accessOrder(n)}
	e.hitKeys = make([]uint64, n)
	e.missKeys = make([]uint64, n)
	for i, o := range e.order {
		e.hitKeys[i] = key(uint64(o))
		e.missKeys[i] = key(uint64(n) + uint64(o))
	}
	nn := uint64(n)
	if nn%2 == 0 {
		e.hitSum = (nn / 2) * (nn - 1)
	} else {
		e.hitSum = nn * ((nn - 1) / 2)
	}
	return e
}

// prefill builds the map of keys key(0..n) with value = index, in index order.
func (e *opsEnv) prefill() map[uint64]uint64 {
	m := make(map[uint64]uint64, e.n)
	for i := 0; i < e.n; i++ {
		m[key(uint64(i))] = uint64(i)
	}
	return m
}

// checkContents verifies len == n and reads back up to 4096 evenly spaced keys.
func (e *opsEnv) checkContents(m map[uint64]uint64) string {
	if len(m) != e.n {
		return fmt.Sprintf("len %d after inserting %d keys", len(m), e.n)
	}
	step := e.n / 4096
	if step < 1 {
		step = 1
	}
	for i := 0; i < e.n; i += step {
		v, ok := m[key(uint64(i))]
		if !ok {
			return fmt.Sprintf("key(%d) missing", i)
		}
		if v != uint64(i) {
			return fmt.Sprintf("key(%d) reads %d, want %d", i, v, i)
		}
	}
	return ""
}

// onePass runs one pass of an op and returns the time of its timed part and a validation
// error ("" when fine).
type passFn func() (time.Duration, string)

// measure runs warm-up/calibration, then reps samples of `loops` passes each.
func measure(cfg *opsConfig, n int, pass passFn) (samples []float64, loops int, errMsg string) {
	reps := cfg.reps
	loops = 1
	if n > cfg.bigSize {
		// One pass of a big map lasts far more than a sample needs; skip the warm-up pass
		// and take fewer repetitions to keep the whole run short.
		reps = cfg.bigReps
	} else {
		d, e := pass() // warm-up, and the calibration of loops
		if e != "" {
			return nil, 1, e
		}
		if d <= 0 {
			d = time.Microsecond
		}
		if d < cfg.sampleTime {
			loops = int((cfg.sampleTime + d - 1) / d)
		}
	}
	for r := 0; r < reps; r++ {
		runtime.GC()
		var total time.Duration
		for l := 0; l < loops; l++ {
			d, e := pass()
			if e != "" {
				errMsg = e
			}
			total += d
		}
		samples = append(samples, float64(total.Nanoseconds())/float64(n*loops))
	}
	return samples, loops, errMsg
}

func runOps(cfg *opsConfig, id *identity) []row {
	var rows []row
	for _, n := range cfg.sizes {
		e := newOpsEnv(n)
		shared := e.prefill() // the map get_hit and get_miss read
		ops := []struct {
			name string
			pass passFn
		}{
			{"get_hit", func() (time.Duration, string) {
				var sum uint64
				keys := e.hitKeys
				t0 := time.Now()
				for _, k := range keys {
					sum += shared[k]
				}
				d := time.Since(t0)
				sink += sum
				if sum != e.hitSum {
					return d, fmt.Sprintf("get_hit checksum %d, want %d", sum, e.hitSum)
				}
				return d, ""
			}},
			{"get_miss", func() (time.Duration, string) {
				found := 0
				keys := e.missKeys
				t0 := time.Now()
				for _, k := range keys {
					if _, ok := shared[k]; ok {
						found++
					}
				}
				d := time.Since(t0)
				if found != 0 {
					return d, fmt.Sprintf("get_miss found %d of %d absent keys", found, n)
				}
				return d, ""
			}},
			{"insert_presized", func() (time.Duration, string) {
				m := make(map[uint64]uint64, n)
				keys, order := e.hitKeys, e.order
				t0 := time.Now()
				for i, k := range keys {
					m[k] = uint64(order[i])
				}
				d := time.Since(t0)
				return d, e.checkContents(m)
			}},
			{"insert_grow", func() (time.Duration, string) {
				m := make(map[uint64]uint64)
				keys, order := e.hitKeys, e.order
				t0 := time.Now()
				for i, k := range keys {
					m[k] = uint64(order[i])
				}
				d := time.Since(t0)
				return d, e.checkContents(m)
			}},
			{"remove", func() (time.Duration, string) {
				m := e.prefill()
				keys := e.hitKeys
				t0 := time.Now()
				for _, k := range keys {
					delete(m, k)
				}
				d := time.Since(t0)
				if len(m) != 0 {
					return d, fmt.Sprintf("len %d after removing all %d keys", len(m), n)
				}
				return d, ""
			}},
		}
		for _, op := range ops {
			runtime.GC()
			a := takeCPUSnap()
			t0 := time.Now()
			samples, loops, errMsg := measure(cfg, n, op.pass)
			b := takeCPUSnap()
			r := newRow("ops", id.mapName, op.name, uint64(n), 1, "-", unitNs, samples)
			id.annotate(&r)
			r.Extra["loops_per_sample"] = loops
			r.Extra["reps"] = len(samples)
			markNoise(&r, a, b, cfg.noise)
			if errMsg != "" {
				r.invalidate(errMsg)
			}
			if len(samples) == 0 {
				r.invalidate("no samples")
			}
			status := "ok"
			if !r.Valid {
				status = "INVALID: " + errMsg
			}
			fmt.Fprintf(os.Stderr, "  ops %-16s n=%-8d median %8.2f ns/op  (%d x %d passes, %.1fs) %s\n",
				op.name, n, r.Median, len(samples), loops, time.Since(t0).Seconds(), status)
			rows = append(rows, r)
		}
		shared = nil
		runtime.GC()
	}
	return rows
}
