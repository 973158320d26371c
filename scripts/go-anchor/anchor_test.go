package main

import (
	"errors"
	"strings"
	"testing"
)

func TestSelftest(t *testing.T) {
	if err := selftest(); err != nil {
		t.Fatal(err)
	}
}

// Every workload on both contenders, both distributions, two threads, small prefill: every
// outcome must match what the stream expects.
func TestStreamOutcomes(t *testing.T) {
	for _, w := range workloads {
		p := uint64(256)
		if w.emptyStart {
			p = 0
		}
		for _, dist := range []string{distUniform, distZipf} {
			for _, ct := range contenders(&identity{mapName: "m", syncMapName: "s"}) {
				streams := []*stream{genStream(w, dist, p, 0, 5000), genStream(w, dist, p, 1, 5000)}
				_, m, obs := runOnce(ct, w, p, streams)
				if e := validate(m, p, streams, obs); e != "" {
					t.Fatalf("%s %s %s: %s", w.name, dist, ct.name, e)
				}
			}
		}
	}
}

// Zipf draws stay in range and are skewed: rank 1 (key(0)) is by far the hottest.
func TestZipfSkew(t *testing.T) {
	s := genStream(workloads[0], distZipf, 1<<16, 0, 100000)
	counts := map[uint64]int{}
	for i, k := range s.kinds {
		if k == opRead {
			counts[s.keys[i]]++
		}
	}
	if counts[key(0)] < 5000 {
		t.Fatalf("key(0) read %d times in 100000 zipf ops", counts[key(0)])
	}
}

// The parent's classification of a child's exit (the programs themselves are not run here:
// a detected race would kill the test binary).
func TestDetectionClassify(t *testing.T) {
	trace := []byte("fatal error: concurrent map writes\n\ngoroutine 7 gp=0x1 m=2 [running]:\n" +
		"runtime.fatal({0x538864?, 0x1?})\n\t/x/src/runtime/panic.go:1042 +0x5c fp=0x1\n" +
		"runtime.mapassign_fast64(0x516700, 0xc000014300, 0x0)\n\t/x/src/runtime/map_fast64.go:102 +0x4d fp=0x2\n" +
		"main.f()\n\t/y/detect.go:1 +0x1\n")
	o := classify(errExit, false, nil, trace)
	if o.kind != "writes" || o.firedAt != "runtime.mapassign_fast64 map_fast64.go:102" {
		t.Fatalf("classify: %+v", o)
	}
	if o := classify(nil, false, []byte("finished len=9 want=10 missing=1\n"), nil); o.kind != "finished" || !o.wrong || o.missing != 1 {
		t.Fatalf("classify finished: %+v", o)
	}
	if o := classify(errExit, false, nil, []byte("fatal error: concurrent map read and map write\n")); o.kind != "read-write" {
		t.Fatalf("classify read-write: %+v", o)
	}
	if o := classify(errExit, false, nil, []byte("fatal error: bad map state\n")); o.kind != "other" {
		t.Fatalf("classify other: %+v", o)
	}
	if o := classify(errExit, true, nil, nil); o.kind != "hung" {
		t.Fatalf("classify hung: %+v", o)
	}
}

var errExit = errors.New("exit status 2")

func TestValidationCatchesALostKey(t *testing.T) {
	w := workloads[0]
	ct := contenders(&identity{mapName: "m", syncMapName: "s"})[0]
	streams := []*stream{genStream(w, distUniform, 256, 0, 1000)}
	_, m, obs := runOnce(ct, w, 256, streams)
	delete(m.(*rwMap).m, key(0))
	if e := validate(m, 256, streams, obs); !strings.Contains(e, "final len") {
		t.Fatalf("a lost key went unnoticed: %q", e)
	}
}

func TestMinorVersion(t *testing.T) {
	if s, m := minorVersion("go1.25.5 X:noswissmap"); s != "1.25" || m != 25 {
		t.Fatalf("minorVersion: %q %d", s, m)
	}
	if s, m := minorVersion("go1.26rc1"); s != "1.26" || m != 26 {
		t.Fatalf("minorVersion: %q %d", s, m)
	}
}
