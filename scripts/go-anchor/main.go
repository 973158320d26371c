// Command go-anchor measures the Go runtime's own maps, so that gomap-bench's Rust port of
// the Go map has real Go numbers beside it, on the same machine, keys and access order.
//
// It writes one results document (schema v1, src/results/schema.rs) with two suites:
// "ops" (single-thread map[uint64]uint64 operations, ns/op) and "contention"
// (map+RWMutex and sync.Map under mixed workloads, Mops/s). With -detect it writes the suite
// "detection" instead: how often the runtime's concurrent-write detector fires (detect.go).
// See README.md.
//
//	go-anchor [-quick] [-sizes 1024,65536] [-reps 5] [-threads 1,2] [-dists uniform,zipf] [-out FILE]
//	go-anchor -detect [-runs 300] [-detect-programs same-keys,...] [-out FILE]
//	go-anchor -selftest [-check-stream FILE]
//	go-anchor -merge OUT IN...
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
)

// identity is which Go map this binary measures, and the names its rows carry.
type identity struct {
	goVersion    string // runtime.Version(), e.g. go1.22.10
	goExperiment string // GOEXPERIMENT the binary was built with ("" for the default)
	variant      string // classic, swiss or noswiss
	mapName      string // e.g. "go1.22 map", "go1.25 swiss map"
	syncMapName  string // e.g. "go1.22 sync.Map", "go1.25 swiss sync.Map"
	thp          string
}

func (id *identity) annotate(r *row) {
	r.Extra["go_version"] = id.goVersion
	r.Extra["goexperiment"] = id.goExperiment
	r.Extra["map_variant"] = id.variant
	r.Extra["thp"] = id.thp
}

// minorVersion is the "1.22" of "go1.22.10" (also of "go1.26rc1"); "" when unparsable.
func minorVersion(v string) (string, int) {
	v = strings.TrimPrefix(v, "go")
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return "", 0
	}
	minor := parts[1]
	for i, c := range minor {
		if c < '0' || c > '9' {
			minor = minor[:i]
			break
		}
	}
	m, err := strconv.Atoi(minor)
	if err != nil {
		return "", 0
	}
	return parts[0] + "." + minor, m
}

// buildGoExperiment is the GOEXPERIMENT recorded in the binary's build info.
func buildGoExperiment() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "GOEXPERIMENT" {
				return s.Value
			}
		}
	}
	return ""
}

// newIdentity derives the map variant from the toolchain and GOEXPERIMENT: swiss tables
// are the default from go1.24, and GOEXPERIMENT=noswissmap turns them off (1.24, 1.25).
// A -variant that disagrees is an error, so a mislabelled run cannot happen.
func newIdentity(name, variantFlag string) (*identity, error) {
	id := &identity{goVersion: runtime.Version(), goExperiment: buildGoExperiment(), thp: thpMode()}
	short, minor := minorVersion(id.goVersion)
	switch {
	case short == "":
		id.variant = "unknown"
	case minor < 24:
		id.variant = "classic"
	case strings.Contains(id.goExperiment, "noswissmap"):
		id.variant = "noswiss"
	default:
		id.variant = "swiss"
	}
	if variantFlag != "" && variantFlag != id.variant {
		return nil, fmt.Errorf("-variant %s, but %s built with GOEXPERIMENT=%q runs the %s map",
			variantFlag, id.goVersion, id.goExperiment, id.variant)
	}
	if name == "" {
		name = "go" + short + " map"
		if id.variant == "swiss" || id.variant == "noswiss" {
			name = "go" + short + " " + id.variant + " map"
		}
	}
	id.mapName = name
	id.syncMapName = strings.TrimSuffix(name, " map") + " sync.Map"
	return id, nil
}

// Pinned from the Rust side (`gomap-bench stream --workload read-heavy --dist zipf --size 65536
// --thread T --ops 64`; src/harness/workloads/stream.rs' test `zipf_keys_are_pinned` asserts the same values):
// the keys of the first eight reads or updates of thread 0 and thread 1. key(0) =
// 3220344897584144929 is rank 1, the hottest key.
var wantZipf = [2][]uint64{
	{3113907389814643149, 13603771152559425386, 17804046160487981943, 3220344897584144929, 770187764175423830, 3220344897584144929, 2118790183301078950, 13992914976326373339},
	{16881822020716400743, 2088018181162293423, 1771377155789698726, 17070264542101610730, 3220344897584144929, 16752792218731576876, 14900510757263004867, 10053414570705956442},
}

