#!/usr/bin/env bash
# Compares a run against this machine's baseline (your own, results/local/baseline.json, or
# the committed reference, results/reference/baseline.json, when it was measured on this
# machine).
#
#   scripts/compare.sh                        # results/local/latest.json vs the baseline
#   scripts/compare.sh run.json --format markdown --threshold 3%
#
# Exit status: 0 no regression, 1 regression, 2 bad input or no baseline for this machine
# (see results/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin gomap-bench
bin=target/release/gomap-bench

current=results/local/latest.json
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
    current=$1
    shift
fi
baseline=$($bin baseline) || exit 2
exec $bin compare "$baseline" "$current" "$@"
