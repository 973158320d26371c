package main

// Suite "contention": several goroutines, each locked to its own OS thread, run a
// pre-generated op stream against one shared map: map[uint64]uint64 behind a sync.RWMutex,
// and sync.Map. The workload spec is the Rust runner's (see README.md):
//
//   - prefill P entries key(0..P), value = index (rapid-grow: P = 0, no size hint);
//   - thread t draws its stream from SplitMix64(0x5851F42D4C957F2D ^ (t+1)): per op,
//     r = below(100) picks read / insert / remove / update by cumulative percentage;
//   - read and update target key(below(P)) (uniform), or under zipf key(index) for a rank
//     drawn from the Rust side's Zipf(P, 0.99) on a second stream
//     SplitMix64(0x2545F4914F6CDD1D ^ (t+1)) (zipf.go; below(P) is drawn and discarded, so
//     the kinds are the same under both): prefilled keys are never removed, so reads hit;
//     with P = 0 a read targets one of the thread's own live inserted keys
//     (j = oldest + below(live)), or key(0) – absent, an expected miss – while it has none;
//   - insert j of thread t inserts key(2^40 + t·2^32 + j) with value j;
//   - remove takes the thread's oldest still-present inserted key (FIFO); with none it removes
//     key(2^41 + t·2^32 + i), i the op's index in the stream, which is never present.
//
// Keys are thread-private for inserts and removes, so each op's outcome is known in advance.

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"
)

const streamSeed uint64 = 0x5851F42D4C957F2D

// maxOpsPerThread caps the calibrated stream length: 17 bytes an op, so 136 MiB a thread.
const maxOpsPerThread = 1 << 23

type workload struct {
	name                         string
	read, insert, remove, update uint64 // percentages, summing to 100
	emptyStart                   bool   // P = 0, map made without a size hint
}

var workloads = []workload{
	{"read-heavy", 98, 1, 1, 0, false},
	{"exchange", 10, 40, 40, 10, false},
	{"write-heavy", 50, 25, 25, 0, false},
	{"rapid-grow", 20, 80, 0, 0, true},
}

const (
	opRead uint8 = iota
	opInsert
	opRemove
	opUpdate
)

// stream is one thread's pre-generated ops and the outcome each one must have.
type stream struct {
	kinds []uint8
	keys  []uint64
	vals  []uint64 // value written (insert, update) or expected (read hit)

	reads, expHits, expMisses  int
	inserts, removes, updates  int
	expRemoved, expFailRemoves int
	liveFrom, liveTo           uint64 // the thread's inserted keys still present at the end: j in [liveFrom, liveTo)
}

func insKey(t int, j uint64) uint64    { return key(1<<40 + uint64(t)<<32 + j) }
func absentKey(t int, i uint64) uint64 { return key(1<<41 + uint64(t)<<32 + i) }

// Key distributions of reads and updates (the Rust side's Dist).
const (
	distUniform = "uniform"
	distZipf    = "zipf"
)

func genStream(w workload, dist string, p uint64, t, n int) *stream {
	s := &stream{kinds: make([]uint8, n), keys: make([]uint64, n), vals: make([]uint64, n)}
	rng := splitMix64{streamSeed ^ uint64(t+1)}
	zrng := splitMix64{zipfSeed ^ uint64(t+1)}
	var z *zipf
	if dist == distZipf && p > 0 {
		zz := newZipf(float64(p), zipfTheta)
		z = &zz
	}
	var head, tail uint64 // live own keys: j in [head, tail)
	for i := 0; i < n; i++ {
		r := rng.below(100)
		var kind uint8
		switch {
		case r < w.read:
			kind = opRead
		case r < w.read+w.insert:
			kind = opInsert
		case r < w.read+w.insert+w.remove:
			kind = opRemove
		default:
			kind = opUpdate
		}
		switch kind {
		case opRead, opUpdate:
			switch {
			case p > 0:
				idx := rng.below(p) // drawn under zipf too: the kinds stay the same
				if z != nil {
					idx = z.target(&zrng, p)
				}
				s.keys[i], s.vals[i] = key(idx), idx
				if kind == opRead {
					s.expHits++
				}
			case tail > head:
				j := head + rng.below(tail-head)
				s.keys[i], s.vals[i] = insKey(t, j), j
				if kind == opRead {
					s.expHits++
				}
			default: // nothing to target yet: a read of absent key(0); an update becomes that read
				kind = opRead
				s.keys[i] = key(0)
				s.expMisses++
			}
			if kind == opRead {
				s.reads++
			} else {
				s.updates++
			}
		case opInsert:
			s.keys[i], s.vals[i] = insKey(t, tail), tail
			tail++
			s.inserts++
		case opRemove:
			if tail > head {
				s.keys[i] = insKey(t, head)
				head++
				s.expRemoved++
			} else {
				s.keys[i] = absentKey(t, uint64(i))
				s.expFailRemoves++
			}
			s.removes++
		}
		s.kinds[i] = kind
	}
	s.liveFrom, s.liveTo = head, tail
	return s
}

