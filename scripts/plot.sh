#!/usr/bin/env bash
# Regenerates results/plots/ from results JSON files (default: every results/*.json except
# temporary files). Plots are derived data: the old SVGs are removed first so a chart whose
# rows are gone does not linger.
#
#   scripts/plot.sh                      # all of results/*.json
#   scripts/plot.sh results/latest.json  # just these files (later files win on equal rows)
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin gomap-bench

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
    shopt -s nullglob
    for f in results/*.json; do
        case "$f" in
            *.tmp.json | results/.*) ;; # temporary or hidden: half-written by definition
            *) files+=("$f") ;;
        esac
    done
fi
if [ ${#files[@]} -eq 0 ]; then
    echo "plot.sh: no results/*.json to plot" >&2
    exit 2
fi

mkdir -p results/plots
rm -f results/plots/*.svg
target/release/gomap-bench plot "${files[@]}" --out-dir results/plots
