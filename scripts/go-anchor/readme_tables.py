#!/usr/bin/env python3
"""Regenerate the tables of docs/go-detection.md ("Where Go's `concurrent map writes` fires").

Run by scripts/go-anchor.sh (step `readme`); reads only generated files:

  results/asm/README-go.md         the version table (between its table:versions markers)
  results/asm/go-writing-flag.json where each build's fatal calls are (labels "fired at")
  results/detection-go.json        the Go builds' detection rows (go-anchor -detect)
  results/detection-rust.json      gomap-failfast's rows (gomap-bench detect)

and replaces what lies between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` in
docs/go-detection.md (NAME: asm-versions, detection-go, detection-rust, detection-summary). Text outside
the markers is left alone. A missing input leaves its region saying so.

Usage: readme_tables.py REPO_ROOT
"""
import json
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "."
readme = os.path.join(root, "docs", "go-detection.md")


def load(rel):
    p = os.path.join(root, rel)
    if not os.path.isfile(p):
        return None
    with open(p, encoding="utf-8") as f:
        return json.load(f) if p.endswith(".json") else f.read()


def pct(k, n):
    return f"{100.0 * k / n:.1f}%" if n else "–"


def machine_line(doc, what):
    m = doc["run"]["machine"]
    return (f"{what}: measured {doc['run']['timestamp'][:10]} on {m['cpu_model']}, {m['cores']} cores, "
            f"{m['memory_gib']} GiB, {m['os']}, kernel {m['kernel']}, THP {m['thp']}; "
            f"git {doc['run']['git_revision'][:7]}{' (dirty)' if doc['run']['git_dirty'] else ''}.")


def site_roles(flag):
    """{(go_version, variant): {(symbol, "file:line"): role}} from go-writing-flag.json."""
    out = {}
    if not flag:
        return out
    for b in flag["builds"].values():
        d = out.setdefault((b["go_version"].split()[0], b["variant"]), {})
        for fn in b["functions"].values():
            for s in fn["fatal_sites"]:
                d[(fn["symbol"], s["fatal_at"])] = s["role"]
    return out


def fired_cell(row, roles):
    fired = row["extra"].get("fired_at") or {}
    if not fired:
        return "–"
    # runtime.Version() of a GOEXPERIMENT build reads "go1.25.5 X:noswissmap"; go env GOVERSION "go1.25.5"
    key = ((row["extra"].get("go_version") or "").split(" ")[0], row["extra"].get("map_variant"))
    r = roles.get(key, {})
    parts = []
    for where, n in sorted(fired.items(), key=lambda kv: -kv[1]):
        fn, _, loc = where.partition(" ")
        short = fn.replace("runtime.", "")
        role = r.get((fn, loc))
        parts.append(f"{short} {role} ({loc}): {n}" if role else f"{short} {loc}: {n}")
    return "; ".join(parts)


def go_tables(doc, roles):
    rows = [r for r in doc["rows"] if r["suite"] == "detection"]
    progs = []
    for r in rows:
        if r["op"] not in progs:
            progs.append(r["op"])
    n_set = sorted({r["extra"]["runs"] for r in rows})
    load = sorted({r["extra"].get("other_cpu_cores_session") for r in rows} - {None})
    load_txt = (f" Other processes kept {', '.join(map(str, load))} of the 2 cores busy over the session "
                "(load lowers every rate: the two goroutines overlap less)." if load else "")
    interleaved = any("interleaved" in r["extra"] for r in rows)
    L = [machine_line(doc, "Go builds") + f" N = {', '.join(map(str, n_set))} runs per cell, "
         "each a fresh process, GOMAXPROCS=2, both goroutines released by one spin barrier"
         + (", the builds interleaved run by run (run r of a program goes through every build before run r+1)"
            if interleaved else "") + "." + load_txt, ""]
    L.append("| program | map | N | died: `concurrent map writes` | died: `concurrent map read and map write` "
             "| died otherwise | hung | finished | of those finished: wrong `len` or lost keys | fired at (count) |")
    L.append("|---|---|---|---|---|---|---|---|---|---|")
    for p in progs:
        for r in [r for r in rows if r["op"] == p]:
            e = r["extra"]
            n = e["runs"]
            fin = e["finished"]
            other = e["died_otherwise"]
            others = e.get("other_messages") or {}
            other_txt = pct(other, n) + (" (" + "; ".join(f"{m}: {c}" for m, c in others.items()) + ")" if others else "")
            corrupt = e.get("finished_wrong_len_or_lost_keys", 0)
            corrupt_txt = (f"{pct(corrupt, fin)} ({e['finished_wrong_len']} wrong len, "
                           f"{e['finished_lost_keys']} lost keys, {e['lost_keys_total']} keys lost in all)"
                           if fin else "–")
            L.append(f"| {p} | {r['map']} | {n} | {pct(e['died_concurrent_map_writes'], n)} | "
                     f"{pct(e['died_concurrent_map_read_and_map_write'], n)} | {other_txt} | {pct(e['hung'], n)} | "
                     f"{pct(fin, n)} | {corrupt_txt} | {fired_cell(r, roles)} |")
    L.append("")
    L.append("The died columns are the row's value (`median` = their sum, as a fraction) with the 95% Wilson interval "
             "in `extra.detected_ci95`; \"fired at\" names the runtime function whose `fatal` call killed the run and, "
             "from `results/asm/go-writing-flag.json`, which of its checks that call belongs to (an entry check, or "
             "the re-check before clearing).")
    return "\n".join(L)