// counts are what a thread observed.
type counts struct {
	hits, wrongValues, inserted, removed, updatedExisting int
}

// sharedMap is the contender surface: the two Go ways to share a map.
type sharedMap interface {
	run(s *stream) counts
	length() int
	get(k uint64) (uint64, bool)
}

type rwMap struct {
	mu sync.RWMutex
	m  map[uint64]uint64
}

func (c *rwMap) run(s *stream) (o counts) {
	for i, kind := range s.kinds {
		k, v := s.keys[i], s.vals[i]
		switch kind {
		case opRead:
			c.mu.RLock()
			got, ok := c.m[k]
			c.mu.RUnlock()
			if ok {
				o.hits++
				if got != v {
					o.wrongValues++
				}
			}
		case opInsert:
			c.mu.Lock()
			l := len(c.m)
			c.m[k] = v
			grew := len(c.m) > l
			c.mu.Unlock()
			if grew {
				o.inserted++
			}
		case opRemove:
			c.mu.Lock()
			l := len(c.m)
			delete(c.m, k)
			shrank := len(c.m) < l
			c.mu.Unlock()
			if shrank {
				o.removed++
			}
		case opUpdate:
			c.mu.Lock()
			l := len(c.m)
			c.m[k] = v
			same := len(c.m) == l
			c.mu.Unlock()
			if same {
				o.updatedExisting++
			}
		}
	}
	return o
}
func (c *rwMap) length() int { return len(c.m) }
func (c *rwMap) get(k uint64) (uint64, bool) {
	v, ok := c.m[k]
	return v, ok
}

// syncMap boxes keys and values in the timed loop: that allocation is part of what
// sync.Map costs with uint64 keys.
type syncMap struct{ m sync.Map }

func (c *syncMap) run(s *stream) (o counts) {
	for i, kind := range s.kinds {
		k, v := s.keys[i], s.vals[i]
		switch kind {
		case opRead:
			if got, ok := c.m.Load(k); ok {
				o.hits++
				if got.(uint64) != v {
					o.wrongValues++
				}
			}
		case opInsert:
			if _, loaded := c.m.LoadOrStore(k, v); !loaded {
				o.inserted++
			}
		case opRemove:
			if _, loaded := c.m.LoadAndDelete(k); loaded {
				o.removed++
			}
		case opUpdate:
			// sync.Map has no Swap before go1.20: the update is a plain Store, checked
			// through the final length (an update that inserted would show there).
			c.m.Store(k, v)
			o.updatedExisting++
		}
	}
	return o
}
func (c *syncMap) length() int {
	n := 0
	c.m.Range(func(_, _ interface{}) bool { n++; return true })
	return n
}
func (c *syncMap) get(k uint64) (uint64, bool) {
	v, ok := c.m.Load(k)
	if !ok {
		return 0, false
	}
	return v.(uint64), true
}

type contender struct {
	name string
	make func(w workload, p uint64) sharedMap
}