// selftest checks the key port against the values pinned from src/harness/workloads/keys.rs and
// src/harness/workloads/workload.rs.
func selftest() error {
	wantKeys := []uint64{3220344897584144929, 17135239835083093536, 17083724223704145998}
	for i, w := range wantKeys {
		if got := key(uint64(i)); got != w {
			return fmt.Errorf("key(%d) = %d, want %d", i, got, w)
		}
	}
	wantOrder := []uint32{0, 5, 8, 1, 3, 6, 4, 7, 9, 2}
	if got := accessOrder(10); fmt.Sprint(got) != fmt.Sprint(wantOrder) {
		return fmt.Errorf("access_order(10) = %v, want %v", got, wantOrder)
	}
	wantShuffled := []uint64{17083724223704145998, 17135239835083093536, 17969970338803906400, 3220344897584144929}
	if got := shuffledKeys(4); fmt.Sprint(got) != fmt.Sprint(wantShuffled) {
		return fmt.Errorf("shuffled_keys(4) = %v, want %v", got, wantShuffled)
	}
	// The contention stream must be a pure function of (workload, P, thread, length):
	// a shorter stream is a prefix of a longer one.
	for _, dist := range []string{distUniform, distZipf} {
		a, b := genStream(workloads[1], dist, 1<<16, 1, 100), genStream(workloads[1], dist, 1<<16, 1, 1000)
		for i := range a.keys {
			if a.keys[i] != b.keys[i] || a.kinds[i] != b.kinds[i] {
				return fmt.Errorf("%s contention stream is not prefix-stable at op %d", dist, i)
			}
		}
	}
	// Zipf: the same targets as the Rust side, and the same kinds as under uniform.
	for t, want := range wantZipf {
		s := genStream(workloads[0], distZipf, 1<<16, t, 64)
		var got []uint64
		for i, k := range s.kinds {
			if (k == opRead || k == opUpdate) && len(got) < len(want) {
				got = append(got, s.keys[i])
			}
		}
		for i, w := range want {
			if i >= len(got) || got[i] != w {
				return fmt.Errorf("zipf: thread %d read %d: want key %d, got %v", t, i, w, got)
			}
		}
	}
	u, z := genStream(workloads[1], distUniform, 1<<16, 0, 1000), genStream(workloads[1], distZipf, 1<<16, 0, 1000)
	for i := range u.kinds {
		if u.kinds[i] != z.kinds[i] {
			return fmt.Errorf("zipf changes the kind of op %d", i)
		}
	}
	return nil
}

func parseInts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		var v int
		var err error
		if strings.HasPrefix(f, "2^") {
			var e int
			e, err = strconv.Atoi(f[2:])
			v = 1 << uint(e)
		} else {
			v, err = strconv.Atoi(f)
		}
		if err != nil || v <= 0 {
			return nil, fmt.Errorf("bad number %q", f)
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty list")
	}
	return out, nil
}

