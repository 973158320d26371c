package main

// The results document, schema v1 (src/results/schema.rs): the same field names and order,
// so the Rust `compare` and plotting code read the Go anchor like any other run.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const schemaVersion = 1

type results struct {
	SchemaVersion int     `json:"schema_version"`
	Run           runInfo `json:"run"`
	Rows          []row   `json:"rows"`
}

type runInfo struct {
	Timestamp   string                 `json:"timestamp"`
	GitRevision string                 `json:"git_revision"`
	GitDirty    bool                   `json:"git_dirty"`
	Rustc       string                 `json:"rustc"`
	Profile     string                 `json:"profile"`
	Rustflags   string                 `json:"rustflags"`
	Machine     machine                `json:"machine"`
	Hasher      string                 `json:"hasher"`
	Allocator   string                 `json:"allocator"`
	Config      map[string]interface{} `json:"config"`
}

type machine struct {
	CPUModel  string `json:"cpu_model"`
	Cores     uint32 `json:"cores"`
	MemoryGiB uint32 `json:"memory_gib"`
	OS        string `json:"os"`
	Kernel    string `json:"kernel"`
	THP       string `json:"thp"`
	Governor  string `json:"governor"`
	ISA       string `json:"isa"`
}

type row struct {
	Suite     string                 `json:"suite"`
	Map       string                 `json:"map"`
	Op        string                 `json:"op"`
	Size      uint64                 `json:"size"`
	Threads   uint32                 `json:"threads"`
	Dist      string                 `json:"dist"`
	ISA       string                 `json:"isa"`
	Unit      string                 `json:"unit"`
	Direction string                 `json:"direction"`
	Samples   []float64              `json:"samples"`
	Median    float64                `json:"median"`
	Min       float64                `json:"min"`
	Max       float64                `json:"max"`
	Valid     bool                   `json:"valid"`
	Noisy     bool                   `json:"noisy"`
	Extra     map[string]interface{} `json:"extra,omitempty"`
}

const (
	unitNs   = "ns/op"
	unitMops = "Mops/s"
	// unitFraction is a rate in [0, 1] (suite detection). Its direction is recorded as
	// higher_is_better like every non-time unit; compare never judges a fraction.
	unitFraction = "fraction"
)

// newRow derives median, min, max and the direction from the samples, in one place
// (Row::from_samples in schema.rs).
func newRow(suite, mapName, op string, size uint64, threads int, dist, unit string, samples []float64) row {
	r := row{
		Suite: suite, Map: mapName, Op: op, Size: size, Threads: uint32(threads), Dist: dist,
		ISA: "go", Unit: unit, Samples: samples, Valid: true, Extra: map[string]interface{}{},
	}
	if unit == unitNs {
		r.Direction = "lower_is_better"
	} else {
		r.Direction = "higher_is_better"
	}
	r.Median, r.Min, r.Max = summarize(samples)
	return r
}

// summarize returns median, min and max. JSON has no NaN, so an empty set gives zeros
// (such a row is always marked invalid by its caller).
func summarize(samples []float64) (median, min, max float64) {
	if len(samples) == 0 {
		return 0, 0, 0
	}
	s := append([]float64(nil), samples...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		median = s[n/2]
	} else {
		median = (s[n/2-1] + s[n/2]) / 2
	}
	return median, s[0], s[n-1]
}

// invalidate marks a row failed; it stays in the output so the failure is seen.
func (r *row) invalidate(reason string) {
	if r.Valid {
		r.Valid = false
		r.Extra["validation_error"] = reason
	}
}

// ---- machine identity ------------------------------------------------------------------

