package main

// Suite "detection": how often Go's `concurrent map writes` detector fires, measured.
//
// Four small racy programs (detectPrograms), each run many times as a separate process
// (a fatal error kills the process: it cannot be caught, so every run is its own child):
//
//	same-keys       two goroutines each write keys 0..999 into one map (the classic example)
//	same-keys-grow  the same with 2^16 keys: the map grows while both write
//	writer-reader   one goroutine writes keys 0..999, another reads them until it is done
//	disjoint-keys   two goroutines write keys 0..999 and 1000..1999
//
// Every map is make(map[uint64]uint64) without a size hint, both goroutines are released by
// one spin barrier (so they overlap from the first write, whatever the scheduler does), and
// the child runs with GOMAXPROCS=2. A child that finishes prints its map's len and how many
// of the keys it wrote are missing. The parent classifies each run by exit status and stderr:
// died with `concurrent map writes`, died with `concurrent map read and map write`, died
// otherwise (message kept), hung (killed after -detect-timeout), or finished (with a wrong
// len, with lost keys, or intact). With GOTRACEBACK=system the dying goroutine's runtime
// frames are printed, so each detection also records which runtime function and source line
// called fatal: the entry check or the exit check (results/asm/README-go.md has both lines).

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Go's messages, word for word.
const (
	msgWrites    = "concurrent map writes"
	msgReadWrite = "concurrent map read and map write"
)

type detectProgram struct {
	name string
	keys int // keys each goroutine touches
	desc string
	run  func(keys int) (length, want, missing int)
}

var detectPrograms = []detectProgram{
	{"same-keys", 1000, "two goroutines each write keys 0..999 into one map", runSameKeys},
	{"same-keys-grow", 1 << 16, "two goroutines each write keys 0..2^16-1: the map grows while both write", runSameKeys},
	{"writer-reader", 1000, "one goroutine writes keys 0..999, the other reads keys 0..999 until the writer is done", runWriterReader},
	{"disjoint-keys", 1000, "two goroutines write keys 0..999 and 1000..1999", runDisjoint},
}

func findProgram(name string) (detectProgram, bool) {
	for _, p := range detectPrograms {
		if p.name == name {
			return p, true
		}
	}
	return detectProgram{}, false
}

// race runs a and b on two goroutines released together by a spin barrier.
func race(a, b func()) {
	var ready, gate int32
	var wg sync.WaitGroup
	wg.Add(2)
	for _, f := range []func(){a, b} {
		go func(f func()) {
			defer wg.Done()
			atomic.AddInt32(&ready, 1)
			for atomic.LoadInt32(&gate) == 0 {
			}
			f()
		}(f)
	}
	for atomic.LoadInt32(&ready) < 2 {
		runtime.Gosched()
	}
	atomic.StoreInt32(&gate, 1)
	wg.Wait()
}

// missingKeys counts keys lo..hi-1 that m does not hold.
func missingKeys(m map[uint64]uint64, lo, hi uint64) int {
	n := 0
	for k := lo; k < hi; k++ {
		if _, ok := m[k]; !ok {
			n++
		}
	}
	return n
}

func runSameKeys(keys int) (int, int, int) {
	m := make(map[uint64]uint64)
	w := func() {
		for k := uint64(0); k < uint64(keys); k++ {
			m[k] = k
		}
	}
	race(w, w)
	return len(m), keys, missingKeys(m, 0, uint64(keys))
}

func runWriterReader(keys int) (int, int, int) {
	m := make(map[uint64]uint64)
	var done int32
	race(func() {
		for k := uint64(0); k < uint64(keys); k++ {
			m[k] = k
		}
		atomic.StoreInt32(&done, 1)
	}, func() {
		var s uint64
		for atomic.LoadInt32(&done) == 0 {
			for k := uint64(0); k < uint64(keys) && atomic.LoadInt32(&done) == 0; k++ {
				s += m[k] // mapaccess1_fast64
			}
		}
		sink += s // ops.go's sink: the reader's loads stay
	})
	return len(m), keys, missingKeys(m, 0, uint64(keys))
}

