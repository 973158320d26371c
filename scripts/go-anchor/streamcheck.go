package main

// -check-stream: compare this port's contention op stream with one the Rust side printed
// (`gomap-bench stream`), op by op: the kind and the key. This is what makes "both languages
// draw the same keys" a checked fact rather than a claim, zipf included (zipf.go).
//
// The file: one header line `# workload=W dist=D size=P thread=T ops=N`, then one line per op,
// `<kind> <key>` with kind one of read, insert, remove, update and the key in decimal.

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

var kindNames = map[string]uint8{"read": opRead, "insert": opInsert, "remove": opRemove, "update": opUpdate}

// checkStreamFile returns the number of ops compared, or the first difference.
func checkStreamFile(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	if !sc.Scan() {
		return 0, fmt.Errorf("empty file")
	}
	hdr := map[string]string{}
	for _, field := range strings.Fields(strings.TrimPrefix(sc.Text(), "#")) {
		if k, v, ok := strings.Cut(field, "="); ok {
			hdr[k] = v
		}
	}
	var w *workload
	for i := range workloads {
		if workloads[i].name == hdr["workload"] {
			w = &workloads[i]
		}
	}
	if w == nil {
		return 0, fmt.Errorf("header: unknown workload %q", hdr["workload"])
	}
	dist := hdr["dist"]
	if dist != distUniform && dist != distZipf {
		return 0, fmt.Errorf("header: unknown dist %q", dist)
	}
	size, e1 := strconv.ParseUint(hdr["size"], 10, 64)
	t, e2 := strconv.Atoi(hdr["thread"])
	n, e3 := strconv.Atoi(hdr["ops"])
	if e1 != nil || e2 != nil || e3 != nil || n < 0 {
		return 0, fmt.Errorf("header: bad size, thread or ops in %q", sc.Text())
	}
	p := size
	if w.emptyStart {
		p = 0
	}
	s := genStream(*w, dist, p, t, n)
	i := 0
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 2 {
			return i, fmt.Errorf("line %d: want `<kind> <key>`, got %q", i+2, sc.Text())
		}
		kind, ok := kindNames[fields[0]]
		k, err := strconv.ParseUint(fields[1], 10, 64)
		if !ok || err != nil {
			return i, fmt.Errorf("line %d: bad op %q", i+2, sc.Text())
		}
		if i >= n {
			return i, fmt.Errorf("more ops than the header's %d", n)
		}
		if kind != s.kinds[i] || k != s.keys[i] {
			return i, fmt.Errorf("op %d (%s %s dist %s, thread %d): Rust %s %d, Go %d %d",
				i, w.name, hdr["size"], dist, t, fields[0], k, s.kinds[i], s.keys[i])
		}
		i++
	}
	if err := sc.Err(); err != nil {
		return i, err
	}
	if i != n {
		return i, fmt.Errorf("%d ops in the file, the header says %d", i, n)
	}
	return n, nil
}