func readTrim(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

func cpuinfoField(name string) string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == name {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// thpMode is the bracketed word of the transparent-huge-pages setting, or "unknown".
func thpMode() string {
	s := readTrim("/sys/kernel/mm/transparent_hugepage/enabled")
	if i := strings.Index(s, "["); i >= 0 {
		if j := strings.Index(s[i:], "]"); j > 0 {
			return s[i+1 : i+j]
		}
	}
	return "unknown"
}

// osPrettyName is PRETTY_NAME of /etc/os-release, as the Rust side records it (the machine
// identity that compare and merge check), or GOOS where that file is unreadable.
func osPrettyName() string {
	for _, l := range strings.Split(readTrim("/etc/os-release"), "\n") {
		if strings.HasPrefix(l, "PRETTY_NAME=") {
			return strings.Trim(strings.TrimPrefix(l, "PRETTY_NAME="), `"'`)
		}
	}
	return runtime.GOOS
}

func machineInfo() machine {
	m := machine{
		CPUModel: cpuinfoField("model name"),
		Cores:    uint32(runtime.NumCPU()),
		OS:       osPrettyName(),
		Kernel:   readTrim("/proc/sys/kernel/osrelease"),
		THP:      thpMode(),
		Governor: readTrim("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"),
		ISA:      "scalar",
	}
	if m.CPUModel == "" {
		m.CPUModel = "unknown"
	}
	if m.Governor == "" {
		m.Governor = "unknown"
	}
	for _, l := range strings.Split(readTrim("/proc/meminfo"), "\n") {
		if strings.HasPrefix(l, "MemTotal:") {
			f := strings.Fields(l)
			if len(f) >= 2 {
				kb, _ := strconv.ParseFloat(f[1], 64)
				m.MemoryGiB = uint32(math.Round(kb / (1 << 20)))
			}
		}
	}
	flags := " " + cpuinfoField("flags") + " "
	switch {
	case strings.Contains(flags, " avx512bw "):
		m.ISA = "avx512"
	case strings.Contains(flags, " avx2 "):
		m.ISA = "avx2"
	case strings.Contains(flags, " sse2 ") || runtime.GOARCH == "amd64":
		m.ISA = "sse2"
	}
	return m
}

// ---- noise: CPU used by other processes during a cell ------------------------------------

type cpuSnap struct {
	wall     time.Time
	busy     float64 // seconds of busy CPU on the whole machine (/proc/stat)
	self     float64 // seconds of CPU used by this process and its waited-for children
	readable bool
}

func takeCPUSnap() cpuSnap {
	s := cpuSnap{wall: time.Now()}
	line := strings.SplitN(readTrim("/proc/stat"), "\n", 2)[0]
	f := strings.Fields(line)
	if len(f) >= 9 && f[0] == "cpu" {
		// user nice system idle iowait irq softirq steal: busy = all but idle and iowait.
		var busy float64
		for i, v := range f[1:9] {
			if i == 3 || i == 4 {
				continue
			}
			x, _ := strconv.ParseFloat(v, 64)
			busy += x
		}
		s.busy = busy / 100 // USER_HZ is 100 on Linux
		s.readable = true
	}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		s.self = float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
	}
	// Children that have exited and been waited for (the detection suite's runs): our own work.
	if syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru) == nil {
		s.self += float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
	}
	return s
}

// otherCores is the average number of cores other processes kept busy between two snapshots.
func otherCores(a, b cpuSnap) (float64, bool) {
	wall := b.wall.Sub(a.wall).Seconds()
	if !a.readable || !b.readable || wall <= 0 {
		return 0, false
	}
	other := (b.busy - a.busy) - (b.self - a.self)
	if other < 0 {
		other = 0
	}
	return other / wall, true
}

// markNoise records the other processes' CPU use on a row and sets noisy above the threshold.
func markNoise(r *row, a, b cpuSnap, threshold float64) {
	if oc, ok := otherCores(a, b); ok {
		r.Extra["other_cpu_cores"] = math.Round(oc*100) / 100
		// /proc/stat counts in 10 ms ticks: below 0.2 s the estimate is too coarse to judge.
		r.Noisy = oc > threshold && b.wall.Sub(a.wall) >= 200*time.Millisecond
	}
}

// ---- output ----------------------------------------------------------------------------

// writeJSON writes the document to path atomically (temp file + rename), or to stdout for "" / "-".
func writeJSON(path string, doc interface{}) error {
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if path == "" || path == "-" {
		_, err = os.Stdout.Write(b)
		return err
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// merge joins the rows of several result files into one document. The run object is the
// first file's, with its config replaced by the list of every input's config; two rows with
// the same identity are an error (schema.rs: identities are unique within a file).
func merge(out string, inputs []string) error {
	if len(inputs) == 0 {
		return fmt.Errorf("merge: no input files")
	}
	var doc results
	var configs []interface{}
	seen := map[string]string{}
	for i, in := range inputs {
		b, err := os.ReadFile(in)
		if err != nil {
			return err
		}
		var r results
		if err := json.Unmarshal(b, &r); err != nil {
			return fmt.Errorf("%s: %v", in, err)
		}
		if r.SchemaVersion != schemaVersion {
			return fmt.Errorf("%s: schema_version %d, want %d", in, r.SchemaVersion, schemaVersion)
		}
		if i == 0 {
			doc.SchemaVersion = schemaVersion
			doc.Run = r.Run
			doc.Rows = []row{}
		}
		configs = append(configs, r.Run.Config)
		for _, rw := range r.Rows {
			id := fmt.Sprintf("%s/%s/%s/size=%d/threads=%d/%s/%s", rw.Suite, rw.Map, rw.Op, rw.Size, rw.Threads, rw.Dist, rw.ISA)
			if prev, dup := seen[id]; dup {
				return fmt.Errorf("row %s is in both %s and %s", id, prev, in)
			}
			seen[id] = in
			doc.Rows = append(doc.Rows, rw)
		}
	}
	doc.Run.Timestamp = time.Now().UTC().Format(time.RFC3339)
	names := make([]string, len(inputs))
	for i, in := range inputs {
		names[i] = filepath.Base(in)
	}
	doc.Run.Config = map[string]interface{}{"merged_from": names, "runs": configs}
	return writeJSON(out, doc)
}