func contenders(id *identity) []contender {
	return []contender{
		{id.mapName + "+RWMutex", func(w workload, p uint64) sharedMap {
			c := &rwMap{}
			if w.emptyStart {
				c.m = make(map[uint64]uint64)
			} else {
				c.m = make(map[uint64]uint64, p)
			}
			for i := uint64(0); i < p; i++ {
				c.m[key(i)] = i
			}
			return c
		}},
		{id.syncMapName, func(w workload, p uint64) sharedMap {
			c := &syncMap{}
			for i := uint64(0); i < p; i++ {
				c.m.Store(key(i), i)
			}
			return c
		}},
	}
}

// runOnce runs every thread's stream once on a fresh map, returning wall time and counts.
func runOnce(ct contender, w workload, p uint64, streams []*stream) (time.Duration, sharedMap, []counts) {
	m := ct.make(w, p)
	runtime.GC()
	threads := len(streams)
	out := make([]counts, threads)
	var ready, done sync.WaitGroup
	start := make(chan struct{})
	ready.Add(threads)
	done.Add(threads)
	for t := 0; t < threads; t++ {
		go func(t int) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			ready.Done()
			<-start
			out[t] = m.run(streams[t])
			done.Done()
		}(t)
	}
	ready.Wait()
	t0 := time.Now()
	close(start)
	done.Wait()
	return time.Since(t0), m, out
}

// validate checks every count against the stream's expectation, the final length and a
// sample of keys read back.
func validate(m sharedMap, p uint64, streams []*stream, obs []counts) string {
	want := int(p)
	for t, s := range streams {
		o := obs[t]
		switch {
		case o.hits != s.expHits:
			return fmt.Sprintf("thread %d: %d read hits, want %d", t, o.hits, s.expHits)
		case o.wrongValues != 0:
			return fmt.Sprintf("thread %d: %d reads saw a wrong value", t, o.wrongValues)
		case o.inserted != s.inserts:
			return fmt.Sprintf("thread %d: %d inserts succeeded, want %d", t, o.inserted, s.inserts)
		case o.removed != s.expRemoved:
			return fmt.Sprintf("thread %d: %d removes succeeded, want %d", t, o.removed, s.expRemoved)
		case o.updatedExisting != s.updates:
			return fmt.Sprintf("thread %d: %d updates found their key, want %d", t, o.updatedExisting, s.updates)
		}
		want += o.inserted - o.removed
	}
	if l := m.length(); l != want {
		return fmt.Sprintf("final len %d, want P + inserted - removed = %d", l, want)
	}
	step := p / 1024
	if step < 1 {
		step = 1
	}
	for i := uint64(0); i < p; i += step {
		if v, ok := m.get(key(i)); !ok || v != i {
			return fmt.Sprintf("prefilled key(%d) reads (%d, %v)", i, v, ok)
		}
	}
	for t, s := range streams {
		for j := s.liveFrom; j < s.liveTo; j += 1 + (s.liveTo-s.liveFrom)/256 {
			if v, ok := m.get(insKey(t, j)); !ok || v != j {
				return fmt.Sprintf("thread %d: live insert %d reads (%d, %v)", t, j, v, ok)
			}
		}
		for j := uint64(0); j < s.liveFrom; j += 1 + s.liveFrom/256 {
			if _, ok := m.get(insKey(t, j)); ok {
				return fmt.Sprintf("thread %d: removed insert %d still present", t, j)
			}
		}
	}
	return ""
}

type contentionConfig struct {
	threads      []int
	dists        []string // uniform, zipf
	prefill      uint64
	reps         int
	secs         float64 // target wall time of one cell, all reps together
	opsPerThread int     // 0: calibrated from a first run
	noise        float64
}

func runContention(cfg *contentionConfig, id *identity) []row {
	maxThreads := 1
	for _, t := range cfg.threads {
		if t > maxThreads {
			maxThreads = t
		}
	}
	prevProcs := runtime.GOMAXPROCS(maxThreads)
	defer runtime.GOMAXPROCS(prevProcs)
	fmt.Fprintf(os.Stderr, "  contention: GOMAXPROCS=%d, dists %v\n", maxThreads, cfg.dists)

	var rows []row
	for _, w := range workloads {
		p := cfg.prefill
		if w.emptyStart {
			p = 0
		}
		for _, dist := range cfg.dists {
			// With P = 0 reads target the thread's own inserts: the stream is the same under
			// every distribution, so rapid-grow runs once, under uniform (the label its rows
			// had before zipf existed; the Rust side labels it "-").
			if p == 0 && dist != distUniform {
				continue
			}
			for _, ct := range contenders(id) {
				for _, threads := range cfg.threads {
					rows = append(rows, contentionCell(cfg, id, ct, w, dist, p, threads))
				}
			}
		}
	}
	return rows
}