func runDisjoint(keys int) (int, int, int) {
	m := make(map[uint64]uint64)
	k := uint64(keys)
	race(func() {
		for i := uint64(0); i < k; i++ {
			m[i] = i
		}
	}, func() {
		for i := k; i < 2*k; i++ {
			m[i] = i
		}
	})
	return len(m), 2 * keys, missingKeys(m, 0, 2*k)
}

// detectChild runs one program once and prints its outcome (the parent parses this line).
func detectChild(name string) int {
	p, ok := findProgram(name)
	if !ok {
		fmt.Fprintf(os.Stderr, "unknown detection program %q\n", name)
		return 2
	}
	length, want, missing := p.run(p.keys)
	fmt.Printf("finished len=%d want=%d missing=%d\n", length, want, missing)
	return 0
}

// ---- the parent: run each program N times, classify, tally -------------------------------

type runOutcome struct {
	kind    string // writes, read-write, other, hung, finished
	wrong   bool   // finished with len != want
	missing int    // finished: keys written but absent
	firedAt string // detections: "function file:line" that called fatal
	message string // other: the first fatal/panic/signal line
}

// classify reads one child's exit and output.
func classify(err error, timedOut bool, stdout, stderr []byte) runOutcome {
	if timedOut {
		return runOutcome{kind: "hung"}
	}
	if err == nil {
		var length, want, missing int
		line := strings.TrimSpace(string(stdout))
		if _, e := fmt.Sscanf(line, "finished len=%d want=%d missing=%d", &length, &want, &missing); e == nil {
			return runOutcome{kind: "finished", wrong: length != want, missing: missing}
		}
		return runOutcome{kind: "other", message: "exit 0 without a result line: " + firstLine(line)}
	}
	first := ""
	sc := bufio.NewScanner(bytes.NewReader(stderr))
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "fatal error: ") || strings.HasPrefix(l, "panic: ") ||
			strings.HasPrefix(l, "unexpected fault address") || strings.HasPrefix(l, "SIGSEGV") ||
			strings.HasPrefix(l, "fatal: ") {
			first = l
			break
		}
	}
	switch first {
	case "fatal error: " + msgWrites:
		return runOutcome{kind: "writes", firedAt: firedAt(lines)}
	case "fatal error: " + msgReadWrite:
		return runOutcome{kind: "read-write", firedAt: firedAt(lines)}
	}
	if first == "" {
		first = "exit: " + err.Error()
		if len(lines) > 0 {
			first += ": " + lines[0]
		}
	} else if strings.HasPrefix(first, "fatal error: ") {
		// A runtime throw (e.g. "bad map state": the map's own consistency checks tripping
		// over what the race left behind): where it was thrown.
		first += " @ " + firedAt(lines)
	}
	return runOutcome{kind: "other", message: first}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// firedAt finds, in the dying goroutine's trace (the first one printed), the frame that
// called fatal: "runtime.mapassign_fast64 map_fast64.go:102". Needs GOTRACEBACK=system
// (runtime frames are hidden from fatal's trace otherwise).
func firedAt(lines []string) string {
	for i := 0; i+3 < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "goroutine ") {
			continue
		}
		for j := i + 1; j+3 < len(lines) && lines[j] != ""; j += 2 {
			fn := lines[j]
			if k := strings.LastIndexByte(fn, '('); k > 0 {
				fn = fn[:k]
			}
			if isFatalFrame(fn) {
				// go1.24+: internal/runtime/maps.fatal is runtime's wrapper around fatal, so the
				// map function is the first frame that is not a fatal/throw frame.
				for j+5 < len(lines) && isFatalFrame(frameFunc(lines[j+2])) {
					j += 2
				}
				caller := lines[j+2]
				if k := strings.LastIndexByte(caller, '('); k > 0 {
					caller = caller[:k]
				}
				loc := strings.TrimSpace(lines[j+3])
				if k := strings.IndexByte(loc, ' '); k > 0 {
					loc = loc[:k]
				}
				if k := strings.LastIndexByte(loc, '/'); k >= 0 {
					loc = loc[k+1:]
				}
				return caller + " " + loc
			}
		}
		break
	}
	return "unknown"
}

func frameFunc(l string) string {
	if k := strings.LastIndexByte(l, '('); k > 0 {
		return l[:k]
	}
	return l
}