func main() {
	var (
		name            = flag.String("name", "", `map name for the rows, e.g. "go1.22 map" (default: from runtime.Version() and the variant); contention rows use NAME+"+RWMutex" and the name with " map" replaced by " sync.Map"`)
		variant         = flag.String("variant", "", "assert the map variant: classic, swiss or noswiss (derived from the toolchain and GOEXPERIMENT)")
		quick           = flag.Bool("quick", false, "small sizes, 2 reps, short samples: a smoke test of a few seconds")
		sizesFlag       = flag.String("sizes", "1024,65536,1048576,8388608", "ops suite: map sizes (N or 2^K), comma separated")
		reps            = flag.Int("reps", 5, "ops suite: repetitions (samples) per cell")
		bigReps         = flag.Int("big-reps", 3, "ops suite: repetitions for sizes above -big-size (one pass there is long)")
		bigSize         = flag.Int("big-size", 1<<21, "ops suite: sizes above this take -big-reps and no warm-up pass")
		sampleMs        = flag.Float64("sample-ms", 50, "ops suite: minimum duration of one sample; small maps walk the key stream several times")
		threadsFlag     = flag.String("threads", "1,2", "contention suite: thread counts")
		prefill         = flag.Int("prefill", 1<<16, "contention suite: prefilled entries P (rapid-grow always starts empty)")
		cReps           = flag.Int("creps", 3, "contention suite: repetitions (samples) per cell")
		secs            = flag.Float64("secs", 1.0, "contention suite: target wall time of one cell, all reps together")
		opsPerThr       = flag.Int("ops", 0, "contention suite: ops per thread per rep (0: calibrated from -secs)")
		suites          = flag.String("suites", "ops,contention", "suites to run")
		noise           = flag.Float64("noise-cores", 0.3, "mark a row noisy when other processes kept more than this many cores busy during it")
		out             = flag.String("out", "", "write the results here (temp file + rename); default stdout")
		gitRev          = flag.String("git-rev", "unknown", "git revision to record")
		gitDirty        = flag.Bool("git-dirty", false, "record the work tree as dirty")
		doSelftest      = flag.Bool("selftest", false, "check the key generator against the Rust reference values and exit")
		checkStream     = flag.String("check-stream", "", "with -selftest: also compare with an op stream printed by `gomap-bench stream` (FILE)")
		distsFlag       = flag.String("dists", "uniform,zipf", "contention suite: key distributions of reads and updates")
		doDetect        = flag.Bool("detect", false, "run the detection suite (racy programs, each -runs times as a child process) instead of ops/contention")
		detectChildName = flag.String("detect-child", "", "internal: run one detection program once and print its outcome")
		detectIdentity  = flag.Bool("detect-identity", false, "internal: print this build's Go version and map variant as JSON")
		detectBins      = flag.String("detect-bins", "", "detection suite: go-anchor binaries (comma separated) whose children to run, interleaved run by run (default: this one)")
		runs            = flag.Int("runs", 300, "detection suite: runs per program")
		detectProgs     = flag.String("detect-programs", "all", "detection suite: programs (same-keys, same-keys-grow, writer-reader, disjoint-keys)")
		detectTimeout   = flag.Float64("detect-timeout", 10, "detection suite: seconds before a run counts as hung and is killed")
		doMerge         = flag.Bool("merge", false, "merge result files: -merge OUT IN...")
	)
	flag.Parse()

	if *detectChildName != "" {
		os.Exit(detectChild(*detectChildName))
	}
	if *doMerge {
		args := flag.Args()
		if len(args) < 2 {
			fmt.Fprintln(os.Stderr, "usage: go-anchor -merge OUT IN...")
			os.Exit(2)
		}
		if err := merge(args[0], args[1:]); err != nil {
			fmt.Fprintln(os.Stderr, "merge:", err)
			os.Exit(1)
		}
		return
	}
	id, err := newIdentity(*name, *variant)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if err := selftest(); err != nil {
		fmt.Fprintf(os.Stderr, "selftest FAILED (%s): %v\n", id.goVersion, err)
		os.Exit(1)
	}
	if *detectIdentity {
		printIdentity(id)
		return
	}
	if *doSelftest {
		extra := ""
		if *checkStream != "" {
			n, err := checkStreamFile(*checkStream)
			if err != nil {
				fmt.Fprintf(os.Stderr, "selftest FAILED (%s): %s: %v\n", id.goVersion, *checkStream, err)
				os.Exit(1)
			}
			extra = fmt.Sprintf(", %d ops of %s equal to the Rust stream", n, *checkStream)
		}
		fmt.Fprintf(os.Stderr, "selftest ok: %s, %s map, GOEXPERIMENT=%q%s\n", id.goVersion, id.variant, id.goExperiment, extra)
		return
	}

	set := map[string]bool{}
	flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *quick {
		if !set["sizes"] {
			*sizesFlag = "1024,16384"
		}
		if !set["reps"] {
			*reps = 2
		}
		if !set["creps"] {
			*cReps = 2
		}
		if !set["sample-ms"] {
			*sampleMs = 10
		}
		if !set["secs"] {
			*secs = 0.1
		}
		if !set["prefill"] {
			*prefill = 1 << 12
		}
		if !set["runs"] {
			*runs = 20
		}
	}
	sizes, err := parseInts(*sizesFlag)
	if err != nil {
		fmt.Fprintln(os.Stderr, "-sizes:", err)
		os.Exit(2)
	}
	threads, err := parseInts(*threadsFlag)
	if err != nil {
		fmt.Fprintln(os.Stderr, "-threads:", err)
		os.Exit(2)
	}
	if *reps < 1 || *bigReps < 1 || *cReps < 1 || *prefill < 0 || *secs <= 0 || *runs < 1 || *detectTimeout <= 0 {
		fmt.Fprintln(os.Stderr, "-reps, -big-reps, -creps, -runs must be >= 1, -prefill >= 0, -secs and -detect-timeout > 0")
		os.Exit(2)
	}
	var dists []string
	for _, d := range strings.Split(*distsFlag, ",") {
		switch d = strings.TrimSpace(d); d {
		case distUniform, distZipf:
			dists = append(dists, d)
		case "":
		default:
			fmt.Fprintf(os.Stderr, "-dists: unknown distribution %q (known: uniform, zipf)\n", d)
			os.Exit(2)
		}
	}
	if len(dists) == 0 {
		fmt.Fprintln(os.Stderr, "-dists: empty list")
		os.Exit(2)
	}
	programs, err := parsePrograms(*detectProgs)
	if err != nil {
		fmt.Fprintln(os.Stderr, "-detect-programs:", err)
		os.Exit(2)
	}

	flags := map[string]interface{}{}
	flag.VisitAll(func(f *flag.Flag) { flags[f.Name] = f.Value.String() })
	doc := results{
		SchemaVersion: schemaVersion,
		Run: runInfo{
			Timestamp:   time.Now().UTC().Format(time.RFC3339),
			GitRevision: *gitRev,
			GitDirty:    *gitDirty,
			Rustc:       "",
			Profile:     "go",
			Rustflags:   "",
			Machine:     machineInfo(),
			Hasher:      "go runtime (aeshash)",
			Allocator:   "go runtime",
			Config: map[string]interface{}{
				"command":      "go-anchor",
				"args":         os.Args[1:],
				"go_version":   id.goVersion,
				"goexperiment": id.goExperiment,
				"map_variant":  id.variant,
				"map_name":     id.mapName,
				"gomaxprocs":   runtime.GOMAXPROCS(0),
				"flags":        flags,
				"notes": []string{
					"contention: zipf is the Rust side's sampler ported (zipf.go), checked against the Rust stream by -selftest",
					"contention: goroutines are locked to OS threads but not pinned to cores (the standard library cannot)",
				},
			},
		},
		Rows: []row{},
	}

	fmt.Fprintf(os.Stderr, "go-anchor: %s (%s map, GOEXPERIMENT=%q), THP %s\n", id.goVersion, id.variant, id.goExperiment, id.thp)
	start := time.Now()
	suiteList := strings.Split(*suites, ",")
	if *doDetect {
		suiteList = []string{"detection"}
	}
	for _, s := range suiteList {
		switch strings.TrimSpace(s) {
		case "ops":
			cfg := &opsConfig{sizes: sizes, reps: *reps, bigReps: *bigReps, bigSize: *bigSize,
				sampleTime: time.Duration(*sampleMs * float64(time.Millisecond)), noise: *noise}
			doc.Rows = append(doc.Rows, runOps(cfg, id)...)
		case "contention":
			cfg := &contentionConfig{threads: threads, dists: dists, prefill: uint64(*prefill), reps: *cReps,
				secs: *secs, opsPerThread: *opsPerThr, noise: *noise}
			doc.Rows = append(doc.Rows, runContention(cfg, id)...)
		case "detection":
			cfg := &detectConfig{runs: *runs, programs: programs,
				timeout: time.Duration(*detectTimeout * float64(time.Second))}
			var targets []detectTarget
			if *detectBins == "" {
				self, err := os.Executable()
				if err != nil {
					fmt.Fprintln(os.Stderr, "detection:", err)
					os.Exit(1)
				}
				targets = []detectTarget{{self, id}}
			} else {
				for _, b := range strings.Split(*detectBins, ",") {
					tid, err := identityOf(strings.TrimSpace(b))
					if err != nil {
						fmt.Fprintln(os.Stderr, "detection:", err)
						os.Exit(2)
					}
					targets = append(targets, detectTarget{strings.TrimSpace(b), tid})
				}
			}
			var builds []map[string]string
			for _, t := range targets {
				builds = append(builds, map[string]string{"binary": filepath.Base(t.bin), "go_version": t.id.goVersion,
					"goexperiment": t.id.goExperiment, "map_variant": t.id.variant, "map_name": t.id.mapName})
			}
			doc.Run.Config["detect_builds"] = builds
			doc.Run.Config["driver"] = "this binary runs the children of every build, interleaved; its own Go version is in go_version"
			doc.Rows = append(doc.Rows, runDetection(cfg, targets)...)
		case "":
		default:
			fmt.Fprintf(os.Stderr, "unknown suite %q\n", s)
			os.Exit(2)
		}
	}
	invalid := 0
	for _, r := range doc.Rows {
		if !r.Valid {
			invalid++
		}
	}
	fmt.Fprintf(os.Stderr, "go-anchor: %s: %d rows, %d invalid, %.1fs\n", id.mapName, len(doc.Rows), invalid, time.Since(start).Seconds())
	if err := writeJSON(*out, doc); err != nil {
		fmt.Fprintln(os.Stderr, "write:", err)
		os.Exit(1)
	}
	if invalid > 0 {
		os.Exit(3)
	}
}
