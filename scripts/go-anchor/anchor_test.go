package main

import (
	"strings"
	"testing"
)

func TestSelftest(t *testing.T) {
	if err := selftest(); err != nil {
		t.Fatal(err)
	}
}

// Every workload on both contenders, two threads, small prefill: every outcome must match
// what the stream expects.
func TestStreamOutcomes(t *testing.T) {
	for _, w := range workloads {
		p := uint64(256)
		if w.emptyStart {
			p = 0
		}
		for _, ct := range contenders(&identity{mapName: "m", syncMapName: "s"}) {
			streams := []*stream{genStream(w, p, 0, 5000), genStream(w, p, 1, 5000)}
			_, m, obs := runOnce(ct, w, p, streams)
			if e := validate(m, p, streams, obs); e != "" {
				t.Fatalf("%s %s: %s", w.name, ct.name, e)
			}
		}
	}
}

func TestValidationCatchesALostKey(t *testing.T) {
	w := workloads[0]
	ct := contenders(&identity{mapName: "m", syncMapName: "s"})[0]
	streams := []*stream{genStream(w, 256, 0, 1000)}
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
