#!/usr/bin/env bash
# Regenerates plots and the HTML report from results JSON files. Both are derived data: the
# old SVGs are removed first so a chart whose rows are gone does not linger.
#
#   scripts/plot.sh                         # the committed plots, results/plots/, and the
#                                           # committed report, results/report.html, from the
#                                           # committed Go anchor and reference run
#   scripts/plot.sh FILES… [--out-dir DIR]  # just these files (later files win on equal rows),
#                                           # into DIR (default results/local/plots), and the
#                                           # report beside DIR (results/local/report.html)
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin gomap-bench
bin=target/release/gomap-bench

files=() out=results/local/plots
while [ $# -gt 0 ]; do
    case "$1" in
        --out-dir) out=$2; shift ;;
        *) files+=("$1") ;;
    esac
    shift
done
if [ ${#files[@]} -eq 0 ]; then
    out=results/plots
    for f in results/go-anchor.json results/reference/baseline.json; do
        [ -f "$f" ] && files+=("$f")
    done
fi
if [ ${#files[@]} -eq 0 ]; then
    echo "plot.sh: nothing to plot (no results/reference/baseline.json)" >&2
    exit 2
fi

mkdir -p "$out"
rm -f "$out"/*.svg
$bin plot "${files[@]}" --out-dir "$out"
$bin report "${files[@]}" --out "$(dirname "$out")/report.html"