func isFatalFrame(fn string) bool {
	return fn == "runtime.fatal" || fn == "runtime.throw" || fn == "runtime.fatalthrow" ||
		strings.HasSuffix(fn, "maps.fatal") || fn == "runtime.maps_fatal"
}

type detectConfig struct {
	runs     int
	programs []detectProgram
	timeout  time.Duration
}

// wilson is the 95% Wilson score interval of k successes in n trials.
func wilson(k, n int) (float64, float64) {
	if n == 0 {
		return 0, 1
	}
	const z = 1.959963984540054
	p := float64(k) / float64(n)
	nn := float64(n)
	d := 1 + z*z/nn
	c := (p + z*z/(2*nn)) / d
	h := z * math.Sqrt(p*(1-p)/nn+z*z/(4*nn*nn)) / d
	return math.Max(0, c-h), math.Min(1, c+h)
}

// detectTarget is one Go build whose children are run: its binary and identity.
type detectTarget struct {
	bin string
	id  *identity
}

// tally is what one (build, program) cell saw.
type tally struct {
	counts, fired, others                map[string]int
	wrong, lost, corrupt, lostKeys, runs int
	elapsed                              time.Duration
}

func newTally() *tally {
	return &tally{counts: map[string]int{}, fired: map[string]int{}, others: map[string]int{}}
}

func (t *tally) add(o runOutcome, d time.Duration) {
	t.runs++
	t.elapsed += d
	t.counts[o.kind]++
	switch o.kind {
	case "writes", "read-write":
		t.fired[o.firedAt]++
	case "other":
		t.others[o.message]++
	case "finished":
		if o.wrong {
			t.wrong++
		}
		if o.missing > 0 {
			t.lost++
			t.lostKeys += o.missing
		}
		if o.wrong || o.missing > 0 {
			t.corrupt++
		}
	}
}

// identityOf asks a go-anchor binary which Go map it runs (-detect-identity).
func identityOf(bin string) (*identity, error) {
	out, err := exec.Command(bin, "-detect-identity").Output()
	if err != nil {
		return nil, fmt.Errorf("%s -detect-identity: %v", bin, err)
	}
	var j identityJSON
	if err := json.Unmarshal(out, &j); err != nil {
		return nil, fmt.Errorf("%s -detect-identity: %v", bin, err)
	}
	return &identity{goVersion: j.GoVersion, goExperiment: j.GoExperiment, variant: j.Variant,
		mapName: j.MapName, thp: j.THP}, nil
}

type identityJSON struct {
	GoVersion    string `json:"go_version"`
	GoExperiment string `json:"goexperiment"`
	Variant      string `json:"map_variant"`
	MapName      string `json:"map_name"`
	THP          string `json:"thp"`
}

func printIdentity(id *identity) {
	b, _ := json.Marshal(identityJSON{id.goVersion, id.goExperiment, id.variant, id.mapName, id.thp})
	fmt.Println(string(b))
}

// runDetection runs every program cfg.runs times on every target, interleaved: run r of
// program p goes through all builds (in an order rotated by r) before run r+1, so a change in
// the machine's load over the session falls on every build alike — the builds are compared
// with each other, not with different moments of the machine.
func runDetection(cfg *detectConfig, targets []detectTarget) []row {
	env := append(os.Environ(), "GOMAXPROCS=2", "GOTRACEBACK=system")
	cells := map[[2]int]*tally{}
	for ti := range targets {
		for pi := range cfg.programs {
			cells[[2]int{ti, pi}] = newTally()
		}
	}
	a := takeCPUSnap()
	t0 := time.Now()
	for r := 0; r < cfg.runs; r++ {
		for pi, p := range cfg.programs {
			for k := range targets {
				ti := (k + r) % len(targets)
				ctx, cancel := context.WithTimeout(context.Background(), cfg.timeout)
				cmd := exec.CommandContext(ctx, targets[ti].bin, "-detect-child", p.name)
				cmd.Env = env
				var out, errb bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &errb
				s := time.Now()
				err := cmd.Run()
				timedOut := errors.Is(ctx.Err(), context.DeadlineExceeded)
				cancel()
				cells[[2]int{ti, pi}].add(classify(err, timedOut, out.Bytes(), errb.Bytes()), time.Since(s))
			}
		}
		if (r+1)%50 == 0 || r+1 == cfg.runs {
			fmt.Fprintf(os.Stderr, "  detection: %d/%d rounds (%.0fs)\n", r+1, cfg.runs, time.Since(t0).Seconds())
		}
	}
	b := takeCPUSnap()
	oc, ocOK := otherCores(a, b)

	var rows []row
	for ti, tg := range targets {
		for pi, p := range cfg.programs {
			t := cells[[2]int{ti, pi}]
			rows = append(rows, detectionRow(tg.id, p, t, oc, ocOK, len(targets)))
		}
	}
	return rows
}