def rust_table(doc):
    rows = [r for r in doc["rows"] if r["suite"] == "detection"]
    loads = [r["extra"].get("other_cpu_pct_of_one_core") for r in rows]
    load_txt = (" Other processes used " + ", ".join(f"{x / 100:.2f}" for x in loads if x is not None)
                + " cores during the four programs." if any(x is not None for x in loads) else "")
    L = [machine_line(doc, "gomap-failfast") + " Two threads released by one spin barrier; a refused write is "
         "not retried." + load_txt, ""]
    L.append("| program | N | runs with a detection | detections per run | refused writes per run "
             "| writes accepted, then lost | runs with a wrong `len` | valid |")
    L.append("|---|---|---|---|---|---|---|---|")
    for r in rows:
        e = r["extra"]
        n = e["runs"]
        lo, hi = e["detected_ci95"]
        L.append(f"| {r['op']} | {n} | {pct(e['detected'], n)} [{100*lo:.1f}, {100*hi:.1f}] | "
                 f"{e['detections_per_run']:g} | {e['refused_writes_per_run']:g} | {e['lost_writes']} | "
                 f"{e['runs_wrong_len']} | {'yes' if r['valid'] else 'NO: ' + e.get('validation_error', '')} |")
    return "\n".join(L)


def summary(go, rust):
    L = []
    if go:
        rows = [r for r in go["rows"] if r["suite"] == "detection"]
        by = {}
        for r in rows:
            by.setdefault(r["op"], []).append(r)
        for p, rs in by.items():
            d = [(r["median"], r["map"]) for r in rs]
            lo, hi = min(d), max(d)
            fin = sum(r["extra"]["finished"] for r in rs)
            corrupt = sum(r["extra"].get("finished_wrong_len_or_lost_keys", 0) for r in rs)
            n = sum(r["extra"]["runs"] for r in rs)
            L.append(f"- `{p}`: Go's detector killed {100*lo[0]:.1f}% ({lo[1]}) to {100*hi[0]:.1f}% ({hi[1]}) of "
                     f"the runs; {fin} of {n} runs finished, {corrupt} of those with a wrong `len` or lost keys.")
    if rust:
        for r in [r for r in rust["rows"] if r["suite"] == "detection"]:
            e = r["extra"]
            L.append(f"- `{r['op']}`, gomap-failfast: a conflict reported in {100*r['median']:.1f}% of "
                     f"{e['runs']} runs, {e['detections_per_run']:g} per run; {e['lost_writes']} accepted writes lost.")
    return "\n".join(L) if L else "(no detection results yet: run `scripts/go-anchor.sh --only detect,readme`)"


def versions_table(asm_readme):
    if asm_readme is None:
        return "(no results/asm/README-go.md yet: run `scripts/go-anchor.sh --only asm,readme`)"
    m = re.search(r"<!-- table:versions -->\n(.*?)\n<!-- /table:versions -->", asm_readme, re.S)
    return m.group(1) if m else "(results/asm/README-go.md has no version table)"


def replace(text, name, body):
    rx = re.compile(r"(<!-- generated:%s -->\n)(?:.*?\n)?(<!-- /generated:%s -->)" % (name, name), re.S)
    if not rx.search(text):
        print(f"readme_tables.py: docs/go-detection.md has no generated:{name} markers", file=sys.stderr)
        sys.exit(1)
    return rx.sub(lambda m: m.group(1) + body.rstrip("\n") + "\n" + m.group(2), text)


def main():
    go, rust = load("results/detection-go.json"), load("results/detection-rust.json")
    roles = site_roles(load("results/asm/go-writing-flag.json"))
    text = open(readme, encoding="utf-8").read()
    text = replace(text, "asm-versions", versions_table(load("results/asm/README-go.md")))
    text = replace(text, "detection-summary", summary(go, rust))
    text = replace(text, "detection-go", go_tables(go, roles) if go else
                   "(no results/detection-go.json yet: run `scripts/go-anchor.sh --only detect,readme`)")
    text = replace(text, "detection-rust", rust_table(rust) if rust else
                   "(no results/detection-rust.json yet: run `gomap-bench detect`)")
    tmp = readme + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, readme)


if __name__ == "__main__":
    main()