func contentionCell(cfg *contentionConfig, id *identity, ct contender, w workload, dist string, p uint64, threads int) row {
	gen := func(n int) []*stream {
		ss := make([]*stream, threads)
		for t := range ss {
			ss[t] = genStream(w, dist, p, t, n)
		}
		return ss
	}
	a := takeCPUSnap()
	t0 := time.Now()
	n := cfg.opsPerThread
	calibrated := false
	if n <= 0 {
		// Calibrate on a short run (which doubles as the warm-up): ops per thread such
		// that one rep lasts secs/reps.
		// A workload that starts empty slows down as its map grows, so it gets a second,
		// longer probe at a quarter of the first estimate.
		perRep := cfg.secs / float64(cfg.reps)
		estimate := func(probe int) int {
			d, _, _ := runOnce(ct, w, p, gen(probe))
			n := int(float64(probe) * perRep / d.Seconds())
			if n < 1<<12 {
				n = 1 << 12
			}
			if n > 1<<22 {
				n = 1 << 22
			}
			return n
		}
		n = estimate(1 << 15)
		if w.emptyStart && n > 1<<17 {
			n = estimate(n / 4)
		}
		calibrated = true
	}
	streams := gen(n)
	var samples []float64
	errMsg := ""
	for r := 0; r < cfg.reps; r++ {
		d, m, obs := runOnce(ct, w, p, streams)
		samples = append(samples, float64(n*threads)/d.Seconds()/1e6)
		if e := validate(m, p, streams, obs); e != "" && errMsg == "" {
			errMsg = fmt.Sprintf("rep %d: %s", r, e)
		}
	}
	b := takeCPUSnap()

	r := newRow("contention", ct.name, w.name, p, threads, dist, unitMops, samples)
	id.annotate(&r)
	var reads, hits, misses, inserts, removes, failRemoves, updates int
	for _, s := range streams {
		reads += s.reads
		hits += s.expHits
		misses += s.expMisses
		inserts += s.inserts
		removes += s.removes
		failRemoves += s.expFailRemoves
		updates += s.updates
	}
	hitRate := 1.0
	if reads > 0 {
		hitRate = float64(hits) / float64(reads)
	}
	r.Extra["pinned"] = false
	r.Extra["locked_os_thread"] = true
	r.Extra["gomaxprocs"] = runtime.GOMAXPROCS(0)
	r.Extra["ops_per_thread"] = n
	r.Extra["ops_per_thread_calibrated"] = calibrated
	r.Extra["reps"] = cfg.reps
	r.Extra["mix"] = fmt.Sprintf("read %d / insert %d / remove %d / update %d", w.read, w.insert, w.remove, w.update)
	r.Extra["read_hit_rate"] = hitRate
	r.Extra["reads"] = reads
	r.Extra["read_misses_expected"] = misses
	r.Extra["inserts"] = inserts
	r.Extra["removes"] = removes
	r.Extra["removes_of_absent_keys"] = failRemoves
	r.Extra["updates"] = updates
	markNoise(&r, a, b, cfg.noise)
	if errMsg != "" {
		r.invalidate(errMsg)
	}
	status := "ok"
	if !r.Valid {
		status = "INVALID: " + errMsg
	}
	fmt.Fprintf(os.Stderr, "  contention %-11s %-7s %-26s t=%d P=%-6d median %7.2f Mops/s  hit rate %.3f (%d expected misses)  %d ops/thread (%.1fs) %s\n",
		w.name, dist, ct.name, threads, p, r.Median, hitRate, misses, n, time.Since(t0).Seconds(), status)
	return r
}