func detectionRow(id *identity, p detectProgram, t *tally, oc float64, ocOK bool, builds int) row {
	n := t.runs
	detected := t.counts["writes"] + t.counts["read-write"]
	frac := func(k int) float64 { return float64(k) / float64(n) }
	r := newRow("detection", id.mapName, p.name, uint64(p.keys), 2, "-", unitFraction, []float64{frac(detected)})
	id.annotate(&r)
	lo, hi := wilson(detected, n)
	fin := t.counts["finished"]
	r.Extra["program"] = p.desc
	r.Extra["value"] = "fraction of runs that died with concurrent map writes or concurrent map read and map write"
	r.Extra["runs"] = n
	r.Extra["detected"] = detected
	r.Extra["detected_ci95"] = []float64{round4(lo), round4(hi)}
	r.Extra["died_concurrent_map_writes"] = t.counts["writes"]
	r.Extra["died_concurrent_map_read_and_map_write"] = t.counts["read-write"]
	r.Extra["died_otherwise"] = t.counts["other"]
	r.Extra["hung"] = t.counts["hung"]
	r.Extra["finished"] = fin
	r.Extra["finished_fraction"] = frac(fin)
	r.Extra["finished_wrong_len"] = t.wrong
	r.Extra["finished_lost_keys"] = t.lost
	r.Extra["finished_wrong_len_or_lost_keys"] = t.corrupt
	if fin > 0 {
		r.Extra["finished_wrong_len_or_lost_keys_fraction"] = float64(t.corrupt) / float64(fin)
	}
	r.Extra["lost_keys_total"] = t.lostKeys
	r.Extra["fired_at"] = t.fired
	if len(t.others) > 0 {
		r.Extra["other_messages"] = t.others
	}
	r.Extra["gomaxprocs"] = 2
	r.Extra["gotraceback"] = "system"
	r.Extra["start"] = "spin barrier: both goroutines released together"
	r.Extra["interleaved"] = fmt.Sprintf("run r of every program went through all %d builds before run r+1", builds)
	r.Extra["mean_run_ms"] = round4(t.elapsed.Seconds() * 1000 / float64(n))
	if ocOK {
		// Over the whole interleaved session (the cells cannot be told apart): the cores other
		// processes kept busy while the children ran. Load lowers the overlap of the two
		// goroutines, so it lowers every rate; it is the same for every build here.
		r.Extra["other_cpu_cores_session"] = math.Round(oc*100) / 100
	}
	fmt.Fprintf(os.Stderr, "  detection %-15s %-19s %d runs: %d died (writes %d, read-write %d), %d other, %d hung, %d finished (%d wrong len, %d lost keys)\n",
		p.name, id.mapName, n, detected, t.counts["writes"], t.counts["read-write"], t.counts["other"], t.counts["hung"],
		fin, t.wrong, t.lost)
	keys := make([]string, 0, len(t.fired))
	for k := range t.fired {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(os.Stderr, "      fired at %-55s %d\n", k, t.fired[k])
	}
	return r
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func parsePrograms(s string) ([]detectProgram, error) {
	if s == "" || s == "all" {
		return detectPrograms, nil
	}
	var out []detectProgram
	for _, f := range strings.Split(s, ",") {
		p, ok := findProgram(strings.TrimSpace(f))
		if !ok {
			names := make([]string, len(detectPrograms))
			for i, p := range detectPrograms {
				names[i] = p.name
			}
			return nil, fmt.Errorf("unknown program %q (known: %s)", f, strings.Join(names, ", "))
		}
		out = append(out, p)
	}
	return out, nil
}
